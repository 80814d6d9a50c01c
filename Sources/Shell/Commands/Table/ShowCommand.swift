import KnowledgeBase

struct ShowCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .advice, name: "show", aliases: ["zeige"], usage: "zeige <id>",
    summary: "eine Maßnahme, Frage, ein Muster, einen Faktor oder eine Quelle vollständig",
    help:
      "Zeigt alles, was die Wissensbasis zu der Id weiß, bei Maßnahmen mit ersten Schritten, Praxisbeispielen und Quellen."
  )

  let word: String?

  init(_ arguments: CommandArguments) throws(CommandUsageError) { word = try arguments.atMost(1).first }

  func run(in shell: Shell) { shell.show(word ?? "") }

  static func completions(before: String, in shell: Shell) -> [String] {
    shell.kb.measures.map(\.id) + shell.kb.questions.map(\.id) + shell.kb.patterns.map(\.id)
      + shell.kb.factors.map(\.id)
      + shell.kb.sources.map(\.id)
  }
}
