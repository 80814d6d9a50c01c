import Foundation
import KnowledgeBase
import RuleLanguage

/// Builds knowledge bases in memory for tests.
public enum Fixture {
  /// The repository's root folder, found from this file's path.
  public static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  /// Sources from in-memory files: paths ending in `.yaml` are knowledge, `.rules` are rules.
  public static func sources(_ files: [(path: String, text: String)]) -> KnowledgeSources {
    KnowledgeSources(
      directory: ".",
      knowledgeFiles: files.filter { $0.path.hasSuffix(".yaml") }.map { SourceFile(path: $0.path, text: $0.text) },
      ruleFiles: files.filter { $0.path.hasSuffix(".rules") }.map { SourceFile(path: $0.path, text: $0.text) })
  }

  /// Loads in-memory files.
  public static func load(_ files: [(path: String, text: String)]) -> LoadResult {
    KnowledgeBaseLoader.compile(sources(files))
  }

  /// A small, valid knowledge file that rule fixtures can build on.
  public static let baseKnowledge = """
    knowledge_base:
      id: test
      title: Testwissen
      version: "1"
    factor_levels:
      - {id: kritisch, title: kritisch, weakness: 3}
      - {id: schwach, title: schwach, weakness: 2}
      - {id: ausreichend, title: ausreichend, weakness: 0}
      - {id: stark, title: stark, weakness: 0}
    priority:
      weight: 1
      phase_question: phase
      urgency:
        default: {sofort: 3, kurzfristig: 2, langfristig: 1}
        bewaeltigung: {sofort: 4, kurzfristig: 2, langfristig: 0}
      phase_match: 1
      weakness: max
      effort: {gering: 1, mittel: 0, hoch: -1}
    groups:
      - {id: lage, title: Lage}
    questions:
      - {id: phase, text: Phase?, type: choice, values: [vorsorge, bewaeltigung, nachbereitung], help: h, group: lage}
      - {id: dauer, text: Dauer?, type: number, min: 0, max: 100, unit: Wochen, help: h, group: lage}
      - {id: reserve, text: Reserve?, type: choice, values: [keine, gering, ausreichend], help: h, group: lage}
      - {id: stab, text: Stab?, type: yesno, help: h, group: lage}
      - {id: aufgaben, text: Aufgaben?, type: multi, values: [test, impf, hotline], help: h, group: lage}
      - {id: last, text: Last?, type: scale, min: 1, max: 5, help: h, group: lage}
    factors:
      - {id: rf3, title: Personal, finding: f, sources: [q1]}
    patterns:
      - {id: dauerkrise, title: Dauerkrise, description: d, indicators: [i], suspected: 3, established: 6, sources: [q1]}
    measures:
      - {id: pool, title: Pool, description: d, prevents: p, steps: [a, b, c], office: Personalamt, horizon: sofort, effort: mittel, phases: [bewaeltigung], factors: [rf3], sources: [q1], reviewed: 2026-12-04}
      - {id: liste, title: Liste, description: d, prevents: p, steps: [a, b, c], office: Krisenstab, horizon: langfristig, effort: gering, phases: [vorsorge], factors: [rf3], sources: [q1], reviewed: 2026-12-04}
    sources:
      - {id: q1, title: Quelle, publisher: Difu, year: 2024, url: "https://example.org"}
    source_domains:
      amtlich: [bund.de]
      forschung: [example.org]
    """
}
