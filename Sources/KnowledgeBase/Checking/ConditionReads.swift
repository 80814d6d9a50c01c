/// What a compiled condition reads, and whether it reads it under negation.
struct ConditionReads {
  var questions: [Int] = []
  var facts: [(index: Int, negated: Bool)] = []
  var patterns: [Int] = []
  var factors: [Int] = []

  init(_ condition: CompiledCondition) {
    collect(condition, negated: false)
  }

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
