import Consultation
import KnowledgeBase

/// The trace (`verfolgen an`): one line per engine event, in the order the engine decided —
/// rules with the answers they read, derived facts, patterns, factors and measures — rendered
/// from events the consultation buffered, once the answer is in.
enum TraceText {
  static func lines(_ events: [EngineEvent], in consultation: Consultation) -> [String] {
    events.map { "  · " + line($0, consultation) }
  }

  /// Lines for measures that changed rank, after the engine's own events.
  static func ranks(_ change: AdviceChange, in consultation: Consultation) -> [String] {
    (change.movedUp + change.movedDown).map {
      "  · Maßnahme \(consultation.knowledgeBase.measures[$0.measure].id): Rang \($0.from) → \($0.to)"
    }
  }

  private static func line(_ event: EngineEvent, _ consultation: Consultation) -> String {
    let kb = consultation.knowledgeBase
    switch event {
    case .ruleFired(let rule):
      let condition = kb.rules[rule].condition
      var seen = Set<QuestionID>()
      let answers = ConditionReads(condition).questions.filter { seen.insert($0).inserted }.map {
        "\(kb.questions[$0].id) = \(consultation.describe(consultation.answer($0), of: $0))"
      }
      var facts: [String] = []
      collectFacts(condition, consultation, into: &facts)
      let read = answers + facts.map { "\($0) gilt" }
      return "Regel \(kb.rules[rule].id) feuert" + (read.isEmpty ? "" : ": " + read.joined(separator: ", "))
    case .ruleRetracted(let rule):
      return "Regel \(kb.rules[rule].id) trifft nicht mehr zu"
    case .factChanged(let fact, _, let to):
      let state = to == .true ? "gilt" : to == .false ? "gilt nicht" : "offen"
      return "Tatsache \(kb.facts[fact].id): \(state)"
    case .patternChanged(let pattern, let from, let to):
      return "Muster \(kb.patterns[pattern].id): \(from.title) → \(to.title)"
    case .factorChanged(let factor, let from, let to):
      let name: (LevelID?) -> String = { $0.map { kb.factorLevels[$0].title } ?? "nicht bewertet" }
      return "Faktor \(kb.factors[factor].id): \(name(from)) → \(name(to))"
    case .measureRecommended(let measure):
      return "Maßnahme \(kb.measures[measure].id) empfohlen"
    case .measureDropped(let measure):
      return "Maßnahme \(kb.measures[measure].id) entfällt"
    case .measureWeightChanged(let measure, let from, let to):
      return "Maßnahme \(kb.measures[measure].id): Gewicht \(from.germanText) → \(to.germanText)"
    }
  }

  /// The derived facts a condition reads positively, so that a firing rule shows them.
  private static func collectFacts(
    _ condition: CompiledCondition, _ consultation: Consultation, into facts: inout [String]
  ) {
    switch condition {
    case .fact(let fact):
      let id = consultation.knowledgeBase.facts[fact].id
      if consultation.factTruth(fact) == .true, !facts.contains(id) { facts.append(id) }
    case .and(let parts), .or(let parts):
      for part in parts { collectFacts(part, consultation, into: &facts) }
    default: break
    }
  }
}
