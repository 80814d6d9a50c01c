import Foundation
import KnowledgeBase
import RuleEngine
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// Compares two knowledge bases field by field; the names of the fields that differ.
enum KnowledgeBaseComparison {
  static func differences(_ a: KnowledgeBase, _ b: KnowledgeBase) -> [String] {
    var found: [String] = []
    func compare<T: Equatable>(_ name: String, _ x: T, _ y: T) { if x != y { found.append(name) } }
    compare("info", a.info, b.info)
    compare("groups", a.groups, b.groups)
    compare("questions", a.questions, b.questions)
    compare("facts", a.facts, b.facts)
    compare("factorLevels", a.factorLevels, b.factorLevels)
    compare("factors", a.factors, b.factors)
    compare("patterns", a.patterns, b.patterns)
    compare("measures", a.measures, b.measures)
    compare("sources", a.sources, b.sources)
    compare("terms", a.terms, b.terms)
    // Exercises hold tuples, which cannot be Equatable; their full reflection has no dictionary,
    // so equal exercises print equally.
    compare("exercises", String(reflecting: a.exercises), String(reflecting: b.exercises))
    compare("priority", a.priority, b.priority)
    compare("rules", a.rules, b.rules)
    compare("dependencies", a.dependencies, b.dependencies)
    compare("questionIndex", a.questionIndex, b.questionIndex)
    compare("ruleIndex", a.ruleIndex, b.ruleIndex)
    return found
  }
}

/// A knowledge-base folder on disk and a cache folder, removed at the end of a test.
final class SnapshotScratch {
  let root: String
  var knowledgeBase: String { root + "/kb" }
  var cache: SnapshotCache

  init(rules: String = RandomRules.ruleSet(seed: 3)) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)").path
    cache = SnapshotCache(directory: root + "/cache", program: "test build 1")
    try FileManager.default.createDirectory(atPath: root + "/kb/Knowledge", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/kb/Rules", withIntermediateDirectories: true)
    try Fixture.baseKnowledge.write(toFile: root + "/kb/Knowledge/k.yaml", atomically: true, encoding: .utf8)
    try rules.write(toFile: root + "/kb/Rules/r.rules", atomically: true, encoding: .utf8)
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  var snapshotPath: String { cache.path(forKnowledgeBase: knowledgeBase) }

  func snapshotBytes() throws -> [UInt8] {
    [UInt8](try #require(FileManager.default.contents(atPath: snapshotPath)))
  }

  func replaceSnapshot(_ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: snapshotPath))
  }

  func fresh() throws -> KnowledgeBase {
    try #require(KnowledgeBaseLoader.load(directory: knowledgeBase, lint: false).knowledgeBase)
  }
}

struct SnapshotRoundTripTests {
  static func roundTrip(_ kb: KnowledgeBase) throws -> KnowledgeBase {
    let key = SnapshotKey(sources: KnowledgeSources(directory: ".", knowledgeFiles: [], ruleFiles: []), program: "t")
    return try KnowledgeBaseSnapshot.decode(KnowledgeBaseSnapshot.encode(kb, key: key), expecting: key)
  }

  /// Generated bases (chains, negation, cycles of facts, pattern and factor reads): the decoded
  /// snapshot equals the compiled base in every structure, and the engine concludes the same
  /// from it for random answers.
  @Test(arguments: 1...30)
  func generatedBaseSurvivesTheSnapshot(seed: Int) throws {
    let result = Fixture.load([
      ("Knowledge/k.yaml", Fixture.baseKnowledge), ("Rules/r.rules", RandomRules.ruleSet(seed: UInt64(seed))),
    ])
    let kb = try #require(result.knowledgeBase, "\(DiagnosticRenderer().render(result.diagnostics))")
    let decoded = try Self.roundTrip(kb)
    #expect(KnowledgeBaseComparison.differences(kb, decoded) == [], "seed \(seed)")
    var rng = SplitMix64(seed: UInt64(seed) &* 104_729)
    for round in 0..<8 {
      var answers: [Int: Answer] = [:]
      for question in kb.questions.indices {
        answers[question] = RandomRules.answer(for: kb.questions[question], &rng)
      }
      let given = answers.compactMapValues { $0 }
      let original = IncrementalPropertyTests.snapshot(Engine(knowledgeBase: kb, answers: given))
      let restored = IncrementalPropertyTests.snapshot(Engine(knowledgeBase: decoded, answers: given))
      #expect(original == restored, "seed \(seed), round \(round)")
    }
  }

