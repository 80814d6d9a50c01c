import Foundation
import Testing
import _ResilienzTestSupport

@testable import LanguageServer

/// A session over a copy of the shipped knowledge base with a mistake on disk.
@Suite struct BrokenKnowledgeSessionTests {
  /// A copy of Rules/ and Knowledge/ in a fresh temporary folder.
  static func copy() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for name in ["Rules", "Knowledge"] {
      try FileManager.default.copyItem(atPath: Fixture.repositoryRoot + "/" + name, toPath: folder + "/" + name)
    }
    return DocumentURI.normalized(folder)
  }

  @Test func diagnosticsOnDiskAndNavigationDespiteErrors() throws {
    let root = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let yamlPath = root + "/Knowledge/rf3-personal.yaml"
    let yaml = try String(contentsOfFile: yamlPath, encoding: .utf8)
    // The measure's id is misspelt on disk: every rule that recommends it refers to nothing.
    try yaml.replacingOccurrences(of: "id: aufgabenkritik", with: "id: aufgabenkritk")
      .write(toFile: yamlPath, atomically: true, encoding: .utf8)

    let session = EditorSession(directory: nil)
    _ = session.initialize(root: root)
    let rulesPath = root + "/Rules/rf3-personal.rules"
    let found = session.diagnostics(for: DocumentURI.uri(of: rulesPath))
    let unknown = try #require(found.first { $0["code"] == "unknown-measure" })
    #expect(unknown["message"]?.string?.contains("aufgabenkritik") == true)

    // The index is built although the knowledge base has errors.
    let rules = try String(contentsOfFile: rulesPath, encoding: .utf8)
    let spot = try #require(place(of: "when personal.reserve", in: rules, offset: 8))
    let definition = session.request(
      "textDocument/definition", EditorSession.position(rulesPath, line: spot.line, character: spot.character))
    #expect(definition["result"]?.array?.first?["uri"]?.string == DocumentURI.uri(of: yamlPath))

    // Fixing the file in the editor (unsaved) clears the rule file's errors.
    session.open(yamlPath, text: yaml)
    #expect(session.diagnostics(for: DocumentURI.uri(of: yamlPath)).isEmpty)
    #expect(session.diagnostics(for: DocumentURI.uri(of: rulesPath)).isEmpty)
    _ = session.request("shutdown")
    #expect(session.exit() == 0)
  }

  @Test func aBrokenYAMLDocumentGetsTheCheckersPosition() throws {
    let root = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let session = EditorSession(directory: root)
    _ = session.initialize()
    let path = root + "/Knowledge/rf3-personal.yaml"
    let yaml = try String(contentsOfFile: path, encoding: .utf8)
    session.open(path, text: yaml)
    #expect(session.diagnostics(for: DocumentURI.uri(of: path)).isEmpty)
    let broken = yaml.replacingOccurrences(of: "type: choice", with: "type: choise")
    session.change(path, text: broken, version: 2)
    let found = session.diagnostics(for: DocumentURI.uri(of: path))
    let spot = try #require(place(of: "choise", in: broken))
    let invalid = try #require(found.first { $0["range"]?["start"]?["line"]?.int == spot.line })
    #expect(invalid["range"]?["start"]?["character"]?.int == spot.character)
    #expect(invalid["message"]?.string?.contains("choice") == true)
    _ = session.request("shutdown")
    #expect(session.exit() == 0)
  }
}
