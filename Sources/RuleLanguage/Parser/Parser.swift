/// Parses rule files. Never throws: it returns what it could parse plus every problem it met.
public struct RuleParser {
  let file: SourceFile
  /// The file's bytes, held once: reading them through `file` for every token would retain and
  /// release the buffer each time, which the runs of one file parsed on several cores all share.
  let bytes: [UInt8]
  /// Tokens are made as the parser needs them: the current one and at most one ahead.
  var lexer: Lexer
  var current: Token
  var lookahead: Token?
  /// Where the token before `current` ended.
  var previousEnd: Int
  var parserDiagnostics: [Diagnostic] = []

  init(file: SourceFile, range: SourceRange? = nil, standalone: Bool = true) {
    var lexer = Lexer(file: file, range: range, standalone: standalone)
    self.file = file
    self.bytes = file.bytes
    self.current = lexer.next()
    self.lexer = lexer
    self.previousEnd = range?.start ?? 0
  }

  /// The lexer's problems first, then the parser's, as they were found.
  var diagnostics: [Diagnostic] { lexer.diagnostics + parserDiagnostics }

  /// Parses a whole rule file.
  public static func parse(_ file: SourceFile) -> (RuleFile, [Diagnostic]) {
    if let offset = file.firstInvalidUTF8Offset { return notUTF8(file, at: offset) }
    var parser = RuleParser(file: file)
    let result = parser.parseFile()
    return (result, parser.diagnostics)
  }

  /// No declarations, and where the file stops being UTF-8.
  static func notUTF8(_ file: SourceFile, at offset: Int) -> (RuleFile, [Diagnostic]) {
    let site = DiagnosticSite(file: file, range: SourceRange(start: offset, end: offset + 1))
    return (RuleFile(file: file, rules: [], facts: []), [Diagnostic(SyntaxMessage.invalidUTF8.message, at: site)])
  }

  /// Parses a condition that stands alone, such as a question's relevance condition in YAML.
  public static func parseCondition(in file: SourceFile, range: SourceRange) -> (
    Condition?, [Diagnostic]
  ) {
    var parser = RuleParser(file: file, range: range)
    let condition = parser.parseOr(after: "relevant")
    if condition != nil, parser.current.kind != .endOfFile {
      parser.report(.unexpectedAfterCondition(parser.currentText, suggestion: nil), at: parser.current.range)
      return (nil, parser.diagnostics)
    }
    if condition == nil, parser.current.kind == .endOfFile, parser.diagnostics.isEmpty {
      parser.report(.expectedCondition(after: "relevant"), at: parser.current.range)
    }
    return (condition, parser.diagnostics)
  }

  // MARK: - Token access

  var currentText: String {
    current.kind == .endOfFile ? "end of file" : file.text(in: current.range)
  }

  func text(of token: Token) -> String {
    String(decoding: bytes[token.range.start..<token.range.end], as: UTF8.self)
  }

  /// The token after `current`.
  mutating func peek() -> Token {
    if let lookahead { return lookahead }
    let next = current.kind == .endOfFile ? current : lexer.next()
    lookahead = next
    return next
  }

  mutating func advance() {
    guard current.kind != .endOfFile else { return }
    previousEnd = current.range.end
    if let next = lookahead {
      current = next
      lookahead = nil
    } else {
      current = lexer.next()
    }
  }

  func isKeyword(_ keyword: Keyword, _ token: Token? = nil) -> Bool {
    (token ?? current).kind == .keyword(keyword)
  }

  mutating func report(_ message: SyntaxMessage, at range: SourceRange) {
    // The lexer has already said what is wrong with a token it rejected.
    if current.kind == .invalid, current.range == range { return }
    parserDiagnostics.append(Diagnostic(message.message, in: file, at: range))
  }

  /// Whether the current token ends the declaration being parsed: the end of the file, or a
  /// token in column 1 that does not continue the declaration.
  var atDeclarationBoundary: Bool {
    let token = current
    if token.kind == .endOfFile { return true }
    guard token.atColumnOne else { return false }
    if case .keyword(let keyword) = token.kind,
      Keyword.clauses.contains(keyword) || Keyword.conclusions.contains(keyword)
    {
      return false
    }
    return true
  }

  // MARK: - Files and declarations

  mutating func parseFile() -> RuleFile {
    var rules: [RuleDeclaration] = []
    var facts: [FactDeclaration] = []
    while current.kind != .endOfFile {
      let token = current
      if isKeyword(.rule) || isKeyword(.fact) {
        if !token.atColumnOne {
          report(.declarationIndented(text(of: token)), at: token.range)
        }
        if isKeyword(.rule) {
          rules.append(parseRule())
        } else if let fact = parseFact() {
          facts.append(fact)
        }
        continue
      }
      if token.kind == .invalid {
        // The lexer has already reported what is wrong with this token.
      } else if case .keyword(let keyword) = token.kind, Keyword.clauses.contains(keyword) {
        report(.clauseNotIndented(keyword.rawValue), at: token.range)
      } else {
        let found = text(of: token)
        let suggestion =
          token.kind == .identifier
          ? Suggestion.closest(to: found, in: Keyword.declarations.map(\.rawValue)) : nil
        report(.expectedDeclaration(found: found, suggestion: suggestion), at: token.range)
      }
      skipToNextDeclaration()
    }
    if rules.isEmpty, facts.isEmpty, diagnostics.isEmpty {
      report(.emptyFile, at: SourceRange(start: 0, end: 0))
    }
    return RuleFile(file: file, rules: rules, facts: facts)
  }

  mutating func skipToNextDeclaration() {
    advance()
    while current.kind != .endOfFile {
      if current.startsLine, isKeyword(.rule) || isKeyword(.fact) { return }
      advance()
    }
  }

  mutating func parseFact() -> FactDeclaration? {
    let keyword = current
    advance()
    guard current.kind == .identifier, !atDeclarationBoundary else {
      report(.expectedId(what: "a fact", after: "fact"), at: current.range)
      skipToNextDeclaration()
      return nil
    }
    let id = Identifier(text(of: current), range: current.range)
    advance()
    var literal: StringLiteral?
    if current.kind == .string, !atDeclarationBoundary {
      literal = stringLiteral(current)
      advance()
    } else {
      report(.expectedFactText, at: current.kind == .endOfFile ? id.range : current.range)
    }
    let end = literal?.range.end ?? id.range.end
    if !atDeclarationBoundary {
      report(.expectedDeclaration(found: currentText, suggestion: nil), at: current.range)
      skipToNextDeclaration()
    }
    return FactDeclaration(id: id, text: literal, range: SourceRange(start: keyword.range.start, end: end))
  }

  func stringLiteral(_ token: Token) -> StringLiteral {
    let inner = (token.range.start + 1)..<max(token.range.start + 1, token.range.end - 1)
    if !bytes[inner].contains(UInt8(ascii: "\\")) {
      return StringLiteral(text: String(decoding: bytes[inner], as: UTF8.self), range: token.range)
    }
    let raw = text(of: token)
    var decoded = ""
    var escaping = false
    for character in raw.dropFirst().dropLast() {
      if escaping {
        decoded.append(character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        decoded.append(character)
      }
    }
    return StringLiteral(text: decoded, range: token.range)
  }

  mutating func number(_ token: Token) -> FixedDecimal? {
    let spelling = text(of: token)
    guard let value = FixedDecimal(parsing: Substring(spelling)) else {
      report(.numberTooPrecise(spelling), at: token.range)
      return nil
    }
    return value
  }
}
