/// The primitives of the snapshot format: little-endian fixed-width words, LEB128 varints
/// (zig-zag for signed values) and strings interned once in a table at the start of the payload.
struct SnapshotWriter {
  private(set) var bytes: [UInt8] = []
  private var stringIndex: [String: Int] = [:]
  private(set) var strings: [String] = []

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  mutating func fixed64(_ value: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
  }

  mutating func fixed32(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
  }

  mutating func unsigned(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  mutating func count(_ value: Int) { unsigned(UInt64(value)) }

  mutating func signed(_ value: Int) {
    let wide = Int64(value)
    unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
  }

  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  /// A string as its number in the table; the table itself is written by `rawString`.
  mutating func string(_ value: String) {
    if let known = stringIndex[value] {
      count(known)
    } else {
      stringIndex[value] = strings.count
      count(strings.count)
      strings.append(value)
    }
  }

  mutating func rawString(_ value: String) {
    count(value.utf8.count)
    bytes.append(contentsOf: value.utf8)
  }

  mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
    guard let value else { return bool(false) }
    bool(true)
    write(&self, value)
  }

  mutating func array<T>(_ values: [T], _ write: (inout SnapshotWriter, T) -> Void) {
    count(values.count)
    for value in values { write(&self, value) }
  }

  mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

  /// A case of a small enumeration as its position in `allCases`.
  mutating func choice<E: CaseIterable & Equatable>(_ value: E) {
    count(E.allCases.firstIndex(of: value).map { E.allCases.distance(from: E.allCases.startIndex, to: $0) } ?? 0)
  }
}

/// Why a snapshot was not used; each case makes the loader compile from source instead.
public enum SnapshotProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// No snapshot file (yet).
  case missing
  /// Not a snapshot, or one of another format version.
  case foreignFormat
  /// Written for other source files or by another program build.
  case stale
  /// The checksum over the payload does not match: the file was damaged.
  case checksumMismatch
  /// A value runs past the end, or an index lies outside its table.
  case malformed(String)

  public var description: String {
    switch self {
    case .missing: "kein Snapshot vorhanden"
    case .foreignFormat: "kein Snapshot dieses Formats"
    case .stale: "Snapshot veraltet (Quelldateien oder Programm geändert)"
    case .checksumMismatch: "Snapshot beschädigt (Prüfsumme falsch)"
    case .malformed(let what): "Snapshot beschädigt (\(what))"
    }
  }
}

/// Reads what `SnapshotWriter` wrote, checking every bound: damaged bytes end in
/// `SnapshotProblem.malformed`, never in a trap.
struct SnapshotReader {
  private let bytes: [UInt8]
  private(set) var position: Int
  private let end: Int
  /// The string table, read first; `string()` reads an index into it.
  var table: [String] = []

