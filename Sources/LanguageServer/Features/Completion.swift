import KnowledgeBase

/// Completion of ids in context, answered from the index kept between requests.
enum Completion {
  /// The kind of document, by its file name.
  enum Language {
    case rules, knowledge, script

    init?(path: String) {
      if path.hasSuffix(".rules") {
        self = .rules
      } else if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
        self = .knowledge
      } else if WorkspaceCheck.isScript(path) {
        self = .script
      } else {
        return nil
      }
    }
  }

  /// The completion list for the cursor at `offset` in `text`.
  static func list(text: [UInt8], offset: Int, language: Language, index: WorkspaceIndex) -> JSON {
    let start = IdentifierSpan.start(before: offset, in: text)
    let prefix = String(decoding: text[start..<offset], as: UTF8.self)
    let before = String(decoding: text[0..<start], as: UTF8.self)
    let context: CompletionContext
    switch language {
    case .rules:
      context = CompletionContext.rules(CompletionContext.tokens(before[...]))
    case .script:
      let line = before.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
      let words = line.split { $0 == " " || $0 == "\t" || $0 == "," }.map(String.init)
      context = CompletionContext.script(words)
    case .knowledge:
      var lines = before.split(separator: "\n", omittingEmptySubsequences: false)
      let line = lines.popLast().map(String.init) ?? ""
      context = CompletionContext.yaml(linePrefix: line, linesAbove: lines)
    }
    let positions = TextPositions(bytes: text)
    let range = positions.range(start, offset)
    var items: [JSON] = []
    func add(_ label: String, kind: Int, detail: String?) {
      guard prefix.isEmpty || label.contains(prefix) else { return }
      var item: [String: JSON] = [
        "label": .string(label), "kind": .int(kind),
        "textEdit": ["range": range.json, "newText": .string(label)],
      ]
      if let detail { item["detail"] = .string(detail) }
      items.append(.object(item))
    }
    func addIDs(_ kinds: [SymbolKind]) {
      for kind in kinds {
        for name in index.names[kind] ?? [] {
          let detail = index.info[SymbolKey(kind: kind, name: name)].map(SymbolText.summary)
          add(name, kind: itemKind(kind), detail: detail.map { "\(SymbolText.noun(kind)): \($0)" })
        }
      }
    }
    switch context {
    case .ids(let kinds): addIDs(kinds)
    case .values(let question):
      for option in index.question(question)?.options ?? [] {
        add(option.id, kind: itemKind(.value), detail: option.text)
      }
    case .condition:
      addIDs([.question, .fact])
      for keyword in ["pattern", "factor", "not"] { add(keyword, kind: 14, detail: nil) }
    case .keywords(let keywords):
      for keyword in keywords { add(keyword, kind: 14, detail: nil) }
    case .nothing: break
    }
    return ["isIncomplete": false, "items": .array(items)]
  }

  /// The protocol's CompletionItemKind for each kind of id.
  static func itemKind(_ kind: SymbolKind) -> Int {
    switch kind {
    case .question: 6  // Variable
    case .value, .level: 20  // EnumMember
    case .fact: 5  // Field
    case .group: 19  // Folder
    case .factor: 13  // Enum
    case .pattern: 7  // Class
    case .measure: 3  // Function
    case .source: 18  // Reference
    case .rule: 9  // Module
    case .term: 15  // Snippet
    }
  }
}
