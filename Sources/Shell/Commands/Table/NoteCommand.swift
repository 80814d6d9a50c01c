import Consultation
import KnowledgeBase

struct NoteCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .exercise, name: "note", aliases: ["notiz"], usage: "notiz <text> [--als <rolle>] [--beobachter <name>]",
    summary: "hält eine Beobachtung mit Uhrzeit und Übungszeit fest",
    help:
      "Beobachtungen erscheinen in der Auswertung und im Bericht, mit Uhrzeit, Übungszeit, Rolle ('rolle', oder --als <rolle>) und wer beobachtet hat (--beobachter <name>). 'rückgängig' nimmt den letzten Eintrag zurück.",
    exerciseOnly: true
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.noteCommand(text) }
}

extension Shell {
  func noteCommand(_ arguments: String) {
    guard let (_, options, role) = logRequest(arguments, measure: false) else { return }
    guard !options.text.isEmpty else { return fail("Bitte den Text angeben: \(NoteCommand.spec.usage)") }
    do {
      let entry = try consultation.log(.note, text: options.text, role: role, observer: options.observer)
      // Without role or observer the short confirmation of earlier versions.
      if entry.role == nil, entry.observer == nil {
        line("Notiert (\(entry.exerciseTime)).")
      } else {
        line("Notiert (\(logStamp(entry))).")
      }
    } catch {
      fail(String(describing: error))
    }
  }
}
