import Foundation
import Testing
import _ResilienzTestSupport

/// `check` and `test` speak German to people, with headings, counts and statistics labels; the
/// diagnostics keep their ids and `--format json` keeps the English keys for tools.
struct GermanOutputTests {
  /// A copy of the fixture knowledge base with one broken and one failing test script.
  static func brokenCopy() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("german-\(UUID().uuidString)")
    try FileManager.default.copyItem(atPath: AuthoringTests.kb, toPath: folder.path)
    try Data(
      """
      # Ein Tippfehler in der Antwort und einer in der Maßnahme
      include gemeinsam/lange-lage.inc
      set personal.reserve = wenig
      expect recommend reservepol

      """.utf8
    ).write(to: folder.appendingPathComponent("Rules/tests/tippfehler.test"))
    try Data(
      """
      include gemeinsam/lange-lage.inc
      set personal.reserve = ausreichend
      expect recommend reservepool

      """.utf8
    ).write(to: folder.appendingPathComponent("Rules/tests/verfehlt.test"))
    return folder
  }

  static func golden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    if let problem = Golden.check(text, named: name, in: "Snapshots") {
      Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
  }

  @Test func checkWithStatisticsIsGerman() throws {
    let (status, output) = try CommandLineTests.run(["check", "--stats", "--kb", AuthoringTests.kb])
    #expect(status == 0, "\(output)")
    #expect(output.hasPrefix("keine Probleme gefunden\n"))
    Self.golden(output, "check-german-stats.txt")
  }

  @Test func checkWithProblemsIsGermanAroundTheDiagnostics() throws {
    let folder = try Self.brokenCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (status, output) = try CommandLineTests.run(["check", "--kb", folder.path])
    #expect(status == 1)
    #expect(output.hasSuffix("2 Fehler und 0 Warnungen\n"), "\(output)")
    Self.golden(output.replacingOccurrences(of: folder.path, with: "KB"), "check-german-errors.txt")
    let (_, json) = try CommandLineTests.run(["check", "--kb", folder.path, "--format", "json"])
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    #expect(parsed.compactMap { $0["id"] as? String } == ["invalid-answer", "unknown-measure"])
  }

  @Test func testRunIsGermanAndJSONKeepsItsKeys() throws {
    let folder = try Self.brokenCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (status, output) = try CommandLineTests.run(["test", "--kb", folder.path])
    #expect(status == 1)
    #expect(output.hasSuffix("2 bestanden, 2 fehlgeschlagen\n"), "\(output)")
    Self.golden(output.replacingOccurrences(of: folder.path, with: "KB"), "test-german.txt")
    let (_, json) = try CommandLineTests.run(["test", "--kb", folder.path, "--format", "json"])
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(parsed["passed"] as? Int == 2)
    #expect(parsed["failed"] as? Int == 2)
  }
}
