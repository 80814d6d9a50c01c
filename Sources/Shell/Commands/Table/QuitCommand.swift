import KnowledgeBase

struct QuitCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .general, name: "quit", aliases: ["ende"], usage: "ende",
    summary: "beendet die Beratung (sie bleibt gespeichert)",
    help: "Beendet das Programm. Die Antworten bleiben im Journal und können beim nächsten Start fortgesetzt werden.")

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.quitRequested = true }
}
