import Consultation
import KnowledgeBase

struct PlanCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .exercise, name: "plan", aliases: [],
    usage: "plan [<maßnahme> an <wer> bis <frist> [--ziel <nr>] | <nr> erledigt|offen|in-arbeit]",
    summary: "der Verbesserungsplan der Übung: was, wer, bis wann, Stand",
    help:
      "'plan Warnverteiler für Heime aufbauen an Gesundheitsamt bis 31.03.2027' nimmt eine Zeile in den Verbesserungsplan auf; mit --ziel 2 gehört sie zu Übungsziel 2. 'plan 1 erledigt' (offen, in-arbeit) setzt ihren Stand. Ohne Argument zeigt 'plan' den Plan; 'auswertung --plan plan.csv' schreibt ihn für die Aufgabenliste des Stabes.",
    exerciseOnly: true
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.planCommand(text) }
}

extension Shell {
  func planCommand(_ arguments: String) {
    guard let run = consultation.exercise else { return fail(ExerciseError.noExercise.description) }
    var words = arguments.split(separator: " ").map(String.init)
    guard !words.isEmpty else {
      guard !run.evaluation.plan.isEmpty else { return line("Der Verbesserungsplan ist leer.") }
      line(emphasis("Verbesserungsplan"))
      for (index, item) in run.evaluation.plan.enumerated() {
        say(
          TextLayout.wrap(
            "\(index + 1). \(item.action) – \(item.owner), bis \(item.deadline) (\(item.status.title))", first: "  ",
            rest: "     "))
      }
      return
    }
    do {
      if words.count == 2, let number = Int(words[0]) {
        guard let status = PlanStatus(word: words[1].replacingOccurrences(of: "-", with: " ")) else {
          return fail("„\(words[1])“ ist kein Stand; möglich: offen, in-arbeit, erledigt.")
        }
        try consultation.setPlanStatus(number, status)
        return line("Zeile \(number) des Verbesserungsplans: \(status.title).")
      }
      var objective: String?
      if let index = words.firstIndex(of: "--ziel") {
        guard index + 1 < words.count, let number = Int(words[index + 1]),
          run.exercise.objectives.indices.contains(number - 1)
        else {
          return fail("Nach --ziel bitte die Nummer eines Übungsziels (1 bis \(run.exercise.objectives.count)).")
        }
        objective = run.exercise.objectives[number - 1].id
        words.removeSubrange(index...(index + 1))
      }
      let usage = "Bitte so angeben: plan <maßnahme> an <wer> bis <frist> [--ziel <nr>]"
      guard let to = words.lastIndex(where: { $0.folded == "an" }),
        let by = words.lastIndex(where: { $0.folded == "bis" }), to > 0, to < by, by < words.count - 1, to + 1 < by
      else { return fail(usage) }
      let item = PlanItem(
        action: words[..<to].joined(separator: " "), owner: words[(to + 1)..<by].joined(separator: " "),
        deadline: words[(by + 1)...].joined(separator: " "), objective: objective)
      try consultation.addPlanItem(item)
      let number = consultation.exercise?.evaluation.plan.count ?? 0
      say(
        TextLayout.wrap(
          "Verbesserungsplan, Zeile \(number): \(item.action) – \(item.owner), bis \(item.deadline).", first: "",
          rest: "  "))
    } catch {
      fail(String(describing: error))
    }
  }
}
