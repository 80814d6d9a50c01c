import Foundation
import Testing
import _ResilienzTestSupport

/// `resilienz` without arguments bypasses ArgumentParser for a faster start
/// (`Resilienz.main`); it must behave exactly as `resilienz consult`.
struct PlainStartTests {
  @Test func plainStartEqualsConsult() throws {
    let script = "1\nempfehlungen 2\nende\n"
    let plain = try CommandLineTests.run([], input: script)
    let consult = try CommandLineTests.run(["consult"], input: script)
    #expect(plain.status == 0, "\(plain.output)")
    #expect(plain.status == consult.status)
    #expect(plain.output == consult.output)
    #expect(plain.output.contains("Entgrenzte Dauerkrise / Pandemie“: Verdacht"), "\(plain.output)")
  }

  /// A knowledge base with errors (named by RESILIENZ_KB, the only way without arguments) ends
  /// both with status 1 and the same German message.
  @Test func plainStartWithABrokenKnowledgeBaseEqualsConsult() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Knowledge"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Rules"), withIntermediateDirectories: true)
    try Fixture.baseKnowledge.write(
      to: folder.appendingPathComponent("Knowledge/k.yaml"), atomically: true, encoding: .utf8)
    try "rule kaputt\n  source q1\n  when unbekannt = ja\n  then recommend pool weight 1 because \"x\"\n"
      .write(to: folder.appendingPathComponent("Rules/r.rules"), atomically: true, encoding: .utf8)
    let environment = ["RESILIENZ_KB": folder.path]
    let plain = try CommandLineTests.run([], environment: environment, input: "ende\n")
    let consult = try CommandLineTests.run(["consult"], environment: environment, input: "ende\n")
    #expect(plain.status == 1, "\(plain.output)")
    #expect(plain.status == consult.status)
    #expect(plain.output == consult.output)
    #expect(plain.output.contains("hat Fehler"), "\(plain.output)")
  }
}
