import KnowledgeBase
import RuleEngine

/// Writes one line per engine event, as the engine decides: rules with the answers they read,
/// derived facts, patterns, factors and measures.
final class TraceListener: EngineListener {
  weak var shell: Shell?

  init(shell: Shell) {
    self.shell = shell
  }

  func engine(didEmit event: EngineEvent) {
    guard let shell else { return }
    let kb = shell.kb
    let text: String
    switch event {
    case .ruleFired(let rule):
      let reads = ConditionTestQuestions.questions(in: kb.rules[rule].condition)
      var seen = Set<Int>()
      let answers = reads.filter { seen.insert($0).inserted }.map {
        "\(kb.questions[$0].id) = \(shell.describe(shell.engine.answers[$0], of: $0))"
      }
      text = "Regel \(kb.rules[rule].id) feuert" + (answers.isEmpty ? "" : ": " + answers.joined(separator: ", "))
    case .ruleRetracted(let rule):
      text = "Regel \(kb.rules[rule].id) trifft nicht mehr zu"
    case .factChanged(let fact, _, let to):
      let state = to == .true ? "gilt" : to == .false ? "gilt nicht" : "offen"
      text = "Tatsache \(kb.facts[fact].id): \(state)"
    case .patternChanged(let pattern, let from, let to):
      text = "Muster \(kb.patterns[pattern].id): \(from.title) → \(to.title)"
    case .factorChanged(let factor, let from, let to):
      let name: (Int?) -> String = { $0.map { kb.factorLevels[$0].title } ?? "nicht bewertet" }
      text = "Faktor \(kb.factors[factor].id): \(name(from)) → \(name(to))"
    case .measureRecommended(let measure):
      text = "Maßnahme \(kb.measures[measure].id) empfohlen"
    case .measureDropped(let measure):
      text = "Maßnahme \(kb.measures[measure].id) entfällt"
    case .measureWeightChanged(let measure, let from, let to):
      text = "Maßnahme \(kb.measures[measure].id): Gewicht \(from.formatted(decimalSeparator: ",")) → \(to.formatted(decimalSeparator: ","))"
    }
    shell.line("  · \(text)")
  }
}
