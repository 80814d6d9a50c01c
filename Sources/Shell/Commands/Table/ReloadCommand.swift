import KnowledgeBase

struct ReloadCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .authoring, name: "reload", aliases: ["neu-laden"], usage: "neu-laden",
    summary: "liest die Wissensbasis neu ein und rechnet mit den bisherigen Antworten",
    help:
      "Liest Regeln und Wissen neu von der Platte. Bei Fehlern bleibt die bisherige Wissensbasis in Gebrauch; sonst werden die Antworten übernommen und die Änderungen der Empfehlungen gezeigt."
  )

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.reload() }
}
