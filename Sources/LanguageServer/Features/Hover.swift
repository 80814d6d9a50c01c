import KnowledgeBase

/// What hover shows for an id: its German text from the declaration, as Markdown.
enum Hover {
  static func markdown(_ key: SymbolKey, index: WorkspaceIndex) -> String? {
    if key.kind == .value {
      guard let question = key.question, let found = index.question(question),
        let option = found.options.first(where: { $0.id == key.name })
      else { return nil }
      return "**Antwortwert** `\(option.id)` der Frage `\(question)`: \(option.text)\n\n\(found.text)"
    }
    guard let info = index.info[key] else { return nil }
    let title = "**\(SymbolText.noun(key.kind))** `\(key.name)`"
    switch info {
    case .question(let question):
      var lines = ["\(title)", "", question.text, "", "Antwort: \(SymbolText.typeName(question.type))"]
      if question.type == .number || question.type == .scale, let low = question.minimum, let high = question.maximum {
        lines[lines.count - 1] += " von \(low) bis \(high)" + (question.unit.map { " \($0)" } ?? "")
      }
      for option in question.options where question.type != .yesno {
        lines.append("- `\(option.id)` – \(option.text)")
      }
      return lines.joined(separator: "\n")
    case .measure(let measure):
      return """
        \(title): \(measure.title)

        Zuständig: \(measure.office) · Zeithorizont: \(measure.horizon.rawValue) · Aufwand: \(measure.effort.rawValue)
        """
    case .source(let source):
      let unverified = source.verified ? "" : "\n\n(ungeprüft)"
      return "\(title)\n\n\(SymbolText.citation(source))\n\n<\(source.url)>\(unverified)"
    case .pattern(let pattern):
      return "\(title): \(pattern.title)\n\n\(pattern.description)"
    case .factor(let factor):
      return "\(title): \(factor.title)\n\n\(factor.finding)"
    case .fact, .group, .level, .term, .rule:
      return "\(title): \(SymbolText.summary(info))"
    }
  }
}
