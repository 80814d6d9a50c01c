import ArgumentParser
import Foundation
import Report

/// `resilienz report`: the report of a consultation kept in a session journal.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Erstellt den Bericht einer Beratung als Markdown, HTML oder PDF.",
    discussion: """
      Liest die Beratung aus der Journaldatei, die 'resilienz --session DATEI' führt, und \
      erstellt den Bericht für den Stab: Lage, Krisenmuster, Resilienzprofil, Maßnahmen nach \
      Horizont, offene Fragen und Quellen. HTML ist eine einzige Datei ohne Skripte und ohne \
      Abruf aus dem Netz, mit Grafik des Profils und Druckformat A4; PDF druckt diesen HTML-Bericht \
      mit Chromium auf A4 (nur mit -o). Die Vorlagen liegen in \
      Knowledge/templates der Wissensbasis (sonst gelten die mitgelieferten). Das Journal wird \
      nur gelesen und nie überschrieben; eine bestehende Datei ersetzt -o nur mit --force. \
      Exit-Status: 0 bei Erfolg, 1 bei Fehlern in Wissensbasis oder Vorlage, 2 wenn eine Angabe \
      fehlt oder nicht passt oder eine Datei nicht gelesen oder geschrieben werden kann.
      """)

  @OptionGroup var knowledgeBase: KnowledgeBaseOption

  // Read as plain text and checked in `run`, so that a wrong value gets a German message and
  // the documented exit status 2 rather than the parser's English one and 64.
  @Option(help: ArgumentHelp("Journaldatei der Beratung (erforderlich).", valueName: "datei"))
  var session: String?

  @OptionGroup var format: DocumentFormatOption

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Bericht in diese Datei schreiben (sonst auf die Standardausgabe).", valueName: "datei"))
  var output: String?

  @Option(help: ArgumentHelp("Datum des Berichts, JJJJ-MM-TT (sonst heute).", valueName: "datum"))
  var date: String?

  @Flag(help: "Eine bestehende Datei -o ersetzen (das Journal einer Beratung nie).")
  var force = false

  @Flag(help: "Den Lagebericht auf einer Seite statt des vollständigen Berichts.")
  var kurz = false

  @Flag(help: "Die Druckmappe für einen Ausfall von Strom oder IT: je Maßnahme eine Checkliste, die offenen Punkte.")
  var druckmappe = false

  /// Why the arguments cannot make a report, in German; nil when they can.
  func argumentProblem() -> String? {
    guard let session, !session.isEmpty else {
      return "Bitte die Journaldatei angeben: resilienz report --session <datei> [-o <datei>]"
    }
    if let problem = format.problem(output: output, document: "der Bericht") { return problem }
    if kurz, druckmappe {
      return "--kurz und --druckmappe schließen sich aus: entweder der Lagebericht auf einer Seite oder die Druckmappe."
    }
    if let date, ReportDate(iso: date) == nil {
      return "„\(date)“ ist kein Datum der Form JJJJ-MM-TT (zum Beispiel 2026-03-14)."
    }
    return nil
  }

  func run() throws {
    if let problem = argumentProblem() {
      FileHandle.standardError.write(Data("Fehler: \(problem)\n".utf8))
      throw ExitCode(2)
    }
    let chosen = format.chosen(output: output)
    let status = ReportWriter.report(
      session: session ?? "", knowledgeBaseDirectory: knowledgeBase.resolved, format: chosen,
      date: date.flatMap { ReportDate(iso: $0) } ?? ReportDate.today(), outputPath: output, force: force,
      kind: druckmappe ? .printPack : kurz ? .onePage : .full,
      output: { print($0, terminator: "") },
      errors: { FileHandle.standardError.write(Data($0.utf8)) })
    if status != 0 { throw ExitCode(status) }
  }
}