  /// The shipped knowledge base, with its terms, phase variants, conflicts and exercises.
  @Test func shippedKnowledgeBaseSurvivesTheSnapshot() throws {
    let kb = try #require(KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot, lint: false).knowledgeBase)
    let decoded = try Self.roundTrip(kb)
    #expect(KnowledgeBaseComparison.differences(kb, decoded) == [])
    #expect(!kb.exercises.isEmpty && !kb.terms.isEmpty)
    // `check` writes the snapshot from a compile with the linter, a consultation without it.
    let linted = try #require(KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot).knowledgeBase)
    #expect(KnowledgeBaseComparison.differences(linted, decoded) == [])
    var rng = SplitMix64(seed: 42)
    for _ in 0..<5 {
      var answers: [Int: Answer] = [:]
      for question in kb.questions.indices {
        answers[question] = RandomRules.answer(for: kb.questions[question], &rng)
      }
      let given = answers.compactMapValues { $0 }
      #expect(
        IncrementalPropertyTests.snapshot(Engine(knowledgeBase: kb, answers: given))
          == IncrementalPropertyTests.snapshot(Engine(knowledgeBase: decoded, answers: given)))
    }
  }
}

struct SnapshotCacheTests {
  @Test func firstLoadWritesTheSnapshotAndTheNextReadsIt() throws {
    let scratch = try SnapshotScratch()
    let first = scratch.cache.load(directory: scratch.knowledgeBase)
    #expect(first.problem == .missing)
    #expect(first.wrote)
    let second = scratch.cache.load(directory: scratch.knowledgeBase)
    #expect(second.problem == nil)
    let kb = try #require(second.result.knowledgeBase)
    #expect(KnowledgeBaseComparison.differences(try scratch.fresh(), kb) == [])
  }

  /// Flipped bytes anywhere (magic, key, length, checksum, strings, rules, the last byte) are
  /// found; the base is compiled from source, equals a fresh compile, and the snapshot rewritten.
  @Test func damagedSnapshotIsRebuilt() throws {
    let scratch = try SnapshotScratch()
    _ = scratch.cache.load(directory: scratch.knowledgeBase)
    let good = try scratch.snapshotBytes()
    for offset in [0, 9, 14, 30, 40, 50, good.count / 3, good.count / 2, good.count - 1] {
      var damaged = good
      damaged[offset] ^= 0x5A
      try scratch.replaceSnapshot(damaged)
      let loaded = scratch.cache.load(directory: scratch.knowledgeBase)
      #expect(loaded.problem != nil, "byte \(offset)")
      #expect(loaded.wrote, "byte \(offset)")
      let kb = try #require(loaded.result.knowledgeBase)
      #expect(KnowledgeBaseComparison.differences(try scratch.fresh(), kb) == [], "byte \(offset)")
      #expect(try scratch.snapshotBytes() == good, "byte \(offset)")
    }
  }

  @Test func truncatedSnapshotIsRebuilt() throws {
    let scratch = try SnapshotScratch()
    _ = scratch.cache.load(directory: scratch.knowledgeBase)
    let good = try scratch.snapshotBytes()
    for length in [0, 5, 8, 44, 52, good.count / 2, good.count - 1] {
      try scratch.replaceSnapshot(Array(good.prefix(length)))
      let loaded = scratch.cache.load(directory: scratch.knowledgeBase)
      #expect(loaded.problem != nil && loaded.problem != .missing, "length \(length)")
      #expect(loaded.result.knowledgeBase != nil)
      #expect(try scratch.snapshotBytes() == good, "length \(length)")
    }
  }

