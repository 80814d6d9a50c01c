/// Finds the id under or before the cursor in raw text: a run of the characters ids are made of.
enum IdentifierSpan {
  static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
      || scalar == "."
  }

  /// The byte range of the id that contains `offset` or ends at it.
  static func around(_ offset: Int, in bytes: [UInt8]) -> Range<Int>? {
    let offset = min(max(0, offset), bytes.count)
    let start = start(before: offset, in: bytes)
    var end = offset
    while let (scalar, next) = scalar(at: end, in: bytes), isIDScalar(scalar) { end = next }
    // A sentence's full stop right after an id is no part of it.
    while end > max(start, offset), bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
    return start < end ? start..<end : nil
  }

  /// The start of the id being typed before `offset`.
  static func start(before offset: Int, in bytes: [UInt8]) -> Int {
    var start = min(max(0, offset), bytes.count)
    while start > 0 {
      var previous = start - 1
      while previous > 0, bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
      guard let (scalar, _) = scalar(at: previous, in: bytes), isIDScalar(scalar) else { break }
      start = previous
    }
    return start
  }

  /// The scalar that starts at `index`, and where the next one starts.
  private static func scalar(at index: Int, in bytes: [UInt8]) -> (Unicode.Scalar, Int)? {
    guard index < bytes.count else { return nil }
    let lead = bytes[index]
    let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    guard index + length <= bytes.count else { return nil }
    var decoder = UTF8()
    var iterator = bytes[index..<(index + length)].makeIterator()
    guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
    return (scalar, index + length)
  }
}
