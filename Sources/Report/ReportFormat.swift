/// The formats a report is rendered in.
public enum ReportFormat: String, Sendable, CaseIterable {
  case md, html

  /// The template a format is rendered with: `bericht.md.mustache`, `bericht.html.mustache`.
  public var templateName: String { "bericht.\(rawValue)" }

  /// The German name shown in messages.
  public var title: String {
    switch self {
    case .md: "Markdown"
    case .html: "HTML"
    }
  }

  /// The format a file name asks for by its extension (`.md`, `.markdown`, `.html`, `.htm`).
  public init?(fileName: String) {
    let lowered = fileName.lowercased()
    if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") {
      self = .md
    } else if lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") {
      self = .html
    } else {
      return nil
    }
  }
}
