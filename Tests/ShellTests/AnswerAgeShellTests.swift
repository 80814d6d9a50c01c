import Consultation
import Foundation
import KnowledgeBase
import Shell
import Testing
import _ResilienzTestSupport

/// `antworten` shows each answer's age and flags what is older than it holds; `bestätigen`
/// re-stamps without changing an answer.
@Suite struct AnswerAgeShellTests {
  final class Clock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_764_921_600)
  }

  @Test func staleAnswersAreFlaggedAndConfirmed() throws {
    let kb = try #require(KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot).knowledgeBase)
    let clock = Clock()
    var consultation = Consultation(knowledgeBase: kb)
    consultation.clock = { clock.now }
    let output = BufferOutputSink()
    var options = ShellOptions(interactive: false, color: false)
    options.technical = false
    let shell = Shell(consultation: consultation, output: output, options: options)
    shell.execute("setze lage.art = hochwasser")
    shell.execute("setze lage.phase = bewaeltigung")
    shell.execute("bestätigen")
    #expect(output.text.contains("Keine Antwort ist älter, als sie gilt."))
    clock.now += 7 * 3_600
    shell.execute("antworten")
    let flagged = output.text.collapsingWhitespace
    #expect(flagged.contains("vor 7 Std.] – bitte bestätigen"), "\(output.text)")
    #expect(flagged.contains("2 Antworten sind älter, als die Wissensbasis sie gelten lässt."))
    shell.execute("name S2 Lage")
    shell.execute("bestätigen")
    #expect(
      output.text.contains("Bestätigt: 2 Antworten unverändert (5.12.2025 16:00 Uhr, S2 Lage)."), "\(output.text)")
    let before = output.text.count
    shell.execute("antworten")
    let after = String(output.text.dropFirst(before))
    #expect(!after.contains("bitte bestätigen"), "\(after)")
    shell.execute("bestätigen lage.gibtsnicht")
    #expect(shell.failures == 1)
  }
}
