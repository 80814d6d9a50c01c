import Consultation
import KnowledgeBase

struct RateCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .exercise, name: "rate", aliases: ["bewerte"],
    usage: "bewerte <ziel> erreicht|teilweise|nicht [--beobachter <name>] [begründung]",
    summary: "hält die Bewertung eines Übungsziels durch die Beobachtung fest",
    help:
      "Das Ziel als Nummer (wie in 'auswertung' und im Beobachterbogen) oder Kennung. Jede Beobachterin und jeder Beobachter bewertet für sich; eine neue Bewertung desselben Ziels durch dieselbe Person ersetzt die alte. Die Auswertung stellt die Belege aus dem Protokoll daneben – das Werkzeug urteilt nicht.",
    exerciseOnly: true
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.rateCommand(text) }
}

extension Shell {
  func rateCommand(_ arguments: String) {
    guard let (run, parsed, _) = logRequest(arguments, measure: false) else { return }
    guard parsed.role == nil else { return fail("Eine Bewertung gibt die Beobachtung ab; --als gibt es hier nicht.") }
    var words = parsed.text.split(separator: " ").map(String.init)
    guard words.count >= 2 else { return fail("Bitte so angeben: \(RateCommand.spec.usage)") }
    let objectives = run.exercise.objectives
    let objective: ExerciseObjective
    if let number = Int(words[0]) {
      guard objectives.indices.contains(number - 1) else {
        return fail(
          "Ein Ziel \(number) hat diese Übung nicht; sie hat \(Self.count(objectives.count, "Ziel", "Ziele")).")
      }
      objective = objectives[number - 1]
    } else if let found = run.exercise.objective(words[0]) {
      objective = found
    } else {
      return fail(
        "„\(words[0])“ ist kein Übungsziel. Möglich: 1 bis \(objectives.count) oder "
          + objectives.map(\.id).joined(separator: ", ") + ".")
    }
    // „nicht erreicht“ is two words; „nicht“ alone says the same.
    if words.count >= 3, words[1].folded == "nicht", words[2].folded == "erreicht" { words.remove(at: 2) }
    guard let rating = ObjectiveRating(word: words[1]) else {
      return fail("„\(words[1])“ ist keine Bewertung; möglich: erreicht, teilweise, nicht (erreicht).")
    }
    let comment = words.dropFirst(2).joined(separator: " ")
    do {
      try consultation.rateObjective(
        objective.id, rating, observer: parsed.observer, comment: comment.isEmpty ? nil : comment)
    } catch {
      return fail(String(describing: error))
    }
    let number = (objectives.firstIndex { $0.id == objective.id } ?? 0) + 1
    say(
      TextLayout.wrap(
        "Ziel \(number) \(rating.title)\(parsed.observer.map { " (\($0))" } ?? ""): \(text(objective.text))",
        first: "", rest: "  "))
  }
}
