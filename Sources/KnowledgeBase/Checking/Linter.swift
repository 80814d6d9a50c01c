import RuleLanguage

/// Finds what is legal but almost certainly a mistake: rules that can never fire, and
/// questions, measures, facts, factors and sources nothing uses.
struct Linter {
  let knowledgeBase: KnowledgeBase
  let sites: [EntityKind: [DiagnosticSite]]
  let citedSources: Set<String>
  var diagnostics: [Diagnostic] = []

  private mutating func warn<Entity>(_ message: KnowledgeMessage, _ kind: EntityKind, _ id: ID<Entity>) {
    guard let site = sites[kind]?[id.index] else { return }
    diagnostics.append(Diagnostic(message.message, at: site))
  }

  mutating func run() {
    let kb = knowledgeBase
    let deps = kb.dependencies

    // Which rules can fire at all, given which facts and pattern states are reachable.
    var possible = IDArray<CompiledRule, Bool>(repeating: true, for: kb.rules)
    var reasons = IDArray<CompiledRule, String?>(repeating: nil, for: kb.rules)
    var changed = true
    while changed {
      changed = false
      let analysis = Reachability(knowledgeBase: kb, possibleRules: possible)
      for index in kb.rules.indices where possible[index] {
        if let reason = analysis.impossibility(of: kb.rules[index].condition) {
          possible[index] = false
          reasons[index] = reason
          changed = true
        }
      }
    }
    for index in kb.rules.indices {
      if let reason = reasons[index] {
        warn(.ruleNeverFires(rule: kb.rules[index].id, reason: reason), .rule, index)
      }
    }

    var usedQuestions = Set<QuestionID>()
    for rule in kb.rules { usedQuestions.formUnion(ConditionReads(rule.condition).questions) }
    for question in kb.questions {
      if let relevance = question.relevance { usedQuestions.formUnion(ConditionReads(relevance).questions) }
    }
    if let phase = kb.priority.phaseQuestion { usedQuestions.insert(phase) }
    usedQuestions.formUnion(kb.terms.map(\.question))
    for index in kb.questions.indices where !usedQuestions.contains(index) {
      warn(.unusedQuestion(kb.questions[index].id), .question, index)
    }
    for index in kb.measures.indices where deps.measureWriters[index].isEmpty {
      warn(.unrecommendedMeasure(kb.measures[index].id), .measure, index)
    }
    for index in kb.facts.indices where deps.factWriters[index].isEmpty {
      warn(.underivedFact(kb.facts[index].id), .fact, index)
    }
    for index in kb.factors.indices where deps.factorWriters[index].isEmpty {
      warn(.factorNeverAssessed(kb.factors[index].id), .factor, index)
    }
    for (index, pattern) in kb.patterns.entries {
      let possiblePoints = Reachability.maximumPoints(kb, pattern: index, possibleRules: possible)
      if possiblePoints < pattern.suspected {
        warn(
          .unreachableThreshold(
            pattern: pattern.id, threshold: "suspected", needed: pattern.suspected.description,
            possible: possiblePoints.description), .pattern, index)
      } else if possiblePoints < pattern.established {
        warn(
          .unreachableThreshold(
            pattern: pattern.id, threshold: "established", needed: pattern.established.description,
            possible: possiblePoints.description), .pattern, index)
      }
    }
    for (index, measure) in kb.measures.entries {
      let backed = measure.sourceIDs.contains { id in
        guard let source = kb.sourceIndex[id].map({ kb.sources[$0] }) else { return false }
        return source.verified && source.kind.isAuthoritative
      }
      if !backed { warn(.measureWithoutBacking(measure.id), .measure, index) }
    }
    for index in kb.situationKinds {
      let count = kb.acuteMeasures(of: index).count
      if count < KnowledgeBase.minimumAcuteMeasures {
        warn(
          .tooFewAcuteMeasures(kb.patterns[index].id, count: count, minimum: KnowledgeBase.minimumAcuteMeasures),
          .pattern, index)
      }
    }
    for (index, source) in kb.sources.entries where !citedSources.contains(source.id) {
      warn(.uncitedSource(source.id), .source, index)
    }
  }
}

/// Decides conservatively whether a condition can ever be true.
struct Reachability {
  let knowledgeBase: KnowledgeBase
  let possibleRules: IDArray<CompiledRule, Bool>

