import Consultation
import KnowledgeBase
import RuleLanguage

/// German text for a report: `{term}` placeholders filled for the answers, answers and numbers
/// written as a person reads them.
struct ReportText {
  let consultation: Consultation
  var kb: KnowledgeBase { consultation.knowledgeBase }

  /// A text with `{term}` placeholders filled for the current answers.
  func fill(_ raw: String) -> String { consultation.filled(raw) }

  /// An answer as a person reads it; see `Engine.describe(_:of:)`.
  func describe(_ answer: Answer?, of question: QuestionID) -> String { consultation.describe(answer, of: question) }

  /// `48.000`, `2,5`: German separators; thousands grouped from five digits on (DIN 5008).
  static func number(_ value: FixedDecimal) -> String { value.germanText }

  /// Points with their sign: `+3`, `−2`, `0`.
  static func signed(_ value: FixedDecimal) -> String {
    if value > .zero { return "+" + number(value) }
    return number(value)
  }

  /// The factor's short code as shown in the profile: `RF3`.
  static func code(_ factor: Factor) -> String { factor.id.uppercased() }
}
