import Foundation
import KnowledgeBase
import RuleEngine

/// Journal records to lines and back. A journal is JSON lines, one object per record with its
/// kind in `op`; the first record is `start` with `format: resilienz-journal`.
///
/// Every line a version writes carries the format version `v`, so that a journal begun by an
/// earlier version and continued by this one reads line by line:
/// - **Version 1** (no `v`): the records up to the typed journal. Fields meant different things
///   by kind: `question` named a question, a measure, an exercise, an objective, a term or a head
///   field; `answer` an answer, a decision, an inject, a task's change or a rating; `text` free
///   text or JSON. Older still are lines without `time` and a `start` without `format`; all read.
/// - **Version 2** (`"v":2`): every field means one thing (`measure`, `inject`, `objective`,
///   `term`, `field`, …), numbers and truth values are JSON's own, and nested payloads (an added
///   inject, the after-action header, a plan row) are JSON objects rather than JSON in a string.
///
/// Only version 2 is written. A line of a later version is skipped with a message, as is a line
/// of an unknown kind: it stays in the file untouched.
public enum JournalCodec {
  /// The format version this program writes.
  public static let version = 2
  /// The `format` of the first record, so that a journal is recognisable as one.
  public static let format = "resilienz-journal"

  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  /// A time as the journal keeps it: to the second, so that the record in memory is the one on disk.
  static func second(_ date: Date) -> Date {
    Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
  }

  /// The line for a record, without its newline.
  public static func encode(_ record: JournalRecord) throws -> Data {
    var line = Line(op: record.entry.kind.rawValue)
    line.v = version
    line.time = record.time.map(AnswerStamp.timestamp)
    line.by = record.by
    switch record.entry {
    case .start(let knowledgeBase, let kbVersion):
      line.format = format
      line.knowledgeBase = knowledgeBase
      line.version = kbVersion
    case .set(let given):
      line.question = given.question
      line.answer = given.answer
      line.source = given.source
    case .unset(let question), .skip(let question), .confirm(let question):
      line.question = question
    case .reset, .loaded, .back, .undo, .debrief: break
    case .term(let term, let text):
      line.term = term
      line.text = text
    case .header(let field, let text):
      line.field = field.rawValue
      line.text = text
    case .task(let measure, let change):
      line.measure = measure
      switch change {
      case .assign(let owner, let due):
        line.task = "assign"
        line.owner = owner
        line.due = due
      case .postpone(let reason):
        line.task = "defer"
        line.reason = reason
      case .done: line.task = "done"
      case .reopen: line.task = "open"
      }
    case .report(let measures, let patterns):
      line.measures = measures
      line.patterns = patterns.mapValues(patternName)
    case .exercise(let id, let blind):
      line.exercise = id
      line.blind = blind
    case .inject(let exercise, let inject):
      line.exercise = exercise
      line.inject = inject
    case .injectControl(let inject, let yes):
      line.inject = inject
      line.yes = yes
    case .injectSkip(let inject):
      line.inject = inject
    case .injectDelay(let inject, let time):
      line.inject = inject
      line.at = time.text
    case .injectEdit(let inject, let text):
      line.inject = inject
      line.text = text
    case .injectAdd(let added, let time):
      line.added = added
      line.at = time?.text
    case .decide(let decision):
      line.measure = decision.measure
      line.decision = decision.decision.rawValue
      line.reason = decision.reason
      line.observer = decision.observer
    case .note(let text):
      line.text = text
    case .log(let logged):
      line.kind = logged.kind.rawValue
      line.text = logged.text
      line.measure = logged.measure
      line.observer = logged.observer
    case .exerciseRole(let role):
      line.role = role
    case .exerciseClock(let compression):
      line.compression = compression
    case .exerciseInfo(let header):
      line.header = header
    case .rating(let rating):
      line.objective = rating.objective
      line.rating = rating.rating.rawValue
      line.comment = rating.comment
      line.observer = rating.observer
    case .plan(let item):
      line.plan = item
    case .planStatus(let row, let status):
      line.row = row
      line.status = status.rawValue
    }
    return try encoder.encode(line)
  }

