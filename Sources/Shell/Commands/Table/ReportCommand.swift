import KnowledgeBase

struct ReportCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .staff, name: "report", aliases: ["bericht"],
    usage: "bericht [--kurz] [--format md|html|pdf] [datei] [--force]",
    summary: "der Bericht für den Stab: Lage, Muster, Profil, Maßnahmen, Quellen",
    help:
      "Ohne Datei erscheint der Bericht als Markdown in der Ausgabe; mit Datei wird er geschrieben, vollständig oder gar nicht; eine bestehende Datei wird nur nach Rückfrage (in Skripten mit --force) ersetzt, das Journal der Beratung nie. Das Format ergibt sich aus --format oder der Endung (.md, .html, .pdf); HTML ist eine einzige Datei mit Grafik des Resilienzprofils, die sich auf A4 drucken lässt; PDF druckt diesen HTML-Bericht mit Chromium auf A4 und braucht einen Dateinamen. --kurz macht statt des vollständigen Berichts den Lagebericht auf einer Seite: Lage, die ersten zehn Maßnahmen nach Abschnitten mit Amt und Horizont, die wichtigsten offenen Fragen, Zeit und wer antwortet. --datum JJJJ-MM-TT setzt das Datum des Berichts (sonst heute). Die Vorlagen liegen in Knowledge/templates der Wissensbasis."
  )
  static let revealsAdvice = true

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.reportCommand(text) }
}
