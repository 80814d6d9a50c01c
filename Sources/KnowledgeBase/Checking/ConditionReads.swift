/// What a compiled condition reads, and whether it reads it under negation.
public struct ConditionReads {
  public private(set) var questions: [QuestionID] = []
  public private(set) var facts: [(index: FactID, negated: Bool)] = []
  public private(set) var patterns: [PatternID] = []
  public private(set) var factors: [FactorID] = []

  public init(_ condition: CompiledCondition) {
    collect(condition, negated: false)
  }

  /// Whether the condition reads nothing but answers to questions.
  public var readsOnlyQuestions: Bool { facts.isEmpty && patterns.isEmpty && factors.isEmpty }

  private mutating func collect(_ condition: CompiledCondition, negated: Bool) {
    switch condition {
    case .number(let question, _, _), .option(let question, _, _), .includes(let question, _, _),
      .answered(let question, _):
      questions.append(question)
    case .fact(let fact): facts.append((fact, negated))
    case .pattern(let pattern, _): patterns.append(pattern)
    case .factor(let factor, _): factors.append(factor)
    case .not(let inner): collect(inner, negated: !negated)
    case .and(let parts), .or(let parts):
      for part in parts { collect(part, negated: negated) }
    }
  }
}
