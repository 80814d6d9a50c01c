import RuleLanguage

extension CompiledCondition {
  /// The condition in the rule language, with ids, as an author would write it.
  public func text(in kb: KnowledgeBase) -> String {
    text(in: kb, nested: false)
  }

  private func options(_ mask: UInt64, of question: QuestionID, _ kb: KnowledgeBase) -> [String] {
    kb.questions[question].options.indices.filter { mask & (1 << UInt64($0)) != 0 }
      .map { kb.questions[question].options[$0].id }
  }

  private func text(in kb: KnowledgeBase, nested: Bool) -> String {
    switch self {
    case .number(let question, let op, let value):
      return "\(kb.questions[question].id) \(op.rawValue) \(value)"
    case .option(let question, let mask, let negated):
      let values = options(mask, of: question, kb)
      if values.count == 1 { return "\(kb.questions[question].id) \(negated ? "!=" : "=") \(values[0])" }
      return "\(kb.questions[question].id) \(negated ? "not in" : "in") [\(values.joined(separator: ", "))]"
    case .includes(let question, let mode, let mask):
      let values = options(mask, of: question, kb)
      switch mode {
      case .one: return "\(kb.questions[question].id) includes \(values.first ?? "")"
      case .any, .all:
        return "\(kb.questions[question].id) includes \(mode.rawValue) [\(values.joined(separator: ", "))]"
      }
    case .answered(let question, let known):
      return "\(kb.questions[question].id) is \(known ? "known" : "unknown")"
    case .fact(let fact):
      return kb.facts[fact].id
    case .pattern(let pattern, let state):
      return "pattern \(kb.patterns[pattern].id) \(state.rawValue)"
    case .factor(let factor, let levels):
      let names = kb.factorLevels.indices.filter { levels & (1 << UInt64($0.index)) != 0 }.map {
        kb.factorLevels[$0].id
      }
      if names.count == 1 { return "factor \(kb.factors[factor].id) = \(names[0])" }
      return "factor \(kb.factors[factor].id) in [\(names.joined(separator: ", "))]"
    case .not(let inner):
      return "not " + inner.text(in: kb, nested: true)
    case .and(let parts):
      let joined = parts.map { $0.text(in: kb, nested: true) }.joined(separator: " and ")
      return nested ? "(\(joined))" : joined
    case .or(let parts):
      let joined = parts.map { $0.text(in: kb, nested: true) }.joined(separator: " or ")
      return nested ? "(\(joined))" : joined
    }
  }
}
