import KnowledgeBase
import RuleLanguage

/// One part of a measure's priority.
public enum PriorityPartKind: String, Sendable, CaseIterable {
  /// The weights of the firing rules, times the formula's weight.
  case evidence
  /// The measure answers a crisis pattern that is suspected or established.
  case pattern
  /// The urgency of the measure's horizon in the current phase.
  case urgency
  /// The measure fits the current phase.
  case phase
  /// The weakness of the factors the measure strengthens.
  case weakness
  /// Low effort ranks higher.
  case effort

  /// The German label in a priority breakdown.
  public var title: String {
    switch self {
    case .evidence: "Gewicht der Regeln"
    case .pattern: "Muster erkannt"
    case .urgency: "Dringlichkeit des Horizonts"
    case .phase: "passt zur Phase"
    case .weakness: "Schwäche der gestärkten Faktoren"
    case .effort: "Aufwand"
    }
  }
}

/// A recommended measure with its priority as a sum of parts.
public struct Recommendation: Sendable, Equatable {
  public var measure: MeasureID
  public var priority: FixedDecimal
  public var parts: [(kind: PriorityPartKind, points: FixedDecimal)]
  /// The firing rules that recommend it, in declaration order.
  public var rules: [RuleID]
  /// Its section while a situation is announced or running.
  public var section: AdviceSection? = nil

  public static func == (lhs: Recommendation, rhs: Recommendation) -> Bool {
    lhs.measure == rhs.measure && lhs.priority == rhs.priority && lhs.rules == rhs.rules
      && lhs.parts.map(\.kind) == rhs.parts.map(\.kind) && lhs.parts.map(\.points) == rhs.parts.map(\.points)
  }
}

extension Engine {
  /// The measure as it reads in the current phase (its phase variant, if it has one).
  public func measure(_ index: MeasureID) -> Measure {
    knowledgeBase.measures[index].inPhase(currentPhase)
  }

  /// The current phase, when the knowledge base names a phase question and it is answered.
  public var currentPhase: Phase? {
    guard let question = knowledgeBase.priority.phaseQuestion,
      case .option(let index) = answers[question]
    else { return nil }
    return Phase(rawValue: knowledgeBase.questions[question].options[index].id)
  }

  /// The priority of a measure as the formula declares it, part by part.
  public func priorityParts(of measure: MeasureID) -> [(kind: PriorityPartKind, points: FixedDecimal)] {
    let formula = knowledgeBase.priority
    let phase = currentPhase
    let item = knowledgeBase.measures[measure].inPhase(phase)
    let urgencyTable = phase.flatMap { formula.urgency[$0] } ?? formula.defaultUrgency
    let phasePoints = phase.map { item.phases.contains($0) } == true ? formula.phaseMatch : .zero
    var weakness = FixedDecimal.zero
    for factorID in item.factorIDs {
      guard let factor = knowledgeBase.factorIndex[factorID], let level = factorLevel[factor] else { continue }
      let points = knowledgeBase.factorLevels[level].weakness
      switch formula.weakness {
      case .max: weakness = max(weakness, points)
      case .sum: weakness += points
      }
    }
    return [
      (.evidence, formula.weight * measureWeight[measure]),
      (
        .pattern,
        patternPoints(
          of: measure, states: item.patternIDs.compactMap { knowledgeBase.patternIndex[$0] }.map { patternState[$0] })
      ),
      (.urgency, urgencyTable[item.horizon] ?? .zero),
      (.phase, phasePoints),
      (.weakness, weakness),
      (.effort, formula.effort[item.effort] ?? .zero),
    ]
  }

  /// The points for the strongest state among the measure's patterns.
  func patternPoints(of measure: MeasureID, states: [PatternState]) -> FixedDecimal {
    let formula = knowledgeBase.priority
    switch states.max() {
    case .established: return formula.patternEstablished
    case .suspected: return formula.patternSuspected
    default: return .zero
    }
  }

  /// The recommended measures in the order the advice shows them.
  ///
  /// While a situation is announced or running, the first `places` places hold the best measure
  /// of each reserved section (`AdviceSection.reserved`) that belongs to a recognised situation
  /// (one of its patterns is suspected or established) and, for the other places, the highest
  /// priorities of the rest, since the
  /// formula already weighs how directly a measure acts on the situation; outside those phases
  /// priority alone decides. Those first places and then the rest are each shown in sections
  /// (what acts on the situation, what keeps the staff working, what can wait), so the numbering
  /// runs through every section without gaps; within a section, highest priority first; ties
  /// keep declaration order, then id.
  public func advice(places: Int = Engine.settledPlaces) -> [Recommendation] {
    let recommendations = recommendedMeasures.map { measure -> Recommendation in
      let parts = priorityParts(of: measure)
      let total = parts.reduce(FixedDecimal.zero) { $0 + $1.points }
      let rules = knowledgeBase.dependencies.measureWriters[measure]
        .filter { ruleTruth[$0] == .true }.sorted()
      return Recommendation(
        measure: measure, priority: total, parts: parts, rules: rules, section: section(of: measure))
    }
    let byPriority = recommendations.sorted { a, b in
      if a.priority != b.priority { return a.priority > b.priority }
      return rankedBefore(a.measure, b.measure)
    }
    var reserved = Set<Int>()
    if places > AdviceSection.reserved.count {
      for section in AdviceSection.reserved {
        if let best = byPriority.firstIndex(where: { $0.section == section && holdsReservedPlace($0.measure) }) {
          reserved.insert(best)
        }
      }
    }
    let general = byPriority.indices.filter { !reserved.contains($0) }.prefix(places - reserved.count)
    let chosen = reserved.union(general)
    let first = byPriority.indices.filter { chosen.contains($0) }.map { byPriority[$0] }
    let rest = byPriority.indices.filter { !chosen.contains($0) }.map { byPriority[$0] }
    let bySection: (Recommendation, Recommendation) -> Bool = { a, b in
      if a.section != b.section { return (a.section?.rawValue ?? 0) < (b.section?.rawValue ?? 0) }
      if a.priority != b.priority { return a.priority > b.priority }
      return self.rankedBefore(a.measure, b.measure)
    }
    return first.sorted(by: bySection) + rest.sorted(by: bySection)
  }

  /// Whether the measure can hold its section's reserved place: one of its patterns is suspected
  /// or established, so it is the lesson of this situation, not a general one.
  func holdsReservedPlace(_ measure: MeasureID) -> Bool {
    knowledgeBase.measures[measure].patternIDs.contains { id in
      knowledgeBase.patternIndex[id].map { patternState[$0] >= .suspected } ?? false
    }
  }

  /// The order of two measures of equal priority: declaration order, then id.
  func rankedBefore(_ a: MeasureID, _ b: MeasureID) -> Bool {
    if a != b { return a < b }
    return knowledgeBase.measures[a].id < knowledgeBase.measures[b].id
  }
}
