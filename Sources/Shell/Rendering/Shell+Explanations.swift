import Consultation
import KnowledgeBase
import RuleLanguage

extension Shell {
  static func marker(_ truth: Truth) -> String {
    switch truth {
    case .true: "✓"
    case .false: "✗"
    case .undetermined: "?"
    }
  }

  /// What a single test reads, as shown after it: the answer, the derived fact, the state.
  func annotation(_ condition: CompiledCondition) -> String {
    switch condition {
    case .number(let question, _, _), .option(let question, _, _), .includes(let question, _, _),
      .answered(let question, _):
      return "Antwort: \(describe(consultation.answer(question), of: question))"
    case .fact(let fact):
      return "abgeleitet: \(text(kb.facts[fact].text))"
    case .pattern(let pattern, _):
      return "Muster: \(consultation.patternState(pattern).title)"
    case .factor(let factor, _):
      return "bewertet: \(consultation.factorLevel(factor).map { kb.factorLevels[$0].title } ?? "nicht bewertet")"
    case .not, .and, .or:
      var seen = Set<QuestionID>()
      let questions = ConditionReads(condition).questions.filter { seen.insert($0).inserted }
      guard !questions.isEmpty else { return "" }
      return "Antworten: "
        + questions.map { question in
          let name = options.technical ? kb.questions[question].id : "„\(text(kb.questions[question].text))“"
          return "\(name) = \(describe(consultation.answer(question), of: question))"
        }
        .joined(separator: ", ")
    }
  }

  /// Whether a conclusion is about the target an explanation is for.
  static func concerns(_ conclusion: CompiledConclusion, _ target: ConclusionTarget?) -> Bool {
    guard let target else { return true }
    switch (conclusion.kind, target) {
    case (.recommend(let measure, _), .measure(let wanted)): return measure == wanted
    case (.evidence(let pattern, _), .pattern(let wanted)): return pattern == wanted
    case (.assess(let factor, _), .factor(let wanted)): return factor == wanted
    case (.derive(let fact), .fact(let wanted)): return fact == wanted
    default: return false
    }
  }

  /// A rule with its reason for the target, its condition part by part, and the facts it reads
  /// (each explained once per explanation; later mentions refer back).
  func renderJustification(
    _ justification: RuleJustification, indent: String, target: ConclusionTarget? = nil, depth: Int = 0,
    explained: inout Set<FactID>
  ) -> String {
    let rule = kb.rules[justification.rule]
    // The crisis manager reads the reason and the condition; rule name, file and source ids are
    // for the rule author.
    var out =
      options.technical
      ? TextLayout.wrap(
        "Regel \(rule.id) (\(rule.location)), Quelle: \(rule.sourceIDs.joined(separator: ", "))", first: indent)
      : TextLayout.wrap("Begründung:", first: indent)
    var reasons: [String] = []
    for conclusion in rule.conclusions where Self.concerns(conclusion, target) {
      if let reason = conclusion.reason, !reasons.contains(reason) { reasons.append(reason) }
    }
    for reason in reasons {
      out += TextLayout.wrap("weil: \(text(reason))", first: indent + "  ", rest: indent + "        ")
    }
    let parts: [ConditionTrace]
    if case .and = justification.condition.condition {
      parts = justification.condition.parts
    } else {
      parts = [justification.condition]
    }
    for (index, part) in parts.enumerated() {
      let label = index == 0 ? "wenn: " : "      "
      let note = annotation(part.condition)
      let line =
        "\(Self.marker(part.truth)) \(consultation.reading(part.condition))" + (note.isEmpty ? "" : "  (\(note))")
      out += TextLayout.wrap(line, first: indent + "  " + label, rest: indent + "          ")
    }
    if depth < 6 {
      for fact in justification.facts where !fact.rules.isEmpty {
        let state = fact.truth == .true ? "gilt" : fact.truth == .false ? "gilt nicht" : "ist offen"
        guard explained.insert(fact.fact).inserted else {
          out += TextLayout.wrap("„\(text(kb.facts[fact.fact].text))“ \(state) (siehe oben).", first: indent + "  ")
          continue
        }
        out += TextLayout.wrap("„\(text(kb.facts[fact.fact].text))“ \(state):", first: indent + "  ")
        for rule in fact.rules {
          out += renderJustification(
            rule, indent: indent + "    ", target: .fact(fact.fact), depth: depth + 1, explained: &explained)
        }
      }
    }
    return out
  }

