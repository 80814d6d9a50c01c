/// A large rule file parsed in runs of whole declarations, so that several cores can share it.
///
/// A line that begins with `rule ` or `fact ` always starts a declaration: strings end on their
/// line and comments at the line break, so no such line lies inside a token. Each run therefore
/// starts where a parse of the whole file would be at a declaration boundary, and parsing the runs
/// one by one gives the declarations of the whole file, in order. Only a file without problems is
/// parsed this way: where the file has any, a caller parses it whole, so that every message reads
/// exactly as it would. A run also checks its own bytes for UTF-8, so that the cores share that
/// work too; a run boundary, after a line break, never splits a character.
extension RuleParser {
  /// Ranges that cover the file in order, each after the first starting at a declaration, and
  /// each spanning at least `size` bytes from its first declaration where the file allows. The
  /// first run reaches past the file's first declaration: a header of comments alone would be a
  /// run without declarations.
  package static func declarationRuns(of file: SourceFile, size: Int) -> [SourceRange] {
    precondition(size >= 1, "a run spans at least one byte")
    return file.bytes.withUnsafeBufferPointer { buffer in
      guard let first = nextDeclaration(in: buffer, from: 0) else { return [SourceRange(start: 0, end: buffer.count)] }
      var runs: [SourceRange] = []
      var start = 0
      var position = first + size
      while let next = nextDeclaration(in: buffer, from: position) {
        runs.append(SourceRange(start: start, end: next))
        start = next
        position = next + size
      }
      runs.append(SourceRange(start: start, end: buffer.count))
      return runs
    }
  }

  /// The first line start at or after `position` that begins with `rule ` or `fact `.
  private static func nextDeclaration(in buffer: UnsafeBufferPointer<UInt8>, from position: Int) -> Int? {
    var position = position
    while position + 5 <= buffer.count {
      if position == 0 || buffer[position - 1] == UInt8(ascii: "\n"), startsDeclaration(buffer, at: position) {
        return position
      }
      // On to the next line start.
      while position < buffer.count, buffer[position] != UInt8(ascii: "\n") { position += 1 }
      position += 1
    }
    return nil
  }

  private static func startsDeclaration(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
    guard buffer[position + 4] == UInt8(ascii: " ") else { return false }
    let word = (buffer[position], buffer[position + 1], buffer[position + 2], buffer[position + 3])
    return word == (UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "e"))
      || word == (UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "c"), UInt8(ascii: "t"))
  }

  /// Parses the declarations in one run of `declarationRuns(of:size:)`.
  package static func parse(_ file: SourceFile, run: SourceRange) -> (RuleFile, [Diagnostic]) {
    precondition(run.end <= file.bytes.count, "a run lies within its file")
    let invalid = file.bytes.withUnsafeBufferPointer {
      SourceFile.firstInvalidUTF8Offset(in: UnsafeBufferPointer(rebasing: $0[run.start..<run.end]))
    }
    if let invalid { return notUTF8(file, at: run.start + invalid) }
    var parser = RuleParser(file: file, range: run, standalone: false)
    let result = parser.parseFile()
    return (result, parser.diagnostics)
  }
}
