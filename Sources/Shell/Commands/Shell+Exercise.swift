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
      shownQuestion = nil
      announcedComplete = true
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
      exerciseStatus()
    default:
      fail("Bitte so angeben: übung liste | übung start <id> [--blind] | übung status")
    }
  }

  func exerciseStatus() {
    guard let run = consultation.exercise else { return fail(ExerciseError.noExercise.description) }
    line(emphasis("Übung \(run.exercise.id): \(text(run.exercise.title))"))
    line("  Übungszeit: \(run.time) · Einlagen gespielt: \(run.stage) von \(run.exercise.injects.count)")
    line(
      "  Entscheidungen: \(run.decisions.count) · Notizen: \(run.notes.count)\(run.blind && !run.debriefed ? " · Blindmodus" : "")"
    )
    if let next = run.nextInject { line("  Nächste Einlage: \(next.time) – \(text(next.title))") }
  }

  func injectCommand() {
    do {
      let (inject, change) = try consultation.playInject()
      shownQuestion = nil
      announcedComplete = true
      let stage = consultation.exercise?.stage ?? 0
      line()
      line(emphasis("[Einlage \(stage) · \(inject.time)] \(text(inject.title))"))
      say(TextLayout.wrap(text(inject.text), first: "  ", rest: "  "))
      for (question, answer) in inject.answers {
        line("  gesetzt: \(kb.questions[question].id) = \(AnswerParser.format(answer, for: kb.questions[question]))")
      }
      if !adviceHidden {
        line(summary(of: change, accepted: "Lage aktualisiert."))
      }
    } catch {
      fail(String(describing: error))
    }
  }

  func decideCommand(_ arguments: String) {
    let words = arguments.split(separator: " ", maxSplits: 2).map(String.init)
    guard words.count >= 2 else {
      return fail("Bitte so angeben: entscheide <nr|maßnahme> annehmen|ablehnen|zurückstellen [grund]")
    }
    // The number in the advice as shown, or the measure's id.
    let measure: Int
    switch measureReference(words[0]) {
    case .success(let found): measure = found
    case .failure(let problem): return fail(problem.message)
    }
    guard let decision = StaffDecision(word: words[1]) else {
      return fail("„\(words[1])“ ist keine Entscheidung; möglich: annehmen, ablehnen, zurückstellen")
    }
    let reason = words.count == 3 ? words[2].trimmingSpaces : nil
    do {
      try consultation.decide(measure, decision, reason: reason)
    } catch {
      return fail(String(describing: error))
    }
    let time = consultation.exercise?.time ?? ""
    let reasonText = reason.map { " – " + ($0.hasSuffix(".") ? String($0.dropLast()) : $0) } ?? ""
    line("Protokolliert (\(time)): \(kb.measures[measure].id) \(decision.title)\(reasonText).")
  }

  func noteCommand(_ arguments: String) {
    let text = arguments.trimmingSpaces
    guard !text.isEmpty else { return fail("Bitte den Text angeben: notiz <text>") }
    do {
      try consultation.note(text)
    } catch {
      return fail(String(describing: error))
    }
    line("Notiert (\(consultation.exercise?.time ?? "")).")
  }

  func debriefCommand(_ arguments: String) {
    var words = arguments.split(separator: " ").map(String.init)
    var reportPath: String?
    var force = false
    if let index = words.firstIndex(of: "--report") {
      let (path, forced) = Self.pathAndForce(words[(index + 1)...].joined(separator: " "))
      if let problem = Self.fileNameProblem(path, usage: "auswertung --report <datei> [--force]") {
        return fail(problem)
      }
      (reportPath, force) = (path, forced)
      words.removeSubrange(index...)
    }
    guard words.isEmpty else { return fail("„auswertung“ nimmt außer --report <datei> kein Argument.") }
    guard let run = consultation.exercise else { return fail(ExerciseError.noExercise.description) }
    let format: ReportFormat = reportPath?.lowercased().hasSuffix(".html") == true ? .html : .md
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
    let debrief = Debrief(run: run)
    say(renderDebrief(run, debrief))
    if let reportPath {
      do {
        let templates = try ReportTemplates(afterActionForKnowledgeBase: options.knowledgeBaseDirectory, format: format)
        let text = try templates.render(afterActionModel(run, debrief), as: format)
        let written = writeUserFile(
          reportPath, force: force, retry: "auswertung --report \(reportPath) --force",
          declined: "Kein Auswertungsbericht geschrieben."
        ) {
          try ReportWriter.write(text, to: reportPath, overwrite: true, journals: openJournals)
        }
        if written { line("Auswertungsbericht geschrieben: „\(reportPath)“.") }
      } catch {
        fail(String(describing: error))
      }
    }
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
