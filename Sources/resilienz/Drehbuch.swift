import ArgumentParser
import Foundation
import Report

/// `resilienz drehbuch`: the Drehbuch of a staff exercise for the Übungsleitung, with inject
/// cards for the Einlagensteuerung and a Beobachterbogen per objective.
struct Drehbuch: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Druckt das Drehbuch einer Übung mit Einlagekarten und Beobachterbögen.",
    discussion: """
      Erstellt aus einer Übung der Wissensbasis (Knowledge/exercises/ID.yaml) das Drehbuch für \
      die Übungsleitung – Übungsziele mit Erwartungshorizont, Rollen, Zeitplan, jede Einlage mit \
      Absender, Empfänger, Weg, Erwartung und Verzweigung –, die Einlagekarten für die \
      Einlagensteuerung und je Übungsziel einen Beobachterbogen. HTML und PDF setzen jede Karte \
      und jeden Bogen auf eine eigene Seite; PDF druckt das HTML mit Chromium (nur mit -o). \
      Eine bestehende Datei ersetzt -o nur mit --force. Exit-Status: 0 bei Erfolg, 1 bei Fehlern \
      in Wissensbasis oder Vorlage, 2 wenn die Übung fehlt, eine Angabe nicht passt oder die \
      Datei nicht geschrieben werden kann.
      """)

  @OptionGroup var knowledgeBase: KnowledgeBaseOption

  @Argument(help: ArgumentHelp("Kennung der Übung (siehe 'übung liste').", valueName: "id"))
  var id: String

  @OptionGroup var format: DocumentFormatOption

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Drehbuch in diese Datei schreiben (sonst auf die Standardausgabe).", valueName: "datei"))
  var output: String?

  @Flag(help: "Eine bestehende Datei -o ersetzen.")
  var force = false

  func run() throws {
    if let problem = format.problem(output: output, document: "das Drehbuch") {
      FileHandle.standardError.write(Data("Fehler: \(problem)\n".utf8))
      throw ExitCode(2)
    }
    let chosen = format.chosen(output: output)
    let status = DrehbuchWriter.write(
      exercise: id, knowledgeBaseDirectory: knowledgeBase.resolved, format: chosen, outputPath: output, force: force,
      output: { print($0, terminator: "") },
      errors: { FileHandle.standardError.write(Data($0.utf8)) })
    if status != 0 { throw ExitCode(status) }
  }
}
