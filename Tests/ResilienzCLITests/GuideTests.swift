import Foundation
import Testing
import _ResilienzTestSupport

/// `docs/regeln-schreiben.md` walks through a first rule with real transcripts; this test replays
/// the walk-through on a copy of the shipped knowledge base, so that the guide stays true.
struct GuideTests {
  static let guide = Fixture.repositoryRoot + "/docs/regeln-schreiben.md"

  /// The fenced code blocks of the guide, in order.
  static func blocks() throws -> [String] {
    let text = try String(contentsOfFile: guide, encoding: .utf8)
    var blocks: [String] = []
    var current: [Substring]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        if let lines = current {
          blocks.append(lines.joined(separator: "\n") + "\n")
          current = nil
        } else {
          current = []
        }
      } else {
        current?.append(line)
      }
    }
    return blocks
  }

  /// The block that starts with `prefix`, the `index`-th of them.
  static func block(_ blocks: [String], startingWith prefix: String, _ index: Int = 0) throws -> String {
    let found = blocks.filter { $0.hasPrefix(prefix) }
    try #require(found.count > index, "the guide has no block starting with \(prefix)")
    return found[index]
  }

  @Test func firstRuleWalkThroughGivesTheTranscriptsShown() throws {
    let blocks = try Self.blocks()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guide-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for part in ["Knowledge", "Rules"] {
      try FileManager.default.copyItem(
        atPath: Fixture.repositoryRoot + "/" + part, toPath: folder.appendingPathComponent(part).path)
    }
    func write(_ text: String, _ path: String) throws {
      try Data(text.utf8).write(to: folder.appendingPathComponent(path))
    }
    func run(_ arguments: [String]) throws -> String {
      let (_, output) = try CommandLineTests.run(arguments + ["--kb", folder.path])
      return output.replacingOccurrences(of: folder.path + "/", with: "")
    }
    let checks = blocks.filter { $0.hasPrefix("$ resilienz check --kb .\n") }
    try #require(checks.count >= 4)
    func expected(_ block: String) -> String { String(block.drop { $0 != "\n" }.dropFirst()) }

    try write(
      try Self.block(blocks, startingWith: "# Die Rückkehr aus dem Krisendienst in die Linie."),
      "Knowledge/rueckkehr.yaml")
    #expect(try run(["check"]) == expected(checks[0]))

    let rules = try Self.block(blocks, startingWith: "# Die Rückkehr aus dem Krisendienst.\n")
    #expect(rules.contains("= nien"))
    try write(rules, "Rules/rueckkehr.rules")
    #expect(try run(["check"]) == expected(checks[1]))
    try write(rules.replacingOccurrences(of: "= nien", with: "= nein"), "Rules/rueckkehr.rules")
    #expect(try run(["check"]) == expected(checks[2]))

    let scripts = blocks.filter { $0.hasPrefix("# Rückkehr aus dem Krisendienst: eine Pandemie") }
    try #require(scripts.count == 2)
    try write(scripts[0], "Rules/tests/rueckkehr.test")
    #expect(try run(["check"]) == expected(checks[3]))
    try write(scripts[1], "Rules/tests/rueckkehr.test")
    let passing = try Self.block(blocks, startingWith: "$ resilienz test --kb . Rules/tests/rueckkehr.test\n1 ")
    #expect(try run(["test", folder.path + "/Rules/tests/rueckkehr.test"]) == expected(passing))
    let failing = try Self.block(blocks, startingWith: "$ resilienz test --kb . Rules/tests/rueckkehr.test\nFEHL")
    try write(
      scripts[1].replacingOccurrences(of: "expect factor rf3 schwach", with: "expect factor rf3 kritisch"),
      "Rules/tests/rueckkehr.test")
    #expect(try run(["test", folder.path + "/Rules/tests/rueckkehr.test"]) == expected(failing))
  }
}
