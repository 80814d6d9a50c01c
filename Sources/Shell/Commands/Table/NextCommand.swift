import KnowledgeBase

struct NextCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .consultation, name: "next", aliases: ["weiter"], usage: "weiter",
    summary: "stellt die nächste Frage, auch eine optionale",
    help: "Auch wenn keine Frage die Empfehlungen mehr ändern kann, stellt 'weiter' die nächste noch offene Frage.")

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.nextCommand() }
}
