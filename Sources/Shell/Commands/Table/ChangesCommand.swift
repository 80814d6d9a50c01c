import KnowledgeBase

struct ChangesCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .advice, name: "changes", aliases: ["änderungen", "aenderungen"], usage: "änderungen",
    summary: "was sich mit der letzten Antwort geändert hat und warum",
    help:
      "Zeigt neue, entfallene, höher und tiefer eingestufte Maßnahmen sowie geänderte Muster und Faktoren nach der letzten Antwort, mit den Regeln, die das bewirkt haben."
  )
  static let revealsAdvice = true

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.showChanges() }
}
