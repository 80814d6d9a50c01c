import RuleLanguage

/// What an id names; editors need it to complete, explain and rename ids.
public enum SymbolKind: String, Sendable, CaseIterable, Hashable {
  case question, value, fact, group, factor, level, pattern, measure, source, rule, term
}

/// One place where an id stands in a file: its declaration or a use.
public struct SymbolOccurrence: Sendable {
  public var kind: SymbolKind
  public var name: String
  /// For a value: the question whose value it is.
  public var question: String?
  public var file: SourceFile
  /// The bytes of the id itself, without quotes.
  public var range: SourceRange
  public var isDeclaration: Bool

  public init(
    kind: SymbolKind, name: String, question: String? = nil, file: SourceFile, range: SourceRange,
    isDeclaration: Bool
  ) {
    self.kind = kind
    self.name = name
    self.question = question
    self.file = file
    self.range = range
    self.isDeclaration = isDeclaration
  }

  public var key: SymbolKey { SymbolKey(kind: kind, name: name, question: question) }
}

/// An id of one kind; values are told apart by their question.
public struct SymbolKey: Sendable, Hashable {
  public var kind: SymbolKind
  public var name: String
  public var question: String?

  public init(kind: SymbolKind, name: String, question: String? = nil) {
    self.kind = kind
    self.name = name
    self.question = question
  }
}

/// How a source is cited, for hover.
public struct SourceCitation: Sendable {
  public var title: String
  public var publisher: String
  public var year: Int?
  public var url: String
  public var verified: Bool
}

/// What is known about a declared id, as read from its declaration.
public enum SymbolInfo: Sendable {
  case question(Question)
  case measure(Measure)
  case source(SourceCitation)
  case pattern(Pattern)
  case factor(Factor)
  case fact(text: String)
  case group(QuestionGroup)
  case level(FactorLevel)
  case term(defaultText: String)
  case rule
}

/// Every declaration and use of an id in the knowledge and rule files, with positions; built
/// also when the files have errors, so that an editor can navigate a broken knowledge base.
public struct SymbolIndex: Sendable {
  public var occurrences: [SymbolOccurrence]
  /// What each declared id is (the first declaration wins, as in the checker).
  public var info: [SymbolKey: SymbolInfo]

  public init(occurrences: [SymbolOccurrence] = [], info: [SymbolKey: SymbolInfo] = [:]) {
    self.occurrences = occurrences
    self.info = info
  }

  /// Reads the files again, this time for their ids; problems are the checker's business and are
  /// not reported here.
  public static func collect(_ sources: KnowledgeSources) -> SymbolIndex {
    var collector = SymbolCollector()
    collector.collect(sources)
    return collector.index
  }

  /// Whether a name may be used as an id (the same spelling rules as in the checker).
  public static func isValidID(_ name: String) -> Bool { IdentifierSyntax.isValid(name) }
}
