import KnowledgeBase

struct ExportCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .staff, name: "export", aliases: ["exportieren"], usage: "exportieren <datei.csv|datei.json> [--force]",
    summary: "alle Antworten und Aufträge mit Zeit und Namen für das Einsatztagebuch",
    help:
      "Schreibt jede Antwort, jede Rücknahme, jeden Auftrag und jede Bezeichnung dieser Beratung mit Uhrzeit (UTC, ISO 8601) und – wo mit 'name' angegeben – wer sie gab: als CSV mit Semikolon für Tabellenprogramme oder als JSON. Das Einsatztagebuch des Stabes bleibt die verbindliche Dokumentation; der Export liefert ihm zu."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.exportCommand(text) }
}
