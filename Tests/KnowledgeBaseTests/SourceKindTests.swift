import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// How a source's kind follows from its URL's host, and what counts toward a measure's backing.
@Suite struct SourceKindTests {
  @Test func theLongestListedDomainDecidesTheKind() throws {
    let text = Fixtures.baseKnowledge(
      replacing: #"url: "https://example.org"}"#,
      with: #"url: "https://example.org"}"# + """

          - {id: s1, title: Bund, publisher: BBK, url: "https://www.bbk.bund.de/seite"}
          - {id: s2, title: Zeitung, publisher: Blatt, url: "https://zeitung.bund.de/artikel"}
          - {id: s3, title: Gross, publisher: Difu, url: "https://WWW.Example.ORG./x"}
          - {id: s4, title: Verband, publisher: Verband, url: "https://verband.example.org/y", ungeprüft: true}
        """
    ).replacingOccurrences(
      of: "sources: [q1], reviewed: 2026-12-04}\n  - {id: liste",
      with: "sources: [q1, s1, s2, s3, s4], reviewed: 2026-12-04}\n  - {id: liste"
    )
    .replacingOccurrences(
      of: "amtlich: [bund.de]",
      with: "amtlich: [bund.de]\n  presse: [zeitung.bund.de]\n  fachverband: [verband.example.org]")
    let loaded = Fixture.load([("Knowledge/base.yaml", text), ("Rules/base.rules", Fixtures.cleanRules)])
    #expect(loaded.diagnostics.isEmpty, "\(DiagnosticRenderer().render(loaded.diagnostics))")
    let kb = try #require(loaded.knowledgeBase)
    let kinds = Dictionary(uniqueKeysWithValues: kb.sources.map { ($0.id, $0.kind) })
    #expect(kinds["q1"] == .forschung)
    #expect(kinds["s1"] == .amtlich)
    // `zeitung.bund.de` is longer than `bund.de`, so it wins.
    #expect(kinds["s2"] == .presse)
    // Case and a trailing dot do not hide the host.
    #expect(kinds["s3"] == .forschung)
    #expect(kinds["s4"] == .fachverband)
    #expect(kb.sources.first { $0.id == "s4" }?.verified == false)
    let statistics = try #require(loaded.statistics)
    #expect(statistics.sourcesByKind.map(\.count) == [1, 2, 0, 0, 1])
    #expect(statistics.unverifiedSources == 1)
  }

  @Test func aDomainDoesNotMatchTheMiddleOfAnotherName() throws {
    let text = Fixtures.baseKnowledge(
      replacing: #"url: "https://example.org"}"#, with: #"url: "https://notexample.org"}"#)
    let loaded = Fixture.load([("Knowledge/base.yaml", text), ("Rules/base.rules", Fixtures.cleanRules)])
    #expect(loaded.diagnostics.map(\.id.rawValue) == ["unclassified-source"])
  }

  @Test func anExplicitKindThatAgreesIsSilent() throws {
    let text = Fixtures.baseKnowledge(
      replacing: #"url: "https://example.org"}"#, with: #"url: "https://example.org", kind: forschung}"#)
    let loaded = Fixture.load([("Knowledge/base.yaml", text), ("Rules/base.rules", Fixtures.cleanRules)])
    #expect(loaded.diagnostics.isEmpty)
  }

  @Test(arguments: [
    ("2026-12-04", true), ("2024-02-29", true), ("2000-01-01", true), ("2099-12-31", true),
    ("2023-02-29", false), ("2100-02-28", false), ("1999-12-31", false), ("2026-13-01", false),
    ("2026-04-31", false), ("2026-4-1", false), ("04.12.2026", false), ("2026-12-04T10:00", false), ("", false),
    ("２０２６-12-04", false),
  ])
  func reviewDates(_ text: String, _ valid: Bool) {
    let loaded = Fixture.load([
      (
        "Knowledge/base.yaml",
        Fixtures.baseKnowledge(
          replacing: "reviewed: 2026-12-04}\n  - {id: liste", with: "reviewed: \"\(text)\"}\n  - {id: liste")
      ),
      ("Rules/base.rules", Fixtures.cleanRules),
    ])
    #expect(loaded.diagnostics.contains { $0.id.rawValue == "invalid-review-date" } == !valid, "\(text)")
  }
}
