import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// Loads the base fixture plus one rule `t` with the given condition.
func loadRule(_ condition: String, conclusion: String) -> LoadResult {
  Fixture.load([
    ("Knowledge/base.yaml", Fixture.baseKnowledge), ("Rules/base.rules", Fixtures.cleanRules),
    ("Rules/t.rules", "rule t\n  source q1\n  when \(condition)\n  then \(conclusion)\n"),
  ])
}

/// What conditions compile to: question and level indices, bit sets of options and levels.
@Suite struct ConditionCompilerTests {
  // Base fixture: questions phase 0, dauer 1, reserve 2, stab 3, aufgaben 4, last 5;
  // levels kritisch 0, schwach 1, ausreichend 2, stark 3; fact lang 0.
  @Test(
    arguments: [
      ("dauer >= 4", CompiledCondition.number(question: 1, .greaterEqual, FixedDecimal(4))),
      ("dauer != 2.5", .number(question: 1, .notEqual, FixedDecimal(hundredths: 250))),
      ("last = 5", .number(question: 5, .equal, FixedDecimal(5))),
      ("stab = ja", .option(question: 3, options: 0b01, negated: false)),
      ("stab != nein", .option(question: 3, options: 0b10, negated: true)),
      ("reserve in [keine, gering]", .option(question: 2, options: 0b011, negated: false)),
      ("reserve not in [ausreichend]", .option(question: 2, options: 0b100, negated: true)),
      ("aufgaben includes impf", .includes(question: 4, .one, options: 0b010)),
      ("aufgaben includes any [test, hotline]", .includes(question: 4, .any, options: 0b101)),
      ("aufgaben includes all [impf, hotline]", .includes(question: 4, .all, options: 0b110)),
      ("dauer is known", .answered(question: 1, known: true)),
      ("reserve is unknown", .answered(question: 2, known: false)),
      ("lang", .fact(0)),
      ("not lang", .not(.fact(0))),
      ("pattern dauerkrise suspected", .pattern(0, .suspected)),
      ("factor rf3 = schwach", .factor(0, levels: 0b0010)),
      ("factor rf3 != stark", .factor(0, levels: 0b0111)),
      ("factor rf3 < schwach", .factor(0, levels: 0b0001)),
      ("factor rf3 <= schwach", .factor(0, levels: 0b0011)),
      ("factor rf3 > schwach", .factor(0, levels: 0b1100)),
      ("factor rf3 >= ausreichend", .factor(0, levels: 0b1100)),
      ("factor rf3 in [kritisch, stark]", .factor(0, levels: 0b1001)),
      ("factor rf3 not in [kritisch, stark]", .factor(0, levels: 0b0110)),
      (
        "lang and stab = ja and dauer > 1",
        .and([
          .fact(0), .option(question: 3, options: 0b01, negated: false),
          .number(question: 1, .greater, FixedDecimal(1)),
        ])
      ),
      (
        "lang or (stab = ja or dauer > 1)",
        .or([
          .fact(0), .option(question: 3, options: 0b01, negated: false),
          .number(question: 1, .greater, FixedDecimal(1)),
        ])
      ),
      (
        "lang and (stab = ja or dauer > 1)",
        .and([
          .fact(0),
          .or([.option(question: 3, options: 0b01, negated: false), .number(question: 1, .greater, FixedDecimal(1))]),
        ])
      ),
    ] as [(String, CompiledCondition)])
  func compiles(_ source: String, _ expected: CompiledCondition) throws {
    // Pattern and factor tests may not feed their own pattern or factor, so conclude a measure.
    let result = loadRule(source, conclusion: "recommend liste weight 1 because \"Test\"")
    #expect(!result.diagnostics.containsErrors, "\(DiagnosticRenderer().render(result.diagnostics))")
    let rule = try #require(result.knowledgeBase?.rules.first { $0.id == "t" })
    #expect(rule.condition == expected)
  }

