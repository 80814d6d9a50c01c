import Consultation
import Foundation
import KnowledgeBase
import Report
import Testing
import _ResilienzTestSupport

/// The after-action report with the evaluation: header, each objective with the observers'
/// ratings and the evidence beside them, and the improvement plan with owner, deadline and
/// status, also as CSV for the staff's task list.
struct AfterActionEvaluationTests {
  /// Two hours of the flood night, fixed clock: the staff warns, appoints a flood adviser (so
  /// inject 2b stands in), an observer rates two objectives, the plan has two rows.
  static func playedRun() throws -> (ExerciseRun, KnowledgeBase) {
    let kb = try #require(DrehbuchTests.knowledgeBase, "the shipped knowledge base has errors")
    let exercise = try #require(kb.exercises.first { $0.id == "sturzflut-nacht" })
    let start = try #require(AnswerStamp.date(fromTimestamp: "2026-07-14T14:00:00Z"))
    var consultation = Consultation(knowledgeBase: kb)
    consultation.clock = { start }
    try consultation.startExercise(exercise, blind: true)
    try consultation.releaseInject()
    consultation.clock = { start.addingTimeInterval(12 * 60) }
    let warn = try #require(kb.measureIndex["fruehwarnung-hochwasser"])
    try consultation.log(
      .decision, text: "Warnung über MoWaS und Sirenen für das ganze Tal.", measure: warn, role: "Leitung",
      observer: "Beobachterin Nord")
    consultation.clock = { start.addingTimeInterval(40 * 60) }
    let adviser = try #require(kb.measureIndex["prognosen-fachberatung"])
    try consultation.log(.decision, text: "Fachberater vom THW angefordert.", measure: adviser, role: "S2")
    consultation.clock = { start.addingTimeInterval(125 * 60) }
    try consultation.releaseInject()
    try consultation.log(.note, text: "Landrat wollte die Warnung zurückstellen; Stab hielt dagegen.", role: "Leitung")
    try consultation.setExerciseHeader(
      ExerciseHeader(
        date: "17.02.2027", place: "Feuerwehrtechnische Zentrale Kallmünde", participants: "Krisenstab, 14 Personen",
        director: "K. Berger", observers: ["Beobachterin Nord", "Beobachter Süd"]))
    try consultation.rateObjective("prognosen", .achieved, observer: "Beobachterin Nord", comment: "Fachberater früh.")
    try consultation.rateObjective("warnung", .notAchieved, observer: "Beobachter Süd")
    try consultation.rateObjective("warnung", .partly, observer: "Beobachter Süd", comment: "Sirenen ja, Radio nein.")
    try consultation.addPlanItem(
      PlanItem(
        action: "Liste der Fachberater Hochwasser mit Erreichbarkeit anlegen", owner: "S2 Lage",
        deadline: "31.03.2027", objective: "prognosen"))
    try consultation.addPlanItem(
      PlanItem(
        action: "Warnmittel-Mix mit dem Rundfunk üben; \"Warntext\" vorbereiten", owner: "Pressestelle",
        deadline: "bis Ende Q2", status: .inProgress, objective: "warnung"))
    return (try #require(consultation.exercise), kb)
  }

  /// The staff's log export shows free-text entries with role, observer and measure, and undo.
  @Test func theLogExportShowsEntriesOfTheExercise() throws {
    let kb = try #require(DrehbuchTests.knowledgeBase)
    let exercise = try #require(kb.exercises.first { $0.id == "sturzflut-nacht" })
    var consultation = Consultation(knowledgeBase: kb)
    try consultation.startExercise(exercise, blind: false)
    try consultation.releaseInject()
    let warn = try #require(kb.measureIndex["fruehwarnung-hochwasser"])
    try consultation.log(.decision, text: "Warnung für das Tal.", measure: warn, role: "S2", observer: "B1")
    try consultation.log(.note, text: "Doppelt.", role: "S2")
    try consultation.undoLastEntry()
    let rows = LogExport(log: consultation.log, consultation: consultation).rows.suffix(3)
    #expect(
      rows.map(\.art) == ["Entscheidung (Übung)", "Notiz (Übung)", "Letzter Eintrag zurückgenommen (Übung)"])
    let decision = try #require(rows.first)
    #expect(decision.wer == "S2")
    #expect(decision.gegenstand == "Früh, wiederholt und über alle Kanäle warnen")
    #expect(decision.inhalt == "Warnung für das Tal. (beobachtet: B1)")
  }

  static func model() throws -> AfterActionModel {
    let (run, kb) = try playedRun()
    let debrief = Debrief(run: run)
    var model = AfterActionModel(
      title: run.exercise.title, type: run.exercise.type, scenario: run.exercise.id,
      knowledgeBase: "\(kb.info.id) \(kb.info.version)", mode: "blind (Empfehlungen erst in der Auswertung)",
      objectives: run.exercise.objectives.map(\.text), municipality: run.exercise.municipality,
      situation: run.exercise.situation,
      timeline: (0...run.stage).map { stage in
        AfterActionModel.TimelineRow(
          time: run.time(atStage: stage), event: stage == 0 ? "Ausgangslage" : run.exercise.injects[stage - 1].title,
          entries: run.entries.filter { $0.stage == stage }.map(\.text))
      },
      comparison: debrief.stages.flatMap { stage in
        stage.expectations.map {
          AfterActionModel.ComparisonRow(
            time: stage.inject.time, measure: kb.measures[$0.measure].title, verdict: "\($0.verdict)",
            advised: $0.advised ? "ja" : "nein")
        }
      },
      totals: "Erwartete Maßnahmen: \(debrief.expectedTotal)", takenNotAdvised: [], observations: [], plan: [])
    model.addEvaluation(of: run, knowledgeBase: kb, fill: { $0 })
    return model
  }

  @Test(arguments: [ReportFormat.md, .html])
  func reportWithRatingsEvidenceAndPlan(format: ReportFormat) throws {
    let templates = try ReportTemplates(folder: ReportFixture.shippedTemplates)
    let text = try templates.render(try Self.model(), as: format)
    if let problem = Golden.check(text, named: "auswertung-bewertung.\(format.rawValue)") {
      Issue.record(Comment(rawValue: problem))
    }
  }

  @Test func improvementPlanAsCSV() throws {
    if let problem = Golden.check(try Self.model().improvementPlanCSV, named: "verbesserungsplan.csv") {
      Issue.record(Comment(rawValue: problem))
    }
  }

  @Test func theLaterRatingOfAnObserverCountsAndEvidenceHasTimesAndAdvice() throws {
    let model = try Self.model()
    let warning = try #require(model.objectiveRows.first { $0.number == 2 })
    #expect(warning.ratings == ["teilweise erreicht (Beobachter Süd): Sirenen ja, Radio nein."])
    let decision = try #require(warning.evidence.first)
    #expect(
      decision.hasPrefix(
        "T+0, 16:12 Uhr, Leitung: Entscheidung „Früh, wiederholt und über alle Kanäle warnen“ angenommen"))
    #expect(decision.contains("(zu diesem Zeitpunkt vom Werkzeug empfohlen)"))
    #expect(decision.hasSuffix("[beobachtet: Beobachterin Nord]"))
    // Objectives nobody rated say so instead of staying silent.
    #expect(model.objectiveRows.last?.ratings == ["noch nicht bewertet"])
    #expect(model.header.map(\.label) == ["Datum", "Ort", "Teilnehmende", "Übungsleitung", "Beobachtung"])
    #expect(model.improvements.map(\.status) == ["offen", "in Arbeit"])
  }
}
