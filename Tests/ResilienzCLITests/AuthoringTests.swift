import Foundation
import KnowledgeBase
import Shell
import Testing
import _ResilienzTestSupport

/// `resilienz test`, include, coverage, record, trace and reload, on a fixture knowledge base.
struct AuthoringTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    .path
  static let kb = fixtures + "/kb"
  static let scripts = fixtures + "/scripts"

  /// Runs the test runner in-process; paths in the output are made relative to the fixtures.
  static func runTests(
    _ paths: [String], coverage: Bool = false, verbose: Bool = false, format: ScriptTestRunner.Format = .text,
    kb: String = kb
  ) -> (status: Int32, output: String) {
    var runner = ScriptTestRunner(knowledgeBaseDirectory: kb, paths: paths)
    runner.coverage = coverage
    runner.verbose = verbose
    runner.format = format
    let output = BufferOutputSink()
    let status = runner.run(output: output)
    return (status, output.text.replacingOccurrences(of: fixtures + "/", with: ""))
  }

  static func golden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    if let problem = Golden.check(text, named: name, in: "Snapshots") {
      Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
  }

  @Test func passingScriptsWithIncludeChains() {
    let (status, output) = Self.runTests([Self.kb + "/Rules/tests"])
    #expect(status == 0)
    #expect(output == "2 bestanden, 0 fehlgeschlagen\n")
  }

  @Test func everyKindOfFailedExpectationSaysWhatWasFound() {
    let (status, output) = Self.runTests([Self.scripts + "/erwartungen-verfehlt.test"])
    #expect(status == 1)
    #expect(output.hasSuffix("0 bestanden, 1 fehlgeschlagen\n"))
    Self.golden(output, "expectations-failed.txt")
  }

  @Test func scriptThatErrorsFails() {
    let (status, output) = Self.runTests([Self.scripts + "/fehler.test"])
    #expect(status == 1)
    Self.golden(output, "script-errors.txt")
  }

  @Test func includeCycleAndMissingIncludeAreReported() {
    let (status, output) = Self.runTests([Self.scripts + "/zyklus.test", Self.scripts + "/fehlendes-include.test"])
    #expect(status == 1)
    #expect(
      output.contains(
        "scripts/zyklus-b.inc:1: Zyklus beim Einbinden: zyklus.test → zyklus-a.inc → zyklus-b.inc → zyklus-a.inc\n"))
    #expect(output.contains("gibt-es-nicht.inc“ kann nicht gelesen werden"))
    #expect(output.hasSuffix("0 bestanden, 2 fehlgeschlagen\n"))
  }

  @Test func filterSelectsScripts() {
    var runner = ScriptTestRunner(knowledgeBaseDirectory: Self.kb, paths: [Self.kb + "/Rules/tests"])
    runner.filter = "abloesung"
    let output = BufferOutputSink()
    #expect(runner.run(output: output) == 0)
    #expect(output.text == "1 bestanden, 0 fehlgeschlagen\n")
  }

  @Test func coverageFiguresAsTextAndJSON() {
    let (status, text) = Self.runTests([Self.kb + "/Rules/tests"], coverage: true)
    #expect(status == 0)
    #expect(text.hasSuffix("2 bestanden, 0 fehlgeschlagen\n"), "the summary is the last line")
    Self.golden(text, "coverage.txt")
    let (_, json) = Self.runTests([Self.kb + "/Rules/tests"], coverage: true, format: .json)
    Self.golden(json, "coverage.json")
    let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect((parsed?["passed"] as? Int) == 2)
    let rules = (parsed?["coverage"] as? [String: Any])?["rules"] as? [String: Any]
    #expect((rules?["covered"] as? Int) == 4)
    #expect((rules?["missing"] as? [String]) == ["gut-aufgestellt"])
  }

  @Test func traceOutput() {
    let output = BufferOutputSink()
    let status = ConsultationLauncher.run(
      scripts: [Self.scripts + "/verfolgen.test"], knowledgeBaseDirectory: Self.kb, output: output,
      environment: TestCache.environment())
    #expect(status == 0)
    Self.golden(output.text.replacingOccurrences(of: Self.fixtures + "/", with: ""), "trace.txt")
  }

  @Test func recordedConsultationPassesAsATest() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let recorded = folder.appendingPathComponent("aufgezeichnet.test").path
    let script = folder.appendingPathComponent("beratung.txt").path
    try Data(
      """
      setze lage.phase = bewaeltigung
      setze lage.dauer_wochen = 12
      setze personal.reserve = gering
      setze personal.stab_entlastet = nein
      aufzeichnen \(recorded)
      aufzeichnen \(recorded)
      aufzeichnen \(recorded) --force

      """.utf8
    ).write(to: URL(fileURLWithPath: script))
    let transcript = BufferOutputSink()
    let status = ConsultationLauncher.run(
      scripts: [script], knowledgeBaseDirectory: Self.kb, output: transcript, environment: TestCache.environment())
    // The second 'aufzeichnen' refuses to overwrite; that is a failed command.
    #expect(status == 1)
    let collapsed = transcript.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    #expect(collapsed.contains("gibt es schon. Zum Überschreiben: aufzeichnen"))
    let text = try String(contentsOfFile: recorded, encoding: .utf8)
    #expect(text.contains("set personal.reserve = gering\n"))
    #expect(text.contains("expect pattern dauerkrise established\n"))
    #expect(text.contains("expect factor rf3 kritisch\n"))
    #expect(text.contains("expect top 1 ablösung\nexpect top 2 reservepool\n"))
    #expect(!text.contains("expect not recommend"))
    let (testStatus, report) = Self.runTests([recorded])
    #expect(testStatus == 0, "\(report)")
    #expect(report == "1 bestanden, 0 fehlgeschlagen\n")
  }

  /// A shell over a copy of the fixture knowledge base in a scratch folder, answered so that the
  /// reserve pool is recommended; the caller removes the folder.
  static func reloadableShell() throws -> (folder: URL, shell: Shell, output: BufferOutputSink, kb: KnowledgeBase) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reload-\(UUID().uuidString)")
    try FileManager.default.copyItem(atPath: Self.kb, toPath: folder.path)
    var options = ShellOptions(interactive: false, color: false)
    options.knowledgeBaseDirectory = folder.path
    let output = BufferOutputSink()
    let kb = try #require(KnowledgeBaseLoaderShim.load(folder.path))
    let shell = Shell(consultation: .init(knowledgeBase: kb), output: output, options: options)
    for line in ["setze lage.phase = bewaeltigung", "setze lage.dauer_wochen = 10", "setze personal.reserve = keine"] {
      shell.execute(line)
    }
    return (folder, shell, output, kb)
  }

  @Test func reloadKeepsTheOldKnowledgeBaseOnErrorsAndReportsChanges() throws {
    let (folder, shell, output, kb) = try Self.reloadableShell()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(shell.consultation.engine.isRecommended(kb.measureIndex["reservepool"] ?? -1))
    let rules = folder.appendingPathComponent("Rules/regeln.rules")
    let original = try String(contentsOf: rules, encoding: .utf8)
    // A broken rule file: the old knowledge base stays in use.
    try Data((original + "\nrule kaputt\n  when\n").utf8).write(to: rules)
    shell.execute("neu-laden")
    #expect(shell.failures == 1)
    #expect(output.text.contains("error: expected a condition after 'when'"))
    #expect(output.text.contains("die bisherige bleibt in Gebrauch"))
    #expect(shell.consultation.knowledgeBase === kb)
    // A changed rule: the answers carry over and the change in advice is shown.
    try Data(original.replacingOccurrences(of: "in [keine, gering]", with: "in [gering]").utf8).write(to: rules)
    shell.execute("neu-laden")
    #expect(shell.failures == 1)
    #expect(shell.consultation.knowledgeBase !== kb)
    #expect(output.text.contains("3 Antworten übernommen."))
    #expect(output.text.collapsingWhitespace.contains("(reservepool)"), "\(output.text)")
    #expect(output.text.contains("entfällt: "))
  }

  /// `prüfen` in the shell finds what `resilienz check` finds, test scripts included.
  @Test func checkInTheShellReadsTestScriptsToo() throws {
    let (folder, shell, output, _) = try Self.reloadableShell()
    defer { try? FileManager.default.removeItem(at: folder) }
    shell.execute("prüfen")
    #expect(shell.failures == 0, "\(output.text)")
    let script = folder.appendingPathComponent("Rules/tests/kaputt.test")
    try Data("setze personal.reserve = wenig\n".utf8).write(to: script)
    shell.execute("prüfen")
    #expect(shell.failures == 1)
    #expect(output.text.contains("kaputt.test:1:"), "\(output.text)")
  }

  /// Issue 17: after `neu-laden` with a changed weight the shell says how the priority changed,
  /// exactly as `änderungen` does after an answer, instead of "unverändert".
  @Test func reloadAfterAWeightChangeShowsThePriorityChange() throws {
    let (folder, shell, output, _) = try Self.reloadableShell()
    defer { try? FileManager.default.removeItem(at: folder) }
    shell.execute("empfehlungen alle")
    let before = output.text
    let rules = folder.appendingPathComponent("Rules/regeln.rules")
    let original = try String(contentsOf: rules, encoding: .utf8)
    try Data(
      original.replacingOccurrences(of: "recommend reservepool weight 3", with: "recommend reservepool weight 6").utf8
    ).write(to: rules)
    shell.execute("neu-laden")
    #expect(shell.failures == 0, "\(output.text)")
    let reloaded = String(output.text.dropFirst(before.count))
    #expect(!reloaded.contains("Die Empfehlungen bleiben unverändert."), "\(reloaded)")
    #expect(reloaded.contains("  Priorität: Reservepool aufbauen von 4 auf 7, Rang unverändert\n"), "\(reloaded)")
  }
}
