import Foundation
import Testing

@testable import Report

/// Every text from a user or a file reaches the report escaped: a knowledge base whose texts
/// are markup cannot put markup into the report.
struct ReportEscapingTests {
  static let evil = #"<script>alert(1)</script> & "x""#
  static let evilHTML = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"
  static let evilMarkdown = #"\<script\>alert(1)\</script\> & "x""#

  /// A knowledge base whose titles, question, option, measure, pattern, factor, level and
  /// source texts and rule reasons all carry markup.
  static let knowledge = """
    knowledge_base:
      id: boese
      title: 'Wissen <script>alert(1)</script> & "x"'
      version: '1 <b>'
    factor_levels:
      - {id: kritisch, title: '<script>alert(1)</script> & "x"', weakness: 3}
      - {id: gut, title: gut, weakness: 0}
    priority:
      weight: 1
      urgency:
        default: {sofort: 3, kurzfristig: 2, langfristig: 1}
      weakness: max
      effort: {gering: 1, mittel: 0, hoch: -1}
    groups:
      - {id: lage, title: '<script>alert(1)</script> & "x"'}
    questions:
      - id: frage
        text: '<script>alert(1)</script> & "x"'
        type: choice
        values:
          - {id: boese, text: '<script>alert(1)</script> & "x"'}
          - {id: harmlos, text: harmlos}
        help: h
        group: lage
      - id: offen
        text: '<script>alert(1)</script> & "x"'
        type: yesno
        help: h
        group: lage
    factors:
      - {id: rf1, title: '<script>alert(1)</script> & "x"', finding: f, sources: [q1]}
    patterns:
      - id: muster
        title: '<script>alert(1)</script> & "x"'
        description: '<script>alert(1)</script> & "x"'
        indicators: [i]
        failure_modes: ['<script>alert(1)</script> & "x"']
        suspected: 1
        established: 2
        sources: [q1]
    measures:
      - id: massnahme
        title: '<script>alert(1)</script> & "x"'
        description: '<script>alert(1)</script> & "x"'
        prevents: p
        steps: ['<script>alert(1)</script> & "x"', b, c]
        office: '<script>alert(1)</script> & "x"'
        horizon: sofort
        effort: gering
        phases: [bewaeltigung]
        factors: [rf1]
        sources: [q1]
        reviewed: 2026-12-04
      - id: zweite
        title: '<script>alert(1)</script> & "x"'
        description: d
        prevents: p
        steps: [a, b, c]
        office: Amt
        horizon: langfristig
        effort: gering
        phases: [vorsorge]
        factors: [rf1]
        sources: [q1]
        reviewed: 2026-12-04
    sources:
      - id: q1
        title: '<script>alert(1)</script> & "x"'
        publisher: '<script>alert(1)</script> & "x"'
        url: 'https://example.org/?q="><script>alert(1)</script>&x=1'
    source_domains:
      forschung: [example.org]
    """

  static let rules = """
    rule r
      source q1
      when frage = boese
      then evidence muster +2
             because "<script>alert(1)</script> & 'x'"
           assess rf1 kritisch
             because "<script>alert(1)</script> & 'x'"
           recommend massnahme weight 2
             because "<script>alert(1)</script> & 'x'"

    rule s
      source q1
      when offen = ja
      then recommend zweite weight 1
             because "x"
    """

  func render(_ format: ReportFormat) throws -> String {
    let workspace = try ReportFixture.temporaryDirectory("boese")
    defer { try? FileManager.default.removeItem(at: workspace) }
    try ReportFixture.write(Self.knowledge, to: workspace.appendingPathComponent("Knowledge/wissen.yaml"))
    try ReportFixture.write(Self.rules, to: workspace.appendingPathComponent("Rules/regeln.rules"))
    let kb = try ReportFixture.load(workspace.path)
    let consultation = try ReportFixture.consultation(kb, answers: [("frage", "boese")])
    return try ReportWriter.render(
      consultation, as: format, date: ReportFixture.date(), knowledgeBaseDirectory: workspace.path)
  }

  @Test func htmlContainsOnlyEscapedMarkup() throws {
    let html = try render(.html)
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("</script"))
    #expect(!html.contains(#"""><"#))
    #expect(!html.lowercased().contains("javascript:"))
    // Every place that shows one of the texts: knowledge base title, answer group, question,
    // option, pattern title, description, failure mode, evidence reason, factor title (table
    // and chart), level (table, chart, legend), measure title (glance and list), description,
    // office, step, reason, source title and publisher.
    let escaped = html.components(separatedBy: Self.evilHTML).count - 1
    #expect(escaped >= 18, "only \(escaped) escaped occurrences")
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;"))
    // The address is escaped inside the attribute too.
    #expect(html.contains(#"href="https://example.org/?q=&quot;&gt;&lt;script&gt;"#))
    // Every `&` of the report starts an entity.
    let ampersands = html.components(separatedBy: "&").dropFirst()
    for rest in ampersands {
      #expect(
        rest.range(of: #"^(#[0-9]+|[a-zA-Z]+);"#, options: .regularExpression) != nil,
        "bare & before \(rest.prefix(20))")
    }
  }

  @Test func markdownContainsOnlyEscapedMarkup() throws {
    let markdown = try render(.md)
    // Markdown shows `\<script\>` as the text `<script>`; an unescaped `<` would be HTML (the
    // template's own `<https://…>` links aside).
    #expect(markdown.range(of: #"(?<!\\)<(?!https?://)[a-zA-Z/!?]"#, options: .regularExpression) == nil)
    #expect(markdown.contains(Self.evilMarkdown))
    #expect(markdown.components(separatedBy: Self.evilMarkdown).count - 1 >= 15)
  }

  /// The shipped templates never insert a text unescaped: no triple braces, no `{{&`.
  @Test func shippedTemplatesEscapeEverything() throws {
    let folder = ReportFixture.shippedTemplates
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }
    #expect(names.count >= 4)
    for name in names {
      let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
      #expect(!text.contains("{{{"), "\(name) uses triple braces")
      #expect(!text.contains("{{&"), "\(name) uses {{&")
    }
  }

  @Test(arguments: [
    ("a < b", "a \\< b"), ("[Link](javascript:x)", "\\[Link\\](javascript:x)"), ("a | b", "a \\| b"),
    ("*fett*", "\\*fett\\*"), ("`code`", "\\`code\\`"), ("Zeile\nzwei", "Zeile zwei"), ("Difu & DEFUS", "Difu & DEFUS"),
    ("&lt;", "\\&lt;"), ("&#60;", "\\&\\#60;"), ("a&b=2", "a&b=2"), ("lage.dauer_wochen", "lage.dauer_wochen"),
    ("# Titel", "\\# Titel"), ("C:\\pfad", "C:\\\\pfad"),
  ])
  func markdownEscaping(text: String, escaped: String) throws {
    #expect(MarkdownContentType().escapeText(text) == escaped)
  }
}
