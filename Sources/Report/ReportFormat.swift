/// The formats a report is rendered in.
public enum ReportFormat: String, Sendable, CaseIterable {
  case md, html, pdf

  /// The format the template is written in: a PDF is printed from the HTML report.
  public var markup: ReportFormat { self == .pdf ? .html : self }

  /// The template of a kind of report in this format: `bericht.md`, `bericht.html`, and
  /// `lagebericht.html` for the one-page report.
  public func templateName(for kind: ReportKind) -> String { "\(kind.templateBase).\(markup.rawValue)" }

  /// The German name shown in messages.
  public var title: String {
    switch self {
    case .md: "Markdown"
    case .html: "HTML"
    case .pdf: "PDF"
    }
  }

  /// The format a file name asks for by its extension (`.md`, `.markdown`, `.html`, `.htm`, `.pdf`).
  public init?(fileName: String) {
    let lowered = fileName.lowercased()
    if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") {
      self = .md
    } else if lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") {
      self = .html
    } else if lowered.hasSuffix(".pdf") {
      self = .pdf
    } else {
      return nil
    }
  }
}

/// Which report: the full one with every answer, measure and source, or the one-page
/// Lagebericht a staff puts on the table.
public enum ReportKind: String, Sendable, CaseIterable {
  case full, onePage
  /// The print pack for when power or IT fails: one checklist page per measure, the open points.
  case printPack

  /// The template's name without format: `bericht`, `lagebericht`.
  public var templateBase: String {
    switch self {
    case .full: "bericht"
    case .onePage: "lagebericht"
    case .printPack: "druckmappe"
    }
  }

  /// The German name in messages.
  public var title: String {
    switch self {
    case .full: "Bericht"
    case .onePage: "Lagebericht (eine Seite)"
    case .printPack: "Druckmappe"
    }
  }
}
