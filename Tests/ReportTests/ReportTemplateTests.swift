import Foundation
import Testing

@testable import Report

/// Templates: found in the knowledge base or shipped, and a broken one reported with its file
/// and position, never a crash.
struct ReportTemplateTests {
  /// A knowledge base whose `bericht.html.mustache` is the given text (the shipped Markdown
  /// template and partials beside it).
  func workspace(html: String) throws -> URL {
    let workspace = try ReportFixture.workspace("vorlage")
    try ReportFixture.write(
      html, to: workspace.appendingPathComponent("kb/Knowledge/templates/bericht.html.mustache"))
    return workspace
  }

  func renderError(html: String) throws -> ReportError? {
    let workspace = try workspace(html: html)
    defer { try? FileManager.default.removeItem(at: workspace) }
    let directory = workspace.appendingPathComponent("kb").path
    let consultation = try ReportFixture.consultation(ReportFixture.load(directory))
    do {
      _ = try ReportWriter.render(
        consultation, as: .html, date: ReportFixture.date(), knowledgeBaseDirectory: directory)
      return nil
    } catch let error as ReportError {
      return error
    }
  }

  struct Broken: CustomTestStringConvertible, Sendable {
    var name: String
    var template: String
    var line: Int
    var reason: String
    var testDescription: String { name }
  }

  static let broken: [Broken] = [
    Broken(
      name: "section never closed", template: "<h1>Bericht</h1>\n{{#patterns}}\n<p>{{title}}</p>\n", line: 4,
      reason: "wird nicht geschlossen"),
    Broken(
      name: "wrong section closed", template: "<h1>Bericht</h1>\n{{#patterns}}\n<p>{{title}}</p>\n{{/horizons}}\n",
      line: 4, reason: "passt nicht zum zuletzt geöffneten Abschnitt"),
    Broken(
      name: "tag not finished", template: "<h1>Bericht</h1>\n<p>{{date</p>\n", line: 2,
      reason: "nicht abgeschlossen"),
    Broken(
      name: "unknown content type", template: "{{% CONTENT_TYPE: PDF}}\n<h1>Bericht</h1>\n", line: 1,
      reason: "Unbekannte Einstellung"),
  ]

  @Test(arguments: broken)
  func brokenTemplateIsReportedWithItsPosition(_ broken: Broken) throws {
    let error = try #require(try renderError(html: broken.template))
    guard case .brokenTemplate(let path, let line, let column, _, let reason) = error else {
      Issue.record("expected a broken template, got \(error)")
      return
    }
    #expect(path.hasSuffix("kb/Knowledge/templates/bericht.html.mustache"))
    #expect(line == broken.line, "\(error)")
    #expect(column >= 1)
    #expect(reason.contains(broken.reason), "\(reason)")
    let message = error.description
    #expect(message.hasPrefix("\(path):\(line):\(column): Fehler: Die Berichtsvorlage ist fehlerhaft: "), "\(message)")
  }

  @Test func brokenTemplateMessage() throws {
    let error = try #require(try renderError(html: "<h1>Bericht</h1>\n<p>{{#patterns}}{{title}}{{/horizons}}</p>\n"))
    let description = error.description.replacingOccurrences(
      of: #"^.*/kb/"#, with: "…/kb/", options: .regularExpression)
    #expect(
      description == """
        …/kb/Knowledge/templates/bericht.html.mustache:2:29: Fehler: Die Berichtsvorlage ist fehlerhaft: Das schließende Tag {{/…}} passt nicht zum zuletzt geöffneten Abschnitt.
            <p>{{#patterns}}{{title}}{{/horizons}}</p>
                                        ^
        """)
  }

  /// A broken partial (the letterhead) is reported as well, with its own file.
  @Test func brokenPartialIsReported() throws {
    let workspace = try ReportFixture.workspace("briefkopf")
    defer { try? FileManager.default.removeItem(at: workspace) }
    try ReportFixture.write(
      "<div class=\"briefkopf\">{{#stadt}}Musterstadt</div>\n",
      to: workspace.appendingPathComponent("kb/Knowledge/templates/briefkopf.html.mustache"))
    do {
      _ = try ReportTemplates(forKnowledgeBase: workspace.appendingPathComponent("kb").path, format: .html)
      Issue.record("a broken partial was accepted")
    } catch ReportError.brokenTemplate(let path, let line, _, _, _) {
      #expect(path.hasSuffix("Knowledge/templates/briefkopf.html.mustache"))
      #expect(line == 2)
    }
  }

