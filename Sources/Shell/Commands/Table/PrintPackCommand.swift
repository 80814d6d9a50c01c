import KnowledgeBase
import Report

/// `druckmappe`: the print pack for when power or IT fails.
struct PrintPackCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .staff, name: "printpack", aliases: ["druckmappe"],
    usage: "druckmappe [--format md|html|pdf] [--force] <datei>",
    summary: "Druckmappe für einen Ausfall von Strom oder IT: je Maßnahme eine Checkliste",
    help:
      "Schreibt jede empfohlene Maßnahme auf eine eigene Seite – mit den ersten Schritten zum Abhaken, dem zuständigen Amt, dem Stand des Auftrags und Feldern für Übernahme und Erledigung –, davor ein Deckblatt mit Kopf und Verzeichnis, danach die offenen Punkte mit der Stelle, die sie klären kann. 'druckmappe mappe.pdf' druckt sie mit Chromium auf A4 (die Endung wählt das Format; .html und .md gehen auch). Drucken Sie sie aus, solange Strom und Drucker laufen."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) {
    guard !text.isEmpty else { return shell.fail("Bitte den Dateinamen angeben: \(Self.spec.usage)") }
    shell.reportCommand(text, kind: .printPack)
  }
}
