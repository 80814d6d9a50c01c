/// Converts between byte offsets in UTF-8 text and LSP positions (0-based line, UTF-16 column).
struct TextPositions: Sendable {
  let bytes: [UInt8]
  private let lineStarts: [Int]

  init(bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
    lineStarts = starts
  }

  init(text: String) { self.init(bytes: Array(text.utf8)) }

  var lineCount: Int { lineStarts.count }

  func position(of offset: Int) -> Position {
    let clamped = max(0, min(offset, bytes.count))
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
    }
    let prefix = String(decoding: bytes[lineStarts[low]..<clamped], as: UTF8.self)
    return Position(line: low, character: prefix.utf16.count)
  }

  /// The byte offset of a position, clamped to its line (a column past the end means the end).
  func offset(of position: Position) -> Int {
    guard position.line >= 0 else { return 0 }
    guard position.line < lineStarts.count else { return bytes.count }
    let start = lineStarts[position.line]
    var end = position.line + 1 < lineStarts.count ? lineStarts[position.line + 1] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    var units = 0
    var index = start
    while index < end, units < position.character {
      let byte = bytes[index]
      let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
      units += length == 4 ? 2 : 1
      index = min(end, index + length)
    }
    return index
  }

  func range(_ start: Int, _ end: Int) -> LSPRange {
    LSPRange(start: position(of: start), end: position(of: end))
  }

  /// The text of the line that holds `offset`, up to `offset`.
  func linePrefix(before offset: Int) -> String {
    var start = min(offset, bytes.count)
    while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
    return String(decoding: bytes[start..<min(offset, bytes.count)], as: UTF8.self)
  }
}

/// A place in a document as the protocol counts it.
struct Position: Sendable, Equatable {
  var line: Int
  var character: Int

  var json: JSON { ["line": .int(line), "character": .int(character)] }

  init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  init?(_ json: JSON?) {
    guard let line = json?["line"]?.int, let character = json?["character"]?.int else { return nil }
    self.init(line: line, character: character)
  }
}

/// A span of a document.
struct LSPRange: Sendable, Equatable {
  var start: Position
  var end: Position

  var json: JSON { ["start": start.json, "end": end.json] }
}
