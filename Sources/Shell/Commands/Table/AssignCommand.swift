import KnowledgeBase

struct AssignCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .staff, name: "assign", aliases: ["auftrag"], usage: "auftrag [<nr> <wer> [bis <frist>]]",
    summary: "gibt eine empfohlene Maßnahme an jemanden, mit Frist; ohne Angabe alle Aufträge",
    help:
      "'auftrag 3 S4 Versorgung bis 18 Uhr' hält fest, dass S4 die Maßnahme Nr. 3 der Empfehlungen übernimmt und bis wann; statt der Nummer geht auch die Kennung der Maßnahme. Die Empfehlungen, 'auftrag' ohne Angabe und der Bericht zeigen den Auftrag mit Uhrzeit; er bleibt im Journal. 'erledigt 3' hakt ihn ab."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.assignCommand(text) }
}
