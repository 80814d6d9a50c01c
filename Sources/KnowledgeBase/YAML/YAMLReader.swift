import RuleLanguage
import Yams

/// Reads one YAML file into nodes, reporting every shape problem with its position.
final class YAMLReader {
  let file: SourceFile
  private(set) var diagnostics: [Diagnostic] = []
  /// Every `{term}` placeholder in a text read from this file, checked once terms are known.
  private(set) var placeholders: [(name: String, site: DiagnosticSite)] = []

  init(file: SourceFile) {
    self.file = file
  }

  /// The root node, or nil after reporting why the file cannot be read as YAML.
  func root() -> Node? {
    if let offset = file.firstInvalidUTF8Offset {
      report(.invalidUTF8, at: SourceRange(start: offset, end: offset + 1))
      return nil
    }
    do {
      // Every scalar is read as text; the basic resolver skips Yams's regular expressions.
      guard let node = try Yams.compose(yaml: file.text, .basic) else {
        report(.emptyKnowledgeFile, at: SourceRange(start: 0, end: 0))
        return nil
      }
      return node
    } catch let error as YamlError {
      reportYAMLError(error)
      return nil
    } catch {
      report(.yamlSyntax(String(describing: error)), at: SourceRange(start: 0, end: 0))
      return nil
    }
  }

  private func reportYAMLError(_ error: YamlError) {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      let offset = file.offset(line: mark.line, column: mark.column)
      report(.yamlSyntax(problem), at: SourceRange(start: offset, end: offset + 1))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let offset = file.offset(line: context.mark.line, column: context.mark.column)
      report(
        .duplicateKey(duplicates.joined(separator: "', '")),
        at: SourceRange(start: offset, end: offset + 1))
    case .reader(let problem, let offset, _, _):
      let start = offset ?? 0
      report(.yamlSyntax(problem), at: SourceRange(start: start, end: start + 1))
    default:
      report(.yamlSyntax(error.description), at: SourceRange(start: 0, end: 0))
    }
  }

  func report(_ message: KnowledgeMessage, at range: SourceRange, notes: [DiagnosticNote] = []) {
    diagnostics.append(Diagnostic(message.message, in: file, at: range, notes: notes))
  }

  func report(_ message: KnowledgeMessage, at node: Node, notes: [DiagnosticNote] = []) {
    report(message, at: range(of: node), notes: notes)
  }

  func site(of node: Node) -> DiagnosticSite {
    DiagnosticSite(file: file, range: range(of: node))
  }

  /// The range a node covers: a scalar's text on its line, or the first character of a collection.
  func range(of node: Node) -> SourceRange {
    guard let mark = node.mark else { return SourceRange(start: 0, end: 0) }
    let start = file.offset(line: mark.line, column: mark.column)
    guard case .scalar(let scalar) = node else { return SourceRange(start: start, end: start + 1) }
    let quotes = scalar.style == .doubleQuoted || scalar.style == .singleQuoted ? 2 : 0
    var lineEnd = start
    while lineEnd < file.bytes.count, file.bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
    let end = min(start + scalar.string.utf8.count + quotes, max(start + 1, lineEnd))
    return SourceRange(start: start, end: end)
  }

  /// The range of a scalar's own text within the file, when its text stands there verbatim.
  func verbatimRange(of node: Node) -> SourceRange? {
    guard case .scalar(let scalar) = node, let mark = node.mark else { return nil }
    var start = file.offset(line: mark.line, column: mark.column)
    if scalar.style == .doubleQuoted || scalar.style == .singleQuoted { start += 1 }
    let bytes = Array(scalar.string.utf8)
    guard start + bytes.count <= file.bytes.count,
      Array(file.bytes[start..<(start + bytes.count)]) == bytes
    else { return nil }
    return SourceRange(start: start, end: start + bytes.count)
  }

  /// For each UTF-8 byte of a scalar's value, its offset in the file, when the value can be lined
  /// up with the file's text (plain or quoted scalars, also folded over several lines).
  func alignedOffsets(of node: Node) -> [Int]? {
    guard case .scalar(let scalar) = node, let mark = node.mark,
      scalar.style == .plain || scalar.style == .doubleQuoted || scalar.style == .singleQuoted
    else { return nil }
    var position = file.offset(line: mark.line, column: mark.column)
    if scalar.style != .plain { position += 1 }
    let bytes = file.bytes
    var offsets: [Int] = []
    for byte in scalar.string.utf8 {
      if byte == UInt8(ascii: " "), position < bytes.count,
        bytes[position] == UInt8(ascii: "\n") || bytes[position] == UInt8(ascii: "\r")
      {
        // A line break folded into one space: skip it and the next line's indentation.
        offsets.append(position)
        while position < bytes.count,
          bytes[position] == UInt8(ascii: "\n") || bytes[position] == UInt8(ascii: "\r")
            || bytes[position] == UInt8(ascii: " ")
        {
          position += 1
        }
        continue
      }
      guard position < bytes.count, bytes[position] == byte else { return nil }
      offsets.append(position)
      position += 1
    }
    offsets.append(position)
    return offsets
  }

  // MARK: - Shapes

  /// The node as a map of fields, or nil after reporting that a map was expected.
  func fields(_ node: Node, what: String) -> FieldMap? {
    guard case .mapping(let mapping) = node else {
      report(.expectedMap(what), at: node)
      return nil
    }
    var pairs: [(key: String, keyNode: Node, value: Node)] = []
    for (key, value) in mapping {
      guard let name = key.scalar?.string else {
        report(.expectedScalarKey, at: key)
        continue
      }
      pairs.append((name, key, value))
    }
    return FieldMap(reader: self, node: node, pairs: pairs, what: what)
  }

  /// The node as a list, or nil after reporting that a list was expected.
  func list(_ node: Node, what: String) -> [Node]? {
    guard case .sequence(let sequence) = node else {
      report(.expectedList(what), at: node)
      return nil
    }
    return Array(sequence)
  }

  /// The node as text, or nil after reporting that text was expected.
  func string(_ node: Node, what: String) -> String? {
    guard case .scalar(let scalar) = node, scalar.style != .plain || !Self.isNull(scalar.string) else {
      report(.expectedText(what), at: node)
      return nil
    }
    for name in Placeholder.names(in: scalar.string) {
      placeholders.append((name, site(of: node)))
    }
    return scalar.string
  }

  /// How YAML spells null in a plain scalar.
  private static func isNull(_ text: String) -> Bool {
    switch text {
    case "", "~", "null", "Null", "NULL": true
    default: false
    }
  }

  /// The node as a number with at most two decimals.
  func decimal(_ node: Node, what: String) -> FixedDecimal? {
    guard case .scalar(let scalar) = node, scalar.style == .plain,
      let value = FixedDecimal(parsing: Substring(scalar.string))
    else {
      report(.expectedNumber(what), at: node)
      return nil
    }
    return value
  }

  /// The node as a whole number.
  func integer(_ node: Node, what: String) -> Int? {
    guard let value = decimal(node, what: what) else { return nil }
    guard value.isWhole else {
      report(.expectedWholeNumber(what), at: node)
      return nil
    }
    return value.hundredths / 100
  }

  /// The node as `true` or `false`, written plainly (YAML's other spellings such as `yes` are
  /// refused so that a flag reads the same everywhere).
  func boolean(_ node: Node, what: String) -> Bool? {
    guard case .scalar(let scalar) = node, scalar.style == .plain, ["true", "false"].contains(scalar.string) else {
      report(.expectedBoolean(what), at: node)
      return nil
    }
    return scalar.string == "true"
  }

  /// A list of texts; a single text is accepted as a list of one.
  func strings(_ node: Node, what: String) -> [String]? {
    if case .scalar = node, let single = string(node, what: what) { return [single] }
    guard let items = list(node, what: what) else { return nil }
    var result: [String] = []
    for item in items {
      guard let text = string(item, what: what) else { return nil }
      result.append(text)
    }
    return result
  }
}

