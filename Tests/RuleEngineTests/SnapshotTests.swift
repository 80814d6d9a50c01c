import Foundation
import KnowledgeBase
import RuleEngine
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// Compares two knowledge bases by reflection, every stored property at every depth, so that a
/// field added to the model later is compared without anyone listing it here.
enum KnowledgeBaseComparison {
  /// The paths (`exercises[0].injects[3].condition`) at which the two differ.
  static func differences(_ a: KnowledgeBase, _ b: KnowledgeBase) -> [String] {
    var found: [String] = []
    compare(a, b, at: "", into: &found)
    return found
  }

  /// Children in an order that does not depend on hashing: a dictionary's entries sorted.
  static func children(_ mirror: Mirror) -> [(label: String?, value: Any)] {
    let children = mirror.children.map { (label: $0.label, value: $0.value) }
    guard mirror.displayStyle == .dictionary || mirror.displayStyle == .set else { return children }
    return children.sorted { String(reflecting: $0.value) < String(reflecting: $1.value) }
  }

  static func compare(_ a: Any, _ b: Any, at path: String, into found: inout [String]) {
    // Stop after a few: one forgotten field differs at every element of its table.
    guard found.count < 20 else { return }
    guard ObjectIdentifier(type(of: a)) == ObjectIdentifier(type(of: b)) else {
      found.append(path + " (Typ)")
      return
    }
    let left = Mirror(reflecting: a)
    let right = Mirror(reflecting: b)
    let leftChildren = children(left)
    let rightChildren = children(right)
    // Leaves (numbers, strings, enum cases without payload) and `nil` compare as printed.
    guard !(leftChildren.isEmpty && rightChildren.isEmpty) else {
      if String(reflecting: a) != String(reflecting: b) { found.append(path) }
      return
    }
    guard leftChildren.count == rightChildren.count else {
      found.append(left.displayStyle == .optional ? path : path + " (Anzahl)")
      return
    }
    for (index, (x, y)) in zip(leftChildren, rightChildren).enumerated() {
      guard x.label == y.label else {
        found.append(path + " (Fall)")
        return
      }
      let step =
        switch left.displayStyle {
        case .collection, .dictionary, .set: "[\(index)]"
        default: (path.isEmpty ? "" : ".") + (x.label ?? "\(index)")
        }
      compare(x.value, y.value, at: path + step, into: &found)
    }
  }

  /// Every field of the model (`Inject.condition`) met in a value, and those of them that hold
  /// something other than what a forgetful decoder would leave: nil, empty, false, zero.
  static func fields(_ value: Any, type: String = "KnowledgeBase", into fields: inout [String: Bool]) {
    let mirror = Mirror(reflecting: value)
    let kind = mirror.displayStyle
    for child in children(mirror) {
      var name = type
      if kind == .struct || kind == .class || kind == .enum {
        let owner = String(describing: Swift.type(of: value))
        name = owner + "." + (child.label ?? "?")
        fields[name, default: false] = fields[name, default: false] || informative(child.value)
      }
      self.fields(child.value, type: name, into: &fields)
    }
  }

  static func informative(_ value: Any) -> Bool {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional, .collection, .dictionary, .set: return !mirror.children.isEmpty
    default: break
    }
    return !["false", "0", "\"\""].contains(String(reflecting: value))
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
    // Every file counts as just changed, so every fingerprint is untrusted: a rebuilt snapshot is
    // byte for byte the first one however long the test takes (SnapshotFingerprintTests cover trust).
    cache.clock = { 0 }
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

  static func generated(seed: Int, knowledge: String = Fixture.baseKnowledge) throws -> KnowledgeBase {
    let result = Fixture.load([
      ("Knowledge/k.yaml", knowledge), ("Rules/r.rules", RandomRules.ruleSet(seed: UInt64(seed))),
    ])
    return try #require(result.knowledgeBase, "\(DiagnosticRenderer().render(result.diagnostics))")
  }

  static func shipped() throws -> KnowledgeBase {
    try #require(KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot, lint: false).knowledgeBase)
  }

