import Foundation

/// Who has a journal open for writing: kept beside it while it is open, so that a second shell
/// can say which process holds it.
public struct JournalHolder: Codable, Equatable, Sendable {
  public var pid: Int32
  public var host: String
  /// When the journal was opened, ISO 8601.
  public var opened: String

  public init(pid: Int32, host: String, opened: String) {
    self.pid = pid
    self.host = host
    self.opened = opened
  }

  /// This process, now.
  static func current() -> JournalHolder {
    JournalHolder(pid: getpid(), host: hostName(), opened: ISO8601DateFormatter().string(from: Date()))
  }

  static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "?" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Whether the process still runs (on this computer; elsewhere it cannot be seen).
  var isAlive: Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }

  /// German, e.g. „Prozess 4711 auf „stab-pc“, geöffnet 2026-12-04 21:30 (UTC)“.
  public var description: String {
    let time = opened.replacingOccurrences(of: "T", with: " ").prefix(16)
    return "Prozess \(pid) auf „\(host)“, geöffnet \(time) (UTC)"
  }

  /// The file beside the journal that names its holder.
  public static func path(forJournal path: String) -> String { path + ".lock" }

  static func read(_ path: String) -> JournalHolder? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return try? JSONDecoder().decode(JournalHolder.self, from: data)
  }
}

/// Why a journal could not be written or read; the description is German, for users.
public enum JournalError: Error, CustomStringConvertible, Equatable {
  case cannotOpen(path: String, reason: String)
  case cannotWrite(path: String, reason: String)
  case isDirectory(path: String)
  /// The file exists and is something else (a saved state, a text): it is left as it is.
  case notAJournal(path: String)
  /// Another shell has the journal open for writing.
  case locked(path: String, holder: JournalHolder?)
  /// A shell on another computer opened the journal and did not close it; whether it still runs
  /// cannot be seen from here.
  case heldElsewhere(path: String, holder: JournalHolder)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason): "Das Journal „\(path)“ lässt sich nicht öffnen: \(reason)."
    case .cannotWrite(let path, let reason):
      "Nicht übernommen: \(reason) (Journal „\(path)“). Das Journal bleibt lesbar; bitte die Ursache beheben und die Eingabe wiederholen."
    case .isDirectory(let path): "„\(path)“ ist ein Ordner, keine Journaldatei."
    case .notAJournal(let path):
      "„\(path)“ ist kein Journal von resilienz (etwa eine mit 'speichern' abgelegte Datei, die 'laden' liest); die Datei bleibt unverändert. Für eine neue Beratung bitte einen anderen Dateinamen angeben."
    case .locked(let path, let holder):
      "Die Beratung „\(path)“ ist schon in einem anderen Fenster geöffnet\(holder.map { " (\($0.description))" } ?? ""). Nur ein Programm kann darin schreiben. Zum Mitlesen: resilienz --session \(path) --folgen"
    case .heldElsewhere(let path, let holder):
      "Die Beratung „\(path)“ wurde auf einem anderen Rechner geöffnet und nicht ordentlich geschlossen (\(holder.description)). Läuft das Programm dort nicht mehr, übernehmen Sie sie mit: resilienz --session \(path) --uebernehmen"
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

/// An append-only file of JSON lines; every record is completely on disk before `append`
/// returns, and a record that is not is cut off again, so that nothing is acknowledged that a
/// resumption would not find, and the next record starts on a line of its own.
public final class Journal {
  public let path: String
  private let file: any JournalFile
  /// Bytes of complete records; anything beyond is the rest of a failed write.
  private var committedLength: Int
  /// A failed write could not be cut off at once; the next append does it first.
  private var cutPending = false
  /// The holder record beside the journal, removed when the journal is closed.
  private let holderPath: String?
  /// The journal's device and inode, so that no command writes a file over it.
  public let identity: FileIdentity?
  /// What the journal held when it was opened (a torn last line already cut off).
  public let contents: JournalContents

