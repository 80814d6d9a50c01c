/// A large rule file parsed in runs of whole declarations, so that several cores can share it.
///
/// A line that begins with `rule ` or `fact ` always starts a declaration: strings end on their
/// line and comments at the line break, so no such line lies inside a token. Each run therefore
/// starts where a parse of the whole file would be at a declaration boundary, and parsing the runs
/// one by one gives the declarations of the whole file, in order. Only a file without
/// problems is parsed this way: where the file has any, a caller parses it whole, so that every
/// message reads exactly as it would. A run also checks its own bytes for UTF-8, so that the cores
/// share that work too; a run boundary, after a line break, never splits a character.
extension RuleParser {
  /// Ranges that cover the file in order, each starting at a declaration and spanning at least
  /// `size` bytes where the file allows.
  public static func declarationRuns(of file: SourceFile, size: Int) -> [SourceRange] {
    let bytes = file.bytes
    var runs: [SourceRange] = []
    var start = 0
    var position = size
    bytes.withUnsafeBufferPointer { buffer in
      while position < buffer.count {
        // The next line start at or after `position`.
        while position < buffer.count, buffer[position - 1] != UInt8(ascii: "\n") { position += 1 }
        guard position + 5 <= buffer.count else { break }
        if startsDeclaration(buffer, at: position) {
          runs.append(SourceRange(start: start, end: position))
          start = position
          position += size
        } else {
          position += 1
        }
      }
    }
    runs.append(SourceRange(start: start, end: bytes.count))
    return runs
  }

  private static func startsDeclaration(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
    guard buffer[position + 4] == UInt8(ascii: " ") else { return false }
    let word = (buffer[position], buffer[position + 1], buffer[position + 2], buffer[position + 3])
    return word == (UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "e"))
      || word == (UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "c"), UInt8(ascii: "t"))
  }

  /// Parses the declarations in one run of `declarationRuns(of:size:)`.
  public static func parse(_ file: SourceFile, run: SourceRange) -> (RuleFile, [Diagnostic]) {
    let invalid = file.bytes.withUnsafeBufferPointer {
      SourceFile.firstInvalidUTF8Offset(in: UnsafeBufferPointer(rebasing: $0[run.start..<run.end]))
    }
    if let invalid {
      let site = DiagnosticSite(
        file: file, range: SourceRange(start: run.start + invalid, end: run.start + invalid + 1))
      return (RuleFile(file: file, rules: [], facts: []), [Diagnostic(SyntaxMessage.invalidUTF8.message, at: site)])
    }
    var parser = RuleParser(file: file, range: run, standalone: false)
    let result = parser.parseFile()
    return (result, parser.diagnostics)
  }
}