  // MARK: - why

  func why(_ arguments: String) {
    let name = arguments.trimmingSpaces
    let question: QuestionID
    if name.isEmpty {
      guard let current = consultation.currentQuestion else {
        return line(
          "Gerade ist keine Frage offen, die die Empfehlungen noch ändern könnte. 'warum <frage>' erklärt eine bestimmte Frage."
        )
      }
      question = current
    } else {
      guard let named = self.question(named: name) else { return }
      question = named
    }
    let item = kb.questions[question]
    line(emphasis("Warum diese Frage?\(idTag(item.id))"))
    say(TextLayout.wrap(text(item.help), first: "  "))
    if consultation.answer(question) != nil {
      return line("  Die Frage ist beantwortet: \(describe(consultation.answer(question), of: question)).")
    }
    if !consultation.isRelevant(question) {
      return line("  Die Frage passt nicht zur bisher beschriebenen Lage und wird nicht gestellt.")
    }
    let impact = consultation.impact(of: question)
    guard impact.score > .zero else {
      return say(
        TextLayout.wrap(
          "Ihre Antwort kann die Empfehlungen im Moment nicht mehr ändern; die Frage ist optional.", first: "  "))
    }
    /// Long lists are cut, so that the answer to 'warum' stays readable in a hurry.
    func shortList(_ items: [String], limit: Int) -> String {
      guard items.count > limit else { return items.joined(separator: "; ") }
      return items.prefix(limit).joined(separator: "; ") + " und \(items.count - limit) weitere"
    }
    if !impact.measures.isEmpty {
      // The weightiest first: those the advice would change most.
      let ranked = impact.measures.sorted { a, b in
        let weight: (MeasureID) -> Int = { measure in
          impact.rules.reduce(0) { total, rule in
            total
              + self.kb.rules[rule].conclusions.reduce(0) { sum, conclusion in
                if case .recommend(measure, let weight) = conclusion.kind { return sum + weight.hundredths }
                return sum
              }
          }
        }
        return (weight(a), b) > (weight(b), a)
      }
      let names = ranked.map { "\(text(consultation.measure($0).title))\(idTag(kb.measures[$0].id))" }
      say(TextLayout.wrap("Die Antwort entscheidet mit über: " + shortList(names, limit: 6), first: "  ", rest: "    "))
    }
    if !impact.patterns.isEmpty {
      let names = impact.patterns.map { "„\(text(kb.patterns[$0].title))“" }
      let subject = names.count == 1 ? "das Krisenmuster " : "die Krisenmuster "
      say(
        TextLayout.wrap(
          "Sie kann " + subject + names.joined(separator: ", ") + " bestätigen oder entkräften.", first: "  ",
          rest: "    "))
    }
    if !impact.factors.isEmpty {
      let names = impact.factors.map { "\(kb.factors[$0].id.uppercased()) \(text(kb.factors[$0].title))" }
      say(
        TextLayout.wrap(
          "Sie fließt in die Bewertung ein von: " + names.joined(separator: "; "), first: "  ", rest: "    "))
    }
  }

  // MARK: - how

