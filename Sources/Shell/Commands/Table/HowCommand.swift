import KnowledgeBase

struct HowCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .advice, name: "how", aliases: ["wie"], usage: "wie <maßnahme|muster|faktor|tatsache>",
    summary: "wie eine Empfehlung, ein Muster oder eine Bewertung zustande kommt",
    help:
      "Zeigt die Regeln, die gefeuert haben, ihre Bedingungen mit den tatsächlichen Antworten, die Kette der abgeleiteten Tatsachen, bei Maßnahmen die Zusammensetzung der Priorität und die Quellen."
  )
  static let revealsAdvice = true

  let word: String?

  init(_ arguments: CommandArguments) throws(CommandUsageError) { word = try arguments.atMost(1).first }

  func run(in shell: Shell) { shell.how(word ?? "") }

  static func completions(before: String, in shell: Shell) -> [String] {
    shell.kb.measures.map(\.id) + shell.kb.patterns.map(\.id) + shell.kb.factors.map(\.id) + shell.kb.facts.map(\.id)
  }
}
