import KnowledgeBase

/// What may be written at the cursor, worked out from the text before it.
enum CompletionContext: Equatable {
  case ids([SymbolKind])
  /// The answer values of a question.
  case values(question: String)
  /// Ids that may start a test in a condition, and the keywords that may too.
  case condition
  case keywords([String])
  case nothing

  // MARK: - Rule language

  /// The context in rule text; `tokens` are the tokens before the id being typed.
  static func rules(_ tokens: [String]) -> CompletionContext {
    guard let last = tokens.last else { return .keywords(["rule", "fact"]) }
    let previous = tokens.count >= 2 ? tokens[tokens.count - 2] : nil
    switch last {
    case "source": return .ids([.source])
    case "derive": return .ids([.fact])
    case "evidence", "pattern": return .ids([.pattern])
    case "assess", "factor": return .ids([.factor])
    case "recommend": return .ids([.measure])
    case "when", "and", "or", "not", "(": return .condition
    case "rule", "fact", "because", "weight": return .nothing
    default: break
    }
    if previous == "assess" { return .ids([.level]) }
    if previous == "pattern" { return .keywords(["suspected", "established"]) }
    if ["=", "!=", "<", "<=", ">", ">="].contains(last), let subject = previous {
      if tokens.count >= 3, tokens[tokens.count - 3] == "factor" { return .ids([.level]) }
      return .values(question: subject)
    }
    if last == "[" || last == "," {
      if let bracket = openBracket(tokens) {
        // `q in [`, `q not in [`, `q includes any [`, `factor f in [`
        var subject = bracket - 1
        while subject >= 0, ["in", "not", "includes", "any", "all"].contains(tokens[subject]) { subject -= 1 }
        guard subject >= 0 else { return .nothing }
        if subject >= 1, tokens[subject - 1] == "factor" { return .ids([.level]) }
        return .values(question: tokens[subject])
      }
      // A comma outside brackets continues the list of sources.
      if last == "," { return clause(tokens) == "source" ? .ids([.source]) : .nothing }
    }
    if last == "includes" || last == "in" { return .nothing }
    return .keywords(["and", "or", "then", "because", "rule", "fact"])
  }

  /// The index of the `[` that is still open at the end of `tokens`.
  private static func openBracket(_ tokens: [String]) -> Int? {
    var depth = 0
    for index in tokens.indices.reversed() {
      switch tokens[index] {
      case "]": depth += 1
      case "[":
        if depth == 0 { return index }
        depth -= 1
      case "rule", "then", "when", "source": return nil
      default: continue
      }
    }
    return nil
  }

  /// The clause keyword the cursor stands in.
  private static func clause(_ tokens: [String]) -> String? {
    tokens.last { ["source", "when", "then", "rule", "fact"].contains($0) }
  }

