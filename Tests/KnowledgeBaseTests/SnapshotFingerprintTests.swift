import Foundation
import KnowledgeBase
import Testing
import _ResilienzTestSupport

/// A knowledge base on disk with a snapshot cache whose clock runs ahead, so that files written
/// by the test are old enough to be trusted by their fingerprint without waiting.
final class FingerprintScratch {
  let root: String
  var folder: String { root + "/kb" }
  var rulesPath: String { folder + "/Rules/r.rules" }
  var cache: SnapshotCache

  static let rules = "rule r1\n  source q1\n  when stab = ja\n  then recommend pool weight 2 because \"Stab\"\n"

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("fingerprint-\(UUID().uuidString)").path
    cache = SnapshotCache(directory: root + "/cache", program: "test build 1")
    cache.clock = { SourceFingerprint.now() + 60_000_000_000 }
    try FileManager.default.createDirectory(atPath: folder + "/Knowledge", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: folder + "/Rules", withIntermediateDirectories: true)
    try Fixture.baseKnowledge.write(toFile: folder + "/Knowledge/k.yaml", atomically: true, encoding: .utf8)
    try Self.rules.write(toFile: rulesPath, atomically: true, encoding: .utf8)
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  func load() -> CachedLoad { cache.load(directory: folder) }

  /// The weight of the one rule's recommendation in what was loaded.
  func weight(_ loaded: CachedLoad) throws -> String {
    let kb = try #require(loaded.result.knowledgeBase, "\(loaded.result.diagnostics)")
    guard case .recommend(_, let weight) = try #require(kb.rules.first?.conclusions.first).kind else {
      Issue.record("the rule recommends nothing")
      return ""
    }
    return weight.formatted(decimalSeparator: ".")
  }

  func status(_ path: String) throws -> stat {
    var status = stat()
    try #require(stat(path, &status) == 0)
    return status
  }
}

struct SnapshotFingerprintTests {
  @Test func unchangedFilesAreVerifiedByTheirFingerprintWithoutReadingThem() throws {
    let scratch = try FingerprintScratch()
    let first = scratch.load()
    #expect(first.problem == .missing && first.wrote && first.verified == nil)
    let second = scratch.load()
    #expect(second.problem == nil && second.verified == .fingerprint && !second.wrote)
    #expect(try scratch.weight(second) == "2")
  }

  /// The case git calls racy and a careful forger would try: the same number of bytes, and the
  /// modification time set back to what it was. The status-change time, which no program can set,
  /// still differs, so the files are read and the snapshot found stale.
  @Test func editOfTheSameSizeWithTheModificationTimeRestoredIsFound() throws {
    let scratch = try FingerprintScratch()
    _ = scratch.load()
    #expect(scratch.load().verified == .fingerprint)
    let before = try scratch.status(scratch.rulesPath)
    let edited = FingerprintScratch.rules.replacingOccurrences(of: "weight 2", with: "weight 3")
    try Data(edited.utf8).write(to: URL(fileURLWithPath: scratch.rulesPath))
    var times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, scratch.rulesPath, &times, 0) == 0)
    let after = try scratch.status(scratch.rulesPath)
    #expect(after.st_size == before.st_size)
    #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)

    let loaded = scratch.load()
    #expect(loaded.problem == .stale && loaded.wrote)
    #expect(try scratch.weight(loaded) == "3")
    let next = scratch.load()
    #expect(next.problem == nil && next.verified == .fingerprint)
    #expect(try scratch.weight(next) == "3")
  }

  /// Touched but unchanged (a checkout, a copy): the bytes decide, the snapshot is served, and
  /// its fingerprint is renewed so that the start after that reads no file again.
  @Test func touchedFileIsVerifiedByItsBytesAndTheFingerprintRenewed() throws {
    let scratch = try FingerprintScratch()
    _ = scratch.load()
    let before = try scratch.status(scratch.rulesPath)
    var times = [before.st_atim, timespec(tv_sec: before.st_mtim.tv_sec - 3600, tv_nsec: 0)]
    #expect(utimensat(AT_FDCWD, scratch.rulesPath, &times, 0) == 0)
    let touched = scratch.load()
    #expect(touched.problem == nil && touched.verified == .contents && !touched.wrote)
    #expect(scratch.load().verified == .fingerprint)
  }

  /// Files changed within two seconds before the fingerprint was taken may change again without
  /// their times changing: their fingerprint is recorded as untrusted and the bytes are read,
  /// until the files are older.
  @Test func recentlyChangedFilesAreReadUntilTheyAreOlder() throws {
    let scratch = try FingerprintScratch()
    scratch.cache.clock = { SourceFingerprint.now() }
    _ = scratch.load()
    #expect(scratch.load().verified == .contents)
    #expect(scratch.load().verified == .contents)
    scratch.cache.clock = { SourceFingerprint.now() + 60_000_000_000 }
    #expect(scratch.load().verified == .contents)
    #expect(scratch.load().verified == .fingerprint)
  }

  @Test func addedOrRemovedFileOrOtherProgramIsStale() throws {
    let scratch = try FingerprintScratch()
    _ = scratch.load()
    let extra = scratch.folder + "/Rules/s.rules"
    try "rule r2\n  source q1\n  when stab = nein\n  then recommend liste weight 1 because \"kein Stab\"\n"
      .write(toFile: extra, atomically: true, encoding: .utf8)
    let added = scratch.load()
    #expect(added.problem == .stale)
    #expect(added.result.knowledgeBase?.rules.count == 2)
    try FileManager.default.removeItem(atPath: extra)
    let removed = scratch.load()
    #expect(removed.problem == .stale)
    #expect(removed.result.knowledgeBase?.rules.count == 1)
    #expect(scratch.load().verified == .fingerprint)

    var rebuilt = scratch.cache
    rebuilt.program = "test build 2"
    #expect(rebuilt.load(directory: scratch.folder).problem == .stale)
  }

  /// `store` without a fingerprint (as `check --snapshot` writes a file to ship) leaves the first
  /// start to read the files; with one taken before the read, the first start trusts it.
  @Test func storedSnapshotIsVerifiedByBytesWithoutAFingerprintAndByTheFingerprintWithOne() throws {
    let scratch = try FingerprintScratch()
    let sources = KnowledgeSources.read(directory: scratch.folder)
    let kb = try #require(KnowledgeBaseLoader.compile(sources, lint: false).knowledgeBase)
    #expect(scratch.cache.store(kb, sources: sources))
    #expect(scratch.load().verified == .contents)

    let fingerprint = scratch.cache.fingerprint(of: scratch.folder)
    #expect(fingerprint.trusted)
    #expect(
      scratch.cache.store(kb, sources: KnowledgeSources.read(directory: scratch.folder), fingerprint: fingerprint))
    #expect(scratch.load().verified == .fingerprint)
  }

  /// A fingerprint vouches only for the key stored with it: a snapshot whose header key was
  /// damaged is not served on the strength of its fingerprint.
  @Test func fingerprintOfASnapshotWithADamagedKeyIsNotTrusted() throws {
    let scratch = try FingerprintScratch()
    _ = scratch.load()
    let path = scratch.cache.path(forKnowledgeBase: scratch.folder)
    var bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
    bytes[14] ^= 0x5A
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let loaded = scratch.load()
    #expect(loaded.problem == .stale && loaded.wrote)
    #expect(try scratch.weight(loaded) == "2")
  }
}
