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

  @Test func optionalQuestionsComeWeightiestFirst() throws {
    let kb = try engineFixture(Self.rules)
    var engine = Engine(knowledgeBase: kb)
    // dauer and reserve can each decide 'pool' (5); stab only 'liste' (1); the others nothing.
    #expect(engine.impact(of: kb.q("dauer")).score == FixedDecimal(5))
    #expect(engine.impact(of: kb.q("reserve")).score == FixedDecimal(5))
    #expect(engine.impact(of: kb.q("stab")).score == FixedDecimal(1))
    #expect(engine.impact(of: kb.q("last")).score == .zero)
    // Optional questions come weightiest first; among equals the first declared.
    let first = engine.optionalQuestions()
    #expect(Array(first.prefix(3)) == [kb.q("dauer"), kb.q("reserve"), kb.q("stab")])
    #expect(Set(first) == Set(engine.openQuestions))
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(2)))
    // 'pool' is decided (false) now: reserve cannot change anything any more.
    #expect(engine.impact(of: kb.q("reserve")).score == .zero)
    #expect(engine.optionalQuestions().first == kb.q("stab"))
    #expect(!engine.optionalQuestions(excluding: [kb.q("stab")]).contains(kb.q("stab")))
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
      with:
        "{id: reserve, text: Reserve?, type: choice, values: [keine, gering, ausreichend], help: h, group: lage, relevant: \"dauer > 3\"}"
    )
    let result = Fixture.load([("Knowledge/k.yaml", knowledge), ("Rules/r.rules", Self.rules)])
    let kb = try #require(result.knowledgeBase, "\(DiagnosticRenderer().render(result.diagnostics))")
    var engine = Engine(knowledgeBase: kb)
    #expect(engine.isRelevant(kb.q("reserve")), "undetermined relevance still counts as relevant")
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(2)))
    #expect(!engine.isRelevant(kb.q("reserve")))
    #expect(!engine.openQuestions.contains(kb.q("reserve")))
  }
}
