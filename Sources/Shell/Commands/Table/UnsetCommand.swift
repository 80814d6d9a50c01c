import KnowledgeBase

struct UnsetCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .consultation, name: "unset", aliases: ["entferne"], usage: "entferne <frage>",
    summary: "nimmt eine Antwort zurück",
    help: "Die Frage gilt danach wieder als unbeantwortet.")

  let word: String?

  init(_ arguments: CommandArguments) throws(CommandUsageError) { word = try arguments.atMost(1).first }

  func run(in shell: Shell) { shell.unsetCommand(word ?? "") }

  static func completions(before: String, in shell: Shell) -> [String] {
    shell.kb.questions.map(\.id)
  }
}
