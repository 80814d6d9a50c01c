import KnowledgeBase

struct CheckCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .authoring, name: "check", aliases: ["prüfen", "pruefen"], usage: "prüfen",
    summary: "prüft Regeln, Wissen, Testskripte und Fälle wie 'resilienz check'",
    help: "Meldet jeden Fehler und jede Warnung der Wissensbasis mit Datei, Zeile und Spalte.")

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.checkCommand() }
}
