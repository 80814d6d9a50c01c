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
/// (two UInt64); the payload length and its checksum (UInt64 each, `checksum(of:)`); then the payload:
/// the fingerprint block (whether the fingerprint is trusted, the source key again, then the
/// `SourceFingerprint` bytes with their count), the string table (count, then each string as
/// length and UTF-8 bytes) and the knowledge base, in which every string is its number in the
/// table and every integer a LEB128 varint.
public enum KnowledgeBaseSnapshot {
  /// Raised whenever the encoding or a model type changes, so that old snapshots are rebuilt.
  public static let formatVersion: UInt32 = 3
  static let magic: [UInt8] = Array("RSZSNAP".utf8) + [0]
  static let headerSize = magic.count + 4 + 16 + 16

  /// The checksum over the payload that the header carries.
  package static func checksum(of payload: ArraySlice<UInt8>) -> UInt64 {
    var hash = WordHash()
    hash.add(payload)
    return hash.low ^ hash.high
  }

  package static func checksum(of payload: [UInt8]) -> UInt64 { checksum(of: payload[...]) }

  /// The snapshot of a compiled knowledge base made from sources with `key`, whose files had
  /// `fingerprint` before they were read.
  public static func encode(
    _ knowledgeBase: KnowledgeBase, key: SnapshotKey, fingerprint: SourceFingerprint = .none
  ) -> [UInt8] {
    var body = SnapshotWriter(capacity: knowledgeBase.rules.count * 48)
    body.knowledgeBase(knowledgeBase)
    var table = SnapshotWriter(capacity: body.bytes.count + body.strings.count * 24)
    table.count(body.strings.count)
    for string in body.strings { table.rawString(string) }
    return assemble(key: key, fingerprint: fingerprint, rest: table.bytes + body.bytes)
  }

  /// Header, fingerprint block and `rest` (string table and knowledge base) as one snapshot.
  private static func assemble(key: SnapshotKey, fingerprint: SourceFingerprint, rest: ArraySlice<UInt8>)
    -> [UInt8]
  {
    var block = SnapshotWriter(capacity: fingerprint.files.count + 32)
    block.bool(fingerprint.trusted)
    block.fixed64(key.low)
    block.fixed64(key.high)
    block.count(fingerprint.files.count)
    var payload = block.bytes
    payload.reserveCapacity(payload.count + fingerprint.files.count + rest.count)
    payload += fingerprint.files
    payload += rest
    var header = SnapshotWriter(capacity: headerSize)
    header.fixed32(formatVersion)
    header.fixed64(key.low)
    header.fixed64(key.high)
    header.fixed64(UInt64(payload.count))
    header.fixed64(checksum(of: payload))
    return magic + header.bytes + payload
  }

  private static func assemble(key: SnapshotKey, fingerprint: SourceFingerprint, rest: [UInt8]) -> [UInt8] {
    assemble(key: key, fingerprint: fingerprint, rest: rest[...])
  }

  /// The fingerprint a snapshot records and the source key it vouches for, read without checking
  /// the checksum (`decode` does, and a damaged fingerprint only fails to match); nil when the
  /// bytes are no snapshot of this format.
  public static func fingerprint(in bytes: [UInt8]) -> (fingerprint: SourceFingerprint, key: SnapshotKey)? {
    guard let (fingerprint, key, _) = try? fingerprintBlock(in: bytes) else { return nil }
    return (fingerprint, key)
  }

  /// The snapshot with a new fingerprint, everything else as it was; for a snapshot `decode`
  /// accepted.
  public static func replacingFingerprint(in bytes: [UInt8], with fingerprint: SourceFingerprint)
    throws(SnapshotProblem) -> [UInt8]
  {
    let (_, key, end) = try fingerprintBlock(in: bytes)
    return assemble(key: key, fingerprint: fingerprint, rest: bytes[end...])
  }

  /// The fingerprint block after the header: the fingerprint, its key and where the block ends.
  private static func fingerprintBlock(in bytes: [UInt8]) throws(SnapshotProblem)
    -> (SourceFingerprint, SnapshotKey, Int)
  {
    guard bytes.count >= headerSize, Array(bytes.prefix(magic.count)) == magic else { throw .foreignFormat }
    var reader = SnapshotReader(bytes, from: magic.count)
    guard try reader.fixed32() == formatVersion else { throw .foreignFormat }
    reader = SnapshotReader(bytes, from: headerSize)
    let trusted = try reader.bool()
    let key = SnapshotKey(low: try reader.fixed64(), high: try reader.fixed64())
    let files = Array(try reader.raw(count: try reader.count()))
    return (SourceFingerprint(files: files, trusted: trusted), key, reader.position)
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
    // The fingerprint block is for `SnapshotCache`; the key in it must be the header's.
    let (_, blockKey, tableStart) = try fingerprintBlock(in: bytes)
    guard blockKey == stored else { throw .malformed("Schlüssel im Fingerabdruck stimmt nicht") }
    var reader = SnapshotReader(bytes, from: tableStart)
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
