import Consultation
import Foundation
import Testing
import _ResilienzTestSupport

/// The journal: JSON lines, appended and flushed one by one, read back with damaged lines reported.
@Suite struct JournalTests {
  static func scratch(_ label: String) throws -> URL {
    try Fixture.temporaryDirectory("journal-\(label)")
  }

  @Test func appendedRecordsReadBackInOrder() throws {
    let folder = try Self.scratch("roundtrip")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    let records = [
      JournalRecord(.start(knowledgeBase: "shell-test", version: "1.0")),
      JournalRecord(.set(.init(question: "lage.bereiche", answer: "gesundheit, soziales"))),
      JournalRecord(.set(.init(question: "lage.dauer_wochen", answer: "2,5"))),
      JournalRecord(.unset(question: "lage.dauer_wochen")),
      JournalRecord(.note(text: "Übung „Starkregen“ – Stab \"B\"\nzweite Zeile")),
      JournalRecord(.reset),
    ]
    do {
      let journal = try Journal(path: path)
      for record in records { try journal.append(record) }
    }
    // A second writer appends to what is there.
    try Journal(path: path).append(
      JournalRecord(.set(.init(question: "personal.reserve", answer: "?"))))
    let contents = try Journal.read(path: path)
    #expect(contents.problems.isEmpty)
    #expect(
      contents.records == records + [
        JournalRecord(.set(.init(question: "personal.reserve", answer: "?")))
      ])
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      text.split(separator: "\n").count == records.count + 1,
      "one line per record, newlines escaped")
    #expect(text.hasSuffix("\n"))
  }

  @Test func missingJournalIsEmpty() throws {
    let contents = try Journal.read(path: "/nonexistent/resilienz/j.journal")
    #expect(contents.records.isEmpty)
    #expect(contents.problems.isEmpty)
  }

  @Test func tornLastLineIsReportedAndSkipped() throws {
    let folder = try Self.scratch("torn")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    try Data(
      """
      {"knowledgeBase":"shell-test","op":"start","version":"1.0"}
      {"answer":"keine","op":"set","question":"personal.reserve"}
      {"answer":"8","op":"set","qu
      """.utf8
    ).write(to: URL(fileURLWithPath: path))
    let contents = try Journal.read(path: path)
    #expect(contents.records.map(\.entry.kind) == [.start, .set])
    #expect(
      contents.problems == [
        "Zeile 3 des Journals ist unvollständig (abgebrochener Schreibvorgang) und wird übergangen."
      ])
  }

  @Test func damagedMiddleLineIsReportedAndTheRestKept() throws {
    let folder = try Self.scratch("damaged")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    try Data(
      """
      {"knowledgeBase":"shell-test","op":"start","version":"1.0"}
      {"answer":"keine","op":"set","question":"personal.reserve"
      this is not json

      {"answer":"8","op":"set","question":"lage.dauer_wochen"}
      {"question":"lage.art"}

      """.utf8
    ).write(to: URL(fileURLWithPath: path))
    let contents = try Journal.read(path: path)
    #expect(
      contents.records.map(\.entry) == [
        .start(knowledgeBase: "shell-test", version: "1.0"),
        .set(.init(question: "lage.dauer_wochen", answer: "8")),
      ])
    #expect(
      contents.problems == [
        "Zeile 2 des Journals ist beschädigt und wird übergangen.",
        "Zeile 3 des Journals ist beschädigt und wird übergangen.",
        "Zeile 6 des Journals ist beschädigt und wird übergangen.",
      ])
  }

  @Test func invalidUTF8LineIsDamagedNotFatal() throws {
    let folder = try Self.scratch("bytes")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    var bytes = Array(#"{"op":"start","knowledgeBase":"shell-test","version":"1.0"}"#.utf8) + [0x0A]
    bytes += [0xFF, 0xFE, 0x00, 0x22, 0x0A]
    bytes += Array(#"{"answer":"ja","op":"set","question":"stab.vorhanden"}"#.utf8) + [0x0A]
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let contents = try Journal.read(path: path)
    #expect(contents.records.count == 2)
    #expect(contents.problems == ["Zeile 2 des Journals ist beschädigt und wird übergangen."])
  }

  @Test func directoryWhereAJournalShouldBe() throws {
    let folder = try Self.scratch("directory")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: JournalError.isDirectory(path: folder.path)) { try Journal(path: folder.path) }
    #expect(throws: JournalError.isDirectory(path: folder.path)) {
      try Journal.read(path: folder.path)
    }
    #expect(
      JournalError.isDirectory(path: "x").description == "„x“ ist ein Ordner, keine Journaldatei.")
  }

  @Test func journalInAMissingFolderCannotBeOpened() throws {
    let path = "/nonexistent-resilienz-folder/j.journal"
    #expect {
      try Journal(path: path)
    } throws: { error in
      guard case JournalError.cannotOpen(path, _) = error else { return false }
      return String(describing: error).hasPrefix("Das Journal „\(path)“ lässt sich nicht öffnen: ")
    }
  }
}
