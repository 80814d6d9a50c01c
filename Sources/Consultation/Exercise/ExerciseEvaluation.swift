import Foundation
import KnowledgeBase

/// How far the staff reached an objective, as an observer judges it.
public enum ObjectiveRating: String, Sendable, CaseIterable, Codable {
  case achieved = "erreicht"
  case partly = "teilweise"
  case notAchieved = "nicht_erreicht"

  /// German words as typed: „erreicht“, „teilweise“, „nicht erreicht“ (also „nicht_erreicht“, „nein“).
  public init?(word: String) {
    switch word.folded.replacingOccurrences(of: "_", with: " ") {
    case "erreicht", "ja": self = .achieved
    case "teilweise", "teilweise erreicht", "teils": self = .partly
    case "nicht erreicht", "nicht", "nein": self = .notAchieved
    default: return nil
    }
  }

  public var title: String {
    switch self {
    case .achieved: "erreicht"
    case .partly: "teilweise erreicht"
    case .notAchieved: "nicht erreicht"
    }
  }
}

/// An observer's rating of an objective.
public struct RecordedRating: Sendable, Equatable {
  public var objective: String
  public var rating: ObjectiveRating
  /// Who rated; nil when not said.
  public var observer: String?
  public var comment: String?
  public var clock: Date?
}

/// The state of a row of the improvement plan.
public enum PlanStatus: String, Sendable, CaseIterable, Codable {
  case open = "offen"
  case inProgress = "in_arbeit"
  case done = "erledigt"

  public init?(word: String) {
    switch word.folded.replacingOccurrences(of: "_", with: " ") {
    case "offen": self = .open
    case "in arbeit", "laufend", "begonnen": self = .inProgress
    case "erledigt", "fertig", "abgeschlossen": self = .done
    default: return nil
    }
  }

  public var title: String {
    switch self {
    case .open: "offen"
    case .inProgress: "in Arbeit"
    case .done: "erledigt"
    }
  }
}

/// A row of the improvement plan: what is to be done, by whom, by when.
public struct PlanItem: Sendable, Equatable, Codable {
  public var action: String
  public var owner: String
  /// As the staff said it (`31.03.2027`, `bis Ende Q2`).
  public var deadline: String
  public var status: PlanStatus
  /// The objective it answers, if any.
  public var objective: String?

  public init(action: String, owner: String, deadline: String, status: PlanStatus = .open, objective: String? = nil) {
    self.action = action
    self.owner = owner
    self.deadline = deadline
    self.status = status
    self.objective = objective
  }
}

/// The facts an after-action report names in its header.
public struct ExerciseHeader: Sendable, Equatable, Codable {
  /// As written (`17.02.2027`).
  public var date: String?
  public var place: String?
  public var participants: String?
  /// Who led the exercise (Übungsleitung).
  public var director: String?
  public var observers: [String]

  public init(
    date: String? = nil, place: String? = nil, participants: String? = nil, director: String? = nil,
    observers: [String] = []
  ) {
    self.date = date
    self.place = place
    self.participants = participants
    self.director = director
    self.observers = observers
  }
}

/// What the evaluation of an exercise records: its header, the ratings and the plan.
public struct ExerciseEvaluation: Sendable, Equatable {
  public var header = ExerciseHeader()
  /// Every rating as given; a later rating of the same objective by the same observer replaces
  /// the earlier one in `currentRatings`.
  public var ratings: [RecordedRating] = []
  public var plan: [PlanItem] = []

  /// The ratings that count: per objective and observer the last one, in the order of the objectives.
  public func currentRatings(objectives: [ExerciseObjective]) -> [RecordedRating] {
    var result: [RecordedRating] = []
    for objective in objectives {
      var seen: Set<String> = []
      for rating in ratings.reversed() where rating.objective == objective.id {
        if seen.insert(rating.observer ?? "").inserted { result.append(rating) }
      }
    }
    // Each objective's ratings in the order they were given.
    return result.sorted { lhs, rhs in
      let left = objectives.firstIndex { $0.id == lhs.objective } ?? 0
      let right = objectives.firstIndex { $0.id == rhs.objective } ?? 0
      if left != right { return left < right }
      return (ratings.firstIndex(of: lhs) ?? 0) < (ratings.firstIndex(of: rhs) ?? 0)
    }
  }
}
