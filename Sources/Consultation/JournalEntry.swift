import Foundation
import KnowledgeBase
import RuleEngine

/// One line of a consultation's journal: what happened (`entry`), when, and by whom. How a
/// record is written to and read from a line is `JournalCodec`'s business alone.
public struct JournalRecord: Equatable, Sendable {
  public var entry: JournalEntry
  /// When the record was written, to the second; nil in journals from before time stamps.
  public var time: Date?
  /// Who did it: the name or staff function set with `name`, or in an exercise the role that
  /// decided or noted (`rolle`, `--als`); nil when not known.
  public var by: String?

  public init(_ entry: JournalEntry, time: Date? = nil, by: String? = nil) {
    self.entry = entry
    self.time = time
    self.by = by
  }

  /// The first record of a new journal: which knowledge base it was begun with, now.
  public static func start(knowledgeBase: String, version: String) -> JournalRecord {
    JournalRecord(.start(knowledgeBase: knowledgeBase, version: version), time: JournalCodec.second(AnswerStamp.now()))
  }
}

/// What a journal record says happened: one case per operation, each with its own payload. Ids
/// of questions, measures, exercises, injects and objectives are the knowledge base's names, so
/// that a journal still reads after the knowledge base changed; the replay resolves them.
public enum JournalEntry: Equatable, Sendable {
  /// The first record: the knowledge base the consultation was begun with.
  case start(knowledgeBase: String, version: String)
  /// An answer given, with where its information came from.
  case set(AnswerGiven)
  /// An answer withdrawn.
  case unset(question: String)
  /// Every answer withdrawn: the first record of a load (`laden`), followed by its `set`s.
  case reset
  /// The end of a load: the history `back` can undo starts afresh.
  case loaded
  /// The last answer undone (`zurück`).
  case back
  /// A question left for now (`überspringen`).
  case skip(question: String)
  /// An answer re-confirmed unchanged (`bestätigen`).
  case confirm(question: String)
  /// The municipality's own text for a term (`bezeichnung`); nil returns to the knowledge base's.
  case term(term: String, text: String?)
  /// A field of the report's head (`kopf`); nil removes it.
  case header(field: HeaderField, text: String?)
  /// A change to the staff's task for a recommended measure (its status).
  case task(measure: String, change: TaskChange)
  /// A report was written showing these top measures and pattern states (patterns not named
  /// were inactive).
  case report(measures: [String], patterns: [String: PatternState])
  /// An exercise started, openly or blind.
  case exercise(id: String, blind: Bool)
  /// An inject of the exercise released; nil in journals from before the Drehbuch: the next one.
  case inject(exercise: String, inject: String?)
  /// The Übungsleitung's answer to the question an inject's `control` condition asks.
  case injectControl(inject: String, yes: Bool)
  case injectSkip(inject: String)
  case injectDelay(inject: String, to: ExerciseTime)
  case injectEdit(inject: String, text: String)
  /// An inject the Übungsleitung added during play, at the time it was placed.
  case injectAdd(AdHocInject, at: ExerciseTime?)
  /// The staff's decision about a recommended measure (`entscheide 3 ablehnen …`).
  case decide(Decision)
  /// An observation in free text, without role, observer or measure (the record of early
  /// versions, still written for such notes).
  case note(text: String)
  /// A decision or note in free text with its observer and measure (role in `by`).
  case log(Logged)
  /// The last decision or note taken back.
  case undo
  /// The debrief was held: the advice is shown even in a blind exercise.
  case debrief
  /// The role that decides and notes from now on; nil returns to who is at the keyboard.
  case exerciseRole(String?)
  /// The clock releasing injects, exercise time per real time; nil stops it.
  case exerciseClock(compression: Int?)
  /// The facts the after-action report names in its header.
  case exerciseInfo(ExerciseHeader)
  /// An observer's rating of an objective.
  case rating(Rating)
  /// A row added to the improvement plan.
  case plan(PlanItem)
  /// The status of the plan's row `row` (from 1).
  case planStatus(row: Int, status: PlanStatus)

  /// An answer as typed (`ja`, an option id, `a, b`, `2,5`, `?`) and its source (`quelle`).
  public struct AnswerGiven: Equatable, Sendable {
    public var question: String
    public var answer: String
    public var source: String?

    public init(question: String, answer: String, source: String? = nil) {
      self.question = question
      self.answer = answer
      self.source = source
    }
  }

  public struct Decision: Equatable, Sendable {
    public var measure: String
    public var decision: StaffDecision
    public var reason: String?
    public var observer: String?

    public init(measure: String, decision: StaffDecision, reason: String? = nil, observer: String? = nil) {
      self.measure = measure
      self.decision = decision
      self.reason = reason
      self.observer = observer
    }
  }

  public struct Logged: Equatable, Sendable {
    public var kind: LogEntry.Kind
    public var text: String
    public var measure: String?
    public var observer: String?

    public init(kind: LogEntry.Kind, text: String, measure: String? = nil, observer: String? = nil) {
      self.kind = kind
      self.text = text
      self.measure = measure
      self.observer = observer
    }
  }

  public struct Rating: Equatable, Sendable {
    public var objective: String
    public var rating: ObjectiveRating
    public var comment: String?
    public var observer: String?

    public init(objective: String, rating: ObjectiveRating, comment: String? = nil, observer: String? = nil) {
      self.objective = objective
      self.rating = rating
      self.comment = comment
      self.observer = observer
    }
  }

  /// How a measure's task changed.
  public enum TaskChange: Equatable, Sendable {
    /// Given to `owner`, with a deadline as the staff said it.
    case assign(owner: String, due: String?)
    /// Put off for now, with the staff's reason (`zurückstellen`).
    case postpone(reason: String)
    case done
    /// Open again after it was marked done.
    case reopen
  }
}

extension JournalEntry {
  /// The kinds of record, named as the journal writes them (`op`).
  public enum Kind: String, CaseIterable, Sendable {
    case start, set, unset, reset, loaded, back, skip, confirm, term, header, task, report
    case exercise, inject
    case injectControl = "inject-control"
    case injectSkip = "inject-skip"
    case injectDelay = "inject-delay"
    case injectEdit = "inject-edit"
    case injectAdd = "inject-add"
    case decide, note, log, undo, debrief
    case exerciseRole = "exercise-role"
    case exerciseClock = "exercise-clock"
    case exerciseInfo = "exercise-info"
    case rating, plan
    case planStatus = "plan-status"
  }

  public var kind: Kind {
    switch self {
    case .start: .start
    case .set: .set
    case .unset: .unset
    case .reset: .reset
    case .loaded: .loaded
    case .back: .back
    case .skip: .skip
    case .confirm: .confirm
    case .term: .term
    case .header: .header
    case .task: .task
    case .report: .report
    case .exercise: .exercise
    case .inject: .inject
    case .injectControl: .injectControl
    case .injectSkip: .injectSkip
    case .injectDelay: .injectDelay
    case .injectEdit: .injectEdit
    case .injectAdd: .injectAdd
    case .decide: .decide
    case .note: .note
    case .log: .log
    case .undo: .undo
    case .debrief: .debrief
    case .exerciseRole: .exerciseRole
    case .exerciseClock: .exerciseClock
    case .exerciseInfo: .exerciseInfo
    case .rating: .rating
    case .plan: .plan
    case .planStatus: .planStatus
    }
  }
}
