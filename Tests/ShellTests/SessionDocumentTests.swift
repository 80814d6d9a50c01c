import Consultation
import Foundation
import Testing

/// Saved consultations: versioned JSON, written atomically, never overwritten by accident.
@Suite struct SessionDocumentTests {
  static let document = SessionDocument(
    knowledgeBase: .init(id: "shell-test", version: "1.0"),
    answers: [
      .init(question: "lage.bereiche", answer: "gesundheit, soziales"),
      .init(question: "lage.dauer_wochen", answer: "2,5"),
      .init(question: "personal.reserve", answer: "?"),
    ])

  @Test func writeAndReadRoundTripWithoutATemporaryFileLeft() throws {
    let folder = try ShellFixture.temporaryDirectory("session")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("beratung.json").path
    try Self.document.write(to: path, overwrite: false)
    #expect(try SessionDocument.read(from: path) == Self.document)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["beratung.json"])
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains(#""format" : "resilienz-session""#))
    #expect(text.contains(#""formatVersion" : 1"#))
    #expect(text.hasSuffix("}\n"))
  }

  @Test func existingFileIsNotOverwrittenWithoutForce() throws {
    let folder = try ShellFixture.temporaryDirectory("session-exists")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("beratung.json").path
    try Data("meine Notizen\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: SessionError.exists(path)) {
      try Self.document.write(to: path, overwrite: false)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "meine Notizen\n", "untouched")
    try Self.document.write(to: path, overwrite: true)
    #expect(try SessionDocument.read(from: path) == Self.document)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["beratung.json"])
    #expect(
      SessionError.exists("b.json").description
        == "„b.json“ gibt es schon. Zum Überschreiben: speichern b.json --force")
  }

  @Test func directoryAndMissingFolderCannotBeWritten() throws {
    let folder = try ShellFixture.temporaryDirectory("session-dir")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: SessionError.cannotWrite(folder.path, reason: "das ist ein Ordner")) {
      try Self.document.write(to: folder.path, overwrite: true)
    }
    let missing = folder.appendingPathComponent("fehlt/beratung.json").path
    #expect {
      try Self.document.write(to: missing, overwrite: false)
    } throws: { error in
      guard case SessionError.cannotWrite(missing, _) = error else { return false }
      return true
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty,
      "no temporary file left")
  }

  @Test func newerFormatIsRefused() throws {
    let folder = try ShellFixture.temporaryDirectory("session-newer")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("neu.json").path
    var newer = Self.document
    newer.formatVersion = 2
    try newer.write(to: path, overwrite: false)
    #expect(throws: SessionError.newerFormat(path, 2)) { try SessionDocument.read(from: path) }
    #expect(
      SessionError.newerFormat("neu.json", 2).description
        == "„neu.json“ hat das Format 2, das diese Version von resilienz noch nicht kennt.")
  }

  @Test(arguments: [
    "", "{", "[]", "null", #"{"format": "resilienz-session"}"#,
    #"{"format": "anderes", "formatVersion": 1, "knowledgeBase": {"id": "x", "version": "1"}, "answers": []}"#,
    #"{"format": "resilienz-session", "formatVersion": "eins", "knowledgeBase": {"id": "x", "version": "1"}, "answers": []}"#,
  ])
  func corruptOrForeignFilesAreNotSessions(content: String) throws {
    let folder = try ShellFixture.temporaryDirectory("session-corrupt")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("x.json").path
    try Data(content.utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: SessionError.notASession(path)) { try SessionDocument.read(from: path) }
  }

  @Test func missingFileAndDirectoryCannotBeRead() throws {
    let folder = try ShellFixture.temporaryDirectory("session-read")
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("fehlt.json").path
    #expect(throws: SessionError.cannotRead(missing, reason: "die Datei gibt es nicht")) {
      try SessionDocument.read(from: missing)
    }
    #expect(throws: SessionError.cannotRead(folder.path, reason: "das ist ein Ordner")) {
      try SessionDocument.read(from: folder.path)
    }
  }
}
