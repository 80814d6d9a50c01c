import Consultation
import KnowledgeBase
import RuleLanguage

/// What a report includes beyond the consultation itself.
public struct ReportOptions: Sendable {
  /// The questions that describe the municipality on the title page, with their labels; those
  /// the knowledge base lacks or that are unanswered are left out.
  public var municipalityQuestions: [LabelledQuestion] = [
    LabelledQuestion(label: "Land", question: "kommune.land"),
    LabelledQuestion(label: "Art", question: "kommune.typ"),
    LabelledQuestion(label: "Größe", question: "kommune.einwohnende"),
  ]
  /// How many measures „Auf einen Blick“ lists.
  public var topMeasureCount = 5
  /// How many open questions the report lists, the most decisive first.
  public var openQuestionLimit = 10
  public var decisions: [DecisionEntry] = []
  public var notes: [NoteEntry] = []
  /// The staff's tasks for measures, by measure id, as text („Auftrag an S4 …“).
  public var tasks: [String: String] = [:]

  public init() {}
}

/// A question id with the label it gets in the report.
public struct LabelledQuestion: Sendable {
  public var label: String
  public var question: String

  public init(label: String, question: String) {
    self.label = label
    self.question = question
  }
}

extension ReportModel {
  static let horizonTitles: [Horizon: String] = [
    .sofort: "Sofort", .kurzfristig: "Kurzfristig", .langfristig: "Langfristig",
  ]
  static let effortTitles: [Effort: String] = [.gering: "gering", .mittel: "mittel", .hoch: "hoch"]
  static let unassessed = "nicht bewertet"

  /// The report of a consultation as it stands, dated by the caller.
  /// An exercise's decisions and notes go into the report's sections for them, after any the
  /// options bring.
  public init(consultation: Consultation, date: ReportDate, options: ReportOptions = ReportOptions()) {
    var options = options
    for (measure, task) in consultation.tasks {
      options.tasks[consultation.knowledgeBase.measures[measure].id] = task.german
    }
    if let run = consultation.exercise {
      let text = ReportText(consultation: consultation)
      options.decisions += run.decisions.map { decision in
        DecisionEntry(
          time: run.time(atStage: decision.stage),
          text: "\(text.fill(consultation.measure(decision.measure).title)): \(decision.decision.title)"
            + (decision.reason.map { " – \($0)" } ?? ""))
      }
      options.notes += run.notes.map { NoteEntry(time: run.time(atStage: $0.stage), text: $0.text) }
    }
    self.init(state: consultation, date: date, options: options)
    time = AnswerStamp.clockTime(consultation.clock())
    author = consultation.author
    head = Self.head(consultation, date: self.date, time: time)
    if let changes = consultation.changesSinceLastReport {
      sinceLast = SinceLastEntry(
        time: consultation.lastReport?.time.flatMap(AnswerStamp.date(fromTimestamp:)).map {
          AnswerStamp(time: $0, by: nil).german() ?? ""
        }, changes: changes)
    }
    for group in situation.indices {
      for entry in situation[group].answers.indices {
        guard let question = consultation.knowledgeBase.questionIndex[situation[group].answers[entry].id] else {
          continue
        }
        situation[group].answers[entry].stamp = consultation.stamps[question]?.german()
        let age = consultation.age(of: question)
        situation[group].answers[entry].age = age?.german
        situation[group].answers[entry].isStale = age?.isStale ?? false
      }
    }
  }

  /// The head as the staff set it with `kopf`, with the staff's name from `bezeichnung`.
  static func head(_ consultation: Consultation, date: String, time: String?) -> HeadEntry {
    var head = HeadEntry()
    head.marking = consultation.header[.einstufung]
    head.municipality = consultation.header[.kommune]
    head.situation = consultation.header[.lage]
    head.distribution = consultation.header[.verteiler]
    let staff = consultation.filled("{stab}")
    head.staff = staff == "{stab}" ? nil : staff
    let author = [consultation.author, consultation.header[.funktion]].compactMap { $0 }
    head.author = author.isEmpty ? nil : author.joined(separator: ", ")
    head.markingCSS = HeadEntry.cssString(head.marking ?? "")
    head.retitle("Lagebericht", date: date, time: time)
    return head
  }

