import KnowledgeBase

struct WhyNotCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .advice, name: "whynot", aliases: ["warumnicht"], usage: "warumnicht <maßnahme>",
    summary: "warum eine Maßnahme nicht empfohlen wird",
    help:
      "Zeigt jede Regel, die die Maßnahme empfehlen könnte, und die erste Bedingung, die nicht erfüllt oder noch offen ist."
  )
  static let revealsAdvice = true

  let word: String?

  init(_ arguments: CommandArguments) throws(CommandUsageError) { word = try arguments.atMost(1).first }

  func run(in shell: Shell) { shell.whyNot(word ?? "") }

  static func completions(before: String, in shell: Shell) -> [String] {
    shell.kb.measures.map(\.id)
  }
}
