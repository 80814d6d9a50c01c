import Foundation

/// What the file system says about a knowledge base's source files, without reading them: for
/// each file the snapshot key covers, its path, size, modification and status-change times in
/// nanoseconds, inode, device and mode, of the link itself and of what it points to — like the
/// index of git. Taking it costs a directory listing and two `stat` calls per file; reading and
/// hashing the 1 MB of the shipped base cost ten times as much at every start.
///
/// A snapshot records the fingerprint of the files it was compiled from (taken *before* they
/// were read, so that a file changed while it was read differs from the recorded fingerprint).
/// When the fingerprint on disk equals the recorded one, the files are taken as unchanged and
/// their bytes are not read; otherwise they are read and hashed as before, and a snapshot whose
/// bytes still match is served and its fingerprint renewed.
///
/// Why equal fingerprints mean equal files: every write to a file sets its modification time and
/// every change of its times, owner or mode sets its status-change time (`ctime`), which no
/// program can set back — restoring the modification time with `touch -d` after an edit of the
/// same size still changes `ctime`. Two cases remain, the same as for git:
/// - *racy files*: a file changed within the granularity of the file-system clock after its
///   fingerprint was taken may keep its times. So a fingerprint with any time later than two
///   seconds before it was taken (the coarsest common granularity, FAT's) is recorded as not
///   trusted, and the next start reads the files; the one after that trusts a renewed fingerprint.
/// - *a system clock set back* past a file's recorded times, and an edit at exactly the recorded
///   nanosecond of both times, which only a deliberate act can do (`RESILIENZ_SNAPSHOT=aus` then
///   reads the sources, as does any `resilienz check`).
public struct SourceFingerprint: Sendable, Equatable {
  /// The encoded stat records; compared as bytes.
  public var files: [UInt8]
  /// False when a file's times lie within the racy window before the fingerprint was taken.
  public var trusted: Bool

  public init(files: [UInt8], trusted: Bool) {
    self.files = files
    self.trusted = trusted
  }

  /// A fingerprint that never matches: for snapshots written without one (`check --snapshot`).
  public static let none = SourceFingerprint(files: [], trusted: false)

  /// How long before the fingerprint is taken a file's times make it racy.
  public static let racyWindowNanoseconds: Int64 = 2_000_000_000

  /// The current time in nanoseconds since 1970, from the same clock as file times.
  public static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }

  /// The fingerprint of the files `KnowledgeSources.read(directory:)` reads (the same folders,
  /// endings and order), for a program identified by `program`; nil when a folder cannot be
  /// listed or a file not examined, which the read then reports. `now` is the time it is taken.
  public static func take(directory: String, program: String, now: Int64 = now()) -> SourceFingerprint? {
    var writer = SnapshotWriter(capacity: 4096)
    writer.rawString(program)
    writer.rawString(directory)
    let cutoff = now - racyWindowNanoseconds
    var trusted = true
    let exercises = KnowledgeSources.join(directory, "Knowledge/exercises")
    var folders = [
      (KnowledgeSources.join(directory, "Knowledge"), ".yaml"), (KnowledgeSources.join(directory, "Rules"), ".rules"),
    ]
    var exerciseStatus = stat()
    let hasExercises = stat(exercises, &exerciseStatus) == 0 && exerciseStatus.st_mode & S_IFMT == S_IFDIR
    writer.bool(hasExercises)
    if hasExercises { folders.append((exercises, ".yaml")) }
    for (folder, ending) in folders {
      guard let names = names(in: folder, ending: ending) else { return nil }
      writer.count(names.count)
      for name in names {
        let path = KnowledgeSources.join(folder, name)
        var link = stat()
        var target = stat()
        guard lstat(path, &link) == 0, stat(path, &target) == 0 else { return nil }
        writer.rawString(name)
        for status in [link, target] {
          let modified = nanoseconds(status.st_mtim)
          let changed = nanoseconds(status.st_ctim)
          if modified >= cutoff || changed >= cutoff { trusted = false }
          writer.signed(Int(modified))
          writer.signed(Int(changed))
          writer.unsigned(UInt64(status.st_size))
          writer.unsigned(UInt64(status.st_ino))
          writer.unsigned(UInt64(status.st_dev))
          writer.unsigned(UInt64(status.st_mode))
        }
      }
    }
    return SourceFingerprint(files: writer.bytes, trusted: trusted)
  }

  /// The names in a folder with the ending, not hidden, sorted as `KnowledgeSources` sorts them.
  private static func names(in folder: String, ending: String) -> [String]? {
    guard let stream = opendir(folder) else { return nil }
    defer { closedir(stream) }
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
        tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
          String(cString: $0)
        }
      }
      if name.hasSuffix(ending), !name.hasPrefix(".") { names.append(name) }
    }
    return names.sorted()
  }

  private static func nanoseconds(_ time: timespec) -> Int64 {
    Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
  }
}
