import Consultation
import KnowledgeBase

/// What a set of scripted consultations reached: rules that fired, measures recommended,
/// questions asked or answered, pattern states and factor levels.
public final class CoverageRecorder {
  public let knowledgeBase: KnowledgeBase
  public private(set) var firedRules = Set<RuleID>()
  public private(set) var recommendedMeasures = Set<MeasureID>()
  public private(set) var touchedQuestions = Set<QuestionID>()
  /// Pattern index → states reached (suspected, established).
  public private(set) var patternStates: [PatternID: Set<PatternState>] = [:]
  /// Factor index → levels assessed.
  public private(set) var factorLevels: [FactorID: Set<LevelID>] = [:]

  public init(knowledgeBase: KnowledgeBase) {
    self.knowledgeBase = knowledgeBase
  }

  /// Takes in what the engine decided on the way, which the state afterwards may no longer show.
  public func record(_ events: [EngineEvent]) {
    for event in events { record(event) }
  }

  func record(_ event: EngineEvent) {
    switch event {
    case .ruleFired(let rule): firedRules.insert(rule)
    case .measureRecommended(let measure): recommendedMeasures.insert(measure)
    case .patternChanged(let pattern, _, let to): patternStates[pattern, default: []].insert(to)
    case .factorChanged(let factor, _, let to): if let to { factorLevels[factor, default: []].insert(to) }
    default: break
    }
  }

  /// Takes in the whole current state, for what holds before any event (a new consultation).
  public func observe(_ consultation: Consultation) {
    firedRules.formUnion(consultation.firedRules)
    recommendedMeasures.formUnion(consultation.recommendedMeasures)
    touchedQuestions.formUnion(consultation.answeredQuestions)
    for pattern in knowledgeBase.patterns.indices where consultation.patternState(pattern) != .inactive {
      patternStates[pattern, default: []].insert(consultation.patternState(pattern))
    }
    for factor in knowledgeBase.factors.indices {
      if let level = consultation.factorLevel(factor) { factorLevels[factor, default: []].insert(level) }
    }
  }

  func asked(_ question: QuestionID) { touchedQuestions.insert(question) }

  /// One kind of coverage: how many of how many, and the ids never reached.
  public struct Figure: Sendable {
    public var title: String
    public var key: String
    public var covered: Int
    public var total: Int
    public var missing: [String]

    public var percent: String {
      guard total > 0 else { return "100,0" }
      let tenths = (covered * 1000 + total / 2) / total
      return "\(tenths / 10),\(tenths % 10)"
    }
  }

  public var figures: [Figure] {
    let kb = knowledgeBase
    var figures: [Figure] = []
    figures.append(
      Figure(
        title: "Regeln gefeuert", key: "rules", covered: firedRules.count, total: kb.rules.count,
        missing: kb.rules.indices.filter { !firedRules.contains($0) }.map { kb.rules[$0].id }))
    figures.append(
      Figure(
        title: "Maßnahmen empfohlen", key: "measures", covered: recommendedMeasures.count, total: kb.measures.count,
        missing: kb.measures.indices.filter { !recommendedMeasures.contains($0) }.map { kb.measures[$0].id }))
    figures.append(
      Figure(
        title: "Fragen gestellt oder beantwortet", key: "questions", covered: touchedQuestions.count,
        total: kb.questions.count,
        missing: kb.questions.indices.filter { !touchedQuestions.contains($0) }.map { kb.questions[$0].id }))
    var patternMissing: [String] = []
    var patternCovered = 0
    for (index, pattern) in kb.patterns.entries {
      for state in [PatternState.suspected, .established] {
        if patternStates[index]?.contains(state) == true {
          patternCovered += 1
        } else {
          patternMissing.append("\(pattern.id) \(state == .suspected ? "suspected" : "established")")
        }
      }
    }
    figures.append(
      Figure(
        title: "Musterzustände erreicht (Verdacht, erkannt)", key: "patterns", covered: patternCovered,
        total: kb.patterns.count * 2, missing: patternMissing))
    var levelMissing: [String] = []
    var levelCovered = 0
    for (index, factor) in kb.factors.entries {
      for (level, item) in kb.factorLevels.entries {
        if factorLevels[index]?.contains(level) == true {
          levelCovered += 1
        } else {
          levelMissing.append("\(factor.id) \(item.id)")
        }
      }
    }
    figures.append(
      Figure(
        title: "Faktorstufen erreicht", key: "factorLevels", covered: levelCovered,
        total: kb.factors.count * kb.factorLevels.count, missing: levelMissing))
    return figures
  }
}
