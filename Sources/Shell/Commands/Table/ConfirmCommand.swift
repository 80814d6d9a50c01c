import Consultation
import KnowledgeBase

/// `bestätigen`: answers the staff has checked stay as they are, with a new time stamp.
struct ConfirmCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .consultation, name: "confirm", aliases: ["bestätigen", "bestaetigen"], usage: "bestätigen [alle|<frage>]",
    summary: "bestätigt Antworten unverändert, die älter sind, als sie gelten",
    help:
      "Eine Antwort gilt so lange, wie die Wissensbasis es für ihre Frage festlegt – die Lage einige Stunden, die Organisation ein Jahr. 'antworten' zeigt das Alter jeder Antwort und markiert ältere mit „bitte bestätigen“. 'bestätigen' bestätigt alle markierten unverändert, 'bestätigen alle' jede Antwort, 'bestätigen lage.phase' eine einzelne; jede bekommt die Uhrzeit von jetzt und den Namen aus 'name'. Was sich geändert hat, beantworten Sie mit 'setze' neu."
  )

  let word: String?

  init(_ arguments: CommandArguments) throws(CommandUsageError) { word = try arguments.atMost(1).first }

  func run(in shell: Shell) {
    let questions: [QuestionID]
    switch word?.folded {
    case nil:
      questions = shell.consultation.staleAnswers.map(\.question)
      guard !questions.isEmpty else { return shell.line("Keine Antwort ist älter, als sie gilt.") }
    case "alle":
      questions = shell.consultation.answeredQuestions
      guard !questions.isEmpty else { return shell.line("Noch keine Antworten.") }
    case .some:
      guard let name = word, let question = shell.question(named: name) else { return }
      guard shell.consultation.answer(question) != nil else {
        return shell.fail("Die Frage „\(shell.text(shell.kb.questions[question].text))“ ist noch nicht beantwortet.")
      }
      questions = [question]
    }
    do {
      try shell.consultation.confirm(questions)
    } catch {
      return shell.fail(String(describing: error))
    }
    let when = shell.consultation.stamps[questions[0]]?.german().map { " (\($0))" } ?? ""
    shell.line("Bestätigt: \(Shell.count(questions.count, "Antwort", "Antworten")) unverändert\(when).")
  }
}
