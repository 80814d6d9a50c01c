import Consultation
import Foundation
import KnowledgeBase
import RuleLanguage

/// Runs scripted consultations (`*.test`) and development cases (`*.case`) as tests: each
/// isolated, failures with file and line, the cases' figures, a closing `N bestanden, N fehlgeschlagen`,
/// and optionally coverage of the knowledge base.
public struct ScriptTestRunner {
  public enum Format: String, Sendable {
    case text, json
  }

  public var knowledgeBaseDirectory: String
  public var paths: [String]
  public var filter: String?
  public var verbose = false
  public var coverage = false
  public var trace = false
  public var format = Format.text
  /// Whether `include` may name files outside the folder the scripts were found in.
  public var includeOutside = false

  public init(knowledgeBaseDirectory: String, paths: [String]) {
    self.knowledgeBaseDirectory = knowledgeBaseDirectory
    self.paths = paths
  }

  /// The test scripts (`*.test`) and cases (`*.case`) in the given files and folders, sorted,
  /// folders recursively; each with the folder it was found in (a script given alone: its own),
  /// which a script's includes must stay inside.
  public static func discover(_ paths: [String]) -> (scripts: [(script: String, folder: String)], missing: [String]) {
    var scripts: [(script: String, folder: String)] = []
    var missing: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        missing.append(path)
        continue
      }
      guard isDirectory.boolValue else {
        scripts.append((path, URL(fileURLWithPath: path).deletingLastPathComponent().path))
        continue
      }
      let enumerator = FileManager.default.enumerator(atPath: path)
      var found: [String] = []
      while let name = enumerator?.nextObject() as? String {
        if name.hasSuffix(".test") || name.hasSuffix(".case") { found.append(KnowledgeSources.join(path, name)) }
      }
      scripts += found.sorted().map { ($0, path) }
    }
    return (scripts, missing)
  }

  /// Runs the tests, writes the report and returns the exit status (0 only when all passed).
  public func run(output: OutputSink) -> Int32 {
    let loaded = KnowledgeBaseLoader.load(directory: knowledgeBaseDirectory, lint: false)
    guard let knowledgeBase = loaded.knowledgeBase else {
      output.write("Die Wissensbasis in „\(knowledgeBaseDirectory)“ hat Fehler:\n")
      output.write(DiagnosticRenderer().render(loaded.diagnostics.filter { $0.severity == .error }))
      output.write(Self.summary(passed: 0, failed: 1))
      return 1
    }
    let (found, missing) = Self.discover(paths)
    let selected = found.filter { filter.map($0.script.contains) ?? true }
    let scripts = selected.filter { !$0.script.hasSuffix(".case") }
    let cases = selected.map(\.script).filter { $0.hasSuffix(".case") }
    let recorder = coverage ? CoverageRecorder(knowledgeBase: knowledgeBase) : nil
    var passed = 0
    var failed = missing.count
    for path in missing { output.write("\(path): Datei oder Ordner nicht gefunden\n") }
    for (path, folder) in scripts {
      let transcript = BufferOutputSink()
      var options = ShellOptions(interactive: false, color: false)
      options.knowledgeBaseDirectory = knowledgeBaseDirectory
      options.trace = trace
      let shell = Shell(consultation: Consultation(knowledgeBase: knowledgeBase), output: transcript, options: options)
      shell.coverage = recorder
      var source = ScriptLineSource(path: path, includes: includeOutside ? .anywhere : .folder(folder))
      let status = shell.run(&source)
      if verbose, format == .text {
        output.write("== \(path) ==\n\(transcript.text)")
      }
      if status == 0 {
        passed += 1
      } else {
        failed += 1
        if format == .text {
          output.write("FEHLGESCHLAGEN \(path)\n")
          // One line per failure, unwrapped, so that editors can jump to `path:line`.
          for message in shell.failureMessages { output.write("  \(message)\n") }
        }
      }
    }
    let caseRun = runCases(cases, knowledgeBase: knowledgeBase, output: output)
    passed += caseRun.passed
    failed += caseRun.failed
    switch format {
    case .text:
      if let recorder { output.write(Self.coverageText(recorder)) }
      if !caseRun.results.isEmpty { output.write(CaseRunner.summaryLine(CaseRunner.summary(caseRun.results))) }
      output.write(Self.summary(passed: passed, failed: failed))
    case .json:
      output.write(Self.json(passed: passed, failed: failed, recorder: recorder, cases: caseRun.results))
    }
    return failed == 0 ? 0 : 1
  }

  /// The closing line; `--format json` keeps the English keys `passed` and `failed` for tools.
  static func summary(passed: Int, failed: Int) -> String {
    "\(passed) bestanden, \(failed) fehlgeschlagen\n"
  }

  static func coverageText(_ recorder: CoverageRecorder) -> String {
    var out = "Abdeckung:\n"
    for figure in recorder.figures {
      out += "  \(figure.title): \(figure.covered) von \(figure.total) (\(figure.percent) %)\n"
      if !figure.missing.isEmpty {
        out += TextLayout.wrap("nie erreicht: " + figure.missing.joined(separator: ", "), first: "    ", rest: "      ")
      }
    }
    return out
  }

  /// A JSON string literal.
  static func quote(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  static func json(passed: Int, failed: Int, recorder: CoverageRecorder?, cases: [CaseResult] = []) -> String {
    var out = "{\n  \"passed\": \(passed),\n  \"failed\": \(failed)"
    if let recorder {
      let entries = recorder.figures.map { figure in
        "    \(quote(figure.key)): {\"covered\": \(figure.covered), \"total\": \(figure.total), \"missing\": ["
          + figure.missing.map(quote).joined(separator: ", ") + "]}"
      }
      out += ",\n  \"coverage\": {\n" + entries.joined(separator: ",\n") + "\n  }"
    }
    if !cases.isEmpty { out += ",\n" + CaseRunner.json(cases) }
    return out + "\n}\n"
  }
}
