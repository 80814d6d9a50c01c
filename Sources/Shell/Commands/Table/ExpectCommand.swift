import KnowledgeBase

struct ExpectCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .authoring, name: "expect", aliases: ["erwarte"], usage: "expect <was> …",
    summary: "prüft in Skripten eine Erwartung",
    help: """
      expect recommend <maßnahme>      die Maßnahme wird empfohlen
      expect not recommend <maßnahme>  sie wird nicht empfohlen
      expect top <n> <maßnahme>        sie steht unter den ersten n
      expect pattern <muster> <zustand>  inactive|suspected|established (nicht erkannt|verdacht|erkannt)
      expect factor <faktor> <stufe>   der Faktor ist so bewertet (oder 'unassessed')
      expect next <frage>              die nächste Frage ist diese (oder 'none')
      expect open <frage>              die Frage ist ein offener Punkt (weiß nicht, aber wichtig)
      expect output <text>             die Ausgabe des vorigen Befehls enthält den Text
      """,
    scriptOnly: true)

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.expect(text) }
}
