import KnowledgeBase
import RuleLanguage

/// Turns index occurrences into protocol locations and edits.
struct Locations {
  /// The URI to report for a path: the editor's own for open documents.
  let uri: (String) -> String
  private var positions: [String: TextPositions] = [:]

  init(uri: @escaping (String) -> String) { self.uri = uri }

  mutating func range(_ occurrence: SymbolOccurrence) -> LSPRange {
    range(occurrence.file, occurrence.range)
  }

  mutating func range(_ file: SourceFile, _ range: SourceRange) -> LSPRange {
    let map = positions[file.path] ?? TextPositions(bytes: file.bytes)
    positions[file.path] = map
    return map.range(range.start, range.end)
  }

  mutating func location(_ occurrence: SymbolOccurrence) -> JSON {
    ["uri": .string(uri(occurrence.file.path)), "range": range(occurrence).json]
  }

  /// Occurrences in a stable order: by path, then position.
  static func sorted(_ occurrences: [SymbolOccurrence]) -> [SymbolOccurrence] {
    occurrences.sorted { ($0.file.path, $0.range.start) < ($1.file.path, $1.range.start) }
  }
}