  /// The record a line holds, or why it cannot be read.
  public static func decode(_ data: Data) -> Result<JournalRecord, JournalLineProblem> {
    guard let line = try? JSONDecoder().decode(Line.self, from: data) else { return .failure(.damaged) }
    guard let kind = JournalEntry.Kind(rawValue: line.op) else { return .failure(.unknownKind(line.op)) }
    let fields = Fields(line: line, kind: kind)
    do {
      let entry: JournalEntry
      switch line.v {
      case nil: entry = try fields.version1()
      case version: entry = try fields.version2()
      case let other? where other > version: return .failure(.newerVersion(other))
      default: return .failure(.damaged)
      }
      return .success(JournalRecord(entry, time: AnswerStamp.date(fromTimestamp: line.time), by: line.by))
    } catch {
      return .failure(error)
    }
  }

  /// Whether a line is a journal record at all (of any kind or version), to tell a journal from
  /// other files.
  static func isRecord(_ data: Data) -> Bool {
    (try? JSONDecoder().decode(Line.self, from: data)) != nil
  }

  static func patternName(_ state: PatternState) -> String {
    switch state {
    case .inactive: "inactive"
    case .suspected: "suspected"
    case .established: "established"
    }
  }

  static func patternState(_ name: String) -> PatternState? {
    PatternState.allCases.first { patternName($0) == name }
  }

  /// A line as JSON: the union of every version's fields, each optional; which are read depends
  /// on `op` and `v`.
  struct Line: Codable {
    var op: String
    var v: Int?
    var time: String?
    var by: String?
    // Version 1 fields, most kept in version 2 where their meaning is one.
    var format: String?
    var knowledgeBase: String?
    var version: String?
    var question: String?
    var answer: String?
    var text: String?
    var due: String?
    var observer: String?
    var source: String?
    // Version 2 only.
    var term: String?
    var field: String?
    var measure: String?
    var task: String?
    var owner: String?
    var reason: String?
    var measures: [String]?
    var patterns: [String: String]?
    var exercise: String?
    var blind: Bool?
    var inject: String?
    var yes: Bool?
    var at: String?
    var added: AdHocInject?
    var decision: String?
    var kind: String?
    var role: String?
    var compression: Int?
    var header: ExerciseHeader?
    var objective: String?
    var rating: String?
    var comment: String?
    var plan: PlanItem?
    var row: Int?
    var status: String?

    init(op: String) { self.op = op }
  }

  /// Reading a line's fields for its kind: what must be there, and what must parse.
  struct Fields {
    let line: Line
    let kind: JournalEntry.Kind

    func required<T>(_ value: T?, _ name: String) throws(JournalLineProblem) -> T {
      guard let value else { throw .missing(kind: kind.rawValue, field: name) }
      return value
    }

    /// A field that must be there and parse as `T`.
    func parsed<T>(_ text: String?, _ name: String, _ parse: (String) -> T?) throws(JournalLineProblem) -> T {
      let text = try required(text, name)
      guard let value = parse(text) else { throw .invalid(kind: kind.rawValue, field: name, value: text) }
      return value
    }

    /// An exercise clock's factor: off (nil), or one `übung uhr` accepts; anything else in a file
    /// would make the clock overflow.
    func compression(_ value: Int?, _ name: String) throws(JournalLineProblem) -> Int? {
      guard let value else { return nil }
      guard ExerciseRun.clockCompressions.contains(value) else {
        throw .invalid(kind: kind.rawValue, field: name, value: String(value))
      }
      return value
    }

    /// JSON kept as text in a version 1 field.
    func json<T: Decodable>(_ type: T.Type, _ text: String?, _ name: String) throws(JournalLineProblem) -> T {
      try parsed(text, name) { try? JSONDecoder().decode(type, from: Data($0.utf8)) }
    }

    func header(_ name: String?, _ fieldName: String) throws(JournalLineProblem) -> HeaderField {
      try parsed(name, fieldName) { try? HeaderField(named: $0) }
    }