  func how(_ arguments: String) {
    let id = arguments.trimmingSpaces
    guard !id.isEmpty else {
      return fail("Bitte angeben, was erklärt werden soll: wie <maßnahme|muster|faktor|tatsache>")
    }
    if Int(id) != nil {
      switch measureReference(id) {
      case .success(let measure): return howMeasure(measure)
      case .failure(let problem): return fail(problem.message)
      }
    }
    if let measure = kb.measureIndex[id] { return howMeasure(measure) }
    if let pattern = kb.patternIndex[id] { return howTarget(.pattern(pattern)) }
    if let factor = kb.factorIndex[id] { return howTarget(.factor(factor)) }
    if let fact = kb.factIndex[id] { return howTarget(.fact(fact)) }
    unknownID(id)
  }

  func unknownID(_ id: String) {
    let candidates =
      kb.measures.map(\.id) + kb.patterns.map(\.id) + kb.factors.map(\.id) + kb.facts.map(\.id)
      + kb.questions.map(\.id) + kb.sources.map(\.id)
    let suggestion = Suggestion.closest(to: id, in: candidates)
    fail(
      "„\(id)“ ist keine bekannte Id." + (suggestion.map { " Meinten Sie „\($0)“?" } ?? "")
        + " 'suche <text>' hilft beim Finden.")
  }

  func howMeasure(_ measure: MeasureID) {
    let item = consultation.measure(measure)
    let advice = consultation.advice()
    guard let recommendation = advice.enumerated().first(where: { $0.element.measure == measure }) else {
      line(emphasis("\(text(item.title))\(idTag(item.id))"))
      return line("  Wird nicht empfohlen. 'warumnicht \(item.id)' zeigt, was fehlt.")
    }
    let priority = recommendation.element.priority.germanText
    line(
      emphasis(
        "\(text(item.title))\(idTag(item.id)): empfohlen, Rang \(recommendation.offset + 1), Priorität \(priority)"))
    var sum = ""
    for (index, part) in recommendation.element.parts.enumerated() {
      let magnitude = FixedDecimal(hundredths: abs(part.points.hundredths)).germanText
      let sign = part.points < .zero ? "−" : "+"
      sum += index == 0 ? (part.points < .zero ? "−\(magnitude)" : magnitude) : " \(sign) \(magnitude)"
      sum += " \(part.kind.title)"
    }
    say(TextLayout.wrap("Priorität \(priority) = " + sum, first: "  ", rest: "    "))
    line(options.technical ? "  Empfohlen von:" : "  Warum empfohlen:")
    var explained = Set<FactID>()
    for rule in recommendation.element.rules {
      say(
        renderJustification(
          consultation.justify(rule: rule), indent: "    ", target: .measure(measure), explained: &explained))
    }
    renderConflicts(of: measure, in: advice, indent: "  ")
    renderSources(item.sourceIDs)
  }

  func howTarget(_ target: ConclusionTarget) {
    switch target {
    case .pattern(let pattern):
      let item = kb.patterns[pattern]
      line(
        emphasis(
          "Krisenmuster \(text(item.title))\(idTag(item.id)): \(consultation.patternState(pattern).title), \(Self.points(consultation.patternScore(pattern)))"
        ))
      line("  Schwellen: Verdacht ab \(item.suspected.germanText), erkannt ab \(item.established.germanText)")
    case .factor(let factor):
      let item = kb.factors[factor]
      let level = consultation.factorLevel(factor).map { kb.factorLevels[$0].title } ?? "nicht bewertet"
      line(emphasis("\(item.id.uppercased()) \(text(item.title)): \(level)"))
      line("  Es gilt die schlechteste Bewertung aller zutreffenden Regeln.")
    case .fact(let fact):
      let truth = consultation.factTruth(fact)
      line(
        emphasis(
          "„\(text(kb.facts[fact].text))“\(idTag(kb.facts[fact].id)): \(truth == .true ? "gilt" : truth == .false ? "gilt nicht" : "offen")"
        ))
    case .measure(let measure):
      return howMeasure(measure)
    }
    let rules = consultation.firingRules(for: target)
    guard !rules.isEmpty else { return line("  Keine Regel trifft bisher zu.") }
    line(options.technical ? "  Zutreffende Regeln:" : "  Begründet durch:")
    var explained = Set<FactID>()
    for rule in rules {
      for conclusion in kb.rules[rule].conclusions {
        switch (target, conclusion.kind) {
        case (.pattern(let wanted), .evidence(let pattern, let points)) where wanted == pattern:
          line("    \(points > .zero ? "+" : "")\(Self.points(points)):")
        case (.factor(let wanted), .assess(let factor, let level)) where wanted == factor:
          line("    bewertet \(kb.factorLevels[level].title):")
        default:
          continue
        }
      }
      say(renderJustification(consultation.justify(rule: rule), indent: "    ", target: target, explained: &explained))
    }
    if case .pattern(let pattern) = target { renderSources(kb.patterns[pattern].sourceIDs) }
    if case .factor(let factor) = target { renderSources(kb.factors[factor].sourceIDs) }
  }

