import Consultation
import Foundation
import KnowledgeBase
import RuleEngine
import RuleLanguage
import Testing

@testable import Report

/// What the report model takes from a consultation.
struct ReportModelTests {
  func model(_ answers: [(question: String, answer: String)] = ReportFixture.scenario) throws -> ReportModel {
    let kb = try ReportFixture.load(ReportFixture.knowledgeBaseDirectory)
    return ReportModel(
      consultation: try ReportFixture.consultation(kb, answers: answers), date: try ReportFixture.date())
  }

  @Test func titlePageHasTheMunicipalityAsAnswered() throws {
    let model = try model()
    #expect(model.date == "14. März 2026")
    #expect(model.isoDate == "2026-03-14")
    #expect(
      model.municipality.map { "\($0.label): \($0.value)" } == [
        "Land: Hessen", "Art: Kreisfreie Stadt", "Größe: 48.000 Einwohnende",
      ])
    #expect(model.knowledgeBase.id == "berichtstest")
    #expect(model.knowledgeBase.version == "1.2")
  }

  @Test func unansweredMunicipalityQuestionsAreLeftOut() throws {
    let model = try model([("kommune.land", "by")])
    #expect(model.municipality.map(\.label) == ["Land"])
  }

  @Test func situationIsGroupedByTopicWithGapsMarked() throws {
    let model = try model()
    #expect(model.situation.map(\.title) == ["Lage", "Kommune", "Personal und Arbeitslast"])
    let gaps = model.situation.flatMap(\.answers).filter(\.isGap)
    #expect(gaps.map(\.id) == ["personal.krankenstand"])
    #expect(gaps.first?.answer == "weiß nicht")
    #expect(model.summary.gaps.text == "1 Informationslücke")
    #expect(model.summary.answers.text == "10 Antworten")
  }

  @Test func termsAreFilledForTheLand() throws {
    let hessen = try model()
    #expect(hessen.horizons.first?.measures.first?.title == "Ablösung im Stab (Verwaltungsstab) einführen")
    #expect(hessen.horizons.first?.measures.first?.office == "Verwaltungsstab")
    let bayern = try model(ReportFixture.scenario.map { $0.question == "kommune.land" ? ($0.question, "by") : $0 })
    #expect(bayern.horizons.first?.measures.first?.title == "Ablösung im Stab (Krisenstab) einführen")
  }

  @Test func patternsWithTheirEvidenceStrongestFirst() throws {
    let model = try model()
    #expect(model.patterns.map(\.id) == ["dauerkrise", "personalengpass"])
    #expect(model.patterns.map(\.state) == ["erkannt", "Verdacht"])
    let engpass = try #require(model.patterns.last)
    #expect(engpass.evidence.map(\.points) == ["+2", "−1"])
    #expect(engpass.evidence.map(\.isAgainst) == [false, true])
    #expect(engpass.evidence.last?.reason == "Das Land hilft mit Personal aus.")
    #expect(engpass.scoreText == "1 Punkt")
  }

  @Test func profileCoversEveryFactor() throws {
    let model = try model()
    #expect(model.profile.factors.map(\.code) == ["RF3", "RF4", "RF7"])
    #expect(model.profile.factors.map(\.level) == ["schwach", "kritisch", "nicht bewertet"])
    #expect(model.profile.assessedCount == 2)
    #expect(model.profile.factors[1].reasons == ["Das Personal im Stab (Verwaltungsstab) wird nicht abgelöst."])
    let chart = model.profile.chart
    #expect(chart.rows.count == 3)
    // The worst level gets the shortest bar, and every level its own pattern and word.
    #expect(chart.rows[1].barWidth < chart.rows[0].barWidth)
    #expect(chart.rows.map(\.pattern) == ["stufe-1", "stufe-0", ""])
    #expect(chart.rows.map(\.level.text) == ["schwach", "kritisch", "nicht bewertet"])
    #expect(chart.rows.map(\.isAssessed) == [true, true, false])
    #expect(chart.bands.map(\.title) == ["kritisch", "schwach", "ausreichend", "stark"])
  }

  @Test func measuresGroupedByHorizonWithPriorityParts() throws {
    let model = try model()
    #expect(model.horizons.map(\.title) == ["Sofort", "Kurzfristig", "Langfristig"])
    let measures = model.horizons.flatMap(\.measures)
    #expect(measures.map(\.rank) == [1, 2, 3])
    let first = try #require(measures.first)
    #expect(first.priority == "11")
    #expect(
      first.breakdown
        == "2 Gewicht der Regeln + 4 Dringlichkeit des Horizonts + 1 passt zur Phase + 3 Schwäche der gestärkten Faktoren + 1 Aufwand"
    )
    #expect(first.steps.map(\.number) == [1, 2, 3])
    #expect(first.reasons == ["Ohne Ablösung erschöpft sich der Stab (Verwaltungsstab)."])
    #expect(measures.last?.breakdown == "3 Gewicht der Regeln + 2 Schwäche der gestärkten Faktoren − 1 Aufwand")
    #expect(model.summary.topMeasures.map(\.rank) == [1, 2, 3])
  }

  @Test func openQuestionsAreThoseThatCanStillChangeTheAdvice() throws {
    let model = try model()
    #expect(model.openQuestions.map(\.id) == ["personal.uebung"])
    #expect(
      model.openQuestions.first?.decides == ["Maßnahme: Stabsübung ansetzen", "Faktor: RF7 Nachbereitung und Lernen"])
    #expect(model.moreOpenQuestions == 0)
  }

  @Test func openQuestionsAreLimited() throws {
    let kb = try ReportFixture.load(ReportFixture.knowledgeBaseDirectory)
    var options = ReportOptions()
    options.openQuestionLimit = 2
    let model = ReportModel(
      consultation: try ReportFixture.consultation(kb, answers: []), date: try ReportFixture.date(), options: options)
    #expect(model.openQuestions.count == 2)
    #expect(model.moreOpenQuestions == 7)
    #expect(model.summary.openQuestions.number == 9)
    // The most decisive first: the duration decides two measures, two patterns and two factors.
    #expect(model.openQuestions.first?.id == "lage.dauer_wochen")
  }

  @Test func bibliographyHoldsEverySourceCitedOnceNumberedInOrder() throws {
    let model = try model()
    #expect(model.bibliography.map(\.number) == Array(1...model.bibliography.count))
    var cited = Set<Int>()
    for pattern in model.patterns {
      cited.formUnion(pattern.sources.map(\.number))
      for evidence in pattern.evidence { cited.formUnion(evidence.sources.map(\.number)) }
    }
    for factor in model.profile.factors { cited.formUnion(factor.sources.map(\.number)) }
    for measure in model.horizons.flatMap(\.measures) { cited.formUnion(measure.sources.map(\.number)) }
    #expect(cited == Set(model.bibliography.map(\.number)))
    #expect(model.bibliography.map(\.id) == ["q1", "q2"])
    #expect(model.bibliography.allSatisfy { $0.link == $0.url })
    #expect(model.bibliography.first?.year == "2025")
  }

  @Test func decisionsAndNotesArePassedThrough() throws {
    let kb = try ReportFixture.load(ReportFixture.knowledgeBaseDirectory)
    var options = ReportOptions()
    options.decisions = [DecisionEntry(time: "10:15", text: "Reservepool aktiviert")]
    options.notes = [NoteEntry(time: "10:20", text: "Personalrat informiert")]
    let model = ReportModel(
      consultation: try ReportFixture.consultation(kb), date: try ReportFixture.date(), options: options)
    let markdown = try ReportTemplates(folder: ReportFixture.shippedTemplates).render(model, as: .md)
    #expect(markdown.contains("## Entscheidungen\n\n- 10:15: Reservepool aktiviert\n"))
    #expect(markdown.contains("## Notizen\n\n- 10:20: Personalrat informiert\n"))
  }

  @Test(arguments: [
    (0, "0"), (250, "2,5"), (100_000, "1000"), (1_000_000, "10.000"), (4_800_000, "48.000"),
    (13_000_000, "130.000"), (-300, "−3"), (123_456_789, "1.234.567,89"),
  ])
  func germanNumbers(hundredths: Int, text: String) {
    #expect(ReportText.number(FixedDecimal(hundredths: hundredths)) == text)
  }
}
