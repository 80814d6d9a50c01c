/// Cases for the bibliography's source kinds, publisher domains and the review dates of measures.
extension DiagnosticCase {
  /// The base knowledge with `old` replaced by `new`, and the clean rules.
  private static func base(
    _ name: String, _ id: String, replacing old: String, with new: String, and more: (String, String)? = nil
  ) -> DiagnosticCase {
    var text = Fixtures.baseKnowledge(replacing: old, with: new)
    if let (old, new) = more {
      if let range = text.range(of: old) {
        text.replaceSubrange(range, with: new)
      } else {
        text += "\n# missing: \(old)"
      }
    }
    return .files(name, id, [("Knowledge/base.yaml", text), ("Rules/base.rules", Fixtures.cleanRules)])
  }

  /// The base knowledge with `fields` added to the source q1 (after its URL).
  private static func source(_ name: String, _ id: String, _ fields: String) -> DiagnosticCase {
    base(name, id, replacing: #"url: "https://example.org"}"#, with: #"url: "https://example.org""# + fields + "}")
  }

  static let sources: [DiagnosticCase] = [
    base(
      "unclassified-source", "unclassified-source",
      replacing: #"url: "https://example.org"}"#, with: #"url: "https://www.quelle.example.net/seite"}"#),
    base(
      "aggregator-source", "aggregator-source",
      replacing: #"url: "https://example.org"}"#,
      with: #"url: "https://de.readkong.com/page/kopie-1"}"#,
      and: ("forschung: [example.org]", "forschung: [example.org]\n  aggregator: [readkong.com]")),
    source("source-kind-mismatch", "source-kind-mismatch", ", kind: amtlich"),
    source("measure-without-backing-unverified", "measure-without-backing", ", ungeprüft: true"),
    source("expected-boolean-unverified", "expected-boolean", ", ungeprüft: ja"),
    source("invalid-source-kind", "invalid-value", ", kind: zeitung"),
    base(
      "invalid-domain", "invalid-domain",
      replacing: "forschung: [example.org]", with: #"forschung: [example.org, "https://difu.de/"]"#),
    base(
      "duplicate-domain", "duplicate-id",
      replacing: "amtlich: [bund.de]", with: "amtlich: [bund.de, example.org]"),
    base(
      "invalid-domain-kind", "invalid-value",
      replacing: "amtlich: [bund.de]", with: "amtlch: [bund.de]"),
    base(
      "missing-source-domains", "missing-section",
      replacing: "\nsource_domains:\n  amtlich: [bund.de]\n  forschung: [example.org]", with: ""),
    base(
      "invalid-review-date", "invalid-review-date",
      replacing: "sources: [q1], reviewed: 2026-12-04}\n  - {id: liste",
      with: "sources: [q1], reviewed: 2026-02-30}\n  - {id: liste"),
    base(
      "invalid-review-date-format", "invalid-review-date",
      replacing: "sources: [q1], reviewed: 2026-12-04}\nsources:", with: "sources: [q1], reviewed: 4.12.2026}\nsources:"
    ),
    base(
      "missing-review-date", "missing-field",
      replacing: "sources: [q1], reviewed: 2026-12-04}\nsources:", with: "sources: [q1]}\nsources:"),
  ]
}