  func renderSources(_ ids: [String]) {
    let sources = ids.compactMap { kb.sourceIndex[$0] }.map { kb.sources[$0] }
    guard !sources.isEmpty else { return }
    line("  Quellen:")
    for source in sources {
      say(
        TextLayout.wrap(
          "\(source.publisher)\(source.year.map { " (\($0))" } ?? ""): \(text(source.title)). \(source.url)",
          first: "    ", rest: "      "))
    }
  }

  // MARK: - whynot

  func whyNot(_ arguments: String) {
    let id = arguments.trimmingSpaces
    guard !id.isEmpty else { return fail("Bitte die Maßnahme angeben: warumnicht <maßnahme>") }
    guard let measure = kb.measureIndex[id] else {
      let suggestion = Suggestion.closest(to: id, in: kb.measures.map(\.id))
      return fail("„\(id)“ ist keine Maßnahme." + (suggestion.map { " Meinten Sie „\($0)“?" } ?? ""))
    }
    let item = consultation.measure(measure)
    if consultation.isRecommended(measure) {
      return line("\(text(item.title)) (\(item.id)) wird empfohlen; 'wie \(item.id)' zeigt, warum.")
    }
    line(emphasis("Warum nicht \(text(item.title)) (\(item.id))?"))
    for blocked in consultation.whyNot(measure: measure) {
      let rule = kb.rules[blocked.rule]
      say(
        TextLayout.wrap(
          options.technical
            ? "Regel \(rule.id) (\(rule.location)) könnte sie empfehlen." : "Eine Regel könnte sie empfehlen.",
          first: "  "))
      let condition = blocked.blocker.condition
      let note = annotation(condition)
      let state = blocked.blocker.truth == .false ? "nicht erfüllt" : "noch offen"
      say(
        TextLayout.wrap(
          "\(state): \(consultation.reading(condition))" + (note.isEmpty ? "" : "  (\(note))"), first: "    ",
          rest: "      ")
      )
      let questions = Set(ConditionReads(condition).questions).sorted()
      let open = questions.filter { consultation.answer($0) == nil }
      // The questions by their text, with the id a user can type after 'angenommen'.
      let named: ([QuestionID]) -> String = { list in
        list.map { "„\(self.text(self.kb.questions[$0].text))“ (\(self.kb.questions[$0].id))" }.joined(separator: ", ")
      }
      if !open.isEmpty {
        say(
          TextLayout.wrap(
            (open.count == 1 ? "Die Antwort auf " : "Die Antworten auf ") + named(open) + " kann das entscheiden.",
            first: "    ", rest: "      "))
      } else if !questions.isEmpty {
        say(
          TextLayout.wrap(
            "Eine andere Antwort auf " + named(questions) + " würde das ändern.", first: "    ", rest: "      "))
      }
    }
  }

  // MARK: - whatif

  func whatIf(_ arguments: String) {
    guard let (question, answer) = assignment(arguments, usage: "angenommen <frage> = <antwort>") else { return }
    let id = kb.questions[question].id
    line(emphasis("Angenommen \(id) = \(describe(answer, of: question)) (nicht übernommen):"))
    renderChange(consultation.whatIf(question, answer))
  }
}
