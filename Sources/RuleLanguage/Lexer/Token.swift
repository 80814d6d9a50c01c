/// The reserved words of the rule language.
public enum Keyword: String, CaseIterable, Sendable {
  case rule, fact, source, when, then
  case and, or, not, `in`, includes, any, all, `is`, known, unknown
  case pattern, factor, suspected, established
  case derive, evidence, assess, recommend, weight, because

  /// Keywords that open a clause of a rule.
  static let clauses: [Keyword] = [.source, .when, .then]
  /// Keywords that open a conclusion.
  static let conclusions: [Keyword] = [.derive, .evidence, .assess, .recommend]
  /// Keywords that open a declaration.
  static let declarations: [Keyword] = [.rule, .fact]

  /// The spellings by their first letter (`a` … `z`): an identifier is compared with the few
  /// keywords that start like it, not with all of them.
  private static let spellings: [[(keyword: Keyword, bytes: [UInt8])]] = (UInt8(ascii: "a")...UInt8(ascii: "z")).map {
    letter in allCases.filter { $0.rawValue.utf8.first == letter }.map { ($0, Array($0.rawValue.utf8)) }
  }

  /// The keyword spelt by `bytes[start..<end]`, compared byte by byte without making a string.
  static func matching(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Keyword? {
    let length = end - start
    guard length >= 2, length <= 11, bytes[start] >= UInt8(ascii: "a"), bytes[start] <= UInt8(ascii: "z") else {
      return nil
    }
    let candidates = spellings[Int(bytes[start] - UInt8(ascii: "a"))]
    search: for (keyword, spelling) in candidates where spelling.count == length {
      for offset in 1..<length where spelling[offset] != bytes[start + offset] { continue search }
      return keyword
    }
    return nil
  }
}

/// What a token is.
public enum TokenKind: Equatable, Sendable {
  case identifier
  case keyword(Keyword)
  case number
  case string
  case leftParen, rightParen, leftBracket, rightBracket, comma
  case equal, notEqual, less, lessEqual, greater, greaterEqual
  case invalid
  case endOfFile
}

/// One token with its byte range and its place on the line.
public struct Token: Sendable {
  public var kind: TokenKind
  public var range: SourceRange
  /// The token is the first on its line.
  public var startsLine: Bool
  /// The token starts in column 1.
  public var atColumnOne: Bool
}
