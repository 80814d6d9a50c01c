import RuleLanguage

/// A condition with every id resolved to an index, ready for evaluation.
public enum CompiledCondition: Sendable, Hashable {
  /// A number or scale answer compared with a constant.
  case number(question: QuestionID, ComparisonOperator, FixedDecimal)
  /// A yes/no or one-of answer is one of the options (bit set over option indices).
  case option(question: QuestionID, options: UInt64, negated: Bool)
  /// A several-of answer contains one, any or all of the options.
  case includes(question: QuestionID, InclusionMode, options: UInt64)
  /// The question was answered with a value (`known`) or with *weiß nicht*.
  case answered(question: QuestionID, known: Bool)
  case fact(FactID)
  case pattern(PatternID, PatternStateTest)
  /// The factor's level is among the levels (bit set over level indices).
  case factor(FactorID, levels: UInt64)
  indirect case not(CompiledCondition)
  case and([CompiledCondition])
  case or([CompiledCondition])
}

/// What a compiled rule concludes.
public enum CompiledConclusionKind: Sendable, Hashable {
  case derive(fact: FactID)
  case evidence(pattern: PatternID, points: FixedDecimal)
  case assess(factor: FactorID, level: LevelID)
  case recommend(measure: MeasureID, weight: FixedDecimal)
}

/// A conclusion with its reason.
public struct CompiledConclusion: Sendable, Hashable {
  public var kind: CompiledConclusionKind
  public var reason: String?
}

/// A rule ready for the engine.
public struct CompiledRule: Sendable, Equatable {
  public var id: String
  public var sourceIDs: [String]
  public var condition: CompiledCondition
  public var conclusions: [CompiledConclusion]
  /// Where it was declared, for explanations: the file's path, the line of `rule`, and the
  /// byte range of the declaration. Only the path is kept, not the file's text, so that a
  /// compiled knowledge base (and its snapshot) holds nothing of the sources.
  public var path: String
  public var line: Int
  public var range: SourceRange

  public init(
    id: String, sourceIDs: [String], condition: CompiledCondition, conclusions: [CompiledConclusion],
    path: String, line: Int, range: SourceRange
  ) {
    self.id = id
    self.sourceIDs = sourceIDs
    self.condition = condition
    self.conclusions = conclusions
    self.path = path
    self.line = line
    self.range = range
  }

  /// A rule declared at `range` in `file`.
  public init(
    id: String, sourceIDs: [String], condition: CompiledCondition, conclusions: [CompiledConclusion],
    file: SourceFile, range: SourceRange
  ) {
    self.init(
      id: id, sourceIDs: sourceIDs, condition: condition, conclusions: conclusions, path: file.path,
      line: file.location(of: range.start).line, range: range)
  }

  /// `path:line` of the declaration.
  public var location: String { "\(path):\(line)" }
}
