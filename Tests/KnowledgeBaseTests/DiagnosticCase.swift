import Foundation
import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// One input that provokes a diagnostic, with the id it is about and its golden rendering.
struct DiagnosticCase: Sendable, CustomTestStringConvertible {
  /// Also the golden file's name: `Snapshots/diagnostics/<name>.txt`.
  var name: String
  /// The diagnostic id the case is written for; it must be among the reported ones.
  var id: String
  var files: [(path: String, bytes: [UInt8])]
  /// A bug in the sources this case shows: its golden file holds the correct rendering, written
  /// by hand and never re-recorded, and the comparison runs as a known issue.
  var knownIssue: String?

  var testDescription: String { name }

  var sources: KnowledgeSources {
    let isExercise = { (path: String) in path.hasPrefix("Knowledge/exercises/") }
    var sources = KnowledgeSources(
      directory: ".",
      knowledgeFiles: files.filter { $0.path.hasSuffix(".yaml") && !isExercise($0.path) }.map {
        SourceFile(path: $0.path, bytes: $0.bytes)
      },
      ruleFiles: files.filter { $0.path.hasSuffix(".rules") }.map { SourceFile(path: $0.path, bytes: $0.bytes) })
    sources.exerciseFiles = files.filter { isExercise($0.path) }.map { SourceFile(path: $0.path, bytes: $0.bytes) }
    return sources
  }

  func load() -> LoadResult { KnowledgeBaseLoader.compile(sources) }

  /// The same case, marked as showing a bug in the sources.
  func knownIssue(_ description: String) -> DiagnosticCase {
    var copy = self
    copy.knownIssue = description
    return copy
  }

  /// The base knowledge and clean rules, plus `rules` as `Rules/case.rules`.
  static func rules(_ name: String, _ id: String, _ rules: String) -> DiagnosticCase {
    DiagnosticCase(
      name: name, id: id,
      files: Fixtures.base + [(path: "Rules/case.rules", bytes: Array(rules.utf8))])
  }

  /// The base knowledge and clean rules, plus `knowledge` as `Knowledge/case.yaml`.
  static func knowledge(_ name: String, _ id: String, _ knowledge: String) -> DiagnosticCase {
    DiagnosticCase(
      name: name, id: id,
      files: Fixtures.base + [(path: "Knowledge/case.yaml", bytes: Array(knowledge.utf8))])
  }

  /// Exactly the files given, as text.
  static func files(_ name: String, _ id: String, _ files: [(String, String)]) -> DiagnosticCase {
    DiagnosticCase(name: name, id: id, files: files.map { (path: $0.0, bytes: Array($0.1.utf8)) })
  }
}

/// Shared inputs for the knowledge tests.
enum Fixtures {
  /// Rules over `Fixture.baseKnowledge` that use every question, measure, factor, pattern and
  /// source, so that the pair loads without any diagnostic.
  static let cleanRules = """
    # Saubere Grundregeln: jede Frage, Maßnahme, jeder Faktor und jede Quelle wird benutzt.
    fact lang "Die Lage dauert schon lange"

    rule lang-nach-dauer
      source q1
      when phase = bewaeltigung and dauer >= 4
      then derive lang
           evidence dauerkrise +3

    rule lang-ohne-reserve
      source q1
      when lang and reserve in [keine, gering]
      then evidence dauerkrise +3
           assess rf3 schwach
           recommend pool weight 3
             because "Ohne Reserve trägt das Stammpersonal die lange Lage allein."

    rule liste-anlegen
      source q1
      when stab = nein or aufgaben includes any [test, impf] or last >= 4
      then recommend liste weight 1
             because "Eine Liste der Zweitverwendungen macht Mitarbeitende schnell verfügbar."

    """

  static let base: [(path: String, bytes: [UInt8])] = [
    (path: "Knowledge/base.yaml", bytes: Array(Fixture.baseKnowledge.utf8)),
    (path: "Rules/base.rules", bytes: Array(cleanRules.utf8)),
  ]

  /// `Fixture.baseKnowledge` with one piece of text replaced (which must occur in it).
  static func baseKnowledge(replacing old: String, with new: String) -> String {
    guard let range = Fixture.baseKnowledge.range(of: old) else {
      Issue.record("fixture text not found: \(old)")
      return Fixture.baseKnowledge
    }
    return Fixture.baseKnowledge.replacingCharacters(in: range, with: new)
  }
}
