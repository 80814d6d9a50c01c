import Foundation
import RuleLanguage

/// The outcome of a load through the snapshot cache.
public struct CachedLoad: Sendable {
  public var result: LoadResult
  /// Why the snapshot was not used, or nil when the knowledge base came from it.
  public var problem: SnapshotProblem?
  /// Where the snapshot is (was read from, or written to).
  public var path: String
  /// Whether a new snapshot was written after compiling from source.
  public var wrote: Bool
  /// How the snapshot's files were found unchanged, or nil when the base was compiled.
  public var verified: Verification?

  /// How a snapshot was found to be made from the files on disk.
  public enum Verification: Sendable, Equatable {
    /// By the stat fingerprint, without reading the files.
    case fingerprint
    /// By reading and hashing every file.
    case contents
  }

  /// A line for `RESILIENZ_SNAPSHOT=laut` on standard error (German, for the person at the terminal).
  public var note: String {
    guard let problem else { return "Wissensbasis aus dem Snapshot \(path) geladen.\n" }
    return "Wissensbasis aus den Quelldateien geladen: \(problem)"
      + (wrote ? "; neuer Snapshot in \(path).\n" : ".\n")
  }
}

/// Compiled knowledge bases kept between runs in `$XDG_CACHE_HOME/resilienz` (default
/// `~/.cache/resilienz`), one file per knowledge-base folder. A snapshot is read only when it was
/// made from the very bytes of every source file by this very program build; anything else —
/// stale, damaged, unreadable — is compiled from source and the snapshot rewritten.
public struct SnapshotCache: Sendable {
  public var directory: String
  /// Identifies the program build; part of every snapshot's key.
  public var program: String
  /// Now, in nanoseconds since 1970: what a file's times are compared with to find racy files
  /// (`SourceFingerprint`). Tests move it on instead of waiting.
  public var clock: @Sendable () -> Int64 = { SourceFingerprint.now() }

  public init(directory: String, program: String = SnapshotCache.currentProgram) {
    self.directory = directory
    self.program = program
  }

  /// The cache for this environment, or nil when `RESILIENZ_SNAPSHOT=aus` turns it off.
  public static func standard(environment: [String: String]) -> SnapshotCache? {
    if environment["RESILIENZ_SNAPSHOT"] == "aus" { return nil }
    return SnapshotCache(directory: defaultDirectory(environment: environment))
  }

  /// Whether `RESILIENZ_SNAPSHOT=laut` asks for a note on standard error about the snapshot used.
  public static func isVerbose(environment: [String: String]) -> Bool {
    environment["RESILIENZ_SNAPSHOT"] == "laut"
  }

  /// `$XDG_CACHE_HOME/resilienz`, else `$HOME/.cache/resilienz`.
  public static func defaultDirectory(environment: [String: String]) -> String {
    let base =
      environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.cache")
    return base + "/resilienz"
  }

