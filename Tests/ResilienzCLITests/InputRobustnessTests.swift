import Foundation
import Testing
import _ResilienzTestSupport

/// Issue 11, part 2, at the binary: sessions whose scenario changed, the report's exercise
/// sections, line endings, links and includes that leave their folder, and check's limits.
struct InputRobustnessTests {
  static let kb = AuthoringTests.kb

  /// A scratch folder with a copy of the fixture knowledge base as `kb/`; the caller removes it.
  static func workspace(_ label: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: kb, toPath: folder.appendingPathComponent("kb").path)
    return folder
  }

  static func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// A journal of the exercise `lange-lage` (three injects) that played four, with a decision
  /// and a note, as an older version of the scenario left it.
  static let journalWithAnInjectTooMany = """
    {"knowledgeBase":"testwissen","op":"start","version":"1"}
    {"answer":"open","op":"exercise","question":"lange-lage"}
    {"op":"inject","question":"lange-lage"}
    {"answer":"accept","op":"decide","question":"reservepool","text":"Reserve ist überfällig"}
    {"op":"inject","question":"lange-lage"}
    {"op":"inject","question":"lange-lage"}
    {"op":"inject","question":"lange-lage"}
    {"op":"note","text":"Lagebesprechung \\u202everschoben"}

    """

  /// Issue 11.7: the session opens with a notice, at the scenario's last inject.
  @Test func sessionWhoseScenarioLostAnInjectStillOpens() throws {
    let folder = try Self.workspace("fewer-injects")
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = folder.appendingPathComponent("uebung.journal")
    try Self.write(Self.journalWithAnInjectTooMany, to: journal)
    let (status, text) = try CommandLineTests.run(
      ["--kb", Self.kb, "--session", journal.path], input: "übung status\n")
    #expect(status == 0, "\(text)")
    #expect(text.contains("Die Übung „lange-lage“ hat nur noch 3 Einlagen; gespielt waren 4."), "\(text)")
    #expect(text.contains("bei Einlage 3 von 3"), "\(text)")
  }

  /// Issues 11.7 and 11.10: its report can be written, and it keeps the exercise's decisions
  /// and notes, without a character that turns the text around (11.12).
  @Test func reportOfAnExerciseKeepsDecisionsAndNotes() throws {
    let folder = try Self.workspace("report-exercise")
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = folder.appendingPathComponent("uebung.journal")
    try Self.write(Self.journalWithAnInjectTooMany, to: journal)
    let (status, output) = try CommandLineTests.run([
      "report", "--kb", Self.kb, "--session", journal.path, "--date", "2026-03-14",
    ])
    #expect(status == 0, "\(output)")
    #expect(output.contains("Hinweis: Die Übung „lange-lage“ hat nur noch 3 Einlagen"), "\(output)")
    #expect(
      output.contains("## Entscheidungen\n\n- T+0: Reservepool aufbauen: angenommen – Reserve ist überfällig\n"),
      "\(output)")
    #expect(output.contains("## Notizen\n\n- Tag 5: Lagebesprechung verschoben\n"), "\(output)")
    #expect(!output.contains("\u{202E}"))
  }

  /// Issue 11.9: a test script with CRLF line endings and a byte-order mark runs line by line.
  @Test func testScriptWithCRLFAndByteOrderMark() throws {
    let folder = try Self.workspace("crlf")
    defer { try? FileManager.default.removeItem(at: folder) }
    let tests = folder.appendingPathComponent("kb/Rules/tests")
    let script =
      "\u{FEFF}# Windows\r\ninclude gemeinsam/lange-lage.inc\r\nset personal.reserve = keine\r\nexpect recommend reservepool\r\n"
    try Self.write(script, to: tests.appendingPathComponent("windows.test"))
    let (status, output) = try CommandLineTests.run([
      "test", "--kb", folder.appendingPathComponent("kb").path, "--filter", "windows",
    ])
    #expect(status == 0, "\(output)")
    #expect(output.hasSuffix("1 bestanden, 0 fehlgeschlagen\n"), "\(output)")
  }

  /// Issue 11.9: an answer file with a byte-order mark and CRLF reads its first question.
  @Test func answerFileWithByteOrderMarkAndCRLF() throws {
    let folder = try Self.workspace("bom")
    defer { try? FileManager.default.removeItem(at: folder) }
    let answers = folder.appendingPathComponent("lage.txt")
    try Self.write("\u{FEFF}lage.phase = bewaeltigung\r\nlage.dauer_wochen = 10\r\n", to: answers)
    let (status, output) = try CommandLineTests.run(["evaluate", "--kb", Self.kb, "--answers", answers.path])
    #expect(status == 0, "\(output)")
    #expect(!output.contains("unknown question"), "\(output)")
  }

  /// Issue 11.11: `include` stays inside the test folder unless --include-outside allows more.
  @Test(arguments: ["../geheim.inc", "ABSOLUTE"])
  func includeOutsideTheTestFolderIsRefused(target: String) throws {
    let folder = try Self.workspace("include")
    defer { try? FileManager.default.removeItem(at: folder) }
    let secret = folder.appendingPathComponent("kb/Rules/geheim.inc")
    try Self.write("set personal.reserve = keine\n", to: secret)
    let path = target == "ABSOLUTE" ? secret.path : target
    try Self.write(
      "include gemeinsam/lange-lage.inc\ninclude \(path)\nexpect recommend reservepool\n",
      to: folder.appendingPathComponent("kb/Rules/tests/aussen.test"))
    let kbPath = folder.appendingPathComponent("kb").path
    let refused = try CommandLineTests.run(["test", "--kb", kbPath, "--filter", "aussen"])
    #expect(refused.status == 1)
    #expect(refused.output.contains("„\(path)“ liegt außerhalb des Ordners"), "\(refused.output)")
    let allowed = try CommandLineTests.run(["test", "--kb", kbPath, "--filter", "aussen", "--include-outside"])
    #expect(allowed.status == 0, "\(allowed.output)")
  }

  /// Issue 11.11: `check` does not read a link out of the knowledge base, nor print its lines.
  @Test func checkRefusesALinkOutOfTheKnowledgeBase() throws {
    let folder = try Self.workspace("link")
    defer { try? FileManager.default.removeItem(at: folder) }
    let outside = folder.appendingPathComponent("aussen.rules")
    try Self.write("rule geheim-passwort\n  GEHEIMNIS\n", to: outside)
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("kb/Rules/link.rules").path, withDestinationPath: outside.path)
    // A link that stays inside is read as usual.
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("kb/Knowledge/auch.yaml").path, withDestinationPath: "wissen.yaml")
    let (status, output) = try CommandLineTests.run(["check", "--kb", folder.appendingPathComponent("kb").path])
    #expect(status == 1)
    #expect(output.contains("link.rules: error: "), "\(output)")
    #expect(output.contains("is a link to a file outside the knowledge base folder"), "\(output)")
    #expect(!output.contains("GEHEIMNIS"), "\(output)")
    #expect(output.contains("duplicate"), "the link inside is read: its declarations repeat wissen.yaml's")
  }

  /// Issue 11.11: a report template that links out of the templates folder is not read.
  @Test func reportRefusesATemplateLinkedFromOutside() throws {
    let folder = try Self.workspace("template-link")
    defer { try? FileManager.default.removeItem(at: folder) }
    let outside = folder.appendingPathComponent("fremd.mustache")
    try Self.write("GEHEIMNIS {{date}}\n", to: outside)
    let templates = folder.appendingPathComponent("kb/Knowledge/templates")
    try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: templates.appendingPathComponent("bericht.md.mustache").path, withDestinationPath: outside.path)
    let journal = folder.appendingPathComponent("j.journal")
    try Self.write("{\"answer\":\"bewaeltigung\",\"op\":\"set\",\"question\":\"lage.phase\"}\n", to: journal)
    let (status, output) = try CommandLineTests.run(
      ["report", "--kb", folder.appendingPathComponent("kb").path, "--session", journal.path])
    #expect(status == 1, "\(output)")
    #expect(output.contains("verweist auf eine Datei außerhalb des Ordners"), "\(output)")
    #expect(!output.contains("GEHEIMNIS"), "\(output)")
  }

  /// Issue 11.12: a file of junk gives at most 50 diagnostics and a note on the rest.
  @Test func checkCapsTheDiagnosticsOfAFile() throws {
    let folder = try Self.workspace("junk")
    defer { try? FileManager.default.removeItem(at: folder) }
    var rng = SplitMix64(seed: 0x7A5C)
    let junk = (0..<2_000).map { _ in String(repeating: "@", count: Int.random(in: 1...9, using: &rng)) + " x" }
    try Self.write(junk.joined(separator: "\n"), to: folder.appendingPathComponent("kb/Rules/junk.rules"))
    let (status, output) = try CommandLineTests.run(["check", "--kb", folder.appendingPathComponent("kb").path])
    #expect(status == 1)
    let reported = output.split(separator: "\n").filter { $0.contains("junk.rules:") && $0.contains(": error: ") }
    #expect(reported.count == 50, "\(reported.count)")
    #expect(output.contains("junk.rules: note: "), "\(output.suffix(400))")
    #expect(output.contains("more problems in this file not shown"), "\(output.suffix(400))")
  }

  /// Issue 11.12: a placeholder in a term's text is an error, not printed literally.
  @Test func placeholderInATermIsAnError() throws {
    let folder = try Self.workspace("term")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.write(
      """
      terms:
        - id: leitung
          question: lage.phase
          default: "Leitung des {leitung}"
          values:
            bewaeltigung: "der {leitung}"

      """, to: folder.appendingPathComponent("kb/Knowledge/begriffe.yaml"))
    let (status, output) = try CommandLineTests.run(["check", "--kb", folder.appendingPathComponent("kb").path])
    #expect(status == 1)
    #expect(output.components(separatedBy: "cannot contain the placeholder '{leitung}'").count == 3, "\(output)")
  }
}
