import KnowledgeBase
import RuleEngine

/// What one answer (or its withdrawal) changed.
public struct AnswerOutcome {
  public var question: Int
  public var previous: Answer?
  public var answer: Answer?
  public var change: AdviceChange
  public var events: [EngineEvent]
}

/// One step `back` can undo: an answer with what it replaced, or a journal record a replay could
/// not apply (its question is gone or the answer no longer fits), which going back passes over
/// without touching an answer, so that every later `back` still undoes the answer it undid then.
public enum HistoryEntry: Sendable {
  case answer(question: Int, previous: Answer?)
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
  public private(set) var engine: Engine
  /// Answers in the order they were given, with what they replaced, for `back`.
  public private(set) var history: [HistoryEntry] = []
  /// What the last answer changed, for `changes`.
  public internal(set) var lastOutcome: AnswerOutcome?
  /// Questions the user chose to skip; they are not proposed again until answered or reset.
  public private(set) var skipped: Set<Int> = []
  /// The group of the question asked last, kept while that costs nothing.
  public private(set) var currentGroup: Int?
  public private(set) var journal: Journal?
  /// The staff exercise under way, if any.
  public internal(set) var exercise: ExerciseRun?

  public var knowledgeBase: KnowledgeBase { engine.knowledgeBase }

  /// Told of every change the answers make (trace, coverage).
  public var listeners: [any EngineListener] {
    get { engine.listeners }
    set { engine.listeners = newValue }
  }

  public init(knowledgeBase: KnowledgeBase, journal: Journal? = nil) {
    self.engine = Engine(knowledgeBase: knowledgeBase)
    self.journal = journal
  }

  /// The question to ask now: the most useful open one, not skipped; nil when none can change
  /// the advice.
  public var currentQuestion: Int? {
    engine.nextQuestion(preferringGroup: currentGroup, excluding: skipped)
  }

  /// Relevant questions without an answer whose answer cannot change the advice any more.
  public var optionalQuestions: [Int] {
    engine.openQuestions.filter { engine.impact(of: $0).score == .zero }
  }

  /// Sets or withdraws an answer: journal first, then the engine.
  @discardableResult
  public mutating func set(_ question: Int, to answer: Answer?, record: Bool = true) throws -> AnswerOutcome {
    let item = knowledgeBase.questions[question]
    if let journal {
      if let answer {
        try journal.append(JournalRecord(op: "set", question: item.id, answer: AnswerParser.format(answer, for: item)))
      } else {
        try journal.append(JournalRecord(op: "unset", question: item.id))
      }
    }
    return try apply(question, answer, record: record)
  }

  mutating func apply(_ question: Int, _ answer: Answer?, record: Bool) throws -> AnswerOutcome {
    let previous = engine.answers[question]
    let item = knowledgeBase.questions[question]
    let before = engine
    let events = engine.set(question, to: answer)
    if record { history.append(.answer(question: question, previous: previous)) }
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
    try journal?.append(JournalRecord(op: "back"))
    switch last {
    case .answer(let question, let previous):
      let outcome = try apply(question, previous, record: false)
      history.removeLast()
      return .answer(outcome)
    case .unapplied(let id):
      history.removeLast()
      return .unapplied(questionID: id)
    }
  }

  /// Leaves the question for now; the journal keeps that too.
  public mutating func skip(_ question: Int) throws {
    try journal?.append(JournalRecord(op: "skip", question: knowledgeBase.questions[question].id))
    skipped.insert(question)
  }

  /// Replaces every answer, as when loading a saved consultation.
  public mutating func replaceAnswers(_ answers: [Int: Answer]) throws {
    try journal?.append(JournalRecord(op: "reset"))
    try clearAnswers()
    for (question, answer) in answers.sorted(by: { $0.key < $1.key }) {
      try set(question, to: answer, record: false)
    }
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
  }

  /// Attaches a journal after resuming, so that later changes are kept.
  public mutating func attach(_ journal: Journal) {
    self.journal = journal
  }
}
