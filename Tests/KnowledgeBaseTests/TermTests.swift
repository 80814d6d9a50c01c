import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// `terms:` — words such as the staff's name that depend on an answer.
@Suite struct TermTests {
  static let terms = """
    terms:
      - id: stab
        question: reserve
        default: Krisenstab
        values:
          keine: Verwaltungsstab
          gering: Führungsgruppe Katastrophenschutz (FüGK)
    """

  static func load(_ terms: String, rules: String = "") -> LoadResult {
    Fixture.load([
      ("Knowledge/base.yaml", Fixture.baseKnowledge), ("Knowledge/terms.yaml", terms),
      ("Rules/base.rules", Fixtures.cleanRules + rules),
    ])
  }

  @Test func termsResolveTheirQuestionAndValues() throws {
    let result = Self.load(Self.terms)
    #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer().render(result.diagnostics))")
    let kb = try #require(result.knowledgeBase)
    let term = try #require(kb.terms.first)
    #expect(term.question == kb.questionIndex["reserve"])
    #expect(term.text(forOption: 0) == "Verwaltungsstab")
    #expect(term.text(forOption: 2) == "Krisenstab")
    #expect(term.text(forOption: nil) == "Krisenstab")
  }

  @Test func placeholdersAreFilled() {
    #expect(Placeholder.names(in: "Der {stab} tagt, {x} nicht {") == ["stab", "x"])
    let filled = Placeholder.fill("Der {stab} tagt; {unbekannt} bleibt.") { $0 == "stab" ? "Verwaltungsstab" : nil }
    #expect(filled == "Der Verwaltungsstab tagt; {unbekannt} bleibt.")
  }

  @Test func unknownPlaceholderInAReasonIsAnError() {
    let result = Self.load(
      Self.terms,
      rules: """

        rule mit-platzhalter
          source q1
          when stab = ja
          then recommend liste weight 1 because "Der {stb} entscheidet."
        """)
    let rendered = DiagnosticRenderer().render(result.diagnostics)
    #expect(rendered.contains("error: unknown term 'stb'; did you mean 'stab'?"), "\(rendered)")
  }

  @Test func termNeedsAChoiceQuestionAndItsValues() {
    let wrongType = Self.load(Self.terms.replacingOccurrences(of: "question: reserve", with: "question: dauer"))
    #expect(wrongType.diagnostics.map(\.id.rawValue).contains("invalid-term-question"))
    let wrongValue = Self.load(
      Self.terms.replacingOccurrences(of: "keine: Verwaltungsstab", with: "kein: Verwaltungsstab"))
    let rendered = DiagnosticRenderer().render(wrongValue.diagnostics)
    #expect(
      rendered.contains(
        "Knowledge/terms.yaml:6:7: error: 'kein' is not a value of question 'reserve'; allowed: keine, gering, ausreichend; did you mean 'keine'?"
      ), "\(rendered)")
  }

  @Test func casesCompileTheirConditions() throws {
    let withCases =
      Self.terms + """

            cases:
              - when: "reserve = keine and stab = nein"
                text: Krisenstab der Gemeinde
        """
    let result = Self.load(withCases)
    #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer().render(result.diagnostics))")
    let term = try #require(result.knowledgeBase?.terms.first)
    #expect(term.cases.map(\.text) == ["Krisenstab der Gemeinde"])
  }

  @Test func aCaseConditionThatDoesNotCompileIsReportedWhereItStands() {
    let withCases =
      Self.terms + """

            cases:
              - when: "reserve = kein"
                text: Krisenstab der Gemeinde
        """
    let rendered = DiagnosticRenderer().render(Self.load(withCases).diagnostics)
    #expect(rendered.contains("Knowledge/terms.yaml:9:26: error:"), "\(rendered)")
    #expect(rendered.contains("'kein' is not a value of question 'reserve'"), "\(rendered)")
  }
}
