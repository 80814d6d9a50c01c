import ArgumentParser
import Foundation
import Report

/// `resilienz report`: the report of a consultation kept in a session journal.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Erstellt den Bericht einer Beratung als Markdown oder HTML.",
    discussion: """
      Liest die Beratung aus der Journaldatei, die 'resilienz --session DATEI' führt, und \
      erstellt den Bericht für den Stab: Lage, Krisenmuster, Resilienzprofil, Maßnahmen nach \
      Horizont, offene Fragen und Quellen. HTML ist eine einzige Datei ohne Skripte und ohne \
      Abruf aus dem Netz, mit Grafik des Profils und Druckformat A4. Die Vorlagen liegen in \
      Knowledge/templates der Wissensbasis (sonst gelten die mitgelieferten). Das Journal wird \
      nur gelesen und nie überschrieben; eine bestehende Datei ersetzt -o nur mit --force. Exit-Status: 0 bei Erfolg, 1 bei Fehlern in Wissensbasis oder Vorlage, 2 wenn \
      eine Datei nicht gelesen oder geschrieben werden kann.
      """)

  @OptionGroup var knowledgeBase: KnowledgeBaseOption

  @Option(help: ArgumentHelp("Journaldatei der Beratung.", valueName: "datei"))
  var session: String

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case md, html
  }

  @Option(help: ArgumentHelp("Format: md oder html (sonst nach der Endung von -o, sonst md).", valueName: "format"))
  var format: Format?

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Bericht in diese Datei schreiben (sonst auf die Standardausgabe).", valueName: "datei"))
  var output: String?

  @Option(help: ArgumentHelp("Datum des Berichts, JJJJ-MM-TT (sonst heute).", valueName: "datum"))
  var date: String?

  @Flag(help: "Eine bestehende Datei -o ersetzen (das Journal einer Beratung nie).")
  var force = false

  func validate() throws {
    if let date, ReportDate(iso: date) == nil {
      throw ValidationError("„\(date)“ ist kein Datum der Form JJJJ-MM-TT (zum Beispiel 2026-03-14).")
    }
  }

  func run() throws {
    let chosen = format.flatMap { ReportFormat(rawValue: $0.rawValue) } ?? output.flatMap(ReportFormat.init(fileName:))
    let status = ReportWriter.report(
      session: session, knowledgeBaseDirectory: knowledgeBase.resolved, format: chosen ?? .md,
      date: date.flatMap { ReportDate(iso: $0) } ?? ReportDate.today(), outputPath: output, force: force,
      output: { print($0, terminator: "") },
      errors: { FileHandle.standardError.write(Data($0.utf8)) })
    if status != 0 { throw ExitCode(status) }
  }
}
