import Consultation
import Foundation
import KnowledgeBase
import RuleEngine
import Shell
import Testing
import _ResilienzTestSupport

/// A disk under the journal that takes only so many bytes more, then fails as a full disk (or a
/// broken one) would: the part that fits is really written, so that a torn line is on disk.
final class FailingDisk: JournalFile {
  let real: DescriptorJournalFile
  /// Bytes that still fit; nil: as many as come.
  var budget: Int?
  var writeError: Int32 = ENOSPC
  /// Errors that `synchronize` and `truncate` report instead of doing their work (0: none).
  var syncError: Int32 = 0
  var truncateError: Int32 = 0

  init(path: String) throws {
    let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw JournalError.cannotOpen(path: path, reason: "test") }
    real = DescriptorJournalFile(descriptor: descriptor)
  }

  func append(_ bytes: UnsafeRawBufferPointer) -> (written: Int, error: Int32) {
    guard let budget, bytes.count > budget else {
      budget = budget.map { $0 - bytes.count }
      return real.append(bytes)
    }
    self.budget = 0
    let part = real.append(UnsafeRawBufferPointer(rebasing: bytes[0..<budget]))
    return (part.written, writeError)
  }

  func synchronize() -> Int32 { syncError != 0 ? syncError : real.synchronize() }
  func truncate(to length: Int) -> Int32 { truncateError != 0 ? truncateError : real.truncate(to: length) }
  func length() -> Int? { real.length() }
}

