import KnowledgeBase

struct DecideCommand: ShellCommand {
  static let spec = CommandSpec(
    name: "decide", aliases: ["entscheide"], usage: "entscheide <nr|maßnahme> annehmen|ablehnen|zurückstellen [grund]",
    summary: "protokolliert eine Entscheidung des Stabes zur aktuellen Übungszeit",
    help:
      "Hält fest, dass der übende Stab eine Maßnahme angenommen, abgelehnt oder zurückgestellt hat, mit Begründung. Die Auswertung vergleicht das mit den Empfehlungen und den Erwartungen der Übungsleitung."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.decideCommand(text) }
}
