import KnowledgeBase
import RuleLanguage

/// Something that changed in the engine's conclusions, in the order the engine decided it.
public enum EngineEvent: Hashable, Sendable {
  /// The rule's condition became true.
  case ruleFired(rule: RuleID)
  /// The rule's condition stopped being true.
  case ruleRetracted(rule: RuleID)
  case factChanged(fact: FactID, from: Truth, to: Truth)
  case patternChanged(pattern: PatternID, from: PatternState, to: PatternState)
  /// A factor's level changed; nil means not assessed.
  case factorChanged(factor: FactorID, from: LevelID?, to: LevelID?)
  case measureRecommended(measure: MeasureID)
  case measureDropped(measure: MeasureID)
  case measureWeightChanged(measure: MeasureID, from: FixedDecimal, to: FixedDecimal)
}

/// Receives the engine's events: the seam for trace, coverage and explanations.
public protocol EngineListener: AnyObject {
  func engine(didEmit event: EngineEvent)
}
