import KnowledgeBase
import RuleLanguage

/// How the consultation picks its next question: the situation first, then the question whose
/// possible answers can change the top of the advice the most, and no question once the top is
/// settled under every completion of the open answers.
public struct QuestionChoice: Sendable, Equatable {
  /// The question to ask, or nil when the top of the advice is settled.
  public var question: QuestionID?
  /// The stability of the top when the choice was made.
  public var stability: AdviceStability
}

extension Engine {
  /// How many candidate questions `chooseQuestion` tries answer by answer.
  static let questionsTried = 12

  /// The next question of the dialogue; see `QuestionChoice`.
  ///
  /// 1. Open situation questions (`ask_first`) in declaration order, then the question that can
  ///    best confirm a situation that is suspected but not yet established (`confirmingQuestion`).
  /// 2. While some measure can still enter the top, the open question whose answers, tried one
  ///    by one on a copy of the engine, move the most measures into or out of the top and leave
  ///    the fewest challengers on average; among equals one of the group asked last, then the
  ///    first declared.
  /// 3. Nil when no completion of all open answers can change the top and nothing named is left
  ///    to confirm.
  public func chooseQuestion(
    preferringGroup group: GroupID? = nil, excluding excluded: Set<QuestionID> = []
  ) -> QuestionChoice {
    let possibility = possibility
    let stability = stability(possibility)
    let candidates = knowledgeBase.questions.indices.filter {
      possibility.open[$0] && !excluded.contains($0)
    }
    if let first = candidates.first(where: { knowledgeBase.questions[$0].asksFirst }) {
      return QuestionChoice(question: first, stability: stability)
    }
    // The situation comes first: a named situation is confirmed (or not) before side topics, and
    // also when the top no longer depends on it.
    if let confirming = confirmingQuestion(possibility, among: candidates) {
      return QuestionChoice(question: presupposition(of: confirming, among: candidates), stability: stability)
    }
    guard !stability.isStable else { return QuestionChoice(question: nil, stability: stability) }
    let targets = Set(stability.challengers + stability.contested)
    let reach = questionsReaching(targets, possibility)
    let thresholds = numberThresholds()
    var copy = self
    copy.listeners = []
    // Trying every answer of every question costs; the questions that reach the most contested
    // measures are tried, and always those that can still decide a pattern, since a recognised
    // situation is what its measures wait for (a factor question reaches many measures, a pattern
    // question few, yet the latter moves them the most).
    let deciding = patternDecidingQuestions(possibility)
    let tried =
      candidates.filter { (reach[$0] ?? 0) > 0 }
      .sorted { (reach[$0] ?? 0) != (reach[$1] ?? 0) ? (reach[$0] ?? 0) > (reach[$1] ?? 0) : $0 < $1 }
      .prefix(Self.questionsTried) + candidates.filter { deciding.contains($0) && (reach[$0] ?? 0) > 0 }
    var seen = Set<QuestionID>()
    var best: (score: Double, reach: Int, sameGroup: Bool, question: QuestionID)?
    for question in tried where seen.insert(question).inserted {
      let reached = reach[question] ?? 0
      let answers = representativeAnswers(of: question, thresholds: thresholds[question] ?? [])
      var total = 0.0
      for answer in answers {
        var trial = copy
        trial.set(question, to: answer)
        let after = trial.stability(trial.possibility)
        let entering = Set(after.top).subtracting(stability.top).count
        let moved = zip(after.top, stability.top).filter { $0 != $1 }.count
        let settled = stability.challengers.count - after.challengers.count
        total += Double(4 * entering + settled) + 0.1 * Double(moved)
      }
      let score = answers.isEmpty ? 0 : total / Double(answers.count)
      let sameGroup = group == knowledgeBase.questions[question].group
      if let current = best {
        if score < current.score { continue }
        if score == current.score {
          if reached < current.reach { continue }
          if reached == current.reach, !sameGroup || current.sameGroup { continue }
        }
      }
      best = (score, reached, sameGroup, question)
    }
    return QuestionChoice(
      question: best.map { presupposition(of: $0.question, among: candidates) }, stability: stability)
  }

  /// The question itself, or — while its relevance is still open — the open question its relevance
  /// reads, so that a follow-up is asked only once what it presupposes is established ("Ist der
  /// Stab einberufen?" before "Seit wie vielen Monaten tagt er?").
  func presupposition(of question: QuestionID, among candidates: [QuestionID]) -> QuestionID {
    var current = question
    for _ in 0..<8 {
      guard let relevance = knowledgeBase.questions[current].relevance, evaluate(relevance) == .undetermined,
        case let reads = ConditionReads(relevance), reads.readsOnlyQuestions,
        let input = reads.questions.first(where: { $0 != current && candidates.contains($0) })
      else { return current }
      current = input
    }
    return current
  }

  /// The open question whose answer can give the most evidence to a pattern that is suspected
  /// and can still become established; among equals the first declared. A named situation is
  /// confirmed before the dialogue stops, even where the top of the advice no longer depends on it.
  func confirmingQuestion(_ possibility: Possibility, among candidates: [QuestionID]) -> QuestionID? {
    let kb = knowledgeBase
    var gains: [RuleID: FixedDecimal] = [:]
    for pattern in kb.patterns.indices
    where patternState[pattern] == .suspected && possibility.patternStates[pattern].high == .established {
      for rule in kb.dependencies.patternWriters[pattern]
      where ruleTruth[rule] == .undetermined && possibility.canFire[rule] {
        for conclusion in kb.rules[rule].conclusions {
          if case .evidence(pattern, let value) = conclusion.kind, value > .zero {
            gains[rule, default: .zero] += value
          }
        }
      }
    }
    guard !gains.isEmpty else { return nil }
    let points: (QuestionID) -> FixedDecimal = { question in
      Set(kb.dependencies.questionReaders[question]).reduce(FixedDecimal.zero) {
        $0 + (gains[$1] ?? .zero)
      }
    }
    let scored = candidates.map { (question: $0, points: points($0)) }.filter { $0.points > .zero }
    return scored.max { a, b in a.points != b.points ? a.points < b.points : a.question > b.question }?.question
  }

