import Foundation
import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// The knowledge base this repository ships.
@Suite struct ShippedKnowledgeTests {
  @Test func loadsWithoutAnyDiagnostic() {
    let result = KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot)
    #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer().render(result.diagnostics))")
    #expect(result.knowledgeBase != nil)
    #expect(CheckReport(result: result, strict: true).exitCode == 0)
  }

  @Test func everyKindIsPresent() throws {
    let knowledgeBase = try #require(KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot).knowledgeBase)
    #expect(!knowledgeBase.rules.isEmpty)
    #expect(!knowledgeBase.questions.isEmpty)
    #expect(!knowledgeBase.measures.isEmpty)
    #expect(!knowledgeBase.factors.isEmpty)
    #expect(!knowledgeBase.patterns.isEmpty)
    #expect(!knowledgeBase.sources.isEmpty)
    #expect(knowledgeBase.factorLevels.map(\.id).prefix(2) == ["kritisch", "schwach"])
  }

  /// Every shipped source file, as `(path relative to the root, bytes)`, sorted by path.
  static func shippedFiles() -> [(path: String, bytes: [UInt8])] {
    var files: [(path: String, bytes: [UInt8])] = []
    for (folder, ending) in [("Knowledge", ".yaml"), ("Rules", ".rules")] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixture.repositoryRoot + "/" + folder)) ?? []
      for name in names.sorted() where name.hasSuffix(ending) {
        let path = folder + "/" + name
        if let data = FileManager.default.contents(atPath: Fixture.repositoryRoot + "/" + path) {
          files.append((path, [UInt8](data)))
        }
      }
    }
    return files
  }
}
