import KnowledgeBase

struct AuthorCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .consultation, name: "author", aliases: ["name"], usage: "name [<name oder stabsfunktion>|zurücksetzen]",
    summary: "wer jetzt antwortet; steht bei jeder Antwort im Journal",
    help:
      "'name S2 Lage' oder 'name Petra Schmitz' hält fest, wer ab jetzt antwortet; Journal, 'antworten' und Bericht nennen es bei jeder Antwort neben der Uhrzeit. Ohne Angabe zeigt 'name', wer eingetragen ist; 'name zurücksetzen' trägt niemanden mehr ein."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.authorCommand(text) }
}