  /// The report of the answers and conclusions alone, without the staff's tasks and exercise.
  init(state consultation: Consultation, date: ReportDate, options: ReportOptions) {
    let kb = consultation.knowledgeBase
    let text = ReportText(consultation: consultation)
    var citations = CitationList(kb: kb)
    self.date = date.german
    isoDate = date.iso
    knowledgeBase = KnowledgeBaseEntry(
      id: kb.info.id, title: text.fill(kb.info.title), version: kb.info.version,
      description: kb.info.description.map(text.fill))
    municipality = options.municipalityQuestions.compactMap { labelled in
      guard let question = kb.questionIndex[labelled.question], let answer = consultation.answer(question) else {
        return nil
      }
      return LabelledValue(label: labelled.label, value: text.describe(answer, of: question))
    }
    situation = Self.situation(consultation, text)
    patterns = Self.patterns(consultation, text, &citations)
    profile = Self.profile(consultation, text, &citations)
    let ranked = Self.measures(consultation, text, &citations, tasks: options.tasks)
    let measures = ranked.map(\.entry)
    self.ranked = measures.sorted { $0.rank < $1.rank }
    openPoints = Self.openPoints(consultation, text)
    let sections = consultation.advice().prefix(Consultation.settledPlaces).map(\.section)
    for (section, entry) in zip(sections, measures) {
      if let last = first.last, last.title == section?.title {
        first[first.count - 1].measures.append(entry)
      } else {
        first.append(SectionGroup(title: section?.title, measures: [entry]))
      }
    }
    horizons = Horizon.allCases.compactMap { horizon in
      let group = ranked.filter { $0.horizon == horizon }.map(\.entry)
      guard !group.isEmpty else { return nil }
      return HorizonGroup(id: horizon.rawValue, title: Self.horizonTitles[horizon] ?? horizon.rawValue, measures: group)
    }
    let allOpenQuestions = Self.openQuestions(consultation, text)
    openQuestions = Array(allOpenQuestions.prefix(max(0, options.openQuestionLimit)))
    moreOpenQuestions = allOpenQuestions.count - openQuestions.count
    topOpenQuestions = Array(allOpenQuestions.prefix(5))
    decisions = options.decisions
    notes = options.notes
    bibliography = citations.bibliography(text)
    let answers = situation.flatMap(\.answers)
    summary = Summary(
      answers: Count(answers.count, "Antwort", "Antworten"),
      gaps: Count(answers.filter(\.isGap).count, "Informationslücke", "Informationslücken"),
      patterns: Count(patterns.count, "Krisenmuster", "Krisenmuster"),
      measures: Count(measures.count, "Maßnahme", "Maßnahmen"),
      openQuestions: Count(allOpenQuestions.count, "offene Frage", "offene Fragen"),
      topMeasures: Array(measures.prefix(max(0, options.topMeasureCount))))
  }

  static func situation(_ consultation: Consultation, _ text: ReportText) -> [AnswerGroup] {
    let kb = consultation.knowledgeBase
    return kb.groups.indices.compactMap { group in
      let answers = kb.questions.indices.filter { kb.questions[$0].group == group && consultation.answer($0) != nil }
        .map { question in
          AnswerEntry(
            id: kb.questions[question].id, question: text.fill(kb.questions[question].text),
            answer: text.describe(consultation.answer(question), of: question),
            isGap: consultation.answer(question) == .unknown)
        }
      return answers.isEmpty ? nil : AnswerGroup(title: text.fill(kb.groups[group].title), answers: answers)
    }
  }

  /// The reasons a rule gives for conclusions about one target, each once.
  static func reasons(of rule: RuleID, about target: ConclusionTarget, _ kb: KnowledgeBase, _ text: ReportText)
    -> [String]
  {
    var reasons: [String] = []
    for conclusion in kb.rules[rule].conclusions {
      let concerns: Bool
      switch (conclusion.kind, target) {
      case (.recommend(let measure, _), .measure(let wanted)): concerns = measure == wanted
      case (.evidence(let pattern, _), .pattern(let wanted)): concerns = pattern == wanted
      case (.assess(let factor, _), .factor(let wanted)): concerns = factor == wanted
      case (.derive(let fact), .fact(let wanted)): concerns = fact == wanted
      default: concerns = false
      }
      if concerns, let reason = conclusion.reason.map(text.fill), !reasons.contains(reason) { reasons.append(reason) }
    }
    return reasons
  }