  /// A letterhead put into the partial appears at the top of the report.
  @Test func letterheadPartialIsUsed() throws {
    let workspace = try ReportFixture.workspace("briefkopf")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let directory = workspace.appendingPathComponent("kb").path
    try ReportFixture.write(
      "<div class=\"briefkopf\">Stadt Musterstadt – {{knowledgeBase.id}}</div>\n",
      to: workspace.appendingPathComponent("kb/Knowledge/templates/briefkopf.html.mustache"))
    let consultation = try ReportFixture.consultation(ReportFixture.load(directory))
    let html = try ReportWriter.render(
      consultation, as: .html, date: ReportFixture.date(), knowledgeBaseDirectory: directory)
    #expect(html.contains("<div class=\"briefkopf\">Stadt Musterstadt – berichtstest</div>"))
  }

  @Test func missingTemplateInAnExplicitFolder() throws {
    let folder = try ReportFixture.temporaryDirectory("leer")
    defer { try? FileManager.default.removeItem(at: folder) }
    let templates = try ReportTemplates(folder: folder.path)
    let kb = try ReportFixture.load(ReportFixture.knowledgeBaseDirectory)
    let model = ReportModel(consultation: try ReportFixture.consultation(kb), date: try ReportFixture.date())
    #expect(throws: ReportError.missingTemplate(name: "bericht.html", folder: folder.path)) {
      try templates.render(model, as: .html)
    }
    #expect(
      ReportError.missingTemplate(name: "bericht.html", folder: "v").description
        == "Die Berichtsvorlage „bericht.html.mustache“ fehlt in „v“.")
  }

  @Test func templateThatIsNotUTF8() throws {
    let folder = try ReportFixture.temporaryDirectory("utf8")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data([0x3C, 0x68, 0x31, 0xFF, 0xFE]).write(to: folder.appendingPathComponent("bericht.html.mustache"))
    #expect(
      throws: ReportError.unreadableTemplate(
        path: folder.path + "/bericht.html.mustache", reason: "kein gültiges UTF-8")
    ) {
      try ReportTemplates(folder: folder.path)
    }
  }

  /// The knowledge base's own templates win; without them, or without the format's template,
  /// the shipped ones are used.
  @Test func templateFolderOfAKnowledgeBase() throws {
    let workspace = try ReportFixture.workspace("ordner")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let directory = workspace.appendingPathComponent("kb").path
    #expect(ReportTemplates.folder(forKnowledgeBase: directory, format: .html) == directory + "/Knowledge/templates")
    try FileManager.default.removeItem(atPath: directory + "/Knowledge/templates/bericht.md.mustache")
    #expect(ReportTemplates.folder(forKnowledgeBase: directory, format: .md) == ReportTemplates.shippedFolder)
    #expect(ReportTemplates.folder(forKnowledgeBase: nil, format: .md) == ReportTemplates.shippedFolder)
    #expect(
      URL(fileURLWithPath: ReportTemplates.shippedFolder).standardizedFileURL.path
        == URL(fileURLWithPath: ReportFixture.shippedTemplates).standardizedFileURL.path)
  }

  /// Damaged copies of the shipped template either load or give a `ReportError`; none crashes.
  @Test func damagedTemplatesNeverCrash() throws {
    let original = try String(
      contentsOfFile: ReportFixture.shippedTemplates + "/bericht.html.mustache", encoding: .utf8)
    let characters = Array(original)
    let damage: [String] = ["{", "}", "{{", "}}", "#", "/", "^", "{{/", "{{#", "%", "=", ">", "!", "{{{", "&", ""]
    let kb = try ReportFixture.load(ReportFixture.knowledgeBaseDirectory)
    let model = ReportModel(consultation: try ReportFixture.consultation(kb), date: try ReportFixture.date())
    var seed: UInt64 = 0x5EED
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    var broken = 0
    for _ in 0..<150 {
      var text = characters
      for _ in 0..<(1 + next(3)) {
        let position = next(text.count)
        let length = next(4)
        text.replaceSubrange(position..<min(text.count, position + length), with: Array(damage[next(damage.count)]))
      }
      let folder = try ReportFixture.temporaryDirectory("schaden")
      defer { try? FileManager.default.removeItem(at: folder) }
      try Data(String(text).utf8).write(to: folder.appendingPathComponent("bericht.html.mustache"))
      do {
        _ = try ReportTemplates(folder: folder.path).render(model, as: .html)
      } catch let error as ReportError {
        broken += 1
        #expect(!error.description.isEmpty)
      }
    }
    #expect(broken > 0)
  }
}
