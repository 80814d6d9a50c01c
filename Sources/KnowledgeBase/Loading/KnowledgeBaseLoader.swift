import RuleLanguage

/// How many of each kind a knowledge base holds.
public struct KnowledgeStatistics: Sendable, Equatable {
  public var factors: Int
  public var patterns: Int
  public var measures: Int
  public var questions: Int
  public var rules: Int
  public var sources: Int
  public var tests: Int
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
    var compiler = KnowledgeCompiler(sources: sources)
    compiler.lint = lint
    return compiler.run()
  }
}