  init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
    self.bytes = bytes
    self.position = start
    self.end = min(end ?? bytes.count, bytes.count)
  }

  var atEnd: Bool { position == end }

  mutating func byte() throws(SnapshotProblem) -> UInt8 {
    guard position < end else { throw .malformed("vorzeitiges Ende") }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func fixed64() throws(SnapshotProblem) -> UInt64 {
    var value: UInt64 = 0
    for shift in stride(from: 0, to: 64, by: 8) { value |= UInt64(try byte()) << UInt64(shift) }
    return value
  }

  mutating func fixed32() throws(SnapshotProblem) -> UInt32 {
    var value: UInt32 = 0
    for shift in stride(from: 0, to: 32, by: 8) { value |= UInt32(try byte()) << UInt32(shift) }
    return value
  }

  mutating func unsigned() throws(SnapshotProblem) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let next = try byte()
      guard shift < 64, shift < 63 || next <= 1 else { throw .malformed("Zahl zu lang") }
      value |= UInt64(next & 0x7F) << shift
      if next < 0x80 { return value }
      shift += 7
    }
  }

  /// A count; every element takes at least one byte, so a count is at most the bytes left, and a
  /// damaged count never makes the decoder reserve huge arrays.
  mutating func count() throws(SnapshotProblem) -> Int {
    let value = try unsigned()
    guard value <= UInt64(end - position) else { throw .malformed("Anzahl zu groß") }
    return Int(value)
  }

  /// A non-negative number that counts nothing in the snapshot (a line, an offset, a tag).
  mutating func natural() throws(SnapshotProblem) -> Int {
    let value = try unsigned()
    guard value <= UInt64(Int32.max) else { throw .malformed("Zahl zu groß") }
    return Int(value)
  }

  /// An index into a table of `count` entries.
  mutating func index(below count: Int) throws(SnapshotProblem) -> Int {
    let value = try unsigned()
    guard value < UInt64(count) else {
      throw .malformed("Index \(value) außerhalb der Tabelle mit \(count) Einträgen, Byte \(position)")
    }
    return Int(value)
  }

  mutating func signed() throws(SnapshotProblem) -> Int {
    let raw = try unsigned()
    return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
  }

  mutating func bool() throws(SnapshotProblem) -> Bool {
    switch try byte() {
    case 0: return false
    case 1: return true
    default: throw .malformed("Wahrheitswert ungültig")
    }
  }

  mutating func string() throws(SnapshotProblem) -> String { table[try index(below: table.count)] }

  /// The next `count` bytes as they are.
  mutating func raw(count: Int) throws(SnapshotProblem) -> ArraySlice<UInt8> {
    guard count <= end - position else { throw .malformed("vorzeitiges Ende") }
    defer { position += count }
    return bytes[position..<position + count]
  }

  mutating func rawString() throws(SnapshotProblem) -> String {
    let length = try count()
    guard length <= end - position else { throw .malformed("Text zu lang") }
    let slice = bytes[position..<position + length]
    position += length
    guard let text = String(validating: slice, as: UTF8.self) else { throw .malformed("Text kein UTF-8") }
    return text
  }

  mutating func optional<T>(_ read: (inout SnapshotReader) throws(SnapshotProblem) -> T) throws(SnapshotProblem) -> T? {
    try bool() ? try read(&self) : nil
  }

  mutating func array<T>(_ read: (inout SnapshotReader) throws(SnapshotProblem) -> T) throws(SnapshotProblem) -> [T] {
    let count = try count()
    var values: [T] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try read(&self)) }
    return values
  }

  mutating func strings() throws(SnapshotProblem) -> [String] {
    try array { reader throws(SnapshotProblem) in try reader.string() }
  }

  mutating func choice<E: CaseIterable>(_: E.Type) throws(SnapshotProblem) -> E {
    let cases = Array(E.allCases)
    return cases[try index(below: cases.count)]
  }
}

/// A fast 128-bit hash over 8-byte words, for the source key and the payload checksum: two
/// independent multiply-and-mix lanes. It guards against accidents (a changed file, a damaged
/// cache), not against an attacker, who could as well write a matching snapshot.
package struct WordHash {
  private var first: UInt64 = 0x243F_6A88_85A3_08D3
  private var second: UInt64 = 0x1319_8A2E_0370_7344

  package init() {}

  package var low: UInt64 { first }
  package var high: UInt64 { second }

  private mutating func mix(_ word: UInt64) {
    first = (first ^ word) &* 0x9E37_79B9_7F4A_7C15
    first ^= first >> 29
    second = (second &+ word) &* 0xC2B2_AE3D_27D4_EB4F
    second = (second << 31) | (second >> 33)
  }

  /// Adds the bytes and their count, so that a split between two calls is part of the hash.
  package mutating func add(_ bytes: ArraySlice<UInt8>) {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset + 8 <= raw.count {
        mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        offset += 8
      }
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while offset < raw.count {
        tail |= UInt64(raw[offset]) << shift
        shift += 8
        offset += 1
      }
      mix(tail)
      mix(UInt64(raw.count))
    }
  }

  package mutating func add(_ bytes: [UInt8]) { add(bytes[...]) }

  package mutating func add(_ text: String) { add(Array(text.utf8)) }
}
