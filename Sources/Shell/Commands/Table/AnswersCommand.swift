import KnowledgeBase

struct AnswersCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .consultation, name: "answers", aliases: ["antworten"], usage: "antworten",
    summary: "alle bisherigen Antworten mit Uhrzeit und wer sie gab",
    help: "Listet alle Antworten nach Themen; „weiß nicht“ ist als Informationslücke markiert.")

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.showAnswers() }
}
