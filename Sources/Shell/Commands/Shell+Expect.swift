import Consultation
import KnowledgeBase
import RuleLanguage

extension Shell {
  /// Reports an expectation that did not hold; it counts against the script's exit status.
  func unmet(_ expected: String, actual: String) {
    failureMessages.append("\(location.map { "\($0): " } ?? "")erwartet \(expected); tatsächlich \(actual)")
    let place = location.map { " (\($0))" } ?? ""
    say(TextLayout.wrap("Erwartung nicht erfüllt\(place): \(expected)", rest: "  "))
    say(TextLayout.wrap("tatsächlich: \(actual)", first: "  ", rest: "    "))
  }

  func expect(_ arguments: String) {
    let words = arguments.split(separator: " ").map(String.init)
    guard let kind = words.first?.folded else {
      return fail("Bitte angeben, was erwartet wird; 'hilfe expect' zeigt die Formen.")
    }
    switch kind {
    case "recommend", "empfohlen":
      guard words.count == 2 else { return fail("Bitte so angeben: expect recommend <maßnahme>") }
      guard let measure = measureArgument(words[1]) else { return }
      expectRecommended(measure, true)
    case "not":
      guard words.count == 3, ["recommend", "empfohlen"].contains(words[1].folded) else {
        return fail("Bitte so angeben: expect not recommend <maßnahme>")
      }
      guard let measure = measureArgument(words[2]) else { return }
      expectRecommended(measure, false)
    case "top":
      guard words.count == 3, let limit = Int(words[1]), limit > 0 else {
        return fail("Bitte so angeben: expect top <n> <maßnahme>")
      }
      guard let measure = measureArgument(words[2]) else { return }
      let advice = consultation.advice()
      let rank = advice.firstIndex { $0.measure == measure }.map { $0 + 1 }
      guard let rank, rank <= limit else {
        let actual =
          rank.map { "Rang \($0) von \(advice.count), Priorität \(advice[$0 - 1].priority.germanText)" }
          ?? "nicht empfohlen"
        let leaders = advice.prefix(limit).map { "\(kb.measures[$0.measure].id) (\($0.priority.germanText))" }
        return unmet(
          "„\(kb.measures[measure].id)“ unter den ersten \(limit)",
          actual: "\(actual); die ersten \(limit): \(leaders.joined(separator: ", "))")
      }
    case "pattern", "muster":
      guard words.count == 3,
        let pattern = idArgument(words[1], kb.patternIndex, kb.patterns.map(\.id), "kein Krisenmuster")
      else {
        if words.count != 3 { fail("Bitte so angeben: expect pattern <muster> <inactive|suspected|established>") }
        return
      }
      let states: [String: PatternState] = [
        "inactive": .inactive, "nicht-erkannt": .inactive, "suspected": .suspected, "verdacht": .suspected,
        "established": .established, "erkannt": .established,
      ]
      guard let state = states[words[2].folded] else {
        return fail("„\(words[2])“ ist kein Zustand; möglich: inactive, suspected, established")
      }
      if consultation.patternState(pattern) != state {
        unmet(
          "Muster „\(kb.patterns[pattern].id)“ \(state.title)",
          actual:
            "\(consultation.patternState(pattern).title) mit \(consultation.patternScore(pattern).germanText) Punkten")
      }
    case "factor", "faktor":
      guard words.count == 3, let factor = idArgument(words[1], kb.factorIndex, kb.factors.map(\.id), "kein Faktor")
      else {
        if words.count != 3 { fail("Bitte so angeben: expect factor <faktor> <stufe>") }
        return
      }
      let wanted: LevelID?
      if ["unassessed", "nicht-bewertet"].contains(words[2].folded) {
        wanted = nil
      } else {
        guard let level = idArgument(words[2], kb.levelIndex, kb.factorLevels.map(\.id), "keine Stufe") else { return }
        wanted = level
      }
      if consultation.factorLevel(factor) != wanted {
        let name: (LevelID?) -> String = { $0.map { self.kb.factorLevels[$0].id } ?? "nicht bewertet" }
        unmet("Faktor „\(kb.factors[factor].id)“ \(name(wanted))", actual: name(consultation.factorLevel(factor)))
      }
    case "next", "naechste":
      guard words.count == 2 else { return fail("Bitte so angeben: expect next <frage|none>") }
      let actual = consultation.currentQuestion.map { kb.questions[$0].id } ?? "none"
      if actual != words[1] {
        if words[1] != "none", kb.questionIndex[words[1]] == nil {
          _ = question(named: words[1])
          return
        }
        unmet("nächste Frage „\(words[1])“", actual: actual)
      }
    case "open", "offen":
      guard words.count == 2 else { return fail("Bitte so angeben: expect open <frage>") }
      guard let question = question(named: words[1]) else { return }
      let open = consultation.openPoints.map(\.question)
      if !open.contains(question) {
        let actual =
          open.isEmpty ? "keine offenen Punkte" : "offen: " + open.map { kb.questions[$0].id }.joined(separator: ", ")
        unmet("„\(kb.questions[question].id)“ unter den offenen Punkten", actual: actual)
      }
    case "output", "ausgabe":
      let wanted = arguments.trimmingSpaces.dropFirst(words[0].count).trimmingSpaces
      guard !wanted.isEmpty else { return fail("Bitte den erwarteten Text angeben: expect output <text>") }
      // Output is wrapped at 80 columns: compare with every run of white space as one space.
      func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
      }
      if !collapsed(previousOutput).contains(collapsed(wanted)) {
        let shown = previousOutput.split(separator: "\n").prefix(3).joined(separator: " | ")
        unmet("die Ausgabe enthält „\(wanted)“", actual: shown.isEmpty ? "keine Ausgabe" : shown)
      }
    default:
      fail(
        "Unbekannte Erwartung „\(words[0])“; möglich: recommend, not recommend, top, pattern, factor, next, open, output"
      )
    }
  }

  private func expectRecommended(_ measure: MeasureID, _ wanted: Bool) {
    guard consultation.isRecommended(measure) != wanted else { return }
    let id = kb.measures[measure].id
    if wanted {
      let blocked = consultation.whyNot(measure: measure).map { blocked -> String in
        "Regel \(kb.rules[blocked.rule].id): \(blocked.blocker.truth == .false ? "nicht erfüllt" : "offen") \(blocked.blocker.condition.text(in: kb))"
      }
      unmet(
        "„\(id)“ empfohlen",
        actual: "nicht empfohlen; " + (blocked.isEmpty ? "keine Regel empfiehlt sie" : blocked.joined(separator: "; ")))
    } else {
      let rules = consultation.firingRules(for: .measure(measure)).map { kb.rules[$0].id }
      unmet("„\(id)“ nicht empfohlen", actual: "empfohlen von \(rules.joined(separator: ", "))")
    }
  }

  private func measureArgument(_ id: String) -> MeasureID? {
    idArgument(id, kb.measureIndex, kb.measures.map(\.id), "keine Maßnahme")
  }

  private func idArgument<Entity>(
    _ id: String, _ index: [String: ID<Entity>], _ all: [String], _ kind: String
  ) -> ID<Entity>? {
    if let found = index[id] { return found }
    let suggestion = Suggestion.closest(to: id, in: all)
    fail("„\(id)“ ist \(kind)." + (suggestion.map { " Meinten Sie „\($0)“?" } ?? ""))
    return nil
  }
}
