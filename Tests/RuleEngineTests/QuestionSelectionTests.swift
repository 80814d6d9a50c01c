import KnowledgeBase
import RuleEngine
import RuleLanguage
import Testing
import _ResilienzTestSupport

struct QuestionSelectionTests {
  static let rules = """
    fact lang "Die Lage dauert lange"
    rule lang
      source q1
      when dauer >= 4
      then derive lang
    rule pool
      source q1
      when lang and reserve = keine
      then recommend pool weight 5 because "Reserve fehlt."
    rule liste
      source q1
      when stab = nein
      then recommend liste weight 1 because "Kein Stab."
    """

  @Test func asksTheQuestionThatCanDecideTheMost() throws {
    let kb = try engineFixture(Self.rules)
    var engine = Engine(knowledgeBase: kb)
    // dauer and reserve can each decide 'pool' (5); stab only 'liste' (1); the others nothing.
    #expect(engine.impact(of: kb.q("dauer")).score == FixedDecimal(5))
    #expect(engine.impact(of: kb.q("reserve")).score == FixedDecimal(5))
    #expect(engine.impact(of: kb.q("stab")).score == FixedDecimal(1))
    #expect(engine.impact(of: kb.q("last")).score == .zero)
    // Equal scores: the first declared.
    #expect(engine.nextQuestion() == kb.q("dauer"))
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(2)))
    // 'pool' is decided (false) now: reserve cannot change anything any more.
    #expect(engine.impact(of: kb.q("reserve")).score == .zero)
    #expect(engine.nextQuestion() == kb.q("stab"))
    engine.set(kb.q("stab"), to: .option(0))
    #expect(engine.nextQuestion() == nil, "no question can change the advice")
  }

  @Test func impactNamesWhatTheQuestionDecides() throws {
    let kb = try engineFixture(Self.rules)
    let engine = Engine(knowledgeBase: kb)
    let impact = engine.impact(of: kb.q("dauer"))
    #expect(impact.rules.map { kb.rules[$0].id } == ["lang", "pool"])
    #expect(impact.measures == [kb.measure("pool")])
  }

  @Test func irrelevantQuestionsAreNotAsked() throws {
    let knowledge = Fixture.baseKnowledge.replacingOccurrences(
      of: "{id: reserve, text: Reserve?, type: choice, values: [keine, gering, ausreichend], help: h, group: lage}",
      with: "{id: reserve, text: Reserve?, type: choice, values: [keine, gering, ausreichend], help: h, group: lage, relevant: \"dauer > 3\"}")
    let result = Fixture.load([("Knowledge/k.yaml", knowledge), ("Rules/r.rules", Self.rules)])
    let kb = try #require(result.knowledgeBase, "\(DiagnosticRenderer().render(result.diagnostics))")
    var engine = Engine(knowledgeBase: kb)
    #expect(engine.isRelevant(kb.q("reserve")), "undetermined relevance still counts as relevant")
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(2)))
    #expect(!engine.isRelevant(kb.q("reserve")))
    #expect(!engine.openQuestions.contains(kb.q("reserve")))
  }

  @Test func groupIsKeptWhenItCostsNothing() throws {
    let knowledge = Fixture.baseKnowledge
      .replacingOccurrences(of: "  - {id: lage, title: Lage}", with: "  - {id: lage, title: Lage}\n  - {id: stab, title: Stab}")
      .replacingOccurrences(of: "{id: stab, text: Stab?, type: yesno, help: h, group: lage}", with: "{id: stab, text: Stab?, type: yesno, help: h, group: stab}")
    let rules = """
      rule a
        source q1
        when dauer > 3
        then recommend pool weight 1 because "a"
      rule b
        source q1
        when stab = ja
        then recommend liste weight 1 because "b"
      """
    let result = Fixture.load([("Knowledge/k.yaml", knowledge), ("Rules/r.rules", rules)])
    let kb = try #require(result.knowledgeBase, "\(DiagnosticRenderer().render(result.diagnostics))")
    let engine = Engine(knowledgeBase: kb)
    #expect(engine.nextQuestion() == kb.q("dauer"))
    let stabGroup = kb.questions[kb.q("stab")].group
    #expect(engine.nextQuestion(preferringGroup: stabGroup) == kb.q("stab"))
  }
}
