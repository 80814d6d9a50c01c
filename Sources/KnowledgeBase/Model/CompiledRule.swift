import RuleLanguage

/// A condition with every id resolved to an index, ready for evaluation.
public enum CompiledCondition: Sendable, Hashable {
  /// A number or scale answer compared with a constant.
  case number(question: Int, ComparisonOperator, FixedDecimal)
  /// A yes/no or one-of answer is one of the options (bit set over option indices).
  case option(question: Int, options: UInt64, negated: Bool)
  /// A several-of answer contains one, any or all of the options.
  case includes(question: Int, InclusionMode, options: UInt64)
  /// The question was answered with a value (`known`) or with *weiß nicht*.
  case answered(question: Int, known: Bool)
  case fact(Int)
  case pattern(Int, PatternStateTest)
  /// The factor's level is among the levels (bit set over level indices).
  case factor(Int, levels: UInt64)
  indirect case not(CompiledCondition)
  case and([CompiledCondition])
  case or([CompiledCondition])
}

/// What a compiled rule concludes.
public enum CompiledConclusionKind: Sendable, Hashable {
  case derive(fact: Int)
  case evidence(pattern: Int, points: FixedDecimal)
  case assess(factor: Int, level: Int)
  case recommend(measure: Int, weight: FixedDecimal)
}

/// A conclusion with its reason.
public struct CompiledConclusion: Sendable, Hashable {
  public var kind: CompiledConclusionKind
  public var reason: String?
}

/// A rule ready for the engine.
public struct CompiledRule: Sendable {
  public var id: String
  public var sourceIDs: [String]
  public var condition: CompiledCondition
  public var conclusions: [CompiledConclusion]
  /// Where it was declared, for explanations.
  public var file: SourceFile
  public var range: SourceRange

  /// `path:line` of the declaration.
  public var location: String {
    "\(file.path):\(file.location(of: range.start).line)"
  }
}
