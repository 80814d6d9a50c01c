import ArgumentParser
import Foundation
import KnowledgeBase
import Shell

/// `resilienz test`: the rule authors' scripted consultations as tests.
struct Test: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Führt die Testskripte und Fälle aus und meldet jede verfehlte Erwartung.",
    discussion: """
      Ohne Pfad werden alle Skripte unter Rules/tests und alle Fälle unter Rules/cases der \
      Wissensbasis ausgeführt, jedes als eigene Beratung. Für die Fälle folgen ihre Kennzahlen \
      und eine Zeile 'Fälle: …' für den ganzen Satz. Die letzte Zeile lautet \
      'N bestanden, N fehlgeschlagen'; der Exit-Status ist nur dann 0, wenn alle bestanden. \
      Mit --format json stehen dieselben Zahlen unter englischen Schlüsseln (passed, failed …).
      """)

  @OptionGroup var knowledgeBase: KnowledgeBaseOption

  @Argument(
    help: ArgumentHelp("Skripte, Fälle oder Ordner (Standard: Rules/tests und Rules/cases).", valueName: "pfad"))
  var paths: [String] = []

  @Option(help: "Nur Skripte und Fälle, deren Pfad diesen Text enthält.")
  var filter: String?

  @Flag(help: "Das Protokoll jedes Skripts und den Dialog jedes Falls ausgeben.")
  var verbose = false

  @Flag(help: "Abdeckung ausgeben: Regeln, Maßnahmen, Fragen, Musterzustände, Faktorstufen.")
  var coverage = false

  @Flag(help: "Jede feuernde Regel und jede Änderung im Protokoll zeigen (mit --verbose).")
  var trace = false

  @Option(help: "Ausgabeformat: text oder json.")
  var format: Check.Format = .text

  @Flag(help: "'include' darf auch Dateien außerhalb des Testordners einbinden (absolute oder ../-Pfade).")
  var includeOutside = false

  func run() throws {
    let directory = knowledgeBase.resolved
    var defaults = [KnowledgeSources.join(directory, "Rules/tests")]
    // Other knowledge bases need not have cases; a missing Rules/cases is no failure.
    let cases = KnowledgeSources.join(directory, "Rules/cases")
    if FileManager.default.fileExists(atPath: cases) { defaults.append(cases) }
    var runner = ScriptTestRunner(knowledgeBaseDirectory: directory, paths: paths.isEmpty ? defaults : paths)
    runner.filter = filter
    runner.verbose = verbose
    runner.coverage = coverage
    runner.trace = trace
    runner.includeOutside = includeOutside
    runner.format = format == .json ? .json : .text
    let status = runner.run(output: StandardOutputSink())
    if status != 0 { throw ExitCode(status) }
  }
}
