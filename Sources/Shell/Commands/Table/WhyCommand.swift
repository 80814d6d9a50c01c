import KnowledgeBase

struct WhyCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .advice, name: "why", aliases: ["warum"], usage: "warum [frage]",
    summary: "was die aktuelle (oder genannte) Frage noch entscheiden kann",
    help:
      "Zeigt, welche Maßnahmen, Krisenmuster und Faktoren von der Antwort abhängen und welche Regeln auf sie warten, dazu den Hilfetext der Frage."
  )
  static let revealsAdvice = true

  let word: String?

  init(_ arguments: CommandArguments) throws(CommandUsageError) { word = try arguments.atMost(1).first }

  func run(in shell: Shell) { shell.why(word ?? "") }

  static func completions(before: String, in shell: Shell) -> [String] {
    shell.kb.questions.map(\.id)
  }
}
