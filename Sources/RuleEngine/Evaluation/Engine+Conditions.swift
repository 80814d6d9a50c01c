import KnowledgeBase
import RuleLanguage

extension Engine {
  /// The truth of a condition under the current answers and conclusions.
  public func evaluate(_ condition: CompiledCondition) -> Truth {
    switch condition {
    case .number(let question, let op, let value):
      guard case .number(let answer) = answers[question] else { return .undetermined }
      return Truth(op.holds(answer, value))
    case .option(let question, let options, let negated):
      guard case .option(let index) = answers[question] else { return .undetermined }
      let member = options & (1 << UInt64(index)) != 0
      return Truth(member != negated)
    case .includes(let question, let mode, let options):
      switch answers[question] {
      case .options(let chosen):
        switch mode {
        case .one, .any: return Truth(chosen & options != 0)
        case .all: return Truth(chosen & options == options)
        }
      case .partialOptions(let ticked):
        // What is ticked holds; an unticked option is open, since the rest is not known.
        switch mode {
        case .one, .any: return ticked & options != 0 ? .true : .undetermined
        case .all: return ticked & options == options ? .true : .undetermined
        }
      default:
        return .undetermined
      }
    case .answered(let question, let known):
      guard let answer = answers[question] else { return .undetermined }
      return Truth((answer != .unknown) == known)
    case .fact(let fact):
      return factTruth[fact]
    case .pattern(let pattern, let test):
      let required: PatternState = test == .suspected ? .suspected : .established
      return Truth(patternState[pattern] >= required)
    case .factor(let factor, let levels):
      guard let level = factorLevel[factor] else { return .undetermined }
      return Truth(levels & (1 << UInt64(level.index)) != 0)
    case .not(let inner):
      return evaluate(inner).negated
    case .and(let parts):
      var result = Truth.true
      for part in parts {
        let value = evaluate(part)
        if value == .false { return .false }
        result = min(result, value)
      }
      return result
    case .or(let parts):
      var result = Truth.false
      for part in parts {
        let value = evaluate(part)
        if value == .true { return .true }
        result = max(result, value)
      }
      return result
    }
  }
}

extension Engine {
  /// The term's text for the current answers: the text the municipality set, else the first case
  /// whose condition is true, else the text for the question's answer, else the default.
  public func text(of term: Term) -> String {
    if let own = termTexts[term.id] { return own }
    if let match = term.cases.first(where: { evaluate($0.condition) == .true }) { return match.text }
    if case .option(let index) = answers[term.question] { return term.text(forOption: index) }
    return term.defaultText
  }

  /// A German text with every `{term}` placeholder filled for the current answers; unknown names
  /// stay as written.
  public func filled(_ raw: String) -> String {
    Placeholder.fill(raw) { name in
      knowledgeBase.terms.first { $0.id == name }.map(text(of:))
    }
  }
}

extension Engine {
  /// An answer as a person reads it: the option's text, several options separated by semicolons
  /// (option texts contain commas), the number in German notation with its unit, or „weiß nicht“.
  public func describe(_ answer: Answer?, of question: QuestionID) -> String {
    let item = knowledgeBase.questions[question]
    guard let answer else { return "unbeantwortet" }
    let texts: (UInt64) -> [String] = { set in
      item.options.indices.filter { set & (1 << UInt64($0)) != 0 }.map { self.filled(item.options[$0].text) }
    }
    switch answer {
    case .unknown: return "weiß nicht"
    case .option(let index): return item.options.indices.contains(index) ? filled(item.options[index].text) : "?"
    case .options(let set):
      let chosen = texts(set)
      return chosen.isEmpty ? "keine" : chosen.joined(separator: "; ")
    case .partialOptions(let set):
      return (texts(set) + ["weitere: weiß nicht"]).joined(separator: "; ")
    case .number(let value):
      return value.germanText + (item.unit(after: value).map { " \($0)" } ?? "")
    }
  }
}
