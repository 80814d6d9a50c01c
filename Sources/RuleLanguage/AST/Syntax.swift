/// An id as written, with its range.
public struct Identifier: Sendable, Hashable {
  public var name: String
  public var range: SourceRange

  public init(_ name: String, range: SourceRange) {
    self.name = name
    self.range = range
  }
}

/// A literal value in a condition: a number or a symbol such as an answer value.
public enum Literal: Sendable, Hashable {
  case number(FixedDecimal, SourceRange)
  case symbol(String, SourceRange)

  public var range: SourceRange {
    switch self {
    case .number(_, let range), .symbol(_, let range): range
    }
  }

  public var spelling: String {
    switch self {
    case .number(let value, _): value.description
    case .symbol(let name, _): name
    }
  }
}

/// A comparison operator.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="

  /// Whether the operator orders values (as opposed to testing equality).
  public var isOrdering: Bool { self != .equal && self != .notEqual }
}

/// How `includes` tests a several-of answer.
public enum InclusionMode: String, Sendable, Hashable {
  case one, any, all
}

/// The state of a crisis pattern a condition can test.
public enum PatternStateTest: String, Sendable, Hashable {
  case suspected, established
}

/// A condition as written.
public enum Condition: Sendable, Hashable {
  case compare(Identifier, ComparisonOperator, Literal, range: SourceRange)
  case membership(Identifier, negated: Bool, [Literal], range: SourceRange)
  case includes(Identifier, InclusionMode, [Literal], range: SourceRange)
  case answered(Identifier, known: Bool, range: SourceRange)
  case fact(Identifier)
  case pattern(Identifier, PatternStateTest, range: SourceRange)
  case factorCompare(Identifier, ComparisonOperator, Identifier, range: SourceRange)
  case factorMembership(Identifier, negated: Bool, [Identifier], range: SourceRange)
  // Only the cases that nest are boxed; single tests stay inline, which saves an allocation each.
  indirect case not(Condition, range: SourceRange)
  indirect case and(Condition, Condition)
  indirect case or(Condition, Condition)

  public var range: SourceRange {
    switch self {
    case .compare(_, _, _, let range), .membership(_, _, _, let range),
      .includes(_, _, _, let range), .answered(_, _, let range), .pattern(_, _, let range),
      .factorCompare(_, _, _, let range), .factorMembership(_, _, _, let range),
      .not(_, let range):
      range
    case .fact(let id): id.range
    case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.range.union(rhs.range)
    }
  }
}

/// A string literal with its decoded text.
public struct StringLiteral: Sendable, Hashable {
  public var text: String
  public var range: SourceRange
}

/// What a conclusion does.
public enum ConclusionKind: Sendable, Hashable {
  case derive(Identifier)
  case evidence(Identifier, points: FixedDecimal)
  case assess(Identifier, level: Identifier)
  case recommend(Identifier, weight: FixedDecimal)
}

/// One conclusion of a rule, with its optional reason.
public struct Conclusion: Sendable, Hashable {
  public var kind: ConclusionKind
  public var reason: StringLiteral?
  public var range: SourceRange
}

/// A `rule` declaration.
public struct RuleDeclaration: Sendable {
  public var id: Identifier
  public var sources: [Identifier]
  public var condition: Condition?
  public var conclusions: [Conclusion]
  public var range: SourceRange
}

/// A `fact` declaration.
public struct FactDeclaration: Sendable {
  public var id: Identifier
  public var text: StringLiteral?
  public var range: SourceRange
}

/// A parsed rule file: its declarations in order.
public struct RuleFile: Sendable {
  public var file: SourceFile
  public var rules: [RuleDeclaration]
  public var facts: [FactDeclaration]
}
