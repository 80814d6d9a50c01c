import KnowledgeBase
import RuleEngine
import RuleLanguage

/// German text for a report: `{term}` placeholders filled for the answers, answers and numbers
/// written as a person reads them.
struct ReportText {
  let engine: Engine
  var kb: KnowledgeBase { engine.knowledgeBase }

  /// A text with `{term}` placeholders filled for the current answers.
  func fill(_ raw: String) -> String { engine.filled(raw) }

  /// An answer as a person reads it: the option's text, the number with unit, or „weiß nicht“.
  func describe(_ answer: Answer?, of question: Int) -> String {
    let item = kb.questions[question]
    guard let answer else { return "unbeantwortet" }
    switch answer {
    case .unknown: return "weiß nicht"
    case .option(let index): return item.options.indices.contains(index) ? fill(item.options[index].text) : "?"
    case .options(let set):
      let chosen = item.options.indices.filter { set & (1 << UInt64($0)) != 0 }.map { fill(item.options[$0].text) }
      return chosen.isEmpty ? "keine" : chosen.joined(separator: ", ")
    case .partialOptions(let set):
      let chosen = item.options.indices.filter { set & (1 << UInt64($0)) != 0 }.map { fill(item.options[$0].text) }
      return (chosen + ["weitere: weiß nicht"]).joined(separator: ", ")
    case .number(let value):
      return Self.number(value) + (item.unit(after: value).map { " \($0)" } ?? "")
    }
  }

  /// `48.000`, `2,5`: German separators; thousands grouped from five digits on (DIN 5008).
  static func number(_ value: FixedDecimal) -> String {
    let text = value.formatted(decimalSeparator: ",")
    let negative = text.hasPrefix("-")
    let unsigned = negative ? String(text.dropFirst()) : text
    let whole = unsigned.prefix { $0 != "," }
    let fraction = unsigned.dropFirst(whole.count)
    guard whole.count >= 5 else { return (negative ? "−" : "") + unsigned }
    var grouped = ""
    for (index, digit) in whole.enumerated() {
      if index > 0, (whole.count - index) % 3 == 0 { grouped += "." }
      grouped.append(digit)
    }
    return (negative ? "−" : "") + grouped + fraction
  }

  /// Points with their sign: `+3`, `−2`, `0`.
  static func signed(_ value: FixedDecimal) -> String {
    if value > .zero { return "+" + number(value) }
    return number(value)
  }

  /// The factor's short code as shown in the profile: `RF3`.
  static func code(_ factor: Factor) -> String { factor.id.uppercased() }
}
