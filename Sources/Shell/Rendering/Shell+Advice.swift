import Consultation
import KnowledgeBase
import RuleLanguage

extension Shell {
  static let horizonTitles: [Horizon: String] = [
    .sofort: "Sofort", .kurzfristig: "Kurzfristig", .langfristig: "Langfristig",
  ]
  static let effortTitles: [Effort: String] = [.gering: "gering", .mittel: "mittel", .hoch: "hoch"]

  /// `1 Punkt`, `6 Punkte`, `−3 Punkte`, `2,5 Punkte`.
  static func points(_ value: FixedDecimal) -> String {
    value.germanText + (value.hundredths == 100 ? " Punkt" : " Punkte")
  }

  func adviceCommand(_ arguments: String) {
    let argument = arguments.trimmingSpaces.folded
    if argument.isEmpty {
      showAdvice(limit: 10)
      return showOpenPoints(limit: 5)
    }
    if argument == "alle" || argument == "all" {
      showAdvice(limit: nil)
      return showOpenPoints(limit: nil)
    }
    guard let limit = Int(argument), limit > 0, limit <= 10_000 else {
      return fail("„\(arguments)“ ist keine Anzahl. Beispiele: empfehlungen, empfehlungen 5, empfehlungen alle")
    }
    showAdvice(limit: limit)
  }

  /// The ranked measures, in sections while a situation runs, each with horizon, priority, office,
  /// effort and sources.
  func showAdvice(limit: Int?) {
    let advice = consultation.advice()
    guard !advice.isEmpty else {
      return say(
        TextLayout.wrap(
          "Noch keine Maßnahme empfohlen. Beantworten Sie weitere Fragen; 'warum' zeigt, was die aktuelle Frage entscheiden kann."
        ))
    }
    let shown = limit.map { Array(advice.prefix($0)) } ?? advice
    let heading =
      shown.count == advice.count
      ? "Empfehlungen: \(advice.count) \(advice.count == 1 ? "Maßnahme" : "Maßnahmen"), nach Priorität"
      : "Empfehlungen: \(shown.count == 1 ? "die erste" : "die ersten \(shown.count)") von \(advice.count) Maßnahmen ('empfehlungen alle' zeigt alle)"
    line(emphasis(heading))
    // In a running or announced situation the advice comes in sections, otherwise as one list;
    // the first places and the rest are each shown section by section, so the numbering runs
    // through without gaps.
    var groups: [(title: String?, items: [Recommendation])] = []
    for (offset, recommendation) in shown.enumerated() {
      let title: String? = recommendation.section.map { section in
        offset >= Consultation.settledPlaces ? "Weitere: \(section.title)" : section.title
      }
      if let last = groups.last, last.title == title {
        groups[groups.count - 1].items.append(recommendation)
      } else {
        groups.append((title, [recommendation]))
      }
    }
    var rank = 0
    for (title, group) in groups {
      if let title { line(emphasis(title)) }
      for recommendation in group {
        let measure = consultation.measure(recommendation.measure)
        rank += 1
        let title = "\(rank). \(text(measure.title))"
        let priority = "Priorität \(recommendation.priority.germanText)"
        let padding = max(1, TextLayout.width - 2 - title.count - priority.count)
        if title.count + priority.count + 3 <= TextLayout.width {
          line("  \(title)\(String(repeating: " ", count: padding))\(priority)")
        } else {
          say(TextLayout.wrap(title, first: "  ", rest: "     "))
          line("     \(priority)")
        }
        let horizon = Self.horizonTitles[measure.horizon] ?? measure.horizon.rawValue
        let details =
          "\(horizon) · \(text(measure.office)) · Aufwand \(Self.effortTitles[measure.effort] ?? "")"
          + (options.technical ? " · \(measure.id)" : "")
        say(TextLayout.wrap(details, first: "     ", rest: "     "))
        var sources: [String] = []
        for source in measure.sourceIDs.compactMap({ kb.sourceIndex[$0] }).map({ kb.sources[$0] }) {
          let label = "\(source.publisher)\(source.year.map { " \($0)" } ?? "")"
          if !sources.contains(label) { sources.append(label) }
        }
        say(
          TextLayout.wrap(
            (sources.count == 1 ? "Quelle: " : "Quellen: ") + sources.joined(separator: "; "), first: "     ",
            rest: "     "))
        if let task = consultation.tasks[recommendation.measure] {
          say(TextLayout.wrap(task.german, first: "     ", rest: "       "))
        }
        renderConflicts(of: recommendation.measure, in: advice, indent: "     ")
      }
    }
  }

