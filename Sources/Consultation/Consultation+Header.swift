import KnowledgeBase
import RuleLanguage

/// The data a staff puts at the head of its Lagebericht, set with `kopf` and kept in the journal.
public enum HeaderField: String, CaseIterable, Sendable {
  /// The municipality's name as it writes it („Kreis Lennetal“).
  case kommune
  /// The situation's title („Hochwasser an der Lenne“).
  case lage
  /// The author's staff function („S2 Lage“); the name comes from `name`.
  case funktion
  /// Who receives the report.
  case verteiler
  /// A marking such as „VS – NUR FÜR DEN DIENSTGEBRAUCH“, on every page and every export.
  case einstufung

  /// The German label in the shell and the report.
  public var title: String {
    switch self {
    case .kommune: "Kommune"
    case .lage: "Lage"
    case .funktion: "Funktion"
    case .verteiler: "Verteiler"
    case .einstufung: "Einstufung"
    }
  }
}

/// Why a header value was not set; German, for users.
public enum HeaderError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownField(String)
  case tooLong(Int)
  case forbiddenCharacter(Character)

  /// A header line, not a paragraph.
  public static let maximumLength = 200

  public var description: String {
    switch self {
    case .unknownField(let name):
      "„\(name)“ ist kein Feld des Kopfes. Möglich: \(HeaderField.allCases.map(\.rawValue).joined(separator: ", "))."
    case .tooLong(let count): "Der Text ist \(count) Zeichen lang; höchstens \(Self.maximumLength) sind möglich."
    case .forbiddenCharacter(let character): "Der Text darf das Zeichen „\(character)“ nicht enthalten."
    }
  }
}

extension HeaderField {
  /// The field a word names, umlauts and case as typed.
  public init(named name: String) throws(HeaderError) {
    guard let field = HeaderField(rawValue: name.folded) else { throw .unknownField(name) }
    self = field
  }

  /// The marking as the VSA writes it when the staff types a short form; other texts unchanged.
  static func normalizedMarking(_ text: String) -> String {
    switch text.folded.filter({ $0.isLetter }) {
    case "vsnfd", "nfd", "vsnurfurdendienstgebrauch", "nurfurdendienstgebrauch":
      "VS – NUR FÜR DEN DIENSTGEBRAUCH"
    default: text
    }
  }
}

extension Consultation {
  /// Sets a header value, or with nil removes it: journal first, then the consultation.
  public mutating func setHeader(_ field: HeaderField, to text: String?) throws {
    var value = text.map { String($0.trimmingWhitespace) }
    if let given = value {
      guard given.count <= HeaderError.maximumLength else { throw HeaderError.tooLong(given.count) }
      // Control characters would break lines, files and the print header.
      if let bad = given.first(where: \.hasControlScalar) {
        throw HeaderError.forbiddenCharacter(bad)
      }
      if given.isEmpty { value = nil }
      if field == .einstufung { value = value.map(HeaderField.normalizedMarking) }
    }
    try write(JournalRecord(.header(field: field, text: value)))
    header[field] = value
  }
}
