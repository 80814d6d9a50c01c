/// Why a report could not be made; the description is German, for the people who make it.
public enum ReportError: Error, CustomStringConvertible, Equatable {
  /// A template Mustache cannot parse, with the position Mustache reports (1-based).
  case brokenTemplate(path: String, line: Int, column: Int, sourceLine: String, reason: String)
  case missingTemplate(name: String, folder: String)
  case unreadableTemplate(path: String, reason: String)
  case cannotWrite(path: String, reason: String)
  case missingSession(path: String)
  /// A PDF needs a browser to print the HTML report, and none is installed.
  case noPDFPrinter
  case pdfFailed(reason: String)
  /// A PDF is a file, not text for a terminal.
  case pdfNeedsFile

  /// `path:line:column: Fehler: …` for a broken template, so that editors jump to it; the
  /// message alone otherwise.
  public var description: String {
    if case .brokenTemplate(let path, let line, let column, _, _) = self {
      let prefix = "\(path):\(line):\(column): "
      return prefix + "Fehler: " + message.dropFirst(prefix.count)
    }
    return message
  }

  /// The message for callers that say „Fehler:“ themselves, as the shell does.
  public var message: String {
    switch self {
    case .brokenTemplate(let path, let line, let column, let sourceLine, let reason):
      var out = "\(path):\(line):\(column): Die Berichtsvorlage ist fehlerhaft: \(reason)"
      if sourceLine.contains(where: { !$0.isWhitespace }) {
        let prefix = String(sourceLine.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " })
        out += "\n    \(sourceLine)\n    \(prefix)^"
      }
      return out
    case .missingTemplate(let name, let folder):
      return "Die Berichtsvorlage „\(name).mustache“ fehlt in „\(folder)“."
    case .unreadableTemplate(let path, let reason):
      return "Die Berichtsvorlage „\(path)“ lässt sich nicht lesen: \(reason)."
    case .cannotWrite(let path, let reason):
      return "Der Bericht kann nicht nach „\(path)“ geschrieben werden: \(reason)."
    case .noPDFPrinter:
      return "Für PDF braucht resilienz Chromium ('apt-get install chromium'). Ohne ihn: den Bericht als HTML "
        + "schreiben und im Browser auf A4 drucken."
    case .pdfFailed(let reason):
      return
        "Das PDF ließ sich nicht erzeugen: \(reason). Als HTML geschrieben lässt sich der Bericht im Browser drucken."
    case .pdfNeedsFile:
      return "Ein PDF braucht einen Dateinamen, etwa: bericht lage.pdf"
    case .missingSession(let path):
      return "Die Beratung „\(path)“ gibt es nicht. Eine Beratung mit 'resilienz --session \(path)' führen, "
        + "dann den Bericht erstellen."
    }
  }
}
