import RuleLanguage

/// Resolves and type-checks conditions against the declared questions, facts, patterns and factors.
struct ConditionCompiler: Sendable {
  /// Read in place, never copied: runs of rules compile on several cores, and a copy of a
  /// question would retain its texts and options, shared by all of them, once per condition.
  let questions: Table<Question>
  let questionTable: SymbolTable
  let factTable: SymbolTable
  let patternTable: SymbolTable
  let factorTable: SymbolTable
  let levelTable: SymbolTable
  var diagnostics: [Diagnostic] = []

  private mutating func report(_ message: KnowledgeMessage, _ file: SourceFile, _ range: SourceRange) {
    diagnostics.append(Diagnostic(message.message, in: file, at: range))
  }

  /// The compiled condition, or nil after reporting every problem in it.
  mutating func compile(_ condition: Condition, in file: SourceFile) -> CompiledCondition? {
    switch condition {
    case .and(let lhs, let rhs):
      let (a, b) = (compile(lhs, in: file), compile(rhs, in: file))
      guard let a, let b else { return nil }
      return .and(flatten(a, and: true) + flatten(b, and: true))
    case .or(let lhs, let rhs):
      let (a, b) = (compile(lhs, in: file), compile(rhs, in: file))
      guard let a, let b else { return nil }
      return .or(flatten(a, and: false) + flatten(b, and: false))
    case .not(let inner, _):
      return compile(inner, in: file).map { .not($0) }
    case .fact(let id):
      if let fact = factTable[id.name] { return .fact(ID(fact)) }
      if questionTable[id.name] != nil {
        report(.questionAsFact(id.name), file, id.range)
      } else {
        report(unknown(.fact, id.name, among: [factTable, questionTable]), file, id.range)
      }
      return nil
    case .pattern(let id, let state, _):
      guard let pattern = resolve(id, patternTable, file) else { return nil }
      return .pattern(ID(pattern), state)
    case .factorCompare(let id, let op, let level, _):
      let factor = resolve(id, factorTable, file)
      guard let levelIndex = resolve(level, levelTable, file), let factor else { return nil }
      var mask: UInt64 = 0
      for index in levelTable.names.indices where op.holds(index, levelIndex) {
        mask |= 1 << UInt64(index)
      }
      return .factor(ID(factor), levels: mask)
    case .factorMembership(let id, let negated, let levels, _):
      let factor = resolve(id, factorTable, file)
      var mask: UInt64 = 0
      var valid = factor != nil
      for level in levels {
        if let index = resolve(level, levelTable, file) { mask |= 1 << UInt64(index) } else { valid = false }
      }
      guard valid, let factor else { return nil }
      if negated { mask = ~mask & Self.allBits(levelTable.names.count) }
      return .factor(ID(factor), levels: mask)
    case .answered(let id, let known, _):
      guard let question = question(id, file) else { return nil }
      return .answered(question: question, known: known)
    case .compare(let id, let op, let literal, _):
      guard let index = question(id, file) else { return nil }
      let type = questions[index].type
      switch type {
      case .yesno, .choice:
        guard !op.isOrdering else {
          report(
            .comparisonNotAllowed(
              op: op.rawValue, question: questions[index].id, type: type.rawValue, use: "'=', '!=' or 'in'"),
            file, condition.range)
          return nil
        }
        guard let mask = options([literal], of: index, file) else { return nil }
        return .option(question: index, options: mask, negated: op == .notEqual)
      case .multi:
        report(
          .comparisonNotAllowed(
            op: op.rawValue, question: questions[index].id, type: "multi",
            use: "'includes', 'includes any' or 'includes all'"),
          file, condition.range)
        return nil
      case .number, .scale:
        guard let value = number(literal, of: index, file) else { return nil }
        return .number(question: index, op, value)
      }
    case .membership(let id, let negated, let literals, _):
      guard let index = question(id, file) else { return nil }
      let type = questions[index].type
      guard type == .choice || type == .yesno else {
        let use = type == .multi ? "'includes any'" : "'=', '<', '<=', '>' or '>='"
        report(
          .comparisonNotAllowed(
            op: negated ? "not in" : "in", question: questions[index].id, type: type.rawValue, use: use),
          file, condition.range)
        return nil
      }
      guard let mask = options(literals, of: index, file) else { return nil }
      return .option(question: index, options: mask, negated: negated)
    case .includes(let id, let mode, let literals, _):
      guard let index = question(id, file) else { return nil }
      let type = questions[index].type
      guard type == .multi else {
        let use = type == .number || type == .scale ? "'=', '<', '<=', '>' or '>='" : "'=' or 'in'"
        report(
          .comparisonNotAllowed(op: "includes", question: questions[index].id, type: type.rawValue, use: use),
          file, condition.range)
        return nil
      }
      guard let mask = options(literals, of: index, file) else { return nil }
      return .includes(question: index, mode, options: mask)
    }
  }

  static func allBits(_ count: Int) -> UInt64 {
    count >= 64 ? ~0 : (1 << UInt64(count)) - 1
  }

  private func flatten(_ condition: CompiledCondition, and: Bool) -> [CompiledCondition] {
    switch condition {
    case .and(let parts) where and: parts
    case .or(let parts) where !and: parts
    default: [condition]
    }
  }

  private func unknown(_ kind: EntityKind, _ name: String, among tables: [SymbolTable]) -> KnowledgeMessage {
    let candidates = tables.flatMap(\.names)
    return .unknownReference(kind: kind.rawValue, name, suggestion: Suggestion.closest(to: name, in: candidates))
  }

  private mutating func resolve(_ id: Identifier, _ table: SymbolTable, _ file: SourceFile) -> Int? {
    if let index = table[id.name] { return index }
    report(
      .unknownReference(kind: table.kind.rawValue, id.name, suggestion: table.suggestion(for: id.name)), file, id.range)
    return nil
  }

  private mutating func question(_ id: Identifier, _ file: SourceFile) -> QuestionID? {
    if let index = questionTable[id.name] { return ID(index) }
    if factTable[id.name] != nil {
      report(.factAsQuestion(id.name), file, id.range)
    } else {
      report(unknown(.question, id.name, among: [questionTable, factTable]), file, id.range)
    }
    return nil
  }

  private mutating func options(_ literals: [Literal], of question: QuestionID, _ file: SourceFile) -> UInt64? {
    var mask: UInt64 = 0
    var valid = true
    for literal in literals {
      guard case .symbol(let name, _) = literal, let index = questions[question].optionIndex(name) else {
        let allowed = questions[question].options.map(\.id)
        report(
          .valueNotAllowed(
            literal.spelling, question: questions[question].id, allowed: allowed,
            suggestion: Suggestion.closest(to: literal.spelling, in: allowed)),
          file, literal.range)
        valid = false
        continue
      }
      mask |= 1 << UInt64(index)
    }
    return valid ? mask : nil
  }

  private mutating func number(_ literal: Literal, of question: QuestionID, _ file: SourceFile) -> FixedDecimal? {
    guard case .number(let value, let range) = literal else {
      report(.numberExpected(question: questions[question].id, found: literal.spelling), file, literal.range)
      return nil
    }
    if let minimum = questions[question].minimum, let maximum = questions[question].maximum,
      value < minimum || value > maximum
    {
      report(
        .valueOutOfRange(
          value.description, question: questions[question].id, min: minimum.description, max: maximum.description),
        file, range)
      return nil
    }
    if questions[question].type == .scale, !value.isWhole {
      report(.expectedWholeNumber("the scale question '\(questions[question].id)'"), file, range)
      return nil
    }
    return value
  }
}