  /// Opens (or creates, readable by its owner only) the journal for appending, for this process
  /// alone: refuses a file that is not a journal without changing it, refuses a journal another
  /// shell has open, and cuts off a last line torn by a crash.
  /// - Parameter takeOver: take over a journal that a shell on another computer left open.
  public init(path: String, takeOver: Bool = false) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw JournalError.isDirectory(path: path)
    }
    let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw JournalError.cannotOpen(path: path, reason: AtomicFileError.german(errno))
    }
    let file = DescriptorJournalFile(descriptor: descriptor)
    guard Self.isRegularFile(descriptor: descriptor) else {
      throw JournalError.cannotOpen(path: path, reason: "keine gewöhnliche Datei")
    }
    let holderPath = JournalHolder.path(forJournal: path)
    let previous = JournalHolder.read(holderPath)
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      // Without lock support (some network drives) the holder record is all there is.
      guard errno == ENOLCK || errno == EOPNOTSUPP else { throw JournalError.locked(path: path, holder: previous) }
      if let previous, previous.host == JournalHolder.hostName(), previous.pid != getpid(), previous.isAlive {
        throw JournalError.locked(path: path, holder: previous)
      }
    }
    // A holder record left behind names a process that ended without closing the journal (a
    // crash, kill -9): the lock is ours now. On another computer, though, its process cannot be
    // seen and the lock may not reach across the network: only an explicit take-over is safe.
    if let previous, previous.host != JournalHolder.hostName(), !takeOver {
      throw JournalError.heldElsewhere(path: path, holder: previous)
    }
    let bytes = try Self.readAll(descriptor, path: path)
    guard Self.isJournal(bytes) else { throw JournalError.notAJournal(path: path) }
    var contents = Self.parse(bytes)
    if contents.intactLength < contents.length {
      // The torn line is reported; without cutting it off, the next record would be glued to it.
      let code = file.truncate(to: contents.intactLength)
      guard code == 0 else { throw JournalError.cannotWrite(path: path, reason: AtomicFileError.german(code)) }
      contents.length = contents.intactLength
    }
    if let data = try? JSONEncoder().encode(JournalHolder.current()) {
      try? AtomicFile.write(data, to: holderPath)
    }
    self.path = path
    self.file = file
    self.committedLength = contents.intactLength
    self.holderPath = holderPath
    self.identity = file.identity
    self.contents = contents
  }

  /// A journal on a given file, appending at its end: for tests that put a failing disk under it.
  public init(path: String, file: any JournalFile) {
    self.path = path
    self.file = file
    self.committedLength = file.length() ?? 0
    self.holderPath = nil
    self.identity = nil
    self.contents = JournalContents(records: [], problems: [])
  }

  deinit {
    // Before the descriptor closes and the lock goes with it.
    if let holderPath { unlink(holderPath) }
  }

  /// Writes one record as a line and waits until it is on disk.
  public func append(_ record: JournalRecord) throws {
    try append([record])
  }

  /// Writes records as lines, all or none, and waits until they are on disk. On a full disk or
  /// an I/O error the file is cut back to where it was and the error thrown: the change must not
  /// be acknowledged.
  public func append(_ records: [JournalRecord]) throws {
    var data = Data()
    for record in records {
      guard let line = try? JournalCodec.encode(record) else {
        throw JournalError.cannotWrite(path: path, reason: "Datensatz nicht kodierbar")
      }
      data.append(line)
      data.append(UInt8(ascii: "\n"))
    }
    if cutPending {
      let code = file.truncate(to: committedLength)
      guard code == 0 else { throw JournalError.cannotWrite(path: path, reason: AtomicFileError.german(code)) }
      cutPending = false
    }
    let (written, writeError) = data.withUnsafeBytes { file.append($0) }
    var failure = written == data.count ? 0 : (writeError == 0 ? EIO : writeError)
    if failure == 0 { failure = file.synchronize() }
    guard failure == 0 else {
      // Cut back now if possible; else before the next record, which then starts on a clean line.
      cutPending = file.truncate(to: committedLength) != 0
      throw JournalError.cannotWrite(path: path, reason: AtomicFileError.german(failure))
    }
    committedLength += data.count
  }

  /// Whether another process holds the file open as its journal (the lock a shell takes on it).
  public static func isHeld(path: String) -> Bool {
    guard FileManager.default.fileExists(atPath: JournalHolder.path(forJournal: path)) else { return false }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return flock(descriptor, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK
  }

  /// Whether the descriptor is a plain file (not a device, whose reads may never end).
  static func isRegularFile(descriptor: Int32) -> Bool {
    var status = stat()
    return fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
  }

  /// The whole file through an open descriptor.
  static func readAll(_ descriptor: Int32, path: String) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    var offset: off_t = 0
    while true {
      let count = pread(descriptor, &buffer, buffer.count, offset)
      if count < 0 {
        if errno == EINTR { continue }
        throw JournalError.cannotOpen(path: path, reason: AtomicFileError.german(errno))
      }
      if count == 0 { return bytes }
      bytes += buffer[0..<count]
      offset += off_t(count)
    }
  }

  /// Whether bytes are a journal (or empty): its first line is a journal record, or most of its
  /// lines are, or it is a single first record torn by a crash. Anything else (a saved state, a
  /// text) is not, and must not be written to.
  public static func isJournal(_ bytes: [UInt8]) -> Bool {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    guard
      body.contains(where: {
        ![UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains($0)
      })
    else { return true }
    let lines = body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    let complete = lines.dropLast().filter { line in line.contains { $0 > 0x20 } }
    guard let first = complete.first else {
      return body.starts(with: Array(#"{""#.utf8))
    }
    // A line of a kind or version this program does not read is still a journal's line.
    func isRecord(_ line: ArraySlice<UInt8>) -> Bool { JournalCodec.isRecord(Data(line)) }
    if isRecord(first) { return true }
    return complete.filter(isRecord).count * 2 > complete.count
  }

  /// Reads a journal without writing to it, keeping every intact line; a torn or unreadable line
  /// is reported and skipped, and a file that is not a journal refused.
  public static func read(path: String) throws -> JournalContents {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return JournalContents(records: [], problems: [])
    }
    if isDirectory.boolValue { throw JournalError.isDirectory(path: path) }
    // A device such as /dev/zero would be read forever.
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
      throw JournalError.cannotOpen(path: path, reason: "keine gewöhnliche Datei")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw JournalError.cannotOpen(path: path, reason: "keine Leserechte")
    }
    let bytes = [UInt8](data)
    guard isJournal(bytes) else { throw JournalError.notAJournal(path: path) }
    return parse(bytes)
  }

  static func parse(_ bytes: [UInt8]) -> JournalContents {
    var records: [JournalRecord] = []
    var problems: [String] = []
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
        problems.append(
          "Zeile \(lineNumber) des Journals ist unvollständig (abgebrochener Schreibvorgang) und wird übergangen.")
        break
      }
      intact = start
      // A damaged line, or one of a kind or format version this program does not know, stays in
      // the file as it is and is skipped with a message.
      switch JournalCodec.decode(line) {
      case .success(let record): records.append(record)
      case .failure(let problem): problems.append(problem.message(line: lineNumber))
      }
    }
    return JournalContents(records: records, problems: problems, intactLength: intact, length: bytes.count)
  }
}
