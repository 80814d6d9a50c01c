import KnowledgeBase
import RuleEngine
import RuleLanguage

/// What the exercising staff decided about a measure.
public enum StaffDecision: String, Sendable, CaseIterable {
  case accept, reject
  case deferred = "defer"

  /// Accepts English and German words: accept/annehmen, reject/ablehnen, defer/zurückstellen.
  public init?(word: String) {
    switch word.folded {
    case "accept", "annehmen", "angenommen", "ja": self = .accept
    case "reject", "ablehnen", "abgelehnt", "nein": self = .reject
    case "defer", "zurueckstellen", "zurueckgestellt", "spaeter": self = .deferred
    default: return nil
    }
  }

  public var title: String {
    switch self {
    case .accept: "angenommen"
    case .reject: "abgelehnt"
    case .deferred: "zurückgestellt"
    }
  }
}

/// A decision logged against the exercise time.
public struct LoggedDecision: Sendable, Equatable {
  /// 0 is the initial situation, n the n-th inject.
  public var stage: Int
  public var measure: Int
  public var decision: StaffDecision
  public var reason: String?
}

/// An observation logged against the exercise time.
public struct LoggedNote: Sendable, Equatable {
  public var stage: Int
  public var text: String
}

/// An exercise under way: which inject it is at, and what the staff decided and noted.
public struct ExerciseRun: Sendable {
  public let exercise: Exercise
  /// Trainee mode: the advice stays hidden until the debrief.
  public internal(set) var blind: Bool
  /// 0 while the initial situation is on the table, n after the n-th inject.
  public internal(set) var stage = 0
  public internal(set) var decisions: [LoggedDecision] = []
  public internal(set) var notes: [LoggedNote] = []
  /// The tool's ranked advice at each stage, and every measure it recommended then.
  public internal(set) var adviceAtStage: [[Int]] = []
  public internal(set) var recommendedAtStage: [Set<Int>] = []
  /// For each stage, the reason and source of the weightiest rule behind each recommended measure.
  public internal(set) var reasonsAtStage: [[Int: (reason: String, source: String)]] = []
  public internal(set) var debriefed = false

  /// The exercise time of the current stage: `Ausgangslage` or the inject's time.
  public var time: String { time(atStage: stage) }

  /// The exercise time of a stage, for decisions and notes logged then.
  public func time(atStage stage: Int) -> String {
    exercise.injects.indices.contains(stage - 1) ? exercise.injects[stage - 1].time : "Ausgangslage"
  }

  /// The inject that comes next, if any.
  public var nextInject: Inject? { stage < exercise.injects.count ? exercise.injects[stage] : nil }

  mutating func snapshot(_ engine: Engine) {
    adviceAtStage.append(engine.advice().map(\.measure))
    recommendedAtStage.append(Set(engine.recommendedMeasures))
    var reasons: [Int: (reason: String, source: String)] = [:]
    let kb = engine.knowledgeBase
    for measure in engine.recommendedMeasures {
      var best: (weight: FixedDecimal, reason: String, source: String)?
      for rule in engine.firingRules(for: .measure(measure)) {
        for conclusion in kb.rules[rule].conclusions {
          guard case .recommend(measure, let weight) = conclusion.kind, let reason = conclusion.reason else { continue }
          if weight > (best?.weight ?? FixedDecimal(hundredths: Int.min)) {
            best = (weight, reason, kb.rules[rule].sourceIDs.first ?? "")
          }
        }
      }
      if let best { reasons[measure] = (best.reason, best.source) }
    }
    reasonsAtStage.append(reasons)
  }
}

/// Why an exercise action failed; German, for users.
public enum ExerciseError: Error, CustomStringConvertible, Equatable {
  case noExercise
  case noMoreInjects

  public var description: String {
    switch self {
    case .noExercise: "Es läuft keine Übung. 'übung liste' zeigt die Szenarien, 'übung start <id>' beginnt eine."
    case .noMoreInjects: "Alle Einlagen sind gespielt. 'auswertung' zeigt die Auswertung."
    }
  }
}

extension Consultation {
  /// Starts an exercise: a fresh consultation with the scenario's preset answers.
  public mutating func startExercise(_ exercise: Exercise, blind: Bool) throws {
    try write(JournalRecord(op: "exercise", question: exercise.id, answer: blind ? "blind" : "open"))
    try clearAnswers()
    for (question, answer) in exercise.answers {
      _ = try apply(question, answer, record: false)
    }
    var run = ExerciseRun(exercise: exercise, blind: blind)
    run.snapshot(engine)
    self.exercise = run
    lastOutcome = nil
  }

  /// Plays the next inject: its answers are set and the advice at that moment is kept.
  @discardableResult
  public mutating func playInject() throws -> (inject: Inject, change: AdviceChange) {
    guard var run = exercise else { throw ExerciseError.noExercise }
    guard let inject = run.nextInject else { throw ExerciseError.noMoreInjects }
    try write(JournalRecord(op: "inject", question: exercise?.exercise.id))
    let before = engine
    for (question, answer) in inject.answers {
      _ = try apply(question, answer, record: false)
    }
    run.stage += 1
    run.snapshot(engine)
    exercise = run
    return (inject, AdviceChange(before: before, after: engine))
  }

  /// Logs the staff's decision about a measure at the current exercise time.
  public mutating func decide(_ measure: Int, _ decision: StaffDecision, reason: String?) throws {
    guard var run = exercise else { throw ExerciseError.noExercise }
    try write(
      JournalRecord(op: "decide", question: knowledgeBase.measures[measure].id, answer: decision.rawValue, text: reason)
    )
    run.decisions.append(LoggedDecision(stage: run.stage, measure: measure, decision: decision, reason: reason))
    exercise = run
  }

  /// Logs an observation at the current exercise time.
  public mutating func note(_ text: String) throws {
    guard var run = exercise else { throw ExerciseError.noExercise }
    try write(JournalRecord(op: "note", text: text))
    run.notes.append(LoggedNote(stage: run.stage, text: text))
    exercise = run
  }

  /// Marks the debrief as held: from now on the advice is shown even in a blind exercise.
  public mutating func markDebriefed() throws {
    guard var run = exercise else { throw ExerciseError.noExercise }
    if !run.debriefed { try write(JournalRecord(op: "debrief")) }
    run.debriefed = true
    exercise = run
  }
}
