import Consultation
import Foundation
import KnowledgeBase
import RuleLanguage

/// Starts consultations: at a terminal with readline, from standard input, or from script files.
public enum ConsultationLauncher {
  /// The folder for history and the default journal: `$XDG_STATE_HOME/resilienz`.
  public static func stateDirectory(environment: [String: String]) -> String {
    let base =
      environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
    return base + "/resilienz"
  }

  /// - Parameter environment: where the snapshot cache lies (`XDG_CACHE_HOME`, `HOME`) and
  ///   whether it is used at all (`RESILIENZ_SNAPSHOT`).
  static func loadKnowledgeBase(
    _ directory: String, errors: OutputSink, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> KnowledgeBase? {
    // Warnings are for rule authors ('resilienz check'); a consultation only needs no errors.
    // The snapshot cache spares the start parsing and checking when no file has changed.
    let result = KnowledgeBaseLoader.loadForUse(directory: directory, environment: environment)
    guard let knowledgeBase = result.knowledgeBase else {
      errors.write("Die Wissensbasis in „\(directory)“ hat Fehler; 'resilienz check' zeigt sie alle:\n")
      errors.write(
        DiagnosticRenderer().render(result.diagnostics.filter { $0.severity == .error }.prefix(10).map { $0 }))
      return nil
    }
    return knowledgeBase
  }

  /// The consultation shell on standard input: readline at a terminal, plain lines otherwise.
  /// - Parameter takeOver: take over a journal that a shell on another computer left open.
  /// The folder for the Kommunenprofil: `$XDG_DATA_HOME/resilienz`.
  public static func dataDirectory(environment: [String: String]) -> String {
    let base =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
    return base + "/resilienz"
  }

  /// Today as `YYYY-MM-DD` in local time; `RESILIENZ_HEUTE` fixes it (tests, exercises).
  static func today(environment: [String: String]) -> String {
    if let fixed = environment["RESILIENZ_HEUTE"], MunicipalProfile.isOutdated(fixed, today: fixed) == false {
      return fixed
    }
    // The C library's local time, not DateFormatter: that loads ICU and its calendar data at
    // every start, a twentieth of the start-up's CPU time (Benchmarks/README.md, "Start-up").
    var now = time(nil)
    var local = tm()
    // localtime_r fails only for a time beyond its year range; UTC is then the next best day.
    if localtime_r(&now, &local) == nil { _ = gmtime_r(&now, &local) }
    let year = Int(local.tm_year) + 1900
    let month = Int(local.tm_mon) + 1
    let day = Int(local.tm_mday)
    return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
  }

  public static func consult(
    knowledgeBaseDirectory: String, sessionPath: String?, takeOver: Bool = false, profilePath: String? = nil,
    author: String? = nil, environment: [String: String]
  ) -> Int32 {
    let output = StandardOutputSink()
    guard
      let knowledgeBase = loadKnowledgeBase(
        knowledgeBaseDirectory, errors: StandardErrorSink(), environment: environment)
    else {
      return 1
    }
    let interactive = isatty(STDIN_FILENO) == 1 && environment["TERM"] != "dumb"
    let color = interactive && isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil
    let state = stateDirectory(environment: environment)
    // Completion needs the shell, which needs the consultation, which may need to ask first.
    final class ShellReference { weak var shell: Shell? }
    let reference = ShellReference()
    var readlineSource: ReadlineLineSource?
    if interactive {
      try? FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
      readlineSource = ReadlineLineSource(historyPath: state + "/history") { line, word in
        reference.shell?.completions(line: line, word: word) ?? []
      }
    }
    /// A yes/no question whose default (an empty answer) is yes.
    func askDefaultYes(_ question: String) -> Bool {
      guard let source = readlineSource else { return true }
      guard case .line(let answer) = source.readLine(prompt: question, remember: false) else { return true }
      return !["n", "nein", "no"].contains(answer.trimmingSpaces.lowercased())
    }

    var consultation = Consultation(knowledgeBase: knowledgeBase)
    var journalPath = sessionPath
    if journalPath == nil, interactive {
      let defaultPath = state + "/beratung.journal"
      // A journal another window holds is neither offered nor set aside: opening it says who has it.
      if !Journal.isHeld(path: defaultPath), let count = Consultation.answerCount(inJournal: defaultPath) {
        let resume = askDefaultYes(
          "Eine gespeicherte Beratung mit \(count) \(count == 1 ? "Antwort" : "Antworten") liegt vor. Fortsetzen? [J/n] "
        )
        if !resume {
          try? FileManager.default.removeItem(atPath: defaultPath + ".vorher")
          try? FileManager.default.moveItem(atPath: defaultPath, toPath: defaultPath + ".vorher")
          output.write("Neue Beratung; die vorige liegt in „\(defaultPath).vorher“.\n")
        }
      }
      journalPath = defaultPath
    }
    if let journalPath {
      do {
        let (resumed, problems) = try Consultation.resume(
          knowledgeBase: knowledgeBase, journalPath: journalPath, takeOver: takeOver)
        consultation = resumed
        for problem in problems { output.write(TextLayout.wrap("Hinweis: \(problem)")) }
      } catch {
        output.write(TextLayout.wrap("Fehler: \(error)"))
        return 2
      }
    }

    var options = ShellOptions(interactive: interactive, color: color)
    options.knowledgeBaseDirectory = knowledgeBaseDirectory
    options.profilePath =
      profilePath ?? (interactive ? dataDirectory(environment: environment) + "/kommunenprofil.json" : nil)
    options.today = today(environment: environment)
    let shell = Shell(consultation: consultation, output: output, options: options)
    reference.shell = shell
    // A new consultation starts from the municipality's standing answers.
    shell.afterGreeting = { [unowned shell] in
      shell.startFromMunicipalProfile()
      if let author { shell.authorCommand(author) }
    }
    if let terminal = readlineSource {
      shell.confirm = { question in
        // Ctrl-D at this question leaves too.
        guard case .line(let answer) = terminal.readLine(prompt: question, remember: false) else { return true }
        return ["j", "ja", "y", "yes"].contains(answer.trimmingSpaces.lowercased())
      }
      var lines = terminal
      let status = shell.run(&lines)
      shell.keepMunicipalProfile()
      output.write(
        sessionPath.map { "Die Beratung ist in „\($0)“ gespeichert; fortsetzen mit: resilienz --session \($0)\n" }
          ?? "Die Beratung ist gespeichert und lässt sich beim nächsten Start fortsetzen.\n")
      return status
    }
    var lines = StandardInputLineSource()
    return shell.run(&lines)
  }

  /// Runs script files, each as a consultation of its own, and prints their transcripts.
  public static func run(
    scripts: [String], knowledgeBaseDirectory: String, trace: Bool = false, output: OutputSink = StandardOutputSink(),
    errors: OutputSink = StandardErrorSink(), environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Int32 {
    guard let knowledgeBase = loadKnowledgeBase(knowledgeBaseDirectory, errors: errors, environment: environment) else {
      return 1
    }
    var status: Int32 = 0
    for path in scripts {
      if scripts.count > 1 { output.write("== \(path) ==\n") }
      var source = ScriptLineSource(path: path)
      var options = ShellOptions(interactive: false, color: false)
      options.knowledgeBaseDirectory = knowledgeBaseDirectory
      options.trace = trace
      let shell = Shell(consultation: Consultation(knowledgeBase: knowledgeBase), output: output, options: options)
      if shell.run(&source) != 0 { status = 1 }
    }
    return status
  }
}
