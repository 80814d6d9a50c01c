import KnowledgeBase
import RuleEngine
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// Loads the base fixture with extra rules, failing the test on any diagnostic.
func engineFixture(_ rules: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> KnowledgeBase {
  let result = Fixture.load([("Knowledge/k.yaml", Fixture.baseKnowledge), ("Rules/r.rules", rules)])
  let errors = result.diagnostics.filter { $0.severity == .error }
  #expect(errors.isEmpty, "\(DiagnosticRenderer().render(errors))", sourceLocation: sourceLocation)
  return try #require(result.knowledgeBase, sourceLocation: sourceLocation)
}

extension KnowledgeBase {
  func q(_ id: String) -> QuestionID { questionIndex[id] ?? QuestionID(-1) }
  func fact(_ id: String) -> FactID { factIndex[id] ?? FactID(-1) }
  func measure(_ id: String) -> MeasureID { measureIndex[id] ?? MeasureID(-1) }
}

struct EngineSemanticsTests {
  static let chain = """
    fact lang "Die Lage dauert lange"
    fact ueberlastet "Das Personal ist überlastet"
    fact entspannt "Die Lage ist entspannt"

    rule lang
      source q1
      when dauer >= 4
      then derive lang
    rule ueberlast
      source q1
      when lang and reserve in [keine, gering]
      then derive ueberlastet
           evidence dauerkrise +3
           assess rf3 schwach
           recommend pool weight 3 because "Reserve fehlt."
    rule entspannt
      source q1
      when not ueberlastet and stab = ja
      then derive entspannt
           assess rf3 stark
    rule liste-bei-unwissen
      source q1
      when reserve is unknown
      then recommend liste weight 1 because "Niemand kennt die Reserve."
           evidence dauerkrise +3
    """

  @Test func unansweredQuestionsLeaveConditionsUndetermined() throws {
    let kb = try engineFixture(Self.chain)
    let engine = Engine(knowledgeBase: kb)
    #expect(engine.factTruth[kb.fact("lang")] == .undetermined)
    #expect(engine.factTruth[kb.fact("ueberlastet")] == .undetermined)
    // not undetermined stays undetermined, so 'entspannt' is not derived either.
    #expect(engine.factTruth[kb.fact("entspannt")] == .undetermined)
    #expect(engine.recommendedMeasures.isEmpty)
  }

  @Test func chainOfDerivedFactsFiresAndRecommends() throws {
    let kb = try engineFixture(Self.chain)
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(6)))
    engine.set(kb.q("reserve"), to: .option(0))
    #expect(engine.factTruth[kb.fact("ueberlastet")] == .true)
    #expect(engine.isRecommended(kb.measure("pool")))
    #expect(engine.patternScore[PatternID(0)] == FixedDecimal(3))
    #expect(engine.patternState[PatternID(0)] == .suspected)
    #expect(engine.factorLevel[FactorID(0)] == kb.levelIndex["schwach"])
  }

  @Test func unknownAnswerIsAnAnswer() throws {
    let kb = try engineFixture(Self.chain)
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(6)))
    engine.set(kb.q("reserve"), to: .unknown)
    #expect(engine.isRecommended(kb.measure("liste")))
    // A comparison over 'weiß nicht' stays undetermined.
    #expect(engine.factTruth[kb.fact("ueberlastet")] == .undetermined)
  }

  @Test func withdrawingAnAnswerRetractsItsConclusions() throws {
    let kb = try engineFixture(Self.chain)
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(6)))
    engine.set(kb.q("reserve"), to: .option(0))
    let events = engine.set(kb.q("dauer"), to: nil)
    #expect(!engine.isRecommended(kb.measure("pool")))
    #expect(engine.patternState[PatternID(0)] == .inactive)
    #expect(events.contains(.measureDropped(measure: kb.measure("pool"))))
    #expect(events.contains(.patternChanged(pattern: 0, from: .suspected, to: .inactive)))
  }

  @Test func stratifiedNegationReadsCompleteFacts() throws {
    let kb = try engineFixture(Self.chain)
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.q("stab"), to: .option(0))
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(1)))
    #expect(engine.factTruth[kb.fact("ueberlastet")] == .false)
    #expect(engine.factTruth[kb.fact("entspannt")] == .true)
    #expect(engine.factorLevel[FactorID(0)] == kb.levelIndex["stark"])
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(9)))
    engine.set(kb.q("reserve"), to: .option(1))
    #expect(engine.factTruth[kb.fact("entspannt")] == .false)
    // Only the weak assessment remains.
    #expect(engine.factorLevel[FactorID(0)] == kb.levelIndex["schwach"])
  }

  @Test func worstAssessmentWins() throws {
    let kb = try engineFixture(
      """
      rule a
        source q1
        when stab = ja
        then assess rf3 stark
      rule b
        source q1
        when dauer > 10
        then assess rf3 kritisch
      """)
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.q("stab"), to: .option(0))
    #expect(engine.factorLevel[FactorID(0)] == kb.levelIndex["stark"])
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(20)))
    #expect(engine.factorLevel[FactorID(0)] == kb.levelIndex["kritisch"])
  }

  @Test(arguments: [(2, PatternState.inactive), (3, .suspected), (5, .suspected), (6, .established), (9, .established)])
  func thresholdsDecidePatternState(points: Int, expected: PatternState) throws {
    let kb = try engineFixture(
      """
      rule a
        source q1
        when stab = ja
        then evidence dauerkrise +\(points)
      rule b
        source q1
        when stab = nein
        then evidence dauerkrise -1
      """)
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.q("stab"), to: .option(0))
    #expect(engine.patternState[PatternID(0)] == expected)
    #expect(engine.patternScore[PatternID(0)] == FixedDecimal(points))
  }

  @Test func positiveCycleNeedsOutsideSupport() throws {
    let kb = try engineFixture(
      """
      fact a "a"
      fact b "b"
      rule a-aus-b
        source q1
        when b
        then derive a
      rule b-aus-a
        source q1
        when a
        then derive b
      rule a-start
        source q1
        when stab = ja
        then derive a
      rule empfehlung
        source q1
        when b
        then recommend pool weight 1 because "b gilt."
      """)
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.q("stab"), to: .option(0))
    #expect(engine.factTruth[kb.fact("b")] == .true)
    #expect(engine.isRecommended(kb.measure("pool")))
    engine.set(kb.q("stab"), to: .option(1))
    #expect(engine.factTruth[kb.fact("a")] == .false)
    #expect(engine.factTruth[kb.fact("b")] == .false)
    #expect(!engine.isRecommended(kb.measure("pool")))
  }

  @Test func tiesInPriorityKeepDeclarationOrder() throws {
    let kb = try engineFixture(
      """
      rule beide
        source q1
        when stab = ja
        then recommend liste weight 3 because "x"
             recommend pool weight 1 because "y"
      """)
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.q("stab"), to: .option(0))
    // pool: 1 + urgency sofort 3 + effort mittel 0 = 4; liste: 3 + langfristig 1 + gering 1 = 5.
    var advice = engine.advice()
    #expect(advice.map(\.measure) == [kb.measure("liste"), kb.measure("pool")])
    #expect(advice[0].priority == FixedDecimal(5))
    #expect(advice[1].priority == FixedDecimal(4))
    // In Bewältigung, sofort is worth 4 and pool fits the phase (+1): 1+4+1+0 = 6; liste: 3+0+0+1 = 4.
    engine.set(kb.q("phase"), to: .option(1))
    advice = engine.advice()
    #expect(advice.map(\.measure) == [kb.measure("pool"), kb.measure("liste")])
    // Parts: rules, pattern (no pattern named), urgency, phase, weakness, effort.
    #expect(advice[0].parts.map(\.points) == [FixedDecimal(1), .zero, FixedDecimal(4), FixedDecimal(1), .zero, .zero])
    // Equal totals: declaration order decides (pool is declared before liste).
    engine.set(kb.q("phase"), to: nil)
    let kb2 = try engineFixture(
      """
      rule beide
        source q1
        when stab = ja
        then recommend liste weight 3 because "x"
             recommend pool weight 2 because "y"
      """)
    var tie = Engine(knowledgeBase: kb2)
    tie.set(kb2.q("stab"), to: .option(0))
    #expect(tie.advice().map(\.priority) == [FixedDecimal(5), FixedDecimal(5)])
    #expect(tie.advice().map(\.measure) == [kb2.measure("pool"), kb2.measure("liste")])
  }
}
