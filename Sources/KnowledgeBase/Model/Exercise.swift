/// A staff exercise: a fictitious municipality and situation, the objectives it tests, the roles
/// that play it, and the Drehbuch (MSEL): injects over the exercise time.
public struct Exercise: Sendable {
  /// The file name without extension.
  public var id: String
  public var title: String
  /// Planübung, Stabsrahmenübung …
  public var type: String
  public var objectives: [ExerciseObjective]
  /// The exercising staff's roles and the exercise-control roles, in the order the file names
  /// them; empty in a file of the earlier format without `roles:`.
  public var roles: [ExerciseRole]
  public var municipality: String
  public var situation: String
  /// Answers set at the start, by question index; `check` refuses any the shell would refuse.
  public var answers: [(question: QuestionID, answer: Answer)]
  public var injects: [Inject]
  public var sourceIDs: [String]

  public init(
    id: String, title: String, type: String, objectives: [ExerciseObjective], roles: [ExerciseRole],
    municipality: String, situation: String, answers: [(question: QuestionID, answer: Answer)], injects: [Inject],
    sourceIDs: [String]
  ) {
    self.id = id
    self.title = title
    self.type = type
    self.objectives = objectives
    self.roles = roles
    self.municipality = municipality
    self.situation = situation
    self.answers = answers
    self.injects = injects
    self.sourceIDs = sourceIDs
  }

  /// The inject with an id, if the Drehbuch has one.
  public func inject(_ id: String) -> Inject? { injects.first { $0.id == id } }

  /// The role with an id, if the exercise declares one.
  public func role(_ id: String) -> ExerciseRole? { roles.first { $0.id == id } }

  /// The objective with an id, if the exercise declares one.
  public func objective(_ id: String) -> ExerciseObjective? { objectives.first { $0.id == id } }

  /// The injects that test an objective, in Drehbuch order.
  public func injects(testing objective: String) -> [Inject] {
    injects.filter { $0.objectiveIDs.contains(objective) }
  }

  /// The injects of the plan, without the alternatives that may stand in for one of them: as
  /// many as a run plays when nothing is skipped or added.
  public var plannedInjects: [Inject] { injects.filter { $0.replaces == nil } }

  /// The injects that stand in for an inject when their condition holds.
  public func alternatives(to inject: String) -> [Inject] { injects.filter { $0.replaces == inject } }
}

/// An exercise objective (*Übungsziel*) with its Erwartungshorizont: what a good staff does.
public struct ExerciseObjective: Sendable, Equatable {
  public var id: String
  public var text: String
  /// German sentences, each a thing a good staff does; observers rate against them.
  public var horizon: [String]
  /// Measures whose decision evidences the objective, by index.
  public var measures: [MeasureID]

  public init(id: String, text: String, horizon: [String], measures: [MeasureID]) {
    self.id = id
    self.text = text
    self.horizon = horizon
    self.measures = measures
  }
}

/// A role in an exercise: one of the exercising staff's (from the knowledge base's catalogue of
/// staff roles) or one of the three that run the exercise.
public struct ExerciseRole: Sendable, Equatable {
  public var id: String
  public var title: String
  /// Übungsleitung, Einlagensteuerung or Beobachter rather than a role of the exercising staff.
  public var isControl: Bool

  public init(id: String, title: String, isControl: Bool) {
    self.id = id
    self.title = title
    self.isControl = isControl
  }

  /// The roles that run every exercise; exercise files name them by these ids.
  public static let control: [ExerciseRole] = [
    ExerciseRole(id: "uebungsleitung", title: "Übungsleitung", isControl: true),
    ExerciseRole(id: "einlagensteuerung", title: "Einlagensteuerung", isControl: true),
    ExerciseRole(id: "beobachter", title: "Beobachter", isControl: true),
  ]
}

/// A function in a staff (Leiter Stab, S1–S6, the Koordinierungsgruppe of an administrative
/// staff …), as the knowledge base's catalogue `staff_roles:` lists it.
public struct StaffRole: Sendable, Equatable {
  public var id: String
  public var title: String
  /// Which staff has the function: `Führungsstab` or `Verwaltungsstab`.
  public var staff: String
  public var description: String
  public var sourceIDs: [String]

  public init(id: String, title: String, staff: String, description: String, sourceIDs: [String]) {
    self.id = id
    self.title = title
    self.staff = staff
    self.description = description
    self.sourceIDs = sourceIDs
  }
}

/// A planned exercise time: `T+0`, `T+45min`, `T+2h`, `T+4h45`, `T+3d`, `T+2d6h`, `T+4w`.
public struct ExerciseTime: Sendable, Equatable, Hashable, Comparable {
  /// Minutes after the start of the exercise.
  public var minutes: Int

  public init(minutes: Int) { self.minutes = minutes }

