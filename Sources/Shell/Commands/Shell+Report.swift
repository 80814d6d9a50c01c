import Consultation
import Foundation
import Report

/// What `bericht` was asked for.
struct ReportRequest: Equatable {
  var format: ReportFormat
  var date: ReportDate?
  /// Nil: print the report.
  var path: String?
  /// Replace an existing file without asking (`--force`, for scripts).
  var force = false
  /// The one-page Lagebericht instead of the full report (`--kurz`).
  var kind = ReportKind.full
}

extension Shell {
  static let reportUsage = "bericht [--kurz] [--format md|html|pdf] [--datum JJJJ-MM-TT] [--force] [datei]"

  /// `bericht`: the report of the consultation as it stands, printed or written to a file.
  func reportCommand(_ arguments: String, kind: ReportKind? = nil) {
    var request: ReportRequest
    switch Self.reportRequest(arguments) {
    case .success(let parsed): request = parsed
    case .failure(let problem): return fail(problem.message)
    }
    if let kind { request.kind = kind }
    if request.format == .pdf, request.path == nil { return fail(ReportError.pdfNeedsFile.message) }
    let document: Data
    do {
      document = try ReportWriter.document(
        consultation, as: request.format, date: request.date ?? ReportDate.today(),
        knowledgeBaseDirectory: options.knowledgeBaseDirectory, kind: request.kind)
    } catch let error as ReportError {
      return fail(error.message)
    } catch {
      return fail(String(describing: error))
    }
    guard let path = request.path else {
      let text = String(decoding: document, as: UTF8.self)
      say(text.hasSuffix("\n") ? text : text + "\n")
      return noteReported()
    }
    let written = writeUserFile(
      path, force: request.force, retry: "bericht --force \(path)", declined: "Kein Bericht geschrieben."
    ) {
      try ReportWriter.write(document, to: path, overwrite: true, journals: openJournals)
    }
    guard written else { return }
    line("\(request.kind.title) (\(request.format.title)) geschrieben: „\(path)“.")
    noteReported()
  }

  /// Keeps in the journal what this report showed, so that the next one says what changed; the
  /// first report of a consultation without a head says how to set one.
  func noteReported() {
    let first = consultation.lastReport == nil
    do {
      try consultation.markReported()
    } catch {
      return fail(String(describing: error))
    }
    if first, consultation.header.isEmpty, options.interactive {
      say(
        TextLayout.wrap(
          "Tipp: 'kopf kommune …', 'kopf lage …', 'kopf verteiler …' und 'kopf einstufung VS-NfD' setzen den Kopf des Berichts; die Einstufung steht dann auf jeder Seite."
        ))
    }
  }

  /// A German message about the arguments of `bericht`.
  struct ReportArgumentProblem: Error {
    var message: String
  }

  /// Options first (`--format md|html`, `--datum JJJJ-MM-TT`), then the file name, which may
  /// contain spaces. Without `--format` the file name's extension decides, else Markdown.
  static func reportRequest(_ arguments: String) -> Result<ReportRequest, ReportArgumentProblem> {
    var rest = arguments.trimmingSpaces
    /// Takes the next word off `rest`.
    func nextWord() -> String {
      let word = rest.prefix { $0 != " " }
      rest = rest.dropFirst(word.count).trimmingSpaces
      return String(word)
    }
    var format: ReportFormat?
    var date: ReportDate?
    var force = false
    var kind = ReportKind.full
    while rest.hasPrefix("--") {
      let word = nextWord()
      var name = word
      var value: String?
      if let equals = word.firstIndex(of: "=") {
        name = String(word[..<equals])
        value = String(word[word.index(after: equals)...])
      }
      switch name {
      case "--force" where value == nil:
        force = true
      case "--kurz" where value == nil:
        kind = .onePage
      case "--format", "--datum", "--date":
        if value == nil, !rest.isEmpty { value = nextWord() }
        guard let value, !value.isEmpty else {
          return .failure(ReportArgumentProblem(message: "Bei \(name) fehlt der Wert. So geht es: \(reportUsage)"))
        }
        if name == "--format" {
          guard
            let chosen = ReportFormat(rawValue: value.lowercased()) ?? (value.lowercased() == "markdown" ? .md : nil)
          else {
            return .failure(
              ReportArgumentProblem(message: "„\(value)“ ist kein Berichtsformat; möglich sind md, html und pdf."))
          }
          format = chosen
        } else {
          guard let chosen = ReportDate(iso: value) else {
            return .failure(
              ReportArgumentProblem(message: "„\(value)“ ist kein Datum der Form JJJJ-MM-TT (zum Beispiel 2026-03-14).")
            )
          }
          date = chosen
        }
      default:
        return .failure(ReportArgumentProblem(message: "Unbekannte Angabe „\(word)“. So geht es: \(reportUsage)"))
      }
    }
    // `--force` may also follow the file name, as with 'speichern'.
    let (path, forceAfter) = pathAndForce(rest)
    if !rest.isEmpty, let problem = fileNameProblem(path, usage: reportUsage) {
      return .failure(ReportArgumentProblem(message: problem))
    }
    let chosen = format ?? ReportFormat(fileName: path) ?? .md
    return .success(
      ReportRequest(format: chosen, date: date, path: path.isEmpty ? nil : path, force: force || forceAfter, kind: kind)
    )
  }
}
