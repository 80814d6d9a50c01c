import Foundation
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
  public var measure: MeasureID
  public var decision: StaffDecision
  public var reason: String?
}

/// An observation logged against the exercise time.
public struct LoggedNote: Sendable, Equatable {
  public var stage: Int
  public var text: String
}

/// One entry of the exercise log: a decision of the staff or a note, with the clock time and
/// exercise time it was logged at, the role that took it and the observer who logged it.
public struct LogEntry: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable {
    case decision, note

    /// German, for lists: „Entscheidung“, „Notiz“.
    public var title: String { self == .decision ? "Entscheidung" : "Notiz" }
  }

  public var kind: Kind
  /// 0 is the initial situation, n the n-th released inject.
  public var stage: Int
  /// The exercise time then: `Ausgangslage` or the time of the last released inject.
  public var exerciseTime: String
  /// When it was logged; nil in journals from before time stamps.
  public var clock: Date?
  /// In the staff's own words; may be empty for a decision given only as a measure.
  public var text: String
  /// The measure the decision or note is about, if any.
  public var measure: MeasureID?
  /// For a decision about a measure: taken, rejected or deferred; a decision in free text linked
  /// to a measure takes it.
  public var verdict: StaffDecision?
  /// The role that decided (Leiter Stab, S3 …) or, without one, who was at the keyboard.
  public var role: String?
  public var observer: String?

  public init(
    kind: Kind, stage: Int, exerciseTime: String, clock: Date?, text: String, measure: MeasureID? = nil,
    verdict: StaffDecision? = nil, role: String? = nil, observer: String? = nil
  ) {
    self.kind = kind
    self.stage = stage
    self.exerciseTime = exerciseTime
    self.clock = clock
    self.text = text
    self.measure = measure
    self.verdict = verdict
    self.role = role
    self.observer = observer
  }
}

/// An exercise under way: which injects are played, and what the staff decided and noted.
public struct ExerciseRun: Sendable {
  /// The exercise as it is played: the released injects in the order they came (with any
  /// changes), then those still to come as things stand.
  public internal(set) var exercise: Exercise
  /// The exercise as its file has it.
  public let script: Exercise
  /// Trainee mode: the advice stays hidden until the debrief.
  public internal(set) var blind: Bool
  /// When the exercise started (T+0 on the clock); nil in journals from before time stamps.
  public internal(set) var started: Date?
  /// 0 while the initial situation is on the table, n after the n-th inject.
  public internal(set) var stage = 0
  /// Exercise time per real time while the clock releases injects (`übung uhr an 4`); nil: they
  /// are released by hand.
  public internal(set) var clockCompression: Int?
  public internal(set) var schedule: InjectSchedule
  /// The log of decisions and notes, in the order they were made; undo takes the last one back.
  public internal(set) var entries: [LogEntry] = []
  /// The tool's ranked advice at each stage, and every measure it recommended then.
  public internal(set) var adviceAtStage: [[MeasureID]] = []
  public internal(set) var recommendedAtStage: [Set<MeasureID>] = []
  /// For each stage, the reason and source of the weightiest rule behind each recommended measure.
  public internal(set) var reasonsAtStage: [[MeasureID: (reason: String, source: String)]] = []
  public internal(set) var debriefed = false
  /// The role that decides and notes when an entry names none (`rolle`); nil: who is at the keyboard.
  public internal(set) var role: String?
  /// The evaluation: header, the observers' ratings and the improvement plan.
  public internal(set) var evaluation = ExerciseEvaluation()

  init(exercise: Exercise, blind: Bool, started: Date?) {
    self.exercise = exercise
    self.script = exercise
    self.blind = blind
    self.started = started
    self.schedule = InjectSchedule(exercise: exercise)
    synchronize()
  }

  /// The decisions about measures, in the order they were logged.
  public var decisions: [LoggedDecision] {
    entries.compactMap { entry in
      guard entry.kind == .decision, let measure = entry.measure else { return nil }
      return LoggedDecision(
        stage: entry.stage, measure: measure, decision: entry.verdict ?? .accept,
        reason: entry.text.isEmpty ? nil : entry.text)
    }
  }

