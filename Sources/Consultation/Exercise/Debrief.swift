import KnowledgeBase
import RuleEngine

/// The comparison of the staff's decisions with the tool's advice and the designers' expectations.
public struct Debrief: Sendable {
  public enum Verdict: Sendable, Equatable {
    /// Accepted at or before the inject that expected it.
    case inTime(stage: Int)
    /// Accepted, but only at a later inject.
    case late(stage: Int)
    case notTaken
  }

  /// An expected measure and what became of it.
  public struct Expectation: Sendable {
    public var measure: MeasureID
    public var verdict: Verdict
    /// Whether the tool recommended it at that moment.
    public var advised: Bool
  }

  public struct Stage: Sendable {
    /// 1 for the first inject.
    public var stage: Int
    public var inject: Inject
    public var expectations: [Expectation]
    public var decisions: [LoggedDecision]
    /// The tool's first ten measures at that moment.
    public var topTen: [MeasureID]
    /// How many of those the staff had accepted by then.
    public var topTenTaken: Int
  }

  public var stages: [Stage]
  /// Decisions to take a measure the tool did not recommend at that moment.
  public var takenNotAdvised: [LoggedDecision]
  public var expectedTotal: Int
  public var expectedInTime: Int
  public var expectedLate: Int
  public var expectedMissed: Int

  public init(run: ExerciseRun) {
    let accepted = run.decisions.filter { $0.decision == .accept }
    /// The stage from which a measure counts as taken: its last acceptance, unless a later
    /// rejection or deferral revoked it.
    func firstAcceptance(of measure: MeasureID) -> Int? {
      guard let last = run.decisions.last(where: { $0.measure == measure }), last.decision == .accept else {
        return nil
      }
      var stage = last.stage
      for decision in run.decisions.reversed() where decision.measure == measure {
        guard decision.decision == .accept else { break }
        stage = decision.stage
      }
      return stage
    }
    var stages: [Stage] = []
    for (index, inject) in run.exercise.injects.enumerated() where index + 1 <= run.stage {
      let stage = index + 1
      let recommended = run.recommendedAtStage.indices.contains(stage) ? run.recommendedAtStage[stage] : []
      let expectations = inject.expected.map { measure -> Expectation in
        let verdict: Verdict
        if let when = firstAcceptance(of: measure) {
          verdict = when <= stage ? .inTime(stage: when) : .late(stage: when)
        } else {
          verdict = .notTaken
        }
        return Expectation(measure: measure, verdict: verdict, advised: recommended.contains(measure))
      }
      let topTen = Array((run.adviceAtStage.indices.contains(stage) ? run.adviceAtStage[stage] : []).prefix(10))
      let takenByThen = Set(accepted.filter { $0.stage <= stage }.map(\.measure))
      stages.append(
        Stage(
          stage: stage, inject: inject, expectations: expectations,
          decisions: run.decisions.filter { $0.stage == stage },
          topTen: topTen, topTenTaken: topTen.filter(takenByThen.contains).count))
    }
    self.stages = stages
    self.takenNotAdvised = accepted.filter { decision in
      let recommended =
        run.recommendedAtStage.indices.contains(decision.stage) ? run.recommendedAtStage[decision.stage] : []
      return !recommended.contains(decision.measure)
    }
    let all = stages.flatMap(\.expectations)
    expectedTotal = all.count
    expectedInTime = all.filter { if case .inTime = $0.verdict { true } else { false } }.count
    expectedLate = all.filter { if case .late = $0.verdict { true } else { false } }.count
    expectedMissed = all.filter { $0.verdict == .notTaken }.count
  }

  /// Measures for the improvement plan: expected but not taken, or taken late.
  public var gaps: [MeasureID] {
    var result: [MeasureID] = []
    for expectation in stages.flatMap(\.expectations) where expectation.verdict != .inTime(stage: 0) {
      if case .inTime = expectation.verdict { continue }
      if !result.contains(expectation.measure) { result.append(expectation.measure) }
    }
    return result
  }
}