    /// The kinds whose fields are the same in every version. A kind neither reader handles is
    /// refused as damaged (the round-trip test of every kind fails before that can ship).
    func alike() throws(JournalLineProblem) -> JournalEntry {
      switch kind {
      case .start:
        return .start(
          knowledgeBase: try required(line.knowledgeBase, "knowledgeBase"),
          version: try required(line.version, "version"))
      case .unset: return .unset(question: try required(line.question, "question"))
      case .skip: return .skip(question: try required(line.question, "question"))
      case .confirm: return .confirm(question: try required(line.question, "question"))
      case .reset: return .reset
      case .loaded: return .loaded
      case .back: return .back
      case .undo: return .undo
      case .debrief: return .debrief
      case .note: return .note(text: try required(line.text, "text"))
      default: throw .damaged
      }
    }

    /// Version 1: meanings by kind, absent fields where earlier versions left them out.
    func version1() throws(JournalLineProblem) -> JournalEntry {
      switch kind {
      case .set:
        return .set(
          .init(question: try required(line.question, "question"), answer: line.answer ?? "", source: line.source))
      case .term: return .term(term: try required(line.question, "question"), text: line.text)
      case .header: return .header(field: try header(line.question, "question"), text: line.text)
      case .task:
        let measure = try required(line.question, "question")
        let change: JournalEntry.TaskChange
        switch try required(line.answer, "answer") {
        case "assign": change = .assign(owner: line.text ?? "", due: line.due)
        case "defer": change = .postpone(reason: line.text ?? "")
        case "done": change = .done
        case "open": change = .reopen
        case let other: throw .invalid(kind: kind.rawValue, field: "answer", value: other)
        }
        return .task(measure: measure, change: change)
      case .report:
        var patterns: [String: PatternState] = [:]
        for pair in (line.text ?? "").split(separator: ";") {
          let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
          if parts.count == 2, let state = JournalCodec.patternState(parts[1]) { patterns[parts[0]] = state }
        }
        return .report(measures: (line.answer ?? "").split(separator: ",").map(String.init), patterns: patterns)
      case .exercise: return .exercise(id: try required(line.question, "question"), blind: line.answer == "blind")
      case .inject: return .inject(exercise: try required(line.question, "question"), inject: line.answer)
      case .injectControl:
        return .injectControl(inject: try required(line.answer, "answer"), yes: line.text == "ja")
      case .injectSkip: return .injectSkip(inject: try required(line.answer, "answer"))
      case .injectDelay:
        return .injectDelay(
          inject: try required(line.answer, "answer"), to: try parsed(line.due, "due", ExerciseTime.init))
      case .injectEdit: return .injectEdit(inject: try required(line.answer, "answer"), text: line.text ?? "")
      case .injectAdd:
        return .injectAdd(try json(AdHocInject.self, line.text, "text"), at: line.due.flatMap(ExerciseTime.init))
      case .decide:
        return .decide(
          .init(
            measure: try required(line.question, "question"),
            decision: try parsed(line.answer, "answer", StaffDecision.init(rawValue:)), reason: line.text,
            observer: line.observer))
      case .log:
        return .log(
          .init(
            kind: try parsed(line.answer, "answer", LogEntry.Kind.init(rawValue:)), text: line.text ?? "",
            measure: line.question, observer: line.observer))
      case .exerciseRole: return .exerciseRole(line.text)
      case .exerciseClock:
        return .exerciseClock(compression: try compression(line.answer.flatMap { Int($0) }, "answer"))
      case .exerciseInfo: return .exerciseInfo(try json(ExerciseHeader.self, line.text, "text"))
      case .rating:
        return .rating(
          .init(
            objective: try required(line.question, "question"),
            rating: try parsed(line.answer, "answer", ObjectiveRating.init(rawValue:)), comment: line.text,
            observer: line.observer))
      case .plan: return .plan(try json(PlanItem.self, line.text, "text"))
      case .planStatus:
        return .planStatus(
          row: try parsed(line.text, "text") { Int($0) },
          status: try parsed(line.answer, "answer", PlanStatus.init(rawValue:)))
      default: return try alike()
      }
    }

