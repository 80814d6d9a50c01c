import Consultation
import Foundation
import KnowledgeBase
import Report
import Testing
import _ResilienzTestSupport

/// The head of the staff's report (`kopf`): marking, municipality, situation, author and
/// distribution on the one page and in every export, and what changed since the last report.
@Suite struct ReportHeadTests {
  /// The fixture consultation with a full head, one report written, then one more answer.
  static func consultation() throws -> Consultation {
    let kb = try ReportFixture.load(ReportFixture.knowledgeBaseDirectory)
    var consultation = try ReportFixture.consultation(kb, answers: Array(ReportFixture.scenario.dropLast()))
    try consultation.setHeader(.kommune, to: "Stadt Musterstadt")
    try consultation.setHeader(.lage, to: "Personalausfall & Dauerbelastung")
    try consultation.setHeader(.funktion, to: "Leiterin S2")
    try consultation.setHeader(.verteiler, to: "Oberbürgermeisterin, Stab, Personalrat")
    try consultation.setHeader(.einstufung, to: "vs-nfd")
    try consultation.markReported()
    // An hour later, the last answer comes in.
    consultation.clock = { Date(timeIntervalSince1970: 1_773_479_700 + 3_600) }
    let (id, text) = try #require(ReportFixture.scenario.last)
    let question = try #require(kb.questionIndex[id])
    try consultation.set(question, to: AnswerParser.parse(text, for: kb.questions[question]).get())
    return consultation
  }

  @Test(arguments: [ReportFormat.md, .html])
  func onePageCarriesTheHeadAndTheChangesSinceTheLastReport(format: ReportFormat) throws {
    let text = try ReportWriter.render(
      try Self.consultation(), as: format, date: ReportFixture.date(),
      knowledgeBaseDirectory: ReportFixture.knowledgeBaseDirectory, kind: .onePage)
    if let problem = Golden.check(text, named: "lagebericht-kopf.\(format.rawValue)") {
      Issue.record(Comment(rawValue: problem))
    }
    let marking = "VS – NUR FÜR DEN DIENSTGEBRAUCH"
    #expect(text.components(separatedBy: marking).count - 1 >= 2, "the marking at the top and the bottom")
    #expect(text.contains("Seit dem letzten Bericht"))
  }

  @Test func markingStandsInEveryRowOfTheExport() throws {
    let consultation = try Self.consultation()
    let export = LogExport(log: consultation.log, consultation: consultation)
    let lines = export.csv.split(separator: "\r\n")
    #expect(lines.first?.hasSuffix(";\"Einstufung\"") == true)
    #expect(lines.count > 5)
    for line in lines.dropFirst() {
      #expect(line.hasSuffix(";\"VS – NUR FÜR DEN DIENSTGEBRAUCH\""), "\(line)")
    }
    #expect(export.rows.allSatisfy { $0.einstufung == "VS – NUR FÜR DEN DIENSTGEBRAUCH" })
    #expect(export.json.contains("\"einstufung\" : \"VS – NUR FÜR DEN DIENSTGEBRAUCH\""))
  }

  @Test func headIsKeptInTheJournalAndBadTextChangesNothing() throws {
    let folder = try Fixture.temporaryDirectory("kopf")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("beratung.journal").path
    let kb = try ReportFixture.load(ReportFixture.knowledgeBaseDirectory)
    do {
      var (live, _) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
      try live.setHeader(.einstufung, to: "  NfD ")
      try live.setHeader(.kommune, to: "Kreis Lennetal")
      try live.setHeader(.kommune, to: nil)
      try live.setHeader(.lage, to: "Hochwasser")
      #expect(throws: HeaderError.self) { try live.setHeader(.lage, to: "zwei\nZeilen") }
      #expect(throws: HeaderError.self) { try live.setHeader(.verteiler, to: String(repeating: "x", count: 201)) }
      #expect(throws: HeaderError.self) { try HeaderField(named: "farbe") }
      #expect(live.header == [.einstufung: "VS – NUR FÜR DEN DIENSTGEBRAUCH", .lage: "Hochwasser"])
      try live.markReported()
    }
    let (resumed, problems) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
    #expect(problems.isEmpty)
    #expect(resumed.header == [.einstufung: "VS – NUR FÜR DEN DIENSTGEBRAUCH", .lage: "Hochwasser"])
    #expect(resumed.lastReport != nil)
    #expect(resumed.changesSinceLastReport == [])
  }
}

