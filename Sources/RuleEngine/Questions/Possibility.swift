import KnowledgeBase
import RuleLanguage

/// What the open answers can still do: for every rule whether some completion of the open
/// questions can make it true (or false), and from that the range every conclusion can reach.
///
/// A question is open when it is unanswered and its relevance is not false; an answer of
/// *weiß nicht* and an irrelevant question are final, so a comparison over them stays
/// undetermined for good and never lets a rule fire. The analysis over-approximates: it treats
/// the parts of a condition as independent, so what it calls impossible is impossible, while
/// some of what it calls possible may not be. That is what makes a stop on it sound.
///
/// The engine decides a rule that reads a pattern state or a factor level on the state and level
/// as they stand, so such a rule — and every rule reading a fact one of them derives — is
/// *volatile*: its truth can still change while any answer moves the pattern or the factor. The
/// analysis re-evaluates volatile rules like undecided ones, in both directions.
public struct Possibility: Sendable {
  /// Per rule: some completion makes it true.
  public private(set) var canFire: IDArray<CompiledRule, Bool>
  /// Per rule: some completion makes it false (or keeps it from firing).
  public private(set) var canFail: IDArray<CompiledRule, Bool>
  var factCanHold: IDArray<DerivedFact, Bool>
  var factCanFail: IDArray<DerivedFact, Bool>
  /// Per pattern: the lowest and highest state its score can reach.
  public private(set) var patternStates: IDArray<Pattern, (low: PatternState, high: PatternState)>
  /// Per factor: the levels it can end at, as a bit set over level indices.
  var factorLevels: IDArray<Factor, UInt64>
  /// Per question: open, i.e. its answer can still come.
  public let open: IDArray<Question, Bool>
  /// Per rule: decided by the engine on a pattern state or factor level that may still move.
  public let volatile: IDArray<CompiledRule, Bool>
  /// Per fact: derived by a volatile rule.
  let volatileFact: IDArray<DerivedFact, Bool>

  init(_ engine: Engine) {
    let kb = engine.knowledgeBase
    open = IDArray(kb.questions.indices.map { engine.answers[$0] == nil && engine.isRelevant($0) })
    (volatile, volatileFact) = Self.volatility(kb)
    let volatile = volatile
    let volatileFact = volatileFact
    canFire = IDArray(engine.ruleTruth.indices.map { engine.ruleTruth[$0] != .false || volatile[$0] })
    canFail = IDArray(engine.ruleTruth.indices.map { engine.ruleTruth[$0] != .true || volatile[$0] })
    factCanHold = IDArray(engine.factTruth.indices.map { engine.factTruth[$0] != .false || volatileFact[$0] })
    factCanFail = IDArray(engine.factTruth.indices.map { engine.factTruth[$0] != .true || volatileFact[$0] })
    patternStates = IDArray(engine.patternState.map { ($0, $0) })
    factorLevels = IDArray(repeating: 0, for: kb.factors)
    // Start from "everything undetermined can go either way" and narrow until nothing changes:
    // the greatest fixpoint, which over-approximates every completion's result.
    widenConclusions(engine)
    var passes = 0
    while passes < 32 {
      passes += 1
      var changed = false
      for rule in kb.rules.indices where engine.ruleTruth[rule] == .undetermined || volatile[rule] {
        let (fire, fail) = value(of: kb.rules[rule].condition, engine)
        if fire != canFire[rule] || fail != canFail[rule] {
          canFire[rule] = fire
          canFail[rule] = fail
          changed = true
        }
      }
      let before = (factCanHold, factCanFail, factorLevels)
      let states = patternStates
      widenConclusions(engine)
      if before.0 != factCanHold || before.1 != factCanFail || before.2 != factorLevels {
        changed = true
      }
      if !zip(states, patternStates).allSatisfy({ $0.low == $1.low && $0.high == $1.high }) { changed = true }
      if !changed { break }
    }
  }

