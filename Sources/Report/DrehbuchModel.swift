import Consultation
import Foundation
import KnowledgeBase

/// The Drehbuch of a staff exercise as the templates `drehbuch.md` and `drehbuch.html` see it:
/// for the Übungsleitung (objectives with Erwartungshorizont, roles, timeline, every inject in
/// full with its branches), inject cards for the Einlagensteuerung, and a Beobachterbogen per
/// objective. Every text is already filled for the exercise's initial answers.
public struct DrehbuchModel: Sendable {
  public struct Objective: Sendable {
    public var number: Int
    public var id: String
    public var text: String
    public var horizon: [String]
    public var measures: [String]
    /// „Einlage 2 · T+2h: Prognose gesenkt – Entwarnung?“
    public var injects: [String]
    public var hasMeasures: Bool
  }

  public struct Role: Sendable {
    public var id: String
    public var title: String
  }

  public struct Inject: Sendable {
    /// `2`, or `2b` for an alternative to inject 2.
    public var number: String
    public var id: String
    public var time: String
    public var from: String
    /// The recipient's role title.
    public var to: String
    public var channel: String
    public var title: String
    public var text: String
    public var expectedAction: String
    public var expectedMeasures: [String]
    /// „Ziel 1: Der Stab bewertet …“
    public var objectives: [String]
    /// „Frage – Antwort“, what the inject sets in the tool.
    public var answers: [String]
    /// When it is played instead of or besides the plan, in German; empty for always.
    public var branch: String
    /// Alternatives that may stand in for it.
    public var alternatives: [String]
    public var hasExpectedAction: Bool
    public var hasExpectedMeasures: Bool
    public var hasAnswers: Bool
    public var hasBranch: Bool
    public var hasAlternatives: Bool
  }

  public var id: String
  public var title: String
  public var type: String
  public var knowledgeBase: String
  public var municipality: String
  public var situation: String
  public var objectives: [Objective]
  public var staffRoles: [Role]
  public var controlRoles: [Role]
  public var injects: [Inject]
  public var sources: [String]
  public var hasSources: Bool

  /// The Drehbuch of an exercise of the knowledge base.
  public init(exercise: Exercise, knowledgeBase kb: KnowledgeBase) {
    // The texts are filled for the exercise's initial answers (the Land names the staff).
    var consultation = Consultation(knowledgeBase: kb)
    try? consultation.startExercise(exercise, blind: false)
    let fill = { (raw: String) in consultation.filled(raw) }
    let measureTitle = { (index: MeasureID) in fill(kb.measures[index].title) }
    let roleTitle = { (id: String) in exercise.role(id)?.title ?? id }

    var numbers: [String: String] = [:]
    var count = 0
    for inject in exercise.injects where inject.replaces == nil {
      count += 1
      numbers[inject.id] = String(count)
    }
    for inject in exercise.injects {
      guard let target = inject.replaces else { continue }
      let base = numbers[target] ?? "?"
      let siblings = exercise.injects.filter { $0.replaces == target }
      let letter = "bcdefgh".map(String.init)[min((siblings.firstIndex { $0.id == inject.id } ?? 0), 6)]
      numbers[inject.id] = base + letter
    }
    func phrase(_ condition: InjectCondition) -> String {
      switch condition {
      case .decided(let measure): "der Stab „\(measureTitle(measure))“ beschlossen hat"
      case .notDecided(let measure): "der Stab „\(measureTitle(measure))“ nicht beschlossen hat"
      case .control(let question): "die Übungsleitung die Frage „\(fill(question))“ mit Ja beantwortet"
      }
    }

    id = exercise.id
    title = fill(exercise.title)
    type = exercise.type
    knowledgeBase = "\(kb.info.title) \(kb.info.version)"
    municipality = fill(exercise.municipality)
    situation = fill(exercise.situation)
    objectives = exercise.objectives.enumerated().map { index, objective in
      let measures = objective.measures.map(measureTitle)
      return Objective(
        number: index + 1, id: objective.id, text: fill(objective.text), horizon: objective.horizon.map(fill),
        measures: measures,
        injects: exercise.injects(testing: objective.id).map {
          "Einlage \(numbers[$0.id] ?? "?") · \($0.time): \(fill($0.title))"
        }, hasMeasures: !measures.isEmpty)
    }
    staffRoles = exercise.roles.filter { !$0.isControl }.map { Role(id: $0.id, title: $0.title) }
    controlRoles = exercise.roles.filter(\.isControl).map { Role(id: $0.id, title: $0.title) }
    injects = exercise.injects.map { inject in
      var branch = ""
      if let condition = inject.condition {
        if let target = inject.replaces {
          let replaced = exercise.inject(target).map { " („\(fill($0.title))“)" } ?? ""
          branch = "Statt Einlage \(numbers[target] ?? target)\(replaced), wenn \(phrase(condition))."
        } else {
          branch = "Nur, wenn \(phrase(condition))."
        }
      }
      let alternatives = exercise.alternatives(to: inject.id).map { alternative in
        "Einlage \(numbers[alternative.id] ?? alternative.id) statt dieser, wenn \(alternative.condition.map(phrase) ?? "die Übungsleitung es will")."
      }
      let expectedMeasures = inject.expected.map(measureTitle)
      let answers = inject.answers.map { question, answer in
        "\(fill(kb.questions[question].text)) – \(consultation.describe(answer, of: question))"
      }
      return Inject(
        number: numbers[inject.id] ?? "?", id: inject.id, time: inject.time, from: fill(inject.from),
        to: roleTitle(inject.to), channel: inject.channel, title: fill(inject.title), text: fill(inject.text),
        expectedAction: inject.expectedAction.map(fill) ?? "", expectedMeasures: expectedMeasures,
        objectives: inject.objectiveIDs.map { id in
          guard let index = exercise.objectives.firstIndex(where: { $0.id == id }) else { return id }
          return "Ziel \(index + 1): \(fill(exercise.objectives[index].text))"
        },
        answers: answers, branch: branch, alternatives: alternatives, hasExpectedAction: inject.expectedAction != nil,
        hasExpectedMeasures: !expectedMeasures.isEmpty, hasAnswers: !answers.isEmpty, hasBranch: !branch.isEmpty,
        hasAlternatives: !alternatives.isEmpty)
    }
    sources = exercise.sourceIDs.compactMap { id in
      kb.sources.first { $0.id == id }.map { "\($0.publisher): \($0.title). \($0.url)" }
    }
    hasSources = !sources.isEmpty
  }
}

extension ReportTemplates {
  /// The templates for a knowledge base's Drehbücher: its own folder when that holds
  /// `drehbuch.<format>.mustache`, else the shipped one.
  public init(drehbuchForKnowledgeBase directory: String?, format: ReportFormat) throws {
    try self.init(template: "drehbuch", forKnowledgeBase: directory, format: format)
  }

  /// An exercise's Drehbuch in the format, rendered with `drehbuch.<format>`.
  public func render(_ model: DrehbuchModel, as format: ReportFormat) throws -> String {
    try render(model, template: "drehbuch", as: format)
  }
}
