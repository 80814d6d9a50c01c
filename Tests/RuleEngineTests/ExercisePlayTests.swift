import Consultation
import Foundation
import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// Playing a Drehbuch of the shipped knowledge base: branches on the staff's decisions and on the
/// Übungsleitung's answers, changes during play, the log with undo, and all of it through the
/// journal and back.
struct ExercisePlayTests {
  static let knowledgeBase: KnowledgeBase? = KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot).knowledgeBase

  static func start(_ id: String, journal: Journal? = nil) throws -> Consultation {
    let kb = try #require(knowledgeBase, "the shipped knowledge base has errors")
    let exercise = try #require(kb.exercises.first { $0.id == id })
    var consultation = Consultation(knowledgeBase: kb, journal: journal)
    consultation.clock = { Date(timeIntervalSince1970: 1_800_000_000) }
    try consultation.startExercise(exercise, blind: true)
    return consultation
  }

  static func measure(_ id: String) throws -> MeasureID {
    try #require(knowledgeBase?.measureIndex[id])
  }

  /// A fresh journal file in a folder of its own; the caller removes the folder.
  static func journalPath() throws -> (folder: URL, path: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("resilienz-play-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return (folder, folder.appendingPathComponent("uebung.journal").path)
  }

  /// The clock setting is journaled: a resumed exercise runs on the same clock, and stopping it
  /// is kept too.
  @Test func clockSettingSurvivesAResume() throws {
    let kb = try #require(Self.knowledgeBase)
    let (folder, path) = try Self.journalPath()
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      var consultation = try Self.start("sturzflut-nacht", journal: try Journal(path: path))
      try consultation.setExerciseClock(4)
    }
    var (resumed, problems) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
    #expect(problems.isEmpty, "\(problems)")
    #expect(resumed.exercise?.clockCompression == 4)
    try resumed.setExerciseClock(nil)
    let (again, _) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
    #expect(again.exercise?.clockCompression == nil)
  }

  @Test func withoutTheAdviserTheForecastInjectComesAsPlanned() throws {
    var consultation = try Self.start("sturzflut-nacht")
    #expect(try consultation.releaseInject().inject.id == "pegel-steigt")
    try consultation.decide(try Self.measure("prognosen-fachberatung"), .reject, reason: "Prognose sinkt.")
    #expect(try consultation.releaseInject().inject.id == "prognose-gesenkt")
    let run = try #require(consultation.exercise)
    #expect(run.schedule.entry("prognose-gesenkt-fachberatung")?.state == .passedOver)
    #expect(run.stage == 2)
  }

  @Test func withTheAdviserAppointedTheAlternativeStandsIn() throws {
    var consultation = try Self.start("sturzflut-nacht")
    try consultation.releaseInject()
    try consultation.log(
      .decision, text: "Fachberater Hochwasser vom THW in den Stab geholt.",
      measure: try Self.measure("prognosen-fachberatung"), role: "Leitung", observer: "B1")
    let released = try consultation.releaseInject()
    #expect(released.inject.id == "prognose-gesenkt-fachberatung")
    let run = try #require(consultation.exercise)
    #expect(run.schedule.entry("prognose-gesenkt")?.state == .replaced(by: "prognose-gesenkt-fachberatung"))
    // The alternative's answer is set in the tool: the forecasts are assessed.
    let question = try #require(consultation.knowledgeBase.questionIndex["hochwasser.prognosen"])
    #expect(consultation.engine.describe(consultation.engine.answers[question], of: question) == "ja")
    #expect(run.exercise.injects[1].title == "Prognose gesenkt – der Fachberater widerspricht")
  }

  @Test func anOpenQuestionToTheExerciseDirectorStopsTheRelease() throws {
    var consultation = try Self.start("cyberangriff-dienstleister")
    for _ in 0..<3 { try consultation.releaseInject() }
    #expect(throws: ExerciseError.self) { try consultation.releaseInject() }
    #expect(
      try consultation.nextInjectChoice()
        == .question(
          inject: "darknet-vorbereitet",
          text:
            "Hat der Stab am ersten Tag eine Bürgerinformation herausgegeben, die sagt, was bekannt ist und was nicht?"
        ))
    var yes = consultation
    try yes.answerControlQuestion("darknet-vorbereitet", true)
    #expect(try yes.releaseInject().inject.id == "darknet-vorbereitet")
    try consultation.answerControlQuestion("darknet-vorbereitet", false)
    #expect(try consultation.releaseInject().inject.id == "darknet")
  }

  @Test func linearPlayTakesAnOpenQuestionAsNo() throws {
    var consultation = try Self.start("cyberangriff-dienstleister")
    let played = try (0..<4).map { _ in try consultation.playInject().inject.id }
    #expect(played == ["verbindungen-getrennt", "schlangen", "erpressung", "darknet"])
  }

  @Test func skipEditDelayAndAdd() throws {
    var consultation = try Self.start("stromausfall-winter")
    try consultation.releaseInject()
    try consultation.skipInject("klinikum")
    try consultation.editInject("feuerwache", text: "Vor der Feuerwache Ost stehen 120 Menschen.")
    try consultation.delayInject("pflegedienst", to: try #require(ExerciseTime("T+13h")))
    try consultation.addInject(
      AdHocInject(
        id: "presse-ad-hoc", title: "Anruf des MDR", text: "Der MDR fragt nach der Zahl der Betroffenen.",
        from: "MDR", to: "buerger-medienarbeit", channel: "Presseanfrage"), at: ExerciseTime(minutes: 7 * 60))
    #expect(throws: ExerciseError.schedule(.notPending("klinikum", state: "übersprungen"))) {
      try consultation.editInject("klinikum", text: "x")
    }
    #expect(throws: ExerciseError.schedule(.unknownInject("gibt-es-nicht"))) {
      try consultation.skipInject("gibt-es-nicht")
    }
    let order = try (0..<4).map { _ in try consultation.releaseInject().inject }
    #expect(order.map(\.id) == ["feuerwache", "presse-ad-hoc", "diesel", "pflegedienst"])
    #expect(order[0].text == "Vor der Feuerwache Ost stehen 120 Menschen.")
    #expect(order[3].time == "T+13h")
  }

  @Test func anAddedInjectNeedsAnIdATitleATextAndADeclaredRecipient() throws {
    var consultation = try Self.start("stromausfall-winter")
    func added(id: String = "anruf", title: String = "Anruf", text: String = "Text", to: String = "fachbereiche")
      -> AdHocInject
    {
      AdHocInject(id: id, title: title, text: text, from: "Bürger", to: to, channel: "Bürgeranruf")
    }
    #expect(throws: ExerciseError.invalidInjectID("2 Anruf")) { try consultation.addInject(added(id: "2 Anruf")) }
    #expect(throws: ExerciseError.emptyInjectField("Text")) { try consultation.addInject(added(text: "  ")) }
    #expect(throws: ExerciseError.self) { try consultation.addInject(added(to: "s9")) }
    #expect(throws: ExerciseError.schedule(.duplicateInject("diesel"))) {
      try consultation.addInject(added(id: "diesel"))
    }
    try consultation.releaseInject()
    try consultation.addInject(added())
    // Without a time it comes next, at the exercise time of the inject played last.
    let next = try consultation.releaseInject().inject
    #expect(next.id == "anruf")
    #expect(next.time == "T+0")
  }

  @Test func undoTakesTheLastEntryBack() throws {
    var consultation = try Self.start("sturzflut-nacht")
    #expect(throws: ExerciseError.nothingToUndo) { try consultation.undoLastEntry() }
    try consultation.releaseInject()
    let warn = try Self.measure("fruehwarnung-hochwasser")
    try consultation.log(.decision, text: "Warnung über MoWaS für das ganze Tal.", measure: warn, role: "S2")
    try consultation.log(.decision, text: "Warnung über MoWaS für das ganze Tal.", measure: warn, role: "S2")
    #expect(consultation.exercise?.decisions.count == 2)
    let undone = try consultation.undoLastEntry()
    #expect(undone.role == "S2")
    #expect(consultation.exercise?.decisions.count == 1)
    // Undoing the decision that chose a branch lets the plan come back.
    try consultation.log(
      .decision, text: "Fachberater benannt.", measure: try Self.measure("prognosen-fachberatung"))
    #expect(consultation.exercise?.nextInject?.id == "prognose-gesenkt-fachberatung")
    try consultation.undoLastEntry()
    #expect(consultation.exercise?.nextInject?.id == "prognose-gesenkt")
  }

  @Test func rolesClockTimesAndTheScheduleSurviveTheJournal() throws {
    let (folder, path) = try Self.journalPath()
    defer { try? FileManager.default.removeItem(at: folder) }
    let kb = try #require(Self.knowledgeBase)
    let clock = Date(timeIntervalSince1970: 1_800_000_000)
    do {
      var (consultation, problems) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
      #expect(problems.isEmpty)
      consultation.clock = { clock }
      try consultation.startExercise(try #require(kb.exercises.first { $0.id == "sturzflut-nacht" }), blind: true)
      consultation.clock = { clock.addingTimeInterval(3 * 60) }
      try consultation.releaseInject()
      consultation.clock = { clock.addingTimeInterval(7 * 60) }
      try consultation.log(
        .decision, text: "Fachberater Hochwasser benannt.", measure: try Self.measure("prognosen-fachberatung"),
        role: "Leitung Verwaltungsstab", observer: "Beobachterin Nord")
      try consultation.note("Lagebild an der Wand ist eine Stunde alt.")
      try consultation.log(.note, text: "Doppelt eingetragen.", role: "S2")
      try consultation.undoLastEntry()
      try consultation.skipInject("wohnheim-gefahr")
      try consultation.editInject("pegel-ausfall", text: "Der Pegel fällt um 20:40 Uhr aus.")
      try consultation.releaseInject()
      try consultation.setExerciseHeader(
        ExerciseHeader(date: "17.02.2027", place: "Kreisverwaltung", director: "K. Berger", observers: ["B1"]))
      try consultation.rateObjective("prognosen", .achieved, observer: "B1", comment: "Fachberater früh geholt.")
      try consultation.addPlanItem(
        PlanItem(action: "Fachberater-Liste anlegen", owner: "S2", deadline: "31.03.2027", objective: "prognosen"))
      // The process ends here without closing anything, as after kill -9.
    }
    let contents = try Journal.read(path: path)
    let (replayed, problems) = try Consultation.replay(knowledgeBase: kb, contents: contents)
    #expect(problems.isEmpty, "\(problems)")
    let run = try #require(replayed.exercise)
    #expect(run.schedule.released == ["pegel-steigt", "prognose-gesenkt-fachberatung"])
    #expect(run.schedule.entry("wohnheim-gefahr")?.state == .skipped)
    #expect(run.schedule.entry("pegel-ausfall")?.inject.text == "Der Pegel fällt um 20:40 Uhr aus.")
    #expect(run.entries.count == 2)
    let decision = try #require(run.entries.first)
    #expect(decision.role == "Leitung Verwaltungsstab")
    #expect(decision.observer == "Beobachterin Nord")
    #expect(decision.exerciseTime == "T+0")
    #expect(decision.clock == clock.addingTimeInterval(7 * 60))
    #expect(run.started == clock)
    #expect(run.exerciseTime(at: clock.addingTimeInterval(90 * 60), compression: 2) == ExerciseTime("T+3h"))
    #expect(run.evaluation.header.director == "K. Berger")
    #expect(run.evaluation.ratings.map(\.rating) == [.achieved])
    #expect(run.evaluation.plan.first?.owner == "S2")
    #expect(run.nextInject?.id == "pegel-ausfall")
  }

  @Test func journalsFromBeforeTheDrehbuchStillLoad() throws {
    let kb = try #require(Self.knowledgeBase)
    // As an earlier version wrote them: injects without ids, decisions without roles.
    let lines = [
      #"{"format":"resilienz-journal","knowledgeBase":"\#(kb.info.id)","op":"start","version":"\#(kb.info.version)"}"#,
      #"{"answer":"open","op":"exercise","question":"sturzflut-nacht","time":"2026-07-14T14:00:00Z"}"#,
      #"{"op":"inject","question":"sturzflut-nacht","time":"2026-07-14T14:01:00Z"}"#,
      #"{"answer":"accept","op":"decide","question":"fruehwarnung-hochwasser","text":"Warnung","time":"2026-07-14T14:02:00Z"}"#,
      #"{"op":"note","text":"Ruhig.","time":"2026-07-14T14:03:00Z"}"#,
      #"{"op":"inject","question":"sturzflut-nacht","time":"2026-07-14T14:04:00Z"}"#,
    ]
    let (folder, path) = try Self.journalPath()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    let contents = try Journal.read(path: path)
    let (replayed, problems) = try Consultation.replay(knowledgeBase: kb, contents: contents)
    #expect(problems.isEmpty, "\(problems)")
    let run = try #require(replayed.exercise)
    #expect(run.schedule.released == ["pegel-steigt", "prognose-gesenkt"])
    #expect(run.decisions.map(\.decision) == [.accept])
    #expect(run.notes.map(\.text) == ["Ruhig."])
    #expect(run.entries.first?.clock == AnswerStamp.date(fromTimestamp: "2026-07-14T14:02:00Z"))
  }
}
