import KnowledgeBase
import RuleEngine
import RuleLanguage

/// Why a term's text was not set; German, for users.
public enum TermTextError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownTerm(String, known: [String])
  case empty
  case tooLong(Int)
  case forbiddenCharacter(Character)

  /// Longer names are not a staff's name but a sentence.
  public static let maximumLength = 80

  public var description: String {
    switch self {
    case .unknownTerm(let name, let known):
      "„\(name)“ ist kein Begriff der Wissensbasis. Möglich: \(known.joined(separator: ", "))."
    case .empty:
      "Bitte die Bezeichnung angeben, etwa: bezeichnung stab Verwaltungsstab der Stadt Musterstadt"
    case .tooLong(let count):
      "Die Bezeichnung ist \(count) Zeichen lang; höchstens \(Self.maximumLength) sind möglich."
    case .forbiddenCharacter(let character):
      "Die Bezeichnung darf das Zeichen „\(character)“ nicht enthalten."
    }
  }
}

extension Consultation {
  /// Sets the municipality's own text for a term (its name for the staff), or with nil returns to
  /// the text the knowledge base gives for the Land and level: journal first, then the engine.
  public mutating func setTermText(_ term: String, to text: String?) throws {
    guard knowledgeBase.terms.contains(where: { $0.id == term }) else {
      throw TermTextError.unknownTerm(term, known: knowledgeBase.terms.map(\.id))
    }
    let trimmed = text.map { String($0.trimmingWhitespace) }
    if let trimmed {
      guard !trimmed.isEmpty else { throw TermTextError.empty }
      guard trimmed.count <= TermTextError.maximumLength else { throw TermTextError.tooLong(trimmed.count) }
      // Braces would read as a placeholder; control characters would break lines and files.
      if let bad = trimmed.first(where: { "{}".contains($0) || $0.hasControlScalar }) {
        throw TermTextError.forbiddenCharacter(bad)
      }
    }
    try write(JournalRecord(.term(term: term, text: trimmed)))
    engine.termTexts[term] = trimmed
  }

  /// The texts the municipality set itself, by term id (what a saved consultation keeps).
  public var ownTermTexts: [String: String] { engine.termTexts }

  /// The terms with their current text and whether the municipality set it.
  public var termTexts: [(term: String, text: String, own: Bool)] {
    knowledgeBase.terms.map { ($0.id, engine.text(of: $0), engine.termTexts[$0.id] != nil) }
  }
}
