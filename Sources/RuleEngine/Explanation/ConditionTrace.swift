import KnowledgeBase

/// A condition evaluated under the current answers, with the truth of every part.
public struct ConditionTrace: Sendable {
  public var condition: CompiledCondition
  public var truth: Truth
  /// The parts of `and`, `or` and `not`; empty for a single test.
  public var parts: [ConditionTrace]

  /// The part that keeps the condition from being true: for `and`, the first part with the
  /// condition's truth; a single test, `or` or `not` is its own blocker. Nil when it is true.
  public var blocker: ConditionTrace? {
    guard truth != .true else { return nil }
    if case .and = condition, let part = parts.first(where: { $0.truth == truth }) {
      return part.blocker ?? part
    }
    return self
  }

  /// Every single test in the condition, left to right.
  public var tests: [ConditionTrace] {
    parts.isEmpty ? [self] : parts.flatMap(\.tests)
  }
}

extension Engine {
  /// Evaluates a condition part by part, for explanations.
  public func trace(_ condition: CompiledCondition) -> ConditionTrace {
    switch condition {
    case .and(let items), .or(let items):
      return ConditionTrace(condition: condition, truth: evaluate(condition), parts: items.map(trace))
    case .not(let inner):
      return ConditionTrace(condition: condition, truth: evaluate(condition), parts: [trace(inner)])
    default:
      return ConditionTrace(condition: condition, truth: evaluate(condition), parts: [])
    }
  }
}
