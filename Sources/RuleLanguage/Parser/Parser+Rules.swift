extension RuleParser {
  private static let noClauseSeen = [SourceRange?](repeating: nil, count: Keyword.clauses.count)

  mutating func parseRule() -> RuleDeclaration {
    let keyword = current
    advance()
    var id = Identifier("", range: keyword.range)
    if current.kind == .identifier, !atDeclarationBoundary {
      id = Identifier(text(of: current), range: current.range)
      advance()
    } else {
      report(.expectedId(what: "a rule", after: "rule"), at: current.range)
    }
    var sources: [Identifier] = []
    var condition: Condition?
    var conclusions: [Conclusion] = []
    // Where each clause was first seen, in `order`: a fixed triple, not a dictionary per rule.
    var seen: [SourceRange?] = Self.noClauseSeen
    let order = Keyword.clauses
    var end = id.range.end

    while !atDeclarationBoundary {
      let token = current
      guard case .keyword(let clause) = token.kind, order.contains(clause) else {
        let found = text(of: token)
        let suggestion =
          token.kind == .identifier
          ? Suggestion.closest(to: found, in: order.map(\.rawValue)) : nil
        report(.expectedClause(found: found, suggestion: suggestion), at: token.range)
        skipToClause()
        continue
      }
      if token.atColumnOne { report(.clauseNotIndented(clause.rawValue), at: token.range) }
      let position = order.firstIndex(of: clause) ?? 0
      if seen[position] != nil {
        report(.duplicateClause(rule: id.name, clause: clause.rawValue), at: token.range)
      } else if let later = order.indices.dropFirst(position + 1).first(where: { seen[$0] != nil }) {
        report(.clauseOutOfOrder(clause.rawValue, after: order[later].rawValue), at: token.range)
      }
      seen[position] = token.range
      advance()
      switch clause {
      case .source:
        sources += parseSourceList()
      case .when:
        if let parsed = parseOr(after: "when") {
          if atClauseBoundary {
            condition = condition ?? parsed
          } else {
            // A condition followed by something else is not what the author meant: drop it.
            let found = currentText
            let suggestion =
              current.kind == .identifier
              ? Suggestion.closest(to: found, in: ["and", "or", "then"]) : nil
            report(.unexpectedAfterCondition(found, suggestion: suggestion), at: current.range)
            skipToClause()
          }
        } else {
          skipToClause()
        }
      default:
        conclusions += parseConclusions()
      }
      end = max(end, previousEnd)
    }

    for (position, clause) in order.enumerated() where seen[position] == nil {
      report(.missingClause(rule: id.name, clause: clause.rawValue), at: id.range)
    }
    return RuleDeclaration(
      id: id, sources: sources, condition: condition, conclusions: conclusions,
      range: SourceRange(start: keyword.range.start, end: end))
  }

  /// The current token starts a clause or ends the declaration.
  var atClauseBoundary: Bool {
    if atDeclarationBoundary { return true }
    if case .keyword(let keyword) = current.kind, Keyword.clauses.contains(keyword) { return true }
    return false
  }

  mutating func skipToClause() {
    if !atClauseBoundary { advance() }
    while !atClauseBoundary { advance() }
  }

  mutating func parseSourceList() -> [Identifier] {
    var ids: [Identifier] = []
    while true {
      guard current.kind == .identifier, !atDeclarationBoundary else {
        report(.expectedId(what: "a source", after: ids.isEmpty ? "source" : ","), at: current.range)
        skipToClause()
        return ids
      }
      ids.append(Identifier(text(of: current), range: current.range))
      advance()
      guard current.kind == .comma, !atDeclarationBoundary else { break }
      advance()
    }
    if !atClauseBoundary {
      let found = currentText
      let suggestion =
        current.kind == .identifier
        ? Suggestion.closest(to: found, in: [Keyword.when, .then].map(\.rawValue)) : nil
      report(.expectedClause(found: found, suggestion: suggestion), at: current.range)
      skipToClause()
    }
    return ids
  }

  // MARK: - Conclusions

  mutating func parseConclusions() -> [Conclusion] {
    var conclusions: [Conclusion] = []
    if atClauseBoundary {
      report(.expectedConclusion(found: currentText, suggestion: nil), at: current.range)
      return conclusions
    }
    while !atClauseBoundary {
      guard case .keyword(let keyword) = current.kind, Keyword.conclusions.contains(keyword) else {
        let found = currentText
        let suggestion =
          current.kind == .identifier
          ? Suggestion.closest(to: found, in: Keyword.conclusions.map(\.rawValue)) : nil
        report(.expectedConclusion(found: found, suggestion: suggestion), at: current.range)
        skipToConclusion()
        continue
      }
      if let conclusion = parseConclusion(keyword) {
        conclusions.append(conclusion)
      } else {
        skipToConclusion()
      }
    }
    return conclusions
  }

  mutating func skipToConclusion() {
    if !atClauseBoundary { advance() }
    while !atClauseBoundary {
      if case .keyword(let keyword) = current.kind, Keyword.conclusions.contains(keyword) { return }
      advance()
    }
  }

  mutating func parseConclusion(_ keyword: Keyword) -> Conclusion? {
    let start = current.range.start
    advance()
    let what: String
    switch keyword {
    case .derive: what = "a fact"
    case .evidence: what = "a pattern"
    case .assess: what = "a factor"
    default: what = "a measure"
    }
    guard current.kind == .identifier, !atDeclarationBoundary else {
      report(.expectedId(what: what, after: keyword.rawValue), at: current.range)
      return nil
    }
    let target = Identifier(text(of: current), range: current.range)
    advance()
    let kind: ConclusionKind
    switch keyword {
    case .derive:
      kind = .derive(target)
    case .evidence:
      guard current.kind == .number, !atDeclarationBoundary else {
        report(.expectedPoints, at: current.range)
        return nil
      }
      guard let points = number(current) else { return nil }
      advance()
      kind = .evidence(target, points: points)
    case .assess:
      guard current.kind == .identifier, !atDeclarationBoundary else {
        report(.expectedLevel(after: target.name), at: current.range)
        return nil
      }
      kind = .assess(target, level: Identifier(text(of: current), range: current.range))
      advance()
    default:
      guard isKeyword(.weight), !atDeclarationBoundary else {
        report(.expectedWeight, at: current.range)
        return nil
      }
      advance()
      guard current.kind == .number, !atDeclarationBoundary else {
        report(.expectedWeight, at: current.range)
        return nil
      }
      guard let weight = number(current) else { return nil }
      advance()
      kind = .recommend(target, weight: weight)
    }
    var reason: StringLiteral?
    if isKeyword(.because), !atDeclarationBoundary {
      advance()
      guard current.kind == .string, !atDeclarationBoundary else {
        report(.expectedReason, at: current.range)
        return nil
      }
      reason = stringLiteral(current)
      advance()
    }
    if case .recommend(let measure, _) = kind, reason == nil {
      report(.missingReason(measure: measure.name), at: measure.range)
    }
    let end = previousEnd
    return Conclusion(kind: kind, reason: reason, range: SourceRange(start: start, end: end))
  }
}
