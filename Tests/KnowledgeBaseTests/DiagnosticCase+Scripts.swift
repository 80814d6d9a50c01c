import Foundation
import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// A test script that provokes a diagnostic of `check`, with the id it is about and its golden
/// rendering (`Snapshots/diagnostics/script-<name>.txt`). The script is `Rules/tests/case.test`
/// over the base knowledge plus `personal.reserve`; `files` are further files under `Rules/tests`.
struct ScriptDiagnosticCase: Sendable, CustomTestStringConvertible {
  var name: String
  var id: String
  var script: String
  var files: [String: String] = [:]

  var testDescription: String { name }

  static let scriptPath = "Rules/tests/case.test"

  func check() throws -> [Diagnostic] {
    let loaded = Fixture.load([
      ("Knowledge/base.yaml", Fixture.baseKnowledge), ("Knowledge/personal.yaml", DiagnosticCase.personalReserve),
      ("Rules/base.rules", Fixtures.cleanRules),
    ])
    let knowledgeBase = try #require(loaded.knowledgeBase)
    var all = files
    all[Self.scriptPath] = script
    let checker = ScriptChecker(knowledgeBase: knowledgeBase, includeFolder: "Rules/tests") { path in
      all[URL(fileURLWithPath: path).standardizedFileURL.path.replacingOccurrences(of: Self.root, with: "")]
        .map { Array($0.utf8) }
    }
    return checker.check([Self.scriptPath])
  }

  /// The working folder, which the checker's normalised include paths start with.
  static var root: String { FileManager.default.currentDirectoryPath + "/" }

  static let all: [ScriptDiagnosticCase] = [
    ScriptDiagnosticCase(
      name: "answer-not-a-value", id: "invalid-answer",
      script: "# Der Fehler aus Issue 17: ein Wert, den die Frage nicht kennt.\nset personal.reserve = wenig\n"),
    ScriptDiagnosticCase(
      name: "answer-out-of-range", id: "invalid-answer", script: "setze dauer = 300\n"),
    ScriptDiagnosticCase(
      name: "unknown-question", id: "unknown-question", script: "set personal.reserv = keine\n"),
    ScriptDiagnosticCase(
      name: "set-without-equals", id: "script-usage", script: "set reserve keine\n"),
    ScriptDiagnosticCase(
      name: "unset-unknown-question", id: "unknown-question", script: "entferne reserv\n"),
    ScriptDiagnosticCase(
      name: "unknown-measure", id: "unknown-measure", script: "set stab = nein\nexpect recommend pol\n"),
    ScriptDiagnosticCase(
      name: "top-without-number", id: "script-usage", script: "erwarte top zehn pool\n"),
    ScriptDiagnosticCase(
      name: "unknown-pattern-state", id: "invalid-value", script: "expect pattern dauerkrise vermutet\n"),
    ScriptDiagnosticCase(
      name: "unknown-pattern", id: "unknown-pattern", script: "expect muster dauerkrisen erkannt\n"),
    ScriptDiagnosticCase(
      name: "unknown-level", id: "unknown-level", script: "expect factor rf3 schwah\n"),
    ScriptDiagnosticCase(
      name: "unknown-factor", id: "unknown-factor", script: "expect factor rf4 schwach\n"),
    ScriptDiagnosticCase(
      name: "next-unknown-question", id: "unknown-question", script: "expect next stabb\n"),
    ScriptDiagnosticCase(
      name: "open-unknown-question", id: "unknown-question", script: "set reserve = ?\nexpect open reserv\n"),
    ScriptDiagnosticCase(
      name: "unknown-expectation", id: "unknown-expectation", script: "expect recomend pool\n"),
    ScriptDiagnosticCase(
      name: "unknown-command", id: "unknown-command", script: "set stab = nein\nempfehlugen\n"),
    ScriptDiagnosticCase(
      name: "missing-include", id: "missing-include", script: "include gemeinsam/fehlt.inc\n"),
    ScriptDiagnosticCase(
      name: "include-outside", id: "include-outside", script: "include ../geheim.inc\n",
      files: ["Rules/geheim.inc": "set stab = ja\n"]),
    ScriptDiagnosticCase(
      name: "include-cycle", id: "include-cycle", script: "include a.inc\n",
      files: ["Rules/tests/a.inc": "include b.inc\n", "Rules/tests/b.inc": "include a.inc\n"]),
    ScriptDiagnosticCase(
      name: "error-in-included-file", id: "invalid-answer", script: "include gemeinsam/lage.inc\nexpect top 3 pool\n",
      files: ["Rules/tests/gemeinsam/lage.inc": "set phase = bewältigung\nset stab = vielleicht\n"]),
  ]
}

@Suite struct ScriptCheckTests {
  @Test(arguments: ScriptDiagnosticCase.all)
  func rendering(_ testCase: ScriptDiagnosticCase) throws {
    let diagnostics = try testCase.check()
    #expect(diagnostics.map(\.id.rawValue).contains(testCase.id), "reported: \(diagnostics.map(\.id.rawValue))")
    #expect(diagnostics.allSatisfy { $0.site.location != nil }, "every problem has a line and column")
    let text = DiagnosticRenderer().render(diagnostics)
    if let difference = Golden.check(text, named: "script-\(testCase.name).txt", in: "Snapshots/diagnostics") {
      Issue.record(Comment(rawValue: difference))
    }
  }

  /// Every form the shell accepts passes the checker: no false alarm on a correct script.
  @Test func correctScriptHasNoProblems() throws {
    let script = """
      # Ein Skript mit allen Formen, die das Testskript kennt.
      include gemeinsam/lage.inc
      setze personal.reserve = gering
      set aufgaben = test, impf
      set last = 4
      set dauer = 3 Monate
      set stab = ?
      entferne stab
      set stab = ?
      empfehlungen
      wie pool
      nein
      expect recommend pool
      erwarte not recommend liste
      expect top 1 pool
      expect pattern dauerkrise established
      expect muster dauerkrise erkannt
      expect factor rf3 schwach
      expect faktor rf3 unassessed
      expect next none
      expect nächste reserve
      expect open stab
      expect output Pool
      """
    let testCase = ScriptDiagnosticCase(
      name: "clean", id: "", script: script,
      files: ["Rules/tests/gemeinsam/lage.inc": "set phase = bewaeltigung\nset dauer = 20\n"])
    let diagnostics = try testCase.check()
    #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
  }

  /// An included file is checked once, however many scripts include it.
  @Test func sharedIncludeIsReportedOnce() throws {
    let loaded = Fixture.load([
      ("Knowledge/base.yaml", Fixture.baseKnowledge), ("Rules/base.rules", Fixtures.cleanRules),
    ])
    let knowledgeBase = try #require(loaded.knowledgeBase)
    let files = [
      "a.test": "include gemeinsam.inc\n", "b.test": "include gemeinsam.inc\n", "gemeinsam.inc": "set stab = oft\n",
    ]
    let checker = ScriptChecker(knowledgeBase: knowledgeBase, includeFolder: nil) { path in
      files[URL(fileURLWithPath: path).lastPathComponent].map { Array($0.utf8) }
    }
    let diagnostics = checker.check(["a.test", "b.test"])
    #expect(diagnostics.map(\.id.rawValue) == ["invalid-answer"])
    #expect(diagnostics.first?.site.path == "gemeinsam.inc")
  }

  @Test func caseNamesAreUnique() {
    let names = ScriptDiagnosticCase.all.map(\.name)
    #expect(Set(names).count == names.count)
  }
}
