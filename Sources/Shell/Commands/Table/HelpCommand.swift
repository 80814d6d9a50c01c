import KnowledgeBase

struct HelpCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .general, name: "help", aliases: ["hilfe"], usage: "hilfe [befehl]",
    summary: "zeigt alle Befehle oder die Hilfe zu einem Befehl",
    help: "Ohne Angabe listet 'hilfe' alle Befehle auf; 'hilfe warum' erklärt einen einzelnen.")

  let word: String?

  init(_ arguments: CommandArguments) throws(CommandUsageError) { word = try arguments.atMost(1).first }

  func run(in shell: Shell) { shell.showHelp(word ?? "") }

  static func completions(before: String, in shell: Shell) -> [String] {
    CommandTable.all.flatMap { $0.spec.allNames }
  }
}
