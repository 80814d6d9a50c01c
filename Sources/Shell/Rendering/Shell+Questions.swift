import Consultation
import KnowledgeBase
import RuleLanguage

extension Shell {
  /// The question with its group, progress and allowed answers.
  func renderQuestion(_ question: QuestionID) -> String {
    coverage?.asked(question)
    let item = kb.questions[question]
    let answered = consultation.answeredQuestions.count
    let remaining = consultation.remainingQuestionBound
    var out = "\n"
    out +=
      emphasis("[\(text(kb.groups[item.group].title)) · Frage \(answered + 1), noch höchstens \(remaining)]") + "\n"
    out += TextLayout.wrap(text(item.text))
    if item.type == .choice || item.type == .multi {
      let options = item.options.enumerated().map { "\($0.offset + 1)) \(text($0.element.text))" }
      let oneLine = options.joined(separator: "   ") + "   ? weiß nicht"
      if oneLine.count + 2 <= TextLayout.width, item.type == .choice {
        out += "  \(oneLine)\n"
      } else {
        if item.type == .multi {
          out += "  mehrere möglich, mit Komma getrennt (z. B. 1, 3; „1, 3, ?“: Rest unbekannt):\n"
        }
        for option in options { out += TextLayout.wrap(option, first: "  ", rest: "     ") }
        out += "  ? weiß nicht\n"
      }
    } else {
      out += TextLayout.wrap(allowedAnswers(item), first: "  ")
    }
    return out
  }

  /// The allowed answers of a question, as shown under it.
  func allowedAnswers(_ item: Question) -> String {
    switch item.type {
    case .yesno:
      return "ja / nein / ? (weiß nicht)"
    case .choice:
      let options = item.options.enumerated().map { "\($0.offset + 1)) \(text($0.element.text))" }
      return options.joined(separator: "  ") + "  ? weiß nicht"
    case .multi:
      let options = item.options.enumerated().map { "\($0.offset + 1)) \(text($0.element.text))" }
      return "mehrere möglich, mit Komma getrennt: " + options.joined(separator: "  ") + "  ? weiß nicht"
    case .number, .scale:
      let minimum = item.minimum?.germanText ?? "–"
      let maximum = item.maximum?.germanText ?? "–"
      let kind = item.type == .scale ? "ganze Zahl" : "Zahl"
      // A duration may be given in any unit of time; say so, so that nobody counts hours in weeks.
      let anyTime =
        item.unit.flatMap(AnswerParser.timeUnitHours) != nil ? " (auch in Stunden, Tagen, Wochen oder Monaten)" : ""
      return "\(kind) von \(minimum) bis \(maximum)\(item.unit.map { " \($0)" } ?? "")\(anyTime) / ? (weiß nicht)"
    }
  }

  /// An answer as a person reads it; see `Engine.describe(_:of:)`.
  func describe(_ answer: Answer?, of question: QuestionID) -> String { consultation.describe(answer, of: question) }

  /// One line after an answer: what changed in the advice, or that nothing did.
  func summary(of change: AdviceChange, accepted: String) -> String {
    var parts: [String] = []
    func count(_ number: Int, _ one: String, _ many: String) {
      if number > 0 { parts.append("\(number) \(number == 1 ? one : many)") }
    }
    count(change.added.count, "neue Maßnahme", "neue Maßnahmen")
    count(change.dropped.count, "Maßnahme entfällt", "Maßnahmen entfallen")
    count(change.movedUp.count, "höher eingestuft", "höher eingestuft")
    count(change.movedDown.count, "tiefer eingestuft", "tiefer eingestuft")
    count(change.reprioritized.count, "Priorität geändert", "Prioritäten geändert")
    for (pattern, _, to) in change.patterns {
      parts.append("Muster „\(text(kb.patterns[pattern].title))“: \(to.title)")
    }
    for (factor, _, to) in change.factors {
      parts.append("\(kb.factors[factor].id.uppercased()) \(to.map { kb.factorLevels[$0].title } ?? "nicht bewertet")")
    }
    guard !parts.isEmpty else { return "\(accepted) Die Empfehlungen bleiben unverändert." }
    return TextLayout.wrap("\(accepted) \(parts.joined(separator: ", ")) – 'änderungen' zeigt Details.")
      .trimmingSpaces
  }

  /// Resolves a question id typed by the user, with a suggestion when it is misspelt.
  func question(named name: String) -> QuestionID? {
    if let index = kb.questionIndex[name] { return index }
    let suggestion = Suggestion.closest(to: name, in: kb.questions.map(\.id))
    fail("Unbekannte Frage „\(name)“." + (suggestion.map { " Meinten Sie „\($0)“?" } ?? ""))
    return nil
  }

