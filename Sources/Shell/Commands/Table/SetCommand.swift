import KnowledgeBase

struct SetCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .consultation, name: "set", aliases: ["setze"], usage: "setze <frage> = <antwort>",
    summary: "beantwortet eine beliebige Frage, auch außer der Reihe",
    help: "Beantwortet die genannte Frage; '?' bedeutet „weiß nicht“. Mehrere Werte trennt ein Komma.")

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.setCommand(text) }

  static func completions(before: String, in shell: Shell) -> [String] {
    SetCommand.answerCompletions(before, in: shell)
  }
}
