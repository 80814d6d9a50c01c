import KnowledgeBase

struct WhatIfCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .advice, name: "whatif", aliases: ["angenommen"], usage: "angenommen <frage> = <antwort>",
    summary: "was sich ändern würde, ohne die Antwort zu übernehmen",
    help:
      "Rechnet eine gedachte Antwort durch und zeigt neue, entfallende, höher und tiefer eingestufte Maßnahmen sowie geänderte Muster und Faktoren. Die Beratung selbst bleibt unverändert."
  )
  static let revealsAdvice = true

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.whatIf(text) }

  static func completions(before: String, in shell: Shell) -> [String] {
    SetCommand.answerCompletions(before, in: shell)
  }
}
