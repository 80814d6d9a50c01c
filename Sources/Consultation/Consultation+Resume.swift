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
      let time = AnswerStamp.date(fromTimestamp: record.time)
      switch record.op {
      case "start":
        if record.knowledgeBase != knowledgeBase.info.id || record.version != knowledgeBase.info.version {
          problems.append(
            "Das Journal wurde mit der Wissensbasis \(record.knowledgeBase ?? "?") \(record.version ?? "?") begonnen; geladen ist \(knowledgeBase.info.id) \(knowledgeBase.info.version)."
          )
        }
      case "set", "unset":
        guard let id = record.question, let question = knowledgeBase.questionIndex[id] else {
          problems.append("Die Frage „\(record.question ?? "?")“ gibt es nicht mehr; ihre Antwort wird übergangen.")
          // Kept in the history as a step that changes nothing, so that a later 'back' undoes
          // the answer it undid when the journal was written, not the one before it.
          consultation.recordUnapplied(record.question ?? "?")
          continue
        }
        let stamp = AnswerStamp(
          time: AnswerStamp.date(fromTimestamp: record.time), by: record.by, source: record.source)
        if record.op == "unset" {
          try consultation.replay(question, to: nil, stamp: stamp)
          continue
        }
        switch AnswerParser.parse(record.answer ?? "", for: knowledgeBase.questions[question]) {
        case .success(let answer): try consultation.replay(question, to: answer, stamp: stamp)
        case .failure(let error):
          problems.append(
            "\(id) = \(record.answer ?? ""): \(error.description.hasSuffix(".") ? error.description : error.description + ".") Die Antwort wird übergangen."
          )
          consultation.recordUnapplied(id)
        }
      case "reset":
        try consultation.clearAnswers()
      case "loaded":
        consultation.forgetHistory()
      case "back":
        _ = try consultation.back()
      case "skip":
        if let id = record.question, let question = knowledgeBase.questionIndex[id] {
          try consultation.skip(question)
        }
      case "exercise":
        guard let id = record.question, let exercise = knowledgeBase.exercises.first(where: { $0.id == id }) else {
          problems.append("Die Übung „\(record.question ?? "?")“ gibt es nicht mehr; ihre Einträge werden übergangen.")
          continue
        }
        try consultation.startExercise(exercise, blind: record.answer == "blind", at: time)
        injectsPlayed = 0
      case "inject":
        guard consultation.exercise != nil else { continue }
        injectsPlayed += 1
        do {
          if let id = record.answer {
            try consultation.releaseInject(id)
          } else {
            // Journals from before the Drehbuch name no inject: the next one, as then.
            try consultation.playInject()
          }
        } catch let error as ExerciseError {
          // The scenario may have lost injects since they were played: the session still
          // opens, at the last inject the scenario has, and says so below.
          if case .noMoreInjects = error { continue }
          problems.append("Die Einlage „\(record.answer ?? "?")“ wird übergangen: \(error.description)")
        }
      case "inject-control", "inject-skip", "inject-delay", "inject-edit", "inject-add":
        guard consultation.exercise != nil else { continue }
        do {
          try consultation.replayScheduleChange(record)
        } catch let error as ExerciseError {
          problems.append("Eine Änderung der Einlage „\(record.answer ?? "?")“ wird übergangen: \(error.description)")
        }
      case "decide":
        guard consultation.exercise != nil, let id = record.question, let measure = knowledgeBase.measureIndex[id],
          let decision = StaffDecision(rawValue: record.answer ?? "")
        else {
          problems.append("Eine Entscheidung zu „\(record.question ?? "?")“ passt nicht mehr und wird übergangen.")
          continue
        }
        try consultation.decide(measure, decision, reason: record.text, at: time, role: record.by)
      case "note":
        if consultation.exercise != nil, let text = record.text {
          _ = try consultation.log(.note, text: text, measure: nil, role: record.by, observer: nil, at: time)
        }
      case "log":
        guard consultation.exercise != nil, let kind = LogEntry.Kind(rawValue: record.answer ?? "") else { continue }
        var measure: MeasureID?
        if let id = record.question {
          measure = knowledgeBase.measureIndex[id]
          if measure == nil {
            problems.append("Die Maßnahme „\(id)“ gibt es nicht mehr; der Eintrag bleibt ohne sie im Protokoll.")
          }
        }
        _ = try consultation.log(
          kind, text: record.text ?? "", measure: measure, role: record.by, observer: record.observer, at: time)
      case "undo":
        if consultation.exercise?.entries.isEmpty == false { try consultation.undoLastEntry() }
      case "debrief":
        if consultation.exercise != nil { try consultation.markDebriefed() }
      case "exercise-role", "exercise-info", "rating", "plan", "plan-status":
        guard consultation.exercise != nil else { continue }
        if !consultation.replayEvaluation(record, at: time) {
          problems.append("Ein Eintrag der Auswertung („\(record.op)“) passt nicht mehr und wird übergangen.")
        }
      case "task":
        if !consultation.replayTask(record) {
          problems.append("Ein Auftrag zu „\(record.question ?? "?")“ passt nicht mehr und wird übergangen.")
        }
      case "report":
        consultation.replayReportMark(record)
      case "exercise-clock":
        if consultation.exercise != nil { try consultation.setExerciseClock(Int(record.answer ?? "")) }
      case "confirm":
        consultation.replayConfirmation(record)
      case "header":
        do {
          try consultation.setHeader(try HeaderField(named: record.question ?? ""), to: record.text)
        } catch {
          problems.append("Der Kopfeintrag „\(record.question ?? "?")“ wird übergangen: \(error)")
        }
      case "term":
        do {
          try consultation.setTermText(record.question ?? "", to: record.text)
        } catch {
          problems.append("Die Bezeichnung für „\(record.question ?? "?")“ wird übergangen: \(error)")
        }
      default:
        // Records of kinds a later version writes are kept in the file and skipped here.
        continue
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
      guard let question = record.question ?? (record.op == "back" || record.op == "reset" ? "" : nil) else { continue }
      switch record.op {
      case "set":
        history.append((question, answers[question]))
        answers[question] = record.answer ?? ""
      case "unset":
        history.append((question, answers[question]))
        answers[question] = nil
      case "back":
        if let last = history.popLast() { answers[last.question] = last.previous }
      case "reset":
        answers.removeAll()
        history.removeAll()
      default: continue
      }
    }
    return answers.isEmpty ? nil : answers.count
  }
}
