import KnowledgeBase
import RuleLanguage

/// Something the staff should find out (*Klärungsauftrag*): a question answered with *weiß nicht*
/// or skipped, whose answer would still decide measures or patterns.
public struct OpenPoint: Sendable, Equatable {
  public var question: QuestionID
  /// Measures its answer could still recommend or change.
  public var measures: [MeasureID]
  /// Patterns whose state its answer could still change.
  public var patterns: [PatternID]
  /// The weight of what it decides, for ordering open points.
  public var weight: FixedDecimal
}

extension Engine {
  /// The open points, weightiest first; ties keep declaration order.
  ///
  /// Not knowing is information, not a finding: these questions produce no measure of their
  /// own, but the advice lists them so that someone finds the answer.
  public func openPoints(skipped: Set<QuestionID> = []) -> [OpenPoint] {
    var points: [OpenPoint] = []
    for question in knowledgeBase.questions.indices {
      let unknown = answers[question] == .unknown
      let left = answers[question] == nil && skipped.contains(question) && isRelevant(question)
      guard unknown || left else { continue }
      let impact = directImpact(of: question)
      guard !impact.measures.isEmpty || !impact.patterns.isEmpty else { continue }
      points.append(
        OpenPoint(question: question, measures: impact.measures, patterns: impact.patterns, weight: impact.score))
    }
    return points.sorted { a, b in
      a.weight != b.weight ? a.weight > b.weight : a.question < b.question
    }
  }
}
