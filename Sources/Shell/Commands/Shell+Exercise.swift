import Consultation
import Foundation
import KnowledgeBase
import Report
import RuleLanguage

extension Shell {
  /// A blind exercise hides the advice until the debrief.
  var adviceHidden: Bool {
    guard let run = consultation.exercise else { return false }
    return run.blind && !run.debriefed
  }

  func exerciseCommand(_ arguments: String) {
    var words = arguments.split(separator: " ").map(String.init)
    guard let verb = words.first?.folded else { return exerciseStatus() }
    words.removeFirst()
    switch verb {
    case "liste", "list":
      guard !kb.exercises.isEmpty else { return line("Diese Wissensbasis enthält keine Übungsszenarien.") }
      line(emphasis("Übungsszenarien"))
      for exercise in kb.exercises {
        say(
          TextLayout.wrap(
            "\(exercise.id): \(text(exercise.title)) (\(exercise.type), \(exercise.injects.count) Einlagen)",
            first: "  ", rest: "    "))
      }
    case "start":
      let blind = words.contains("--blind")
      words.removeAll { $0 == "--blind" }
      guard words.count == 1, let id = words.first else { return fail("Bitte so angeben: übung start <id> [--blind]") }
      guard let exercise = kb.exercises.first(where: { $0.id == id }) else {
        let suggestion = Suggestion.closest(to: id, in: kb.exercises.map(\.id))
        return fail(
          "Unbekanntes Szenario „\(id)“." + (suggestion.map { " Meinten Sie „\($0)“?" } ?? "")
            + " 'übung liste' zeigt alle.")
      }
      if options.interactive, let running = consultation.exercise, !running.debriefed, let confirm,
        !confirm("Die Übung „\(running.exercise.id)“ läuft noch; eine neue beginnen? [j/N] ")
      {
        return line("Die laufende Übung geht weiter.")
      }
      do {
        try consultation.startExercise(exercise, blind: blind)
      } catch {
        return fail(String(describing: error))
      }
      // The staff starts with the initial situation, not the consultation's question ('frage').
      shownQuestion = consultation.currentQuestion
      announcedComplete = true
      exercisePlay = ExercisePlayState()
      line(emphasis("Übung: \(text(exercise.title))"))
      line("  \(exercise.type)\(blind ? " · Blindmodus: Empfehlungen erst in der Auswertung" : "")")
      line("  Lernziele:")
      for objective in exercise.objectives {
        say(TextLayout.wrap(text(objective.text), first: "    – ", rest: "      "))
      }
      say(TextLayout.wrap("Übungskommune: \(text(exercise.municipality))", first: "  ", rest: "    "))
      say(TextLayout.wrap("Ausgangslage: \(text(exercise.situation))", first: "  ", rest: "    "))
      line(
        "  \(Self.count(exercise.answers.count, "Antwort", "Antworten")) der Ausgangslage gesetzt; 'einlage' spielt die erste von \(Self.count(exercise.injects.count, "Einlage", "Einlagen")) ein."
      )
    case "status":
      guard words.isEmpty else { return fail("„übung status“ nimmt kein weiteres Argument.") }
      exerciseStatus()
    case "kopf":
      exerciseHeader(words)
    case "uhr":
      exerciseClock(words)
    default:
      fail("Bitte so angeben: \(ExerciseCommand.spec.usage)")
    }
  }

  func exerciseStatus() {
    guard let run = consultation.exercise else { return fail(ExerciseError.noExercise.description) }
    line(emphasis("Übung \(run.exercise.id): \(text(run.exercise.title))"))
    line("  Übungszeit: \(run.time) · Einlagen gespielt: \(run.stage) von \(run.exercise.injects.count)")
    line(
      "  Entscheidungen: \(run.entries.filter { $0.kind == .decision }.count) · Notizen: \(run.notes.count)\(run.blind && !run.debriefed ? " · Blindmodus" : "")"
    )
    if let next = run.nextInject { line("  Nächste Einlage: \(next.time) – \(text(next.title))") }
    if let role = run.role { line("  Rolle: \(role)") }
    if let factor = consultation.exercise?.clockCompression {
      let now = run.exerciseTime(at: consultation.clock(), compression: factor).map(\.text) ?? "unbekannt"
      line("  Uhr: läuft, Faktor \(factor) · Übungszeit nach der Uhr: \(now)")
    }
  }

