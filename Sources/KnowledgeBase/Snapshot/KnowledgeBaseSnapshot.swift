import RuleLanguage

/// What a snapshot was made from: every source file (path and bytes) and the program that
/// compiled them. A snapshot is used only when its key equals the key of the files on disk.
public struct SnapshotKey: Sendable, Equatable {
  public var low: UInt64
  public var high: UInt64

  /// The key of the sources as read, for a program identified by `program` (its version and
  /// build, so that a rebuilt program never trusts a snapshot an older compiler wrote).
  public init(sources: KnowledgeSources, program: String) {
    var hash = WordHash()
    hash.add(program)
    hash.add(sources.directory)
    for group in [sources.knowledgeFiles, sources.ruleFiles, sources.exerciseFiles] {
      hash.add("\(group.count)")
      for file in group {
        hash.add(file.path)
        hash.add(file.bytes)
      }
    }
    low = hash.low
    high = hash.high
  }

  init(low: UInt64, high: UInt64) {
    self.low = low
    self.high = high
  }
}

/// A compiled knowledge base as bytes, and back: the counterpart of CLIPS's `bsave`/`bload`.
///
/// Layout (little-endian): the magic `RSZSNAP\0`; the format version (UInt32); the source key
/// (two UInt64); the payload length and its checksum (UInt64 each, `checksum(of:)`); then the payload: the
/// string table (count, then each string as length and UTF-8 bytes) followed by the knowledge
/// base, in which every string is its number in the table and every integer a LEB128 varint.
public enum KnowledgeBaseSnapshot {
  /// Raised whenever the encoding or a model type changes, so that old snapshots are rebuilt.
  public static let formatVersion: UInt32 = 2
  static let magic: [UInt8] = Array("RSZSNAP".utf8) + [0]
  static let headerSize = magic.count + 4 + 16 + 16

  /// The checksum over the payload that the header carries.
  package static func checksum(of payload: ArraySlice<UInt8>) -> UInt64 {
    var hash = WordHash()
    hash.add(payload)
    return hash.low ^ hash.high
  }

  package static func checksum(of payload: [UInt8]) -> UInt64 { checksum(of: payload[...]) }

  /// The snapshot of a compiled knowledge base made from sources with `key`.
  public static func encode(_ knowledgeBase: KnowledgeBase, key: SnapshotKey) -> [UInt8] {
    var body = SnapshotWriter(capacity: knowledgeBase.rules.count * 48)
    body.knowledgeBase(knowledgeBase)
    var payload = SnapshotWriter(capacity: body.bytes.count + body.strings.count * 24)
    payload.count(body.strings.count)
    for string in body.strings { payload.rawString(string) }
    let checksum = Self.checksum(of: payload.bytes + body.bytes)
    var header = SnapshotWriter(capacity: headerSize)
    header.fixed32(formatVersion)
    header.fixed64(key.low)
    header.fixed64(key.high)
    header.fixed64(UInt64(payload.bytes.count + body.bytes.count))
    header.fixed64(checksum)
    return magic + header.bytes + payload.bytes + body.bytes
  }

  /// The knowledge base in a snapshot, if the snapshot is whole and, when `key` is given, was
  /// made from those sources. Any damage is a `SnapshotProblem`, never a crash.
  public static func decode(_ bytes: [UInt8], expecting key: SnapshotKey? = nil) throws(SnapshotProblem)
    -> KnowledgeBase
  {
    guard bytes.count >= headerSize, Array(bytes.prefix(magic.count)) == magic else { throw .foreignFormat }
    var header = SnapshotReader(bytes, from: magic.count)
    guard try header.fixed32() == formatVersion else { throw .foreignFormat }
    let stored = SnapshotKey(low: try header.fixed64(), high: try header.fixed64())
    if let key, key != stored { throw .stale }
    let length = try header.fixed64()
    let checksum = try header.fixed64()
    guard length == UInt64(bytes.count - headerSize) else { throw .malformed("Länge stimmt nicht") }
    guard Self.checksum(of: bytes[headerSize...]) == checksum else { throw .checksumMismatch }
    var reader = SnapshotReader(bytes, from: headerSize)
    let count = try reader.count()
    var strings: [String] = []
    strings.reserveCapacity(count)
    for _ in 0..<count { strings.append(try reader.rawString()) }
    reader.table = strings
    let knowledgeBase = try reader.knowledgeBase()
    guard reader.atEnd else { throw .malformed("Daten nach dem Ende") }
    try checkPresets(of: knowledgeBase)
    return knowledgeBase
  }

  /// Exercise answers go to the engine as they are: each must fit its question.
  private static func checkPresets(of knowledgeBase: KnowledgeBase) throws(SnapshotProblem) {
    for exercise in knowledgeBase.exercises {
      for (question, answer) in exercise.answers + exercise.injects.flatMap(\.answers)
      where !answer.fits(knowledgeBase.questions[question]) {
        throw .malformed("Übungsantwort passt nicht zur Frage")
      }
    }
  }
}
