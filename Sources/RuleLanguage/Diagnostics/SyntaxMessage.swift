/// Every message the rule-language lexer and parser can report, in alphabetical order.
public enum SyntaxMessage: Sendable {
  case clauseNotIndented(String)
  case clauseOutOfOrder(String, after: String)
  case declarationIndented(String)
  case duplicateClause(rule: String, clause: String)
  case emptyFile
  case expectedClause(found: String, suggestion: String?)
  case expectedComparison(after: String)
  case expectedCondition(after: String)
  case expectedConclusion(found: String, suggestion: String?)
  case expectedDeclaration(found: String, suggestion: String?)
  case expectedFactText
  case expectedId(what: String, after: String)
  case expectedKnownOrUnknown
  case expectedLevel(after: String)
  case expectedListOpen(after: String)
  case expectedListClose
  case expectedParenClose
  case expectedPatternState
  case expectedPoints
  case expectedReason
  case expectedValue(after: String)
  case expectedWeight
  case invalidNumber(String)
  case invalidUTF8
  case missingClause(rule: String, clause: String)
  case missingReason(measure: String)
  case numberTooPrecise(String)
  case tabIndentation
  case unexpectedAfterCondition(String, suggestion: String?)
  case unexpectedCharacter(String)
  case unterminatedString

  public var message: DiagnosticMessage {
    switch self {
    case .clauseNotIndented(let clause):
      DiagnosticMessage(
        "clause-not-indented", .error, "'\(clause)' must be indented under its rule")
    case .clauseOutOfOrder(let clause, let after):
      DiagnosticMessage(
        "clause-out-of-order", .error, "'\(clause)' must come before '\(after)'")
    case .declarationIndented(let keyword):
      DiagnosticMessage(
        "declaration-indented", .error, "'\(keyword)' must start in column 1")
    case .duplicateClause(let rule, let clause):
      DiagnosticMessage(
        "duplicate-clause", .error, "rule '\(rule)' has more than one '\(clause)' clause")
    case .emptyFile:
      DiagnosticMessage("empty-file", .warning, "file contains no rules or facts")
    case .expectedClause(let found, let suggestion):
      DiagnosticMessage(
        "expected-clause", .error,
        "expected 'source', 'when' or 'then', found '\(found)'" + hint(suggestion))
    case .expectedComparison(let after):
      DiagnosticMessage(
        "expected-comparison", .error,
        "expected a comparison after '\(after)' ('=', '!=', '<', 'in', 'includes', 'is known' …)")
    case .expectedCondition(let after):
      DiagnosticMessage("expected-condition", .error, "expected a condition after '\(after)'")
    case .expectedConclusion(let found, let suggestion):
      DiagnosticMessage(
        "expected-conclusion", .error,
        "expected 'derive', 'evidence', 'assess' or 'recommend', found '\(found)'"
          + hint(suggestion))
    case .expectedDeclaration(let found, let suggestion):
      DiagnosticMessage(
        "expected-declaration", .error,
        "expected 'rule' or 'fact' in column 1, found '\(found)'" + hint(suggestion))
    case .expectedFactText:
      DiagnosticMessage(
        "expected-fact-text", .error, "expected the fact's text in double quotes after its id")
    case .expectedId(let what, let after):
      DiagnosticMessage("expected-id", .error, "expected \(what) id after '\(after)'")
    case .expectedKnownOrUnknown:
      DiagnosticMessage(
        "expected-known-or-unknown", .error, "expected 'known' or 'unknown' after 'is'")
    case .expectedLevel(let after):
      DiagnosticMessage("expected-level", .error, "expected a factor level after '\(after)'")
    case .expectedListOpen(let after):
      DiagnosticMessage(
        "expected-list", .error, "expected '[' to start a list of values after '\(after)'")
    case .expectedListClose:
      DiagnosticMessage(
        "expected-list-close", .error, "expected ',' or ']' in a list of values")
    case .expectedParenClose:
      DiagnosticMessage("expected-paren-close", .error, "expected ')' to close '('")
    case .expectedPatternState:
      DiagnosticMessage(
        "expected-pattern-state", .error,
        "expected 'suspected' or 'established' after the pattern id")
    case .expectedPoints:
      DiagnosticMessage(
        "expected-points", .error, "expected points such as '+3' or '-2' after the pattern id")
    case .expectedReason:
      DiagnosticMessage(
        "expected-reason", .error, "expected a reason in double quotes after 'because'")
    case .expectedValue(let after):
      DiagnosticMessage("expected-value", .error, "expected a value after '\(after)'")
    case .expectedWeight:
      DiagnosticMessage(
        "expected-weight", .error, "expected 'weight' and a number after the measure id")
    case .invalidNumber(let text):
      DiagnosticMessage("invalid-number", .error, "invalid number '\(text)'")
    case .invalidUTF8:
      DiagnosticMessage("invalid-utf8", .error, "file is not valid UTF-8 text")
    case .missingClause(let rule, let clause):
      DiagnosticMessage(
        "missing-clause", .error, "rule '\(rule)' has no '\(clause)' clause")
    case .missingReason(let measure):
      DiagnosticMessage(
        "missing-reason", .error,
        "recommendation of '\(measure)' needs a reason: add 'because \"…\"'")
    case .numberTooPrecise(let text):
      DiagnosticMessage(
        "number-too-precise", .error,
        "number '\(text)' has more than two decimal places or is too large")
    case .tabIndentation:
      DiagnosticMessage(
        "tab-indentation", .error, "tabs are not allowed for indentation; indent with spaces")
    case .unexpectedAfterCondition(let found, let suggestion):
      DiagnosticMessage(
        "unexpected-token", .error,
        "unexpected '\(found)'; expected 'and', 'or' or 'then'" + hint(suggestion))
    case .unexpectedCharacter(let character):
      DiagnosticMessage("unexpected-character", .error, "unexpected character '\(character)'")
    case .unterminatedString:
      DiagnosticMessage(
        "unterminated-string", .error,
        "unterminated string; a string must end with '\"' on the same line")
    }
  }

  private func hint(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }
}
