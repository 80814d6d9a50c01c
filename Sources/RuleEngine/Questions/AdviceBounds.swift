import KnowledgeBase
import RuleLanguage

/// The lowest and highest priority a measure can have under any completion of the open answers.
public struct PriorityRange: Sendable, Equatable {
  public var measure: MeasureID
  public var low: FixedDecimal
  public var high: FixedDecimal
  /// Recommended now, and so under every completion.
  public var surely: Bool
  /// Recommended under at least one completion.
  public var possibly: Bool
}

/// Whether the first `size` places of the advice are settled, and what still contests them.
public struct AdviceStability: Sendable, Equatable {
  /// The measures in the first places now, in rank order.
  public var top: [MeasureID]
  /// Measures outside the top that some completion can lift into it.
  public var challengers: [MeasureID]
  /// Measures in the top that some completion can push out of it.
  public var contested: [MeasureID]
  /// Measures in the top whose recommendation itself can still lapse (it rests on a pattern or
  /// factor that can still move).
  public var droppable: [MeasureID] = []

  /// No completion of all open answers together can change which measures hold the top places.
  public var isStable: Bool { challengers.isEmpty && droppable.isEmpty }
}

extension Engine {
  /// How many places of the advice the dialogue settles before it stops.
  public static let settledPlaces = 10

  /// The priority range of every measure that is or can become recommended.
  public func priorityRanges(_ possibility: Possibility) -> [PriorityRange] {
    let kb = knowledgeBase
    let formula = kb.priority
    let phases = possiblePhases(possibility)
    var result: [PriorityRange] = []
    for measure in kb.measures.indices {
      var extra = FixedDecimal.zero
      var lowExtra = FixedDecimal.zero
      var possibly = isRecommended(measure)
      var surely = false
      for rule in kb.dependencies.measureWriters[measure] {
        // A rule that can still fire adds its weight; a volatile one that holds now can lapse and
        // take its weight (and, if it is the last, the recommendation) away.
        let adds = ruleTruth[rule] != .true && possibility.canFire[rule]
        let removes = ruleTruth[rule] == .true && possibility.canFail[rule]
        if ruleTruth[rule] == .true && !possibility.canFail[rule] { surely = true }
        guard adds || removes else { continue }
        for conclusion in kb.rules[rule].conclusions {
          guard case .recommend(measure, let weight) = conclusion.kind else { continue }
          if adds { possibly = true }
          let change = adds ? weight : FixedDecimal.zero - weight
          if change > .zero { extra += change } else { lowExtra += change }
        }
      }
      guard possibly else { continue }
      let item = kb.measures[measure]
      var fixedLow = formula.weight * (measureWeight[measure] + lowExtra)
      var fixedHigh = formula.weight * (measureWeight[measure] + extra)
      if formula.weight < .zero { swap(&fixedLow, &fixedHigh) }
      let effort = formula.effort[item.effort] ?? .zero
      var phaseLow: FixedDecimal?
      var phaseHigh: FixedDecimal?
      for phase in phases {
        let table = phase.flatMap { formula.urgency[$0] } ?? formula.defaultUrgency
        let horizon = item.inPhase(phase).horizon
        let points =
          (table[horizon] ?? .zero) + (phase.map { item.phases.contains($0) } == true ? formula.phaseMatch : .zero)
        phaseLow = min(phaseLow ?? points, points)
        phaseHigh = max(phaseHigh ?? points, points)
      }
      let weakness = weaknessRange(of: measure, possibility)
      let patterns = item.patternIDs.compactMap { kb.patternIndex[$0] }
      let patternLow = patternPoints(of: measure, states: patterns.map { possibility.patternStates[$0].low })
      let patternHigh = patternPoints(of: measure, states: patterns.map { possibility.patternStates[$0].high })
      result.append(
        PriorityRange(
          measure: measure,
          low: fixedLow + effort + (phaseLow ?? .zero) + weakness.low + patternLow,
          high: fixedHigh + effort + (phaseHigh ?? .zero) + weakness.high + patternHigh,
          surely: surely, possibly: true))
    }
    return result
  }

  /// The phases the consultation can end in; nil stands for "no phase given".
  func possiblePhases(_ possibility: Possibility) -> [Phase?] {
    guard let question = knowledgeBase.priority.phaseQuestion else { return [nil] }
    if answers[question] != nil || !possibility.open[question] { return [currentPhase] }
    return [nil] + knowledgeBase.questions[question].options.map { Phase(rawValue: $0.id) }
  }