  /// Per open question, how many of the target measures an answer to it can still reach, through
  /// rules that can fire and the facts, patterns and factors they conclude, and through the
  /// questions whose relevance it decides.
  func questionsReaching(_ targets: Set<MeasureID>, _ possibility: Possibility) -> [QuestionID: Int] {
    let kb = knowledgeBase
    let deps = kb.dependencies
    var result: [QuestionID: Int] = [:]
    var cache: [QuestionID: Set<MeasureID>] = [:]
    func measures(fromQuestion question: QuestionID) -> Set<MeasureID> {
      if let known = cache[question] { return known }
      var found = Set<MeasureID>()
      var seenRules = Set<RuleID>()
      var work = deps.questionReaders[question]
      while let rule = work.popLast() {
        guard ruleTruth[rule] == .undetermined || possibility.volatile[rule], seenRules.insert(rule).inserted else {
          continue
        }
        guard possibility.canFire[rule] || possibility.canFail[rule] else { continue }
        for conclusion in kb.rules[rule].conclusions {
          switch conclusion.kind {
          case .derive(let fact): work += deps.factReaders[fact]
          case .evidence(let pattern, _): work += deps.patternReaders[pattern]
          case .assess(let factor, _):
            work += deps.factorReaders[factor]
            for measure in kb.measures.indices where kb.measures[measure].factorIDs.contains(kb.factors[factor].id) {
              found.insert(measure)
            }
          case .recommend(let measure, _): found.insert(measure)
          }
        }
      }
      cache[question] = found
      return found
    }
    for question in kb.questions.indices where possibility.open[question] {
      var found = measures(fromQuestion: question)
      for dependent in deps.relevanceReaders[question]
      where dependent != question && possibility.open[dependent] {
        found.formUnion(measures(fromQuestion: dependent))
      }
      result[question] = found.intersection(targets).count
    }
    return result
  }

  /// Open questions read by a rule that can still fire and gives evidence to a pattern whose state
  /// is still open and that some measure names.
  func patternDecidingQuestions(_ possibility: Possibility) -> Set<QuestionID> {
    let kb = knowledgeBase
    let named = Set(kb.measures.flatMap(\.patternIDs).compactMap { kb.patternIndex[$0] })
    var rules = Set<RuleID>()
    for pattern in named where possibility.patternStates[pattern].low != possibility.patternStates[pattern].high {
      for rule in kb.dependencies.patternWriters[pattern]
      where ruleTruth[rule] == .undetermined && possibility.canFire[rule] {
        rules.insert(rule)
      }
    }
    return Set(
      kb.questions.indices.filter { question in
        possibility.open[question] && kb.dependencies.questionReaders[question].contains(where: rules.contains)
      })
  }

  /// The constants each number question is compared with, in rules and relevance conditions.
  func numberThresholds() -> [QuestionID: Set<FixedDecimal>] {
    var result: [QuestionID: Set<FixedDecimal>] = [:]
    func collect(_ condition: CompiledCondition) {
      switch condition {
      case .number(let question, _, let value): result[question, default: []].insert(value)
      case .not(let inner): collect(inner)
      case .and(let parts), .or(let parts): parts.forEach(collect)
      default: break
      }
    }
    for rule in knowledgeBase.rules { collect(rule.condition) }
    for question in knowledgeBase.questions { question.relevance.map(collect) }
    return result
  }

  /// Answers that stand for every way the question can be answered: each option (each single
  /// option of a several-of question, and none), and for numbers a value on each side of every
  /// constant the rules compare with.
  func representativeAnswers(of question: QuestionID, thresholds: Set<FixedDecimal>) -> [Answer] {
    let item = knowledgeBase.questions[question]
    switch item.type {
    case .yesno, .choice:
      return item.options.indices.map { .option($0) }
    case .multi:
      return [.options(0)] + item.options.indices.prefix(63).map { .options(1 << UInt64($0)) }
    case .number, .scale:
      let step = FixedDecimal(1)
      var values = Set<FixedDecimal>()
      for constant in thresholds {
        values.insert(constant)
        values.insert(constant - step)
        values.insert(constant + step)
      }
      if let minimum = item.minimum { values.insert(minimum) }
      if let maximum = item.maximum { values.insert(maximum) }
      let fitting = values.map { Answer.number($0) }.filter { $0.fits(item) }
      return fitting.sorted { a, b in
        guard case .number(let x) = a, case .number(let y) = b else { return false }
        return x < y
      }
    }
  }
}

extension Engine {
  /// An upper bound on the questions the dialogue can still ask: the open questions that an
  /// undecided or volatile rule reads (a rule on a pattern or factor can be undecided again when
  /// the pattern moves), or on which the relevance of another open question depends. Answers only
  /// decide rules and settle relevance, so the bound never rises while answers are added.
  public var remainingQuestionBound: Int {
    let deps = knowledgeBase.dependencies
    let possibility = possibility
    return knowledgeBase.questions.indices.filter { question in
      guard possibility.open[question] else { return false }
      if deps.questionReaders[question].contains(where: {
        ruleTruth[$0] == .undetermined || possibility.volatile[$0]
      }) {
        return true
      }
      return deps.relevanceReaders[question].contains { dependent in
        return dependent != question && possibility.open[dependent]
          && knowledgeBase.questions[dependent].relevance.map { evaluate($0) == .undetermined } == true
      }
    }.count
  }
}
