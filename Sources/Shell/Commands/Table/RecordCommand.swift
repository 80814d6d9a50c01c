import KnowledgeBase

struct RecordCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .authoring, name: "record", aliases: ["aufzeichnen"],
    usage: "aufzeichnen <datei> [--gemeinsam <include-datei>] [--force]",
    summary: "schreibt die Beratung als Testskript",
    help:
      "Schreibt die Antworten als 'set'-Zeilen und als Erwartungen, worauf es ankommt: die ersten zehn Maßnahmen in ihrer Reihenfolge, die erkannten Muster, die bewerteten Faktoren und die offenen Punkte. Mit --gemeinsam kommen die Antworten zu Lage und Kommune (lage.*, kommune.*) in eine eigene Datei, die der Test mit 'include' einbindet; eine bestehende gleiche Lage-Datei wird weiterverwendet. Eine bestehende andere Datei wird nur nach Rückfrage (in Skripten mit --force) überschrieben."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.record(text) }
}
