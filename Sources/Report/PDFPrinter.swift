import Foundation

/// Prints the HTML report to PDF with headless Chromium, the way a person would print it from
/// the browser: A4, the page margins of the report's print style, no browser header or footer.
public enum PDFPrinter {
  /// Chromium's path on this machine, or nil when it is not installed.
  public static var browser: String? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
    for name in ["chromium", "chromium-browser"] {
      for folder in folders + ["/usr/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
        return "\(folder)/\(name)"
      }
    }
    return nil
  }

  /// How long the browser may take before the attempt is given up.
  static let timeout: TimeInterval = 120

  /// The PDF of an HTML document; its bytes begin with `%PDF`.
  public static func pdf(fromHTML html: String) throws -> Data {
    guard let browser else { throw ReportError.noPDFPrinter }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("resilienz-pdf-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(html.utf8).write(to: folder.appendingPathComponent("bericht.html"))
    } catch {
      throw ReportError.pdfFailed(reason: "kein Platz für die Zwischendatei (\(error.localizedDescription))")
    }
    let output = folder.appendingPathComponent("bericht.pdf")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    // A profile of its own, so that a browser the user has open is neither used nor disturbed.
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf-no-header",
      "--user-data-dir=\(folder.appendingPathComponent("profil").path)", "--print-to-pdf=\(output.path)",
      folder.appendingPathComponent("bericht.html").absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw ReportError.pdfFailed(reason: "Chromium ließ sich nicht starten (\(error.localizedDescription))")
    }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { usleep(20_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      throw ReportError.pdfFailed(reason: "Chromium war nach \(Int(timeout)) Sekunden nicht fertig")
    }
    guard let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF".utf8)) else {
      throw ReportError.pdfFailed(
        reason: "Chromium hat keine PDF-Datei geschrieben (Status \(process.terminationStatus))")
    }
    return data
  }
}