  /// Reads the written form; nil for anything else: `T+` and numbers with units from the
  /// largest (`w`, `d`, `h`, `min`), each at most once, minutes after hours also without unit.
  public init?(_ text: String) {
    guard text.hasPrefix("T+") else { return nil }
    var rest = Substring(text.dropFirst(2))
    guard !rest.isEmpty else { return nil }
    if rest == "0" {
      minutes = 0
      return
    }
    let units: [(name: String, minutes: Int)] = [("w", 7 * 24 * 60), ("d", 24 * 60), ("h", 60), ("min", 1)]
    var total = 0
    var next = 0
    var lastUnit: String?
    while !rest.isEmpty {
      let digits = rest.prefix { ("0"..."9").contains($0) }
      // Six digits are years of exercise time; more would only risk an overflow.
      guard !digits.isEmpty, digits.count <= 6, let value = Int(digits) else { return nil }
      rest = rest.dropFirst(digits.count)
      if rest.isEmpty {
        guard lastUnit == "h", value < 60 else { return nil }
        total += value
        break
      }
      guard let index = units[next...].firstIndex(where: { rest.hasPrefix($0.name) }) else { return nil }
      rest = rest.dropFirst(units[index].name.count)
      total += value * units[index].minutes
      lastUnit = units[index].name
      next = index + 1
    }
    minutes = total
  }

  /// The short written form: `T+0`, `T+45min`, `T+2h`, `T+4h45`, `T+1d6h`.
  public var text: String {
    guard minutes > 0 else { return "T+0" }
    var rest = minutes
    var text = "T+"
    let days = rest / (24 * 60)
    rest %= 24 * 60
    if days > 0 { text += "\(days)d" }
    let hours = rest / 60
    rest %= 60
    if hours > 0 {
      text += "\(hours)h"
      if rest > 0 { text += rest < 10 ? "0\(rest)" : "\(rest)" }
    } else if rest > 0 {
      text += "\(rest)min"
    }
    return text
  }

  public static func < (lhs: ExerciseTime, rhs: ExerciseTime) -> Bool { lhs.minutes < rhs.minutes }
}

/// When an inject is played: on what the staff did, or on what the Übungsleitung decides.
public enum InjectCondition: Sendable, Equatable {
  /// The staff has decided to take the measure (by index).
  case decided(MeasureID)
  /// The staff has not decided to take the measure.
  case notDecided(MeasureID)
  /// The Übungsleitung answers the question with yes when the inject is due (for decisions the
  /// staff took in free text, without a measure).
  case control(String)
}

/// One inject (*Einlage*) of the Drehbuch: who tells whom what, when and how, and what the
/// designers expect the staff to do.
public struct Inject: Sendable {
  /// Unique in the exercise; in files of the earlier format `einlage-1`, `einlage-2` …
  public var id: String
  /// The exercise time as written: `T+2h`, or in the earlier format any label (`Tag 3`).
  public var time: String
  /// The planned exercise time; nil in the earlier format, whose labels are not times.
  public var at: ExerciseTime?
  /// Sender, as the Einlagensteuerung plays it (`Hochwassermeldedienst des Landes`).
  public var from: String
  /// The recipient: the id of a role the exercise declares; empty in the earlier format.
  public var to: String
  /// Telefon, E-Mail, Funk, Lagemeldung, Presseanfrage, Bürgeranruf, Social Media …
  public var channel: String
  public var title: String
  public var text: String
  public var answers: [(question: QuestionID, answer: Answer)]
  /// Measures the exercise designers expect the staff to have taken by this inject.
  public var expected: [MeasureID]
  /// The staff action the designers expect, in German.
  public var expectedAction: String?
  /// The objectives the inject tests.
  public var objectiveIDs: [String]
  /// When the inject is played at all; nil for always.
  public var condition: InjectCondition?
  /// The inject this one stands in for when its condition holds.
  public var replaces: String?

  /// Whether an id is spelled as inject ids in files must be (for injects added during play).
  public static func isValidID(_ id: String) -> Bool { IdentifierSyntax.isValid(id) }

  public init(
    id: String, time: String, at: ExerciseTime?, from: String, to: String, channel: String, title: String,
    text: String, answers: [(question: QuestionID, answer: Answer)] = [], expected: [MeasureID] = [],
    expectedAction: String? = nil, objectiveIDs: [String] = [], condition: InjectCondition? = nil,
    replaces: String? = nil
  ) {
    self.id = id
    self.time = time
    self.at = at
    self.from = from
    self.to = to
    self.channel = channel
    self.title = title
    self.text = text
    self.answers = answers
    self.expected = expected
    self.expectedAction = expectedAction
    self.objectiveIDs = objectiveIDs
    self.condition = condition
    self.replaces = replaces
  }
}
