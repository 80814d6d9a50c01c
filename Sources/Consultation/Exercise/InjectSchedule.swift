import KnowledgeBase

/// Why the Übungsleitung's change to the Drehbuch cannot be made; German, for users.
public enum ScheduleError: Error, CustomStringConvertible, Equatable {
  case unknownInject(String)
  case notPending(String, state: String)
  case noControlQuestion(String)
  case duplicateInject(String)

  public var description: String {
    switch self {
    case .unknownInject(let id): "Eine Einlage „\(id)“ gibt es in dieser Übung nicht."
    case .notPending(let id, let state): "Die Einlage „\(id)“ ist \(state); das geht nur bei Einlagen, die noch kommen."
    case .noControlQuestion(let id): "Die Einlage „\(id)“ hängt von keiner Frage an die Übungsleitung ab."
    case .duplicateInject(let id): "Eine Einlage „\(id)“ gibt es schon; bitte eine andere Kennung wählen."
    }
  }
}

/// The Drehbuch as it is played: which injects are released, skipped, moved, edited or added,
/// and which of two alternatives the staff's decisions (or the Übungsleitung) chose.
public struct InjectSchedule: Sendable {
  public enum State: Sendable, Equatable {
    case pending
    case released
    case skipped
    /// An alternative was played in its place.
    case replaced(by: String)
    /// Its condition did not hold when its time came, or the inject it stood in for was played.
    case passedOver

    /// German, for messages: „schon eingespielt“.
    public var title: String {
      switch self {
      case .pending: "noch offen"
      case .released: "schon eingespielt"
      case .skipped: "übersprungen"
      case .replaced(let other): "durch „\(other)“ ersetzt"
      case .passedOver: "entfallen"
      }
    }
  }

  public struct Entry: Sendable {
    public var inject: Inject
    public var state: State
    /// Added by the Übungsleitung during play, not in the Drehbuch.
    public var added: Bool
    /// Its text or time was changed during play.
    public var changed: Bool
  }

  /// What comes next.
  public enum Next: Sendable, Equatable {
    case inject(String)
    /// The Übungsleitung must answer the question of this inject's `control` condition first.
    case question(inject: String, text: String)
    /// Nothing is left to play.
    case none
  }

  public private(set) var entries: [Entry]
  /// Ids of released injects, in the order they were released.
  public private(set) var released: [String] = []
  /// The Übungsleitung's answers to `control` questions, by inject.
  public private(set) var controlAnswers: [String: Bool] = [:]

  public init(exercise: Exercise) {
    entries = exercise.injects.map { Entry(inject: $0, state: .pending, added: false, changed: false) }
  }

  /// The entry of an inject.
  public func entry(_ id: String) -> Entry? { entries.first { $0.inject.id == id } }

  /// The released injects, in the order they were released (with any edits).
  public var releasedInjects: [Inject] { released.compactMap { entry($0)?.inject } }

  /// Entry indices in playing order: by planned time; injects without one (the earlier format)
  /// keep their place after the one before them.
  var playingOrder: [Int] {
    var key = 0
    let keys = entries.map { entry -> Int in
      if let at = entry.inject.at { key = at.minutes }
      return key
    }
    return entries.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
  }

  /// Whether a condition holds: the staff decided a measure or not, or the Übungsleitung said
  /// yes; nil while the Übungsleitung has not answered.
  func holds(_ condition: InjectCondition, of id: String, decided: (MeasureID) -> Bool) -> Bool? {
    switch condition {
    case .decided(let measure): decided(measure)
    case .notDecided(let measure): !decided(measure)
    case .control: controlAnswers[id]
    }
  }

  /// The next inject to play, with branches resolved against the staff's decisions and the
  /// Übungsleitung's answers.
  public func next(decided: (MeasureID) -> Bool) -> Next {
    for index in playingOrder where entries[index].state == .pending {
      let inject = entries[index].inject
      // An alternative is weighed at the place of the inject it stands in for.
      if inject.replaces != nil { continue }
      if let condition = inject.condition {
        guard let holds = holds(condition, of: inject.id, decided: decided) else {
          return .question(inject: inject.id, text: Self.question(condition))
        }
        if holds { return .inject(inject.id) }
        continue
      }
      for alternative in entries where alternative.state == .pending && alternative.inject.replaces == inject.id {
        guard let condition = alternative.inject.condition else { continue }
        guard let holds = holds(condition, of: alternative.inject.id, decided: decided) else {
          return .question(inject: alternative.inject.id, text: Self.question(condition))
        }
        if holds { return .inject(alternative.inject.id) }
      }
      return .inject(inject.id)
    }
    return .none
  }

