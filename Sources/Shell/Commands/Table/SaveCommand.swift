import KnowledgeBase

struct SaveCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .staff, name: "save", aliases: ["speichern"], usage: "speichern <datei> [--force]",
    summary: "speichert die Beratung als Datei",
    help:
      "Schreibt alle Antworten als JSON-Datei; eine bestehende Datei wird nur nach Rückfrage (in Skripten mit --force) überschrieben."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.save(text) }
}