  /// `übung kopf datum|ort|teilnehmende|leitung|beobachter <text>`: the after-action report's header.
  func exerciseHeader(_ words: [String]) {
    guard let run = consultation.exercise else { return fail(ExerciseError.noExercise.description) }
    var header = run.evaluation.header
    guard let field = words.first?.folded else {
      line(emphasis("Kopf des Auswertungsberichts"))
      let rows: [(String, String?)] = [
        ("Datum", header.date), ("Ort", header.place), ("Teilnehmende", header.participants),
        ("Übungsleitung", header.director),
        ("Beobachtung", header.observers.isEmpty ? nil : header.observers.joined(separator: ", ")),
      ]
      for (label, value) in rows { line("  \(label): \(value ?? "(nicht gesetzt)")") }
      return
    }
    let value = words.dropFirst().joined(separator: " ").trimmingSpaces
    let usage = "übung kopf datum|ort|teilnehmende|leitung|beobachter <text>"
    guard !value.isEmpty else { return fail("Bitte den Text angeben: \(usage)") }
    let label: String
    switch field {
    case "datum": (header.date, label) = (value, "Datum")
    case "ort": (header.place, label) = (value, "Ort")
    case "teilnehmende", "teilnehmer": (header.participants, label) = (value, "Teilnehmende")
    case "leitung", "uebungsleitung": (header.director, label) = (value, "Übungsleitung")
    case "beobachter", "beobachtung", "beobachterin":
      header.observers = value.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
      label = "Beobachtung"
    default:
      return fail("„\(words[0])“ ist kein Feld des Kopfes. Möglich: datum, ort, teilnehmende, leitung, beobachter.")
    }
    do {
      try consultation.setExerciseHeader(header)
    } catch {
      return fail(String(describing: error))
    }
    line("\(label): \(field.hasPrefix("beobacht") ? header.observers.joined(separator: ", ") : value)")
  }

  /// `übung uhr an [faktor]|aus`: releases due injects on the clock whenever the shell reads a line.
  func exerciseClock(_ words: [String]) {
    guard let run = consultation.exercise else { return fail(ExerciseError.noExercise.description) }
    let usage = "übung uhr an [faktor] | übung uhr aus"
    switch words.first?.folded {
    case "an" where words.count <= 2:
      var factor = 1
      if words.count == 2 {
        guard let given = Int(words[1]), ExerciseRun.clockCompressions.contains(given) else {
          return fail(
            "„\(words[1])“ ist kein Zeitfaktor; bitte eine ganze Zahl von 1 bis 60 (4: vier Stunden Übungszeit je Stunde)."
          )
        }
        factor = given
      }
      guard run.started != nil else {
        return fail(
          "Der Beginn dieser Übung ist nicht bekannt (Journal einer älteren Version); die Uhr kann nicht laufen.")
      }
      do {
        try consultation.setExerciseClock(factor)
      } catch {
        return fail(String(describing: error))
      }
      say(
        TextLayout.wrap(
          "Die Uhr läuft\(factor > 1 ? " (Faktor \(factor))" : ""): Fällige Einlagen kommen, sobald die Shell die nächste Zeile liest. 'übung uhr aus' hält sie an."
        ))
    case "aus" where words.count == 1:
      do {
        try consultation.setExerciseClock(nil)
      } catch {
        return fail(String(describing: error))
      }
      line("Die Uhr ist angehalten; 'einlage' spielt die nächste Einlage ein.")
    default:
      fail("Bitte so angeben: \(usage)")
    }
  }

