import Foundation
import KnowledgeBase

/// The small knowledge base under `Tests/ShellTests/Fixtures/kb` that the consultation, shell and
/// report tests share (not the shipped one, so that knowledge can change without them).
extension Fixture {
  public struct BrokenFixture: Error, CustomStringConvertible {
    public var description: String
  }

  public static var dialogueKnowledgeBaseDirectory: String {
    repositoryRoot + "/Tests/ShellTests/Fixtures/kb"
  }

  private static let dialogueLoad = KnowledgeBaseLoader.load(directory: dialogueKnowledgeBaseDirectory)

  public static func dialogueKnowledgeBase() throws -> KnowledgeBase {
    guard let kb = dialogueLoad.knowledgeBase else {
      throw BrokenFixture(
        description: "the fixture knowledge base has errors: \(dialogueLoad.diagnostics.map(\.message))")
    }
    return kb
  }

  /// A fresh, empty folder; the caller removes it.
  public static func temporaryDirectory(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("resilienz-test-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
