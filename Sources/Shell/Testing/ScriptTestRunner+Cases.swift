import Foundation
import KnowledgeBase
import RuleLanguage

extension ScriptTestRunner {
  /// Parses and plays the case files; a case passes when it parses and meets its floors.
  func runCases(_ paths: [String], knowledgeBase: KnowledgeBase, output: OutputSink) -> (
    passed: Int, failed: Int, results: [CaseResult]
  ) {
    guard !paths.isEmpty else { return (0, 0, []) }
    let listPath = KnowledgeSources.join(knowledgeBaseDirectory, CaseRunner.pandemicListPath)
    guard let listText = ScriptLineSource.readFile(listPath) else {
      output.write("\(listPath): Die Liste der Maßnahmen, die nur in einer Pandemie sinnvoll sind, fehlt.\n")
      return (0, paths.count, [])
    }
    let list = CaseFileParser.parseMeasureList(path: listPath, text: listText, knowledgeBase: knowledgeBase)
    guard list.diagnostics.isEmpty else {
      output.write(DiagnosticRenderer().render(list.diagnostics))
      return (0, paths.count, [])
    }
    let runner = CaseRunner(knowledgeBase: knowledgeBase, pandemicList: list.ids)
    var passed = 0
    var failed = 0
    var results: [CaseResult] = []
    for path in paths {
      guard let text = ScriptLineSource.readFile(path) else {
        output.write("\(path): Datei kann nicht gelesen werden\n")
        failed += 1
        continue
      }
      let parsed = CaseFileParser.parse(path: path, text: text, knowledgeBase: knowledgeBase)
      guard let file = parsed.file else {
        if format == .text {
          output.write("FEHLGESCHLAGEN \(path)\n")
          output.write(DiagnosticRenderer().render(parsed.diagnostics))
        }
        failed += 1
        continue
      }
      let result = runner.play(file)
      results.append(result)
      if format == .text {
        output.write(runner.render(result, verbose: verbose))
        if !result.passed {
          output.write("FEHLGESCHLAGEN \(path)\n")
          for message in result.failures { output.write("  \(message)\n") }
        }
      }
      if result.passed { passed += 1 } else { failed += 1 }
    }
    return (passed, failed, results)
  }
}

extension CaseRunner {
  /// The cases' figures for `--format json`: one object per case and the summary.
  static func json(_ results: [CaseResult]) -> String {
    let quote = ScriptTestRunner.quote
    func number(_ value: Double) -> String { ratio(value) }
    let entries = results.map { result -> String in
      let recallAfter = result.recallAfter.map { "\"\($0.questions)\": \(number($0.recall))" }.joined(separator: ", ")
      return "    {\"id\": \(quote(result.file.id)), \"path\": \(quote(result.file.path)), "
        + "\"passed\": \(result.passed), \"questions\": \(result.questions), "
        + "\"outsideSheet\": \(result.outsideSheet), \"stable\": \(result.stable), "
        + "\"must\": \(number(result.figures.must)), \"recall\": \(number(result.figures.recall)), "
        + "\"full\": \(result.figures.assignment.full), \"partial\": \(result.figures.assignment.partial), "
        + "\"expected\": \(result.file.expected.count), \"mustNotFlags\": \(result.flags.count), "
        + "\"pandemicOnly\": \(result.pandemicOnly.count), \"patterns\": \(number(result.patternAccuracy)), "
        + "\"mainPatternRight\": \(result.mainPatternRight), \"recallAfter\": {\(recallAfter)}, "
        + "\"top\": [" + result.top.map { quote($0.measure) }.joined(separator: ", ") + "]}"
    }
    let summary = summary(results)
    return "  \"cases\": [\n" + entries.joined(separator: ",\n") + "\n  ],\n"
      + "  \"caseSummary\": {\"cases\": \(summary.cases), \"medianQuestions\": \(figure(summary.medianQuestions)), "
      + "\"maxQuestions\": \(summary.maxQuestions), \"recall\": \(number(summary.recall)), "
      + "\"must\": \(number(summary.must)), \"controlFlags\": \(summary.controlFlags), "
      + "\"pandemicOnly\": \(summary.pandemicOnly), \"patterns\": \(number(summary.patterns)), "
      + "\"mainPatternsRight\": \(summary.mainPatternsRight)}"
  }
}
