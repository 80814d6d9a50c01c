import Consultation
import Foundation
import KnowledgeBase
import RuleLanguage

/// What playing one case gave: the dialogue, the top 10, and the figures of the rubric.
public struct CaseResult: Sendable {
  /// One question the tool asked and the answer the case gave.
  public struct Exchange: Sendable {
    public var question: String
    public var answer: String
    /// The case's facts do not answer the question; it was answered "weiß nicht".
    public var outsideSheet: Bool
  }

  public var file: CaseFile
  public var dialogue: [Exchange]
  /// Whether the tool said it has nothing more to ask (else the cap ended the dialogue).
  public var stable: Bool
  public var top: [CaseScoring.Ranked]
  /// Every recommended measure's id in the order of the advice, the top 10 first.
  public var ranking: [String] = []
  public var figures: CaseScoring.AdviceFigures
  public var flags: [Int]
  public var pandemicOnly: [Int]
  public var patterns: [String: PatternState]
  public var patternAccuracy: Double
  public var mainPatternRight: Bool
  /// Recall of the top 10 after 5, 10 and 20 questions (the final top 10 if the dialogue
  /// ended earlier).
  public var recallAfter: [(questions: Int, recall: Double)]
  /// Answers the case knows that the tool never asked for.
  public var unasked: [String]
  /// Unmet floors and problems while playing, one German line each with `path:line`.
  public var failures: [String]

  public var questions: Int { dialogue.count }
  public var outsideSheet: Int { dialogue.filter(\.outsideSheet).count }
  public var unknownAnswers: Int { dialogue.filter { $0.answer == "?" }.count }
  public var passed: Bool { failures.isEmpty }

  /// The value of a figure a floor can be declared for.
  public func value(of metric: CaseFile.Metric) -> Double {
    switch metric {
    case .recall: figures.recall
    case .must: figures.must
    case .patterns: patternAccuracy
    case .questions: Double(questions)
    case .flags: Double(flags.count)
    case .pandemic: Double(pandemicOnly.count)
    }
  }
}

/// Plays development cases against the knowledge base: the tool asks in its own order, the case
/// answers from its facts or with "weiß nicht", until the tool has nothing more to ask or 60
/// questions were asked; then the top 10 and the patterns are scored.
public struct CaseRunner {
  public static let questionCap = 60
  public static let checkpoints = [5, 10, 20]
  /// The pattern whose cases may recommend pandemic-only measures.
  public static let pandemicPattern = "dauerkrise"
  /// Where the shared list of pandemic-only measures lives, relative to the knowledge base.
  public static let pandemicListPath = "Rules/cases/pandemie-massnahmen.list"

  public var knowledgeBase: KnowledgeBase
  public var pandemicList: [String]

  public init(knowledgeBase: KnowledgeBase, pandemicList: [String]) {
    self.knowledgeBase = knowledgeBase
    self.pandemicList = pandemicList
  }

  func top10(_ consultation: Consultation) -> [CaseScoring.Ranked] {
    // The horizon is the one the advice shows in the consultation's phase.
    consultation.advice().prefix(10).map {
      let measure = consultation.measure($0.measure)
      return CaseScoring.Ranked(measure.id, measure.horizon)
    }
  }

