import Consultation
import KnowledgeBase

struct QuestionCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .consultation, name: "question", aliases: ["frage"], usage: "frage",
    summary: "zeigt die aktuelle Frage der Beratung erneut",
    help:
      "Nach einer Einlage stellt die Shell die Frage der Beratung nicht von selbst erneut, damit der Stab an der Einlage arbeitet. 'frage' zeigt sie; die nächste Eingabe, die kein Befehl ist, beantwortet sie."
  )

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.askCurrentQuestion() }
}

extension Shell {
  func askCurrentQuestion() {
    guard let question = consultation.currentQuestion ?? offeredQuestion else {
      return line("Keine Frage offen; 'weiter' stellt die optionalen Fragen.")
    }
    exercisePlay.questionAsked = true
    shownQuestion = question
    say(renderQuestion(question))
  }

  /// In an exercise a line that is no command answers the question only after 'frage' showed
  /// it: after an inject the staff types decisions and notes, not answers.
  func refusesUnaskedAnswer(_ word: String) -> Bool {
    guard let run = consultation.exercise, !run.debriefed, !exercisePlay.questionAsked else { return false }
    let suggestion = CommandTable.suggestion(for: word, maxDistance: 2)
    fail(
      "„\(word)“ ist kein Befehl." + (suggestion.map { " Meinten Sie „\($0)“?" } ?? "")
        + " In der Übung: 'entscheide <text>' protokolliert eine Entscheidung, 'notiz <text>' eine Beobachtung; 'frage' zeigt die Frage der Beratung, die nächste Eingabe beantwortet sie."
    )
    return true
  }
}

/// What the shell keeps for exercise play beside the consultation (the clock is the
/// consultation's, kept in the journal): whether the consultation's question was asked since the
/// last inject.
struct ExercisePlayState {
  /// Whether 'frage' showed the question, so that the next plain line answers it.
  var questionAsked = false
  /// The inject whose question to the Übungsleitung the clock has announced, so it is said once.
  var announcedQuestion: String?
}
