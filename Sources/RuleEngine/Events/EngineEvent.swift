import RuleLanguage

/// Something that changed in the engine's conclusions, in the order the engine decided it.
public enum EngineEvent: Hashable, Sendable {
  /// The rule's condition became true.
  case ruleFired(rule: Int)
  /// The rule's condition stopped being true.
  case ruleRetracted(rule: Int)
  case factChanged(fact: Int, from: Truth, to: Truth)
  case patternChanged(pattern: Int, from: PatternState, to: PatternState)
  /// A factor's level changed; nil means not assessed.
  case factorChanged(factor: Int, from: Int?, to: Int?)
  case measureRecommended(measure: Int)
  case measureDropped(measure: Int)
  case measureWeightChanged(measure: Int, from: FixedDecimal, to: FixedDecimal)
}

/// Receives the engine's events: the seam for trace, coverage and explanations.
public protocol EngineListener: AnyObject {
  func engine(didEmit event: EngineEvent)
}
