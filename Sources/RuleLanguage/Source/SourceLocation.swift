/// A 1-based line and column; the column counts Unicode scalars.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// A half-open range of byte offsets in one source file.
///
/// The offsets are kept in 32 bits: every node of a syntax tree and every compiled rule holds
/// ranges, and at 10,000 rules the 64-bit ones took megabytes. A knowledge base is not gigabytes;
/// an offset beyond 4 GiB is clamped, never wrapped.
public struct SourceRange: Hashable, Sendable {
  @usableFromInline var storedStart: UInt32
  @usableFromInline var storedEnd: UInt32

  @inlinable public var start: Int {
    get { Int(storedStart) }
    set { storedStart = UInt32(clamping: newValue) }
  }

  @inlinable public var end: Int {
    get { Int(storedEnd) }
    set { storedEnd = UInt32(clamping: newValue) }
  }

  @inlinable public init(start: Int, end: Int) {
    storedStart = UInt32(clamping: start)
    storedEnd = UInt32(clamping: max(start, end))
  }

  /// The smallest range that covers both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }
}
