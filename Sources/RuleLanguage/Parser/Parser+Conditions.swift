extension RuleParser {
  /// The token ends a condition: a clause keyword, `then`, a new declaration or the end.
  var atConditionEnd: Bool {
    if atDeclarationBoundary { return true }
    if case .keyword(let keyword) = current.kind,
      Keyword.clauses.contains(keyword) || Keyword.conclusions.contains(keyword)
    {
      return true
    }
    return false
  }

  mutating func parseOr(after previous: String) -> Condition? {
    guard var lhs = parseAnd(after: previous) else { return nil }
    while isKeyword(.or), !atDeclarationBoundary {
      advance()
      guard let rhs = parseAnd(after: "or") else { return nil }
      lhs = .or(lhs, rhs)
    }
    return lhs
  }

  mutating func parseAnd(after previous: String) -> Condition? {
    guard var lhs = parseNot(after: previous) else { return nil }
    while isKeyword(.and), !atDeclarationBoundary {
      advance()
      guard let rhs = parseNot(after: "and") else { return nil }
      lhs = .and(lhs, rhs)
    }
    return lhs
  }

  mutating func parseNot(after previous: String) -> Condition? {
    if isKeyword(.not), !atDeclarationBoundary {
      let start = current.range.start
      advance()
      guard let inner = parseNot(after: "not") else { return nil }
      return .not(inner, range: SourceRange(start: start, end: inner.range.end))
    }
    return parsePrimary(after: previous)
  }

  mutating func parsePrimary(after previous: String) -> Condition? {
    if atConditionEnd || current.kind == .rightParen {
      report(.expectedCondition(after: previous), at: current.range)
      return nil
    }
    let token = current
    switch token.kind {
    case .leftParen:
      advance()
      guard let inner = parseOr(after: "(") else { return nil }
      guard current.kind == .rightParen, !atDeclarationBoundary else {
        report(.expectedParenClose, at: current.range)
        return nil
      }
      advance()
      return inner
    case .keyword(.pattern):
      advance()
      guard let id = expectIdentifier(what: "a pattern", after: "pattern") else { return nil }
      let state: PatternStateTest
      if isKeyword(.suspected) {
        state = .suspected
      } else if isKeyword(.established) {
        state = .established
      } else {
        report(.expectedPatternState, at: current.range)
        return nil
      }
      let end = current.range.end
      advance()
      return .pattern(id, state, range: SourceRange(start: token.range.start, end: end))
    case .keyword(.factor):
      advance()
      guard let id = expectIdentifier(what: "a factor", after: "factor") else { return nil }
      return parseFactorTest(id, start: token.range.start)
    case .identifier:
      let id = Identifier(text(of: token), range: token.range)
      advance()
      return parseQuestionTest(id)
    default:
      report(.expectedCondition(after: previous), at: token.range)
      return nil
    }
  }

  mutating func peekIsIn() -> Bool {
    peek().kind == .keyword(.in)
  }

  mutating func expectIdentifier(what: String, after: String) -> Identifier? {
    guard current.kind == .identifier, !atDeclarationBoundary else {
      report(.expectedId(what: what, after: after), at: current.range)
      return nil
    }
    let id = Identifier(text(of: current), range: current.range)
    advance()
    return id
  }

  func comparisonOperator(_ token: Token) -> ComparisonOperator? {
    switch token.kind {
    case .equal: .equal
    case .notEqual: .notEqual
    case .less: .less
    case .lessEqual: .lessEqual
    case .greater: .greater
    case .greaterEqual: .greaterEqual
    default: nil
    }
  }

  mutating func parseQuestionTest(_ id: Identifier) -> Condition? {
    let start = id.range.start
    if let op = comparisonOperator(current), !atDeclarationBoundary {
      let opText = text(of: current)
      advance()
      guard let value = parseLiteral(after: opText) else { return nil }
      return .compare(id, op, value, range: SourceRange(start: start, end: value.range.end))
    }
    if isKeyword(.not), peekIsIn(), !atDeclarationBoundary {
      advance()
      advance()
      guard let (values, end) = parseLiteralList(after: "not in") else { return nil }
      return .membership(id, negated: true, values, range: SourceRange(start: start, end: end))
    }
    if isKeyword(.in), !atDeclarationBoundary {
      advance()
      guard let (values, end) = parseLiteralList(after: "in") else { return nil }
      return .membership(id, negated: false, values, range: SourceRange(start: start, end: end))
    }
    if isKeyword(.includes), !atDeclarationBoundary {
      advance()
      if isKeyword(.any) || isKeyword(.all) {
        let mode: InclusionMode = isKeyword(.any) ? .any : .all
        advance()
        guard let (values, end) = parseLiteralList(after: mode.rawValue) else { return nil }
        return .includes(id, mode, values, range: SourceRange(start: start, end: end))
      }
      guard let value = parseLiteral(after: "includes") else { return nil }
      return .includes(id, .one, [value], range: SourceRange(start: start, end: value.range.end))
    }
    if isKeyword(.is), !atDeclarationBoundary {
      advance()
      guard isKeyword(.known) || isKeyword(.unknown), !atDeclarationBoundary else {
        report(.expectedKnownOrUnknown, at: current.range)
        return nil
      }
      let known = isKeyword(.known)
      let end = current.range.end
      advance()
      return .answered(id, known: known, range: SourceRange(start: start, end: end))
    }
    switch current.kind {
    case .identifier, .number, .string, .leftBracket, .invalid:
      if !atDeclarationBoundary {
        report(.expectedComparison(after: id.name), at: current.range)
        return nil
      }
    default:
      break
    }
    return .fact(id)
  }

  mutating func parseFactorTest(_ id: Identifier, start: Int) -> Condition? {
    if let op = comparisonOperator(current), !atDeclarationBoundary {
      let opText = text(of: current)
      advance()
      guard let level = expectLevel(after: opText) else { return nil }
      return .factorCompare(id, op, level, range: SourceRange(start: start, end: level.range.end))
    }
    var negated = false
    if isKeyword(.not), peekIsIn(), !atDeclarationBoundary {
      negated = true
      advance()
    }
    guard isKeyword(.in), !atDeclarationBoundary else {
      report(.expectedComparison(after: id.name), at: current.range)
      return nil
    }
    advance()
    guard let (values, end) = parseLiteralList(after: negated ? "not in" : "in") else {
      return nil
    }
    var levels: [Identifier] = []
    for value in values {
      guard case .symbol(let name, let range) = value else {
        report(.expectedLevel(after: "["), at: value.range)
        return nil
      }
      levels.append(Identifier(name, range: range))
    }
    return .factorMembership(id, negated: negated, levels, range: SourceRange(start: start, end: end))
  }

  mutating func expectLevel(after previous: String) -> Identifier? {
    guard current.kind == .identifier, !atDeclarationBoundary else {
      report(.expectedLevel(after: previous), at: current.range)
      return nil
    }
    let level = Identifier(text(of: current), range: current.range)
    advance()
    return level
  }

  mutating func parseLiteral(after previous: String) -> Literal? {
    guard !atDeclarationBoundary else {
      report(.expectedValue(after: previous), at: current.range)
      return nil
    }
    let token = current
    switch token.kind {
    case .number:
      guard let value = number(token) else { return nil }
      advance()
      return .number(value, token.range)
    case .identifier:
      advance()
      return .symbol(text(of: token), token.range)
    default:
      report(.expectedValue(after: previous), at: token.range)
      return nil
    }
  }

  mutating func parseLiteralList(after previous: String) -> ([Literal], end: Int)? {
    guard current.kind == .leftBracket, !atDeclarationBoundary else {
      report(.expectedListOpen(after: previous), at: current.range)
      return nil
    }
    advance()
    var values: [Literal] = []
    while true {
      guard let value = parseLiteral(after: values.isEmpty ? "[" : ",") else { return nil }
      values.append(value)
      if current.kind == .comma, !atDeclarationBoundary {
        advance()
        continue
      }
      guard current.kind == .rightBracket, !atDeclarationBoundary else {
        report(.expectedListClose, at: current.range)
        return nil
      }
      let end = current.range.end
      advance()
      return (values, end)
    }
  }
}
