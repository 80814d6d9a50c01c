import KnowledgeBase

struct DoneCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .staff, name: "done", aliases: ["erledigt"], usage: "erledigt <nr> [nein]",
    summary: "hakt den Auftrag einer Maßnahme ab ('nein': wieder offen)",
    help:
      "'erledigt 3' markiert den Auftrag zur Maßnahme Nr. 3 als erledigt, mit Uhrzeit und – wo mit 'name' angegeben – wer es meldet; 'erledigt 3 nein' öffnet ihn wieder."
  )

  let words: [String]

  init(_ arguments: CommandArguments) throws(CommandUsageError) { words = try arguments.atMost(2) }

  func run(in shell: Shell) { shell.doneCommand(words.joined(separator: " ")) }
}
