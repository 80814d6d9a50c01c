import Consultation
import Foundation
import KnowledgeBase
import RuleLanguage

extension Shell {
  func setTrace(_ on: Bool) {
    options.trace = on
    consultation.recordsEvents = on || coverage != nil
  }

  func traceCommand(_ arguments: String) {
    switch arguments.trimmingSpaces.folded {
    case "an", "on", "ein":
      setTrace(true)
      line("Verfolgung an: nach jeder Antwort erscheint, was die Auswertung entschieden hat.")
    case "aus", "off":
      setTrace(false)
      line("Verfolgung aus.")
    default:
      fail("Bitte so angeben: verfolgen an|aus")
    }
  }

  /// The consultation so far as a test script: answers as `set`, the advice as `expect`.
  func record(_ arguments: String) {
    let (path, force) = Self.pathAndForce(arguments)
    if let problem = Self.fileNameProblem(path, usage: "aufzeichnen <datei> [--force]") { return fail(problem) }
    if adviceHidden {
      return say(
        TextLayout.wrap(
          "Übungsmodus: Aufzeichnen zeigte die verborgenen Empfehlungen; erst nach der Auswertung möglich."))
    }
    var script = "# Aufgezeichnet mit 'aufzeichnen' (Wissensbasis \(kb.info.id) \(kb.info.version)).\n"
    for question in consultation.answeredQuestions {
      guard let answer = consultation.answer(question) else { continue }
      script += "set \(kb.questions[question].id) = \(AnswerParser.format(answer, for: kb.questions[question]))\n"
    }
    script += "\n# Krisenmuster\n"
    for (index, pattern) in kb.patterns.enumerated() {
      let state: String
      switch consultation.patternState(index) {
      case .inactive: state = "inactive"
      case .suspected: state = "suspected"
      case .established: state = "established"
      }
      script += "expect pattern \(pattern.id) \(state)\n"
    }
    script += "\n# Resilienzfaktoren\n"
    for (index, factor) in kb.factors.enumerated() {
      script +=
        "expect factor \(factor.id) \(consultation.factorLevel(index).map { kb.factorLevels[$0].id } ?? "unassessed")\n"
    }
    let advice = consultation.advice()
    let top = min(10, advice.count)
    if top > 0 {
      script += "\n# Die ersten \(top) Maßnahmen\n"
      for recommendation in advice.prefix(top) {
        script += "expect top \(top) \(kb.measures[recommendation.measure].id)\n"
      }
    }
    let absent = kb.measures.indices.filter { !consultation.isRecommended($0) }
    if !absent.isEmpty {
      script += "\n# Nicht empfohlen\n"
      for measure in absent { script += "expect not recommend \(kb.measures[measure].id)\n" }
    }
    let written = writeUserFile(
      path, force: force, retry: "aufzeichnen \(path) --force", declined: "Nicht aufgezeichnet."
    ) {
      try AtomicFile.write(Data(script.utf8), to: path)
    }
    guard written else { return }
    let answers = consultation.answeredQuestions.count
    line(
      "Aufgezeichnet: \(answers) Antworten und \(kb.patterns.count + kb.factors.count + top + absent.count) Erwartungen in „\(path)“."
    )
  }

  /// Re-reads the knowledge base; keeps the old one when the new one has errors.
  func reload() {
    guard let directory = options.knowledgeBaseDirectory else {
      return fail("Diese Beratung kennt den Ordner ihrer Wissensbasis nicht.")
    }
    let result = KnowledgeBaseLoader.load(directory: directory)
    guard let fresh = result.knowledgeBase else {
      say(DiagnosticRenderer().render(result.diagnostics.filter { $0.severity == .error }))
      return fail("Die Wissensbasis hat Fehler; die bisherige bleibt in Gebrauch.")
    }
    let warnings = result.diagnostics.filter { $0.severity == .warning }
    if !warnings.isEmpty { say(DiagnosticRenderer().render(warnings)) }
    let (answers, misfits) = consultation.answers(carriedTo: fresh)
    var replacement = Consultation(knowledgeBase: fresh, journal: consultation.journal)
    do {
      try replacement.replaceAnswers(answers)
    } catch {
      return fail(String(describing: error))
    }
    replacement.recordsEvents = consultation.recordsEvents
    let (change, removed) = consultation.adviceChange(to: replacement)
    consultation = replacement
    coverage = coverage.map { _ in CoverageRecorder(knowledgeBase: fresh) }
    shownQuestion = nil
    announcedComplete = false
    line(
      "Neu geladen: \(Self.count(fresh.rules.count, "Regel", "Regeln")), \(Self.count(fresh.measures.count, "Maßnahme", "Maßnahmen")), \(Self.count(fresh.questions.count, "Frage", "Fragen")); \(Self.count(answers.count, "Antwort", "Antworten")) übernommen."
    )
    for misfit in misfits { say(TextLayout.wrap("nicht übernommen: \(misfit)", first: "  ", rest: "    ")) }
    // The same lines as 'änderungen' after an answer, so that a changed weight shows as a changed
    // priority; measures the knowledge base no longer has are named by their old title.
    for title in removed { say(TextLayout.wrap("entfällt (nicht mehr in der Wissensbasis): \(title)", first: "  ")) }
    if removed.isEmpty || !change.isEmpty { renderChange(change) }
  }

  func checkCommand() {
    guard let directory = options.knowledgeBaseDirectory else {
      return fail("Diese Beratung kennt den Ordner ihrer Wissensbasis nicht.")
    }
    let report = CheckReport(result: KnowledgeBaseLoader.load(directory: directory), strict: false)
    say(report.text(withStatistics: false))
    if report.exitCode != 0 { fail("Die Prüfung hat Fehler gefunden.") }
  }
}
