import Foundation
import KnowledgeBase
import RuleEngine

/// What one answer (or its withdrawal) changed.
public struct AnswerOutcome {
  public var question: QuestionID
  public var previous: Answer?
  public var answer: Answer?
  public var change: AdviceChange
  public var events: [EngineEvent]
}

/// One step `back` can undo: an answer with what it replaced, or a journal record a replay could
/// not apply (its question is gone or the answer no longer fits), which going back passes over
/// without touching an answer, so that every later `back` still undoes the answer it undid then.
public enum HistoryEntry: Sendable {
  case answer(question: QuestionID, previous: Answer?, previousStamp: AnswerStamp?)
  case unapplied(questionID: String)
}

/// What `back` undid.
public enum BackStep {
  case answer(AnswerOutcome)
  /// A record of the journal that was never applied; no answer changed.
  case unapplied(questionID: String)
}

/// A consultation: the engine with its answers, the history for going back, and the journal
/// every change is written to before it takes effect.
public struct Consultation {
  /// The engine is the consultation's own: front ends ask the consultation (`Consultation+Queries`).
  package internal(set) var engine: Engine
  /// Answers in the order they were given, with what they replaced, for `back`.
  public private(set) var history: [HistoryEntry] = []
  /// What the last answer changed, for `changes`.
  public internal(set) var lastOutcome: AnswerOutcome?
  /// Questions the user chose to skip; they are not proposed again until answered or reset.
  public private(set) var skipped: Set<QuestionID> = []
  /// The group of the question asked last, kept while that costs nothing.
  public private(set) var currentGroup: GroupID?
  public private(set) var journal: Journal?
  /// The staff exercise under way, if any.
  public internal(set) var exercise: ExerciseRun?
  /// When each current answer was given and by whom.
  public internal(set) var stamps: [QuestionID: AnswerStamp] = [:]
  /// The recommended measures the staff has given to someone, by measure.
  public internal(set) var tasks: [MeasureID: MeasureTask] = [:]
  /// Every record this consultation wrote or replayed, in order: the journal's content, kept
  /// also where there is no journal (scripts), for the staff's log (`LogExport`).
  public internal(set) var log: [JournalRecord] = []
  /// The head of the staff's report (`kopf`): municipality, situation, function, distribution,
  /// marking.
  public internal(set) var header: [HeaderField: String] = [:]
  /// What the last report written in this consultation showed.
  public internal(set) var lastReport: ReportMark?
  /// Where the answers now given come from („Meldung Stadtwerke“, `quelle`); written with every
  /// answer until changed; nil when not said.
  public var informationSource: String?
  /// Who answers now (a name or staff function), written with every answer; nil when not said.
  public var author: String?
  /// The time answers are stamped with.
  public var clock: @Sendable () -> Date = { AnswerStamp.now() }

  public var knowledgeBase: KnowledgeBase { engine.knowledgeBase }

  /// Whether the engine's events are kept for `takeEvents()` (trace, coverage).
  public var recordsEvents = false
  /// The engine's events since the last `takeEvents()`, while `recordsEvents` is on.
  var events: [EngineEvent] = []

  public init(knowledgeBase: KnowledgeBase, journal: Journal? = nil) {
    self.engine = Engine(knowledgeBase: knowledgeBase)
    self.journal = journal
  }

  /// A consultation evaluated for a set of answers in one pass, without journal or history:
  /// `resilienz evaluate` and the benchmarks.
  public init(knowledgeBase: KnowledgeBase, evaluating answers: [QuestionID: Answer]) {
    self.engine = Engine(knowledgeBase: knowledgeBase, answers: answers)
  }

  /// Changes several answers as one incremental step of the engine, without journal or history
  /// (evaluation and benchmarks, not a dialogue); returns how many events the engine emitted and
  /// how many rule conditions it decided again.
  public mutating func evaluate(changing changes: [QuestionID: Answer]) -> (events: Int, decisions: Int) {
    let before = engine.decisions
    let events = engine.set(changes.map { (question: $0.key, answer: Optional($0.value)) }).count
    return (events, engine.decisions - before)
  }

  /// The question to ask now: the situation first, then the open question that can change the
  /// top of the advice the most; nil when no completion of the open answers can change it.
  public var currentQuestion: QuestionID? { choice.question }

  /// The dialogue's next step with the stability of the advice it rests on, computed once per
  /// state of the answers.
  public var choice: QuestionChoice {
    let key = QuestionCache.Key(answers: engine.answers, skipped: skipped, group: currentGroup)
    if let cached = cache.choice, cache.key == key { return cached }
    let choice = engine.chooseQuestion(preferringGroup: currentGroup, excluding: skipped)
    cache.key = key
    cache.choice = choice
    return choice
  }

  private let cache = QuestionCache()

  /// What the staff should find out: questions answered with *weiß nicht* or skipped whose answer
  /// would still decide something, weightiest first.
  public var openPoints: [OpenPoint] { engine.openPoints(skipped: skipped) }

