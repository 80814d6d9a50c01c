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

  /// What `aufzeichnen` takes: the test file, optionally `--gemeinsam <include-datei>`, `--force`.
  static func recordArguments(_ arguments: String) -> (path: String, shared: String?, force: Bool) {
    var text = arguments.trimmingSpaces
    var shared: String?
    var force = false
    if let option = text.range(of: "--gemeinsam") {
      let (sharedPath, sharedForce) = Self.pathAndForce(String(text[option.upperBound...]))
      (shared, force) = (sharedPath, sharedForce)
      text = String(text[..<option.lowerBound])
    }
    let (path, pathForce) = Self.pathAndForce(text)
    return (path, shared, force || pathForce)
  }

  /// The consultation so far as a test script that keeps: a German header, the answers, and
  /// expectations on what a reader of the advice sees — the first ten measures in their order,
  /// the recognised patterns, the assessed factors and the open points. Nothing is expected of
  /// measures outside the first ten, so that adding an unrelated measure leaves it passing. With
  /// `--gemeinsam`, the setting (`lage.*`, `kommune.*`) goes into a file the test includes.
  func record(_ arguments: String) {
    let usage = "aufzeichnen <datei> [--gemeinsam <include-datei>] [--force]"
    let (path, sharedPath, force) = Self.recordArguments(arguments)
    if let problem = Self.fileNameProblem(path, usage: usage) { return fail(problem) }
    if let sharedPath, let problem = Self.fileNameProblem(sharedPath, usage: usage) { return fail(problem) }
    if adviceHidden {
      return say(
        TextLayout.wrap(
          "Übungsmodus: Aufzeichnen zeigte die verborgenen Empfehlungen; erst nach der Auswertung möglich."))
    }
    let when = AnswerStamp(time: consultation.clock(), by: nil).german() ?? ""
    let origin = "am \(when) mit der Wissensbasis „\(kb.info.id)“, Stand \(kb.info.version)"
    func assignment(_ question: QuestionID) -> String? {
      consultation.answer(question).map {
        "set \(kb.questions[question].id) = \(AnswerParser.format($0, for: kb.questions[question]))\n"
      }
    }
    let isSetting: (QuestionID) -> Bool = { question in
      let id = self.kb.questions[question].id
      return sharedPath != nil && (id.hasPrefix("lage.") || id.hasPrefix("kommune."))
    }
    let answered = consultation.answeredQuestions
    let shared = answered.filter(isSetting)
    let own = answered.filter { !isSetting($0) }

    var script = TextLayout.wrap("# Aufgezeichnet mit 'aufzeichnen' \(origin).", rest: "# ")
    script += TextLayout.wrap(
      "# Erwartet werden die ersten zehn Maßnahmen in ihrer Reihenfolge, die erkannten Krisenmuster, die bewerteten Resilienzfaktoren und die offenen Punkte – nichts über die übrigen Maßnahmen, damit eine neue Maßnahme, die hier nicht greift, den Test nicht bricht.",
      rest: "# ")
    if let sharedPath {
      script += "\ninclude \(Self.relativePath(of: sharedPath, from: path))\n"
    }
    script += "\n# Antworten\n"
    for question in own { script += assignment(question) ?? "" }
    var expectations = 0
    let top = consultation.advice().prefix(10)
    if !top.isEmpty {
      script +=
        top.count == 1 ? "\n# Die erste Maßnahme\n" : "\n# Die ersten \(top.count) Maßnahmen, in dieser Reihenfolge\n"
      for (rank, recommendation) in top.enumerated() {
        script += "expect top \(rank + 1) \(kb.measures[recommendation.measure].id)\n"
      }
      expectations += top.count
    }
    let patterns = kb.patterns.indices.filter { consultation.patternState($0) != .inactive }
    if !patterns.isEmpty {
      script += "\n# Erkannte Krisenmuster\n"
      for pattern in patterns {
        let state = consultation.patternState(pattern) == .established ? "established" : "suspected"
        script += "expect pattern \(kb.patterns[pattern].id) \(state)\n"
      }
      expectations += patterns.count
    }
    let factors = kb.factors.indices.compactMap { factor in consultation.factorLevel(factor).map { (factor, $0) } }
    if !factors.isEmpty {
      script += "\n# Bewertete Resilienzfaktoren\n"
      for (factor, level) in factors {
        script += "expect factor \(kb.factors[factor].id) \(kb.factorLevels[level].id)\n"
      }
      expectations += factors.count
    }
    // Only "weiß nicht" answers replay as open points; a skipped question is not in the script.
    let open = consultation.openPoints.map(\.question).filter { consultation.answer($0) == .unknown }
    if !open.isEmpty {
      script += "\n# Offene Punkte (mit „weiß nicht“ beantwortet, aber entscheidend)\n"
      for question in open { script += "expect open \(kb.questions[question].id)\n" }
      expectations += open.count
    }

    if let sharedPath {
      var setting = TextLayout.wrap(
        "# Gemeinsame Lage und Kommune, aufgezeichnet mit 'aufzeichnen' \(origin).", rest: "# ")
      for question in shared { setting += assignment(question) ?? "" }
      // A setting that several recordings share is written once; the same text is no conflict.
      let unchanged = ScriptLineSource.readFile(sharedPath).map {
        Self.withoutHeader($0) == Self.withoutHeader(setting)
      }
      if unchanged != true {
        let written = writeUserFile(
          sharedPath, force: force, retry: "aufzeichnen \(arguments.trimmingSpaces) --force",
          declined: "Nicht aufgezeichnet."
        ) {
          try AtomicFile.write(Data(setting.utf8), to: sharedPath)
        }
        guard written else { return }
      }
    }
    let written = writeUserFile(
      path, force: force, retry: "aufzeichnen \(arguments.trimmingSpaces) --force", declined: "Nicht aufgezeichnet."
    ) {
      try AtomicFile.write(Data(script.utf8), to: path)
    }
    guard written else { return }
    var done =
      "Aufgezeichnet: \(Self.count(own.count, "Antwort", "Antworten")) und \(Self.count(expectations, "Erwartung", "Erwartungen")) in „\(path)“"
    if let sharedPath { done += ", \(Self.count(shared.count, "Antwort", "Antworten")) zur Lage in „\(sharedPath)“" }
    say(TextLayout.wrap(done + "."))
  }

  /// A file's lines without its comments, to compare two recordings of the same setting.
  static func withoutHeader(_ text: String) -> [String] {
    TextLines.lines(text).filter { !$0.hasPrefix("#") }
  }

  /// `target` as seen from the folder of `file`, as `include` resolves it.
  static func relativePath(of target: String, from file: String) -> String {
    let from = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().pathComponents
    let to = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
    var common = 0
    while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
    return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
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
    let report = CheckReport(result: ScriptDiagnostics.load(directory: directory), strict: false)
    say(report.text(withStatistics: false))
    if report.exitCode != 0 { fail("Die Prüfung hat Fehler gefunden.") }
  }
}
