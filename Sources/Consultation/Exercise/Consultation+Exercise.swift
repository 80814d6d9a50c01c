import Foundation
import KnowledgeBase
import RuleEngine

/// An inject the Übungsleitung adds during play, as the journal keeps it (record `inject-add`).
public struct AdHocInject: Sendable, Equatable, Codable {
  public var id: String
  public var title: String
  public var text: String
  public var from: String
  public var to: String
  public var channel: String

  public init(id: String, title: String, text: String, from: String, to: String, channel: String) {
    self.id = id
    self.title = title
    self.text = text
    self.from = from
    self.to = to
    self.channel = channel
  }
}

/// Exercise play. Every change is written to the journal before it takes effect, so that a
/// session killed at any moment resumes with the same schedule, log and evaluation (the records
/// are `JournalEntry`'s exercise cases).
extension Consultation {
  /// Starts an exercise: a fresh consultation with the scenario's preset answers.
  public mutating func startExercise(_ exercise: Exercise, blind: Bool) throws {
    try startExercise(exercise, blind: blind, at: nil)
  }

  mutating func startExercise(_ exercise: Exercise, blind: Bool, at time: Date?) throws {
    try write(JournalRecord(.exercise(id: exercise.id, blind: blind)))
    try clearAnswers()
    for (question, answer) in exercise.answers {
      _ = try apply(question, answer, record: false)
    }
    var run = ExerciseRun(exercise: exercise, blind: blind, started: time ?? clock())
    run.snapshot(engine)
    self.exercise = run
    lastOutcome = nil
  }

  /// What comes next: an inject, a question the Übungsleitung must answer first, or nothing.
  public func nextInjectChoice() throws -> InjectSchedule.Next {
    guard let run = exercise else { throw ExerciseError.noExercise }
    return run.schedule.next(decided: { run.hasDecided($0) })
  }

  /// What is due on the clock at `date` (exercise time = time since the start × `compression`).
  public func dueInject(at date: Date, compression: Int = 1) throws -> InjectSchedule.Next {
    guard let run = exercise else { throw ExerciseError.noExercise }
    guard let time = run.exerciseTime(at: date, compression: compression) else { return .none }
    return run.schedule.due(at: time, decided: { run.hasDecided($0) })
  }

  /// Plays the next inject, taking any open question to the Übungsleitung as no (the linear play
  /// of `einlage`): its answers are set and the advice at that moment is kept.
  @discardableResult
  public mutating func playInject() throws -> (inject: Inject, change: AdviceChange) {
    guard let run = exercise else { throw ExerciseError.noExercise }
    var schedule = run.schedule
    while true {
      switch schedule.next(decided: { run.hasDecided($0) }) {
      case .none: throw ExerciseError.noMoreInjects
      case .question(let id, _):
        do { try schedule.answer(id, false) } catch { throw ExerciseError.schedule(error) }
      case .inject(let id): return try releaseInject(id)
      }
    }
  }

  /// Releases an inject: the given one (brought forward by the Übungsleitung) or the next one.
  /// Without an id, an open question to the Übungsleitung stops it (`controlQuestion`).
  @discardableResult
  public mutating func releaseInject(_ id: String? = nil) throws -> (inject: Inject, change: AdviceChange) {
    guard var run = exercise else { throw ExerciseError.noExercise }
    var chosen = id
    if chosen == nil {
      switch run.schedule.next(decided: { run.hasDecided($0) }) {
      case .none: throw ExerciseError.noMoreInjects
      case .question(let inject, let text): throw ExerciseError.controlQuestion(inject: inject, text: text)
      case .inject(let next): chosen = next
      }
    }
    guard let chosen else { throw ExerciseError.noMoreInjects }
    do { try run.schedule.release(chosen) } catch { throw ExerciseError.schedule(error) }
    guard let inject = run.schedule.entry(chosen)?.inject else { throw ExerciseError.noMoreInjects }
    try write(JournalRecord(.inject(exercise: run.exercise.id, inject: chosen)))
    let before = engine
    for (question, answer) in inject.answers {
      _ = try apply(question, answer, record: false)
    }
    run.synchronize()
    run.snapshot(engine)
    exercise = run
    return (inject, AdviceChange(before: before, after: engine))
  }

  /// The Übungsleitung's answer to the question an inject's `control` condition asks.
  public mutating func answerControlQuestion(_ id: String, _ yes: Bool) throws {
    try changeSchedule(JournalRecord(.injectControl(inject: id, yes: yes))) {
      try $0.answer(id, yes)
    }
  }

  /// Leaves an inject out.
  public mutating func skipInject(_ id: String) throws {
    try changeSchedule(JournalRecord(.injectSkip(inject: id))) { try $0.skip(id) }
  }

  /// Moves an inject to another planned time.
  public mutating func delayInject(_ id: String, to time: ExerciseTime) throws {
    try changeSchedule(JournalRecord(.injectDelay(inject: id, to: time))) { try $0.delay(id, to: time) }
  }

