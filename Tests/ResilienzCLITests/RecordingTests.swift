import Foundation
import Testing
import _ResilienzTestSupport

@testable import Shell

/// `aufzeichnen` writes tests worth keeping: a German header, the answers, expectations on what
/// matters, and optionally the shared setting as an include.
struct RecordingTests {
  /// A copy of the fixture knowledge base, so that recordings land in its own `Rules/tests`.
  static func copy() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recording-\(UUID().uuidString)")
    try FileManager.default.copyItem(atPath: AuthoringTests.kb, toPath: folder.path)
    return folder
  }

  /// A shell over the knowledge base in `folder` whose clock stands at 5 December 2026, 10:00 UTC.
  static func shell(_ folder: URL) throws -> (Shell, BufferOutputSink) {
    var options = ShellOptions(interactive: false, color: false)
    options.knowledgeBaseDirectory = folder.path
    let output = BufferOutputSink()
    let kb = try #require(KnowledgeBaseLoaderShim.load(folder.path))
    let shell = Shell(consultation: .init(knowledgeBase: kb), output: output, options: options)
    shell.consultation.clock = { Date(timeIntervalSince1970: 1_796_464_800) }
    return (shell, output)
  }

  static let answers = [
    "setze lage.phase = bewaeltigung", "setze lage.dauer_wochen = 12", "setze personal.reserve = gering",
    "setze personal.stab_entlastet = nein",
  ]

  @Test func recordingWithSharedSettingIsGoldenAndPasses() throws {
    let folder = try Self.copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (shell, output) = try Self.shell(folder)
    for line in Self.answers { shell.execute(line) }
    let test = folder.path + "/Rules/tests/aufgezeichnet/lange-lage.test"
    let shared = folder.path + "/Rules/tests/gemeinsam/lage-zwoelf-wochen.inc"
    try FileManager.default.createDirectory(
      atPath: folder.path + "/Rules/tests/aufgezeichnet", withIntermediateDirectories: true)
    shell.execute("aufzeichnen \(test) --gemeinsam \(shared)")
    #expect(shell.failures == 0, "\(output.text)")
    let recorded = try String(contentsOfFile: test, encoding: .utf8)
    let setting = try String(contentsOfFile: shared, encoding: .utf8)
    AuthoringTests.golden(recorded, "recorded.test")
    AuthoringTests.golden(setting, "recorded-setting.inc")
    #expect(recorded.contains("\ninclude ../gemeinsam/lage-zwoelf-wochen.inc\n"))
    #expect(!recorded.contains("lage.phase") && setting.contains("set lage.phase = bewaeltigung\n"))
    #expect(!recorded.contains("expect not recommend"))
    #expect(
      output.text.collapsingWhitespace.contains(
        "Aufgezeichnet: 2 Antworten und 4 Erwartungen in „\(test)“, 2 Antworten zur Lage in „\(shared)“."))
    // A second recording with the same setting reuses the include file without --force.
    shell.execute("setze personal.stab_entlastet = ja")
    shell.execute("aufzeichnen \(folder.path)/Rules/tests/aufgezeichnet/entlastet.test --gemeinsam \(shared)")
    #expect(shell.failures == 0, "\(output.text)")
    // A different setting is not overwritten silently.
    shell.execute("setze lage.dauer_wochen = 20")
    shell.execute("aufzeichnen \(folder.path)/Rules/tests/aufgezeichnet/zwanzig.test --gemeinsam \(shared)")
    #expect(shell.failures == 1)
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/Rules/tests/aufgezeichnet/zwanzig.test"))
    let (status, report) = AuthoringTests.runTests([folder.path + "/Rules/tests"], kb: folder.path)
    #expect(status == 0, "\(report)")
    #expect(report == "4 bestanden, 0 fehlgeschlagen\n")
    // `check` reads the recordings as well, without a complaint.
    let (checkStatus, checked) = try CommandLineTests.run(["check", "--strict", "--kb", folder.path])
    #expect(checkStatus == 0, "\(checked)")
  }

  /// The point of expecting only what matters: a measure added to the knowledge base that does
  /// not fire for the recorded answers leaves the recorded test passing.
  @Test func recordedTestSurvivesAnUnrelatedNewMeasure() throws {
    let folder = try Self.copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (shell, output) = try Self.shell(folder)
    for line in Self.answers { shell.execute(line) }
    let test = folder.path + "/Rules/tests/aufgezeichnet.test"
    shell.execute("aufzeichnen \(test)")
    #expect(shell.failures == 0, "\(output.text)")

    let knowledge = folder.appendingPathComponent("Knowledge/wissen.yaml")
    let yaml = try String(contentsOf: knowledge, encoding: .utf8)
    let measure = """
        - id: hitzeschutz
          title: Hitzeschutz für den Stab
          description: Kühle Räume und Trinkwasser für lange Schichten.
          prevents: Ausfälle durch Hitze
          steps: [Räume wählen, Wasser bereitstellen, Pausen planen]
          office: Krisenstab
          horizon: sofort
          effort: gering
          phases: [bewaeltigung]
          factors: [rf3]
          sources: [q1]
          reviewed: 2026-12-04

      """
    try Data(yaml.replacingOccurrences(of: "sources:\n  - {id: q1", with: measure + "sources:\n  - {id: q1").utf8)
      .write(to: knowledge)
    let rules = folder.appendingPathComponent("Rules/regeln.rules")
    // Weight 9 would put it first, had it fired: the recording must not depend on its absence.
    try Data(
      (try String(contentsOf: rules, encoding: .utf8)
        + """

        rule sehr-lange-lage
          source q1
          when lage.dauer_wochen >= 40
          then recommend hitzeschutz weight 9 because "Eine Lage über einen Sommer braucht Hitzeschutz."

        """).utf8
    ).write(to: rules)
    let changed = try #require(KnowledgeBaseLoaderShim.load(folder.path))
    #expect(changed.measureIndex["hitzeschutz"] != nil)
    let (status, report) = AuthoringTests.runTests([test], kb: folder.path)
    #expect(status == 0, "\(report)")
    #expect(report == "1 bestanden, 0 fehlgeschlagen\n")
    // The same recording does fail when the advice it expects changes: it still tests something.
    try Data(
      (try String(contentsOf: rules, encoding: .utf8)).replacingOccurrences(of: ">= 40", with: ">= 10").utf8
    ).write(to: rules)
    let (changedStatus, changedReport) = AuthoringTests.runTests([test], kb: folder.path)
    #expect(changedStatus == 1)
    #expect(changedReport.contains("erwartet „ablösung“ unter den ersten 1"), "\(changedReport)")
  }

  /// A question answered „weiß nicht“ that still decides measures is recorded as an open point.
  @Test func openPointsAreRecordedAndHold() throws {
    let folder = try Self.copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (shell, output) = try Self.shell(folder)
    for line in ["setze lage.dauer_wochen = 12", "setze personal.reserve = ?", "setze personal.stab_entlastet = nein"] {
      shell.execute(line)
    }
    let test = folder.path + "/Rules/tests/offen.test"
    shell.execute("aufzeichnen \(test)")
    #expect(shell.failures == 0, "\(output.text)")
    let recorded = try String(contentsOfFile: test, encoding: .utf8)
    #expect(recorded.contains("\nexpect open personal.reserve\n"), "\(recorded)")
    #expect(recorded.contains("\n# Die erste Maßnahme\nexpect top 1 ablösung\n"), "\(recorded)")
    let (status, report) = AuthoringTests.runTests([test], kb: folder.path)
    #expect(status == 0, "\(report)")
  }

  @Test(
    arguments: [
      ("a.test", nil, false, "a.test"), ("a.test --force", nil, true, "a.test"),
      ("a.test --gemeinsam b.inc", "b.inc", false, "a.test"),
      ("a.test --gemeinsam b.inc --force", "b.inc", true, "a.test"),
      ("a.test --force --gemeinsam b.inc", "b.inc", true, "a.test"),
    ] as [(String, String?, Bool, String)])
  func recordArguments(_ input: String, _ shared: String?, _ force: Bool, _ path: String) {
    let parsed = Shell.recordArguments(input)
    #expect(parsed.path == path)
    #expect(parsed.shared == shared)
    #expect(parsed.force == force)
  }

  @Test func includePathIsRelativeToTheTest() {
    #expect(
      Shell.relativePath(of: "/kb/Rules/tests/gemeinsam/a.inc", from: "/kb/Rules/tests/b.test") == "gemeinsam/a.inc")
    #expect(
      Shell.relativePath(of: "/kb/Rules/tests/gemeinsam/a.inc", from: "/kb/Rules/tests/x/b.test")
        == "../gemeinsam/a.inc")
    #expect(Shell.relativePath(of: "/kb/Rules/tests/a.inc", from: "/kb/Rules/tests/b.test") == "a.inc")
  }
}