  /// Plays one case from a fresh consultation and scores it.
  public func play(_ file: CaseFile) -> CaseResult {
    var consultation = Consultation(knowledgeBase: knowledgeBase)
    var dialogue: [CaseResult.Exchange] = []
    var failures: [String] = []
    var snapshots: [Int: Double] = [:]
    var stable = false
    while dialogue.count < Self.questionCap {
      guard let question = consultation.currentQuestion else {
        stable = true
        break
      }
      let item = knowledgeBase.questions[question]
      guard !dialogue.contains(where: { $0.question == item.id }) else {
        // A question asked twice would loop until the cap; report it instead.
        failures.append("\(file.path): Die Frage „\(item.id)“ wurde ein zweites Mal gestellt.")
        break
      }
      let known = file.answers[question]
      let answer = known?.answer ?? .unknown
      do {
        try consultation.set(question, to: answer)
      } catch {
        failures.append("\(file.path): Die Antwort auf „\(item.id)“ wurde nicht übernommen: \(error)")
        break
      }
      dialogue.append(
        CaseResult.Exchange(
          question: item.id, answer: AnswerParser.format(answer, for: item), outsideSheet: known == nil))
      if Self.checkpoints.contains(dialogue.count) {
        snapshots[dialogue.count] = CaseScoring.advice(file.expected, top10(consultation)).recall
      }
    }
    let top = top10(consultation)
    let figures = CaseScoring.advice(file.expected, top)
    var patterns: [String: PatternState] = [:]
    for (index, pattern) in knowledgeBase.patterns.entries {
      patterns[pattern.id] = consultation.patternState(index)
    }
    let asked = Set(dialogue.map(\.question))
    let unasked = file.answers.values.sorted { $0.line < $1.line }.map { knowledgeBase.questions[$0.question].id }
      .filter { !asked.contains($0) }
    var result = CaseResult(
      file: file, dialogue: dialogue, stable: stable, top: top, figures: figures,
      flags: CaseScoring.mustNotFlags(file.mustNot, top),
      pandemicOnly: CaseScoring.pandemicOnly(pandemicList, top, pandemicCase: file.mainPattern == Self.pandemicPattern),
      patterns: patterns, patternAccuracy: CaseScoring.patternAccuracy(file.patterns, patterns),
      mainPatternRight: CaseScoring.mainPatternRight(file.mainPattern, patterns),
      recallAfter: Self.checkpoints.map { ($0, snapshots[$0] ?? figures.recall) },
      unasked: unasked, failures: failures)
    result.ranking = consultation.advice().map { knowledgeBase.measures[$0.measure].id }
    for floor in file.floors {
      let value = result.value(of: floor.metric)
      // Compare in hundredths so that a floor written as 0.42 holds for a figure of 0.4285….
      let met =
        floor.metric.isMinimum
        ? (value * 100 + 1e-9).rounded(.down) >= (floor.bound * 100).rounded() : value <= floor.bound
      if !met {
        let word = floor.metric.isMinimum ? "unter dem Minimum" : "über dem Maximum"
        result.failures.append(
          "\(file.path):\(floor.line): \(floor.metric.rawValue) \(Self.figure(value)) liegt \(word) \(Self.figure(floor.bound))."
        )
      }
    }
    return result
  }

  /// Where the measures that would meet an item stand in the whole advice, for an item the top 10
  /// meets only partly or not at all: "; voll: waermeraeume Rang 14, leuchttuerme nicht empfohlen".
  static func standing(of item: CaseFile.ExpectedMeasure, in ranking: [String]) -> String {
    func place(_ id: String) -> String {
      ranking.firstIndex(of: id).map { "\(id) Rang \($0 + 1)" } ?? "\(id) nicht empfohlen"
    }
    var parts: [String] = []
    if !item.full.isEmpty { parts.append("voll: " + item.full.map(place).joined(separator: ", ")) }
    if !item.partial.isEmpty { parts.append("teilweise: " + item.partial.map(place).joined(separator: ", ")) }
    return parts.isEmpty ? "" : "; " + parts.joined(separator: "; ")
  }

  /// A figure with two decimals where it is fractional, as a count otherwise.
  static func figure(_ value: Double) -> String {
    value.rounded() == value && value.magnitude < 1e9 ? String(Int(value)) : ratio(value)
  }

  /// A ratio with two decimals.
  static func ratio(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let whole = hundredths / 100
    let rest = hundredths % 100
    return "\(whole).\(rest < 10 ? "0" : "")\(rest)"
  }