  static func patterns(_ consultation: Consultation, _ text: ReportText, _ citations: inout CitationList)
    -> [PatternEntry]
  {
    let kb = consultation.knowledgeBase
    let shown = kb.patterns.indices.filter { consultation.patternState($0) != .inactive }.sorted { a, b in
      if consultation.patternState(a) != consultation.patternState(b) {
        return consultation.patternState(a) > consultation.patternState(b)
      }
      if consultation.patternScore(a) != consultation.patternScore(b) {
        return consultation.patternScore(a) > consultation.patternScore(b)
      }
      return a < b
    }
    return shown.map { index -> PatternEntry in
      let pattern = kb.patterns[index]
      var evidence: [EvidenceEntry] = []
      for rule in consultation.firingRules(for: .pattern(index)) {
        for conclusion in kb.rules[rule].conclusions {
          guard case .evidence(index, let points) = conclusion.kind else { continue }
          let reason = conclusion.reason.map(text.fill) ?? kb.rules[rule].condition.text(in: kb)
          evidence.append(
            EvidenceEntry(
              points: ReportText.signed(points), isAgainst: points < .zero, reason: reason, rule: kb.rules[rule].id,
              sources: citations.cite(kb.rules[rule].sourceIDs)))
        }
      }
      return PatternEntry(
        id: pattern.id, title: text.fill(pattern.title), description: text.fill(pattern.description),
        state: consultation.patternState(index).title, isEstablished: consultation.patternState(index) == .established,
        score: ReportText.number(consultation.patternScore(index)),
        scoreText: ReportText.number(consultation.patternScore(index))
          + (consultation.patternScore(index).hundredths.magnitude == 100 ? " Punkt" : " Punkte"),
        suspectedAt: ReportText.number(pattern.suspected),
        establishedAt: ReportText.number(pattern.established), evidence: evidence,
        failureModes: pattern.failureModes.map(text.fill), sources: citations.cite(pattern.sourceIDs))
    }
  }

  static func profile(_ consultation: Consultation, _ text: ReportText, _ citations: inout CitationList) -> Profile {
    let kb = consultation.knowledgeBase
    var factors: [FactorEntry] = []
    for (index, factor) in kb.factors.entries {
      let level = consultation.factorLevel(index)
      var reasons: [String] = []
      var sourceIDs: [String] = []
      if let level {
        for rule in consultation.firingRules(for: .factor(index)) {
          let decides = kb.rules[rule].conclusions.contains {
            if case .assess(index, level) = $0.kind { return true }
            return false
          }
          guard decides else { continue }
          for reason in Self.reasons(of: rule, about: .factor(index), kb, text) where !reasons.contains(reason) {
            reasons.append(reason)
          }
          sourceIDs += kb.rules[rule].sourceIDs
        }
        sourceIDs += factor.sourceIDs
      }
      factors.append(
        FactorEntry(
          id: factor.id, code: ReportText.code(factor), title: text.fill(factor.title),
          level: level.map { text.fill(kb.factorLevels[$0].title) } ?? unassessed, isAssessed: level != nil,
          reasons: reasons, finding: text.fill(factor.finding), sources: citations.cite(sourceIDs)))
    }
    let levelTitles = kb.factorLevels.map { text.fill($0.title) }
    let chart = ProfileChart(
      factors: zip(factors, kb.factors.indices).map { entry, index in
        (label: "\(entry.code) \(entry.title)", level: consultation.factorLevel(index), levelTitle: entry.level)
      },
      levels: levelTitles)
    return Profile(
      factors: factors,
      levels: levelTitles.enumerated().map {
        LevelEntry(title: $0.element, pattern: "stufe-\($0.offset % ProfileChart.patternCount)")
      },
      chart: chart, assessedCount: factors.filter(\.isAssessed).count)
  }

