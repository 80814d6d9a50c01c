import Foundation
import KnowledgeBase
import RuleEngine

extension Consultation {
  /// A consultation kept in a journal: opens it for this process alone, replays what it holds
  /// (reporting torn lines and answers that no longer fit), then appends every later change to it.
  /// - Parameter takeOver: take over a journal that a shell on another computer left open.
  public static func resume(
    knowledgeBase: KnowledgeBase, journalPath: String, takeOver: Bool = false
  ) throws -> (Consultation, [String]) {
    let journal = try Journal(path: journalPath, takeOver: takeOver)
    var (consultation, problems) = try replay(knowledgeBase: knowledgeBase, contents: journal.contents)
    if journal.contents.records.isEmpty {
      try journal.append(JournalRecord.start(knowledgeBase: knowledgeBase.info.id, version: knowledgeBase.info.version))
    }
    consultation.attach(journal)
    return (consultation, problems)
  }

  /// The consultation a journal's records make, without writing anything (for reports and for
  /// following a consultation another shell leads), and the problems met on the way.
  public static func replay(knowledgeBase: KnowledgeBase, contents: JournalContents) throws -> (Consultation, [String])
  {
    var problems = contents.problems
    var consultation = Consultation(knowledgeBase: knowledgeBase)
    var injectsPlayed = 0
    // Replayed without a journal, so nothing is written twice; attached afterwards.
    for record in contents.records {
      let time = record.time
      switch record.entry {
      case .start(let id, let version):
        if id != knowledgeBase.info.id || version != knowledgeBase.info.version {
          problems.append(
            "Das Journal wurde mit der Wissensbasis \(id) \(version) begonnen; geladen ist \(knowledgeBase.info.id) \(knowledgeBase.info.version)."
          )
        }
      case .set(let given):
        guard let question = knowledgeBase.questionIndex[given.question] else {
          problems.append("Die Frage „\(given.question)“ gibt es nicht mehr; ihre Antwort wird übergangen.")
          // Kept in the history as a step that changes nothing, so that a later 'back' undoes
          // the answer it undid when the journal was written, not the one before it.
          consultation.recordUnapplied(given.question)
          continue
        }
        let stamp = AnswerStamp(time: time, by: record.by, source: given.source)
        switch AnswerParser.parse(given.answer, for: knowledgeBase.questions[question]) {
        case .success(let answer): try consultation.replay(question, to: answer, stamp: stamp)
        case .failure(let error):
          problems.append(
            "\(given.question) = \(given.answer): \(error.description.hasSuffix(".") ? error.description : error.description + ".") Die Antwort wird übergangen."
          )
          consultation.recordUnapplied(given.question)
        }
      case .unset(let id):
        guard let question = knowledgeBase.questionIndex[id] else {
          problems.append("Die Frage „\(id)“ gibt es nicht mehr; ihre Antwort wird übergangen.")
          consultation.recordUnapplied(id)
          continue
        }
        try consultation.replay(question, to: nil, stamp: AnswerStamp(time: time, by: record.by))
      case .reset:
        try consultation.clearAnswers()
      case .loaded:
        consultation.forgetHistory()
      case .back:
        _ = try consultation.back()
      case .skip(let id):
        if let question = knowledgeBase.questionIndex[id] { try consultation.skip(question) }
      case .exercise(let id, let blind):
        guard let exercise = knowledgeBase.exercises.first(where: { $0.id == id }) else {
          problems.append("Die Übung „\(id)“ gibt es nicht mehr; ihre Einträge werden übergangen.")
          continue
        }
        try consultation.startExercise(exercise, blind: blind, at: time)
        injectsPlayed = 0
      case .inject(_, let inject):
        guard consultation.exercise != nil else { continue }
        injectsPlayed += 1
        do {
          if let inject {
            try consultation.releaseInject(inject)
          } else {
            // Journals from before the Drehbuch name no inject: the next one, as then.
            try consultation.playInject()
          }
        } catch let error as ExerciseError {
          // The scenario may have lost injects since they were played: the session still
          // opens, at the last inject the scenario has, and says so below.
          if case .noMoreInjects = error { continue }
          problems.append("Die Einlage „\(inject ?? "?")“ wird übergangen: \(error.description)")
        }
      case .injectControl, .injectSkip, .injectDelay, .injectEdit, .injectAdd:
        guard consultation.exercise != nil else { continue }
        if let problem = try consultation.replayScheduleChange(record.entry) { problems.append(problem) }
      case .decide(let decided):
        guard consultation.exercise != nil, let measure = knowledgeBase.measureIndex[decided.measure] else {
          problems.append("Eine Entscheidung zu „\(decided.measure)“ passt nicht mehr und wird übergangen.")
          continue
        }
        try consultation.decide(measure, decided.decision, reason: decided.reason, at: time, role: record.by)
      case .note(let text):
        if consultation.exercise != nil {
          _ = try consultation.log(.note, text: text, measure: nil, role: record.by, observer: nil, at: time)
        }
      case .log(let logged):
        guard consultation.exercise != nil else { continue }
        var measure: MeasureID?
        if let id = logged.measure {
          measure = knowledgeBase.measureIndex[id]
          if measure == nil {
            problems.append("Die Maßnahme „\(id)“ gibt es nicht mehr; der Eintrag bleibt ohne sie im Protokoll.")
          }
        }
        _ = try consultation.log(
          logged.kind, text: logged.text, measure: measure, role: record.by, observer: logged.observer, at: time)
      case .undo:
        if consultation.exercise?.entries.isEmpty == false { try consultation.undoLastEntry() }
      case .debrief:
        if consultation.exercise != nil { try consultation.markDebriefed() }
      case .exerciseRole, .exerciseInfo, .rating, .plan, .planStatus:
        guard consultation.exercise != nil else { continue }
        if !consultation.replayEvaluation(record.entry, at: time) {
          problems.append(
            "Ein Eintrag der Auswertung („\(record.entry.kind.rawValue)“) passt nicht mehr und wird übergangen.")
        }
      case .task(let id, let change):
        if !consultation.replayTask(id, change, record) {
          problems.append("Ein Auftrag zu „\(id)“ passt nicht mehr und wird übergangen.")
        }
      case .report(let measures, let patterns):
        consultation.lastReport = ReportMark(
          time: time.map(AnswerStamp.timestamp), measures: measures, patterns: patterns)
      case .exerciseClock(let compression):
        if consultation.exercise != nil { try consultation.setExerciseClock(compression) }
      case .confirm(let id):
        consultation.replayConfirmation(of: id, record)
      case .header(let field, let text):
        do {
          try consultation.setHeader(field, to: text)
        } catch {
          problems.append("Der Kopfeintrag „\(field.rawValue)“ wird übergangen: \(error)")
        }
      case .term(let term, let text):
        do {
          try consultation.setTermText(term, to: text)
        } catch {
          problems.append("Die Bezeichnung für „\(term)“ wird übergangen: \(error)")
        }
      }
    }
    // The log is the journal as written, with its times, not the replay's.
    consultation.log = contents.records
    // Who answered last goes on answering (and signs the report) until `name` says otherwise.
    consultation.author = contents.records.last(where: { $0.by != nil })?.by
    if let run = consultation.exercise, injectsPlayed > run.exercise.injects.count {
      let count = run.exercise.injects.count
      problems.append(
        "Die Übung „\(run.exercise.id)“ hat nur noch \(count) \(count == 1 ? "Einlage" : "Einlagen"); gespielt waren \(injectsPlayed). Die Übung steht bei der letzten Einlage des Szenarios."
      )
    }
    return (consultation, problems)
  }

  /// How many answers a journal holds, without loading a knowledge base; nil when it has none.
  public static func answerCount(inJournal path: String) -> Int? {
    guard let contents = try? Journal.read(path: path) else { return nil }
    var answers: [String: String] = [:]
    var history: [(question: String, previous: String?)] = []
    for record in contents.records {
      switch record.entry {
      case .set(let given):
        history.append((given.question, answers[given.question]))
        answers[given.question] = given.answer
      case .unset(let question):
        history.append((question, answers[question]))
        answers[question] = nil
      case .back:
        if let last = history.popLast() { answers[last.question] = last.previous }
      case .reset:
        answers.removeAll()
        history.removeAll()
      default: continue
      }
    }
    return answers.isEmpty ? nil : answers.count
  }
}
