import RuleLanguage
import Testing

/// Positions are 1-based lines and columns counted in Unicode scalars, not bytes.
@Suite struct SourceFileTests {
  static let file = SourceFile(path: "t.rules", text: "ab\nÄö ü\r\n😀x\ne\u{301}z\n\nend")

  @Test(arguments: [
    (0, 1, 1), (1, 1, 2), (2, 1, 3),
    (3, 2, 1), (5, 2, 2), (7, 2, 3), (8, 2, 4), (10, 2, 5),
    (12, 3, 1), (16, 3, 2), (17, 3, 3),
    (18, 4, 1), (19, 4, 2), (21, 4, 3),
    (23, 5, 1), (24, 6, 1), (27, 6, 4),
  ])
  func locationOfOffset(_ offset: Int, _ line: Int, _ column: Int) {
    #expect(Self.file.location(of: offset) == SourceLocation(line: line, column: column))
    #expect(Self.file.offset(line: line, column: column) == offset)
  }

  @Test func offsetsOutsideTheFileAreClamped() {
    #expect(Self.file.location(of: -5) == SourceLocation(line: 1, column: 1))
    #expect(Self.file.location(of: 1000) == SourceLocation(line: 6, column: 4))
    #expect(Self.file.offset(line: 99, column: 1) == Self.file.bytes.count)
    #expect(Self.file.offset(line: 1, column: 50) == 2)
  }

  @Test func lineTextDropsTheLineBreak() {
    #expect(Self.file.lineText(1) == "ab")
    #expect(Self.file.lineText(2) == "Äö ü")
    #expect(Self.file.lineText(5) == "")
    #expect(Self.file.lineText(6) == "end")
    #expect(Self.file.lineText(7) == "")
    #expect(Self.file.lineText(0) == "")
  }

  @Test func locationsOrderByLineThenColumn() {
    #expect(SourceLocation(line: 1, column: 9) < SourceLocation(line: 2, column: 1))
    #expect(SourceLocation(line: 2, column: 1) < SourceLocation(line: 2, column: 2))
    #expect(SourceLocation(line: 3, column: 14).description == "3:14")
  }

  /// An umlaut before the error counts as one column, and so does a character of four bytes.
  @Test func parserErrorColumnsCountScalars() {
    let text = "rule größe\n  source q\n  when größe = 1 and ü ! x\n  then derive 😀 1\n"
    let (_, diagnostics) = RuleParser.parse(SourceFile(path: "t.rules", text: text))
    let located = diagnostics.map { "\($0.site.location!) \($0.id)" }
    #expect(located.contains("3:24 unexpected-character"))
    #expect(located.contains("4:15 unexpected-character"))
  }

  @Test func invalidUTF8IsFound() {
    let cases: [([UInt8], Int?)] = [
      (Array("gültig".utf8), nil),
      ([0x61, 0xFF], 1),
      ([0x61, 0xC3], 1),
      ([0xC0, 0x80], 0),
      ([0xED, 0xA0, 0x80], 0),
      ([0xF4, 0x90, 0x80, 0x80], 0),
      ([0xE2, 0x82, 0xAC, 0x80], 3),
      ([0xF0, 0x9F, 0x98, 0x80], nil),
      // Eight ASCII bytes are checked at a time: a bad byte at either edge of such a word, just
      // after one, in the second word, and a character that straddles two words.
      (Array("abcdefg".utf8) + [0xFF], 7),
      (Array("abcdefgh".utf8) + [0xFF], 8),
      (Array("abcdefghi".utf8) + [0xFF, 0x61], 9),
      (Array("abcdefghabcdefgh".utf8) + [0x80] + Array("abcdefgh".utf8), 16),
      (Array("abcdef".utf8) + [0xE2, 0x82, 0xAC] + Array("abcdefgh".utf8), nil),
      (Array("abcdef".utf8) + [0xE2, 0x82, 0x61] + Array("abcdefgh".utf8), 6),
    ]
    for (bytes, expected) in cases {
      #expect(SourceFile(path: "x", bytes: bytes).firstInvalidUTF8Offset == expected, "\(bytes)")
    }
  }
}
