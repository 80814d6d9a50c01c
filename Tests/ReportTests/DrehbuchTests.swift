import Foundation
import KnowledgeBase
import Report
import Testing
import _ResilienzTestSupport

/// The Drehbuch of a shipped exercise with the shipped templates: golden Markdown and HTML, the
/// first page as Chromium draws it, inject cards and Beobachterbögen on pages of their own.
struct DrehbuchTests {
  static let knowledgeBase: KnowledgeBase? = KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot).knowledgeBase

  static func render(_ id: String, as format: ReportFormat) throws -> Data {
    let kb = try #require(knowledgeBase, "the shipped knowledge base has errors")
    let exercise = try #require(kb.exercises.first { $0.id == id })
    return try DrehbuchWriter.document(
      exercise, knowledgeBase: kb, as: format, knowledgeBaseDirectory: Fixture.repositoryRoot)
  }

  @Test(arguments: [ReportFormat.md, .html])
  func drehbuchOfTheFloodNight(format: ReportFormat) throws {
    let text = String(decoding: try Self.render("sturzflut-nacht", as: format), as: UTF8.self)
    if let problem = Golden.check(text, named: "drehbuch-sturzflut-nacht.\(format.rawValue)") {
      Issue.record(Comment(rawValue: problem))
    }
  }

  /// Every inject is in the timeline, in full and on a card; every objective has its sheet.
  @Test func everyInjectAndObjectiveAppears() throws {
    let kb = try #require(Self.knowledgeBase)
    for exercise in kb.exercises {
      let text = String(decoding: try Self.render(exercise.id, as: .md), as: UTF8.self)
      for inject in exercise.injects {
        // Once in the timeline, once in full, once as card (the title may be escaped for Markdown,
        // so the id and the card's head are what is counted).
        #expect(text.contains("- Kennung: \(inject.id)"), "\(exercise.id): \(inject.id)")
      }
      let cards = text.components(separatedBy: "\n---\n\n**Einlage ").count - 1
      #expect(cards == exercise.injects.count, "\(exercise.id)")
      let sheets = text.components(separatedBy: "### Beobachterbogen Ziel ").count - 1
      #expect(sheets == exercise.objectives.count, "\(exercise.id)")
      #expect(text.contains("Statt Einlage "), "\(exercise.id) has no branch")
    }
  }

  @Test func anUnknownExerciseIsRefusedInGerman() throws {
    var errors = ""
    let status = DrehbuchWriter.write(
      exercise: "gibt-es-nicht", knowledgeBaseDirectory: Fixture.repositoryRoot, format: .md, outputPath: nil,
      force: false, output: { _ in Issue.record("no Drehbuch expected") }, errors: { errors += $0 })
    #expect(status == 2)
    #expect(errors.hasPrefix("Fehler: Eine Übung „gibt-es-nicht“ hat die Wissensbasis nicht. Vorhanden: "))
    #expect(errors.contains("sturzflut-nacht"))
  }

  @Test func anExistingFileIsOnlyReplacedWithForce() throws {
    let folder = try ReportFixture.temporaryDirectory("drehbuch")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("drehbuch.md").path
    try Data("alt".utf8).write(to: URL(fileURLWithPath: path))
    var errors = ""
    let refused = DrehbuchWriter.write(
      exercise: "sturzflut-nacht", knowledgeBaseDirectory: Fixture.repositoryRoot, format: .md, outputPath: path,
      force: false, output: { _ in }, errors: { errors += $0 })
    #expect(refused == 2)
    #expect(errors.contains("--force"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "alt")
    let replaced = DrehbuchWriter.write(
      exercise: "sturzflut-nacht", knowledgeBaseDirectory: Fixture.repositoryRoot, format: .md, outputPath: path,
      force: true, output: { _ in }, errors: { errors += $0 })
    #expect(replaced == 0)
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# Drehbuch: Die Nacht am Kallbach"))
  }
}

/// The HTML Drehbuch as Chromium draws and prints it.
@Suite(
  .enabled(
    if: Chromium.path != nil,
    "Chromium fehlt und ließ sich nicht installieren ('apt-get install -y chromium'); .ci/run installiert es."))
struct DrehbuchChromiumTests {
  @Test func firstPageRendersFilled() throws {
    let folder = try ReportFixture.temporaryDirectory("drehbuch-png")
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("drehbuch.html")
    try DrehbuchTests.render("sturzflut-nacht", as: .html).write(to: page)
    let blank = folder.appendingPathComponent("leer.html")
    try Data("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"></head><body></body></html>".utf8)
      .write(to: blank)
    let png = try Chromium.screenshot(of: page, in: folder)
    let blankPNG = try Chromium.screenshot(of: blank, in: folder)
    let size = try #require(Chromium.size(ofPNG: png), "not a PNG")
    #expect(size.width == Chromium.width)
    #expect(size.height == Chromium.height)
    #expect(png.count > 5 * blankPNG.count, "page 1 (\(png.count) bytes) is hardly more than blank (\(blankPNG.count))")
  }

  /// Each inject card and each Beobachterbogen starts a page of its own.
  @Test func cardsAndSheetsHavePagesOfTheirOwn() throws {
    let kb = try #require(DrehbuchTests.knowledgeBase)
    let exercise = try #require(kb.exercises.first { $0.id == "sturzflut-nacht" })
    let info = try PDFReportTests.info(of: try DrehbuchTests.render("sturzflut-nacht", as: .pdf))
    #expect(info.contains("(A4)"), "\(info)")
    let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
      .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    let count = try #require(pages, "\(info)")
    #expect(count > exercise.injects.count + exercise.objectives.count, "\(count) pages")
  }
}
