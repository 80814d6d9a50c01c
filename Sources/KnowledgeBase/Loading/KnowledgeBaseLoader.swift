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
  public static func load(directory: String) -> LoadResult {
    compile(KnowledgeSources.read(directory: directory))
  }

  /// Compiles files already read.
  public static func compile(_ sources: KnowledgeSources) -> LoadResult {
    var compiler = KnowledgeCompiler(sources: sources)
    return compiler.run()
  }
}