  /// Tokens of rule text: ids and numbers as words, operators and brackets on their own; strings
  /// and comments are skipped.
  static func tokens(_ text: Substring) -> [String] {
    var tokens: [String] = []
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "#" {
        while index < text.endIndex, text[index] != "\n" { index = text.index(after: index) }
      } else if character == "\"" {
        index = text.index(after: index)
        while index < text.endIndex, text[index] != "\"" { index = text.index(after: index) }
        if index < text.endIndex { index = text.index(after: index) }
      } else if character.isWhitespace {
        index = text.index(after: index)
      } else if "[](),".contains(character) {
        tokens.append(String(character))
        index = text.index(after: index)
      } else if "=!<>".contains(character) {
        var end = text.index(after: index)
        if end < text.endIndex, text[end] == "=" { end = text.index(after: end) }
        tokens.append(String(text[index..<end]))
        index = end
      } else {
        var end = index
        while end < text.endIndex, !isBoundary(text[end]) { end = text.index(after: end) }
        if end == index { end = text.index(after: index) }
        tokens.append(String(text[index..<end]))
        index = end
      }
    }
    return tokens
  }

  private static func isBoundary(_ character: Character) -> Bool {
    character.isWhitespace || "[](),=!<>\"#".contains(character)
  }

  // MARK: - Test scripts

  /// The context in a test script or case file; `words` are the line's words before the id.
  static func script(_ words: [String]) -> CompletionContext {
    guard let first = words.first else { return .nothing }
    switch (first, words.count) {
    case ("set", 1): return .ids([.question])
    case ("set", _) where words.count >= 3 && words[2] == "=": return .values(question: words[1])
    case ("expect", 1): return .keywords(["recommend", "not", "top", "factor", "pattern", "output"])
    case ("expect", 2) where words[1] == "recommend": return .ids([.measure])
    case ("expect", 2) where words[1] == "not": return .keywords(["recommend"])
    case ("expect", 3) where words[1] == "not" && words[2] == "recommend": return .ids([.measure])
    case ("expect", 3) where words[1] == "top": return .ids([.measure])
    case ("expect", 2) where words[1] == "factor": return .ids([.factor])
    case ("expect", 3) where words[1] == "factor": return .ids([.level])
    case ("expect", 2) where words[1] == "pattern": return .ids([.pattern])
    case ("main", 1), ("pattern", 1): return .ids([.pattern])
    case ("zeige", 1), ("wie", 1), ("warum", 1), ("warumnicht", 1), ("entscheide", 1):
      return .ids([.measure, .pattern, .factor])
    case ("full", _), ("partial", _), ("mustnot", _): return .ids([.measure])
    default: return .nothing
    }
  }

  // MARK: - Knowledge YAML

  /// The context in a knowledge or exercise file, from the text before the id on its line and the
  /// lines above it.
  static func yaml(linePrefix: String, linesAbove: [Substring]) -> CompletionContext {
    let trimmed = linePrefix.drop { $0 == " " }
    // In a flow map or after `key:` on this line: the nearest key before the cursor.
    if let key = lastKey(in: linePrefix), let colon = linePrefix.range(of: key + ":", options: .backwards) {
      let afterKey = linePrefix[colon.upperBound...]
      if key == "relevant" || key == "when" {
        let condition = afterKey.drop { $0 == " " || $0 == "\"" || $0 == "'" }
        return rules(["when"] + tokens(condition))
      }
      if let kinds = kinds(forKey: key) { return .ids(kinds) }
      // `question.id: ` under `answers:` offers the question's values.
      if linesAbove.contains(where: { $0.trimmingCharacters(in: .whitespaces) == "answers:" }),
        isQuestionLike(key)
      {
        return .values(question: key)
      }
      return .nothing
    }
    let indentation = linePrefix.prefix { $0 == " " }.count
    // A block list item or a map key: the key of the enclosing block.
    for line in linesAbove.reversed() {
      let lineIndentation = line.prefix { $0 == " " }.count
      let content = line.drop { $0 == " " }
      guard !content.isEmpty, !content.hasPrefix("#"),
        lineIndentation < indentation
          || (lineIndentation == indentation && trimmed.hasPrefix("-") && !content.hasPrefix("-"))
      else { continue }
      let key = content.hasPrefix("- ") ? content.dropFirst(2) : content
      guard key.hasSuffix(":") else { return .nothing }
      let name = String(key.dropLast())
      if trimmed.hasPrefix("-") { return kinds(forKey: name).map { .ids($0) } ?? .nothing }
      return name == "answers" ? .ids([.question]) : .nothing
    }
    return .nothing
  }

  private static func kinds(forKey key: String) -> [SymbolKind]? {
    switch key {
    case "sources", "source": [.source]
    case "factors": [.factor]
    case "patterns": [.pattern]
    case "with", "expected": [.measure]
    case "group": [.group]
    case "question", "phase_question": [.question]
    default: nil
    }
  }

  private static func isQuestionLike(_ key: String) -> Bool { key.contains(".") }

  /// The last `key:` on the line before the cursor, outside quoted text.
  private static func lastKey(in line: String) -> String? {
    var key: String?
    var word = ""
    var quote: Character?
    for character in line {
      if let open = quote {
        if character == open { quote = nil }
        continue
      }
      if character == "\"" || character == "'" {
        quote = character
        word = ""
      } else if character == ":" {
        if !word.isEmpty { key = word }
        word = ""
      } else if character.isLetter || character.isNumber || "_.-".contains(character) {
        word.append(character)
      } else {
        word = ""
      }
    }
    return key
  }
}
