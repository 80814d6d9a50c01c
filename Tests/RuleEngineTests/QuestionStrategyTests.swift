import KnowledgeBase
import RuleEngine
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// The dialogue's order and stop on small knowledge bases: the situation first, then only what
/// can change the first places, and no question once they are settled.
struct QuestionStrategyTests {
  static func knowledgeBase(_ rules: String, firstQuestions: [String] = []) throws -> KnowledgeBase {
    var knowledge = Fixture.baseKnowledge
    for id in firstQuestions {
      knowledge = knowledge.replacingOccurrences(of: "{id: \(id), ", with: "{id: \(id), ask_first: true, ")
    }
    let result = Fixture.load([("Knowledge/k.yaml", knowledge), ("Rules/r.rules", rules)])
    return try #require(result.knowledgeBase, "\(DiagnosticRenderer().render(result.diagnostics))")
  }

  static let twoMeasures = """
    rule pool-bei-knapper-reserve
      source q1
      when reserve in [keine, gering]
      then recommend pool weight 3 because "r"
    rule liste-ohne-stab
      source q1
      when stab = nein
      then recommend liste weight 1 because "r"
    rule pool-bei-langer-lage
      source q1
      when dauer >= 8
      then recommend pool weight 1 because "r"
    """

  @Test func situationQuestionsComeFirstInDeclarationOrder() throws {
    let kb = try Self.knowledgeBase(Self.twoMeasures, firstQuestions: ["phase", "last"])
    var engine = Engine(knowledgeBase: kb)
    #expect(engine.chooseQuestion().question == kb.questionIndex["phase"])
    engine.set(kb.questionIndex["phase"]!, to: .option(1))
    // 'last' is read by no rule, yet it is part of the situation and comes next.
    #expect(engine.chooseQuestion().question == kb.questionIndex["last"])
  }

  @Test func aQuestionNoRuleReadsIsNeverAsked() throws {
    let kb = try Self.knowledgeBase(Self.twoMeasures)
    var engine = Engine(knowledgeBase: kb)
    var asked: [String] = []
    while let question = engine.chooseQuestion().question, asked.count < 10 {
      asked.append(kb.questions[question].id)
      engine.set(question, to: .unknown)
    }
    #expect(!asked.contains("last"))
    #expect(!asked.contains("aufgaben"))
    #expect(Set(asked).isSubset(of: ["reserve", "stab", "dauer", "phase"]))
  }

  @Test func theDialogueStopsWhenTheTopIsSettled() throws {
    let kb = try Self.knowledgeBase(Self.twoMeasures)
    var engine = Engine(knowledgeBase: kb)
    for (id, answer) in [("phase", Answer.option(1)), ("reserve", .option(0)), ("stab", .option(1))] {
      engine.set(kb.questionIndex[id]!, to: answer)
    }
    // Both measures are recommended and there are fewer than ten: no answer can change the top.
    let choice = engine.chooseQuestion()
    #expect(choice.question == nil)
    #expect(choice.stability.isStable)
    #expect(choice.stability.top.count == 2)
  }

  @Test func anOpenQuestionThatCanStillRecommendKeepsTheDialogueGoing() throws {
    let kb = try Self.knowledgeBase(Self.twoMeasures)
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.questionIndex["phase"]!, to: .option(1))
    engine.set(kb.questionIndex["reserve"]!, to: .option(0))
    let choice = engine.chooseQuestion()
    // 'liste' can still be recommended by 'stab = nein': the top of two places is not settled.
    #expect(!choice.stability.isStable)
    #expect(choice.stability.challengers == [kb.measureIndex["liste"]!])
    #expect(choice.question == kb.questionIndex["stab"])
  }

  @Test func weissNichtSettlesWhatWaitedForTheAnswer() throws {
    let kb = try Self.knowledgeBase(Self.twoMeasures)
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.questionIndex["phase"]!, to: .option(1))
    engine.set(kb.questionIndex["reserve"]!, to: .option(0))
    engine.set(kb.questionIndex["stab"]!, to: .unknown)
    #expect(engine.chooseQuestion().question == nil, "an unknown answer never lets 'liste-ohne-stab' fire")
    let points = engine.openPoints()
    #expect(points.map(\.question) == [kb.questionIndex["stab"]!])
    #expect(points.first?.measures == [kb.measureIndex["liste"]!])
  }

  @Test func theCountdownNeverRises() throws {
    let kb = try Self.knowledgeBase(RandomRules.ruleSet(seed: 7))
    var engine = Engine(knowledgeBase: kb)
    var rng = SplitMix64(seed: 99)
    var bound = engine.remainingQuestionBound
    while let question = engine.chooseQuestion().question {
      engine.set(question, to: RandomRules.answer(for: kb.questions[question], &rng) ?? .unknown)
      let next = engine.remainingQuestionBound
      #expect(next <= bound)
      bound = next
    }
  }

  /// A named situation that is only suspected is confirmed before the stop, even when the top of
  /// the advice no longer depends on it; a pattern nobody suspects is not chased.
  @Test func aSuspectedSituationIsConfirmedBeforeTheStop() throws {
    let rules = """
      rule benannt
        source q1
        when aufgaben includes test
        then evidence dauerkrise +3
      rule zeichen-stab
        source q1
        when stab = nein
        then evidence dauerkrise +1
      rule zeichen-dauer
        source q1
        when dauer >= 8
        then evidence dauerkrise +3
      rule pool-in-der-lage
        source q1
        when pattern dauerkrise suspected
        then recommend pool weight 2 because "r"
      """
    let kb = try Self.knowledgeBase(rules, firstQuestions: ["phase", "aufgaben"])
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.q("phase"), to: .option(1))
    engine.set(kb.q("aufgaben"), to: .options(1))
    let pattern = try #require(kb.patternIndex["dauerkrise"])
    #expect(engine.patternState[pattern] == .suspected)
    let choice = engine.chooseQuestion()
    #expect(choice.stability.isStable, "the only measure is recommended; nothing can challenge it")
    // dauer can give 3 points, stab only 1: the stronger sign is asked first.
    #expect(choice.question == kb.q("dauer"))
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(10)))
    #expect(engine.patternState[pattern] == .established)
    #expect(engine.chooseQuestion().question == nil, "confirmed: the dialogue stops")

    var unsuspected = Engine(knowledgeBase: kb)
    unsuspected.set(kb.q("phase"), to: .option(1))
    unsuspected.set(kb.q("aufgaben"), to: .options(2))
    let open = unsuspected.chooseQuestion()
    #expect(open.question != nil, "the sign questions can still make the pattern suspected and recommend pool")
  }
}
