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
}
