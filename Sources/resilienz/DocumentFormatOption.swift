import ArgumentParser
import Report

/// The `--format` option of the commands that write a document (`report`, `drehbuch`), read as
/// plain text and checked in `run`, for a German message and exit status 2.
struct DocumentFormatOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Format: md, html oder pdf (sonst nach der Endung von -o, sonst md); pdf braucht Chromium und -o.",
      valueName: "format"))
  var format: String?

  /// Why the format or the output file name `-o` cannot be used, in German; `document` is what
  /// appears without `-o` („der Bericht“, „das Drehbuch“).
  func problem(output: String?, document: String) -> String? {
    if let format, ReportFormat(rawValue: format.lowercased()) == nil {
      return "„\(format)“ ist kein Format; möglich sind md, html und pdf."
    }
    if let output, output.isEmpty || output == "-" || output.hasSuffix("/") {
      return "„\(output)“ ist kein Dateiname für -o; ohne -o erscheint \(document) auf der Standardausgabe."
    }
    return nil
  }

  /// The format asked for, else the one the name of the output file ends in, else Markdown.
  func chosen(output: String?) -> ReportFormat {
    format.flatMap { ReportFormat(rawValue: $0.lowercased()) } ?? output.flatMap(ReportFormat.init(fileName:)) ?? .md
  }
}
