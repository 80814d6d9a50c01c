import Foundation
import Report
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The HTML report is one self-contained file that prints on A4.
struct ReportHTMLTests {
  func html() throws -> String {
    let kb = try ReportFixture.load(ReportFixture.knowledgeBaseDirectory)
    return try ReportWriter.render(
      try ReportFixture.consultation(kb), as: .html, date: ReportFixture.date(),
      knowledgeBaseDirectory: ReportFixture.knowledgeBaseDirectory)
  }

  @Test func noScriptsAndNoExternalRequests() throws {
    let html = try html().lowercased()
    for forbidden in [
      "<script", "<link", "<iframe", "<object", "<embed", "<img", " src=", "@import", "javascript:", "<meta http-equiv",
    ] {
      #expect(!html.contains(forbidden), "contains \(forbidden)")
    }
    // CSS and SVG only refer to patterns inside the file.
    for match in html.matches(of: /url\(([^)]*)\)/) {
      #expect(match.1.hasPrefix("#"), "url(\(match.1))")
    }
    #expect(html.contains("<style>"))
    #expect(html.hasPrefix("<!doctype html>\n<html lang=\"de\">"))
  }

  @Test func linksStayInsideTheFileOrAreBibliographyAddresses() throws {
    let html = try html()
    let anchors = Set(html.matches(of: /id="([^"]+)"/).map { String($0.1) })
    for match in html.matches(of: /href="([^"]*)"/) {
      let target = String(match.1)
      if target.hasPrefix("#") {
        #expect(anchors.contains(String(target.dropFirst())), "no anchor for \(target)")
      } else {
        #expect(target.hasPrefix("https://") || target.hasPrefix("http://"), "link to \(target)")
      }
    }
  }

  @Test func printsOnA4WithPageBreaksBeforeMajorSections() throws {
    let html = try html()
    #expect(html.contains("@page { size: A4;"))
    #expect(html.contains("@media print"))
    #expect(html.contains(".neue-seite { break-before: page; }"))
    for section in ["lage", "massnahmen", "quellen"] {
      #expect(html.contains("<section id=\"\(section)\" class=\"neue-seite\">"), "\(section)")
    }
  }

  /// The profile chart is well-formed SVG, with a pattern per level and the level as a word.
  @Test func profileChartIsWellFormedSVG() throws {
    let html = try html()
    let start = try #require(html.range(of: "<svg "))
    let end = try #require(html.range(of: "</svg>"))
    let svg = String(html[start.lowerBound..<end.upperBound])
    let parser = XMLParser(data: Data(svg.utf8))
    #expect(parser.parse(), "\(parser.parserError.map { String(describing: $0) } ?? "")")
    for level in 0..<4 { #expect(svg.contains("<pattern id=\"stufe-\(level)\"")) }
    #expect(svg.contains("fill=\"url(#stufe-1)\""))
    #expect(svg.contains(">schwach</text>"))
    #expect(svg.contains(">nicht bewertet</text>"))
    #expect(svg.contains("<desc id=\"profil-text\">RF3 Aufgabenpriorisierung und Personal: schwach;"))
    // Black and white only: no colour in the chart.
    #expect(
      svg.range(of: #"#[0-9a-fA-F]{3,6}"#, options: .regularExpression).map { svg[$0] }.map {
        ["#fff", "#000", "#444", "#999", "#333"].contains(String($0))
      } ?? true)
  }
}