  /// The German block of one case: dialogue cost, the top 10 with what each matched, the
  /// expected items, the rubric's figures and the patterns that are off.
  public func render(_ result: CaseResult, verbose: Bool = false) -> String {
    let file = result.file
    var out = "Fall \(file.id) – \(file.title) (\(file.path))\n"
    out += "  Fragen: \(result.questions), davon \(result.outsideSheet) außerhalb des Bogens,"
    out += " \(result.unknownAnswers) mit „weiß nicht“; Ende: "
    out += result.stable ? "Top 10 stabil\n" : "nach \(Self.questionCap) Fragen abgebrochen\n"
    if verbose {
      out += "  Dialog:\n"
      for (index, exchange) in result.dialogue.enumerated() {
        out += "    \(index + 1). \(exchange.question) = \(exchange.answer)"
        out += exchange.outsideSheet ? "   (außerhalb des Bogens)\n" : "\n"
      }
    }
    if !result.unasked.isEmpty {
      out += TextLayout.wrap("Nicht gefragt: " + result.unasked.joined(separator: ", "), first: "  ", rest: "    ")
    }
    var matchedBy: [Int: (item: Int, kind: CaseScoring.MatchKind)] = [:]
    for (item, match) in result.figures.assignment.matches.enumerated() {
      if let match { matchedBy[match.rank] = (item, match.kind) }
    }
    out += "  Top 10:\n"
    if result.top.isEmpty { out += "    (keine Empfehlung)\n" }
    for (rank, ranked) in result.top.enumerated() {
      var line = "    \(rank + 1). \(ranked.measure) (\(ranked.horizon.rawValue))"
      if let match = matchedBy[rank] {
        line += " – \(match.kind == .full ? "voll" : "teilweise") zu \(match.item + 1)"
      }
      if result.flags.contains(rank + 1) { line += " – darf nicht dominieren" }
      if result.pandemicOnly.contains(rank + 1) { line += " – nur Pandemie" }
      out += line + "\n"
    }
    out += "  Erwartet:\n"
    for (index, item) in file.expected.enumerated() {
      let horizons = item.horizons.map(\.rawValue).joined(separator: "/")
      var line = "\(index + 1). \(item.must ? "MUST " : "")\(item.title) (\(horizons)): "
      if let match = result.figures.assignment.matches[index] {
        line += "\(match.kind == .full ? "voll" : "teilweise"), Rang \(match.rank + 1)"
      } else {
        line +=
          item.full.isEmpty && item.partial.isEmpty ? "fehlt (keine passende Maßnahme in der Wissensbasis)" : "fehlt"
      }
      if verbose, result.figures.assignment.matches[index]?.kind != .full {
        line += Self.standing(of: item, in: result.ranking)
      }
      out += TextLayout.wrap(line, first: "    ", rest: "       ")
    }
    let figures = result.figures
    out += "  MUST: \(figures.mustHits) von \(figures.mustTotal) (\(Self.ratio(figures.must)))\n"
    out += "  Recall: \(Self.ratio(figures.recall)) (\(figures.assignment.full) voll, "
    out += "\(figures.assignment.partial) teilweise von \(file.expected.count))\n"
    out += "  Nicht dominieren, Rang 1–5: \(result.flags.count)\n"
    out += "  Nur Pandemie in den Top 10: \(result.pandemicOnly.count)\n"
    out += "  Muster: \(Self.ratio(result.patternAccuracy)), Hauptmuster "
    out += "\(file.mainPattern ?? "keins") \(result.mainPatternRight ? "richtig" : "falsch")\n"
    for pattern in knowledgeBase.patterns.map(\.id) {
      guard let expected = file.patterns[pattern], let actual = result.patterns[pattern],
        !CaseScoring.patternRight(expected, actual)
      else { continue }
      out += "    \(pattern): erwartet \(expected.rawValue), Stand \(actual.title)\n"
    }
    out += "  Recall nach "
    out += result.recallAfter.map { "\($0.questions)" }.joined(separator: "/") + " Fragen: "
    out += result.recallAfter.map { Self.ratio($0.recall) }.joined(separator: ", ") + "\n"
    return out
  }

  /// The figures of the whole set.
  public struct Summary: Sendable {
    public var cases: Int
    public var medianQuestions: Double
    public var maxQuestions: Int
    public var recall: Double
    public var must: Double
    public var controlFlags: Int
    public var pandemicOnly: Int
    public var patterns: Double
    public var mainPatternsRight: Int
  }

  public static func summary(_ results: [CaseResult]) -> Summary {
    func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
    return Summary(
      cases: results.count,
      medianQuestions: CaseScoring.median(results.map(\.questions)),
      maxQuestions: results.map(\.questions).max() ?? 0,
      recall: mean(results.map(\.figures.recall)),
      must: mean(results.map(\.figures.must)),
      controlFlags: results.filter { $0.file.kind == .control }.map(\.flags.count).reduce(0, +),
      pandemicOnly: results.map(\.pandemicOnly.count).reduce(0, +),
      patterns: mean(results.map(\.patternAccuracy)),
      mainPatternsRight: results.filter(\.mainPatternRight).count)
  }

  /// `Fälle: N, Fragen Median M höchstens X, Recall R, MUST H, nicht dominieren F, nur Pandemie P, Muster A`,
  /// with the words of the per-case figures.
  public static func summaryLine(_ summary: Summary) -> String {
    "Fälle: \(summary.cases), Fragen Median \(figure(summary.medianQuestions)) höchstens \(summary.maxQuestions), "
      + "Recall \(ratio(summary.recall)), MUST \(ratio(summary.must)), nicht dominieren \(summary.controlFlags), "
      + "nur Pandemie \(summary.pandemicOnly), Muster \(ratio(summary.patterns))\n"
  }
}