/// The printed report: the marking and „Seite n von m“ on every page of the PDF.
@Suite(
  .enabled(
    if: Chromium.path != nil && PDFText.tool != nil,
    "Chromium oder pdftotext fehlt ('apt-get install -y chromium poppler-utils'); .ci/run installiert beide."))
struct ReportPrintMarginTests {
  @Test func everyPageCarriesTheMarkingAndItsNumber() throws {
    let consultation = try ReportHeadTests.consultation()
    let pdf = try ReportWriter.document(
      consultation, as: .pdf, date: ReportFixture.date(), knowledgeBaseDirectory: ReportFixture.knowledgeBaseDirectory)
    let folder = try ReportFixture.temporaryDirectory("druckrand")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("bericht.pdf")
    try pdf.write(to: file)
    let pages = try PDFText.pages(of: file)
    #expect(pages.count >= 2, "the full report has the one page and an annex")
    for (index, page) in pages.enumerated() {
      let flat = page.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(flat.contains("VS – NUR FÜR DEN DIENSTGEBRAUCH"), "page \(index + 1): \(flat.prefix(200))")
      #expect(flat.contains("Seite \(index + 1) von \(pages.count)"), "page \(index + 1)")
      #expect(flat.contains("Lagebericht – Stadt Musterstadt – Personalausfall & Dauerbelastung"), "page \(index + 1)")
    }
  }
}

/// Text of a PDF's pages through poppler's `pdftotext`.
enum PDFText {
  static let tool: String? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// One string per page (`pdftotext` ends each page with a form feed).
  static func pages(of file: URL) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(tool))
    process.arguments = ["-layout", file.path, "-"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    var pages = String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
    return pages
  }
}

/// The print pack (`druckmappe`): a cover with the head and the index, one checklist page per
/// recommended measure, the open points with whom to ask.
@Suite struct PrintPackTests {
  @Test(arguments: [ReportFormat.md, .html])
  func printPackOfTheFixedConsultation(format: ReportFormat) throws {
    let consultation = try ReportHeadTests.consultation()
    let text = try ReportWriter.render(
      consultation, as: format, date: ReportFixture.date(),
      knowledgeBaseDirectory: ReportFixture.knowledgeBaseDirectory, kind: .printPack)
    if let problem = Golden.check(text, named: "druckmappe.\(format.rawValue)") {
      Issue.record(Comment(rawValue: problem))
    }
    let measures = consultation.advice(places: Int.max).map { consultation.measure($0.measure) }
    #expect(!measures.isEmpty)
    for measure in measures {
      #expect(text.contains(consultation.filled(measure.title)), "every recommended measure has its page")
      for step in measure.steps {
        #expect(text.contains(format == .md ? "- [ ] " + step : "<li>" + step + "</li>"), "step: \(step)")
      }
    }
  }
}

@Suite(
  .enabled(
    if: Chromium.path != nil && PDFText.tool != nil,
    "Chromium oder pdftotext fehlt ('apt-get install -y chromium poppler-utils'); .ci/run installiert beide."))
struct PrintPackPDFTests {
  @Test func oneMeasurePerPageAfterTheCover() throws {
    let consultation = try ReportHeadTests.consultation()
    let pdf = try ReportWriter.document(
      consultation, as: .pdf, date: ReportFixture.date(), knowledgeBaseDirectory: ReportFixture.knowledgeBaseDirectory,
      kind: .printPack)
    let folder = try ReportFixture.temporaryDirectory("druckmappe")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("mappe.pdf")
    try pdf.write(to: file)
    let pages = try PDFText.pages(of: file)
    let measures = consultation.advice(places: Int.max).map {
      consultation.filled(consultation.measure($0.measure).title)
    }
    #expect(pages.count >= 1 + measures.count)
    for (offset, title) in measures.enumerated() {
      let page = pages[1 + offset].split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(page.contains("Maßnahme \(offset + 1) von \(measures.count)"), "page \(offset + 2): \(page.prefix(120))")
      #expect(page.contains(title.split(whereSeparator: \.isWhitespace).joined(separator: " ")))
      #expect(page.contains("VS – NUR FÜR DEN DIENSTGEBRAUCH"))
      #expect(page.contains("Druckmappe – Stadt Musterstadt"))
    }
  }
}
