import Consultation
import Foundation
import KnowledgeBase

/// `resilienz --session FILE --folgen`: shows a consultation another shell leads (e.g. on the
/// staff room's projector), read-only: it re-reads the journal as it grows and shows the state
/// and advice after every change. It takes no lock and never opens the journal for writing.
public enum ConsultationFollower {
  /// Follows until interrupted (or, in tests, for `rounds` polls); returns the exit status.
  public static func follow(
    knowledgeBaseDirectory: String, sessionPath: String, output: OutputSink = StandardOutputSink(),
    errors: OutputSink = StandardErrorSink(),
    clearScreen: Bool = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb",
    interval: useconds_t = 300_000, rounds: Int? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Int32 {
    guard
      let knowledgeBase = ConsultationLauncher.loadKnowledgeBase(
        knowledgeBaseDirectory, errors: errors, environment: environment)
    else {
      return 1
    }
    guard FileManager.default.fileExists(atPath: sessionPath) else {
      output.write(
        "Fehler: Die Beratung „\(sessionPath)“ gibt es nicht; mitlesen lässt sich nur ein bestehendes Journal.\n")
      return 2
    }
    var shown: (identity: FileIdentity?, length: Int)?
    var round = 0
    while rounds.map({ round < $0 }) ?? true {
      round += 1
      do {
        var contents = try Journal.read(path: sessionPath)
        let now = (identity: FileIdentity(path: sessionPath), length: contents.intactLength)
        if shown.map({ $0.identity != now.identity || $0.length != now.length }) ?? true {
          shown = now
          // The leading shell may be writing the last line right now; it is complete next time.
          if contents.intactLength < contents.length { contents.problems.removeLast() }
          let (consultation, problems) = try Consultation.replay(knowledgeBase: knowledgeBase, contents: contents)
          if clearScreen { output.write("\u{1B}[H\u{1B}[2J") }
          var options = ShellOptions(interactive: false, color: clearScreen)
          options.technical = false
          options.knowledgeBaseDirectory = knowledgeBaseDirectory
          Shell(consultation: consultation, output: output, options: options)
            .showFollowedState(path: sessionPath, problems: problems)
        }
      } catch {
        output.write(TextLayout.wrap("Fehler: \(error)"))
        return 2
      }
      if rounds.map({ round < $0 }) ?? true { usleep(interval) }
    }
    return 0
  }
}

extension Shell {
  /// The state of a followed consultation: how far it is, what changed last, and the advice.
  func showFollowedState(path: String, problems: [String]) {
    // Not wrapped: a long path would otherwise stand alone on a line of its own.
    say(emphasis("Mitlesen: „\(path)“ – nur lesen, Strg-C beendet") + "\n")
    for problem in problems { say(TextLayout.wrap("Hinweis: \(problem)")) }
    let count = consultation.answeredQuestions.count
    var state = "Stand: \(Self.count(count, "Antwort", "Antworten"))"
    if let run = consultation.exercise {
      state += "; Übung „\(run.exercise.id)“ bei Einlage \(run.stage) von \(run.exercise.injects.count)"
    }
    if let last = consultation.lastOutcome {
      let question = options.technical ? kb.questions[last.question].id : "„\(text(kb.questions[last.question].text))“"
      state += "; zuletzt: \(question) = \(describe(last.answer, of: last.question))"
    }
    say(TextLayout.wrap(state + "."))
    if adviceHidden {
      return say(TextLayout.wrap("Blindmodus: Die Empfehlungen erscheinen erst nach der Auswertung."))
    }
    showAdvice(limit: 10)
  }
}
