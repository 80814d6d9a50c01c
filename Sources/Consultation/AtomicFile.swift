import Foundation

/// Writes files so that readers see the old content or the complete new one, never a part.
public enum AtomicFile {
  /// Writes `data` to a temporary file beside `path`, flushes it to disk and renames it over `path`.
  public static func write(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
      .path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw AtomicFileError(errno: errno) }
    let written = data.withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        guard let base = buffer.baseAddress else { return false }
        let result = Glibc.write(descriptor, base.advanced(by: offset), buffer.count - offset)
        if result < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += result
      }
      return true
    }
    let synced = fsync(descriptor) == 0
    close(descriptor)
    guard written, synced, rename(temporary, path) == 0 else {
      let error = AtomicFileError(errno: errno)
      unlink(temporary)
      throw error
    }
  }
}

/// Why an atomic write failed.
public struct AtomicFileError: Error, CustomStringConvertible {
  public var reason: String
  public var description: String { reason }

  init(errno code: Int32) {
    reason = Self.german(code)
  }

  /// The common reasons in German; others with the system's wording.
  static func german(_ code: Int32) -> String {
    switch code {
    case ENOENT: "der Ordner existiert nicht"
    case EACCES, EPERM: "keine Schreibrechte"
    case EISDIR: "das ist ein Ordner"
    case ENOSPC: "Datenträger voll"
    case EDQUOT: "Speicherkontingent erschöpft"
    case EIO: "Ein-/Ausgabefehler des Datenträgers"
    case EROFS: "der Datenträger ist schreibgeschützt"
    case ENOTDIR: "ein Teil des Pfades ist kein Ordner"
    default: String(cString: strerror(code))
    }
  }
}

/// Why a file a user named may not be written; the description is German, for users.
public enum TargetFileError: Error, CustomStringConvertible, Equatable {
  case exists(path: String)
  case isDirectory(path: String)
  /// The journal of a running consultation: replacing it would lose every later answer.
  case isOpenJournal(path: String)

  public var description: String {
    switch self {
    case .exists(let path): "„\(path)“ gibt es schon."
    case .isDirectory(let path): "„\(path)“ kann nicht geschrieben werden: das ist ein Ordner."
    case .isOpenJournal(let path):
      "„\(path)“ ist das Journal einer laufenden Beratung und wird nicht überschrieben; bitte einen anderen Dateinamen angeben."
    }
  }
}

extension AtomicFile {
  /// Checks, before anything is written, that a file the user named may be written: never a
  /// folder, never a journal in use (`journals`, compared by device and inode whatever the path
  /// says, or any journal another shell holds open), and an existing file only when `overwrite`.
  /// Every command that writes a file goes through here.
  public static func checkTarget(_ path: String, overwrite: Bool, journals: [FileIdentity]) throws(TargetFileError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
    if isDirectory.boolValue { throw .isDirectory(path: path) }
    if let identity = FileIdentity(path: path), journals.contains(identity) { throw .isOpenJournal(path: path) }
    if Journal.isHeld(path: path) { throw .isOpenJournal(path: path) }
    if !overwrite { throw .exists(path: path) }
  }
}