  /// Splits `frage = antwort`.
  func assignment(_ arguments: String, usage: String) -> (question: QuestionID, answer: Answer?)? {
    guard let equals = arguments.firstIndex(of: "=") else {
      fail("Bitte so angeben: \(usage)")
      return nil
    }
    let name = arguments[..<equals].trimmingSpaces
    let value = arguments[arguments.index(after: equals)...].trimmingSpaces
    guard !name.isEmpty else {
      fail("Bitte so angeben: \(usage)")
      return nil
    }
    guard let question = question(named: name) else { return nil }
    switch AnswerParser.parse(value, for: kb.questions[question]) {
    case .success(let answer): return (question, answer)
    case .failure(let error):
      fail(error.description)
      return nil
    }
  }

  // MARK: - Answer commands

  func setCommand(_ arguments: String) {
    guard let (question, answer) = assignment(arguments, usage: "setze <frage> = <antwort>") else { return }
    commit(question, answer)
  }

  func unsetCommand(_ arguments: String) {
    let name = arguments.trimmingSpaces
    guard !name.isEmpty else { return fail("Bitte die Frage angeben: entferne <frage>") }
    guard let question = question(named: name) else { return }
    guard consultation.answer(question) != nil else {
      return fail("Die Frage „\(name)“ ist noch nicht beantwortet.")
    }
    commit(question, nil)
  }

  func backCommand() {
    do {
      guard let step = try consultation.back() else {
        return fail("Es gibt keine Antwort, die sich zurücknehmen ließe.")
      }
      shownQuestion = nil
      let outcome: AnswerOutcome
      switch step {
      case .answer(let undone): outcome = undone
      case .unapplied(let id):
        return line(
          "Zurückgenommen: die Antwort auf „\(id)“, die zur Wissensbasis nicht mehr passte; keine Antwort ändert sich.")
      }
      takeEvents()
      let question = text(kb.questions[outcome.question].text)
      let restored = outcome.answer.map { "gilt wieder „\(describe($0, of: outcome.question))“" } ?? "ist wieder offen"
      let accepted = "Zurückgenommen: „\(question)“ \(restored)."
      line(adviceHidden ? accepted : summary(of: outcome.change, accepted: accepted))
    } catch {
      fail(String(describing: error))
    }
  }

  func skipCommand() {
    guard let question = consultation.currentQuestion else {
      return fail("Es gibt gerade keine Frage, die sich überspringen ließe.")
    }
    do {
      try consultation.skip(question)
    } catch {
      return fail(String(describing: error))
    }
    line(
      "Übersprungen: \(kb.questions[question].id). Mit 'setze \(kb.questions[question].id) = …' lässt sie sich später beantworten."
    )
  }

  func nextCommand() {
    if let question = consultation.currentQuestion {
      shownQuestion = question
      say(renderQuestion(question))
      return
    }
    // Each 'weiter' offers the next optional question after the one offered before, if that one
    // is still open (passed over); otherwise the weightiest.
    let optionals = consultation.optionalQuestions
    let after = offeredQuestion.flatMap { offered in optionals.firstIndex(of: offered) }
      .flatMap { $0 + 1 < optionals.count ? optionals[$0 + 1] : nil }
    guard let optional = after ?? optionals.first else {
      line("Alle passenden Fragen sind beantwortet.")
      return
    }
    offeredQuestion = optional
    shownQuestion = nil
    say(renderQuestion(optional))
    line(
      "(Optional: Ihre Antwort ändert die ersten zehn Empfehlungen nicht mehr, kann aber die weiteren und das Lagebild ergänzen.)"
    )
  }

  func showAnswers() {
    let answered = consultation.answeredQuestions
    guard !answered.isEmpty else { return line("Noch keine Antworten.") }
    for (groupIndex, group) in kb.groups.entries {
      let inGroup = answered.filter { kb.questions[$0].group == groupIndex }
      guard !inGroup.isEmpty else { continue }
      line(emphasis(text(group.title)))
      for question in inGroup {
        let answer = consultation.answer(question)
        let gap = answer == .unknown ? "  (Informationslücke)" : ""
        let age = consultation.age(of: question)
        let stale = age?.isStale == true ? " – bitte bestätigen" : ""
        let when = [consultation.stamps[question]?.german(), age?.german].compactMap { $0 }.joined(separator: ", ")
        let stamp = when.isEmpty ? stale : "  [\(when)]\(stale)"
        if options.technical {
          say(
            TextLayout.wrap(
              "\(kb.questions[question].id) = \(describe(answer, of: question))\(gap)\(stamp)", first: "  ",
              rest: "      "))
        } else {
          say(TextLayout.wrap("„\(text(kb.questions[question].text))“", first: "  ", rest: "   "))
          say(TextLayout.wrap("\(describe(answer, of: question))\(gap)\(stamp)", first: "    ", rest: "    "))
        }
      }
    }
    let stale = consultation.staleAnswers
    if !stale.isEmpty {
      say(
        TextLayout.wrap(
          "\(Self.count(stale.count, "Antwort ist", "Antworten sind")) älter, als die Wissensbasis sie gelten lässt. 'bestätigen' bestätigt sie unverändert; was sich geändert hat, tragen Sie mit 'setze' neu ein."
        ))
    }
  }
}
