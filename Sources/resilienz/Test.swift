import ArgumentParser
import KnowledgeBase
import Shell

/// `resilienz test`: the rule authors' scripted consultations as tests.
struct Test: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Führt die Testskripte (*.test) aus und meldet jede verfehlte Erwartung.",
    discussion: """
      Ohne Pfad werden alle Skripte unter Rules/tests der Wissensbasis ausgeführt, jedes als \
      eigene Beratung. Die letzte Zeile lautet 'N passed, N failed'; der Exit-Status ist nur \
      dann 0, wenn alle Skripte bestanden.
      """)

  @OptionGroup var knowledgeBase: KnowledgeBaseOption

  @Argument(help: ArgumentHelp("Skripte oder Ordner (Standard: Rules/tests).", valueName: "pfad"))
  var paths: [String] = []

  @Option(help: "Nur Skripte, deren Pfad diesen Text enthält.")
  var filter: String?

  @Flag(help: "Das Protokoll jedes Skripts ausgeben.")
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
    var runner = ScriptTestRunner(
      knowledgeBaseDirectory: directory,
      paths: paths.isEmpty ? [KnowledgeSources.join(directory, "Rules/tests")] : paths)
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
