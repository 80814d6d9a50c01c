import RuleLanguage

/// One random change to a file's bytes.
public enum Mutation: CustomStringConvertible, Sendable {
  case deleteLine(Int)
  case duplicateLine(Int)
  case swapLines(Int, Int)
  case insert([UInt8], at: Int)
  case truncate(at: Int)
  /// Every line break written as CRLF, as editors on Windows save.
  case crlf
  /// A UTF-8 byte-order mark in front.
  case byteOrderMark

  /// Bytes worth inserting: invalid UTF-8, NUL, control characters, syntax of both languages.
  public static let fragments: [[UInt8]] = [
    [0x00], [0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x89],
    [0x09], [0x0D], [0x0A], [0x1B], Array("ä".utf8), Array("😀".utf8), Array("\"".utf8),
    Array("[".utf8), Array("]".utf8), Array("(".utf8), Array(")".utf8), Array(":".utf8),
    Array("- ".utf8), Array("{".utf8), Array("}".utf8), Array("#".utf8), Array("&x ".utf8),
    Array("*x".utf8), Array("!".utf8), Array(" not ".utf8), Array(" and ".utf8), Array(" or ".utf8),
    Array("\nrule x\n".utf8), Array("\n  when ".utf8), Array("\n  then ".utf8), Array("\nfact ".utf8),
    Array(" 1.234 ".utf8), Array(" -".utf8), Array(" 99999999999999999999 ".utf8), Array("\\".utf8),
    Array("pattern ".utf8), Array("factor ".utf8), Array(" includes all [".utf8), Array(" is ".utf8),
    Array("\n  - id: ".utf8), Array("\nquestions:\n".utf8), Array("relevant: \"".utf8),
  ]

  public static func random(for bytes: [UInt8], using generator: inout SplitMix64) -> Mutation {
    let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    switch Int.random(in: 0..<12, using: &generator) {
    case 0, 1: return .deleteLine(Int.random(in: 0..<lineCount, using: &generator))
    case 2, 3: return .duplicateLine(Int.random(in: 0..<lineCount, using: &generator))
    case 4, 5:
      return .swapLines(
        Int.random(in: 0..<lineCount, using: &generator), Int.random(in: 0..<lineCount, using: &generator))
    case 6, 7, 8:
      var inserted: [UInt8] = []
      for _ in 0..<Int.random(in: 1...3, using: &generator) {
        if Bool.random(using: &generator) {
          inserted += fragments[Int.random(in: 0..<fragments.count, using: &generator)]
        } else {
          inserted.append(UInt8.random(in: 0...255, using: &generator))
        }
      }
      return .insert(inserted, at: Int.random(in: 0...bytes.count, using: &generator))
    case 9: return .truncate(at: Int.random(in: 0...bytes.count, using: &generator))
    case 10: return .crlf
    default: return .byteOrderMark
    }
  }

  public func apply(to bytes: [UInt8]) -> [UInt8] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    func joined() -> [UInt8] { Array(lines.joined(separator: [0x0A])) }
    switch self {
    case .deleteLine(let line):
      lines.remove(at: min(line, lines.count - 1))
      return joined()
    case .duplicateLine(let line):
      let index = min(line, lines.count - 1)
      lines.insert(lines[index], at: index)
      return joined()
    case .swapLines(let a, let b):
      lines.swapAt(min(a, lines.count - 1), min(b, lines.count - 1))
      return joined()
    case .insert(let inserted, let offset):
      var result = bytes
      result.insert(contentsOf: inserted, at: min(offset, result.count))
      return result
    case .truncate(let offset):
      return Array(bytes.prefix(offset))
    case .crlf:
      return Array(lines.map { $0.last == 0x0D ? $0 : $0 + [0x0D] }.joined(separator: [0x0A]))
    case .byteOrderMark:
      return [0xEF, 0xBB, 0xBF] + bytes
    }
  }

  public var description: String {
    switch self {
    case .deleteLine(let line): "delete line \(line + 1)"
    case .duplicateLine(let line): "duplicate line \(line + 1)"
    case .swapLines(let a, let b): "swap lines \(a + 1) and \(b + 1)"
    case .insert(let bytes, let offset): "insert \(bytes) at byte \(offset)"
    case .truncate(let offset): "truncate at byte \(offset)"
    case .crlf: "CRLF line endings"
    case .byteOrderMark: "byte-order mark"
    }
  }

  /// One to three random changes to `bytes`, with what they were, for the failure message.
  public static func damage(_ bytes: [UInt8], using generator: inout SplitMix64) -> (bytes: [UInt8], applied: [String])
  {
    var result = bytes
    var applied: [String] = []
    for _ in 0..<Int.random(in: 1...3, using: &generator) {
      let mutation = random(for: result, using: &generator)
      result = mutation.apply(to: result)
      applied.append(mutation.description)
    }
    return (result, applied)
  }

  /// Problems with one diagnostic site, or nil when it lies within its file.
  public static func problem(with site: DiagnosticSite) -> String? {
    guard let file = site.file, let range = site.range else { return nil }
    guard site.path == file.path else { return "path \(site.path) is not the file's \(file.path)" }
    let count = file.bytes.count
    guard range.start >= 0, range.start <= count, range.end >= range.start else {
      return "range \(range.start)..<\(range.end) outside \(count) bytes"
    }
    let location = file.location(of: range.start)
    let lastLine = file.location(of: count).line
    guard location.line >= 1, location.line <= lastLine else {
      return "line \(location.line) outside \(lastLine) lines"
    }
    // The line's length in scalars, counted as `location` counts them.
    var lineEnd = range.start
    while lineEnd < count, file.bytes[lineEnd] != 0x0A { lineEnd += 1 }
    let lastColumn = file.location(of: lineEnd).column
    guard location.column >= 1, location.column <= lastColumn else {
      return "column \(location.column) beyond the line's end at column \(lastColumn)"
    }
    return nil
  }

}
