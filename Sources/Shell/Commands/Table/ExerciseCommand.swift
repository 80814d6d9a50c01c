import KnowledgeBase

struct ExerciseCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .exercise, name: "exercise", aliases: ["übung", "uebung"],
    usage: "übung liste | start <id> [--blind] | status | kopf <feld> <text> | uhr an [faktor]|aus",
    summary: "Stabsübungen: Szenarien zeigen, eine Übung beginnen, ihren Stand zeigen",
    help: """
      'übung liste' zeigt die Szenarien; 'übung start <id>' zeigt Lernziele und Ausgangslage und setzt deren Antworten; mit --blind (Übende) bleiben die Empfehlungen bis zur Auswertung verborgen. 'übung status' zeigt Übungszeit, gespielte Einlagen, Entscheidungen und Notizen, Rolle und Uhr.
      'übung kopf datum|ort|teilnehmende|leitung|beobachter <text>' füllt den Kopf des Auswertungsberichts (Beobachterinnen und Beobachter durch Kommas getrennt); 'übung kopf' zeigt ihn.
      'übung uhr an [faktor]' lässt die Einlagen nach der Uhr kommen: Übungszeit ist die Zeit seit 'übung start' mal Faktor (4: vier Stunden Übungszeit je Stunde); fällige Einlagen spielt die Shell ein, sobald sie die nächste Zeile liest. 'übung uhr aus' hält die Uhr an. Die Einstellung steht im Journal und gilt nach dem Fortsetzen weiter.
      """
  )

  let words: [String]

  init(_ arguments: CommandArguments) { words = arguments.words }

  func run(in shell: Shell) { shell.exerciseCommand(words.joined(separator: " ")) }
}