  /// Recomputes facts, patterns and factors from the rules' current possibilities.
  private mutating func widenConclusions(_ engine: Engine) {
    let kb = engine.knowledgeBase
    let deps = kb.dependencies
    for fact in kb.facts.indices where engine.factTruth[fact] == .undetermined || volatileFact[fact] {
      let writers = deps.factWriters[fact]
      factCanHold[fact] = writers.contains { canFire[$0] }
      factCanFail[fact] = writers.allSatisfy { canFail[$0] }
    }
    for pattern in kb.patterns.indices {
      var low = engine.patternScore[pattern]
      var high = low
      for rule in deps.patternWriters[pattern] {
        // Points a rule can still add, or (a volatile rule that holds now) take away again.
        let adds = engine.ruleTruth[rule] != .true && canFire[rule]
        let removes = engine.ruleTruth[rule] == .true && volatile[rule] && canFail[rule]
        guard adds || removes else { continue }
        for conclusion in kb.rules[rule].conclusions {
          guard case .evidence(pattern, let points) = conclusion.kind else { continue }
          let change = adds ? points : FixedDecimal.zero - points
          if change > .zero { high += change } else { low += change }
        }
      }
      patternStates[pattern] = (
        Engine.state(of: low, kb.patterns[pattern]), Engine.state(of: high, kb.patterns[pattern])
      )
    }
    for factor in kb.factors.indices {
      let current = engine.factorLevel[factor]
      var levels: UInt64 = current.map { 1 << UInt64($0.index) } ?? 0
      var canStayNone = current == nil
      let writers = deps.factorWriters[factor]
      // A volatile assessment that holds now may lapse; then any level a rule can still give, or
      // none, is possible.
      let currentMayLapse = writers.contains { engine.ruleTruth[$0] == .true && volatile[$0] && canFail[$0] }
      if currentMayLapse {
        levels = 0
        canStayNone = true
      }
      for rule in writers where engine.ruleTruth[rule] != .true || currentMayLapse {
        guard canFire[rule] else { continue }
        for conclusion in kb.rules[rule].conclusions {
          guard case .assess(factor, let level) = conclusion.kind else { continue }
          // Levels run from worst to best; the worst firing assessment decides.
          if currentMayLapse || (current.map({ level < $0 }) ?? true) { levels |= 1 << UInt64(level.index) }
        }
      }
      if levels == 0 { canStayNone = true }
      factorLevels[factor] = levels | (canStayNone ? Self.noLevel : 0)
    }
  }

  /// Rules that read a pattern or a factor, and, through the facts they derive, the rules that
  /// read those facts.
  static func volatility(_ kb: KnowledgeBase) -> (rules: IDArray<CompiledRule, Bool>, facts: IDArray<DerivedFact, Bool>)
  {
    let deps = kb.dependencies
    var rules = IDArray<CompiledRule, Bool>(repeating: false, for: kb.rules)
    for readers in deps.patternReaders.elements + deps.factorReaders.elements {
      for rule in readers { rules[rule] = true }
    }
    var facts = IDArray<DerivedFact, Bool>(repeating: false, for: kb.facts)
    var changed = true
    while changed {
      changed = false
      for fact in kb.facts.indices where !facts[fact] && deps.factWriters[fact].contains(where: { rules[$0] }) {
        facts[fact] = true
        changed = true
        for rule in deps.factReaders[fact] { rules[rule] = true }
      }
    }
    return (rules, facts)
  }

  /// The bit that stands for "no assessment".
  static let noLevel: UInt64 = 1 << 63

  /// Whether some completion makes the condition true, and whether some makes it false.
  func value(of condition: CompiledCondition, _ engine: Engine) -> (fire: Bool, fail: Bool) {
    switch condition {
    case .number(let question, _, _), .option(let question, _, _), .includes(let question, _, _),
      .answered(let question, _):
      if engine.answers[question] != nil || !open[question] {
        let truth = engine.evaluate(condition)
        return (truth == .true, truth == .false)
      }
      return (true, true)
    case .fact(let fact):
      return (factCanHold[fact], factCanFail[fact])
    case .pattern(let pattern, let test):
      let required: PatternState = test == .suspected ? .suspected : .established
      let range = patternStates[pattern]
      return (range.high >= required, range.low < required)
    case .factor(let factor, let levels):
      let possible = factorLevels[factor] & ~Self.noLevel
      return (possible & levels != 0, possible & ~levels != 0)
    case .not(let inner):
      let value = value(of: inner, engine)
      return (value.fail, value.fire)
    case .and(let parts):
      var result = (fire: true, fail: false)
      for part in parts {
        let value = value(of: part, engine)
        result.fire = result.fire && value.fire
        result.fail = result.fail || value.fail
      }
      return result
    case .or(let parts):
      var result = (fire: false, fail: true)
      for part in parts {
        let value = value(of: part, engine)
        result.fire = result.fire || value.fire
        result.fail = result.fail && value.fail
      }
      return result
    }
  }

  /// Whether the factor can end without an assessment.
  func factorCanStayUnassessed(_ factor: FactorID) -> Bool { factorLevels[factor] & Self.noLevel != 0 }

  /// The levels the factor can end at.
  func possibleLevels(_ factor: FactorID) -> [LevelID] {
    (0..<63).filter { factorLevels[factor] & (1 << UInt64($0)) != 0 }.map(LevelID.init)
  }
}

extension Engine {
  /// What the open answers can still change; see `Possibility`.
  public var possibility: Possibility { Possibility(self) }
}
