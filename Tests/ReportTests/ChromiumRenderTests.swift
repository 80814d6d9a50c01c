import Foundation
import Report
import Testing

/// Headless Chromium from Debian's packages (`.ci/run` installs it when it is missing).
enum Chromium {
  /// The browser's path, or nil when it is not installed: the one the PDF report prints with.
  static let path: String? = PDFPrinter.browser

  static let width = 1240
  static let height = 1754

  /// Renders a page of A4 at 150 dpi (1240 × 1754 pixels) to a PNG and returns its bytes.
  static func screenshot(of page: URL, in folder: URL) throws -> Data {
    let browser = try #require(path)
    let output = folder.appendingPathComponent(page.deletingPathExtension().lastPathComponent + ".png")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
      "--user-data-dir=\(folder.appendingPathComponent("profil-\(UUID().uuidString)").path)",
      "--screenshot=\(output.path)", "--window-size=\(width),\(height)", page.absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    while process.isRunning, Date() < deadline { usleep(50_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      Issue.record("Chromium did not finish within two minutes")
    }
    return try Data(contentsOf: output)
  }

  /// Width and height from a PNG's IHDR chunk.
  static func size(ofPNG data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
      String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR"
    else { return nil }
    func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (number(16), number(20))
  }
}

/// The HTML report rendered by a real browser: it must come out as a page with content.
@Suite(
  .enabled(
    if: Chromium.path != nil,
    "Chromium fehlt und ließ sich nicht installieren ('apt-get install -y chromium'); .ci/run installiert es."))
struct ChromiumRenderTests {
  @Test func htmlReportRendersToAFilledPage() throws {
    let folder = try ReportFixture.temporaryDirectory("chromium")
    defer { try? FileManager.default.removeItem(at: folder) }
    let kb = try ReportFixture.load(ReportFixture.knowledgeBaseDirectory)
    let html = try ReportWriter.render(
      try ReportFixture.consultation(kb), as: .html, date: ReportFixture.date(),
      knowledgeBaseDirectory: ReportFixture.knowledgeBaseDirectory)
    let report = folder.appendingPathComponent("bericht.html")
    try Data(html.utf8).write(to: report)
    let blank = folder.appendingPathComponent("leer.html")
    try Data("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"></head><body></body></html>".utf8)
      .write(to: blank)

    let reportPNG = try Chromium.screenshot(of: report, in: folder)
    let blankPNG = try Chromium.screenshot(of: blank, in: folder)

    let size = try #require(Chromium.size(ofPNG: reportPNG), "not a PNG")
    #expect(size.width == Chromium.width)
    #expect(size.height == Chromium.height)
    #expect(Chromium.size(ofPNG: blankPNG)?.width == Chromium.width)
    // A white page compresses to a few kilobytes; text, tables and the chart do not.
    #expect(
      reportPNG.count > 5 * blankPNG.count,
      "the report's picture (\(reportPNG.count) bytes) is hardly larger than a blank page's (\(blankPNG.count) bytes)")
  }
}

/// The PDF report is the HTML report printed on A4 by the same browser.
@Suite(
  .enabled(
    if: Chromium.path != nil,
    "Chromium fehlt und ließ sich nicht installieren ('apt-get install -y chromium'); .ci/run installiert es."))
struct PDFReportTests {
  /// `pdfinfo` from poppler-utils, which `.ci/run` installs.
  static let pdfinfo = ["/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// The one-page Lagebericht prints on one A4 page.
  @Test func onePageReportIsOnePage() throws {
    let kb = try ReportFixture.load(ReportFixture.knowledgeBaseDirectory)
    let pdf = try ReportWriter.document(
      try ReportFixture.consultation(kb), as: .pdf, date: ReportFixture.date(),
      knowledgeBaseDirectory: ReportFixture.knowledgeBaseDirectory, kind: .onePage)
    let info = try Self.info(of: pdf)
    #expect(info.contains("(A4)"), "\(info)")
    #expect(info.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 1") }, "\(info)")
  }

  /// What `pdfinfo` says about a PDF.
  static func info(of pdf: Data) throws -> String {
    let pdfinfo = try #require(
      Self.pdfinfo, "pdfinfo fehlt ('apt-get install -y poppler-utils'); .ci/run installiert es.")
    let folder = try ReportFixture.temporaryDirectory("pdfinfo")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("bericht.pdf")
    try pdf.write(to: file)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: pdfinfo)
    process.arguments = [file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let info = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return info
  }

  @Test func pdfReportIsPrintedOnA4() throws {
    let kb = try ReportFixture.load(ReportFixture.knowledgeBaseDirectory)
    let pdf = try ReportWriter.document(
      try ReportFixture.consultation(kb), as: .pdf, date: ReportFixture.date(),
      knowledgeBaseDirectory: ReportFixture.knowledgeBaseDirectory)
    #expect(pdf.starts(with: Array("%PDF-".utf8)))
    let info = try Self.info(of: pdf)
    #expect(info.contains("(A4)"), "\(info)")
    let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
      .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    #expect((pages ?? 0) >= 1, "\(info)")
  }

}

struct PNGHeaderTests {
  @Test func pngSizeIsReadFromTheHeader() {
    var header: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    header += Array("IHDR".utf8) + [0, 0, 0x04, 0xD8, 0, 0, 0x06, 0xDA]
    #expect(Chromium.size(ofPNG: Data(header))?.width == 1240)
    #expect(Chromium.size(ofPNG: Data(header))?.height == 1754)
    #expect(Chromium.size(ofPNG: Data("GIF89a".utf8)) == nil)
  }
}
