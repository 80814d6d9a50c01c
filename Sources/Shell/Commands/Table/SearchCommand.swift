import KnowledgeBase

struct SearchCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .advice, name: "search", aliases: ["suche"], usage: "suche <text>",
    summary: "sucht in Maßnahmen, Fragen, Mustern, Faktoren und Quellen",
    help:
      "Findet alle Einträge, deren Id, Titel oder Text den Suchtext enthält (Groß-/Kleinschreibung und Umlaute egal)."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.search(text) }
}