  /// Changes the text of an inject still to come.
  public mutating func editInject(_ id: String, text: String) throws {
    try changeSchedule(JournalRecord(.injectEdit(inject: id, text: text))) { try $0.edit(id, text: text) }
  }

  /// Adds an inject the Drehbuch does not have, at a planned time or (without one) next.
  /// Replayed from the journal with the time it was given then.
  public mutating func addInject(_ added: AdHocInject, at time: ExerciseTime? = nil) throws {
    guard let run = exercise else { throw ExerciseError.noExercise }
    // Ids end up in journal records and commands; the same spelling as the file's ids.
    guard Inject.isValidID(added.id) else { throw ExerciseError.invalidInjectID(added.id) }
    for (field, value) in [("Titel", added.title), ("Text", added.text)] where value.trimmingWhitespace.isEmpty {
      throw ExerciseError.emptyInjectField(field)
    }
    let roles = run.exercise.roles.map(\.id)
    if !roles.isEmpty, !roles.contains(added.to) {
      throw ExerciseError.unknownRole(added.to, known: roles)
    }
    // Without a time it comes next: at the time of the inject played last, after any other
    // still due then. The journal keeps the time so that a replay puts it in the same place.
    var at = time
    if at == nil, run.script.injects.contains(where: { $0.at != nil }) {
      at = run.schedule.releasedInjects.last?.at ?? ExerciseTime(minutes: 0)
    }
    let inject = Inject(
      id: added.id, time: at?.text ?? run.time, at: at, from: added.from, to: added.to,
      channel: added.channel, title: added.title, text: added.text)
    try changeSchedule(JournalRecord(.injectAdd(added, at: at))) {
      try $0.add(inject)
    }
  }

  private mutating func changeSchedule(
    _ record: JournalRecord, _ change: (inout InjectSchedule) throws -> Void
  ) throws {
    guard var run = exercise else { throw ExerciseError.noExercise }
    do { try change(&run.schedule) } catch let error as ScheduleError { throw ExerciseError.schedule(error) }
    try write(record)
    run.synchronize()
    exercise = run
  }

  /// Logs the staff's decision about a measure at the current exercise time, with the role that
  /// decided (else the exercise's current role, else who is at the keyboard) and the observer.
  public mutating func decide(
    _ measure: MeasureID, _ decision: StaffDecision, reason: String?, role: String? = nil, observer: String? = nil
  ) throws {
    try decide(measure, decision, reason: reason, at: nil, role: role, observer: observer)
  }

  mutating func decide(
    _ measure: MeasureID, _ decision: StaffDecision, reason: String?, at time: Date?, role: String?,
    observer: String? = nil
  ) throws {
    guard var run = exercise else { throw ExerciseError.noExercise }
    let role = role ?? run.role
    try write(
      JournalRecord(
        .decide(
          .init(measure: knowledgeBase.measures[measure].id, decision: decision, reason: reason, observer: observer)),
        by: role))
    run.entries.append(
      LogEntry(
        kind: .decision, stage: run.stage, exerciseTime: run.time, clock: time ?? clock(), text: reason ?? "",
        measure: measure, verdict: decision, role: role ?? author, observer: observer))
    run.synchronize()
    exercise = run
  }

  /// Logs an observation at the current exercise time.
  public mutating func note(_ text: String) throws {
    try log(.note, text: text)
  }

  /// Logs a decision or note in free text at the current exercise time, with the role that
  /// decided (else who is at the keyboard), the observer and an optional link to a measure.
  @discardableResult
  public mutating func log(
    _ kind: LogEntry.Kind, text: String, measure: MeasureID? = nil, role: String? = nil, observer: String? = nil
  ) throws -> LogEntry {
    try log(kind, text: text, measure: measure, role: role, observer: observer, at: nil)
  }

  mutating func log(
    _ kind: LogEntry.Kind, text: String, measure: MeasureID?, role: String?, observer: String?, at time: Date?
  ) throws -> LogEntry {
    guard var run = exercise else { throw ExerciseError.noExercise }
    let measureID = measure.map { knowledgeBase.measures[$0].id }
    let role = role ?? run.role
    // Notes without role or observer keep the record of earlier versions.
    if kind == .note, measure == nil, role == nil, observer == nil {
      try write(JournalRecord(.note(text: text)))
    } else {
      try write(
        JournalRecord(.log(.init(kind: kind, text: text, measure: measureID, observer: observer)), by: role))
    }
    let entry = LogEntry(
      kind: kind, stage: run.stage, exerciseTime: run.time, clock: time ?? clock(), text: text, measure: measure,
      role: role ?? author, observer: observer)
    run.entries.append(entry)
    run.synchronize()
    exercise = run
    return entry
  }

