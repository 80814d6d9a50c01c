import Foundation
import KnowledgeBase
import RuleLanguage

/// What `resilienz check` and the shell's `prüfen` find in the test scripts (`Rules/tests`) and
/// the cases (`Rules/cases/*.case`), read by the same parsers as `resilienz test`.
public enum ScriptDiagnostics {
  /// The problems of every test script and case of the knowledge base in `directory`; only a
  /// knowledge base without errors can check them.
  public static func check(directory: String, knowledgeBase: KnowledgeBase) -> [Diagnostic] {
    var diagnostics = ScriptChecker.check(
      directory: directory, knowledgeBase: knowledgeBase, commandNames: Shell.commandNames)
    let cases = KnowledgeSources.join(directory, "Rules/cases")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: cases)) ?? []
    for name in names.sorted() where name.hasSuffix(".case") {
      let path = KnowledgeSources.join(cases, name)
      guard let text = ScriptLineSource.readFile(path) else {
        diagnostics.append(
          Diagnostic(
            id: DiagnosticID("unreadable"), severity: .error, message: "cannot read '\(path)'",
            site: DiagnosticSite(path: path)))
        continue
      }
      diagnostics += CaseFileParser.parse(path: path, text: text, knowledgeBase: knowledgeBase).diagnostics
    }
    return diagnostics
  }

  /// The knowledge base's own problems with those of its scripts and cases, in output order.
  public static func load(directory: String) -> LoadResult {
    var result = KnowledgeBaseLoader.load(directory: directory)
    if let compiled = result.knowledgeBase {
      result.diagnostics = (result.diagnostics + check(directory: directory, knowledgeBase: compiled))
        .sortedForOutput()
    }
    return result
  }
}