  @Test func changedSourceOrProgramMakesTheSnapshotStale() throws {
    let scratch = try SnapshotScratch()
    _ = scratch.cache.load(directory: scratch.knowledgeBase)
    // One more rule: the old snapshot would lack it.
    let rules = RandomRules.ruleSet(seed: 3) + "rule zusatz\n  source q1\n  when stab = ja\n  then derive f0\n"
    try rules.write(toFile: scratch.knowledgeBase + "/Rules/r.rules", atomically: true, encoding: .utf8)
    let changed = scratch.cache.load(directory: scratch.knowledgeBase)
    #expect(changed.problem == .stale)
    let kb = try #require(changed.result.knowledgeBase)
    #expect(kb.ruleIndex["zusatz"] != nil)
    #expect(scratch.cache.load(directory: scratch.knowledgeBase).problem == nil)

    var rebuilt = scratch.cache
    rebuilt.program = "test build 2"
    #expect(rebuilt.load(directory: scratch.knowledgeBase).problem == .stale)
  }

  /// Damage behind a correct checksum (a snapshot written on purpose, not by accident) still
  /// never traps: every index is checked against its table while decoding.
  @Test func corruptPayloadWithValidChecksumNeverTraps() throws {
    let scratch = try SnapshotScratch()
    _ = scratch.cache.load(directory: scratch.knowledgeBase)
    let good = try scratch.snapshotBytes()
    let header = 8 + 4 + 16 + 16
    var rng = SplitMix64(seed: 7)
    var decoded = 0
    for round in 0..<300 {
      var bytes = good
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let offset = Int.random(in: header..<bytes.count, using: &rng)
        bytes[offset] = UInt8.random(in: 0...255, using: &rng)
      }
      if round % 10 == 0 { bytes.removeLast(Int.random(in: 1...20, using: &rng)) }
      // Write the length and checksum the damaged payload has.
      let checksum = KnowledgeBaseSnapshot.checksum(of: bytes[header...])
      let length = UInt64(bytes.count - header)
      for index in 0..<8 {
        bytes[28 + index] = UInt8(truncatingIfNeeded: length >> UInt64(index * 8))
        bytes[36 + index] = UInt8(truncatingIfNeeded: checksum >> UInt64(index * 8))
      }
      if let kb = try? KnowledgeBaseSnapshot.decode(bytes) {
        decoded += 1
        // What decodes must also evaluate without trapping.
        _ = Engine(knowledgeBase: kb, answers: [:])
      }
    }
    #expect(decoded < 300)
  }

  @Test func cacheLocationHonoursXDGCacheHome() throws {
    #expect(
      SnapshotCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/var/cache/x", "HOME": "/home/a"])
        == "/var/cache/x/resilienz")
    #expect(SnapshotCache.defaultDirectory(environment: ["HOME": "/home/a"]) == "/home/a/.cache/resilienz")
    #expect(
      SnapshotCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "", "HOME": "/home/a"])
        == "/home/a/.cache/resilienz")
    #expect(SnapshotCache.standard(environment: ["RESILIENZ_SNAPSHOT": "aus", "HOME": "/home/a"]) == nil)

    let scratch = try SnapshotScratch()
    let cacheHome = scratch.root + "/xdg"
    let environment = ["XDG_CACHE_HOME": cacheHome, "HOME": scratch.root + "/home"]
    let result = KnowledgeBaseLoader.loadForUse(directory: scratch.knowledgeBase, environment: environment)
    #expect(result.knowledgeBase != nil)
    let written = try FileManager.default.contentsOfDirectory(atPath: cacheHome + "/resilienz")
    #expect(written.count == 1 && written[0].hasSuffix(".snapshot"))
    #expect(!FileManager.default.fileExists(atPath: scratch.root + "/home"))
  }

  /// A knowledge base with errors is never written, and its diagnostics come through.
  @Test func baseWithErrorsWritesNoSnapshot() throws {
    let scratch = try SnapshotScratch(rules: "rule kaputt\n  source q1\n  when unbekannt = ja\n  then derive f0\n")
    let loaded = scratch.cache.load(directory: scratch.knowledgeBase)
    #expect(loaded.result.knowledgeBase == nil)
    #expect(!loaded.result.diagnostics.isEmpty)
    #expect(!loaded.wrote)
    #expect(!FileManager.default.fileExists(atPath: scratch.snapshotPath))
  }
}