  /// Plays every inject whose time has come on the clock; a question to the Übungsleitung that
  /// is due is asked, and play waits for its answer.
  func releaseDueInjects() {
    guard let factor = consultation.exercise?.clockCompression, consultation.exercise?.debriefed == false else {
      return
    }
    // Bounded by the number of injects: each round releases one or stops.
    for _ in 0...(consultation.exercise?.schedule.entries.count ?? 0) {
      guard let due = try? consultation.dueInject(at: consultation.clock(), compression: factor) else { return }
      switch due {
      case .none: return
      case .inject: releaseNextInject()
      case .question(let id, let question):
        guard options.interactive, let confirm else {
          // Asked once; 'einlage ja|nein' answers it.
          if exercisePlay.announcedQuestion != id { askControlQuestion(question) }
          exercisePlay.announcedQuestion = id
          return
        }
        do {
          try consultation.answerControlQuestion(id, confirm("Frage an die Übungsleitung: \(question) [j/N] "))
        } catch {
          return fail(String(describing: error))
        }
      }
    }
  }

  func debriefCommand(_ arguments: String) {
    var words = arguments.split(separator: " ").map(String.init)
    let usage = "auswertung [--report <datei.md|.html|.pdf>] [--plan <datei.csv>] [--force]"
    let force = words.contains("--force")
    words.removeAll { $0 == "--force" }
    var reportPath: String?
    var planPath: String?
    while let option = words.first {
      guard words.count >= 2, option == "--report" || option == "--plan" else {
        return fail("„auswertung“ nimmt nur diese Argumente: \(usage)")
      }
      if let problem = Self.fileNameProblem(words[1], usage: usage) { return fail(problem) }
      if option == "--report" { reportPath = words[1] } else { planPath = words[1] }
      words.removeFirst(2)
    }
    // The format follows the name; any other name gets Markdown, as before there were formats.
    let format = reportPath.flatMap { ReportFormat(fileName: $0) } ?? .md
    if let planPath, !planPath.lowercased().hasSuffix(".csv") {
      return fail("„\(planPath)“: Der Verbesserungsplan wird als CSV geschrieben; bitte mit der Endung .csv.")
    }
    guard let run = consultation.exercise else { return fail(ExerciseError.noExercise.description) }
    let remaining = run.exercise.injects.count - run.stage
    if options.interactive, remaining > 0, run.blind, !run.debriefed, let confirm,
      !confirm(
        "Noch \(Self.count(remaining, "Einlage", "Einlagen")) offen; die Auswertung hebt den Blindmodus auf. Jetzt auswerten? [j/N] "
      )
    {
      return line("Die Übung geht weiter.")
    }
    do {
      try consultation.markDebriefed()
    } catch {
      return fail(String(describing: error))
    }
    guard let run = consultation.exercise else { return }
    let debrief = Debrief(run: run)
    say(renderDebrief(run, debrief))
    say(renderEvaluation(run))
    var model = afterActionModel(run, debrief)
    model.addEvaluation(of: run, knowledgeBase: kb, fill: text)
    if let reportPath {
      do {
        let templates = try ReportTemplates(
          afterActionForKnowledgeBase: options.knowledgeBaseDirectory, format: format.markup)
        let rendered = try templates.render(model, as: format.markup)
        let document = format == .pdf ? try PDFPrinter.pdf(fromHTML: rendered) : Data(rendered.utf8)
        let written = writeUserFile(
          reportPath, force: force, retry: "auswertung --report \(reportPath) --force",
          declined: "Kein Auswertungsbericht geschrieben."
        ) {
          try ReportWriter.write(document, to: reportPath, overwrite: true, journals: openJournals)
        }
        if written { line("Auswertungsbericht (\(format.title)) geschrieben: „\(reportPath)“.") }
      } catch let error as ReportError {
        fail(error.message)
      } catch {
        fail(String(describing: error))
      }
    }
    if let planPath {
      let written = writeUserFile(
        planPath, force: force, retry: "auswertung --plan \(planPath) --force",
        declined: "Kein Verbesserungsplan geschrieben."
      ) {
        try ReportWriter.write(model.improvementPlanCSV, to: planPath, overwrite: true, journals: openJournals)
      }
      if written { line("Verbesserungsplan (CSV) geschrieben: „\(planPath)“.") }
    }
  }

