import KnowledgeBase
import RuleEngine

/// One line per engine event, in the order the engine decided: rules with the answers they
/// read, derived facts, patterns, factors and measures. Events are kept while the engine works
/// and written once the answer is in, because the shell's state may not be read mid-change.
final class TraceListener: EngineListener {
  weak var shell: Shell?
  private var pending: [EngineEvent] = []

  init(shell: Shell) {
    self.shell = shell
  }

  func engine(didEmit event: EngineEvent) {
    pending.append(event)
  }

  /// Writes the lines for the events since the last flush.
  func flush() {
    let events = pending
    pending = []
    for event in events { write(event) }
  }

  private func write(_ event: EngineEvent) {
    guard let shell else { return }
    let kb = shell.kb
    let text: String
    switch event {
    case .ruleFired(let rule):
      let reads = ConditionReads(kb.rules[rule].condition).questions
      var seen = Set<Int>()
      let answers = reads.filter { seen.insert($0).inserted }.map {
        "\(kb.questions[$0].id) = \(shell.describe(shell.engine.answers[$0], of: $0))"
      }
      var facts: [String] = []
      collectFacts(kb.rules[rule].condition, into: &facts)
      let read = answers + facts.map { "\($0) gilt" }
      text = "Regel \(kb.rules[rule].id) feuert" + (read.isEmpty ? "" : ": " + read.joined(separator: ", "))
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
      text = "Maßnahme \(kb.measures[measure].id): Gewicht \(from.germanText) → \(to.germanText)"
    }
    shell.line("  · \(text)")
  }

  /// The derived facts a condition reads positively, so that a firing rule shows them.
  private func collectFacts(_ condition: CompiledCondition, into facts: inout [String]) {
    guard let shell else { return }
    switch condition {
    case .fact(let fact):
      if shell.engine.factTruth[fact] == .true, !facts.contains(shell.kb.facts[fact].id) {
        facts.append(shell.kb.facts[fact].id)
      }
    case .and(let parts), .or(let parts):
      for part in parts { collectFacts(part, into: &facts) }
    default: break
    }
  }

  /// Lines for measures that changed rank, after the engine's own events.
  func ranks(_ change: AdviceChange) {
    guard let shell else { return }
    for move in change.movedUp + change.movedDown {
      shell.line("  · Maßnahme \(shell.kb.measures[move.measure].id): Rang \(move.from) → \(move.to)")
    }
  }
}
