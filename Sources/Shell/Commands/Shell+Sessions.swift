import Consultation
import KnowledgeBase

extension Shell {
  /// A file name (spaces allowed) and whether `--force` was given at its end.
  static func pathAndForce(_ arguments: String) -> (path: String, force: Bool) {
    var text = arguments.trimmingSpaces
    var force = false
    if text.hasSuffix(" --force") || text == "--force" {
      force = true
      text = String(text.dropLast("--force".count)).trimmingSpaces
    }
    return (unquoted(text), force)
  }

  func save(_ arguments: String) {
    let (path, force) = Self.pathAndForce(arguments)
    if let problem = Self.fileNameProblem(path, usage: "speichern <datei> [--force]") { return fail(problem) }
    let answers = consultation.answeredQuestions.compactMap { question -> SessionDocument.SavedAnswer? in
      guard let answer = consultation.answer(question) else { return nil }
      return SessionDocument.SavedAnswer(
        question: kb.questions[question].id, answer: AnswerParser.format(answer, for: kb.questions[question]))
    }
    let document = SessionDocument(
      knowledgeBase: .init(id: kb.info.id, version: kb.info.version), answers: answers,
      terms: consultation.ownTermTexts.isEmpty ? nil : consultation.ownTermTexts)
    let written = writeUserFile(path, force: force, retry: "speichern \(path) --force", declined: "Nicht gespeichert.")
    {
      try document.write(to: path, overwrite: true)
    }
    guard written else { return }
    line("Gespeichert: \(answers.count) \(answers.count == 1 ? "Antwort" : "Antworten") in „\(path)“.")
  }

  func load(_ arguments: String) {
    let path = Self.unquoted(arguments)
    if let problem = Self.fileNameProblem(path, usage: "laden <datei>") { return fail(problem) }
    if options.interactive, consultation.hasAnswers, let confirm,
      !confirm(
        "Laden ersetzt alle bisherigen Antworten (auch 'zurück' führt nicht zu ihnen zurück). Fortfahren? [j/N] ")
    {
      return line("Nicht geladen.")
    }
    let document: SessionDocument
    do {
      document = try SessionDocument.read(from: path)
    } catch {
      return fail(String(describing: error))
    }
    var answers: [QuestionID: Answer] = [:]
    var misfits: [String] = []
    for saved in document.answers {
      guard let question = kb.questionIndex[saved.question] else {
        misfits.append("\(saved.question) = \(saved.answer): diese Frage gibt es nicht mehr")
        continue
      }
      switch AnswerParser.parse(saved.answer, for: kb.questions[question]) {
      case .success(let answer): answers[question] = answer
      case .failure(let error): misfits.append("\(saved.question) = \(saved.answer): \(error.description)")
      }
    }
    do {
      try consultation.replaceAnswers(answers)
      takeEvents()
      // The file's own names are set over the current ones; a term the knowledge base no longer has, or
      // a text it refuses, is reported with the answers that no longer fit.
      for (term, text) in (document.terms ?? [:]).sorted(by: { $0.key < $1.key }) {
        do {
          try consultation.setTermText(term, to: text)
        } catch {
          misfits.append("Bezeichnung \(term) = \(text): \(error)")
        }
      }
    } catch {
      return fail(String(describing: error))
    }
    shownQuestion = nil
    announcedComplete = false
    line("Geladen: \(answers.count) \(answers.count == 1 ? "Antwort" : "Antworten") aus „\(path)“.")
    if document.knowledgeBase.id != kb.info.id || document.knowledgeBase.version != kb.info.version {
      say(
        TextLayout.wrap(
          "Die Datei stammt aus der Wissensbasis \(document.knowledgeBase.id) \(document.knowledgeBase.version); geladen ist \(kb.info.id) \(kb.info.version)."
        ))
    }
    if !misfits.isEmpty {
      line("Nicht übernommen, weil sie nicht mehr passen:")
      for misfit in misfits { say(TextLayout.wrap(misfit, first: "  – ", rest: "    ")) }
    }
  }
}
