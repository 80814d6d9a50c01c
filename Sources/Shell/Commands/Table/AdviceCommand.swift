import KnowledgeBase

struct AdviceCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .advice, name: "advice", aliases: ["empfehlungen"], usage: "empfehlungen [alle|anzahl]",
    summary: "die empfohlenen Maßnahmen nach Priorität und die offenen Punkte",
    help:
      "Zeigt die ersten zehn Maßnahmen (mit 'alle' alle, mit einer Zahl so viele), jeweils mit Horizont, Priorität, zuständigem Amt, Aufwand und Quellen. Läuft eine Lage oder ist sie angekündigt, stehen sie in drei Abschnitten: „Jetzt in der Lage“, „Parallel: Stab und Personal“ und „Nach der Lage und Vorsorge“; die Nummern laufen durch. Danach folgen die offenen Punkte: was zu klären ist, weil es mit „weiß nicht“ beantwortet oder übersprungen wurde, und bei wem."
  )
  static let revealsAdvice = true

  let word: String?

  init(_ arguments: CommandArguments) throws(CommandUsageError) { word = try arguments.atMost(1).first }

  func run(in shell: Shell) { shell.adviceCommand(word ?? "") }

  static func completions(before: String, in shell: Shell) -> [String] {
    ["alle"]
  }
}
