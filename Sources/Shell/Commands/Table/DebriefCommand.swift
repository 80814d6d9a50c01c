import KnowledgeBase

struct DebriefCommand: ShellCommand {
  static let spec = CommandSpec(
    name: "debrief", aliases: ["auswertung"], usage: "auswertung [--report <datei> [--force]]",
    summary: "wertet die Übung aus: Entscheidungen, Empfehlungen, Erwartungen",
    help:
      "Zeigt für jede Einlage die Entscheidungen des Stabes neben den Empfehlungen und den erwarteten Maßnahmen: rechtzeitig, verspätet, nicht ergriffen, ergriffen ohne Empfehlung. Mit --report schreibt sie den Auswertungsbericht (Markdown) mit Verbesserungsplan; eine bestehende Datei nur nach Rückfrage (in Skripten mit --force)."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.debriefCommand(text) }
}