    /// Version 2: one meaning per field.
    func version2() throws(JournalLineProblem) -> JournalEntry {
      switch kind {
      case .set:
        return .set(
          .init(
            question: try required(line.question, "question"), answer: try required(line.answer, "answer"),
            source: line.source))
      case .term: return .term(term: try required(line.term, "term"), text: line.text)
      case .header: return .header(field: try header(line.field, "field"), text: line.text)
      case .task:
        let measure = try required(line.measure, "measure")
        let change: JournalEntry.TaskChange
        switch try required(line.task, "task") {
        case "assign": change = .assign(owner: try required(line.owner, "owner"), due: line.due)
        case "defer": change = .postpone(reason: try required(line.reason, "reason"))
        case "done": change = .done
        case "open": change = .reopen
        case let other: throw .invalid(kind: kind.rawValue, field: "task", value: other)
        }
        return .task(measure: measure, change: change)
      case .report:
        var patterns: [String: PatternState] = [:]
        for (pattern, name) in line.patterns ?? [:] {
          guard let state = JournalCodec.patternState(name) else {
            throw .invalid(kind: kind.rawValue, field: "patterns", value: name)
          }
          patterns[pattern] = state
        }
        return .report(measures: line.measures ?? [], patterns: patterns)
      case .exercise: return .exercise(id: try required(line.exercise, "exercise"), blind: line.blind ?? false)
      case .inject: return .inject(exercise: try required(line.exercise, "exercise"), inject: line.inject)
      case .injectControl:
        return .injectControl(inject: try required(line.inject, "inject"), yes: try required(line.yes, "yes"))
      case .injectSkip: return .injectSkip(inject: try required(line.inject, "inject"))
      case .injectDelay:
        return .injectDelay(
          inject: try required(line.inject, "inject"), to: try parsed(line.at, "at", ExerciseTime.init))
      case .injectEdit:
        return .injectEdit(inject: try required(line.inject, "inject"), text: try required(line.text, "text"))
      case .injectAdd:
        let at: ExerciseTime? = line.at == nil ? nil : try parsed(line.at, "at", ExerciseTime.init)
        return .injectAdd(try required(line.added, "added"), at: at)
      case .decide:
        return .decide(
          .init(
            measure: try required(line.measure, "measure"),
            decision: try parsed(line.decision, "decision", StaffDecision.init(rawValue:)), reason: line.reason,
            observer: line.observer))
      case .log:
        return .log(
          .init(
            kind: try parsed(line.kind, "kind", LogEntry.Kind.init(rawValue:)), text: try required(line.text, "text"),
            measure: line.measure, observer: line.observer))
      case .exerciseRole: return .exerciseRole(line.role)
      case .exerciseClock: return .exerciseClock(compression: try compression(line.compression, "compression"))
      case .exerciseInfo: return .exerciseInfo(try required(line.header, "header"))
      case .rating:
        return .rating(
          .init(
            objective: try required(line.objective, "objective"),
            rating: try parsed(line.rating, "rating", ObjectiveRating.init(rawValue:)), comment: line.comment,
            observer: line.observer))
      case .plan: return .plan(try required(line.plan, "plan"))
      case .planStatus:
        return .planStatus(
          row: try required(line.row, "row"), status: try parsed(line.status, "status", PlanStatus.init(rawValue:)))
      default: return try alike()
      }
    }
  }
}

/// Why a line of a journal was not read; `message(line:)` says it in German.
public enum JournalLineProblem: Error, Equatable, Sendable {
  /// Not a JSON object with an `op`.
  case damaged
  /// A kind of record this version does not know (written by a later one, or edited by hand).
  case unknownKind(String)
  /// Written by a later version of the format.
  case newerVersion(Int)
  case missing(kind: String, field: String)
  case invalid(kind: String, field: String, value: String)

  public func message(line: Int) -> String {
    switch self {
    case .damaged:
      "Zeile \(line) des Journals ist beschädigt und wird übergangen."
    case .unknownKind(let op):
      "Zeile \(line) des Journals ist ein Eintrag der unbekannten Art „\(op)“ (etwa von einer neueren Version von resilienz) und wird übergangen."
    case .newerVersion(let version):
      "Zeile \(line) des Journals ist im Format \(version) geschrieben, das diese Version von resilienz nicht kennt (sie liest bis Format \(JournalCodec.version)), und wird übergangen."
    case .missing(let kind, let field):
      "Zeile \(line) des Journals („\(kind)“) fehlt die Angabe „\(field)“; sie wird übergangen."
    case .invalid(let kind, let field, let value):
      "Zeile \(line) des Journals („\(kind)“) hat in „\(field)“ den ungültigen Wert „\(value)“ und wird übergangen."
    }
  }
}
