import KnowledgeBase
import RuleLanguage

/// How the advice differs between two states: after an answer, or for a hypothetical one.
public struct AdviceChange: Sendable, Equatable {
  public struct Move: Sendable, Equatable {
    public var measure: MeasureID
    /// 1-based ranks before and after.
    public var from: Int
    public var to: Int

    public init(measure: MeasureID, from: Int, to: Int) {
      self.measure = measure
      self.from = from
      self.to = to
    }
  }

  public var added: [MeasureID] = []
  /// For each added measure, the rules that recommend it afterwards, in declaration order.
  public var addedBy: [MeasureID: [RuleID]] = [:]
  public var dropped: [MeasureID] = []
  public var movedUp: [Move] = []
  public var movedDown: [Move] = []
  /// Measures whose priority changed without changing their rank.
  public var reprioritized: [(measure: MeasureID, from: FixedDecimal, to: FixedDecimal)] = []
  public var patterns: [(pattern: PatternID, from: PatternState, to: PatternState)] = []
  public var factors: [(factor: FactorID, from: LevelID?, to: LevelID?)] = []

  public var isEmpty: Bool {
    added.isEmpty && dropped.isEmpty && movedUp.isEmpty && movedDown.isEmpty && patterns.isEmpty
      && factors.isEmpty && reprioritized.isEmpty
  }

  /// No change; filled by callers that compare states the engine cannot (two knowledge bases).
  public init() {}

  public init(before: Engine, after: Engine) {
    let oldAdvice = before.advice()
    let newAdvice = after.advice()
    let old = oldAdvice.map(\.measure)
    let new = newAdvice.map(\.measure)
    let oldRank = Dictionary(uniqueKeysWithValues: old.enumerated().map { ($1, $0 + 1) })
    let newRank = Dictionary(uniqueKeysWithValues: new.enumerated().map { ($1, $0 + 1) })
    added = new.filter { oldRank[$0] == nil }
    for measure in added { addedBy[measure] = after.firingRules(for: .measure(measure)) }
    dropped = old.filter { newRank[$0] == nil }
    // A measure only counts as moved when it changed place relative to the measures kept in both
    // lists, not merely because another measure came or went above it.
    let kept = Set(old).intersection(new)
    let oldOrder = Dictionary(uniqueKeysWithValues: old.filter(kept.contains).enumerated().map { ($1, $0) })
    let newOrder = Dictionary(uniqueKeysWithValues: new.filter(kept.contains).enumerated().map { ($1, $0) })
    for measure in new where kept.contains(measure) {
      guard let before = oldOrder[measure], let after = newOrder[measure], before != after,
        let from = oldRank[measure], let to = newRank[measure]
      else { continue }
      let move = Move(measure: measure, from: from, to: to)
      if after < before { movedUp.append(move) } else { movedDown.append(move) }
    }
    let oldPriority = Dictionary(uniqueKeysWithValues: oldAdvice.map { ($0.measure, $0.priority) })
    for recommendation in newAdvice {
      guard let from = oldPriority[recommendation.measure], from != recommendation.priority,
        oldRank[recommendation.measure] == newRank[recommendation.measure]
      else { continue }
      reprioritized.append((recommendation.measure, from, recommendation.priority))
    }
    for pattern in before.knowledgeBase.patterns.indices
    where before.patternState[pattern] != after.patternState[pattern] {
      patterns.append((pattern, before.patternState[pattern], after.patternState[pattern]))
    }
    for factor in before.knowledgeBase.factors.indices where before.factorLevel[factor] != after.factorLevel[factor] {
      factors.append((factor, before.factorLevel[factor], after.factorLevel[factor]))
    }
  }

  public static func == (lhs: AdviceChange, rhs: AdviceChange) -> Bool {
    lhs.added == rhs.added && lhs.dropped == rhs.dropped && lhs.movedUp == rhs.movedUp
      && lhs.movedDown == rhs.movedDown && lhs.patterns.map(\.pattern) == rhs.patterns.map(\.pattern)
      && lhs.patterns.map(\.to) == rhs.patterns.map(\.to) && lhs.factors.map(\.factor) == rhs.factors.map(\.factor)
      && lhs.factors.map(\.to) == rhs.factors.map(\.to)
      && lhs.reprioritized.map(\.measure) == rhs.reprioritized.map(\.measure)
      && lhs.reprioritized.map(\.to) == rhs.reprioritized.map(\.to)
  }
}

extension Engine {
  /// The change in advice a hypothetical answer would bring, without committing it.
  public func whatIf(_ question: QuestionID, _ answer: Answer?) -> AdviceChange {
    var hypothetical = self
    hypothetical.listeners = []
    hypothetical.set(question, to: answer)
    return AdviceChange(before: self, after: hypothetical)
  }
}
