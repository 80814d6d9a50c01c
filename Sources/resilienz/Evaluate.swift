import ArgumentParser
import Consultation
import Foundation
import KnowledgeBase
import RuleLanguage

/// `resilienz evaluate`: answers from a file in, every conclusion out — for batch runs and benchmarks.
struct Evaluate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Wertet Antworten aus einer Datei aus und gibt alle Schlüsse aus.",
    discussion: """
      Die Antwortdatei enthält je Zeile 'frage = antwort' ('#' leitet Kommentare ein). \
      Ausgabe, nach Art und Id sortiert: 'fact ID' für jede geltende abgeleitete Tatsache, \
      'pattern ID PUNKTE' für jedes Muster mit Evidenz, 'measure ID GEWICHT' für jede \
      empfohlene Maßnahme. Mit --change wird danach je eine Antwort geändert; --timing \
      misst Laden, Auswertung und jede Änderung auf der Standardfehlerausgabe.
      """)

  @OptionGroup var knowledgeBase: KnowledgeBaseOption

  @Option(help: ArgumentHelp("Datei mit Antworten, je Zeile 'frage = antwort'.", valueName: "file"))
  var answers: String

  @Option(
    help: ArgumentHelp(
      "Nach der Auswertung eine Antwort ändern ('frage = antwort'); mehrfach möglich.", valueName: "änderung"))
  var change: [String] = []

  @Flag(help: "Zeiten für Laden, Auswertung und Änderungen auf stderr ausgeben.")
  var timing = false

  func run() throws {
    let clock = ContinuousClock()
    let loadStart = clock.now
    let result = KnowledgeBaseLoader.loadForUse(
      directory: knowledgeBase.resolved, environment: ProcessInfo.processInfo.environment)
    guard let kb = result.knowledgeBase else {
      FileHandle.standardError.write(Data(DiagnosticRenderer().render(result.diagnostics).utf8))
      throw ExitCode(1)
    }
    guard let data = FileManager.default.contents(atPath: answers) else {
      FileHandle.standardError.write(Data("error: cannot read '\(answers)'\n".utf8))
      throw ExitCode(2)
    }
    let (given, problems) = AnswerFile.parse(SourceFile(path: answers, bytes: [UInt8](data)), for: kb)
    guard problems.isEmpty else {
      FileHandle.standardError.write(Data(DiagnosticRenderer().render(problems).utf8))
      throw ExitCode(1)
    }
    let loaded = clock.now
    var consultation = Consultation(knowledgeBase: kb, evaluating: given)
    let evaluated = clock.now
    var timings = [
      "load \(Self.milliseconds(loaded - loadStart)) ms",
      "evaluate \(Self.milliseconds(evaluated - loaded)) ms",
    ]
    for (index, text) in change.enumerated() {
      let changeFile = SourceFile(path: "--change \(index + 1)", text: text)
      let (changed, changeProblems) = AnswerFile.parse(changeFile, for: kb)
      guard changeProblems.isEmpty else {
        FileHandle.standardError.write(Data(DiagnosticRenderer().render(changeProblems).utf8))
        throw ExitCode(1)
      }
      let before = clock.now
      let (events, decisions) = consultation.evaluate(changing: changed)
      timings.append(
        "change \(index + 1): \(Self.milliseconds(clock.now - before)) ms, \(events) events, \(decisions) rules decided"
      )
    }
    if timing {
      FileHandle.standardError.write(Data((timings.joined(separator: "\n") + "\n").utf8))
    }
    print(Self.conclusions(of: consultation), terminator: "")
    // Done: end the process here rather than free the knowledge base and the consultation
    // object by object on the way out, which at 10,000 rules costs a few percent of the run and
    // only returns memory to a process about to exit. `exit` flushes standard output.
    Foundation.exit(0)
  }

  static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    return String(format: "%.3f", value)
  }

  /// Every conclusion as sorted lines, the format the CLIPS benchmark prints too.
  static func conclusions(of consultation: Consultation) -> String {
    let kb = consultation.knowledgeBase
    var lines: [String] = []
    var factLines = consultation.derivedFacts.map { "fact \(kb.facts[$0].id)" }
    factLines.sort()
    lines += factLines
    var patternLines: [String] = []
    for (index, pattern) in kb.patterns.entries {
      if consultation.patternFires(index) {
        patternLines.append("pattern \(pattern.id) \(consultation.patternScore(index).twoDecimals)")
      }
    }
    lines += patternLines.sorted()
    lines += consultation.recommendedMeasures.map {
      "measure \(kb.measures[$0].id) \(consultation.measureWeight($0).twoDecimals)"
    }
    .sorted()
    return lines.map { $0 + "\n" }.joined()
  }
}