  /// The conflicts of a recommended measure, one wrapped line each, pointing at the other
  /// measure by its number in `advice`: „Zielkonflikt mit Nr. 2, „…“: …“.
  func renderConflicts(of measure: MeasureID, in advice: [Recommendation], indent: String) {
    for conflict in consultation.conflicts(of: measure) {
      let number = advice.firstIndex { $0.measure == conflict.measure }.map { "Nr. \($0 + 1), " } ?? ""
      let other = text(consultation.measure(conflict.measure).title)
      say(
        TextLayout.wrap(
          "Zielkonflikt mit \(number)„\(other)“: \(text(conflict.text))", first: indent, rest: indent + "  "))
    }
  }

  /// The open points after the advice: what to find out, and from whom.
  func showOpenPoints(limit: Int?) {
    let points = consultation.openPoints
    guard !points.isEmpty else { return }
    let shown = limit.map { Array(points.prefix($0)) } ?? points
    let more = points.count - shown.count
    line(emphasis("Offene Punkte – klären" + (more > 0 ? " (die ersten \(shown.count) von \(points.count))" : "")))
    for point in shown {
      let question = kb.questions[point.question]
      let what = question.clarify.map(text) ?? "Klären: \(text(question.text))"
      let whom = question.clarifyWith.map { " – \(text($0))" } ?? ""
      say(TextLayout.wrap(what + whom, first: "  – ", rest: "    "))
    }
  }

  func showPatterns() {
    line(emphasis("Krisenmuster"))
    for (index, pattern) in kb.patterns.entries {
      let score = Self.points(consultation.patternScore(index))
      let thresholds = "Verdacht ab \(pattern.suspected.germanText), erkannt ab \(pattern.established.germanText)"
      say(
        TextLayout.wrap(
          "\(text(pattern.title))\(idTag(pattern.id)): \(consultation.patternState(index).title), \(score) (\(thresholds))",
          first: "  ", rest: "    "))
    }
  }

  func showProfile() {
    line(emphasis("Resilienzprofil"))
    for (index, factor) in kb.factors.entries {
      let level = consultation.factorLevel(index).map { kb.factorLevels[$0].title } ?? "nicht bewertet"
      say(TextLayout.wrap("\(factor.id.uppercased()) \(text(factor.title)): \(level)", first: "  ", rest: "    "))
    }
  }

  /// What the last answer changed, with the rules that caused it.
  func showChanges() {
    guard let outcome = consultation.lastOutcome else {
      return line("Es gibt noch keine Antwort, deren Folgen sich zeigen ließen.")
    }
    let question = kb.questions[outcome.question]
    let answer = describe(outcome.answer, of: outcome.question)
    line(
      emphasis(
        options.technical
          ? "Änderungen durch \(question.id) = \(answer)" : "Änderungen durch die Antwort „\(answer)“ auf:"))
    if !options.technical { say(TextLayout.wrap("„\(text(question.text))“", first: "  ", rest: "   ")) }
    renderChange(outcome.change)
  }

  /// The change in advice, each new measure with the rules that now recommend it.
  func renderChange(_ change: AdviceChange) {
    guard !change.isEmpty else { return line("Die Empfehlungen bleiben unverändert.") }
    for measure in change.added {
      say(
        TextLayout.wrap(
          "neu: \(text(consultation.measure(measure).title))\(idTag(kb.measures[measure].id))", first: "  "))
      for rule in change.addedBy[measure] ?? [] {
        for case let conclusion in kb.rules[rule].conclusions {
          if case .recommend(measure, _) = conclusion.kind, let reason = conclusion.reason {
            say(
              TextLayout.wrap(
                "weil: \(text(reason))\(idTag("Regel " + kb.rules[rule].id))", first: "    ", rest: "      "))
          }
        }
      }
    }
    for measure in change.dropped {
      say(
        TextLayout.wrap(
          "entfällt: \(text(consultation.measure(measure).title))\(idTag(kb.measures[measure].id))", first: "  "))
    }
    for move in change.movedUp {
      say(
        TextLayout.wrap(
          "höher: \(text(consultation.measure(move.measure).title)) von Rang \(move.from) auf \(move.to)", first: "  "))
    }
    for move in change.movedDown {
      say(
        TextLayout.wrap(
          "tiefer: \(text(consultation.measure(move.measure).title)) von Rang \(move.from) auf \(move.to)", first: "  ")
      )
    }
    for (measure, from, to) in change.reprioritized {
      say(
        TextLayout.wrap(
          "Priorität: \(text(consultation.measure(measure).title)) von \(from.germanText) auf \(to.germanText), Rang unverändert",
          first: "  "))
    }
    for (pattern, from, to) in change.patterns {
      say(TextLayout.wrap("Muster „\(text(kb.patterns[pattern].title))“: \(from.title) → \(to.title)", first: "  "))
    }
    for (factor, from, to) in change.factors {
      let old = from.map { kb.factorLevels[$0].title } ?? "nicht bewertet"
      let new = to.map { kb.factorLevels[$0].title } ?? "nicht bewertet"
      say(
        TextLayout.wrap(
          "\(kb.factors[factor].id.uppercased()) \(text(kb.factors[factor].title)): \(old) → \(new)", first: "  "))
    }
  }
}
