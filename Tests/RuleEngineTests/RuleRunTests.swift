import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// Large rule files are parsed and compiled in runs of declarations that the cores share. Forced
/// down to a run per declaration, a load must give the knowledge base and the messages of a load
/// in one piece.
struct RuleRunTests {
  static let whole = RuleRuns(threshold: .max, size: .max)
  static let split = RuleRuns(threshold: 0, size: 1)

  static func load(_ sources: KnowledgeSources, _ runs: RuleRuns, lint: Bool = true) -> LoadResult {
    KnowledgeBaseLoader.compile(sources, lint: lint, runs: runs)
  }

  static func rendered(_ result: LoadResult) -> String {
    DiagnosticRenderer().render(result.diagnostics)
  }

  /// Generated bases (chains, negation, cycles of facts) in two rule files that are split and a
  /// third of one declaration that is not, with LF or CRLF line ends, with or without a
  /// byte-order mark.
  @Test(arguments: 1...20)
  func generatedBaseIsTheSameInRuns(seed: Int) throws {
    let second = RandomRules.ruleSet(seed: UInt64(seed) + 1000)
      .replacingOccurrences(of: "rule ", with: "rule b_")
      .replacingOccurrences(of: "fact f", with: "fact g")
    var files = [RandomRules.ruleSet(seed: UInt64(seed)), second, "fact einzeln \"einzeln\"\n"]
    if seed % 2 == 0 { files = files.map { $0.replacingOccurrences(of: "\n", with: "\r\n") } }
    if seed % 3 == 0 { files = files.map { "\u{FEFF}" + $0 } }
    let sources = Fixture.sources([
      ("Knowledge/k.yaml", Fixture.baseKnowledge), ("Rules/a.rules", files[0]), ("Rules/b.rules", files[1]),
      ("Rules/c.rules", files[2]),
    ])
    // The split path is taken: the runs of each file parse without a problem of their own.
    for file in sources.ruleFiles.prefix(2) {
      let runs = RuleParser.declarationRuns(of: file, size: 1)
      #expect(runs.count > 40)
      #expect(runs.allSatisfy { RuleParser.parse(file, run: $0).1.isEmpty }, "seed \(seed)")
    }
    let inOnePiece = Self.load(sources, Self.whole)
    let inRuns = Self.load(sources, Self.split)
    let kb = try #require(inOnePiece.knowledgeBase, "\(Self.rendered(inOnePiece))")
    #expect(KnowledgeBaseComparison.differences(kb, try #require(inRuns.knowledgeBase)) == [])
    #expect(Self.rendered(inRuns) == Self.rendered(inOnePiece))
  }

  @Test func shippedKnowledgeBaseIsTheSameInRuns() throws {
    let sources = KnowledgeSources.read(directory: Fixture.repositoryRoot)
    // Every shipped file begins with comments; its first run reaches past them, so that each run
    // parses without a problem and the files are really split.
    for file in sources.ruleFiles {
      let runs = RuleParser.declarationRuns(of: file, size: 1)
      #expect(runs.count > 1 && runs.allSatisfy { RuleParser.parse(file, run: $0).1.isEmpty }, "\(file.path)")
    }
    let inOnePiece = Self.load(sources, Self.whole)
    let inRuns = Self.load(sources, Self.split)
    let kb = try #require(inOnePiece.knowledgeBase)
    #expect(KnowledgeBaseComparison.differences(kb, try #require(inRuns.knowledgeBase)) == [])
    #expect(Self.rendered(inRuns) == Self.rendered(inOnePiece))
    #expect(inRuns.statistics == inOnePiece.statistics)
  }

  /// Damaged rule files: syntax errors (parsed again whole), unknown names in conditions and
  /// conclusions (compiled in runs, listed in the same order).
  @Test(arguments: 1...40)
  func damagedRulesGiveTheSameMessages(seed: Int) throws {
    var generator = SplitMix64(seed: UInt64(seed) &* 7919)
    var rules = RandomRules.ruleSet(seed: UInt64(seed))
    // Names that resolve nowhere, in conditions, conclusions and sources.
    for (from, to) in [("f3", "f33"), ("pool", "poool"), ("source q1\n  when dauer", "source q9\n  when dauer")]
    where Bool.random(using: &generator) {
      rules = rules.replacingOccurrences(of: from, with: to)
    }
    // Declarations cut short, whose messages name what follows them: the next declaration, or
    // the end of a run if the file were not parsed again whole.
    for (from, to) in [("then derive f1\n", "then\n"), ("rule r7\n", "rule\n"), ("  when", "  when (")]
    where Int.random(in: 0..<3, using: &generator) == 0 {
      rules = rules.replacingOccurrences(of: from, with: to)
    }
    var bytes = Array(rules.utf8)
    if Bool.random(using: &generator) { bytes = Mutation.damage(bytes, using: &generator).bytes }
    let sources = KnowledgeSources(
      directory: ".", knowledgeFiles: [SourceFile(path: "Knowledge/k.yaml", text: Fixture.baseKnowledge)],
      ruleFiles: [SourceFile(path: "Rules/r.rules", bytes: bytes)])
    let inOnePiece = Self.load(sources, Self.whole)
    let inRuns = Self.load(sources, Self.split)
    #expect(Self.rendered(inRuns) == Self.rendered(inOnePiece), "seed \(seed)")
    #expect((inRuns.knowledgeBase == nil) == (inOnePiece.knowledgeBase == nil))
  }

  /// Runs cover the file without gaps, each after the first starting on a `rule` or `fact` line;
  /// the first reaches past the file's first declaration.
  @Test func runsStartAtDeclarations() throws {
    let text = """
      # rule in a comment
      fact a "a"
      rule r1
        source q1
        when x = "rule b"
        then derive a\r
      fact b "fact c"
      rules x
      ruler
      rule\ty
       rule z
      rule r2
        source q1
        when a
        then derive b

      """
    let file = SourceFile(path: "r.rules", text: text)
    let runs = RuleParser.declarationRuns(of: file, size: 1)
    #expect(runs.map { file.text(in: $0).prefix(7) } == ["# rule ", "rule r1", "fact b ", "rule r2"])
    #expect(runs.first?.start == 0 && runs.last?.end == file.bytes.count)
    #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.end == $1.start })
    #expect(RuleParser.declarationRuns(of: file, size: text.utf8.count).count == 1)
    #expect(RuleParser.declarationRuns(of: SourceFile(path: "r.rules", text: "# nur Kommentar\n"), size: 1).count == 1)
    // A run checks its own bytes: one that is not UTF-8 says where, which makes the loader parse
    // the file again whole. (ÿ is UTF-8; the lone byte 0xFF is not.)
    let broken = SourceFile(path: "r.rules", bytes: Array("fact a \"a\"\nfact b \"ÿ\"\n".utf8) + [0xFF, 0x0A])
    let brokenRuns = RuleParser.declarationRuns(of: broken, size: 1)
    #expect(brokenRuns.count == 2)
    #expect(RuleParser.parse(broken, run: brokenRuns[0]).1.isEmpty)
    #expect(RuleParser.parse(broken, run: brokenRuns[1]).1.map(\.site.range?.start) == [broken.bytes.count - 2])
  }
}
