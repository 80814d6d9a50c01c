import KnowledgeBase
import RuleLanguage

/// The ids of the whole knowledge base (rules, knowledge, exercises, test scripts) arranged for
/// the questions an editor asks: what is here, where is it declared, where is it used.
struct WorkspaceIndex: Sendable {
  private(set) var byPath: [String: [SymbolOccurrence]] = [:]
  private(set) var byKey: [SymbolKey: [SymbolOccurrence]] = [:]
  let info: [SymbolKey: SymbolInfo]
  /// Declared ids of each kind, sorted.
  private(set) var names: [SymbolKind: [String]] = [:]

  init(symbols: SymbolIndex, scripts: [SourceFile]) {
    info = symbols.info
    var occurrences = symbols.occurrences
    var declared: [String: [SymbolKind]] = [:]
    for key in symbols.info.keys { declared[key.name, default: []].append(key.kind) }
    for file in scripts {
      for found in ScriptSymbols.scan(file) {
        let name = found.word.text
        let kind: SymbolKind?
        if found.kinds == [.value] {
          let options = Self.question(found.question ?? "", in: symbols.info)?.options ?? []
          kind = options.contains { $0.id == name } ? .value : nil
        } else if found.kinds.count == 1 {
          kind = found.kinds[0]
        } else {
          kind = found.kinds.first { declared[name, default: []].contains($0) }
        }
        guard let kind else { continue }
        occurrences.append(
          SymbolOccurrence(
            kind: kind, name: name, question: kind == .value ? found.question : nil, file: file,
            range: found.word.range, isDeclaration: false))
      }
    }
    for occurrence in occurrences {
      byPath[occurrence.file.path, default: []].append(occurrence)
      byKey[occurrence.key, default: []].append(occurrence)
    }
    for path in byPath.keys { byPath[path]?.sort { $0.range.start < $1.range.start } }
    var names: [SymbolKind: [String]] = [:]
    for key in info.keys where key.kind != .value { names[key.kind, default: []].append(key.name) }
    for kind in names.keys { names[kind]?.sort() }
    self.names = names
  }

  static func question(_ id: String, in info: [SymbolKey: SymbolInfo]) -> Question? {
    if case .question(let question) = info[SymbolKey(kind: .question, name: id)] { return question }
    return nil
  }

  func question(_ id: String) -> Question? { Self.question(id, in: info) }

  /// The occurrence whose id covers `offset` (or ends right at it).
  func occurrence(at offset: Int, inPath path: String) -> SymbolOccurrence? {
    byPath[path]?.first { $0.range.start <= offset && offset <= $0.range.end }
  }

  /// Where a key is declared; a value is "declared" by its question.
  func declarations(of key: SymbolKey) -> [SymbolOccurrence] {
    if key.kind == .value, let question = key.question {
      return declarations(of: SymbolKey(kind: .question, name: question))
    }
    return (byKey[key] ?? []).filter(\.isDeclaration)
  }

  func occurrences(of key: SymbolKey) -> [SymbolOccurrence] { byKey[key] ?? [] }

  /// The declared keys spelt `name`, in the order an unqualified name is most likely meant.
  func keys(named name: String) -> [SymbolKey] {
    let order: [SymbolKind] = [.question, .fact, .measure, .pattern, .factor, .source, .level, .group, .term, .rule]
    return order.map { SymbolKey(kind: $0, name: name) }.filter { info[$0] != nil }
  }
}
