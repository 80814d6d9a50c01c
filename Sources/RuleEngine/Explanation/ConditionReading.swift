import KnowledgeBase
import RuleLanguage

extension Engine {
  /// A condition as a crisis manager reads it: the questions by their German text, the options by
  /// theirs, patterns, factors and facts by their titles — no rule syntax and no ids.
  public func reading(_ condition: CompiledCondition) -> String {
    reading(condition, nested: false)
  }

  private func reading(_ condition: CompiledCondition, nested: Bool) -> String {
    let kb = knowledgeBase
    func question(_ index: QuestionID) -> String { "„\(filled(kb.questions[index].text))“" }
    func options(_ mask: UInt64, of index: QuestionID, joinedBy word: String) -> String {
      let item = kb.questions[index]
      let texts = item.options.indices.filter { mask & (1 << UInt64($0)) != 0 }.map {
        "„\(filled(item.options[$0].text))“"
      }
      // Long lists are cut: the annotation beside the condition shows the actual answer anyway.
      if texts.count > 3 { return texts.prefix(3).joined(separator: ", ") + " \(word) \(texts.count - 3) weitere" }
      if texts.count <= 1 { return texts.first ?? "" }
      return texts.dropLast().joined(separator: ", ") + " \(word) " + (texts.last ?? "")
    }
    switch condition {
    case .number(let index, let op, let value):
      let item = kb.questions[index]
      let amount = value.germanText + (item.unit(after: value).map { " \($0)" } ?? "")
      let relation: String
      switch op {
      case .equal: relation = "genau"
      case .notEqual: relation = "nicht"
      case .less: relation = "weniger als"
      case .lessEqual: relation = "höchstens"
      case .greater: relation = "mehr als"
      case .greaterEqual: relation = "mindestens"
      }
      return "\(question(index)): \(relation) \(amount)"
    case .option(let index, let mask, let negated):
      return "\(question(index)): \(negated ? "nicht " : "")\(options(mask, of: index, joinedBy: "oder"))"
    case .includes(let index, let mode, let mask):
      return "\(question(index)): darunter \(options(mask, of: index, joinedBy: mode == .all ? "und" : "oder"))"
    case .answered(let index, let known):
      return "\(question(index)): \(known ? "beantwortet" : "weiß nicht")"
    case .fact(let fact):
      return filled(kb.facts[fact].text)
    case .pattern(let pattern, let state):
      let title = "Krisenmuster „\(filled(kb.patterns[pattern].title))“"
      return state == .established ? "\(title) erkannt" : "\(title) mindestens vermutet"
    case .factor(let factor, let levels):
      let names = kb.factorLevels.indices.filter { levels & (1 << UInt64($0.index)) != 0 }.map {
        kb.factorLevels[$0].title
      }
      let item = kb.factors[factor]
      let list =
        names.count > 1 ? names.dropLast().joined(separator: ", ") + " oder " + (names.last ?? "") : names.first ?? ""
      return "\(item.id.uppercased()) \(filled(item.title)): \(list)"
    case .not(let inner):
      return "nicht " + reading(inner, nested: true)
    case .and(let parts):
      let joined = parts.map { reading($0, nested: true) }.joined(separator: " und ")
      return nested ? "(\(joined))" : joined
    case .or(let parts):
      let joined = parts.map { reading($0, nested: true) }.joined(separator: " oder ")
      return nested ? "(\(joined))" : joined
    }
  }
}
