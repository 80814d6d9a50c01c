import Consultation
import Foundation
import KnowledgeBase
import RuleLanguage

/// Makes reports: renders a consultation with its knowledge base's templates, and writes the
/// result so that readers never see half a file.
public enum ReportWriter {
  /// The report of a consultation in a format, with the templates of the knowledge base in
  /// `knowledgeBaseDirectory` (or the shipped ones).
  public static func render(
    _ consultation: Consultation, as format: ReportFormat, date: ReportDate, knowledgeBaseDirectory: String?,
    options: ReportOptions = ReportOptions(), kind: ReportKind = .full
  ) throws -> String {
    let templates = try ReportTemplates(forKnowledgeBase: knowledgeBaseDirectory, format: format, kind: kind)
    var model = ReportModel(consultation: consultation, date: date, options: options)
    if kind == .printPack { model.head.retitle("Druckmappe", date: model.date, time: model.time) }
    return try templates.render(model, as: format, kind: kind)
  }

  /// The report as the bytes of its file: the text of Markdown and HTML, or the HTML report
  /// printed to PDF.
  public static func document(
    _ consultation: Consultation, as format: ReportFormat, date: ReportDate, knowledgeBaseDirectory: String?,
    options: ReportOptions = ReportOptions(), kind: ReportKind = .full
  ) throws -> Data {
    let text = try render(
      consultation, as: format.markup, date: date, knowledgeBaseDirectory: knowledgeBaseDirectory, options: options,
      kind: kind)
    return format == .pdf ? try PDFPrinter.pdf(fromHTML: text) : Data(text.utf8)
  }

  /// Writes a report atomically: the old file or the complete new one, never a part; an existing
  /// file only when `overwrite`, and never one of `journals` (see `AtomicFile.checkTarget`).
  public static func write(_ text: String, to path: String, overwrite: Bool, journals: [FileIdentity]) throws {
    try write(Data(text.utf8), to: path, overwrite: overwrite, journals: journals)
  }

  /// Writes a report's bytes atomically; see `write(_:to:overwrite:journals:)`.
  public static func write(_ data: Data, to path: String, overwrite: Bool, journals: [FileIdentity]) throws {
    try AtomicFile.checkTarget(path, overwrite: overwrite, journals: journals)
    do {
      try AtomicFile.write(data, to: path)
    } catch {
      throw ReportError.cannotWrite(path: path, reason: String(describing: error))
    }
  }

  /// `resilienz report`: the report of the consultation kept in a session journal, to standard
  /// output or a file. Returns the exit status: 0, 1 when the knowledge base or a template has
  /// errors, 2 when a file cannot be read or written.
  public static func report(
    session: String, knowledgeBaseDirectory: String, format: ReportFormat, date: ReportDate, outputPath: String?,
    force: Bool = false, kind: ReportKind = .full, clock: @escaping @Sendable () -> Date = { AnswerStamp.now() },
    output: (String) -> Void, errors: (String) -> Void
  ) -> Int32 {
    guard let knowledgeBase = loadKnowledgeBase(knowledgeBaseDirectory, errors: errors) else { return 1 }
    var consultation: Consultation
    do {
      let (resumed, problems) = try resumeReadOnly(session, knowledgeBase: knowledgeBase)
      consultation = resumed
      consultation.clock = clock
      for problem in problems { errors("Hinweis: \(problem)\n") }
    } catch {
      errors("Fehler: \(error)\n")
      return 2
    }
    do {
      if let outputPath {
        let data = try document(
          consultation, as: format, date: date, knowledgeBaseDirectory: knowledgeBaseDirectory, kind: kind)
        try write(data, to: outputPath, overwrite: force, journals: [FileIdentity(path: session)].compactMap { $0 })
      } else {
        guard format != .pdf else { throw ReportError.pdfNeedsFile }
        output(
          try render(consultation, as: format, date: date, knowledgeBaseDirectory: knowledgeBaseDirectory, kind: kind))
      }
    } catch {
      return status(of: error, errors: errors)
    }
    return 0
  }

  /// The knowledge base for a report, or nil after naming its first errors.
  static func loadKnowledgeBase(_ directory: String, errors: (String) -> Void) -> KnowledgeBase? {
    let loaded = KnowledgeBaseLoader.load(directory: directory)
    guard let knowledgeBase = loaded.knowledgeBase else {
      errors("Die Wissensbasis in „\(directory)“ hat Fehler; 'resilienz check' zeigt sie alle:\n")
      errors(DiagnosticRenderer().render(loaded.diagnostics.filter { $0.severity == .error }.prefix(10).map { $0 }))
      return nil
    }
    return knowledgeBase
  }

  /// The exit status for a failed report or Drehbuch, after saying why in German: 2 when a file
  /// cannot be written (or PDF was asked for without one), else 1.
  static func status(of error: any Error, errors: (String) -> Void) -> Int32 {
    switch error {
    case let error as ReportError:
      if case .brokenTemplate = error {
        errors("\(error)\n")
      } else {
        errors("Fehler: \(error.message)\n")
      }
      switch error {
      case .cannotWrite, .pdfNeedsFile: return 2
      default: return 1
      }
    case let error as TargetFileError:
      if case .exists = error {
        errors("Fehler: \(error) Zum Überschreiben: --force angeben.\n")
      } else {
        errors("Fehler: \(error)\n")
      }
      return 2
    default:
      errors("Fehler: \(error)\n")
      return 1
    }
  }

  /// Replays a journal without writing to it (even a read-only journal, or one a shell has open,
  /// can be reported); a file that is not a journal is refused.
  static func resumeReadOnly(_ path: String, knowledgeBase: KnowledgeBase) throws -> (Consultation, [String]) {
    guard FileManager.default.fileExists(atPath: path) else { throw ReportError.missingSession(path: path) }
    return try Consultation.replay(knowledgeBase: knowledgeBase, contents: Journal.read(path: path))
  }
}
