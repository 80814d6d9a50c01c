import RuleLanguage

/// The kinds of answer a question takes.
public enum QuestionType: String, Sendable, CaseIterable {
  case yesno, choice, multi, number, scale
}

/// One allowed answer of a `yesno`, `choice` or `multi` question.
public struct AnswerOption: Sendable, Hashable {
  public var id: String
  public var text: String
  /// Further words a user may type for the option, such as `nrw` for Nordrhein-Westfalen.
  public var aliases: [String] = []

  public init(id: String, text: String, aliases: [String] = []) {
    self.id = id
    self.text = text
    self.aliases = aliases
  }
}

/// A question the consultation may ask.
public struct Question: Sendable, Equatable {
  public var id: String
  public var text: String
  public var type: QuestionType
  /// The allowed answers of `yesno` (`ja`, `nein`), `choice` and `multi` questions, in order.
  public var options: [AnswerOption]
  /// The allowed range of `number` and `scale` questions.
  public var minimum: FixedDecimal?
  public var maximum: FixedDecimal?
  public var unit: String?

  /// The unit as it reads after `value`: singular after exactly 1 (`1 Woche`, `2 Wochen`).
  public func unit(after value: FixedDecimal) -> String? {
    guard let unit else { return nil }
    guard value == FixedDecimal(1) || value == FixedDecimal(-1) else { return unit }
    return Self.singularUnits[unit] ?? unit
  }

  /// German plurals of the units knowledge bases use, and their singulars; a unit not listed
  /// (`Prozent`, `Einwohnende`) reads the same after 1.
  static let singularUnits: [String: String] = [
    "Wochen": "Woche", "Tage": "Tag", "Monate": "Monat", "Jahre": "Jahr", "Stunden": "Stunde",
    "Minuten": "Minute", "Personen": "Person",
  ]
  public var help: String
  /// Index into `KnowledgeBase.groups`.
  public var group: GroupID
  /// Asked only while this holds or is undetermined; nil means always relevant.
  public var relevance: CompiledCondition?
  /// The relevance condition as written, for explanations.
  public var relevanceText: String?
  /// Part of the situation: asked before any other question, in declaration order.
  public var asksFirst = false
  /// What to find out when the answer is *weiß nicht*, as an open point (German).
  public var clarify: String?
  /// Who can answer it (German, e.g. „IT-Dienstleister fragen“).
  public var clarifyWith: String?
  /// A standing answer about the municipality, kept in the Kommunenprofil and reused by later
  /// consultations; by default its group's setting.
  public var profile = false
  /// How long an answer stays current before the staff should confirm it, in seconds (`valid_for`
  /// of the question, else of its group); nil: it does not age.
  public var validFor: Int? = nil
  /// The question's own `valid_for`, before its group's default is applied.
  var validForOverride: Int?
  /// The question's own `profile` setting, before its group's default is applied.
  var profileOverride: Bool?

  /// The index of an option by id.
  public func optionIndex(_ id: String) -> Int? { options.firstIndex { $0.id == id } }
}