  static func maximumPoints(
    _ kb: KnowledgeBase, pattern: PatternID, possibleRules: IDArray<CompiledRule, Bool>
  ) -> FixedDecimal {
    var total = FixedDecimal.zero
    for rule in kb.dependencies.patternWriters[pattern] where possibleRules[rule] {
      for conclusion in kb.rules[rule].conclusions {
        if case .evidence(pattern, let points) = conclusion.kind, points > .zero { total += points }
      }
    }
    return total
  }

  /// Why the condition can never hold, or nil when it might.
  func impossibility(of condition: CompiledCondition) -> String? {
    let kb = knowledgeBase
    switch condition {
    case .fact(let fact):
      let derivable = kb.dependencies.factWriters[fact].contains { possibleRules[$0] }
      return derivable ? nil : "no rule can derive fact '\(kb.facts[fact].id)'"
    case .pattern(let index, let state):
      let pattern = kb.patterns[index]
      let threshold = state == .suspected ? pattern.suspected : pattern.established
      let maximum = Self.maximumPoints(kb, pattern: index, possibleRules: possibleRules)
      return maximum >= threshold
        ? nil : "pattern '\(pattern.id)' can never be \(state.rawValue)"
    case .factor(let factor, let levels):
      var reachable: UInt64 = 0
      for rule in kb.dependencies.factorWriters[factor] where possibleRules[rule] {
        for conclusion in kb.rules[rule].conclusions {
          if case .assess(factor, let level) = conclusion.kind { reachable |= 1 << UInt64(level.index) }
        }
      }
      return reachable & levels != 0
        ? nil : "no rule can assess factor '\(kb.factors[factor].id)' at the tested levels"
    case .option(_, let options, let negated):
      return !negated && options == 0 ? "no value is allowed" : nil
    case .or(let parts):
      let reasons = parts.map(impossibility)
      return reasons.allSatisfy { $0 != nil } ? reasons.compactMap { $0 }.joined(separator: ", and ") : nil
    case .and(let parts):
      for part in parts {
        if let reason = impossibility(of: part) { return reason }
      }
      return contradiction(in: parts)
    case .number(let question, let op, let value):
      return interval(question).applying(op, value).isEmpty
        ? "'\(kb.questions[question].id)' can never be \(op.rawValue) \(value)" : nil
    case .includes, .answered, .not:
      return nil
    }
  }

  private func interval(_ question: QuestionID) -> NumberInterval {
    let q = knowledgeBase.questions[question]
    return NumberInterval(
      lower: q.minimum ?? FixedDecimal(hundredths: Int.min / 2), lowerOpen: false,
      upper: q.maximum ?? FixedDecimal(hundredths: Int.max / 2), upperOpen: false)
  }

  /// Contradictory tests on the same question within one conjunction.
  private func contradiction(in parts: [CompiledCondition]) -> String? {
    var intervals: [QuestionID: NumberInterval] = [:]
    var options: [QuestionID: UInt64] = [:]
    for part in parts {
      switch part {
      case .number(let question, let op, let value):
        let current = intervals[question] ?? interval(question)
        if op == .notEqual { continue }
        let next = current.applying(op, value)
        if next.isEmpty {
          return "the tests of '\(knowledgeBase.questions[question].id)' contradict each other"
        }
        intervals[question] = next
      case .option(let question, let mask, let negated):
        let all = ConditionCompiler.allBits(knowledgeBase.questions[question].options.count)
        let allowed = (options[question] ?? all) & (negated ? ~mask & all : mask)
        if allowed == 0 {
          return "the tests of '\(knowledgeBase.questions[question].id)' contradict each other"
        }
        options[question] = allowed
      default:
        continue
      }
    }
    return nil
  }
}

/// An interval of numbers, for finding comparisons that cannot all hold.
struct NumberInterval {
  var lower: FixedDecimal
  var lowerOpen: Bool
  var upper: FixedDecimal
  var upperOpen: Bool

  var isEmpty: Bool { lower > upper || (lower == upper && (lowerOpen || upperOpen)) }

  func applying(_ op: ComparisonOperator, _ value: FixedDecimal) -> NumberInterval {
    var result = self
    switch op {
    case .equal:
      result = result.applying(.greaterEqual, value).applying(.lessEqual, value)
    case .notEqual:
      break
    case .less, .lessEqual:
      let open = op == .less
      if value < upper || (value == upper && open) {
        result.upper = value
        result.upperOpen = open
      }
    case .greater, .greaterEqual:
      let open = op == .greater
      if value > lower || (value == lower && open) {
        result.lower = value
        result.lowerOpen = open
      }
    }
    return result
  }
}
