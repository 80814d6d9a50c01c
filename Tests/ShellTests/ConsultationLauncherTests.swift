import Foundation
import Shell
import Testing
import _ResilienzTestSupport

/// `ConsultationLauncher.run` in process: several scripts, each a consultation of its own.
@Suite struct ConsultationLauncherTests {
  @Test func severalScriptsEachWithAHeaderAndOneStatus() throws {
    let folder = try ShellFixture.temporaryDirectory("launcher")
    defer { try? FileManager.default.removeItem(at: folder) }
    let passing = folder.appendingPathComponent("gut.script").path
    let failing = folder.appendingPathComponent("schlecht.script").path
    let missing = folder.appendingPathComponent("fehlt.script").path
    try Data("setze personal.reserve = keine\nexpect next lage.phase\n".utf8).write(
      to: URL(fileURLWithPath: passing))
    try Data("# Die Antwort aus gut.script gilt hier nicht\nexpect next personal.reserve\n".utf8)
      .write(to: URL(fileURLWithPath: failing))

    let alone = BufferOutputSink()
    #expect(
      ConsultationLauncher.run(
        scripts: [passing], knowledgeBaseDirectory: ShellFixture.knowledgeBaseDirectory,
        output: alone, environment: TestCache.environment()) == 0)
    #expect(!alone.text.contains("== "), "one script: no header")

    let output = BufferOutputSink()
    let status = ConsultationLauncher.run(
      scripts: [passing, failing, missing],
      knowledgeBaseDirectory: ShellFixture.knowledgeBaseDirectory, output: output,
      environment: TestCache.environment())
    #expect(status == 1)
    #expect(output.text.contains("== \(passing) ==\n"))
    #expect(output.text.contains("== \(failing) ==\n"))
    let text = output.text.collapsingWhitespace
    #expect(text.contains("(\(failing):2)"), "the failure names its script and line: \(output.text)")
    #expect(text.contains("nächste Frage „personal.reserve“"), "\(output.text)")
    #expect(text.contains("„\(missing)“ kann nicht gelesen werden"), "\(output.text)")
  }

  /// The problems go to standard error, apart from the transcript, and nothing runs.
  @Test func knowledgeBaseWithErrorsRunsNothing() throws {
    let output = BufferOutputSink()
    let errors = BufferOutputSink()
    let status = ConsultationLauncher.run(
      scripts: ["nie.script"], knowledgeBaseDirectory: "/nonexistent-resilienz-kb", output: output, errors: errors,
      environment: TestCache.environment())
    #expect(status == 1)
    #expect(
      errors.text.hasPrefix(
        "Die Wissensbasis in „/nonexistent-resilienz-kb“ hat Fehler; 'resilienz check' zeigt sie alle:\n"
      ))
    #expect(output.text.isEmpty)
  }
}
