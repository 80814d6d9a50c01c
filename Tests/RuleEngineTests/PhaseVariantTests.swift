import KnowledgeBase
import RuleEngine
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// `by_phase`: a measure that is prepared in Vorsorge and ordered in Bewältigung says so, and is
/// ranked by the horizon it has in the phase.
struct PhaseVariantTests {
  static let knowledge = Fixture.baseKnowledge.replacingOccurrences(
    of: "phases: [vorsorge], factors: [rf3], sources: [q1], reviewed: 2026-12-04}",
    with: """
      phases: [vorsorge, bewaeltigung], factors: [rf3], sources: [q1], reviewed: 2026-12-04,
             by_phase: {bewaeltigung: {title: "Liste jetzt anlegen", steps: [x, y, z], horizon: sofort}}}
      """)
  static let rules = """
    rule liste
      source q1
      when stab = nein
      then recommend liste weight 1 because "Kein Stab."
    """

  static func load(_ knowledge: String = knowledge) -> LoadResult {
    Fixture.load([("Knowledge/k.yaml", knowledge), ("Rules/r.rules", rules)])
  }

  @Test func theVariantReplacesTitleStepsAndHorizonInItsPhase() throws {
    let result = Self.load()
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(DiagnosticRenderer().render(errors))")
    let kb = try #require(result.knowledgeBase)
    var engine = Engine(knowledgeBase: kb)
    engine.set(kb.q("stab"), to: .option(1))
    let liste = kb.measure("liste")
    #expect(engine.measure(liste).title == "Liste", "no phase: the measure's own wording")

    engine.set(kb.q("phase"), to: .option(0))
    #expect(engine.measure(liste).title == "Liste")
    #expect(engine.measure(liste).horizon == .langfristig)
    let inVorsorge = try #require(engine.advice().first { $0.measure == liste })

    engine.set(kb.q("phase"), to: .option(1))
    let ordered = engine.measure(liste)
    #expect(ordered.title == "Liste jetzt anlegen")
    #expect(ordered.steps == ["x", "y", "z"])
    #expect(ordered.horizon == .sofort)
    // Urgency follows the variant's horizon: sofort counts 4 in Bewältigung, langfristig 0.
    let inBewaeltigung = try #require(engine.advice().first { $0.measure == liste })
    #expect(inBewaeltigung.parts.first { $0.kind == .urgency }?.points == FixedDecimal(4))
    #expect(inVorsorge.parts.first { $0.kind == .urgency }?.points == FixedDecimal(1))
    #expect(engine.section(of: liste) == .alongside, "a sofort variant is no longer structure building")
  }

  @Test func aVariantForAPhaseTheMeasureDoesNotListIsAnError() {
    let wrong = Self.knowledge.replacingOccurrences(of: "by_phase: {bewaeltigung:", with: "by_phase: {nachbereitung:")
    let rendered = DiagnosticRenderer().render(Self.load(wrong).diagnostics)
    #expect(rendered.contains("'nachbereitung'"), "\(rendered)")
    #expect(
      rendered.contains(
        "k.yaml:35:19: error: 'nachbereitung' is not allowed for 'by_phase'; expected 'vorsorge' or 'bewaeltigung'"),
      "\(rendered)")
  }

  @Test func aVariantFieldThatIsNotKnownIsReported() {
    let wrong = Self.knowledge.replacingOccurrences(of: "horizon: sofort}}}", with: "horizont: sofort}}}")
    let rendered = DiagnosticRenderer().render(Self.load(wrong).diagnostics)
    #expect(rendered.contains("horizont"), "\(rendered)")
  }
}