  /// The range of the weakness part over the levels the measure's factors can end at.
  func weaknessRange(of measure: MeasureID, _ possibility: Possibility) -> (low: FixedDecimal, high: FixedDecimal) {
    let kb = knowledgeBase
    var low = FixedDecimal.zero
    var high = FixedDecimal.zero
    for factorID in kb.measures[measure].factorIDs {
      guard let factor = kb.factorIndex[factorID] else { continue }
      var points = possibility.possibleLevels(factor).map { kb.factorLevels[$0].weakness }
      if possibility.factorCanStayUnassessed(factor) { points.append(.zero) }
      let least = points.min() ?? .zero
      let most = points.max() ?? .zero
      switch kb.priority.weakness {
      case .max:
        low = max(low, least)
        high = max(high, most)
      case .sum:
        low += least
        high += most
      }
    }
    return (low, high)
  }

  /// Whether the first places of the advice can still change, and which measures contest them.
  ///
  /// The top is settled when no measure outside it can displace one inside under any completion.
  /// An outsider displaces a member when its highest possible priority exceeds the member's lowest
  /// (or equals it and comes first in declaration order). The members that hold the place of a
  /// reserved section (`AdviceSection.reserved`) are contested only by outsiders of their own
  /// section that can belong to a recognised situation, or by such an outsider of a section that
  /// holds no place yet; the other members by every outsider. A reserved member that another
  /// member of its section can overtake, or whose situation can still be dismissed, must hold its
  /// place by priority alone, against every outsider. Members recommended by rules that are
  /// already true and cannot lapse cannot drop out of the list; with fewer members than places,
  /// any measure that can still become recommended contests the top.
  public func stability(_ possibility: Possibility, places: Int = Engine.settledPlaces) -> AdviceStability {
    let ranges = priorityRanges(possibility)
    let byMeasure = Dictionary(uniqueKeysWithValues: ranges.map { ($0.measure, $0) })
    let advice = advice(places: places)
    let top = Array(advice.prefix(places).map(\.measure))
    let inside = Set(top)
    // Until the phase is given, urgency and sections (and so the order) are open as well.
    if let phase = knowledgeBase.priority.phaseQuestion, possibility.open[phase] {
      let outside = ranges.map(\.measure).filter { !inside.contains($0) }
      return AdviceStability(top: top, challengers: outside, contested: outside.isEmpty ? [] : top)
    }
    // The reserved members: the best of each reserved section in the top (the advice lists a
    // section's members by priority). Sections exist only in the phases that have them.
    var reserved: [AdviceSection: MeasureID] = [:]
    if places > AdviceSection.reserved.count {
      for recommendation in advice.prefix(places) {
        guard let section = recommendation.section, AdviceSection.reserved.contains(section),
          reserved[section] == nil
        else { continue }
        reserved[section] = recommendation.measure
      }
    }
    func displaces(_ range: PriorityRange, _ member: MeasureID) -> Bool {
      guard let floor = byMeasure[member] else { return false }
      return range.high > floor.low || (range.high == floor.low && rankedBefore(range.measure, member))
    }
    // Whether one of the measure's patterns is, or can become, at least suspected; and whether
    // one stays so under every completion.
    func situation(of measure: MeasureID) -> (possibly: Bool, surely: Bool) {
      let states = knowledgeBase.measures[measure].patternIDs.compactMap { knowledgeBase.patternIndex[$0] }
        .map { possibility.patternStates[$0] }
      return (states.contains { $0.high >= .suspected }, states.contains { $0.low >= .suspected })
    }
    // A reserved member holds its place by priority alone where a member of its own section can
    // overtake it.
    var byPriorityAlone = Set<MeasureID>()
    for (section, member) in reserved {
      let rivals = top.filter { $0 != member && self.section(of: $0) == section && situation(of: $0).possibly }
      if !situation(of: member).surely
        || rivals.contains(where: { rival in byMeasure[rival].map { displaces($0, member) } ?? false })
      {
        byPriorityAlone.insert(member)
      }
    }
    let general = top.filter { !reserved.values.contains($0) || byPriorityAlone.contains($0) }
    var challengers: [MeasureID] = []
    var contested = Set<MeasureID>()
    for range in ranges where !inside.contains(range.measure) {
      if top.count < places {
        challengers.append(range.measure)
        continue
      }
      var beats = false
      if places > AdviceSection.reserved.count, let section = section(of: range.measure),
        AdviceSection.reserved.contains(section), situation(of: range.measure).possibly
      {
        if let member = reserved[section] {
          if displaces(range, member) {
            beats = true
            contested.insert(member)
          }
        } else {
          // It would take the place its section holds once it has a member.
          beats = true
        }
      }
      for member in general where displaces(range, member) {
        beats = true
        contested.insert(member)
      }
      if beats { challengers.append(range.measure) }
    }
    let droppable = top.filter { byMeasure[$0]?.surely == false }
    return AdviceStability(
      top: top, challengers: challengers, contested: top.filter { contested.contains($0) || droppable.contains($0) },
      droppable: droppable)
  }
}
