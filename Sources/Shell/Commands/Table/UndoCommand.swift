import Consultation
import KnowledgeBase

struct UndoCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .exercise, name: "undo", aliases: ["rückgängig", "rueckgaengig"], usage: "rückgängig",
    summary: "nimmt den letzten Eintrag im Übungsprotokoll zurück",
    help:
      "Nimmt die letzte Entscheidung oder Notiz zurück, etwa eine doppelt eingetragene; sie erscheint danach weder in der Auswertung noch im Bericht. Das Journal behält beides, den Eintrag und die Rücknahme.",
    exerciseOnly: true
  )

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.undoEntry() }
}

extension Shell {
  func undoEntry() {
    do {
      let entry = try consultation.undoLastEntry()
      say(TextLayout.wrap("Zurückgenommen: \(entry.kind.title) (\(entry.exerciseTime)) – \(logEntryText(entry))"))
    } catch {
      fail(String(describing: error))
    }
  }
}