/// Defect 2 of issue 11: a full disk (or an I/O error) at any record type and after any number of
/// bytes is reported, leaves the journal and the consultation as they were, and the next change
/// after space is freed starts on a clean line: no acknowledged answer is lost.
@Suite struct JournalFaultTests {
  static let shipped: KnowledgeBase? = KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot).knowledgeBase

  /// One kind of change: what comes before it, and the change itself, which writes one record
  /// kind (named as in the journal).
  struct Operation: CustomTestStringConvertible, Sendable {
    var record: JournalEntry.Kind
    var prepare: @Sendable (inout Consultation, KnowledgeBase) throws -> Void
    var act: @Sendable (inout Consultation, KnowledgeBase) throws -> Void
    var testDescription: String { record.rawValue }
  }

  static func question(_ id: String, _ kb: KnowledgeBase) -> QuestionID { kb.questionIndex[id] ?? QuestionID(-1) }

  static let operations: [Operation] = [
    Operation(
      record: .set, prepare: { _, _ in }, act: { c, kb in try c.set(question("lage.phase", kb), to: .option(1)) }),
    Operation(
      record: .unset, prepare: { c, kb in try c.set(question("lage.phase", kb), to: .option(1)) },
      act: { c, kb in
        try c.set(question("lage.phase", kb), to: nil)
      }),
    Operation(
      record: .back, prepare: { c, kb in try c.set(question("lage.phase", kb), to: .option(1)) },
      act: { c, _ in
        _ = try c.back()
      }),
    Operation(record: .skip, prepare: { _, _ in }, act: { c, kb in try c.skip(question("lage.phase", kb)) }),
    Operation(
      record: .reset, prepare: { c, kb in try c.set(question("lage.phase", kb), to: .option(1)) },
      act: { c, kb in
        try c.replaceAnswers([question("lage.phase", kb): .option(2), question("lage.art", kb): .options(1)])
      }),
    Operation(
      record: .exercise, prepare: { _, _ in },
      act: { c, kb in
        try c.startExercise(kb.exercises[0], blind: true)
      }),
    Operation(
      record: .inject, prepare: { c, kb in try c.startExercise(kb.exercises[0], blind: false) },
      act: { c, _ in
        try c.playInject()
      }),
    Operation(
      record: .decide, prepare: { c, kb in try c.startExercise(kb.exercises[0], blind: false) },
      act: { c, _ in
        try c.decide(0, .accept, reason: "Lage „unklar“ – dennoch")
      }),
    Operation(
      record: .note, prepare: { c, kb in try c.startExercise(kb.exercises[0], blind: false) },
      act: { c, _ in
        try c.note("Lagezentrum meldet Ausfall")
      }),
    Operation(
      record: .debrief, prepare: { c, kb in try c.startExercise(kb.exercises[0], blind: true) },
      act: { c, _ in
        try c.markDebriefed()
      }),
  ]

  /// Everything a change could alter, to compare before and after a failed one.
  static func state(_ c: Consultation) -> String {
    "\(c.engine.answers)|\(c.history.map { String(describing: $0) })|\(c.skipped.sorted())|"
      + "\(c.exercise.map { "\($0.exercise.id) \($0.stage) \($0.decisions.count) \($0.notes.count) \($0.debriefed)" } ?? "-")"
  }

  /// A consultation on a failing disk, prepared for `operation`; with the journal's path.
  static func prepared(_ operation: Operation, kb: KnowledgeBase, in folder: URL, name: String) throws
    -> (Consultation, FailingDisk, String)
  {
    let path = folder.appendingPathComponent(name).path
    let disk = try FailingDisk(path: path)
    let journal = Journal(path: path, file: disk)
    try journal.append(JournalRecord.start(knowledgeBase: kb.info.id, version: kb.info.version))
    var consultation = Consultation(knowledgeBase: kb, journal: journal)
    try operation.prepare(&consultation, kb)
    return (consultation, disk, path)
  }

  static func bytes(_ path: String) -> [UInt8] {
    [UInt8](FileManager.default.contents(atPath: path) ?? Data())
  }

  @Test(arguments: operations)
  func failedWriteIsCutBackAndTheNextStartsOnACleanLine(operation: Operation) throws {
    let kb = try #require(Self.shipped)
    let folder = try ShellFixture.temporaryDirectory("fault-\(operation.record.rawValue)")
    defer { try? FileManager.default.removeItem(at: folder) }

    // How long the record is, from a write that succeeds.
    var (probe, _, probePath) = try Self.prepared(operation, kb: kb, in: folder, name: "probe.journal")
    let probeBefore = Self.bytes(probePath).count
    try operation.act(&probe, kb)
    let length = Self.bytes(probePath).count - probeBefore
    #expect(length > 0)
    #expect(try Journal.read(path: probePath).records.contains { $0.entry.kind == operation.record })

    // Every failure point: no byte fits, one, half, all but the newline, all but fsync fails.
    let points: [(budget: Int, error: Int32, sync: Int32)] = [
      (0, ENOSPC, 0), (1, ENOSPC, 0), (length / 2, EIO, 0), (length - 1, ENOSPC, 0), (length, ENOSPC, EIO),
    ]
    for (index, point) in points.enumerated() {
      var (consultation, disk, path) = try Self.prepared(operation, kb: kb, in: folder, name: "j\(index).journal")
      let fileBefore = Self.bytes(path)
      let stateBefore = Self.state(consultation)
      disk.budget = point.budget
      disk.writeError = point.error
      disk.syncError = point.sync
      #expect(throws: JournalError.self, "\(operation.record) after \(point.budget) bytes") {
        try operation.act(&consultation, kb)
      }
      #expect(Self.bytes(path) == fileBefore, "the failed record is cut back (\(point))")
      #expect(Self.state(consultation) == stateBefore, "nothing changed that the journal does not hold (\(point))")

      // Space freed: the same change again is kept, on a line of its own.
      disk.budget = nil
      disk.syncError = 0
      try operation.act(&consultation, kb)
      let contents = try Journal.read(path: path)
      #expect(contents.problems.isEmpty, "\(contents.problems)")
      #expect(contents.intactLength == contents.length)
      let (replayed, problems) = try Consultation.replay(knowledgeBase: kb, contents: contents)
      #expect(problems.isEmpty, "\(problems)")
      #expect(Self.state(replayed) == Self.state(consultation), "\(operation.record) (\(point))")
    }
  }

  /// When even cutting back fails, the remains are cut before the next record is written.
  @Test func remainsThatCouldNotBeCutAreCutBeforeTheNextRecord() throws {
    let kb = try #require(Self.shipped)
    let folder = try ShellFixture.temporaryDirectory("fault-cut")
    defer { try? FileManager.default.removeItem(at: folder) }
    var (consultation, disk, path) = try Self.prepared(Self.operations[0], kb: kb, in: folder, name: "j.journal")
    let phase = Self.question("lage.phase", kb)
    disk.budget = 9
    disk.truncateError = EIO
    #expect(throws: JournalError.self) { try consultation.set(phase, to: .option(1)) }
    #expect(try Journal.read(path: path).problems.count == 1, "the torn remains are still there")
    disk.truncateError = 0
    disk.budget = nil
    try consultation.set(phase, to: .option(2))
    let contents = try Journal.read(path: path)
    #expect(contents.problems.isEmpty, "\(contents.problems)")
    #expect(contents.records.map(\.entry.kind) == [.start, .set])
    guard case .set(let given) = contents.records.last?.entry else { return }
    #expect(given.answer == AnswerParser.format(.option(2), for: kb.questions[phase]))
  }

  /// The shell says in German that the answer was not taken, and does not say „Übernommen.“.
  @Test func shellReportsAFullDiskAndDoesNotAcknowledge() throws {
    let folder = try ShellFixture.temporaryDirectory("fault-shell")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    let disk = try FailingDisk(path: path)
    let (shell, output) = try ShellFixture.shell(journal: Journal(path: "j.journal", file: disk))
    shell.execute("setze personal.reserve = keine")
    disk.budget = 20
    shell.execute("setze lage.art = pandemie")
    disk.budget = nil
    shell.execute("setze lage.dauer_wochen = 8")
    if let problem = Golden.check(output.text, named: "journal-disk-full.transcript", in: "Transcripts") {
      Issue.record(Comment(rawValue: problem))
    }
    #expect(output.text.contains("Fehler: Nicht übernommen: Datenträger voll (Journal „j.journal“)."))
    #expect(output.text.components(separatedBy: "Übernommen.").count - 1 == 2)
    let contents = try Journal.read(path: path)
    #expect(contents.problems.isEmpty)
    let answered = contents.records.compactMap { record -> String? in
      guard case .set(let given) = record.entry else { return nil }
      return given.question
    }
    #expect(answered == ["personal.reserve", "lage.dauer_wochen"])
    #expect(shell.consultation.engine.answers.compactMap { $0 }.count == 2)
  }
}
