import KnowledgeBase

/// German words and one-line summaries for ids, shared by completion and hover.
enum SymbolText {
  static func noun(_ kind: SymbolKind) -> String {
    switch kind {
    case .question: "Frage"
    case .value: "Antwortwert"
    case .fact: "Abgeleiteter Fakt"
    case .group: "Fragengruppe"
    case .factor: "Resilienzfaktor"
    case .level: "Bewertungsstufe"
    case .pattern: "Krisenmuster"
    case .measure: "Maßnahme"
    case .source: "Quelle"
    case .rule: "Regel"
    case .term: "Textbaustein"
    }
  }

  /// The short text an editor shows beside an id in a completion list.
  static func summary(_ info: SymbolInfo) -> String {
    switch info {
    case .question(let question): question.text
    case .measure(let measure): measure.title
    case .source(let source): citation(source)
    case .pattern(let pattern): pattern.title
    case .factor(let factor): factor.title
    case .fact(let text): text
    case .group(let group): group.title
    case .level(let level): level.title
    case .term(let text): text
    case .rule: "Regel"
    }
  }

  static func citation(_ source: SourceCitation) -> String {
    let year = source.year.map { " \($0)" } ?? ""
    return "\(source.publisher)\(year): \(source.title)"
  }

  static func typeName(_ type: QuestionType) -> String {
    switch type {
    case .yesno: "ja/nein"
    case .choice: "eine Antwort aus einer Liste"
    case .multi: "mehrere Antworten aus einer Liste"
    case .number: "Zahl"
    case .scale: "Skala"
    }
  }
}