  /// Takes the last decision or note back.
  @discardableResult
  public mutating func undoLastEntry() throws -> LogEntry {
    guard var run = exercise else { throw ExerciseError.noExercise }
    guard let last = run.entries.last else { throw ExerciseError.nothingToUndo }
    try write(JournalRecord(.undo))
    run.entries.removeLast()
    run.synchronize()
    exercise = run
    return last
  }

  /// Sets the role that decides and notes from now on when an entry names none (`rolle S3`);
  /// nil goes back to who is at the keyboard.
  public mutating func setExerciseRole(_ role: String?) throws {
    guard var run = exercise else { throw ExerciseError.noExercise }
    try write(JournalRecord(.exerciseRole(role)))
    run.role = role
    exercise = run
  }

  /// Lets the clock release injects (exercise time per real time), or with nil stops it: journal
  /// first, so that a resumed exercise runs on the same clock.
  public mutating func setExerciseClock(_ compression: Int?) throws {
    guard var run = exercise else { throw ExerciseError.noExercise }
    try write(JournalRecord(.exerciseClock(compression: compression)))
    run.clockCompression = compression
    exercise = run
  }

  /// Marks the debrief as held: from now on the advice is shown even in a blind exercise.
  public mutating func markDebriefed() throws {
    guard var run = exercise else { throw ExerciseError.noExercise }
    if !run.debriefed { try write(JournalRecord(.debrief)) }
    run.debriefed = true
    exercise = run
  }

  /// Sets the facts the after-action report names in its header.
  public mutating func setExerciseHeader(_ header: ExerciseHeader) throws {
    guard var run = exercise else { throw ExerciseError.noExercise }
    try write(JournalRecord(.exerciseInfo(header)))
    run.evaluation.header = header
    exercise = run
  }

  /// Records an observer's rating of an objective.
  public mutating func rateObjective(
    _ objective: String, _ rating: ObjectiveRating, observer: String?, comment: String? = nil
  ) throws {
    try rateObjective(objective, rating, observer: observer, comment: comment, at: nil)
  }

  mutating func rateObjective(
    _ objective: String, _ rating: ObjectiveRating, observer: String?, comment: String?, at time: Date?
  ) throws {
    guard var run = exercise else { throw ExerciseError.noExercise }
    guard run.exercise.objective(objective) != nil else { throw ExerciseError.unknownObjective(objective) }
    try write(
      JournalRecord(.rating(.init(objective: objective, rating: rating, comment: comment, observer: observer))))
    run.evaluation.ratings.append(
      RecordedRating(objective: objective, rating: rating, observer: observer, comment: comment, clock: time ?? clock())
    )
    exercise = run
  }

  /// Adds a row to the improvement plan.
  public mutating func addPlanItem(_ item: PlanItem) throws {
    guard var run = exercise else { throw ExerciseError.noExercise }
    if let objective = item.objective, run.exercise.objective(objective) == nil {
      throw ExerciseError.unknownObjective(objective)
    }
    try write(JournalRecord(.plan(item)))
    run.evaluation.plan.append(item)
    exercise = run
  }

  /// Sets the status of the plan's row `number` (from 1).
  public mutating func setPlanStatus(_ number: Int, _ status: PlanStatus) throws {
    guard var run = exercise else { throw ExerciseError.noExercise }
    guard run.evaluation.plan.indices.contains(number - 1) else { throw ExerciseError.unknownPlanRow(number) }
    try write(JournalRecord(.planStatus(row: number, status: status)))
    run.evaluation.plan[number - 1].status = status
    exercise = run
  }
}

extension Consultation {
  /// Applies a journal record that changed the schedule; the problem, in German, when it no
  /// longer fits.
  mutating func replayScheduleChange(_ entry: JournalEntry) throws -> String? {
    var inject = ""
    do {
      switch entry {
      case .injectControl(let id, let yes):
        inject = id
        try answerControlQuestion(id, yes)
      case .injectSkip(let id):
        inject = id
        try skipInject(id)
      case .injectDelay(let id, let time):
        inject = id
        try delayInject(id, to: time)
      case .injectEdit(let id, let text):
        inject = id
        try editInject(id, text: text)
      case .injectAdd(let added, let time):
        inject = added.id
        try addInject(added, at: time)
      default: break
      }
    } catch let error as ExerciseError {
      return "Eine Änderung der Einlage „\(inject)“ wird übergangen: \(error.description)"
    }
    return nil
  }

  /// Applies a journal record of the evaluation; false when it no longer fits.
  mutating func replayEvaluation(_ entry: JournalEntry, at time: Date?) -> Bool {
    switch entry {
    case .exerciseRole(let role): (try? setExerciseRole(role)) != nil
    case .exerciseInfo(let header): (try? setExerciseHeader(header)) != nil
    case .rating(let rating):
      (try? rateObjective(
        rating.objective, rating.rating, observer: rating.observer, comment: rating.comment, at: time)) != nil
    case .plan(let item): (try? addPlanItem(item)) != nil
    case .planStatus(let row, let status): (try? setPlanStatus(row, status)) != nil
    default: false
    }
  }
}
