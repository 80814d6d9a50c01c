import KnowledgeBase

struct TermCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .consultation, name: "term", aliases: ["bezeichnung"],
    usage: "bezeichnung [<begriff> <text>|<begriff> zurücksetzen]",
    summary: "wie Ihre Kommune ihren Stab nennt",
    help:
      "Ohne Angabe zeigt 'bezeichnung' die Begriffe, die Empfehlungen und Bericht je nach Land und Körperschaft füllen, etwa den Namen des Stabes, mit ihrem jetzigen Text. 'bezeichnung stab Verwaltungsstab der Stadt Musterstadt' setzt den Namen, den Ihre Kommune verwendet; 'bezeichnung stab zurücksetzen' kehrt zur Bezeichnung nach Land und Körperschaft zurück. Die Bezeichnung bleibt im Journal und in gespeicherten Beratungen."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.termCommand(text) }
}
