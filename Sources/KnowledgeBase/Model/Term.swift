/// A word that depends on the answers, written `{id}` in texts (such as the Land's name for the staff).
public struct Term: Sendable, Equatable {
  public var id: String
  /// The `choice` question whose answer selects the text.
  public var question: QuestionID
  public var defaultText: String
  /// Texts by option index of the question; options not listed use `defaultText`.
  public var values: [Int: String]
  /// Texts for situations the question alone does not tell apart (the Land's staff name for a
  /// municipality that is not the disaster-protection authority); the first whose condition is
  /// true wins over `values`.
  public var cases: [TermCase] = []

  /// The text for an answer of the question (an option index), or the default.
  public func text(forOption option: Int?) -> String {
    option.flatMap { values[$0] } ?? defaultText
  }
}

/// A term's text under a condition on the answers.
public struct TermCase: Sendable, Equatable {
  public var condition: CompiledCondition
  public var text: String

  public init(condition: CompiledCondition, text: String) {
    self.condition = condition
    self.text = text
  }
}

/// Finds and fills `{term}` placeholders in texts.
public enum Placeholder {
  /// The names of the placeholders in a text, in order.
  public static func names(in text: String) -> [String] {
    guard text.utf8.contains(UInt8(ascii: "{")) else { return [] }
    var names: [String] = []
    var rest = text[...]
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      let name = after[..<close]
      if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }) {
        names.append(String(name))
      }
      rest = after[after.index(after: close)...]
    }
    return names
  }

  /// The text with every known placeholder replaced; unknown ones are left as written.
  public static func fill(_ text: String, _ value: (String) -> String?) -> String {
    guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
    var out = ""
    var rest = text[...]
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let replacement = value(String(after[..<close])) {
        out += replacement
        rest = after[after.index(after: close)...]
      } else {
        out += "{"
        rest = after
      }
    }
    return out + rest
  }
}
