import RuleLanguage

/// How many of each kind a knowledge base holds.
public struct KnowledgeStatistics: Sendable, Equatable {
  public var factors: Int
  public var patterns: Int
  public var measures: Int
  public var questions: Int
  public var rules: Int
  public var sources: Int
  /// Verified sources of each kind, in the order of `SourceKind.allCases`.
  public var sourcesByKind: [SourceKindCount]
  /// Sources marked `ungeprüft`, of any kind.
  public var unverifiedSources: Int
  public var tests: Int
  /// Per situation kind (crisis pattern), in declaration order: its acute measures.
  public var situationKinds: [SituationKindCount] = []

  init(
    factors: Int, patterns: Int, measures: Int, questions: Int, rules: Int, sources: Int,
    sourcesByKind: [(SourceKind, Int)], unverifiedSources: Int, tests: Int
  ) {
    self.factors = factors
    self.patterns = patterns
    self.measures = measures
    self.questions = questions
    self.rules = rules
    self.sources = sources
    self.sourcesByKind = sourcesByKind.map { SourceKindCount(kind: $0.0, count: $0.1) }
    self.unverifiedSources = unverifiedSources
    self.tests = tests
  }
}

/// How many acute measures one situation kind has.
public struct SituationKindCount: Sendable, Equatable {
  public var id: String
  public var acuteMeasures: Int
}

/// How many verified sources of one kind a knowledge base holds.
public struct SourceKindCount: Sendable, Equatable {
  public var kind: SourceKind
  public var count: Int
}

/// The outcome of loading: the knowledge base when there is no error, and every diagnostic.
public struct LoadResult: Sendable {
  public var knowledgeBase: KnowledgeBase?
  /// Sorted by file and position.
  public var diagnostics: [Diagnostic]
  public var statistics: KnowledgeStatistics?
}

/// Loads, resolves, checks and compiles a knowledge base.
public enum KnowledgeBaseLoader {
  /// Reads the folder and compiles what it holds.
  /// `lint: false` skips the warnings a rule author needs but a consultation does not.
  public static func load(directory: String, lint: Bool = true) -> LoadResult {
    compile(KnowledgeSources.read(directory: directory), lint: lint)
  }

  /// Compiles files already read.
  public static func compile(_ sources: KnowledgeSources, lint: Bool = true) -> LoadResult {
    compile(sources, lint: lint, runs: .standard)
  }

  /// Compiles files already read, splitting the rule files into runs as `runs` says (tests force
  /// the split on small files, which is otherwise only taken for large ones).
  package static func compile(_ sources: KnowledgeSources, lint: Bool = true, runs: RuleRuns) -> LoadResult {
    var compiler = KnowledgeCompiler(sources: sources)
    compiler.lint = lint
    compiler.runs = runs
    return compiler.run()
  }
}
