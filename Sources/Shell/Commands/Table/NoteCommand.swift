import KnowledgeBase

struct NoteCommand: ShellCommand {
  static let spec = CommandSpec(
    name: "note", aliases: ["notiz"], usage: "notiz <text>",
    summary: "hält eine Beobachtung zur aktuellen Übungszeit fest",
    help: "Beobachtungen der Übungsleitung erscheinen in der Auswertung und im Bericht.")

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.noteCommand(text) }
}
