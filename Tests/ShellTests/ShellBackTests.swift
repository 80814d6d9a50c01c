import Consultation
import Foundation
import Shell
import Testing
import _ResilienzTestSupport

/// `zurück` in the shell over a resumed journal.
@Suite struct ShellBackTests {
  /// Runs `body` with the path of a journal in a scratch folder that holds `lines`.
  static func withJournal(_ lines: String, _ body: (String) throws -> Void) throws {
    let folder = try Fixture.temporaryDirectory("shell-back")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    try Data(lines.utf8).write(to: URL(fileURLWithPath: path))
    try body(path)
  }

  /// What the shell says when `zurück` passes over an answer that no longer applies.
  @Test func shellSaysWhichAnswerBackPassedOver() throws {
    let kb = try Fixture.dialogueKnowledgeBase()
    try Self.withJournal(
      """
      {"answer":"keine","op":"set","question":"personal.reserve"}
      {"answer":"ja","op":"set","question":"lage.entfallen"}

      """
    ) { path in
      let (resumed, _) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
      let output = BufferOutputSink()
      let shell = Shell(consultation: resumed, output: output, options: ShellOptions(interactive: false, color: false))
      shell.execute("zurück")
      #expect(
        output.text.collapsingWhitespace
          == "Zurückgenommen: die Antwort auf „lage.entfallen“, die zur Wissensbasis nicht mehr passte; keine Antwort ändert sich.\n"
          .collapsingWhitespace
      )
      shell.execute("zurück")
      #expect(
        output.text.collapsingWhitespace.contains(
          "Zurückgenommen: „Über welche personelle Reserve für Krisenaufgaben verfügt die Verwaltung?“ ist wieder offen."
        ), "\(output.text)")
      #expect(shell.failures == 0)
    }
  }

}
