import KnowledgeBase

struct BackCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .consultation, name: "back", aliases: ["zurück", "zurueck"], usage: "zurück",
    summary: "macht die letzte Antwort rückgängig",
    help: "Stellt den Stand vor der letzten Antwort wieder her; mehrmals hintereinander geht weiter zurück.")

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.backCommand() }
}
