import KnowledgeBase

struct InjectCommand: ShellCommand {
  static let spec = CommandSpec(
    name: "inject", aliases: ["einlage"], usage: "einlage", summary: "spielt die nächste Einlage ein",
    help:
      "Zeigt Übungszeit und Text der nächsten Einlage, setzt ihre Antworten und – außer im Blindmodus – was sich an den Empfehlungen ändert."
  )

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.injectCommand() }
}
