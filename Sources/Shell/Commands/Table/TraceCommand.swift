import KnowledgeBase

struct TraceCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .authoring, name: "trace", aliases: ["verfolgen"], usage: "verfolgen an|aus",
    summary: "zeigt bei jeder Antwort, welche Regeln feuern und was sich ändert",
    help:
      "Mit 'verfolgen an' erscheint nach jeder Antwort je eine Zeile für jede Regel, die feuert oder nicht mehr zutrifft (mit den Antworten, die sie gelesen hat), jede Änderung eines Musters, eines Faktors und jeder Maßnahme, in der Reihenfolge der Auswertung."
  )

  let word: String?

  init(_ arguments: CommandArguments) throws(CommandUsageError) { word = try arguments.atMost(1).first }

  func run(in shell: Shell) { shell.traceCommand(word ?? "") }
}
