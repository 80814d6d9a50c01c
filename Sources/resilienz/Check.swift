import ArgumentParser
import Foundation
import KnowledgeBase
import RuleLanguage
import Shell

/// `resilienz check`: every problem of every rule, knowledge file, test script and case, with its
/// position.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Prüft Regeln, Wissen, Testskripte und Fälle und meldet jeden Fehler mit Datei, Zeile und Spalte.",
    discussion: """
      Die Zusammenfassung ist deutsch; jede Meldung behält ihre feste Kennung (etwa \
      unknown-question), die --format json für Werkzeuge ausgibt. Exit-Status: 0 ohne Fehler, 1 bei mindestens einem Fehler (mit --strict auch bei \
      Warnungen), 2 wenn Ordner oder Dateien nicht gelesen werden können.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var knowledgeBase: KnowledgeBaseOption

  @Option(help: "Ausgabeformat: text oder json.")
  var format: Format = .text

  @Flag(help: "Warnungen als Fehler werten.")
  var strict = false

  @Flag(help: "Anzahl der Faktoren, Muster, Maßnahmen, Fragen, Regeln, Quellen und Tests ausgeben.")
  var stats = false

  @Option(
    help: ArgumentHelp(
      "Den übersetzten Stand der fehlerfreien Wissensbasis zusätzlich als Snapshot in diese Datei schreiben.",
      valueName: "datei"))
  var snapshot: String?

  func run() throws {
    let directory = knowledgeBase.resolved
    let cache = SnapshotCache.standard(environment: ProcessInfo.processInfo.environment)
    // Before the files are read, so that one changed meanwhile differs from it at the next start.
    let fingerprint = cache?.fingerprint(of: directory)
    // Read once: the same bytes are compiled and key the snapshot written below.
    let sources = KnowledgeSources.read(directory: directory)
    var result = KnowledgeBaseLoader.compile(sources)
    if let compiled = result.knowledgeBase {
      // Scripts and cases are read against the knowledge base, so only a base without errors can
      // check them.
      result.diagnostics = (result.diagnostics + ScriptDiagnostics.check(directory: directory, knowledgeBase: compiled))
        .sortedForOutput()
    }
    let report = CheckReport(result: result, strict: strict)
    switch format {
    case .text: print(report.text(withStatistics: stats), terminator: "")
    case .json: print(DiagnosticJSONRenderer().render(report.diagnostics), terminator: "")
    }
    // A checked base is what the next start loads: keep its snapshot in the cache.
    if let compiled = result.knowledgeBase {
      cache?.store(compiled, sources: sources, fingerprint: fingerprint ?? .none)
      if let snapshot {
        do {
          try KnowledgeBaseSnapshot.write(
            compiled, key: SnapshotKey(sources: sources, program: SnapshotCache.currentProgram), to: snapshot)
        } catch {
          FileHandle.standardError.write(Data("Der Snapshot „\(snapshot)“ lässt sich nicht schreiben.\n".utf8))
          throw ExitCode(2)
        }
      }
    }
    if report.exitCode != 0 { throw ExitCode(report.exitCode) }
  }
}
