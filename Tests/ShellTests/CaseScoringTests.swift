import KnowledgeBase
import RuleEngine
import Shell
import Testing

/// The cases' scoring rubric on small hand-made inputs.
@Suite struct CaseScoringTests {
  typealias Ranked = CaseScoring.Ranked

  static func item(
    _ title: String, must: Bool = false, _ horizons: [Horizon] = [.sofort], full: [String] = [], partial: [String] = []
  ) -> CaseFile.ExpectedMeasure {
    CaseFile.ExpectedMeasure(title: title, must: must, horizons: horizons, full: full, partial: partial)
  }

  @Test func horizonsAreCompatibleWhenEqualOrNeighbours() {
    #expect(CaseScoring.compatible([.sofort], .sofort))
    #expect(CaseScoring.compatible([.sofort], .kurzfristig))
    #expect(!CaseScoring.compatible([.sofort], .langfristig))
    #expect(CaseScoring.compatible([.langfristig], .kurzfristig))
    #expect(!CaseScoring.compatible([.langfristig], .sofort))
    #expect(CaseScoring.compatible([.sofort, .kurzfristig], .langfristig), "kurzfristig neighbours langfristig")
  }

  @Test func fullMatchAtAnIncompatibleHorizonCountsAsPartial() {
    let notstrom = Self.item("Notstrom", full: ["treibstoff"], partial: ["aggregate"])
    #expect(CaseScoring.match(notstrom, Ranked("treibstoff", .kurzfristig)) == .full)
    #expect(CaseScoring.match(notstrom, Ranked("treibstoff", .langfristig)) == .partial)
    #expect(CaseScoring.match(notstrom, Ranked("aggregate", .sofort)) == .partial)
    #expect(CaseScoring.match(notstrom, Ranked("anderes", .sofort)) == nil)
  }

  @Test func bestAssignmentBeatsTheGreedyOne() {
    // `a` fully meets both items, `b` meets only the first, partly. Greedy (first item takes
    // `a`) would score 1; the best assignment gives `a` to the second item and scores 1.5.
    let items = [Self.item("eins", full: ["a"], partial: ["b"]), Self.item("zwei", full: ["a"])]
    let figures = CaseScoring.advice(items, [Ranked("a", .sofort), Ranked("b", .sofort)])
    #expect(figures.assignment.matches[0]?.rank == 1)
    #expect(figures.assignment.matches[0]?.kind == .partial)
    #expect(figures.assignment.matches[1]?.rank == 0)
    #expect(figures.assignment.matches[1]?.kind == .full)
    #expect(figures.recall == 0.75)
  }

  @Test func oneRecommendationMeetsOneItemAndMustItemsWinTies() {
    let items = [Self.item("frei", full: ["a"]), Self.item("pflicht", must: true, full: ["a"])]
    let figures = CaseScoring.advice(items, [Ranked("a", .sofort)])
    #expect(figures.assignment.matches[0] == nil)
    #expect(figures.assignment.matches[1]?.rank == 0)
    #expect(figures.mustHits == 1)
    #expect(figures.must == 1)
    #expect(figures.recall == 0.5)
  }

  @Test func mustHitNeedsAFullMatchAndRecallCountsPartialHalf() {
    let items = [
      Self.item("eins", must: true, full: ["a"]),
      Self.item("zwei", must: true, [.sofort], full: ["b"]),
      Self.item("drei", must: true, full: ["c"]),
      Self.item("vier", partial: ["d"]),
    ]
    // `b` is langfristig: only partial; `c` is missing.
    let figures = CaseScoring.advice(items, [Ranked("d", .sofort), Ranked("b", .langfristig), Ranked("a", .sofort)])
    #expect(figures.mustHits == 1)
    #expect(figures.mustTotal == 3)
    #expect(figures.assignment.full == 1)
    #expect(figures.assignment.partial == 2)
    #expect(figures.recall == 0.5)
  }

  @Test func itemsWithoutMeasuresCountAgainstRecall() {
    let figures = CaseScoring.advice(
      [Self.item("nichts passt"), Self.item("eins", full: ["a"])], [Ranked("a", .sofort)])
    #expect(figures.recall == 0.5)
    #expect(figures.must == 1, "no MUST items: nothing missed")
  }

  @Test func mustNotFlagsCountOnlyRanksOneToFive() {
    let top = ["a", "x", "b", "c", "d", "y"].map { Ranked($0, .sofort) }
    #expect(CaseScoring.mustNotFlags(["x", "y"], top) == [2])
  }

  @Test func pandemicOnlyCountsOutsidePandemicCases() {
    let top = ["a", "quarantaene", "b"].map { Ranked($0, .sofort) }
    #expect(CaseScoring.pandemicOnly(["quarantaene"], top, pandemicCase: false) == [2])
    #expect(CaseScoring.pandemicOnly(["quarantaene"], top, pandemicCase: true).isEmpty)
  }

  @Test func patternLevelsFollowTheRubric() {
    let table: [(CaseFile.ExpectedLevel, PatternState, Bool)] = [
      (.established, .established, true), (.established, .suspected, false), (.established, .inactive, false),
      (.suspected, .suspected, true), (.suspected, .established, false), (.suspected, .inactive, false),
      (.suspectedOK, .inactive, true), (.suspectedOK, .suspected, true), (.suspectedOK, .established, false),
      (.suspectedOrEstablished, .suspected, true), (.suspectedOrEstablished, .established, true),
      (.suspectedOrEstablished, .inactive, false),
      (.none, .inactive, true), (.none, .suspected, false), (.none, .established, false),
    ]
    for (expected, actual, right) in table {
      #expect(CaseScoring.patternRight(expected, actual) == right, "\(expected) vs \(actual)")
    }
  }

  @Test func patternAccuracyAveragesAndMainPatternNeedsEstablished() {
    let expected: [String: CaseFile.ExpectedLevel] = [
      "strom": .established, "gas": .suspectedOK, "hitze": .none, "flut": .none,
    ]
    let actual: [String: PatternState] = [
      "strom": .established, "gas": .suspected, "hitze": .suspected, "flut": .inactive,
    ]
    #expect(CaseScoring.patternAccuracy(expected, actual) == 0.75)
    #expect(CaseScoring.mainPatternRight("strom", actual))
    #expect(!CaseScoring.mainPatternRight("gas", actual))
    #expect(
      CaseScoring.mainPatternRight(nil, ["strom": .suspected, "gas": .inactive]), "control case: nothing established")
    #expect(!CaseScoring.mainPatternRight(nil, ["strom": .established]))
  }

  @Test func medianOfOddAndEvenCounts() {
    #expect(CaseScoring.median([30, 10, 20]) == 20)
    #expect(CaseScoring.median([10, 40, 20, 30]) == 25)
    #expect(CaseScoring.median([]) == 0)
  }
}
