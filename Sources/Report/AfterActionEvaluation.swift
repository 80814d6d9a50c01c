import Consultation
import Foundation
import KnowledgeBase

extension AfterActionModel {
  /// Adds the evaluation of an exercise: the header, each objective with the observers'
  /// ratings and the evidence beside them, and the improvement plan. The tool supplies evidence;
  /// people judge. `fill` fills `{term}` placeholders for the consultation's answers.
  public mutating func addEvaluation(
    of run: ExerciseRun, knowledgeBase kb: KnowledgeBase, fill: (String) -> String
  ) {
    let evaluation = run.evaluation
    let info = evaluation.header
    header = [
      ("Datum", info.date), ("Ort", info.place), ("Teilnehmende", info.participants),
      ("Übungsleitung", info.director),
      ("Beobachtung", info.observers.isEmpty ? nil : info.observers.joined(separator: ", ")),
    ].compactMap { label, value in value.map { HeaderField(label: label, value: $0) } }
    hasHeader = !header.isEmpty

    let objectives = run.exercise.objectives
    let current = evaluation.currentRatings(objectives: objectives)
    objectiveRows = objectives.enumerated().map { index, objective in
      let ratings = current.filter { $0.objective == objective.id }.map { rating in
        var text = rating.rating.title
        if let observer = rating.observer { text += " (\(observer))" }
        if let comment = rating.comment, !comment.isEmpty { text += ": \(comment)" }
        return text
      }
      let evidence = Self.evidence(for: objective, in: run, knowledgeBase: kb, fill: fill)
      return ObjectiveRow(
        number: index + 1, text: fill(objective.text), horizon: objective.horizon.map(fill),
        ratings: ratings.isEmpty ? ["noch nicht bewertet"] : ratings, evidence: evidence,
        hasRatings: !ratings.isEmpty, hasEvidence: !evidence.isEmpty)
    }
    hasObjectiveRows = !objectiveRows.isEmpty

    improvements = evaluation.plan.enumerated().map { index, item in
      let objective = item.objective.flatMap { id in
        objectives.firstIndex { $0.id == id }.map { "Ziel \($0 + 1): \(fill(objectives[$0].text))" }
      }
      return ImprovementRow(
        number: index + 1, action: item.action, owner: item.owner, deadline: item.deadline, status: item.status.title,
        objective: objective ?? "")
    }
    hasImprovements = !improvements.isEmpty
  }

  /// What speaks for or against an objective: the staff's decisions and notes about its measures
  /// or after the injects that test it, with clock and exercise time, role and the tool's advice
  /// at that moment; its measures nobody decided, with when the tool recommended them.
  public static func evidence(
    for objective: ExerciseObjective, in run: ExerciseRun, knowledgeBase kb: KnowledgeBase,
    fill: (String) -> String
  ) -> [String] {
    let testing = Set(run.exercise.injects(testing: objective.id).map(\.id))
    let measures = Set(
      objective.measures + run.exercise.injects.filter { testing.contains($0.id) }.flatMap(\.expected))
    let testedStages = Set(
      run.exercise.injects.prefix(run.stage).enumerated().filter { testing.contains($0.element.id) }.map {
        $0.offset + 1
      })
    func advised(_ measure: MeasureID, atStage stage: Int) -> Bool {
      run.recommendedAtStage.indices.contains(stage) && run.recommendedAtStage[stage].contains(measure)
    }
    var lines: [String] = []
    for entry in run.entries {
      let aboutMeasure = entry.measure.map(measures.contains) ?? false
      guard aboutMeasure || testedStages.contains(entry.stage) else { continue }
      var when = entry.exerciseTime
      if let clock = entry.clock { when += ", \(AnswerStamp.clockTime(clock))" }
      if let role = entry.role { when += ", \(role)" }
      var line = "\(when): \(entry.kind.title)"
      if let measure = entry.measure {
        line += " „\(fill(kb.measures[measure].title))“"
        if entry.kind == .decision { line += " \((entry.verdict ?? .accept).title)" }
      }
      if !entry.text.isEmpty { line += " – \(entry.text)" }
      if let measure = entry.measure {
        line +=
          advised(measure, atStage: entry.stage)
          ? " (zu diesem Zeitpunkt vom Werkzeug empfohlen)" : " (zu diesem Zeitpunkt vom Werkzeug nicht empfohlen)"
      }
      if let observer = entry.observer { line += " [beobachtet: \(observer)]" }
      lines.append(line)
    }
    for measure in measures.sorted() where !run.hasDecided(measure) {
      let first = run.recommendedAtStage.indices.first { run.recommendedAtStage[$0].contains(measure) }
      let advice = first.map { "vom Werkzeug empfohlen ab \(run.time(atStage: $0))" } ?? "vom Werkzeug nicht empfohlen"
      lines.append("Nicht beschlossen: „\(fill(kb.measures[measure].title))“ – \(advice)")
    }
    return lines
  }

  /// The improvement plan as CSV for the staff's task list: semicolons, every field quoted, a
  /// header line, CRLF line ends and a byte order mark, as spreadsheets in Germany read it.
  public var improvementPlanCSV: String {
    func field(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    let head = ["Nr.", "Maßnahme", "zuständig", "Frist", "Stand", "Übungsziel"]
    let lines =
      [head] + improvements.map { [String($0.number), $0.action, $0.owner, $0.deadline, $0.status, $0.objective] }
    return "\u{FEFF}" + lines.map { $0.map(field).joined(separator: ";") + "\r\n" }.joined()
  }
}