  /// The observers' ratings with the evidence beside each objective, and the improvement plan.
  func renderEvaluation(_ run: ExerciseRun) -> String {
    let objectives = run.exercise.objectives
    let ratings = run.evaluation.currentRatings(objectives: objectives)
    var out = emphasis("Übungsziele") + "\n"
    for (index, objective) in objectives.enumerated() {
      out += TextLayout.wrap("Ziel \(index + 1): \(text(objective.text))", first: "  ", rest: "    ")
      let given = ratings.filter { $0.objective == objective.id }
      if given.isEmpty {
        out += "    Bewertung: noch nicht bewertet ('bewerte \(index + 1) erreicht|teilweise|nicht')\n"
      }
      for rating in given {
        let who = rating.observer.map { " (\($0))" } ?? ""
        let comment = rating.comment.map { ": \($0)" } ?? ""
        out += TextLayout.wrap("Bewertung: \(rating.rating.title)\(who)\(comment)", first: "    ", rest: "      ")
      }
      let evidence = AfterActionModel.evidence(for: objective, in: run, knowledgeBase: kb, fill: text)
      for item in evidence { out += TextLayout.wrap("Beleg: \(item)", first: "    ", rest: "      ") }
    }
    out += emphasis("Verbesserungsplan") + "\n"
    if run.evaluation.plan.isEmpty {
      out += "  Noch keine Einträge ('plan <maßnahme> an <wer> bis <frist>').\n"
    }
    for (index, item) in run.evaluation.plan.enumerated() {
      out += TextLayout.wrap(
        "\(index + 1). \(item.action) – \(item.owner), bis \(item.deadline) (\(item.status.title))", first: "  ",
        rest: "     ")
    }
    return out
  }

  func verdictText(_ verdict: Debrief.Verdict, stages: [Inject]) -> String {
    func time(_ stage: Int) -> String { stage == 0 ? "Ausgangslage" : stages[stage - 1].time }
    switch verdict {
    case .inTime(let stage): return "rechtzeitig (\(time(stage)))"
    case .late(let stage): return "verspätet (\(time(stage)))"
    case .notTaken: return "nicht ergriffen"
    }
  }

  func renderDebrief(_ run: ExerciseRun, _ debrief: Debrief) -> String {
    var out = "\n" + emphasis("Auswertung: \(text(run.exercise.title))") + "\n"
    for stage in debrief.stages {
      out += emphasis("Einlage \(stage.stage) · \(stage.inject.time): \(text(stage.inject.title))") + "\n"
      for decision in stage.decisions {
        out += TextLayout.wrap(
          "Stab: \(kb.measures[decision.measure].id) \(decision.decision.title)\(decision.reason.map { " – \($0)" } ?? "")",
          first: "  ", rest: "    ")
      }
      for expectation in stage.expectations {
        let measure = consultation.measure(expectation.measure)
        out += TextLayout.wrap(
          "erwartet: \(measure.id) – \(verdictText(expectation.verdict, stages: run.exercise.injects))"
            + (expectation.advised ? ", vom Werkzeug empfohlen" : ", vom Werkzeug nicht empfohlen"),
          first: "  ", rest: "    ")
        if expectation.verdict == .notTaken, expectation.advised,
          let (reason, sourceID) = run.reasonsAtStage.indices.contains(stage.stage)
            ? run.reasonsAtStage[stage.stage][expectation.measure] : nil
        {
          let source = kb.sourceIndex[sourceID].map { kb.sources[$0].publisher } ?? sourceID
          out += TextLayout.wrap(
            "Begründung des Werkzeugs: \(text(reason)) (Quelle: \(source))", first: "    ", rest: "      ")
        }
      }
      out += "  Von den ersten zehn Empfehlungen angenommen: \(stage.topTenTaken) von \(stage.topTen.count)\n"
    }
    if !debrief.takenNotAdvised.isEmpty {
      out += emphasis("Ergriffen, ohne dass das Werkzeug es empfahl") + "\n"
      for decision in debrief.takenNotAdvised {
        out += TextLayout.wrap(
          "\(kb.measures[decision.measure].id) (\(decision.stage == 0 ? "Ausgangslage" : run.exercise.injects[decision.stage - 1].time))"
            + (decision.reason.map { ": \($0)" } ?? ": ohne Begründung"),
          first: "  ", rest: "    ")
      }
    }
    out += emphasis("Zusammenfassung") + "\n"
    out +=
      "  Erwartete Maßnahmen: \(debrief.expectedTotal); rechtzeitig \(debrief.expectedInTime), verspätet \(debrief.expectedLate), nicht ergriffen \(debrief.expectedMissed)\n"
    if !run.notes.isEmpty {
      out += emphasis("Beobachtungen") + "\n"
      for note in run.notes {
        out += TextLayout.wrap(
          "\(note.stage == 0 ? "Ausgangslage" : run.exercise.injects[note.stage - 1].time): \(note.text)", first: "  ",
          rest: "    ")
      }
    }
    return out
  }