  @Test func conclusionsCompileWithReasons() throws {
    let result = loadRule(
      "stab = nein",
      conclusion:
        "derive lang\n       evidence dauerkrise -1.5 because \"Gegenindiz\"\n       assess rf3 kritisch\n       recommend pool weight 2 because \"Grund\""
    )
    let rule = try #require(result.knowledgeBase?.rules.first { $0.id == "t" })
    #expect(
      rule.conclusions.map(\.kind) == [
        .derive(fact: 0), .evidence(pattern: 0, points: FixedDecimal(hundredths: -150)), .assess(factor: 0, level: 0),
        .recommend(measure: 0, weight: FixedDecimal(2)),
      ])
    #expect(rule.conclusions.map(\.reason) == [nil, "Gegenindiz", nil, "Grund"])
    #expect(rule.sourceIDs == ["q1"])
    #expect(rule.location == "Rules/t.rules:1")
  }

  @Test func relevanceConditionsCompile() throws {
    let result = Fixture.load([
      ("Knowledge/base.yaml", Fixture.baseKnowledge), ("Rules/base.rules", Fixtures.cleanRules),
      (
        "Knowledge/extra.yaml",
        "questions:\n  - {id: extra, text: E?, type: yesno, help: h, group: lage, relevant: \"stab = nein and dauer >= 2\"}\n"
      ),
      ("Rules/extra.rules", "rule e\n  source q1\n  when extra = ja\n  then assess rf3 schwach\n"),
    ])
    #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer().render(result.diagnostics))")
    let question = try #require(result.knowledgeBase?.questions.last)
    #expect(question.id == "extra")
    #expect(question.relevanceText == "stab = nein and dauer >= 2")
    #expect(
      question.relevance
        == .and([
          .option(question: 3, options: 0b10, negated: false), .number(question: 1, .greaterEqual, FixedDecimal(2)),
        ]))
  }
}

/// Which rule sets can be layered: negation and pattern or factor tests must not lie on a cycle.
@Suite struct StratificationTests {
  static let facts = "fact a \"A\"\nfact b \"B\"\n"

  @Test(arguments: [
    (
      "positive cycle",
      "rule ab\n  source q1\n  when b or stab = ja\n  then derive a\nrule ba\n  source q1\n  when a\n  then derive b\n"
    ),
    (
      "negation of a lower layer",
      "rule ab\n  source q1\n  when not b\n  then derive a\nrule b\n  source q1\n  when stab = ja\n  then derive b\n"
    ),
    (
      "pattern feeds a fact",
      "rule pa\n  source q1\n  when pattern dauerkrise established\n  then derive a\nrule b\n  source q1\n  when a and not a\n  then derive b\n"
    ),
  ])
  func layered(_ name: String, _ rules: String) {
    let result = Fixture.load([
      ("Knowledge/base.yaml", Fixture.baseKnowledge), ("Rules/base.rules", Fixtures.cleanRules),
      ("Rules/t.rules", Self.facts + rules),
    ])
    #expect(!result.diagnostics.containsErrors, "\(name): \(DiagnosticRenderer().render(result.diagnostics))")
    #expect(result.knowledgeBase != nil)
  }

  @Test(arguments: [
    ("negation self-loop", "rule aa\n  source q1\n  when not a\n  then derive a\n", "'a' → 'a' (rules 'aa')"),
    (
      "factor reads itself", "rule ff\n  source q1\n  when factor rf3 <= schwach\n  then assess rf3 kritisch\n",
      "factor 'rf3' → factor 'rf3' (rules 'ff')"
    ),
    (
      "pattern and fact",
      "rule pa\n  source q1\n  when pattern dauerkrise suspected\n  then derive a\nrule ap\n  source q1\n  when a\n  then evidence dauerkrise +1\n",
      "pattern 'dauerkrise' → 'a' → pattern 'dauerkrise' (rules 'pa', 'ap')"
    ),
  ])
  func rejected(_ name: String, _ rules: String, _ cycle: String) {
    let result = Fixture.load([
      ("Knowledge/base.yaml", Fixture.baseKnowledge), ("Rules/base.rules", Fixtures.cleanRules),
      ("Rules/t.rules", Self.facts + rules),
    ])
    let messages = result.diagnostics.filter { $0.id.rawValue == "negation-cycle" }.map(\.message)
    #expect(messages == ["cycle through negation or aggregation: \(cycle)"], "\(name)")
    #expect(result.knowledgeBase == nil)
  }
}

