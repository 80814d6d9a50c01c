import KnowledgeBase
import RuleEngine
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// The dialogue's stop rests on the possibility analysis; these tests check that it is sound:
/// every completion of the open answers stays within what it calls possible.
struct AdviceBoundsPropertyTests {
  /// A random partial consultation and random completions of it.
  static func completions(
    seed: Int, sections: Bool = false, phase: String? = nil, openOneIn: Int = 2,
    _ check: (Engine, Possibility, Engine) -> Void
  ) throws {
    let knowledge = sections ? Self.sectionedKnowledge : Fixture.baseKnowledge
    let rules = RandomRules.ruleSet(
      seed: UInt64(seed), measures: sections ? Self.sectionedMeasures : ["pool", "liste"])
    let result = Fixture.load([("Knowledge/k.yaml", knowledge), ("Rules/r.rules", rules)])
    let kb = try #require(result.knowledgeBase, "\(DiagnosticRenderer().render(result.diagnostics))")
    var rng = SplitMix64(seed: UInt64(seed) &* 104_729)
    var answers: [QuestionID: Answer] = [:]
    if let phase, let question = kb.questionIndex["phase"],
      let option = kb.questions[question].options.firstIndex(where: { $0.id == phase })
    {
      answers[question] = .option(option)
    }
    for question in kb.questions.indices
    where answers[question] == nil && Int.random(in: 0..<openOneIn, using: &rng) != 0 {
      answers[question] = RandomRules.answer(for: kb.questions[question], &rng)
    }
    let partial = Engine(knowledgeBase: kb, answers: answers.compactMapValues { $0 })
    let possibility = partial.possibility
    for _ in 0..<30 {
      var completed = answers.compactMapValues { $0 }
      for question in kb.questions.indices where possibility.open[question] {
        completed[question] = RandomRules.answer(for: kb.questions[question], &rng) ?? .unknown
      }
      check(partial, possibility, Engine(knowledgeBase: kb, answers: completed))
    }
  }

  @Test(arguments: 1...40)
  func everyCompletionStaysWithinTheRanges(seed: Int) throws {
    try Self.completions(seed: seed) { partial, possibility, complete in
      for rule in complete.ruleTruth.indices {
        if complete.ruleTruth[rule] == .true {
          #expect(possibility.canFire[rule], "seed \(seed): rule \(rule) fired though called impossible")
        }
      }
      let ranges = Dictionary(uniqueKeysWithValues: partial.priorityRanges(possibility).map { ($0.measure, $0) })
      for recommendation in complete.advice() {
        let range = ranges[recommendation.measure]
        #expect(range != nil, "seed \(seed): measure \(recommendation.measure) recommended though called impossible")
        if let range {
          #expect(range.low <= recommendation.priority && recommendation.priority <= range.high, "seed \(seed)")
        }
      }
      for range in ranges.values where range.surely {
        #expect(complete.isRecommended(range.measure), "seed \(seed): a recommendation that was sure got lost")
      }
    }
  }

  /// Twelve measures over all three sections, so that the top of a running situation holds a
  /// reserved place.
  static let sectionedMeasures = (0..<12).map { "m\($0)" }
  static let sectionedKnowledge: String = {
    let lines = sectionedMeasures.enumerated().map { index, id in
      let (horizon, phases, patterns) =
        switch index % 3 {
        case 0: ("sofort", "[bewaeltigung]", "[dauerkrise]")
        case 1: ("kurzfristig", "[bewaeltigung]", "[]")
        default: ("langfristig", "[vorsorge]", index % 2 == 0 ? "[dauerkrise]" : "[]")
        }
      return "  - {id: \(id), title: T\(index), description: d, prevents: p, steps: [a, b, c], office: Krisenstab, "
        + "horizon: \(horizon), effort: mittel, phases: \(phases), patterns: \(patterns), factors: [rf3], sources: [q1], "
        + "reviewed: 2026-12-04}"
    }
    return Fixture.baseKnowledge.replacingOccurrences(
      of: "\nsources:\n", with: "\n" + lines.joined(separator: "\n") + "\nsources:\n")
  }()

  /// In a running situation the top holds the best measure of each reserved section; a top called
  /// settled stays the same set under every completion.
  @Test(arguments: 1...60)
  func aSettledTopWithReservedPlacesStaysSettled(seed: Int) throws {
    let places = 3
    try Self.completions(seed: seed, sections: true, phase: "bewaeltigung", openOneIn: 6) {
      partial, possibility, complete in
      let stability = partial.stability(possibility, places: places)
      guard stability.isStable else { return }
      #expect(Set(complete.advice(places: places).prefix(places).map(\.measure)) == Set(stability.top), "seed \(seed)")
    }
  }

  @Test(arguments: 1...40)
  func aSettledTopStaysSettled(seed: Int) throws {
    try Self.completions(seed: seed) { partial, possibility, complete in
      let stability = partial.stability(possibility, places: 1)
      guard stability.isStable else { return }
      #expect(Array(complete.advice().prefix(1).map(\.measure)) == stability.top, "seed \(seed)")
    }
  }
}
