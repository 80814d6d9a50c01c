import Foundation
import KnowledgeBase
import RuleLanguage

extension LanguageServer {
  /// The document and cursor a request names.
  struct Cursor {
    var path: String
    var bytes: [UInt8]
    var offset: Int
  }

  func cursor(_ params: JSON) throws -> Cursor {
    guard let uri = params["textDocument"]?["uri"]?.string, let position = Position(params["position"]) else {
      throw ResponseError.invalidParams("„textDocument.uri“ und „position“ werden gebraucht.")
    }
    guard let path = DocumentURI.path(of: uri) else {
      throw ResponseError.invalidParams("nur file:-URIs werden unterstützt, nicht „\(uri)“.")
    }
    let bytes: [UInt8]
    if let document = documents[path] {
      bytes = Array(document.text.utf8)
    } else if let data = FileManager.default.contents(atPath: path) {
      bytes = [UInt8](data)
    } else {
      throw ResponseError.invalidParams("die Datei „\(path)“ ist weder geöffnet noch lesbar.")
    }
    return Cursor(path: path, bytes: bytes, offset: TextPositions(bytes: bytes).offset(of: position))
  }

  /// The id at the cursor: the indexed occurrence when the index has seen this text, else the
  /// word under the cursor looked up by name.
  func symbol(at cursor: Cursor, in index: WorkspaceIndex) -> (key: SymbolKey, range: Range<Int>)? {
    let fresh = checkedGeneration == generation
    if fresh, let occurrence = index.occurrence(at: cursor.offset, inPath: cursor.path) {
      return (occurrence.key, occurrence.range.start..<occurrence.range.end)
    }
    guard let span = IdentifierSpan.around(cursor.offset, in: cursor.bytes) else { return nil }
    let name = String(decoding: cursor.bytes[span], as: UTF8.self)
    return index.keys(named: name).first.map { ($0, span) }
  }

  func requireIndex() throws -> WorkspaceIndex {
    if index == nil { checkNow() }
    guard let index else { throw ResponseError.requestFailed("Die Wissensbasis konnte nicht gelesen werden.") }
    return index
  }

  func completion(_ params: JSON) throws -> JSON {
    let cursor = try cursor(params)
    guard let language = Completion.Language(path: cursor.path) else { return ["isIncomplete": false, "items": []] }
    return Completion.list(text: cursor.bytes, offset: cursor.offset, language: language, index: try requireIndex())
  }

  func hover(_ params: JSON) throws -> JSON {
    let cursor = try cursor(params)
    let index = try requireIndex()
    guard let (key, span) = symbol(at: cursor, in: index), let text = Hover.markdown(key, index: index) else {
      return .null
    }
    let range = TextPositions(bytes: cursor.bytes).range(span.lowerBound, span.upperBound)
    return ["contents": ["kind": "markdown", "value": .string(text)], "range": range.json]
  }

  func definition(_ params: JSON) throws -> JSON {
    let cursor = try cursor(params)
    let index = try requireIndex()
    guard let (key, _) = symbol(at: cursor, in: index) else { return .null }
    var locations = Locations(uri: uri(for:))
    return .array(Locations.sorted(index.declarations(of: key)).map { locations.location($0) })
  }

  func references(_ params: JSON) throws -> JSON {
    ensureFresh()
    let cursor = try cursor(params)
    let index = try requireIndex()
    guard let (key, _) = symbol(at: cursor, in: index) else { return .null }
    let withDeclaration = params["context"]?["includeDeclaration"] != .bool(false)
    var locations = Locations(uri: uri(for:))
    let found = index.occurrences(of: key).filter { withDeclaration || !$0.isDeclaration }
    return .array(Locations.sorted(found).map { locations.location($0) })
  }

  /// Ids that can be renamed everywhere they occur; a value's declaration in its question's list
  /// is not indexed, so values are not renamed.
  private func renamable(_ cursor: Cursor, _ index: WorkspaceIndex) throws -> (key: SymbolKey, range: Range<Int>) {
    guard let (key, span) = symbol(at: cursor, in: index), index.info[key] != nil else {
      throw ResponseError.requestFailed("An dieser Stelle steht keine Kennung, die sich umbenennen lässt.")
    }
    return (key, span)
  }

  func prepareRename(_ params: JSON) throws -> JSON {
    ensureFresh()
    let cursor = try cursor(params)
    let (key, span) = try renamable(cursor, try requireIndex())
    let range = TextPositions(bytes: cursor.bytes).range(span.lowerBound, span.upperBound)
    return ["range": range.json, "placeholder": .string(key.name)]
  }

  func rename(_ params: JSON) throws -> JSON {
    ensureFresh()
    let cursor = try cursor(params)
    let index = try requireIndex()
    let (key, _) = try renamable(cursor, index)
    guard let newName = params["newName"]?.string else { throw ResponseError.invalidParams("„newName“ fehlt.") }
    guard SymbolIndex.isValidID(newName) else {
      throw ResponseError.requestFailed(
        "„\(newName)“ ist keine gültige Kennung: ein Buchstabe, dann Buchstaben, Ziffern, „_“, „-“ oder „.“, und kein Schlüsselwort."
      )
    }
    // Questions and facts share one name space in conditions.
    let clashing: [SymbolKind] = key.kind == .question || key.kind == .fact ? [.question, .fact] : [key.kind]
    if newName != key.name, let taken = clashing.first(where: { index.info[SymbolKey(kind: $0, name: newName)] != nil })
    {
      throw ResponseError.requestFailed("„\(newName)“ ist schon vergeben (\(SymbolText.noun(taken))).")
    }
    var locations = Locations(uri: uri(for:))
    var changes: [String: [JSON]] = [:]
    for occurrence in Locations.sorted(index.occurrences(of: key)) {
      let edit: JSON = ["range": locations.range(occurrence).json, "newText": .string(newName)]
      changes[uri(for: occurrence.file.path), default: []].append(edit)
    }
    return ["changes": .object(changes.mapValues { .array($0) })]
  }
}
