#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file's text with the positions of its lines, for turning byte offsets into locations.
public final class SourceFile: Sendable {
  /// The path as given, used in diagnostics (`Rules/personal.rules`).
  public let path: String
  /// The file's UTF-8 bytes.
  public let bytes: [UInt8]
  /// Byte offset at which each line starts; the first line starts at 0. 32 bits halve the index
  /// of a large rule file (a knowledge base is not gigabytes; beyond 4 GiB positions would wrap,
  /// never leave the file).
  let lineStarts: [UInt32]

  /// A leading byte-order mark is dropped: it is no character of the file's first line.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    let bytes = TextLines.withoutByteOrderMark(bytes)
    self.bytes = bytes
    var starts: [UInt32] = [0]
    starts.reserveCapacity(bytes.count / 32 + 1)
    // `memchr` finds the line breaks many bytes at a time.
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
        offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
        starts.append(UInt32(truncatingIfNeeded: offset))
      }
    }
    self.lineStarts = starts
  }

  public convenience init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The text of the whole file; bytes that are not UTF-8 are replaced.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The 0-based index of the line that contains `offset`.
  func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if Int(lineStarts[middle]) <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// The 1-based line and column of a byte offset; columns count Unicode scalars.
  public func location(of offset: Int) -> SourceLocation {
    let clamped = max(0, min(offset, bytes.count))
    let line = lineIndex(of: clamped)
    var column = 1
    var index = Int(lineStarts[line])
    while index < clamped {
      // Count scalar starts: every byte that is not a UTF-8 continuation byte.
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourceLocation(line: line + 1, column: column)
  }

  /// The byte offset of a 1-based line and scalar column, clamped to the file.
  public func offset(line: Int, column: Int) -> Int {
    guard line >= 1, line <= lineStarts.count else { return bytes.count }
    var index = Int(lineStarts[line - 1])
    var remaining = column - 1
    while remaining > 0, index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
      index += 1
      while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
      remaining -= 1
    }
    return index
  }

  /// The text of a 1-based line, without its line break.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    let start = Int(lineStarts[line - 1])
    var end = line < lineStarts.count ? Int(lineStarts[line]) : bytes.count
    while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
      end -= 1
    }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The text between two byte offsets.
  public func text(in range: SourceRange) -> String {
    let start = max(0, min(range.start, bytes.count))
    let end = max(start, min(range.end, bytes.count))
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
