import Foundation
import Shell
import Testing
import _ResilienzTestSupport

/// Staff exercises: a whole exercise in open and blind mode, the after-action report, and
/// resumption after the process is killed.
struct ExerciseTests {
  static let fixtures = AuthoringTests.fixtures

  static func transcript(_ script: String) -> (status: Int32, text: String) {
    let output = BufferOutputSink()
    let status = ConsultationLauncher.run(
      scripts: [fixtures + "/scripts/" + script], knowledgeBaseDirectory: AuthoringTests.kb, output: output,
      environment: TestCache.environment())
    return (status, output.text.replacingOccurrences(of: fixtures + "/", with: ""))
  }

  @Test func wholeExerciseInOpenMode() {
    let (status, text) = Self.transcript("uebung-offen.test")
    #expect(status == 1, "the third 'einlage' after the last inject fails")
    AuthoringTests.golden(text, "exercise-open.txt")
  }

  @Test func wholeExerciseInBlindMode() {
    let (status, text) = Self.transcript("uebung-blind.test")
    #expect(status == 0, "'entscheide reservepool bestätigen' is a decision in free text, not an error")
    AuthoringTests.golden(text, "exercise-blind.txt")
  }

  @Test func afterActionReport() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aar-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("uebung.txt").path
    let report = folder.appendingPathComponent("bericht.md").path
    let html = folder.appendingPathComponent("bericht.html").path
    try Data(
      """
      übung start lange-lage
      einlage
      entscheide reservepool annehmen Reserve ist überfällig
      notiz Lagebesprechung | mit Pipe
      einlage
      entscheide ablösung ablehnen Keine <b>Leute</b> & Zeit
      auswertung --report \(report)
      auswertung --report \(html)

      """.utf8
    ).write(to: URL(fileURLWithPath: script))
    let output = BufferOutputSink()
    #expect(
      ConsultationLauncher.run(
        scripts: [script], knowledgeBaseDirectory: AuthoringTests.kb, output: output,
        environment: TestCache.environment()) == 0)
    let text = try String(contentsOfFile: report, encoding: .utf8)
    AuthoringTests.golden(text, "after-action-report.md")
    #expect(text.contains("Lagebesprechung \\| mit Pipe"), "table cells escape '|'")
    #expect(text.contains("| Ablösung im Stab einführen | Krisenstab | Sofort |"))
    // The same report machinery writes HTML, escaping what the staff typed.
    let page = try String(contentsOfFile: html, encoding: .utf8)
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.contains("Keine &lt;b&gt;Leute&lt;/b&gt; &amp; Zeit"))
    #expect(!page.contains("<b>Leute"))
    #expect(!page.contains("<script"))
  }

  /// Reads from a pipe until `marker` appears or the time is up.
  static func waitFor(_ marker: String, in handle: FileHandle, collected: inout String, seconds: Double = 20) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    let descriptor = handle.fileDescriptor
    while Date() < deadline {
      if collected.contains(marker) { return true }
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 200) > 0 else { continue }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = read(descriptor, &buffer, buffer.count)
      if count <= 0 { return collected.contains(marker) }
      collected += String(decoding: buffer[0..<count], as: UTF8.self)
    }
    return collected.contains(marker)
  }

  @Test func exerciseResumesAfterKill() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kill-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let session = folder.appendingPathComponent("uebung.journal").path
    let process = Process()
    process.executableURL = CommandLineTests.binary
    process.arguments = ["--kb", AuthoringTests.kb, "--session", session]
    process.environment = TestCache.environment()
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    try process.run()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    var collected = ""
    let steps: [(String, String)] = [
      ("übung start lange-lage", "Lernziele"),
      ("einlage", "[Einlage 1"),
      ("entscheide reservepool annehmen Reserve ist überfällig", "Protokolliert (T+0)"),
      ("notiz Erste Beobachtung", "Notiert (T+0)"),
      ("einlage", "[Einlage 2"),
      ("entscheide ablösung ablehnen Keine Leute", "Protokolliert (Tag 3)"),
    ]
    for (command, acknowledgement) in steps {
      input.fileHandleForWriting.write(Data((command + "\n").utf8))
      #expect(
        Self.waitFor(acknowledgement, in: output.fileHandleForReading, collected: &collected),
        "no '\(acknowledgement)' in: \(collected)")
    }
    // Killed without warning, right after the last acknowledgement.
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()

    let resumed = Process()
    resumed.executableURL = CommandLineTests.binary
    resumed.arguments = ["--kb", AuthoringTests.kb, "--session", session]
    resumed.environment = TestCache.environment()
    let script = Pipe()
    let result = Pipe()
    resumed.standardInput = script
    resumed.standardOutput = result
    resumed.standardError = result
    try resumed.run()
    script.fileHandleForWriting.write(
      Data(
        """
        übung status
        expect output Einlagen gespielt: 2 von 3
        expect output Entscheidungen: 2 · Notizen: 1
        auswertung
        expect output Erwartete Maßnahmen: 2; rechtzeitig 1, verspätet 0, nicht ergriffen 1
        expect output T+0: Erste Beobachtung

        """.utf8))
    script.fileHandleForWriting.closeFile()
    let text = String(decoding: result.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    resumed.waitUntilExit()
    #expect(resumed.terminationStatus == 0, "\(text)")
  }
}
