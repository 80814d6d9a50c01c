import Foundation
import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// Random damage to the shipped files must give diagnostics, never a crash or a wild position.
@Suite struct MutationFuzzTests {
  static let seed = FuzzBudget.seed(0x5EED_2026)
  /// Each iteration loads the whole shipped knowledge base (about 0.14 s in a debug build), so
  /// the default keeps the suite near 20 s; FUZZ_SCALE runs a longer campaign.
  static let iterations = FuzzBudget.iterations(150)

  @Test func mutatedShippedFilesNeverCrash() throws {
    let shipped = ShippedKnowledgeTests.shippedFiles()
    try #require(shipped.count >= 2, "no shipped files under \(Fixture.repositoryRoot)")
    var generator = SplitMix64(seed: Self.seed)
    var outcomes: [String: Int] = [:]
    for iteration in 0..<Self.iterations {
      var files = shipped
      var applied: [String] = []
      for _ in 0..<Int.random(in: 1...3, using: &generator) {
        let index = Int.random(in: 0..<files.count, using: &generator)
        let mutation = Mutation.random(for: files[index].bytes, using: &generator)
        files[index].bytes = mutation.apply(to: files[index].bytes)
        applied.append("\(files[index].path): \(mutation)")
      }
      let context = "seed \(Self.seed), iteration \(iteration): \(applied.joined(separator: "; "))"

      let result = KnowledgeBaseLoader.compile(
        KnowledgeSources(
          directory: ".",
          knowledgeFiles: files.filter { $0.path.hasSuffix(".yaml") }.map {
            SourceFile(path: $0.path, bytes: $0.bytes)
          },
          ruleFiles: files.filter { $0.path.hasSuffix(".rules") }.map { SourceFile(path: $0.path, bytes: $0.bytes) }))

      for diagnostic in result.diagnostics {
        for site in [diagnostic.site] + diagnostic.notes.compactMap(\.site) {
          if let problem = Mutation.problem(with: site) {
            Issue.record("\(diagnostic.id) at \(site.path): \(problem) (\(context))")
          }
        }
      }
      if !result.diagnostics.containsErrors {
        #expect(result.knowledgeBase != nil, "no errors but no knowledge base (\(context))")
      } else {
        #expect(result.knowledgeBase == nil, "errors but a knowledge base (\(context))")
      }
      #expect(
        result.diagnostics.map(\.id.rawValue) == result.diagnostics.sortedForOutput().map(\.id.rawValue),
        "diagnostics not in output order (\(context))")
      _ = DiagnosticRenderer().render(result.diagnostics)
      _ = DiagnosticJSONRenderer().render(result.diagnostics)
      let kind = result.diagnostics.containsErrors ? "errors" : result.diagnostics.isEmpty ? "clean" : "warnings"
      outcomes[kind, default: 0] += 1
    }
    // The mutations must mostly break something, or the test proves little.
    #expect(outcomes["errors", default: 0] > Self.iterations / 2, "\(outcomes)")
  }
}
