import KnowledgeBase

struct DebriefCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .exercise, name: "debrief", aliases: ["auswertung"],
    usage: "auswertung [--report <datei.md|.html|.pdf>] [--plan <datei.csv>] [--force]",
    summary: "wertet die Übung aus: Entscheidungen, Empfehlungen, Erwartungen, Übungsziele, Verbesserungsplan",
    help: """
      Zeigt für jede Einlage die Entscheidungen des Stabes neben den Empfehlungen und den erwarteten Maßnahmen: rechtzeitig, verspätet, nicht ergriffen, ergriffen ohne Empfehlung. Danach jedes Übungsziel mit den Bewertungen der Beobachtung ('bewerte') und den Belegen aus dem Protokoll, und den Verbesserungsplan ('plan').
      Mit --report schreibt sie den Auswertungsbericht mit Kopf ('übung kopf'), Bewertungen, Belegen und Verbesserungsplan; das Format folgt der Endung (.md, .html, .pdf über Chromium, sonst Markdown). Mit --plan schreibt sie den Verbesserungsplan als CSV für die Aufgabenliste des Stabes. Eine bestehende Datei nur nach Rückfrage (in Skripten mit --force).
      """,
    exerciseOnly: true
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.debriefCommand(text) }
}
