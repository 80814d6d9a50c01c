import KnowledgeBase
import RuleEngine
import RuleLanguage

// The values the engine computes, named by the consultation so that front ends (shell, report,
// executable) render them without importing the engine or reading its arrays.
public typealias AdviceChange = RuleEngine.AdviceChange
public typealias AdviceSection = RuleEngine.AdviceSection
public typealias BlockedRule = RuleEngine.BlockedRule
public typealias ConclusionTarget = RuleEngine.ConclusionTarget
public typealias ConditionTrace = RuleEngine.ConditionTrace
public typealias EngineEvent = RuleEngine.EngineEvent
public typealias OpenPoint = RuleEngine.OpenPoint
public typealias PatternState = RuleEngine.PatternState
public typealias PriorityPartKind = RuleEngine.PriorityPartKind
public typealias QuestionChoice = RuleEngine.QuestionChoice
public typealias QuestionImpact = RuleEngine.QuestionImpact
public typealias Recommendation = RuleEngine.Recommendation
public typealias RecommendedConflict = RuleEngine.RecommendedConflict
public typealias RuleJustification = RuleEngine.RuleJustification
public typealias Truth = RuleEngine.Truth

/// What the consultation concludes from its answers, as values: the questions a front end may ask
/// of the domain, each answered from the current answers.
extension Consultation {
  /// How many places of the advice the dialogue settles (the top ten).
  public static var settledPlaces: Int { Engine.settledPlaces }

  // MARK: - Answers

  /// The current answer to a question; nil when unanswered.
  public func answer(_ question: QuestionID) -> Answer? { engine.answers[question] }

  /// The answered questions in the knowledge base's order.
  public var answeredQuestions: [QuestionID] { engine.answers.indices.filter { engine.answers[$0] != nil } }

  /// Whether any question is answered.
  public var hasAnswers: Bool { engine.answers.contains { $0 != nil } }

  /// An answer as a person reads it: option texts, numbers with their unit, „weiß nicht“.
  public func describe(_ answer: Answer?, of question: QuestionID) -> String { engine.describe(answer, of: question) }

  /// A German text with its `{term}` placeholders filled for the current answers.
  public func filled(_ raw: String) -> String { engine.filled(raw) }

  // MARK: - Conclusions

  public func patternState(_ pattern: PatternID) -> PatternState { engine.patternState[pattern] }
  public func patternScore(_ pattern: PatternID) -> FixedDecimal { engine.patternScore[pattern] }
  /// A pattern's score comes from at least one firing rule (an unmatched pattern has none).
  public func patternFires(_ pattern: PatternID) -> Bool {
    knowledgeBase.dependencies.patternWriters[pattern].contains { engine.ruleTruth[$0] == .true }
  }
  /// A factor's level (an index into the knowledge base's levels); nil when not assessed.
  public func factorLevel(_ factor: FactorID) -> LevelID? { engine.factorLevel[factor] }
  public func factTruth(_ fact: FactID) -> Truth { engine.factTruth[fact] }
  public var derivedFacts: [FactID] { engine.derivedFacts }
  /// Rules whose condition holds, in declaration order.
  public var firedRules: [RuleID] { engine.ruleTruth.indices.filter { engine.ruleTruth[$0] == .true } }

  // MARK: - Advice

  /// The recommended measures, ranked; see `Engine.advice(places:)`.
  public func advice(places: Int = Engine.settledPlaces) -> [Recommendation] { engine.advice(places: places) }
  public var recommendedMeasures: [MeasureID] { engine.recommendedMeasures }
  public func isRecommended(_ measure: MeasureID) -> Bool { engine.isRecommended(measure) }
  public func measureWeight(_ measure: MeasureID) -> FixedDecimal { engine.measureWeight[measure] }
  /// The measure as it reads in the current phase.
  public func measure(_ measure: MeasureID) -> Measure { engine.measure(measure) }
  /// The recommended measures a measure conflicts with, with the conflict's text.
  public func conflicts(of measure: MeasureID) -> [RecommendedConflict] { engine.conflicts(of: measure) }

  // MARK: - Explanations

  /// The rules whose conclusion about the target holds now.
  public func firingRules(for target: ConclusionTarget) -> [RuleID] { engine.firingRules(for: target) }
  /// Why a rule holds or not, with the facts it reads and their own reasons.
  public func justify(rule: RuleID) -> RuleJustification { engine.justify(rule: rule) }
  /// Each rule that could recommend the measure, with what blocks it.
  public func whyNot(measure: MeasureID) -> [BlockedRule] { engine.whyNot(measure: measure) }
  /// A condition as a German sentence.
  public func reading(_ condition: CompiledCondition) -> String { engine.reading(condition) }
  /// The change in advice a hypothetical answer would bring, without taking it.
  public func whatIf(_ question: QuestionID, _ answer: Answer?) -> AdviceChange { engine.whatIf(question, answer) }

  // MARK: - Dialogue

  /// Whether the question is still asked at all (its `ask-if` holds and something reads it).
  public func isRelevant(_ question: QuestionID) -> Bool { engine.isRelevant(question) }
  /// What an answer to the question can still change.
  public func impact(of question: QuestionID) -> QuestionImpact { engine.impact(of: question) }
  /// Relevant questions without an answer.
  public var openQuestions: [QuestionID] { engine.openQuestions }
  /// An upper bound on the questions the dialogue still needs.
  public var remainingQuestionBound: Int { engine.remainingQuestionBound }

  // MARK: - Events

  /// The engine's events since the last call, when `recordsEvents` is on (trace, coverage).
  public mutating func takeEvents() -> [EngineEvent] {
    defer { events = [] }
    return events
  }
}
