import KnowledgeBase

struct PatternsCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .advice, name: "patterns", aliases: ["muster"], usage: "muster",
    summary: "die Krisenmuster mit Punkten und Zustand",
    help:
      "Zeigt für jedes Krisenmuster die Punkte aus den Regeln, die Schwellen für Verdacht und Erkennung und den Zustand."
  )
  static let revealsAdvice = true

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.showPatterns() }
}
