import Consultation
import KnowledgeBase

struct DecideCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .exercise, name: "decide", aliases: ["entscheide"],
    usage:
      "entscheide <text> [--maßnahme <nr|kennung>] [--als <rolle>] [--beobachter <name>] | entscheide <nr|kennung> annehmen|ablehnen|zurückstellen [grund]",
    summary: "protokolliert eine Entscheidung des Stabes mit Uhrzeit, Übungszeit und Rolle",
    help: """
      'entscheide Räumung des Wohnheims Am Mühlbach bis 22 Uhr' hält die Entscheidung in den Worten des Stabes fest, mit Uhrzeit, Übungszeit, der Rolle ('rolle', oder --als <rolle>) und wer sie beobachtet hat (--beobachter <name>).
      Passt der Text zu einer Maßnahme der Wissensbasis, schlägt die Shell sie vor; verknüpft wird nur, was bestätigt (am Terminal mit j) oder mit --maßnahme angegeben ist – als Nummer der Empfehlungen, Kennung oder Titel. Eine verknüpfte Entscheidung zählt in der Auswertung als ergriffen.
      'entscheide 3 ablehnen <grund>' (oder mit der Kennung) hält fest, dass der Stab eine Maßnahme angenommen, abgelehnt oder zurückgestellt hat. 'rückgängig' nimmt den letzten Eintrag zurück.
      """,
    exerciseOnly: true
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.decideCommand(text) }
}

/// What `entscheide` and `notiz` take besides the text: the role, the observer and a measure.
struct LogOptions {
  var text = ""
  var role: String?
  var observer: String?
  var measure: String?

  /// Splits `--als`, `--beobachter` and (where allowed) `--maßnahme` off the words; a problem
  /// in German when an option lacks its value or is unknown.
  static func parse(_ arguments: String, measure allowsMeasure: Bool) -> Result<LogOptions, ShellProblem> {
    var options = LogOptions()
    var words: [String] = []
    var pending: WritableKeyPath<LogOptions, String?>?
    var values: [String] = []
    func finish() {
      if let key = pending { options[keyPath: key] = values.joined(separator: " ") }
      (pending, values) = (nil, [])
    }
    for word in arguments.split(separator: " ").map(String.init) {
      if word.hasPrefix("--") {
        finish()
        switch String(word.dropFirst(2)).folded {
        case "als": pending = \.role
        case "beobachter", "beobachterin": pending = \.observer
        case "massnahme" where allowsMeasure: pending = \.measure
        default:
          return .failure(
            ShellProblem(
              "„\(word)“ kennt dieser Befehl nicht; möglich: --als <rolle>, --beobachter <name>"
                + (allowsMeasure ? ", --maßnahme <nr|kennung>." : ".")))
        }
        continue
      }
      if pending != nil {
        // An option's value is one word (a role id, a name), the rest is text again.
        values.append(word)
        finish()
      } else {
        words.append(word)
      }
    }
    if let key = pending {
      let name = key == \LogOptions.role ? "--als" : key == \LogOptions.observer ? "--beobachter" : "--maßnahme"
      return .failure(ShellProblem("Nach \(name) fehlt der Wert."))
    }
    options.text = words.joined(separator: " ")
    return .success(options)
  }
}

extension Shell {
  /// The running exercise and a log command's options with `--als` resolved to the role's title;
  /// nil after saying what is wrong.
  func logRequest(_ arguments: String, measure: Bool) -> (run: ExerciseRun, options: LogOptions, role: String?)? {
    guard let run = consultation.exercise else {
      fail(ExerciseError.noExercise.description)
      return nil
    }
    switch LogOptions.parse(arguments, measure: measure) {
    case .success(let parsed):
      guard let name = parsed.role else { return (run, parsed, nil) }
      guard let found = exerciseRole(name, in: run) else { return nil }
      return (run, parsed, text(found.title))
    case .failure(let problem):
      fail(problem.message)
      return nil
    }
  }

