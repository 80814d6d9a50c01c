/// Splits a rule file into tokens, reporting bad characters, strings and indentation as it goes.
struct Lexer {
  let file: SourceFile
  private let bytes: [UInt8]
  private var index: Int
  private let end: Int
  private var lineStart: Int
  private var tokenOnLine = false
  /// A condition lexed on its own (from YAML) has no declarations, so no token is in column 1.
  private let standalone: Bool
  private(set) var diagnostics: [Diagnostic] = []

  /// Lexes `range` of the file, or all of it. A standalone range is a condition on its own; a
  /// range that is not standalone starts at a line of the file, as a run of declarations does.
  init(file: SourceFile, range: SourceRange? = nil, standalone: Bool = true) {
    self.file = file
    self.bytes = file.bytes
    self.index = range?.start ?? 0
    self.end = range?.end ?? file.bytes.count
    self.lineStart = index
    self.standalone = range != nil && standalone
  }

  /// All tokens up to and including `endOfFile` (the parser takes them one by one instead).
  mutating func tokenize() -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity((end - index) / 5 + 1)
    while true {
      let token = next()
      tokens.append(token)
      if token.kind == .endOfFile { return tokens }
    }
  }

  private mutating func report(_ message: DiagnosticMessage, _ start: Int, _ stop: Int) {
    diagnostics.append(Diagnostic(message, in: file, at: SourceRange(start: start, end: stop)))
  }

  private mutating func skipTrivia() {
    while index < end {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\n"):
        index += 1
        lineStart = index
        tokenOnLine = false
      case UInt8(ascii: " "), UInt8(ascii: "\r"):
        index += 1
      case UInt8(ascii: "\t"):
        if !tokenOnLine {
          report(SyntaxMessage.tabIndentation.message, index, index + 1)
        }
        index += 1
      case UInt8(ascii: "#"):
        while index < end, bytes[index] != UInt8(ascii: "\n") { index += 1 }
      default:
        return
      }
    }
  }

  mutating func next() -> Token {
    skipTrivia()
    let start = index
    let startsLine = !tokenOnLine
    let atColumnOne = !standalone && start == lineStart
    func make(_ kind: TokenKind, _ stop: Int) -> Token {
      Token(
        kind: kind, range: SourceRange(start: start, end: stop), startsLine: startsLine,
        atColumnOne: atColumnOne)
    }
    guard index < end else { return make(.endOfFile, end) }
    tokenOnLine = true
    let byte = bytes[index]
    switch byte {
    case UInt8(ascii: "("):
      index += 1
      return make(.leftParen, index)
    case UInt8(ascii: ")"):
      index += 1
      return make(.rightParen, index)
    case UInt8(ascii: "["):
      index += 1
      return make(.leftBracket, index)
    case UInt8(ascii: "]"):
      index += 1
      return make(.rightBracket, index)
    case UInt8(ascii: ","):
      index += 1
      return make(.comma, index)
    case UInt8(ascii: "="):
      index += 1
      if index < end, bytes[index] == UInt8(ascii: "=") { index += 1 }
      return make(.equal, index)
    case UInt8(ascii: "!"):
      index += 1
      if index < end, bytes[index] == UInt8(ascii: "=") {
        index += 1
        return make(.notEqual, index)
      }
      report(SyntaxMessage.unexpectedCharacter("!").message, start, index)
      return make(.invalid, index)
    case UInt8(ascii: "<"):
      index += 1
      if index < end, bytes[index] == UInt8(ascii: "=") {
        index += 1
        return make(.lessEqual, index)
      }
      return make(.less, index)
    case UInt8(ascii: ">"):
      index += 1
      if index < end, bytes[index] == UInt8(ascii: "=") {
        index += 1
        return make(.greaterEqual, index)
      }
      return make(.greater, index)
    case UInt8(ascii: "\""):
      return make(lexString(), index)
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return make(lexNumber(), index)
    default:
      if isIdentifierStart(at: index) {
        lexIdentifierBody()
        if let keyword = Keyword.matching(bytes, start, index) { return make(.keyword(keyword), index) }
        return make(.identifier, index)
      }
      let scalarEnd = scalarEnd(at: index)
      let character = file.text(in: SourceRange(start: start, end: scalarEnd))
      index = scalarEnd
      report(SyntaxMessage.unexpectedCharacter(character).message, start, index)
      return make(.invalid, index)
    }
  }

  private mutating func lexString() -> TokenKind {
    let start = index
    index += 1
    while index < end {
      switch bytes[index] {
      case UInt8(ascii: "\""):
        index += 1
        return .string
      case UInt8(ascii: "\\"):
        // An escape never swallows the line break: strings end on their line.
        let next = index + 1
        index = next < end && bytes[next] != UInt8(ascii: "\n") ? index + 2 : next
      case UInt8(ascii: "\n"):
        report(SyntaxMessage.unterminatedString.message, start, index)
        return .invalid
      default:
        index += 1
      }
    }
    report(SyntaxMessage.unterminatedString.message, start, index)
    return .invalid
  }

  private mutating func lexNumber() -> TokenKind {
    let start = index
    if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
      index += 1
      guard index < end, isDigit(bytes[index]) else {
        report(SyntaxMessage.unexpectedCharacter(String(UnicodeScalar(bytes[start]))).message, start, index)
        return .invalid
      }
    }
    while index < end, isDigit(bytes[index]) { index += 1 }
    if index + 1 < end, bytes[index] == UInt8(ascii: "."), isDigit(bytes[index + 1]) {
      index += 1
      while index < end, isDigit(bytes[index]) { index += 1 }
    }
    if index < end, isIdentifierStart(at: index) || bytes[index] == UInt8(ascii: ".") {
      lexIdentifierBody()
      report(
        SyntaxMessage.invalidNumber(file.text(in: SourceRange(start: start, end: index))).message,
        start, index)
      return .invalid
    }
    return .number
  }

  private mutating func lexIdentifierBody() {
    while index < end {
      let byte = bytes[index]
      // ASCII, nearly every byte of a rule file, by one bit test; other scalars by their properties.
      if byte < 0x80 {
        guard Self.isASCII(byte, in: Self.identifierBody) else { return }
        index += 1
      } else if isIdentifierStart(at: index) {
        index = scalarEnd(at: index)
      } else {
        return
      }
    }
  }

  /// ASCII letters and `_`, as bits 0–127 of two words.
  private static let identifierStart: (UInt64, UInt64) = (0, 0x07FF_FFFE_87FF_FFFE)
  /// What may follow in an identifier: letters, digits and `_`, `-`, `.`.
  private static let identifierBody: (UInt64, UInt64) = (0x03FF_6000_0000_0000, 0x07FF_FFFE_87FF_FFFE)

  private static func isASCII(_ byte: UInt8, in set: (UInt64, UInt64)) -> Bool {
    let word = byte < 64 ? set.0 : set.1
    return word >> UInt64(byte & 63) & 1 == 1
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private func isIdentifierStart(at position: Int) -> Bool {
    let byte = bytes[position]
    if byte < 0x80 { return Self.isASCII(byte, in: Self.identifierStart) }
    guard let scalar = decodeScalar(at: position) else { return false }
    return scalar.properties.isAlphabetic
  }

  private func scalarEnd(at position: Int) -> Int {
    var stop = position + 1
    while stop < end, bytes[stop] & 0xC0 == 0x80 { stop += 1 }
    return stop
  }

  private func decodeScalar(at position: Int) -> Unicode.Scalar? {
    let stop = scalarEnd(at: position)
    return String(decoding: bytes[position..<stop], as: UTF8.self).unicodeScalars.first
  }
}
