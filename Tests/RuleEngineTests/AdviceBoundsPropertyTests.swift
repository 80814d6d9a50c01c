import KnowledgeBase
import RuleEngine
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// The dialogue's stop rests on the possibility analysis; these tests check that it is sound:
/// every completion of the open answers stays within what it calls possible.
struct AdviceBoundsPropertyTests {
  /// A random partial consultation and random completions of it.
  static func completions(seed: Int, _ check: (Engine, Possibility, Engine) -> Void) throws {
    let result = Fixture.load([
      ("Knowledge/k.yaml", Fixture.baseKnowledge), ("Rules/r.rules", RandomRules.ruleSet(seed: UInt64(seed))),
    ])
    let kb = try #require(result.knowledgeBase, "\(DiagnosticRenderer().render(result.diagnostics))")
    var rng = SplitMix64(seed: UInt64(seed) &* 104_729)
    var answers: [Int: Answer] = [:]
    for question in kb.questions.indices where Bool.random(using: &rng) {
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

  @Test(arguments: 1...40)
  func aSettledTopStaysSettled(seed: Int) throws {
    try Self.completions(seed: seed) { partial, possibility, complete in
      let stability = partial.stability(possibility, places: 1)
      guard stability.isStable else { return }
      #expect(Array(complete.advice().prefix(1).map(\.measure)) == stability.top, "seed \(seed)")
    }
  }
}