/// Which rules the linter finds can never fire; it is conservative, never wrong the other way.
@Suite struct RuleReachabilityTests {
  @Test(
    arguments: [
      ("dauer > 50 and dauer < 10", "the tests of 'dauer' contradict each other"),
      ("dauer > 100", "'dauer' can never be > 100"),
      ("dauer < 0 or last > 5", "'dauer' can never be < 0, and 'last' can never be > 5"),
      ("reserve = keine and reserve = gering", "the tests of 'reserve' contradict each other"),
      ("reserve in [keine] and reserve != keine", "the tests of 'reserve' contradict each other"),
      ("pattern dauerkrise established and dauer > 200", nil),
    ] as [(String, String?)])
  func neverFires(_ condition: String, _ reason: String?) {
    let result = loadRule(condition, conclusion: "recommend liste weight 1 because \"Test\"")
    let warnings = result.diagnostics.filter { $0.id.rawValue == "rule-never-fires" }.map(\.message)
    if let reason {
      #expect(warnings == ["rule 't' can never fire: \(reason)"])
    } else {
      // Out of range: an error, not a warning.
      #expect(result.diagnostics.map(\.id.rawValue) == ["value-out-of-range"])
    }
  }

  @Test(arguments: [
    "dauer >= 5 and dauer <= 5", "dauer != 0 and dauer = 1", "reserve != keine and reserve != gering",
    "not (dauer > 50 and dauer < 10)", "dauer > 50 and dauer < 10 or stab = ja", "pattern dauerkrise established",
    "factor rf3 = schwach", "aufgaben includes all [test, impf, hotline]",
  ])
  func mightFire(_ condition: String) {
    let result = loadRule(condition, conclusion: "recommend liste weight 1 because \"Test\"")
    #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer().render(result.diagnostics))")
  }

  @Test func unreachablePatternStateMakesItsReadersImpossible() {
    let result = Fixture.load([
      ("Knowledge/base.yaml", Fixture.baseKnowledge), ("Rules/base.rules", Fixtures.cleanRules),
      (
        "Knowledge/flut.yaml",
        "patterns:\n  - {id: flut, title: Flut, description: d, indicators: [i], suspected: 2, established: 4, sources: [q1]}\n"
      ),
      (
        "Rules/flut.rules",
        "rule flut\n  source q1\n  when last = 5\n  then evidence flut +2\nrule flut-erkannt\n  source q1\n  when pattern flut established\n  then recommend liste weight 1 because \"Test\"\n"
      ),
    ])
    #expect(
      result.diagnostics.map(\.message) == [
        "pattern 'flut' can never be established: it needs 4 points, its rules give at most 2",
        "rule 'flut-erkannt' can never fire: pattern 'flut' can never be established",
      ])
  }

  @Test func aQuestionUsedOnlyInARelevanceConditionIsUsed() {
    let result = Fixture.load([
      ("Knowledge/base.yaml", Fixture.baseKnowledge), ("Rules/base.rules", Fixtures.cleanRules),
      (
        "Knowledge/extra.yaml",
        "questions:\n  - {id: a, text: A?, type: yesno, help: h, group: lage}\n  - {id: b, text: B?, type: yesno, help: h, group: lage, relevant: a = ja}\n"
      ),
    ])
    #expect(result.diagnostics.map(\.message) == ["question 'b' is used by no rule and no relevance condition"])
  }
}