/// The fields of one YAML map, tracking which were read so that the rest can be reported.
final class FieldMap {
  let reader: YAMLReader
  let node: Node
  let pairs: [(key: String, keyNode: Node, value: Node)]
  let what: String
  /// The keys of `pairs` apart, so that a look-up compares keys without copying (and retaining)
  /// the nodes of every pair it passes.
  private let keys: [String]
  /// Whether each pair was asked for.
  private var used: [Bool]
  /// Every key asked for, present or not: the known fields, for suggestions.
  private var asked: [String] = []

  init(reader: YAMLReader, node: Node, pairs: [(key: String, keyNode: Node, value: Node)], what: String) {
    self.reader = reader
    self.node = node
    self.pairs = pairs
    self.what = what
    keys = pairs.map(\.key)
    used = Array(repeating: false, count: pairs.count)
  }

  /// The value node of a field; reports a missing required field at the map.
  func value(_ key: String, required: Bool = true) -> Node? {
    asked.append(key)
    if let index = keys.firstIndex(of: key) {
      used[index] = true
      return pairs[index].value
    }
    if required { reader.report(.missingField(key, in: what), at: node) }
    return nil
  }

  func string(_ key: String, required: Bool = true) -> String? {
    guard let node = value(key, required: required) else { return nil }
    guard let text = reader.string(node, what: "'\(key)'") else { return nil }
    if required, text.trimmingWhitespace.isEmpty {
      reader.report(.emptyText(key), at: node)
      return nil
    }
    return text
  }

  func decimal(_ key: String, required: Bool = true) -> FixedDecimal? {
    value(key, required: required).flatMap { reader.decimal($0, what: "'\(key)'") }
  }

  func boolean(_ key: String, required: Bool = true) -> Bool? {
    value(key, required: required).flatMap { reader.boolean($0, what: "'\(key)'") }
  }

  func integer(_ key: String, required: Bool = true) -> Int? {
    value(key, required: required).flatMap { reader.integer($0, what: "'\(key)'") }
  }

  func strings(_ key: String, required: Bool = true) -> [String]? {
    guard let node = value(key, required: required) else { return nil }
    guard let items = reader.strings(node, what: "'\(key)'") else { return nil }
    if required, items.isEmpty {
      reader.report(.emptyList(key), at: node)
      return nil
    }
    return items
  }

  /// Reports every field that was never asked for, with a suggestion among the known ones.
  func finish() {
    for index in pairs.indices where !used[index] {
      reader.report(
        .unknownField(keys[index], in: what, suggestion: Suggestion.closest(to: keys[index], in: asked)),
        at: pairs[index].keyNode)
    }
  }
}