  /// The running executable's path, size and modification time with the snapshot format: a
  /// rebuilt program (whose compiler may have changed) never reads an older build's snapshot.
  public static let currentProgram: String = {
    let manager = FileManager.default
    let executable =
      (try? manager.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
    let attributes = (try? manager.attributesOfItem(atPath: executable)) ?? [:]
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
    return "resilienz snapshot \(KnowledgeBaseSnapshot.formatVersion) \(executable) \(size) \(modified)"
  }()

  /// The snapshot file for a knowledge-base folder.
  public func path(forKnowledgeBase folder: String) -> String {
    let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
    var hash = WordHash()
    hash.add(absolute)
    let hex = String(hash.low, radix: 16)
    return KnowledgeSources.join(directory, "kb-" + String(repeating: "0", count: 16 - hex.count) + hex + ".snapshot")
  }

  /// Takes the knowledge base from the snapshot when it was made from these very files by this
  /// program build, else compiles it from source (with `lint`) and writes a new snapshot when it
  /// has no error. Whether the files are those of the snapshot, the stat fingerprint recorded in
  /// it says without reading them (`SourceFingerprint`); when it differs or is not trusted, their
  /// bytes are read and hashed, and a snapshot made from the same bytes is still used (and its
  /// fingerprint renewed). From a snapshot the result has no diagnostics and no statistics: only
  /// error-free bases are ever written, and warnings are for `resilienz check`, which always compiles.
  public func load(directory folder: String, lint: Bool = false) -> CachedLoad {
    let path = path(forKnowledgeBase: folder)
    // Taken before any file is read: a file changed meanwhile then differs from it next time.
    let fingerprint = SourceFingerprint.take(directory: folder, program: program, now: clock())
    var problem = SnapshotProblem.missing
    if let bytes = FileBytes.contents(of: path) {
      var verified = CachedLoad.Verification.fingerprint
      var key: SnapshotKey?
      if let fingerprint, fingerprint.trusted, let recorded = KnowledgeBaseSnapshot.fingerprint(in: bytes),
        recorded.fingerprint == fingerprint
      {
        key = recorded.key
      } else {
        // The files are only hashed on the way to the snapshot and then dropped, so that they and
        // the decoded base are never in memory together; on a miss they are read once more.
        verified = .contents
        key = Self.key(of: KnowledgeSources.read(directory: folder), program: program)
      }
      if let key {
        do {
          let knowledgeBase = try KnowledgeBaseSnapshot.decode(bytes, expecting: key)
          if verified == .contents, let fingerprint, fingerprint.trusted {
            renew(bytes, with: fingerprint, at: path)
          }
          return CachedLoad(
            result: LoadResult(knowledgeBase: knowledgeBase, diagnostics: [], statistics: nil), problem: nil,
            path: path, wrote: false, verified: verified)
        } catch {
          problem = error
        }
      }
    }
    let sources = KnowledgeSources.read(directory: folder)
    let result = KnowledgeBaseLoader.compile(sources, lint: lint)
    var wrote = false
    if let knowledgeBase = result.knowledgeBase, let key = Self.key(of: sources, program: program) {
      wrote = store(knowledgeBase, key: key, fingerprint: fingerprint ?? .none, at: path)
    }
    return CachedLoad(result: result, problem: problem, path: path, wrote: wrote, verified: nil)
  }

  /// The fingerprint of a knowledge-base folder for this cache's program, taken now: for
  /// `store(_:sources:fingerprint:)`, before the sources are read.
  public func fingerprint(of folder: String) -> SourceFingerprint {
    SourceFingerprint.take(directory: folder, program: program, now: clock()) ?? .none
  }

  /// Records a fresh fingerprint in a snapshot whose files were verified by their bytes; a
  /// failure only costs the next start the hashing again.
  private func renew(_ bytes: [UInt8], with fingerprint: SourceFingerprint, at path: String) {
    guard let renewed = try? KnowledgeBaseSnapshot.replacingFingerprint(in: bytes, with: fingerprint) else { return }
    try? Data(renewed).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  /// The key of sources that could be read without a problem.
  private static func key(of sources: KnowledgeSources, program: String) -> SnapshotKey? {
    sources.diagnostics.isEmpty ? SnapshotKey(sources: sources, program: program) : nil
  }

  /// Writes the snapshot of a knowledge base compiled from `sources` (as `resilienz check` does);
  /// false when the cache cannot be written, which only costs the next start its speed.
  /// `fingerprint` must have been taken (`fingerprint(of:)`) before the sources were read; without
  /// one the next start verifies the files by their bytes and records it then.
  @discardableResult
  public func store(
    _ knowledgeBase: KnowledgeBase, sources: KnowledgeSources, fingerprint: SourceFingerprint = .none
  ) -> Bool {
    store(
      knowledgeBase, key: SnapshotKey(sources: sources, program: program), fingerprint: fingerprint,
      at: path(forKnowledgeBase: sources.directory))
  }

  private func store(
    _ knowledgeBase: KnowledgeBase, key: SnapshotKey, fingerprint: SourceFingerprint, at path: String
  ) -> Bool {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try KnowledgeBaseSnapshot.write(knowledgeBase, key: key, fingerprint: fingerprint, to: path)
      return true
    } catch {
      return false
    }
  }
}

extension KnowledgeBaseSnapshot {
  /// Writes a snapshot file atomically (a reader sees the old file or the new one, never a part).
  public static func write(
    _ knowledgeBase: KnowledgeBase, key: SnapshotKey, fingerprint: SourceFingerprint = .none, to path: String
  ) throws {
    try Data(encode(knowledgeBase, key: key, fingerprint: fingerprint))
      .write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  /// Reads a snapshot file written by `write` or `resilienz check --snapshot`, without a source
  /// key to compare: for a snapshot shipped on its own.
  public static func read(path: String) throws(SnapshotProblem) -> KnowledgeBase {
    guard let data = FileManager.default.contents(atPath: path) else { throw .missing }
    return try decode([UInt8](data))
  }
}

extension KnowledgeBaseLoader {
  /// The knowledge base for a consultation or an evaluation, without warnings: from the snapshot
  /// cache when it holds one made from these very files, else compiled (and the snapshot
  /// rewritten). `RESILIENZ_SNAPSHOT=aus` always compiles from source; `=laut` says on standard
  /// error which it was and why.
  public static func loadForUse(directory: String, environment: [String: String]) -> LoadResult {
    guard let cache = SnapshotCache.standard(environment: environment) else {
      return load(directory: directory, lint: false)
    }
    let loaded = cache.load(directory: directory)
    if SnapshotCache.isVerbose(environment: environment) {
      FileHandle.standardError.write(Data(loaded.note.utf8))
    }
    return loaded.result
  }
}
