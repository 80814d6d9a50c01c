import KnowledgeBase

struct SkipCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .consultation, name: "skip", aliases: ["überspringen", "ueberspringen"], usage: "überspringen",
    summary: "lässt die aktuelle Frage vorerst aus",
    help: "Die Frage wird nicht mehr vorgeschlagen, bis sie mit 'setze' beantwortet wird.")

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.skipCommand() }
}
