import Consultation
import Foundation
import RuleLanguage
import Shell
import Testing

/// Issue 11.9: every reader takes LF and CRLF alike and drops a UTF-8 byte-order mark.
@Suite struct LineEndingTests {
  /// The lines a script source hands out, with `include` resolved from the given files.
  static func lines(of path: String, _ files: [String: String]) -> [LineInput] {
    var source = ScriptLineSource(path: path) { files[$0] }
    var lines: [LineInput] = []
    while true {
      let input = source.readLine(prompt: "")
      if input == .end { return lines }
      lines.append(input)
    }
  }

  @Test(arguments: ["\n", "\r\n"])
  func scriptLinesAndIncludesWithEitherLineEnding(ending: String) {
    let files = [
      "/s/a.test": "\u{FEFF}weiter" + ending + "include b.inc" + ending + "muster" + ending,
      "/s/b.inc": "\u{FEFF}profil" + ending,
    ]
    #expect(Self.lines(of: "/s/a.test", files) == [.line("weiter"), .line("profil"), .line("muster")])
  }

  @Test func textLinesSplitLFAndCRLFAlike() {
    #expect(TextLines.lines("a\r\nb\nc\r\n") == ["a", "b", "c"])
    #expect(TextLines.lines("\u{FEFF}a\r\n\r\nb") == ["a", "", "b"])
    #expect(TextLines.lines("") == [])
  }

  /// A byte-order mark is no character of a source file's first line, so its columns and the
  /// first token are right.
  @Test func sourceFileDropsAByteOrderMark() {
    let file = SourceFile(path: "x.rules", bytes: [0xEF, 0xBB, 0xBF] + Array("rule a\r\n".utf8))
    #expect(file.lineText(1) == "rule a")
    #expect(file.text == "rule a\r\n")
  }

  @Test func savedSessionWithByteOrderMarkAndCRLF() throws {
    let folder = try ShellFixture.temporaryDirectory("session-crlf")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("beratung.json").path
    let text = try String(contentsOfFile: ShellFixture.filesDirectory + "/alt.json", encoding: .utf8)
    try Data(("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8).write(
      to: URL(fileURLWithPath: path))
    let document = try SessionDocument.read(from: path)
    #expect(document.answers.count == 6)
  }

  @Test func journalWithByteOrderMarkAndCRLF() throws {
    let kb = try ShellFixture.knowledgeBase()
    let folder = try ShellFixture.temporaryDirectory("journal-crlf")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    let journal =
      "\u{FEFF}{\"knowledgeBase\":\"shell-test\",\"op\":\"start\",\"version\":\"1.0\"}\r\n"
      + "{\"answer\":\"keine\",\"op\":\"set\",\"question\":\"personal.reserve\"}\r\n"
    try Data(journal.utf8).write(to: URL(fileURLWithPath: path))
    let (resumed, problems) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
    #expect(problems.isEmpty, "\(problems)")
    #expect(resumed.engine.answers[try #require(kb.questionIndex["personal.reserve"])] == .option(0))
  }

  /// Standard input that starts with a byte-order mark (a file saved on Windows, piped in).
  @Test func standardInputWithByteOrderMark() throws {
    let folder = try ShellFixture.temporaryDirectory("stdin-bom")
    defer { try? FileManager.default.removeItem(at: folder) }
    let (status, output) = try ShellFixture.run(
      ["--kb", ShellFixture.knowledgeBaseDirectory], in: folder, input: "\u{FEFF}antworten\r\nmuster\r\n")
    #expect(status == 0, "\(output)")
    #expect(!output.contains("Fehler"), "\(output)")
    #expect(output.contains("Noch keine Antworten."), "\(output)")
  }
}
