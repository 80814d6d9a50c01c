import KnowledgeBase

struct LoadCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .staff, name: "load", aliases: ["laden"], usage: "laden <datei>", summary: "lädt eine gespeicherte Beratung",
    help:
      "Ersetzt alle Antworten durch die der Datei. Antworten, die zur aktuellen Wissensbasis nicht mehr passen, werden aufgelistet und übergangen."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.load(text) }
}