  /// The after-action report's content: exercise, objectives, timeline, comparison,
  /// observations and an improvement plan built from the gaps, rendered by the report templates.
  func afterActionModel(_ run: ExerciseRun, _ debrief: Debrief) -> AfterActionModel {
    let exercise = run.exercise
    func time(_ stage: Int) -> String { stage == 0 ? "Ausgangslage" : exercise.injects[stage - 1].time }
    let timeline = (0...run.stage).map { stage in
      AfterActionModel.TimelineRow(
        time: time(stage), event: stage == 0 ? "Ausgangslage" : text(exercise.injects[stage - 1].title),
        entries: run.decisions.filter { $0.stage == stage }.map {
          "\(text(consultation.measure($0.measure).title)): \($0.decision.title)\($0.reason.map { " – \($0)" } ?? "")"
        } + run.notes.filter { $0.stage == stage }.map { "Notiz: \($0.text)" })
    }
    let comparison = debrief.stages.flatMap { stage in
      stage.expectations.map {
        AfterActionModel.ComparisonRow(
          time: stage.inject.time, measure: text(consultation.measure($0.measure).title),
          verdict: verdictText($0.verdict, stages: exercise.injects), advised: $0.advised ? "ja" : "nein")
      }
    }
    let totals =
      "Erwartete Maßnahmen: \(debrief.expectedTotal), davon rechtzeitig \(debrief.expectedInTime), verspätet \(debrief.expectedLate), nicht ergriffen \(debrief.expectedMissed)."
    return AfterActionModel(
      title: text(exercise.title), type: exercise.type, scenario: exercise.id,
      knowledgeBase: "\(kb.info.id) \(kb.info.version)",
      mode: run.blind ? "blind (Empfehlungen erst in der Auswertung)" : "offen",
      objectives: exercise.objectives.map { text($0.text) }, municipality: text(exercise.municipality),
      situation: text(exercise.situation), timeline: timeline, comparison: comparison, totals: totals,
      takenNotAdvised: debrief.takenNotAdvised.map {
        AfterActionModel.Entry(
          time: time($0.stage), title: text(consultation.measure($0.measure).title),
          text: $0.reason ?? "ohne Begründung")
      },
      observations: run.notes.map { AfterActionModel.Entry(time: time($0.stage), title: "", text: $0.text) },
      plan: debrief.gaps.map {
        let item = consultation.measure($0)
        return AfterActionModel.PlanRow(
          measure: text(item.title), office: text(item.office),
          horizon: Self.horizonTitles[item.horizon] ?? item.horizon.rawValue)
      })
  }
}
