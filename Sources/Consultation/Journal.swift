import Foundation

/// One line of a consultation's journal.
public struct JournalRecord: Codable, Equatable, Sendable {
  /// `start` (first line: which knowledge base), `set`, `unset`, `reset`, or a later kind.
  public var op: String
  public var question: String?
  /// The answer as typed (`ja`, an option id, `a, b`, `2,5`, `?`).
  public var answer: String?
  public var knowledgeBase: String?
  public var version: String?
  /// Free text, for records such as an exercise's notes.
  public var text: String?

  public init(
    op: String, question: String? = nil, answer: String? = nil, knowledgeBase: String? = nil,
    version: String? = nil, text: String? = nil
  ) {
    self.op = op
    self.question = question
    self.answer = answer
    self.knowledgeBase = knowledgeBase
    self.version = version
    self.text = text
  }
}

/// Why a journal could not be written or read; the description is German, for users.
public enum JournalError: Error, CustomStringConvertible, Equatable {
  case cannotOpen(path: String, reason: String)
  case cannotWrite(path: String, reason: String)
  case isDirectory(path: String)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason): "Das Journal „\(path)“ lässt sich nicht öffnen: \(reason)."
    case .cannotWrite(let path, let reason):
      "In das Journal „\(path)“ kann nicht geschrieben werden: \(reason). Die Antwort wurde nicht übernommen."
    case .isDirectory(let path): "„\(path)“ ist ein Ordner, keine Journaldatei."
    }
  }
}

/// What reading a journal found: the records, and problems with lines that were skipped.
public struct JournalContents: Sendable {
  public var records: [JournalRecord]
  /// German messages with line numbers, e.g. for a last line torn by a crash.
  public var problems: [String]
  /// Bytes up to the end of the last complete line; a torn last line lies beyond.
  public var intactLength: Int = 0
  /// The file's length.
  public var length: Int = 0
}

/// An append-only file of JSON lines; every record is on disk before `append` returns.
public final class Journal {
  public let path: String
  private let descriptor: Int32

  /// Opens (or creates) the journal for appending.
  public init(path: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw JournalError.isDirectory(path: path)
    }
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw JournalError.cannotOpen(path: path, reason: AtomicFileError.german(errno))
    }
    self.path = path
    self.descriptor = descriptor
  }

  deinit {
    close(descriptor)
  }

  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  /// Writes one record as a line and waits until it is on disk.
  public func append(_ record: JournalRecord) throws {
    guard var data = try? Self.encoder.encode(record) else {
      throw JournalError.cannotWrite(path: path, reason: "Datensatz nicht kodierbar")
    }
    data.append(UInt8(ascii: "\n"))
    let written = data.withUnsafeBytes { buffer -> Int in
      var offset = 0
      while offset < buffer.count {
        let result = write(descriptor, buffer.baseAddress!.advanced(by: offset), buffer.count - offset)
        if result < 0 {
          if errno == EINTR { continue }
          return -1
        }
        offset += result
      }
      return offset
    }
    guard written == data.count, fsync(descriptor) == 0 else {
      throw JournalError.cannotWrite(path: path, reason: AtomicFileError.german(errno))
    }
  }

  /// Reads a journal, keeping every intact line; a torn or unreadable line is reported and skipped.
  public static func read(path: String) throws -> JournalContents {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return JournalContents(records: [], problems: [])
    }
    if isDirectory.boolValue { throw JournalError.isDirectory(path: path) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw JournalError.cannotOpen(path: path, reason: "keine Leserechte")
    }
    return parse([UInt8](data))
  }

  static func parse(_ bytes: [UInt8]) -> JournalContents {
    var records: [JournalRecord] = []
    var problems: [String] = []
    let decoder = JSONDecoder()
    var lineNumber = 0
    var start = 0
    var intact = 0
    while start < bytes.count {
      lineNumber += 1
      var end = start
      while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
      let complete = end < bytes.count
      let line = Data(bytes[start..<end])
      start = end + 1
      if line.isEmpty {
        if complete { intact = start }
        continue
      }
      guard complete else {
        problems.append("Zeile \(lineNumber) des Journals ist unvollständig (abgebrochener Schreibvorgang) und wird übergangen.")
        break
      }
      intact = start
      guard let record = try? decoder.decode(JournalRecord.self, from: line) else {
        problems.append("Zeile \(lineNumber) des Journals ist beschädigt und wird übergangen.")
        continue
      }
      records.append(record)
    }
    return JournalContents(records: records, problems: problems, intactLength: intact, length: bytes.count)
  }

  /// Cuts a torn last line off, so that the next record starts on a line of its own.
  public static func truncate(path: String, to length: Int) throws {
    guard Glibc.truncate(path, off_t(length)) == 0 else {
      throw JournalError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
  }
}
