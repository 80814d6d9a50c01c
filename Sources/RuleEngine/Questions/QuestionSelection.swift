import KnowledgeBase
import RuleLanguage

/// What an open question could still decide, and how much that weighs.
public struct QuestionImpact: Sendable, Equatable {
  public var question: QuestionID
  /// The weight of the undecided conclusions its answer could decide.
  public var score: FixedDecimal
  /// Undecided rules that read the question, directly or through undecided derived facts.
  public var rules: [RuleID]
  public var measures: [MeasureID]
  public var patterns: [PatternID]
  public var factors: [FactorID]
}

extension Engine {
  /// Whether the question should be asked: its relevance condition is true, or undetermined while
  /// a question it reads can still be answered. A question presupposes only what can still be
  /// established: once its presupposition was answered *weiß nicht* (or is itself never asked),
  /// the follow-up is not asked either.
  public func isRelevant(_ question: QuestionID) -> Bool {
    isRelevant(question, depth: 0)
  }

  private func isRelevant(_ question: QuestionID, depth: Int) -> Bool {
    guard let relevance = knowledgeBase.questions[question].relevance else { return true }
    switch evaluate(relevance) {
    case .true: return true
    case .false: return false
    case .undetermined:
      let reads = ConditionReads(relevance)
      guard depth < 16, reads.readsOnlyQuestions else { return true }
      return reads.questions.contains { $0 != question && answers[$0] == nil && isRelevant($0, depth: depth + 1) }
    }
  }

  /// Relevant questions without an answer, in declaration order.
  public var openQuestions: [QuestionID] {
    knowledgeBase.questions.indices.filter { answers[$0] == nil && isRelevant($0) }
  }

  /// Whether the pattern's state could still change with the undecided rules giving evidence.
  func patternIsUndecided(_ pattern: PatternID) -> Bool {
    var low = patternScore[pattern]
    var high = patternScore[pattern]
    for rule in knowledgeBase.dependencies.patternWriters[pattern] where ruleTruth[rule] == .undetermined {
      for conclusion in knowledgeBase.rules[rule].conclusions {
        guard case .evidence(pattern, let points) = conclusion.kind else { continue }
        if points > .zero { high += points } else { low += points }
      }
    }
    let item = knowledgeBase.patterns[pattern]
    return Self.state(of: low, item) != Self.state(of: high, item)
  }

  /// The undecided conclusions an answer to the question could decide, weighted: a measure by
  /// the weight the rule would give it, a pattern by the points while its state is still open,
  /// a factor assessment by one. A question that decides whether other open questions are asked
  /// (their relevance reads it and is still open) also weighs what those questions decide.
  public func impact(of question: QuestionID) -> QuestionImpact {
    var result = directImpact(of: question)
    for dependent in knowledgeBase.dependencies.relevanceReaders[question]
    where dependent != question && answers[dependent] == nil {
      guard let relevance = knowledgeBase.questions[dependent].relevance, evaluate(relevance) == .undetermined else {
        continue
      }
      result.score += directImpact(of: dependent).score
    }
    return result
  }

  /// What the question's own answer decides, without the questions it makes relevant.
  func directImpact(of question: QuestionID) -> QuestionImpact {
    let deps = knowledgeBase.dependencies
    var rules: [RuleID] = []
    var seenRules = Set<RuleID>()
    var seenFacts = Set<FactID>()
    var work = deps.questionReaders[question]
    var score = FixedDecimal.zero
    var measures = Set<MeasureID>()
    var patterns = Set<PatternID>()
    var factors = Set<FactorID>()
    while let rule = work.popLast() {
      guard ruleTruth[rule] == .undetermined, seenRules.insert(rule).inserted else { continue }
      rules.append(rule)
      for conclusion in knowledgeBase.rules[rule].conclusions {
        switch conclusion.kind {
        case .derive(let fact):
          if factTruth[fact] == .undetermined, seenFacts.insert(fact).inserted {
            work += deps.factReaders[fact]
          }
        case .recommend(let measure, let weight):
          score += knowledgeBase.priority.weight * weight
          measures.insert(measure)
        case .evidence(let pattern, let points):
          if patternIsUndecided(pattern) {
            score += FixedDecimal(hundredths: abs(points.hundredths))
            patterns.insert(pattern)
          }
        case .assess(let factor, _):
          score += FixedDecimal(1)
          factors.insert(factor)
        }
      }
    }
    return QuestionImpact(
      question: question, score: score, rules: rules.sorted(), measures: measures.sorted(),
      patterns: patterns.sorted(), factors: factors.sorted())
  }

  /// The open questions the dialogue no longer needs, as `weiter` offers them once the top of the
  /// advice is settled: first those whose answer can still decide something further down the
  /// advice or in the profile, weightiest first, then the rest; among equals the first declared.
  public func optionalQuestions(excluding excluded: Set<QuestionID> = []) -> [QuestionID] {
    openQuestions.filter { !excluded.contains($0) }
      .map { (question: $0, score: impact(of: $0).score) }
      .sorted { $0.score != $1.score ? $0.score > $1.score : $0.question < $1.question }
      .map(\.question)
  }
}
