import KnowledgeBase
import RuleEngine
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// A listener that keeps what it hears.
final class EventLog: EngineListener {
  var events: [EngineEvent] = []
  func engine(didEmit event: EngineEvent) { events.append(event) }
}

struct ExplanationTests {
  @Test func justificationFollowsDerivedFactsDownToAnswers() throws {
    let kb = try engineFixture(EngineSemanticsTests.chain)
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(6)))
    engine.set(kb.q("reserve"), to: .option(0))
    let rule = try #require(engine.firingRules(for: .measure(kb.measure("pool"))).first)
    let justification = engine.justify(rule: rule)
    #expect(kb.rules[justification.rule].id == "ueberlast")
    #expect(justification.condition.truth == .true)
    #expect(justification.condition.tests.map { $0.condition.text(in: kb) } == ["lang", "reserve in [keine, gering]"])
    // The fact 'lang' read by the rule is explained by the rule that derived it from the answer.
    let lang = try #require(justification.facts.first)
    #expect(kb.facts[lang.fact].id == "lang")
    #expect(lang.rules.map { kb.rules[$0.rule].id } == ["lang"])
    #expect(lang.rules[0].condition.tests.map { $0.condition.text(in: kb) } == ["dauer >= 4"])
    #expect(lang.rules[0].facts.isEmpty)
  }

  @Test func whyNotNamesTheFirstFailingOrOpenCondition() throws {
    let kb = try engineFixture(EngineSemanticsTests.chain)
    var engine = Engine(knowledgeBase: kb)
    // Nothing answered: 'lang' is open, so the first open test is 'lang'.
    var blocked = engine.whyNot(measure: kb.measure("pool"))
    #expect(blocked.count == 1)
    #expect(blocked[0].truth == .undetermined)
    #expect(blocked[0].blocker.condition.text(in: kb) == "lang")
    // Long situation but enough reserve: the reserve test fails.
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(6)))
    engine.set(kb.q("reserve"), to: .option(2))
    blocked = engine.whyNot(measure: kb.measure("pool"))
    #expect(blocked[0].truth == .false)
    #expect(blocked[0].blocker.condition.text(in: kb) == "reserve in [keine, gering]")
    #expect(blocked[0].blocker.truth == .false)
    // A recommended measure has nothing blocking it.
    engine.set(kb.q("reserve"), to: .option(0))
    #expect(engine.whyNot(measure: kb.measure("pool")).isEmpty)
  }

  @Test func listenersHearEachChangeInDecisionOrder() throws {
    let kb = try engineFixture(EngineSemanticsTests.chain)
    var engine = Engine(knowledgeBase: kb)
    let log = EventLog()
    engine.listeners = [log]
    engine.set(kb.q("reserve"), to: .option(0))
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(6)))
    let names = log.events.map { event -> String in
      switch event {
      case .ruleFired(let rule): "fired \(kb.rules[rule].id)"
      case .ruleRetracted(let rule): "retracted \(kb.rules[rule].id)"
      case .factChanged(let fact, _, let to): "\(kb.facts[fact].id) \(to)"
      case .patternChanged(let pattern, _, let to): "\(kb.patterns[pattern].id) \(to)"
      case .factorChanged(let factor, _, let to): "\(kb.factors[factor].id) \(to.map { kb.factorLevels[$0].id } ?? "-")"
      case .measureRecommended(let measure): "recommend \(kb.measures[measure].id)"
      case .measureDropped(let measure): "drop \(kb.measures[measure].id)"
      case .measureWeightChanged(let measure, _, _): "reweigh \(kb.measures[measure].id)"
      }
    }
    #expect(
      names == [
        "fired lang", "lang true", "fired ueberlast", "ueberlastet true", "dauerkrise suspected",
        "rf3 schwach", "recommend pool", "entspannt false",
      ])
  }

  @Test func whatIfShowsTheChangeWithoutCommittingIt() throws {
    let kb = try engineFixture(EngineSemanticsTests.chain)
    var engine = Engine(knowledgeBase: kb)
    let log = EventLog()
    engine.listeners = [log]
    engine.set(kb.q("dauer"), to: .number(FixedDecimal(6)))
    let eventsBefore = log.events.count
    let change = engine.whatIf(kb.q("reserve"), .option(0))
    #expect(change.added == [kb.measure("pool")])
    #expect(change.patterns.map(\.to) == [.suspected])
    #expect(engine.answers[kb.q("reserve")] == nil)
    #expect(!engine.isRecommended(kb.measure("pool")))
    #expect(log.events.count == eventsBefore, "a hypothetical answer must not reach listeners")
    // The change is exactly what committing the answer does.
    let before = engine
    engine.set(kb.q("reserve"), to: .option(0))
    #expect(AdviceChange(before: before, after: engine) == change)
  }
}
