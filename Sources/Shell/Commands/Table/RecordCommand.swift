import KnowledgeBase

struct RecordCommand: ShellCommand {
  static let spec = CommandSpec(
    name: "record", aliases: ["aufzeichnen"], usage: "aufzeichnen <datei> [--force]",
    summary: "schreibt die Beratung als Testskript",
    help:
      "Schreibt die Antworten als 'set'-Zeilen und den aktuellen Stand als 'expect'-Zeilen (Muster, Faktoren, die ersten zehn Maßnahmen und die nicht empfohlenen) in eine Datei, die 'resilienz test' prüft. Eine bestehende Datei wird nur nach Rückfrage (in Skripten mit --force) überschrieben."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.record(text) }
}
