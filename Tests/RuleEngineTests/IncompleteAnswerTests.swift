import KnowledgeBase
import RuleEngine
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// A several-of answer that says "these, and the rest I don't know": an unticked option is
/// undetermined, not false.
struct IncompleteAnswerTests {
  static let rules = """
    fact hat-test "Testzentrum"
    fact ohne-hotline "keine Hotline"
    rule test-genannt
      source q1
      when aufgaben includes test
      then derive hat-test
    rule hotline-fehlt
      source q1
      when not (aufgaben includes hotline)
      then derive ohne-hotline
    rule alle-drei
      source q1
      when aufgaben includes all [test, impf, hotline]
      then recommend pool weight 1 because "r"
    """

  static func engine(_ answer: Answer) throws -> (Engine, KnowledgeBase) {
    let result = Fixture.load([("Knowledge/k.yaml", Fixture.baseKnowledge), ("Rules/r.rules", rules)])
    let kb = try #require(result.knowledgeBase, "\(DiagnosticRenderer().render(result.diagnostics))")
    let question = try #require(kb.questionIndex["aufgaben"])
    return (Engine(knowledgeBase: kb, answers: [question: answer]), kb)
  }

  @Test func tickedOptionsHoldAndTheRestStaysOpen() throws {
    // test ticked (bit 0), the rest unknown
    let (engine, kb) = try Self.engine(.partialOptions(0b001))
    let fact = { (id: String) in engine.factTruth[kb.factIndex[id]!] }
    #expect(fact("hat-test") == .true)
    #expect(fact("ohne-hotline") == .undetermined, "an unticked option is not 'not there'")
    #expect(engine.ruleTruth[kb.ruleIndex["alle-drei"]!] == .undetermined)
  }

  @Test func aCompleteAnswerDecidesUntickedOptions() throws {
    let (engine, kb) = try Self.engine(.options(0b001))
    #expect(engine.factTruth[kb.factIndex["ohne-hotline"]!] == .true)
    #expect(engine.ruleTruth[kb.ruleIndex["alle-drei"]!] == .false)
  }

  @Test func anIncompleteAnswerIsFinalForTheDialogue() throws {
    // "The rest unknown" is an answer: the question is not open any more, and the rule that
    // waits for an unticked option cannot fire under any completion.
    let (engine, kb) = try Self.engine(.partialOptions(0b001))
    let possibility = engine.possibility
    #expect(!possibility.open[kb.questionIndex["aufgaben"]!])
    #expect(!possibility.canFire[kb.ruleIndex["alle-drei"]!])
    #expect(!engine.isRecommended(kb.measureIndex["pool"]!))
  }
}
