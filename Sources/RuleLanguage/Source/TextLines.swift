/// How every reader of text files splits lines: LF and CRLF both end a line, and a UTF-8
/// byte-order mark (which editors on Windows write) is not part of the first line.
public enum TextLines {
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// The bytes without a leading UTF-8 byte-order mark.
  public static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
    bytes.starts(with: byteOrderMark) ? Array(bytes.dropFirst(byteOrderMark.count)) : bytes
  }

  /// The text without a leading byte-order mark.
  public static func withoutByteOrderMark(_ text: String) -> String {
    text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
  }

  /// The lines of a text, without their line breaks; a final line break starts no empty line.
  public static func lines(_ text: String) -> [String] {
    // "\r\n" is one Character in Swift, so splitting on "\n" alone would keep CRLF text one line.
    var lines = withoutByteOrderMark(text).split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
      .map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