  /// The next inject if its planned time has come at `time`; injects without a time are due at once.
  public func due(at time: ExerciseTime, decided: (MeasureID) -> Bool) -> Next {
    let next = next(decided: decided)
    let id: String
    switch next {
    case .inject(let found): id = found
    case .question(let found, _): id = found
    case .none: return .none
    }
    guard let at = entry(id)?.inject.at else { return next }
    return at <= time ? next : .none
  }

  /// The injects still to come as things stand, open questions to the Übungsleitung taken as no.
  public func upcoming(decided: (MeasureID) -> Bool) -> [Inject] {
    var copy = self
    var result: [Inject] = []
    while true {
      switch copy.next(decided: decided) {
      case .question(let id, _): copy.controlAnswers[id] = false
      case .inject(let id):
        guard let inject = copy.entry(id)?.inject, (try? copy.release(id)) != nil else { return result }
        result.append(inject)
      case .none: return result
      }
    }
  }

  /// Plays an inject now (the next one, or one the Übungsleitung brings forward). Alternatives
  /// it stands in for, or that stood in for it, are settled; conditional injects it overtakes
  /// whose condition did not hold are passed over.
  public mutating func release(_ id: String) throws(ScheduleError) {
    let index = try pendingIndex(id)
    let inject = entries[index].inject
    let order = playingOrder
    if let position = order.firstIndex(of: index) {
      for earlier in order[..<position] where entries[earlier].state == .pending {
        let other = entries[earlier].inject
        if other.condition != nil, other.replaces == nil { entries[earlier].state = .passedOver }
      }
    }
    entries[index].state = .released
    released.append(id)
    if let target = inject.replaces, let targetIndex = entries.firstIndex(where: { $0.inject.id == target }),
      entries[targetIndex].state == .pending
    {
      entries[targetIndex].state = .replaced(by: id)
    }
    let slot = inject.replaces ?? id
    for other in entries.indices where entries[other].state == .pending && entries[other].inject.replaces == slot {
      entries[other].state = .passedOver
    }
  }

  /// Leaves an inject out; leaving out an inject also leaves out its alternatives.
  public mutating func skip(_ id: String) throws(ScheduleError) {
    let index = try pendingIndex(id)
    entries[index].state = .skipped
    for other in entries.indices where entries[other].state == .pending && entries[other].inject.replaces == id {
      entries[other].state = .skipped
    }
  }

  /// Moves an inject to another planned time.
  public mutating func delay(_ id: String, to time: ExerciseTime) throws(ScheduleError) {
    let index = try pendingIndex(id)
    entries[index].inject.at = time
    entries[index].inject.time = time.text
    entries[index].changed = true
  }

  /// Replaces the text of an inject still to come.
  public mutating func edit(_ id: String, text: String) throws(ScheduleError) {
    let index = try pendingIndex(id)
    entries[index].inject.text = text
    entries[index].changed = true
  }

  /// Adds an inject the Drehbuch does not have.
  public mutating func add(_ inject: Inject) throws(ScheduleError) {
    guard entry(inject.id) == nil else { throw .duplicateInject(inject.id) }
    entries.append(Entry(inject: inject, state: .pending, added: true, changed: false))
  }

  /// The Übungsleitung's answer to the question of an inject's `control` condition.
  public mutating func answer(_ id: String, _ yes: Bool) throws(ScheduleError) {
    let index = try pendingIndex(id)
    guard case .control = entries[index].inject.condition else { throw .noControlQuestion(id) }
    controlAnswers[id] = yes
  }

  private func pendingIndex(_ id: String) throws(ScheduleError) -> Int {
    guard let index = entries.firstIndex(where: { $0.inject.id == id }) else { throw .unknownInject(id) }
    guard entries[index].state == .pending else { throw .notPending(id, state: entries[index].state.title) }
    return index
  }

  /// The question the Übungsleitung answers for a condition.
  static func question(_ condition: InjectCondition) -> String {
    if case .control(let text) = condition { return text }
    return ""
  }
}