  /// A field the codec forgot would decode as nil, empty, false or zero, so the round trips below
  /// catch it only where the compiled bases hold something else there. Together the shipped base
  /// (valid_for, staff roles, Drehbücher with objectives, roles and branching injects) and the
  /// generated ones (cycles of facts) do in every field of the model, which reflection finds, so
  /// that a field added later is covered or fails here.
  @Test func roundTripBasesFillEveryFieldOfTheModel() throws {
    var fields: [String: Bool] = [:]
    KnowledgeBaseComparison.fields(try Self.shipped(), into: &fields)
    for seed in 1...30 { KnowledgeBaseComparison.fields(try Self.generated(seed: seed), into: &fields) }
    #expect(fields.filter { !$0.value }.keys.sorted() == [])
    for field in [
      "KnowledgeBase.staffRoles", "StaffRole.staff", "QuestionGroup.validFor", "Question.validFor",
      "Question.validForOverride", "ExerciseObjective.horizon", "ExerciseObjective.measures", "ExerciseRole.isControl",
      "Inject.at", "Inject.to", "Inject.expectedAction", "Inject.objectiveIDs", "Inject.condition", "Inject.replaces",
      "InjectCondition.control", "DependencyIndex.cycles",
    ] {
      #expect(fields[field] == true, "\(field)")
    }
  }

  /// The comparison is not blind: one `valid_for` more differs in the group and in each of its
  /// questions, and nowhere else.
  @Test func comparisonFindsOneChangedField() throws {
    let plain = try Self.generated(seed: 3)
    let aged = try Self.generated(
      seed: 3,
      knowledge: Fixture.baseKnowledge.replacingOccurrences(
        of: "{id: lage, title: Lage}", with: "{id: lage, title: Lage, valid_for: 6h}"))
    #expect(
      KnowledgeBaseComparison.differences(plain, aged)
        == ["groups.elements[0].validFor"] + plain.questions.indices.map { "questions.elements[\($0.index)].validFor" })
    #expect(KnowledgeBaseComparison.differences(aged, try Self.roundTrip(aged)) == [])
  }

  /// Generated bases (chains, negation, cycles of facts, pattern and factor reads): the decoded
  /// snapshot equals the compiled base in every structure, and the engine concludes the same
  /// from it for random answers.
  @Test(arguments: 1...30)
  func generatedBaseSurvivesTheSnapshot(seed: Int) throws {
    let kb = try Self.generated(seed: seed)
    let decoded = try Self.roundTrip(kb)
    #expect(KnowledgeBaseComparison.differences(kb, decoded) == [], "seed \(seed)")
    var rng = SplitMix64(seed: UInt64(seed) &* 104_729)
    for round in 0..<8 {
      var answers: [QuestionID: Answer] = [:]
      for question in kb.questions.indices {
        answers[question] = RandomRules.answer(for: kb.questions[question], &rng)
      }
      let given = answers.compactMapValues { $0 }
      let original = IncrementalPropertyTests.snapshot(Engine(knowledgeBase: kb, answers: given))
      let restored = IncrementalPropertyTests.snapshot(Engine(knowledgeBase: decoded, answers: given))
      #expect(original == restored, "seed \(seed), round \(round)")
    }
  }

  /// The shipped knowledge base, with its terms, phase variants, conflicts, answer ages, staff
  /// roles and Drehbücher.
  @Test func shippedKnowledgeBaseSurvivesTheSnapshot() throws {
    let kb = try Self.shipped()
    let decoded = try Self.roundTrip(kb)
    #expect(KnowledgeBaseComparison.differences(kb, decoded) == [])
    #expect(!kb.exercises.isEmpty && !kb.terms.isEmpty && !kb.staffRoles.isEmpty)
    // `check` writes the snapshot from a compile with the linter, a consultation without it.
    let linted = try #require(KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot).knowledgeBase)
    #expect(KnowledgeBaseComparison.differences(linted, decoded) == [])
    var rng = SplitMix64(seed: 42)
    for _ in 0..<5 {
      var answers: [QuestionID: Answer] = [:]
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
