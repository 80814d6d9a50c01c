import Foundation
import KnowledgeBase
import RuleEngine
import RuleLanguage

/// A recommended measure the staff has taken on: who does it, by when, and whether it is done.
public struct MeasureTask: Sendable, Equatable {
  public var owner: String
  /// Free text, as the staff says it: „18 Uhr“, „morgen früh“.
  public var due: String?
  public var done = false
  /// Why the staff put the measure off for now (`zurückstellen`); nil unless deferred. A
  /// deferred measure has no owner until it is assigned.
  public var deferral: String? = nil
  /// When the task was last changed and by whom.
  public var stamp: AnswerStamp

  public init(owner: String, due: String?, done: Bool = false, stamp: AnswerStamp) {
    self.owner = owner
    self.due = due
    self.done = done
    self.stamp = stamp
  }

  /// German, for the advice and the report: „Auftrag an S4 Versorgung, bis 18 Uhr (5.12.2026
  /// 15:32 Uhr)“ or „Erledigt (…) – Auftrag an S4 Versorgung“.
  public var german: String {
    if let deferral {
      return "Zurückgestellt – \(deferral)" + (stamp.german().map { " (\($0))" } ?? "")
    }
    var text = "Auftrag an \(owner)" + (due.map { ", bis \($0)" } ?? "")
    if done { text = "Erledigt – " + text }
    if let when = stamp.german() { text += " (\(when))" }
    return text
  }
}

/// Why a task was not recorded; German, for users.
public enum MeasureTaskError: Error, Equatable, Sendable, CustomStringConvertible {
  case notRecommended(String)
  case noOwner
  case tooLong(String, limit: Int)
  case controlCharacter
  case noTask(String)
  case noReason

  public var description: String {
    switch self {
    case .notRecommended(let title):
      "„\(title)“ wird derzeit nicht empfohlen; ein Auftrag gilt einer empfohlenen Maßnahme."
    case .noOwner:
      "Bitte angeben, wer die Maßnahme übernimmt, etwa: auftrag 3 S4 Versorgung bis 18 Uhr"
    case .tooLong(let what, let limit):
      "\(what) ist zu lang; höchstens \(limit) Zeichen."
    case .controlCharacter:
      "Die Angabe darf keine Steuerzeichen enthalten."
    case .noReason:
      "Bitte den Grund angeben, etwa: zurückstellen 3 erst nach Lagebesprechung um 14 Uhr"
    case .noTask(let title):
      "„\(title)“ hat noch keinen Auftrag; zuerst: auftrag <nr> <wer> [bis <frist>]"
    }
  }
}

extension Consultation {
  /// Gives a recommended measure to someone, with an optional deadline: journal first.
  public mutating func assign(_ measure: MeasureID, to owner: String, due: String?) throws {
    let title = engine.measure(measure).title
    guard engine.isRecommended(measure) else { throw MeasureTaskError.notRecommended(title) }
    let owner = String(owner.trimmingWhitespace)
    let due = due.map { String($0.trimmingWhitespace) }.flatMap { $0.isEmpty ? nil : $0 }
    guard !owner.isEmpty else { throw MeasureTaskError.noOwner }
    try Self.checkTaskText(owner, limit: 80, what: "Wer")
    try Self.checkTaskText(due ?? "", limit: 80, what: "Die Frist")
    let stamp = AnswerStamp(time: clock(), by: author)
    try write(
      JournalRecord(
        .task(measure: knowledgeBase.measures[measure].id, change: .assign(owner: owner, due: due)),
        time: stamp.time.map(JournalCodec.second), by: author))
    tasks[measure] = MeasureTask(owner: owner, due: due, stamp: stamp)
  }

  /// Puts a recommended measure off for now, with the staff's reason: journal first. Assigning it
  /// later replaces the deferral.
  public mutating func postpone(_ measure: MeasureID, reason: String) throws {
    let title = engine.measure(measure).title
    guard engine.isRecommended(measure) else { throw MeasureTaskError.notRecommended(title) }
    let reason = String(reason.trimmingWhitespace)
    guard !reason.isEmpty else { throw MeasureTaskError.noReason }
    try Self.checkTaskText(reason, limit: 200, what: "Der Grund")
    let stamp = AnswerStamp(time: clock(), by: author)
    try write(
      JournalRecord(
        .task(measure: knowledgeBase.measures[measure].id, change: .postpone(reason: reason)),
        time: stamp.time.map(JournalCodec.second), by: author))
    var task = MeasureTask(owner: "", due: nil, stamp: stamp)
    task.deferral = reason
    tasks[measure] = task
  }

  /// A text the staff gave for a task fits on a line of the journal and the report.
  static func checkTaskText(_ text: String, limit: Int, what: String) throws {
    guard text.count <= limit else { throw MeasureTaskError.tooLong(what, limit: limit) }
    if text.contains(where: \.hasControlScalar) { throw MeasureTaskError.controlCharacter }
  }

  /// Marks a measure's task as done, or with `false` as open again.
  public mutating func markDone(_ measure: MeasureID, _ done: Bool = true) throws {
    guard var task = tasks[measure] else { throw MeasureTaskError.noTask(engine.measure(measure).title) }
    let stamp = AnswerStamp(time: clock(), by: author)
    try write(
      JournalRecord(
        .task(measure: knowledgeBase.measures[measure].id, change: done ? .done : .reopen),
        time: stamp.time.map(JournalCodec.second), by: author))
    task.done = done
    task.stamp = stamp
    tasks[measure] = task
  }

  /// Replays a task's change; false when it does not fit the knowledge base.
  mutating func replayTask(_ id: String, _ change: JournalEntry.TaskChange, _ record: JournalRecord) -> Bool {
    guard let measure = knowledgeBase.measureIndex[id] else { return false }
    let stamp = AnswerStamp(time: record.time, by: record.by)
    switch change {
    case .assign(let owner, let due):
      guard !owner.isEmpty else { return false }
      tasks[measure] = MeasureTask(owner: owner, due: due, stamp: stamp)
    case .postpone(let reason):
      guard !reason.isEmpty else { return false }
      var task = MeasureTask(owner: "", due: nil, stamp: stamp)
      task.deferral = reason
      tasks[measure] = task
    case .done, .reopen:
      guard var task = tasks[measure], task.deferral == nil else { return false }
      task.done = change == .done
      task.stamp = stamp
      tasks[measure] = task
    }
    return true
  }
}