  /// Relevant questions without an answer that the dialogue no longer needs, in the order `weiter`
  /// offers them; see `Engine.optionalQuestions(excluding:)`.
  public var optionalQuestions: [QuestionID] { engine.optionalQuestions() }

  /// Sets or withdraws an answer: journal first, then the engine.
  @discardableResult
  public mutating func set(_ question: QuestionID, to answer: Answer?, record: Bool = true) throws -> AnswerOutcome {
    let stamp = AnswerStamp(time: clock(), by: author, source: answer == nil ? nil : informationSource)
    let item = knowledgeBase.questions[question]
    let time = stamp.time.map(JournalCodec.second)
    if let answer {
      try write(
        JournalRecord(
          .set(.init(question: item.id, answer: AnswerParser.format(answer, for: item), source: informationSource)),
          time: time, by: author))
    } else {
      try write(JournalRecord(.unset(question: item.id), time: time, by: author))
    }
    return try apply(question, answer, record: record, stamp: stamp)
  }

  /// Sets an answer with the stamp its journal record carries, during a replay.
  mutating func replay(_ question: QuestionID, to answer: Answer?, stamp: AnswerStamp) throws {
    _ = try apply(question, answer, record: true, stamp: stamp)
  }

  mutating func apply(_ question: QuestionID, _ answer: Answer?, record: Bool, stamp: AnswerStamp? = nil) throws
    -> AnswerOutcome
  {
    let previous = engine.answers[question]
    let previousStamp = stamps[question]
    stamps[question] = answer == nil ? nil : stamp
    let item = knowledgeBase.questions[question]
    let before = engine
    let events = engine.set(question, to: answer)
    if recordsEvents { self.events += events }
    if record { history.append(.answer(question: question, previous: previous, previousStamp: previousStamp)) }
    skipped.remove(question)
    currentGroup = item.group
    let outcome = AnswerOutcome(
      question: question, previous: previous, answer: answer,
      change: AdviceChange(before: before, after: engine), events: events)
    lastOutcome = outcome
    return outcome
  }

  /// Undoes the last answer; nil when there is nothing to undo. The journal keeps it as `back`,
  /// so that a resumed consultation can go back just as far.
  public mutating func back() throws -> BackStep? {
    guard let last = history.last else { return nil }
    try write(JournalRecord(.back))
    switch last {
    case .answer(let question, let previous, let previousStamp):
      let outcome = try apply(question, previous, record: false, stamp: previousStamp)
      history.removeLast()
      return .answer(outcome)
    case .unapplied(let id):
      history.removeLast()
      return .unapplied(questionID: id)
    }
  }

  /// Leaves the question for now; the journal keeps that too.
  public mutating func skip(_ question: QuestionID) throws {
    try write(JournalRecord(.skip(question: knowledgeBase.questions[question].id)))
    skipped.insert(question)
  }

  /// Replaces every answer, as when loading a saved consultation.
  public mutating func replaceAnswers(_ answers: [QuestionID: Answer]) throws {
    let sorted = answers.sorted(by: { $0.key < $1.key })
    // All records in one write: a full disk leaves the journal (and the answers) as they were,
    // not half loaded.
    // `loaded` ends the batch: a replay forgets the history there too, as `back` cannot undo a load.
    let stamp = AnswerStamp(time: clock(), by: author)
    let time = stamp.time.map(JournalCodec.second)
    try write(
      [JournalRecord(.reset, time: time, by: author)]
        + sorted.map { question, answer in
          let item = knowledgeBase.questions[question]
          return JournalRecord(
            .set(.init(question: item.id, answer: AnswerParser.format(answer, for: item))), time: time, by: author)
        } + [JournalRecord(.loaded, time: time, by: author)])
    try clearAnswers()
    for (question, answer) in sorted {
      _ = try apply(question, answer, record: false, stamp: stamp)
    }
    forgetHistory()
  }

  /// After a load: nothing to go back to, nothing skipped, no last change.
  mutating func forgetHistory() {
    history = []
    skipped = []
    lastOutcome = nil
  }

  /// Records, during a replay, an answer that could not be applied, as a change to nothing.
  mutating func recordUnapplied(_ questionID: String) {
    history.append(.unapplied(questionID: questionID))
  }

  /// Withdraws every answer without writing to the journal (a `reset` record says so).
  mutating func clearAnswers() throws {
    for question in engine.answers.indices where engine.answers[question] != nil {
      _ = try apply(question, nil, record: false)
    }
    history = []
    skipped = []
    stamps = [:]
  }

  /// Writes records to the journal, all or none, and keeps them in the log once written; a
  /// record without a time gets the clock's.
  mutating func write(_ records: JournalRecord...) throws {
    try write(records)
  }

  mutating func write(_ records: [JournalRecord]) throws {
    let now = JournalCodec.second(clock())
    let stamped = records.map { record -> JournalRecord in
      var record = record
      if record.time == nil { record.time = now }
      if record.by == nil { record.by = author }
      return record
    }
    try journal?.append(stamped)
    log += stamped
  }

  /// Attaches a journal after resuming, so that later changes are kept.
  public mutating func attach(_ journal: Journal) {
    self.journal = journal
  }
}
