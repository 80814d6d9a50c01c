import KnowledgeBase
import RuleLanguage

/// Why a rule fired (or did not): its condition part by part, and for every derived fact the
/// condition reads, that fact's own justification — down to the answers.
public struct RuleJustification: Sendable {
  public var rule: RuleID
  public var condition: ConditionTrace
  /// The justifications of the derived facts the condition reads, by fact.
  public var facts: [FactJustification]
}

/// How a derived fact stands, and the rules that decide it.
public struct FactJustification: Sendable {
  public var fact: FactID
  public var truth: Truth
  /// The rules deriving the fact whose condition has the fact's truth (the firing ones when it
  /// holds; all of them when it does not).
  public var rules: [RuleJustification]
}

/// A rule that could recommend a measure but does not, with what stops it.
public struct BlockedRule: Sendable {
  public var rule: RuleID
  public var truth: Truth
  /// The first part of its condition that is false or still open.
  public var blocker: ConditionTrace
  public var justification: RuleJustification
}

extension Engine {
  /// The rule's condition and, recursively, the facts it reads.
  public func justify(rule: RuleID) -> RuleJustification {
    var visiting = Set<FactID>()
    return justify(rule: rule, visiting: &visiting)
  }

  /// The fact's truth and the rules that decide it, recursively.
  public func justify(fact: FactID) -> FactJustification {
    var visiting = Set<FactID>()
    return justify(fact: fact, visiting: &visiting)
  }

  private func justify(rule: RuleID, visiting: inout Set<FactID>) -> RuleJustification {
    let condition = knowledgeBase.rules[rule].condition
    let read = Set(
      trace(condition).tests.compactMap { test -> FactID? in
        if case .fact(let fact) = test.condition { return fact }
        return nil
      }
    ).sorted()
    var facts: [FactJustification] = []
    for fact in read where !visiting.contains(fact) {
      facts.append(justify(fact: fact, visiting: &visiting))
    }
    return RuleJustification(rule: rule, condition: trace(condition), facts: facts)
  }

  private func justify(fact: FactID, visiting: inout Set<FactID>) -> FactJustification {
    visiting.insert(fact)
    defer { visiting.remove(fact) }
    let truth = factTruth[fact]
    let deciding = knowledgeBase.dependencies.factWriters[fact].filter {
      truth == .false || ruleTruth[$0] == truth
    }
    var rules: [RuleJustification] = []
    for rule in deciding.sorted() {
      rules.append(justify(rule: rule, visiting: &visiting))
    }
    return FactJustification(fact: fact, truth: truth, rules: rules)
  }

  /// The firing rules behind a recommended measure, a pattern's score or a factor's level.
  public func firingRules(for target: ConclusionTarget) -> [RuleID] {
    writers(of: target).filter { ruleTruth[$0] == .true }
  }

  /// Every rule that concludes something about the target, in declaration order.
  public func writers(of target: ConclusionTarget) -> [RuleID] {
    let deps = knowledgeBase.dependencies
    let list: [RuleID] =
      switch target {
      case .measure(let measure): deps.measureWriters[measure]
      case .pattern(let pattern): deps.patternWriters[pattern]
      case .factor(let factor): deps.factorWriters[factor]
      case .fact(let fact): deps.factWriters[fact]
      }
    return list.sorted()
  }

  /// For a measure that is not recommended: every rule that could recommend it and what stops it.
  public func whyNot(measure: MeasureID) -> [BlockedRule] {
    writers(of: .measure(measure)).compactMap { rule in
      let justification = justify(rule: rule)
      guard let blocker = justification.condition.blocker else { return nil }
      return BlockedRule(rule: rule, truth: ruleTruth[rule], blocker: blocker, justification: justification)
    }
  }
}

/// Something a rule can conclude about.
public enum ConclusionTarget: Hashable, Sendable {
  case measure(MeasureID)
  case pattern(PatternID)
  case factor(FactorID)
  case fact(FactID)
}
