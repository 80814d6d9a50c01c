import KnowledgeBase

struct TechnicalCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .authoring, name: "technical", aliases: ["technisch"], usage: "technisch [an|aus]",
    summary: "Ansicht für Regelautorinnen: Kennungen und Regeln einblenden",
    help:
      "'technisch an' zeigt neben Titeln die Kennungen (Ids), in 'wie' und 'warumnicht' die Regeln mit Datei und Zeile und in 'antworten' die Frage-Ids; 'technisch aus' kehrt zur Ansicht für den Krisenstab zurück, die nur deutschen Text zeigt. Ohne Angabe sagt 'technisch', welche Ansicht gilt. Skripte und Tests beginnen technisch, eine Beratung am Terminal nicht."
  )

  let word: String?

  init(_ arguments: CommandArguments) throws(CommandUsageError) {
    word = try arguments.atMost(1).first
    guard let word, !["an", "ein", "on", "aus", "off"].contains(word.folded) else { return }
    throw CommandUsageError(message: "Bitte so angeben: \(Self.spec.usage)")
  }

  func run(in shell: Shell) {
    switch word?.folded {
    case nil: break
    case "aus", "off": shell.options.technical = false
    default: shell.options.technical = true
    }
    shell.line(
      shell.options.technical
        ? "Technische Ansicht: mit Kennungen und Regeln." : "Ansicht für den Krisenstab: nur deutscher Text.")
  }
}
