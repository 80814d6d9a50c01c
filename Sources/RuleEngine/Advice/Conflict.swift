import KnowledgeBase

/// A conflict the knowledge base declares between two measures that are both recommended now.
public struct RecommendedConflict: Sendable, Equatable {
  /// The other measure.
  public var measure: MeasureID
  /// What the staff must weigh, with the terms filled.
  public var text: String
}

extension Engine {
  /// The recommended measures that pull against this one, in the order of the advice, each with
  /// what to weigh; a conflict is declared once, on either measure, and shown beside both.
  public func conflicts(of measure: MeasureID) -> [RecommendedConflict] {
    let kb = knowledgeBase
    guard isRecommended(measure) else { return [] }
    let own = kb.measures[measure]
    var found: [RecommendedConflict] = []
    for conflict in own.conflicts {
      if let other = kb.measureIndex[conflict.measureID], isRecommended(other) {
        found.append(RecommendedConflict(measure: other, text: filled(conflict.text)))
      }
    }
    for other in kb.measures.indices where other != measure && isRecommended(other) {
      for conflict in kb.measures[other].conflicts where conflict.measureID == own.id {
        if !found.contains(where: { $0.measure == other }) {
          found.append(RecommendedConflict(measure: other, text: filled(conflict.text)))
        }
      }
    }
    return found
  }
}
