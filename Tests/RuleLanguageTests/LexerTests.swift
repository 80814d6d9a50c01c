import Testing

@testable import RuleLanguage

/// Tokens as `kind:text`, with `|` before a token that starts its line and `^` for column 1.
func tokenDump(_ text: String) -> (tokens: [String], diagnostics: [String]) {
  let file = SourceFile(path: "t.rules", text: text)
  var lexer = Lexer(file: file)
  let tokens = lexer.tokenize().map { token -> String in
    let spelling = file.text(in: token.range)
    let kind: String
    switch token.kind {
    case .identifier: kind = "id:\(spelling)"
    case .keyword(let keyword): kind = keyword.rawValue
    case .number: kind = "num:\(spelling)"
    case .string: kind = "str:\(spelling)"
    case .invalid: kind = "invalid:\(spelling)"
    case .endOfFile: kind = "eof"
    default: kind = spelling
    }
    if token.kind == .endOfFile { return kind }
    return (token.atColumnOne ? "^" : token.startsLine ? "|" : "") + kind
  }
  return (tokens, lexer.diagnostics.map { "\(file.location(of: $0.site.range!.start)) \($0.id)" })
}

@Suite struct LexerTests {
  @Test func tokensOfASmallRule() {
    let (tokens, diagnostics) = tokenDump(
      """
      # Kommentar
      rule lange-lage
        source q1, q2
        when lage.dauer_wochen >= 4 and not (reserve in [keine, gering]) # noch ein Kommentar
        then evidence dauerkrise +3
             recommend pool weight 2.5 because "Grund: \\"zitiert\\""

      """)
    #expect(diagnostics.isEmpty)
    #expect(
      tokens == [
        "^rule", "id:lange-lage",
        "|source", "id:q1", ",", "id:q2",
        "|when", "id:lage.dauer_wochen", ">=", "num:4", "and", "not", "(", "id:reserve", "in", "[", "id:keine", ",",
        "id:gering", "]", ")",
        "|then", "evidence", "id:dauerkrise", "num:+3",
        "|recommend", "id:pool", "weight", "num:2.5", "because", "str:\"Grund: \\\"zitiert\\\"\"",
        "eof",
      ])
  }

  @Test func operators() {
    #expect(tokenDump("= != < <= > >=").tokens == ["^=", "!=", "<", "<=", ">", ">=", "eof"])
  }

  @Test func everyKeywordIsRecognised() {
    let words = Keyword.allCases.map(\.rawValue)
    #expect(tokenDump(words.joined(separator: " ")).tokens == ["^" + words[0]] + words.dropFirst() + ["eof"])
  }

  @Test func idsWithUmlautsDotsAndDashes() {
    #expect(
      tokenDump("x größe.über_1 a-b.c _intern Rules").tokens
        == ["^id:x", "id:größe.über_1", "id:a-b.c", "id:_intern", "id:Rules", "eof"])
  }

  @Test func signedAndDecimalNumbers() {
    #expect(
      tokenDump("0 12 -3 +0.5 2.25 1.234").tokens == [
        "^num:0", "num:12", "num:-3", "num:+0.5", "num:2.25", "num:1.234", "eof",
      ])
  }

  @Test(arguments: [
    ("4wochen", "1:1 invalid-number"),
    ("1.2.3", "1:1 invalid-number"),
    ("4.", "1:1 invalid-number"),
    ("- 3", "1:1 unexpected-character"),
    ("!", "1:1 unexpected-character"),
    ("&", "1:1 unexpected-character"),
    ("x ≥ 4", "1:3 unexpected-character"),
    ("\"offen", "1:1 unterminated-string"),
    ("\"offen\nrule", "1:1 unterminated-string"),
    ("rule r\n\twhen", "2:1 tab-indentation"),
  ])
  func lexicalErrors(_ text: String, _ expected: String) {
    #expect(tokenDump(text).diagnostics == [expected])
  }

  @Test func tabsAfterTheFirstTokenAreSpacing() {
    let (tokens, diagnostics) = tokenDump("rule\tr\n  when\tx")
    #expect(diagnostics.isEmpty)
    #expect(tokens == ["^rule", "id:r", "|when", "id:x", "eof"])
  }

  @Test func windowsLineEndings() {
    let (tokens, diagnostics) = tokenDump("rule r\r\n  source q\r\nfact f \"F\"\r\n")
    #expect(diagnostics.isEmpty)
    #expect(tokens == ["^rule", "id:r", "|source", "id:q", "^fact", "id:f", "str:\"F\"", "eof"])
  }

  @Test func stringEndsAtTheLineEvenAfterABackslash() {
    #expect(tokenDump("\"Grund \\\nweiter\"").diagnostics.first == "1:1 unterminated-string")
  }
}