  func decideCommand(_ arguments: String) {
    guard let (_, parsed, role) = logRequest(arguments, measure: true) else { return }
    guard !parsed.text.isEmpty || parsed.measure != nil else {
      return fail("Bitte die Entscheidung angeben: \(DecideCommand.spec.usage)")
    }
    let words = parsed.text.split(separator: " ", maxSplits: 2).map(String.init)
    // The earlier form: a measure and a verdict word first.
    if parsed.measure == nil, words.count >= 2, let verdict = StaffDecision(word: words[1]),
      case .success(let measure) = measureReference(words[0])
    {
      let reason = words.count == 3 ? words[2] : nil
      return logDecision(measure, verdict, reason: reason, role: role, observer: parsed.observer)
    }
    var measure: MeasureID?
    if let reference = parsed.measure {
      switch measureReference(reference, titles: true) {
      case .success(let found): measure = found
      case .failure(let problem): return fail(problem.message)
      }
    } else if let suggested = suggestedMeasure(for: parsed.text) {
      let title = "„\(text(kb.measures[suggested].title))“"
      if options.interactive, let confirm, confirm("Mit der Maßnahme \(title) verknüpfen? [j/N] ") {
        measure = suggested
      } else if !options.interactive {
        say(
          TextLayout.wrap(
            "Passt zur Maßnahme \(title)\(adviceHidden ? "" : idTag(kb.measures[suggested].id)); verknüpft wird sie nur mit --maßnahme."
          ))
      }
    }
    if parsed.text.isEmpty, let measure {
      return logDecision(measure, .accept, reason: nil, role: role, observer: parsed.observer)
    }
    do {
      let entry = try consultation.log(
        .decision, text: parsed.text, measure: measure, role: role, observer: parsed.observer)
      say(TextLayout.wrap("Protokolliert (\(logStamp(entry))): \(logEntryText(entry))", first: "", rest: "  "))
    } catch {
      fail(String(describing: error))
    }
  }

  private func logDecision(
    _ measure: MeasureID, _ verdict: StaffDecision, reason: String?, role: String?, observer: String?
  ) {
    do {
      try consultation.decide(measure, verdict, reason: reason, role: role, observer: observer)
    } catch {
      return fail(String(describing: error))
    }
    guard let entry = consultation.exercise?.entries.last else { return }
    let time = entry.exerciseTime
    let reasonText = reason.map { " – " + ($0.hasSuffix(".") ? String($0.dropLast()) : $0) } ?? ""
    say(
      TextLayout.wrap(
        "Protokolliert (\(time)): \(measureName(measure)) \(verdict.title)\(reasonText).", first: "", rest: "  "))
  }

  /// A measure as the exercise shows it: its id for rule authors in an open exercise, else its title.
  func measureName(_ measure: MeasureID) -> String {
    options.technical && !adviceHidden ? kb.measures[measure].id : "„\(text(kb.measures[measure].title))“"
  }

  /// When and by whom an entry was logged: exercise time, role, observer. The clock time is in
  /// the journal, the evidence and the report; the confirmation stays the same at any hour.
  func logStamp(_ entry: LogEntry) -> String {
    var parts = [entry.exerciseTime]
    if let role = entry.role { parts.append(role) }
    if let observer = entry.observer { parts.append("beobachtet: \(observer)") }
    return parts.joined(separator: ", ")
  }

  /// An entry's text with its measure, for confirmations.
  func logEntryText(_ entry: LogEntry) -> String {
    var result = entry.text.isEmpty ? "" : entry.text
    if let measure = entry.measure {
      let verdict = entry.kind == .decision ? " \((entry.verdict ?? .accept).title)" : ""
      result += (result.isEmpty ? "" : " ") + "[Maßnahme \(measureName(measure))\(verdict)]"
    }
    return result
  }

  /// The measure whose title shares the most words with a decision in free text, if one stands
  /// out: a suggestion, never a link by itself.
  func suggestedMeasure(for decision: String) -> MeasureID? {
    func stems(_ text: String) -> Set<String> {
      Set(
        text.folded.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 5 }.map { String($0.prefix(6)) })
    }
    let words = stems(decision)
    guard !words.isEmpty else { return nil }
    var best: (measure: MeasureID, score: Int)?
    var tied = false
    for (index, measure) in kb.measures.entries {
      let score = words.intersection(stems(text(measure.title)).union(stems(measure.id))).count
      guard score > 0 else { continue }
      if score > (best?.score ?? 0) {
        (best, tied) = ((index, score), false)
      } else if score == best?.score {
        tied = true
      }
    }
    guard let best, !tied else { return nil }
    return best.measure
  }

  /// A measure by number of the advice, id or (with `titles`) its title.
  func measureReference(_ word: String, titles: Bool) -> Result<MeasureID, ShellProblem> {
    if titles, let index = kb.measures.firstIndex(where: { text($0.title).folded == word.folded }) {
      return .success(index)
    }
    return measureReference(word)
  }
}
