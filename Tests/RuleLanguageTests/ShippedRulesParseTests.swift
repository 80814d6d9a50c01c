import Foundation
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// Each shipped rule file parses on its own, without any diagnostic.
@Suite struct ShippedRulesParseTests {
  static let paths: [String] = {
    let folder = Fixture.repositoryRoot + "/Rules"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".rules") }.sorted().map { "Rules/" + $0 }
  }()

  @Test func thereAreShippedRuleFiles() {
    #expect(!Self.paths.isEmpty)
  }

  @Test(arguments: paths)
  func parsesWithoutDiagnostics(_ path: String) throws {
    let data = try #require(FileManager.default.contents(atPath: Fixture.repositoryRoot + "/" + path))
    let (parsed, diagnostics) = RuleParser.parse(SourceFile(path: path, bytes: [UInt8](data)))
    #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
    #expect(!parsed.rules.isEmpty)
    for rule in parsed.rules {
      #expect(rule.condition != nil, "rule \(rule.id.name)")
      #expect(!rule.sources.isEmpty, "rule \(rule.id.name)")
      #expect(!rule.conclusions.isEmpty, "rule \(rule.id.name)")
    }
  }
}
