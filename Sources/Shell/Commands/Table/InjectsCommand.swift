import Consultation
import KnowledgeBase

struct InjectsCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .exercise, name: "injects", aliases: ["einlagen"], usage: "einlagen",
    summary: "zeigt das Drehbuch der Übung mit dem Stand jeder Einlage (für die Übungsleitung)",
    help:
      "Listet jede Einlage mit Übungszeit, Kennung, Titel und Stand: gespielt, offen, übersprungen, ersetzt (eine Alternative kam an ihre Stelle) oder entfallen (ihre Bedingung traf nicht zu); dazu, was während des Spiels hinzugefügt oder geändert wurde und welche Frage an die Übungsleitung offen ist. Die Kennungen braucht die Übungsleitung für 'einlage überspringen', 'verschieben' und 'ändern'.",
    exerciseOnly: true
  )

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.listInjects() }
}

extension Shell {
  func listInjects() {
    guard let run = consultation.exercise else { return fail(ExerciseError.noExercise.description) }
    line(emphasis("Einlagen der Übung „\(text(run.exercise.title))“"))
    let schedule = run.schedule
    // Played first in the order they came, then the rest in the Drehbuch's order.
    let released = schedule.released.compactMap { schedule.entry($0) }
    let others = schedule.entries.filter { $0.state != .released }.enumerated().sorted {
      ($0.element.inject.at?.minutes ?? 0, $0.offset) < ($1.element.inject.at?.minutes ?? 0, $1.offset)
    }.map(\.element)
    for entry in released + others {
      var state: String
      switch entry.state {
      case .released:
        let number = (schedule.released.firstIndex(of: entry.inject.id) ?? 0) + 1
        state = "gespielt als Einlage \(number)"
      case .pending: state = "offen"
      case .skipped: state = "übersprungen"
      case .replaced(let other): state = "ersetzt durch \(other)"
      case .passedOver: state = "entfallen"
      }
      if entry.added { state += ", hinzugefügt" } else if entry.changed { state += ", geändert" }
      if let replaced = entry.inject.replaces, entry.state == .pending { state += ", Alternative zu \(replaced)" }
      say(
        TextLayout.wrap(
          "\(entry.inject.time)  \(entry.inject.id): \(text(entry.inject.title)) – \(state)", first: "  ",
          rest: "      "))
    }
    if case .question(_, let question)? = try? consultation.nextInjectChoice() {
      say(TextLayout.wrap("Offene Frage an die Übungsleitung: \(text(question)) ('einlage ja|nein')", first: "  "))
    }
  }
}
