import KnowledgeBase

struct ExerciseCommand: ShellCommand {
  static let spec = CommandSpec(
    name: "exercise", aliases: ["übung", "uebung"], usage: "übung liste|start <id> [--blind]|status",
    summary: "Stabsübungen: Szenarien zeigen, eine Übung beginnen, ihren Stand zeigen",
    help:
      "'übung liste' zeigt die Szenarien; 'übung start <id>' zeigt Lernziele und Ausgangslage und setzt deren Antworten; mit --blind (Übende) bleiben die Empfehlungen bis zur Auswertung verborgen. 'übung status' zeigt Übungszeit, gespielte Einlagen, Entscheidungen und Notizen."
  )

  let words: [String]

  init(_ arguments: CommandArguments) throws(CommandUsageError) { words = try arguments.atMost(3) }

  func run(in shell: Shell) { shell.exerciseCommand(words.joined(separator: " ")) }
}
