import Foundation
import KnowledgeBase
import Testing
import _ResilienzTestSupport

@testable import Shell

/// `resilienz check` reads test scripts and cases too, with the shell's own grammar.
struct CheckScriptsTests {
  /// The checker lives in KnowledgeBase and cannot see the shell: its command names must be
  /// exactly the shell's, or a new command would be reported as unknown (or a removed one missed).
  @Test func checkerKnowsExactlyTheShellsCommandNames() {
    let shell = Set(CommandTable.all.flatMap { command in command.spec.allNames })
    let checker = Set(ScriptChecker.commandNames)
    #expect(shell.subtracting(checker).isEmpty, "missing in ScriptChecker.commandNames")
    #expect(checker.subtracting(shell).isEmpty, "not a shell command")
    #expect(ScriptChecker.commandNames.count == checker.count, "no name twice")
  }

  /// Every kind of expectation the checker accepts is one the shell knows, and the shell refuses
  /// a kind the checker does not know.
  @Test func checkerKnowsExactlyTheShellsExpectations() throws {
    let kb = try #require(KnowledgeBaseLoaderShim.load(AuthoringTests.kb))
    func message(_ line: String) -> String {
      let output = BufferOutputSink()
      let shell = Shell(
        consultation: .init(knowledgeBase: kb), output: output, options: ShellOptions(interactive: false, color: false))
      shell.execute(line)
      return output.text
    }
    for kind in ScriptChecker.expectationKinds {
      #expect(!message("expect \(kind)").contains("Unbekannte Erwartung"), "\(kind)")
    }
    #expect(message("expect gefunden").contains("Unbekannte Erwartung"))
    for state in ScriptChecker.patternStates {
      #expect(!message("expect pattern dauerkrise \(state)").contains("kein Zustand"), "\(state)")
    }
  }

  /// The mistake from issue 17 is caught by `check`, not only when `test` runs the script.
  @Test func checkReportsAWrongAnswerInATestScript() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("check-scripts-\(UUID().uuidString)")
    try FileManager.default.copyItem(atPath: AuthoringTests.kb, toPath: folder.path)
    defer { try? FileManager.default.removeItem(at: folder) }
    let (cleanStatus, clean) = try CommandLineTests.run(["check", "--kb", folder.path])
    #expect(cleanStatus == 0, "\(clean)")
    let nested = folder.appendingPathComponent("Rules/tests/personal")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    try Data("include ../gemeinsam/lange-lage.inc\nset personal.reserve = wenig\nexpect recommend reservepol\n".utf8)
      .write(to: nested.appendingPathComponent("wenig.test"))
    let (status, output) = try CommandLineTests.run(["check", "--kb", folder.path])
    #expect(status == 1)
    let path = folder.path + "/Rules/tests/personal/wenig.test"
    #expect(
      output.contains("\(path):2:24: error: 'wenig' is not an answer to question 'personal.reserve'"), "\(output)")
    #expect(output.contains("\(path):3:18: error: unknown measure 'reservepol'; did you mean 'reservepool'?"))
    let (jsonStatus, json) = try CommandLineTests.run(["check", "--kb", folder.path, "--format", "json"])
    #expect(jsonStatus == 1)
    #expect(json.contains("\"id\": \"invalid-answer\""))
    #expect(json.contains("\"id\": \"unknown-measure\""))
  }

  /// Case files are read by the parser `test` uses; their mistakes are `check`'s too.
  @Test func checkReportsAMistakeInACase() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("check-cases-\(UUID().uuidString)")
    try FileManager.default.copyItem(atPath: AuthoringTests.kb, toPath: folder.path)
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases = folder.appendingPathComponent("Rules/cases")
    try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
    try Data("case K1\nset personal.reserv = keine   [F01]\n".utf8).write(to: cases.appendingPathComponent("k1.case"))
    let (status, output) = try CommandLineTests.run(["check", "--kb", folder.path])
    #expect(status == 1)
    #expect(output.contains(folder.path + "/Rules/cases/k1.case:2:5: error: "), "\(output)")
  }
}
