import KnowledgeBase
import RuleLanguage

/// Remembers the first old value of everything a run touches, so that the events report net
/// changes (a fact retracted and re-derived within one run is no change) in decision order.
struct EventRecorder {
  private enum Item: Hashable {
    case rule(RuleID)
    case fact(FactID)
    case pattern(PatternID)
    case factor(FactorID)
    case measure(MeasureID)
  }

  private let active: Bool
  private var touched: [Item] = []
  private var seen: Set<Item> = []
  private var oldRule: [RuleID: Truth] = [:]
  private var oldFact: [FactID: Truth] = [:]
  private var oldPattern: [PatternID: PatternState] = [:]
  private var oldFactor: [FactorID: LevelID?] = [:]
  private var oldMeasure: [MeasureID: FixedDecimal?] = [:]

  /// Records only when given an engine; the first evaluation of a new engine reports nothing.
  init(engine: Engine?) {
    active = engine != nil
  }

  private mutating func first(_ item: Item) -> Bool {
    guard active, seen.insert(item).inserted else { return false }
    touched.append(item)
    return true
  }

  mutating func touchRule(_ rule: RuleID, was truth: Truth) {
    if first(.rule(rule)) { oldRule[rule] = truth }
  }

  mutating func touchFact(_ fact: FactID, was truth: Truth) {
    if first(.fact(fact)) { oldFact[fact] = truth }
  }

  mutating func touchPattern(_ pattern: PatternID, was state: PatternState) {
    if first(.pattern(pattern)) { oldPattern[pattern] = state }
  }

  mutating func touchFactor(_ factor: FactorID, was level: LevelID?) {
    if first(.factor(factor)) { oldFactor[factor] = level }
  }

  mutating func touchMeasure(_ measure: MeasureID, was weight: FixedDecimal?) {
    if first(.measure(measure)) { oldMeasure[measure] = weight }
  }

  func events(comparedWith engine: Engine) -> [EngineEvent] {
    var events: [EngineEvent] = []
    for item in touched {
      switch item {
      case .rule(let rule):
        let was = oldRule[rule] == .true
        let now = engine.ruleTruth[rule] == .true
        if was != now { events.append(now ? .ruleFired(rule: rule) : .ruleRetracted(rule: rule)) }
      case .fact(let fact):
        if let was = oldFact[fact], was != engine.factTruth[fact] {
          events.append(.factChanged(fact: fact, from: was, to: engine.factTruth[fact]))
        }
      case .pattern(let pattern):
        if let was = oldPattern[pattern], was != engine.patternState[pattern] {
          events.append(.patternChanged(pattern: pattern, from: was, to: engine.patternState[pattern]))
        }
      case .factor(let factor):
        if let was = oldFactor[factor], was != engine.factorLevel[factor] {
          events.append(.factorChanged(factor: factor, from: was, to: engine.factorLevel[factor]))
        }
      case .measure(let measure):
        guard let was = oldMeasure[measure] else { continue }
        let now: FixedDecimal? = engine.isRecommended(measure) ? engine.measureWeight[measure] : nil
        switch (was, now) {
        case (nil, .some): events.append(.measureRecommended(measure: measure))
        case (.some, nil): events.append(.measureDropped(measure: measure))
        case (.some(let a), .some(let b)) where a != b:
          events.append(.measureWeightChanged(measure: measure, from: a, to: b))
        default: break
        }
      }
    }
    return events
  }
}