  /// The notes, in the order they were logged.
  public var notes: [LoggedNote] {
    entries.filter { $0.kind == .note }.map { LoggedNote(stage: $0.stage, text: $0.text) }
  }

  /// Whether the staff has decided to take a measure: its last decision about it takes it.
  public func hasDecided(_ measure: MeasureID) -> Bool {
    guard let last = entries.last(where: { $0.kind == .decision && $0.measure == measure }) else { return false }
    return (last.verdict ?? .accept) == .accept
  }

  /// The exercise time of the current stage: `Ausgangslage` or the inject's time.
  public var time: String { time(atStage: stage) }

  /// The exercise time of a stage, for decisions and notes logged then.
  public func time(atStage stage: Int) -> String {
    exercise.injects.indices.contains(stage - 1) ? exercise.injects[stage - 1].time : "Ausgangslage"
  }

  /// The inject that comes next as things stand, if any.
  public var nextInject: Inject? { stage < exercise.injects.count ? exercise.injects[stage] : nil }

  /// The factors the exercise clock runs at: 4 plays four hours of exercise time in one hour.
  public static let clockCompressions = 1...60

  /// The exercise time on the clock: how long since the start, times `compression` (2 plays two
  /// hours of exercise time in one hour); nil when the start time is not known.
  public func exerciseTime(at date: Date, compression: Int = 1) -> ExerciseTime? {
    guard let started else { return nil }
    let factor = min(max(compression, 1), Self.clockCompressions.upperBound)
    let minutes = Int(date.timeIntervalSince(started) / 60) * factor
    return ExerciseTime(minutes: max(minutes, 0))
  }

  /// Keeps `exercise.injects` to the schedule: released first, then what is to come.
  mutating func synchronize() {
    let run = self
    exercise.injects = schedule.releasedInjects + schedule.upcoming(decided: { run.hasDecided($0) })
    stage = schedule.released.count
  }

  mutating func snapshot(_ engine: Engine) {
    adviceAtStage.append(engine.advice().map(\.measure))
    recommendedAtStage.append(Set(engine.recommendedMeasures))
    var reasons: [MeasureID: (reason: String, source: String)] = [:]
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
  case nothingToUndo
  case schedule(ScheduleError)
  /// The Übungsleitung must answer this question before the next inject can be released.
  case controlQuestion(inject: String, text: String)
  case unknownObjective(String)
  case unknownPlanRow(Int)
  case invalidInjectID(String)
  case emptyInjectField(String)
  case unknownRole(String, known: [String])

  public var description: String {
    switch self {
    case .noExercise: "Es läuft keine Übung. 'übung liste' zeigt die Szenarien, 'übung start <id>' beginnt eine."
    case .noMoreInjects: "Alle Einlagen sind gespielt. 'auswertung' zeigt die Auswertung."
    case .nothingToUndo: "Im Übungsprotokoll steht noch kein Eintrag, der sich zurücknehmen ließe."
    case .schedule(let error): error.description
    case .controlQuestion(_, let text): "Vor der nächsten Einlage bitte entscheiden (Übungsleitung): \(text)"
    case .unknownObjective(let id): "Ein Übungsziel „\(id)“ hat diese Übung nicht."
    case .unknownPlanRow(let number): "Der Verbesserungsplan hat keine Zeile \(number)."
    case .invalidInjectID(let id):
      "„\(id)“ taugt nicht als Kennung einer Einlage: bitte mit einem Buchstaben beginnen, dann Buchstaben, Ziffern, „-“ oder „_“ (etwa presse-2)."
    case .emptyInjectField(let field): "Die Einlage braucht einen \(field)."
    case .unknownRole(let role, let known):
      "„\(role)“ ist keine Rolle dieser Übung. Möglich: \(known.joined(separator: ", "))."
    }
  }
}
