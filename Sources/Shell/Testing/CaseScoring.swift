import Consultation
import KnowledgeBase

/// The scoring rubric of the development cases: matching recommendations to expected key
/// measures, MUST hits, recall, must-not flags, pandemic-only measures and pattern accuracy.
/// Pure functions over ids, so that the rubric is testable with small hand-made inputs.
public enum CaseScoring {
  /// How a recommendation meets an expected item.
  public enum MatchKind: String, Sendable {
    case full, partial

    /// Points for recall: a partial match counts half.
    var points: Int { self == .full ? 2 : 1 }
  }

  /// A recommended measure as the rubric sees it: its id and horizon, in rank order.
  public struct Ranked: Sendable, Equatable {
    public var measure: String
    public var horizon: Horizon

    public init(_ measure: String, _ horizon: Horizon) {
      self.measure = measure
      self.horizon = horizon
    }
  }

  /// Which recommendation (by 0-based rank) matched each expected item, and how.
  public struct Assignment: Sendable, Equatable {
    public var matches: [(rank: Int, kind: MatchKind)?]

    public static func == (lhs: Assignment, rhs: Assignment) -> Bool {
      lhs.matches.count == rhs.matches.count
        && zip(lhs.matches, rhs.matches).allSatisfy { $0?.rank == $1?.rank && $0?.kind == $1?.kind }
    }

    public var full: Int { matches.filter { $0?.kind == .full }.count }
    public var partial: Int { matches.filter { $0?.kind == .partial }.count }
  }

  /// Horizons are compatible when they are equal or neighbours: sofort ↔ kurzfristig and
  /// kurzfristig ↔ langfristig are compatible, sofort ↔ langfristig is not.
  public static func compatible(_ expected: [Horizon], _ actual: Horizon) -> Bool {
    guard let actualIndex = Horizon.allCases.firstIndex(of: actual) else { return false }
    return expected.contains { horizon in
      Horizon.allCases.firstIndex(of: horizon).map { abs($0 - actualIndex) <= 1 } ?? false
    }
  }

  /// How one recommendation meets one expected item: a full-match measure at an incompatible
  /// horizon counts only as partial.
  public static func match(_ item: CaseFile.ExpectedMeasure, _ recommendation: Ranked) -> MatchKind? {
    if item.full.contains(recommendation.measure) {
      return compatible(item.horizons, recommendation.horizon) ? .full : .partial
    }
    return item.partial.contains(recommendation.measure) ? .partial : nil
  }

  /// The best assignment: each recommendation meets at most one item, each item at most one
  /// recommendation; most points first (full 1, partial ½), then most MUST items fully met,
  /// then the earliest ranks. Exhaustive over the used recommendations (top 10: 1024 sets).
  public static func assign(_ expected: [CaseFile.ExpectedMeasure], _ top: [Ranked]) -> Assignment {
    let kinds = expected.map { item in top.map { match(item, $0) } }
    struct Value {
      var points: Int
      var mustFull: Int
      var choice: [(rank: Int, kind: MatchKind)?]

      func better(than other: Value) -> Bool {
        if points != other.points { return points > other.points }
        if mustFull != other.mustFull { return mustFull > other.mustFull }
        // Earlier ranks win a tie, so the result does not depend on the search order.
        let mine = choice.map { $0?.rank ?? Int.max }
        let theirs = other.choice.map { $0?.rank ?? Int.max }
        return mine.lexicographicallyPrecedes(theirs)
      }
    }
    var memo: [Int: Value] = [:]
    func best(_ item: Int, _ used: Int) -> Value {
      if item == expected.count { return Value(points: 0, mustFull: 0, choice: []) }
      let key = item << top.count | used
      if let known = memo[key] { return known }
      let skip = best(item + 1, used)
      var result = Value(points: skip.points, mustFull: skip.mustFull, choice: [nil] + skip.choice)
      for rank in top.indices where used & (1 << rank) == 0 {
        guard let kind = kinds[item][rank] else { continue }
        let rest = best(item + 1, used | 1 << rank)
        let candidate = Value(
          points: rest.points + kind.points,
          mustFull: rest.mustFull + (kind == .full && expected[item].must ? 1 : 0),
          choice: [(rank, kind)] + rest.choice)
        if candidate.better(than: result) { result = candidate }
      }
      memo[key] = result
      return result
    }
    return Assignment(matches: best(0, 0).choice)
  }

  /// The figures of one top 10 against the expected items.
  public struct AdviceFigures: Sendable, Equatable {
    public var assignment: Assignment
    /// MUST items with a full match ÷ MUST items (1 when the case has none).
    public var must: Double
    public var mustHits: Int
    public var mustTotal: Int
    /// (full + ½ partial) ÷ expected items.
    public var recall: Double
  }

  public static func advice(_ expected: [CaseFile.ExpectedMeasure], _ top: [Ranked]) -> AdviceFigures {
    let assignment = assign(expected, top)
    let mustTotal = expected.filter(\.must).count
    let mustHits = zip(expected, assignment.matches).filter { $0.must && $1?.kind == .full }.count
    let recall =
      expected.isEmpty ? 1 : (Double(assignment.full) + 0.5 * Double(assignment.partial)) / Double(expected.count)
    return AdviceFigures(
      assignment: assignment, must: mustTotal == 0 ? 1 : Double(mustHits) / Double(mustTotal),
      mustHits: mustHits, mustTotal: mustTotal, recall: recall)
  }

  /// The 1-based ranks 1–5 held by a measure the case says must not dominate.
  public static func mustNotFlags(_ mustNot: [String], _ top: [Ranked]) -> [Int] {
    top.prefix(5).enumerated().filter { mustNot.contains($0.element.measure) }.map { $0.offset + 1 }
  }

  /// The 1-based ranks in the top 10 held by a pandemic-only measure; none in a case about the
  /// pandemic itself.
  public static func pandemicOnly(_ list: [String], _ top: [Ranked], pandemicCase: Bool) -> [Int] {
    guard !pandemicCase else { return [] }
    return top.prefix(10).enumerated().filter { list.contains($0.element.measure) }.map { $0.offset + 1 }
  }

  /// Whether the tool's level counts as right for the expected level.
  public static func patternRight(_ expected: CaseFile.ExpectedLevel, _ actual: PatternState) -> Bool {
    switch expected {
    case .established: actual == .established
    case .suspected: actual == .suspected
    case .suspectedOK: actual != .established
    case .suspectedOrEstablished: actual != .inactive
    case .none: actual == .inactive
    }
  }

  /// The share of patterns at a right level.
  public static func patternAccuracy(_ expected: [String: CaseFile.ExpectedLevel], _ actual: [String: PatternState])
    -> Double
  {
    guard !expected.isEmpty else { return 1 }
    let right = expected.filter { patternRight($0.value, actual[$0.key] ?? .inactive) }.count
    return Double(right) / Double(expected.count)
  }

  /// The main pattern is right when it is established; in a control case (no main pattern) when
  /// no pattern is established.
  public static func mainPatternRight(_ main: String?, _ actual: [String: PatternState]) -> Bool {
    guard let main else { return !actual.values.contains(.established) }
    return actual[main] == .established
  }

  /// The median of counts: the middle one, or the mean of the two middle ones.
  public static func median(_ values: [Int]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
  }
}