  /// The recommended measures by rank, each with its horizon.
  static func measures(
    _ consultation: Consultation, _ text: ReportText, _ citations: inout CitationList, tasks: [String: String] = [:]
  ) -> [(horizon: Horizon, entry: MeasureEntry)] {
    let kb = consultation.knowledgeBase
    let advice = consultation.advice()
    let numbers = Dictionary(uniqueKeysWithValues: advice.enumerated().map { ($1.measure, $0 + 1) })
    return advice.enumerated().map { offset, recommendation -> (horizon: Horizon, entry: MeasureEntry) in
      let measure = consultation.measure(recommendation.measure)
      var reasons: [String] = []
      var sourceIDs = measure.sourceIDs
      for rule in recommendation.rules {
        let given = Self.reasons(of: rule, about: .measure(recommendation.measure), kb, text)
        for reason in given where !reasons.contains(reason) { reasons.append(reason) }
        sourceIDs += kb.rules[rule].sourceIDs
      }
      let parts = recommendation.parts.filter { $0.points != .zero }
      var breakdown = ""
      for (index, part) in parts.enumerated() {
        let magnitude = ReportText.number(FixedDecimal(hundredths: abs(part.points.hundredths)))
        if index == 0 {
          breakdown = (part.points < .zero ? "−" : "") + "\(magnitude) \(part.kind.title)"
        } else {
          breakdown += (part.points < .zero ? " − " : " + ") + "\(magnitude) \(part.kind.title)"
        }
      }
      let factors = measure.factorIDs.compactMap { kb.factorIndex[$0] }.map {
        "\(ReportText.code(kb.factors[$0])) \(text.fill(kb.factors[$0].title))"
      }
      let partEntries = parts.map { PriorityPartEntry(title: $0.kind.title, points: ReportText.signed($0.points)) }
      let steps = measure.steps.enumerated().map { NumberedText(number: $0.offset + 1, text: text.fill($0.element)) }
      let horizon: String = horizonTitles[measure.horizon] ?? measure.horizon.rawValue
      let effort: String = effortTitles[measure.effort] ?? measure.effort.rawValue
      var entry = MeasureEntry(
        rank: offset + 1, id: measure.id, title: text.fill(measure.title), description: text.fill(measure.description),
        horizon: horizon, priority: ReportText.number(recommendation.priority),
        breakdown: breakdown.isEmpty ? "0" : breakdown, parts: partEntries, office: text.fill(measure.office),
        effort: effort, steps: steps, reasons: reasons, factors: factors, sources: citations.cite(sourceIDs))
      entry.task = tasks[measure.id]
      entry.conflicts = consultation.conflicts(of: recommendation.measure).map { conflict in
        let number = numbers[conflict.measure].map { "Nr. \($0) " } ?? ""
        return "\(number)„\(text.fill(consultation.measure(conflict.measure).title))“: \(conflict.text)"
      }
      return (measure.horizon, entry)
    }
  }

  static func openPoints(_ consultation: Consultation, _ text: ReportText) -> [OpenPointEntry] {
    let kb = consultation.knowledgeBase
    return consultation.openPoints.enumerated().map { offset, point in
      let question = kb.questions[point.question]
      var decides = point.measures.map { text.fill(consultation.measure($0).title) }
      decides += point.patterns.map { "Krisenmuster „\(text.fill(kb.patterns[$0].title))“" }
      return OpenPointEntry(
        number: offset + 1, clarify: text.fill(question.clarify ?? "Klären: \(question.text)"),
        ask: question.clarifyWith.map(text.fill), decides: decides)
    }
  }

  static func openQuestions(_ consultation: Consultation, _ text: ReportText) -> [OpenQuestionEntry] {
    let kb = consultation.knowledgeBase
    let impacts: [QuestionImpact] = consultation.openQuestions.map { consultation.impact(of: $0) }.filter {
      $0.score > .zero
    }
    .sorted { (a: QuestionImpact, b: QuestionImpact) -> Bool in
      a.score != b.score ? a.score > b.score : a.question < b.question
    }
    return impacts.map { impact -> OpenQuestionEntry in
      var decides: [String] = []
      if !impact.measures.isEmpty {
        let titles = impact.measures.map { text.fill(consultation.measure($0).title) }
        decides.append((titles.count == 1 ? "Maßnahme: " : "Maßnahmen: ") + titles.joined(separator: "; "))
      }
      if !impact.patterns.isEmpty {
        decides.append(
          "Krisenmuster: " + impact.patterns.map { text.fill(kb.patterns[$0].title) }.joined(separator: "; "))
      }
      if !impact.factors.isEmpty {
        let names = impact.factors.map { "\(ReportText.code(kb.factors[$0])) \(text.fill(kb.factors[$0].title))" }
        decides.append((names.count == 1 ? "Faktor: " : "Faktoren: ") + names.joined(separator: "; "))
      }
      let question = kb.questions[impact.question]
      return OpenQuestionEntry(
        id: question.id, question: text.fill(question.text), group: text.fill(kb.groups[question.group].title),
        decides: decides)
    }
  }
}
