import Foundation
import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// Every kind of diagnostic, rendered as a person reads it, compared with a golden file.
@Suite struct DiagnosticGoldenTests {
  @Test(arguments: DiagnosticCase.all)
  func rendering(_ testCase: DiagnosticCase) {
    let result = testCase.load()
    let ids = result.diagnostics.map(\.id.rawValue)
    #expect(ids.contains(testCase.id), "reported: \(ids)")
    let text = DiagnosticRenderer().render(result.diagnostics)
    let compare = {
      if let difference = Golden.check(text, named: "\(testCase.name).txt", in: "Snapshots/diagnostics") {
        Issue.record(Comment(rawValue: difference))
      }
    }
    guard let issue = testCase.knownIssue else { return compare() }
    // The golden file holds the correct text; recording would overwrite it with the wrong one.
    guard ProcessInfo.processInfo.environment["RECORD_GOLDENS"] != "1" else { return }
    withKnownIssue(Comment(rawValue: issue), isIntermittent: false, compare)
  }

  @Test func caseNamesAreUnique() {
    let names = DiagnosticCase.all.map(\.name)
    #expect(Set(names).count == names.count)
  }

  @Test func baseFixtureIsClean() {
    let result = Fixture.load([
      ("Knowledge/base.yaml", Fixture.baseKnowledge), ("Rules/base.rules", Fixtures.cleanRules),
    ])
    #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer().render(result.diagnostics))")
    #expect(result.knowledgeBase != nil)
  }

  /// Errors stop the knowledge base; warnings alone do not.
  @Test(arguments: DiagnosticCase.all)
  func knowledgeBaseOnlyWithoutErrors(_ testCase: DiagnosticCase) {
    let result = testCase.load()
    #expect((result.knowledgeBase == nil) == result.diagnostics.containsErrors)
  }

  @Test func threeErrorsInOneFileGiveThreeDiagnostics() throws {
    let testCase = try #require(DiagnosticCase.all.first { $0.name == "three-errors-one-file" })
    let diagnostics = testCase.load().diagnostics
    #expect(diagnostics.map(\.id.rawValue) == ["number-too-precise", "expected-list-close", "missing-reason"])
    #expect(diagnostics.map { $0.site.location?.line ?? 0 } == [3, 8, 14])
    #expect(diagnostics.allSatisfy { $0.site.path == "Rules/case.rules" })
  }

  @Test func errorsInSeveralFilesAreAllReported() {
    let result = Fixture.load([
      ("Knowledge/base.yaml", Fixture.baseKnowledge),
      ("Knowledge/extra.yaml", "groups:\n  - {id: extra}\n"),
      ("Rules/a.rules", "rule a\n  source q1\n  when stab = nein\n  then recommend pool weight 1\n"),
      ("Rules/b.rules", "rule b\n  source q1\n  when dauer > 500\n  then assess rf3 schwach\n"),
    ])
    #expect(
      result.diagnostics.map { "\($0.site.path) \($0.id)" } == [
        "Knowledge/extra.yaml missing-field", "Rules/a.rules missing-reason",
        "Rules/b.rules value-out-of-range",
      ])
  }
}
