import Foundation
import KnowledgeBase
import RuleLanguage

/// The editor's view of the knowledge base at one moment: the folder and the unsaved documents.
struct WorkspaceSnapshot: Sendable {
  var directory: String
  /// Path → text of every open document.
  var overlay: [String: String]
  /// Counts edits; a check of generation n reflects every edit up to n.
  var generation: Int
}

/// The checker's verdict on a snapshot and the index of its ids.
struct CheckOutcome: Sendable {
  var generation: Int
  /// Diagnostics by path, in output order.
  var diagnostics: [String: [Diagnostic]]
  var index: WorkspaceIndex
}

enum WorkspaceCheck {
  /// Loads and checks exactly as `resilienz check` does, with the open documents in place of
  /// their files, and indexes the ids of the same text.
  static func run(_ snapshot: WorkspaceSnapshot) -> CheckOutcome {
    let sources = KnowledgeSources.read(directory: snapshot.directory, overlay: snapshot.overlay)
    let report = CheckReport(result: KnowledgeBaseLoader.compile(sources), strict: false)
    var diagnostics: [String: [Diagnostic]] = [:]
    for diagnostic in report.diagnostics { diagnostics[diagnostic.site.path, default: []].append(diagnostic) }
    let index = WorkspaceIndex(
      symbols: SymbolIndex.collect(sources), scripts: scripts(snapshot.directory, snapshot.overlay))
    return CheckOutcome(generation: snapshot.generation, diagnostics: diagnostics, index: index)
  }

  /// The test scripts and development cases, from disk or from the open documents.
  static func scripts(_ directory: String, _ overlay: [String: String]) -> [SourceFile] {
    var files: [String: SourceFile] = [:]
    for (folder, ending) in [("Rules/tests", ".test"), ("Rules/cases", ".case")] {
      let path = KnowledgeSources.join(directory, folder)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      for name in names where name.hasSuffix(ending) && !name.hasPrefix(".") {
        let file = KnowledgeSources.join(path, name)
        if let data = FileManager.default.contents(atPath: file) {
          files[file] = SourceFile(path: file, bytes: [UInt8](data))
        }
      }
    }
    for (path, text) in overlay where isScript(path) { files[path] = SourceFile(path: path, text: text) }
    return files.keys.sorted().compactMap { files[$0] }
  }

  static func isScript(_ path: String) -> Bool { path.hasSuffix(".test") || path.hasSuffix(".case") }
}
