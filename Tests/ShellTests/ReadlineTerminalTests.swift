import Foundation
import Testing

/// The interactive consultation with GNU readline on a pseudo-terminal: greeting, completion,
/// history, Ctrl-C, Ctrl-D, and the history file in the XDG state folder.
@Suite(.serialized) struct ReadlineTerminalTests {
  static func start(state: URL) throws -> TerminalChild {
    var environment = ShellFixture.environment(
      state: state, ["TERM": "xterm", "INPUTRC": "/dev/null", "COLUMNS": "80", "LINES": "24"])
    environment.removeValue(forKey: "TERM_PROGRAM")
    return try TerminalChild(
      arguments: ["--kb", ShellFixture.knowledgeBaseDirectory], environment: environment)
  }

  @Test func readlineCompletesRecallsInterruptsAndAsksBeforeLeaving() throws {
    let state = try ShellFixture.temporaryDirectory("pty")
    defer { try? FileManager.default.removeItem(at: state) }
    let terminal = try Self.start(state: state)

    // Greeting and the first question, then a prompt.
    #expect(terminal.expect("Testwissen Starkregen und Personal"), "\(terminal.screen)")
    #expect(terminal.expect("In welcher Phase befinden Sie sich?"), "\(terminal.screen)")
    #expect(terminal.expect("> "), "\(terminal.screen)")
    #expect(!terminal.screen.contains("\u{1B}[1m"), "NO_COLOR: no emphasis")

    // Tab completes the start of a command.
    terminal.type("empf\t")
    #expect(terminal.expect("empfehlungen"), "TAB completes 'empf': \(terminal.recent)")
    terminal.type("\r")
    #expect(terminal.expect("Noch keine Maßnahme empfohlen."), "\(terminal.recent)")

    // Tab completes an answer of the current question too.
    terminal.type("bew\t")
    #expect(terminal.expect("bewaeltigung"), "TAB completes the answer: \(terminal.recent)")
    terminal.type("\r")
    #expect(terminal.expect("Übernommen."), "an answer is accepted: \(terminal.recent)")
    #expect(terminal.expect("Um welche Art von Lage geht es?"), "\(terminal.recent)")

    // Up-arrow recalls the previous line; Enter runs it again.
    terminal.type("muster\r")
    #expect(terminal.expect("Krisenmuster"), "\(terminal.recent)")
    #expect(terminal.expect("> "))
    terminal.type("\u{1B}[A")
    #expect(terminal.expect("muster"), "Up-arrow shows the previous line: \(terminal.recent)")
    terminal.type("\r")
    #expect(
      terminal.expect("Entgrenzte Dauerkrise:"),
      "the recalled line runs: \(terminal.recent)")

    // Ctrl-C abandons a half-typed line; the consultation goes on.
    #expect(terminal.expect("> "))
    terminal.type("12345")
    #expect(terminal.expect("12345"))
    terminal.type("\u{03}")
    #expect(terminal.expect("> "), "a fresh prompt after Ctrl-C: \(terminal.recent)")
    terminal.type("3\r")
    #expect(terminal.expect("Übernommen."), "the next line is read on its own: \(terminal.recent)")
    terminal.type("antworten\r")
    #expect(terminal.expect("    Pandemie"), "not 123453: \(terminal.recent)")

    // Ctrl-D asks before leaving; 'j' leaves with status 0.
    #expect(terminal.expect("> "))
    terminal.type("\u{04}")
    #expect(terminal.expect("Beratung beenden?"), "\(terminal.recent)")
    terminal.type("j\r")
    #expect(terminal.expect("Die Beratung ist gespeichert"), "\(terminal.recent)")
    #expect(terminal.waitForExit() == 0)

    let history = try String(
      contentsOf: state.appendingPathComponent("resilienz/history"), encoding: .utf8)
    #expect(history.contains("muster\n"), "\(history)")
    #expect(history.contains("antworten\n"), "\(history)")
    #expect(!history.contains("12345"), "an abandoned line is not history")
    #expect(
      FileManager.default.fileExists(
        atPath: state.appendingPathComponent("resilienz/beratung.journal").path))
    #expect(!history.split(separator: "\n").contains("j"), "\(history)")

  }

  /// Ctrl-D answered with „nein“ stays in the consultation; the next start offers to resume.
  @Test func ctrlDCanBeDeclinedAndTheNextStartOffersToResume() throws {
    let state = try ShellFixture.temporaryDirectory("pty-resume")
    defer { try? FileManager.default.removeItem(at: state) }
    do {
      let terminal = try Self.start(state: state)
      #expect(terminal.expect("> "), "\(terminal.screen)")
      terminal.type("2\r")
      #expect(terminal.expect("Übernommen."), "\(terminal.recent)")
      #expect(terminal.expect("> "))
      terminal.type("\u{04}")
      #expect(terminal.expect("Beratung beenden?"))
      terminal.type("n\r")
      #expect(terminal.expect("> "), "declined: the consultation goes on")
      terminal.type("ende\r")
      #expect(terminal.waitForExit() == 0)
    }
    let terminal = try Self.start(state: state)
    #expect(
      terminal.expect("Eine gespeicherte Beratung mit 1 Antwort liegt vor. Fortsetzen? [J/n]"),
      "\(terminal.screen)")
    terminal.type("j\r")
    #expect(terminal.expect("Fortgesetzt mit 1 Antwort."), "\(terminal.recent)")
    terminal.type("antworten\r")
    #expect(terminal.expect("    Bewältigung"), "the crisis manager's view: \(terminal.recent)")
    terminal.type("ende\r")
    #expect(terminal.waitForExit() == 0)
  }

  /// At the terminal an existing file is replaced only after a yes; a second window on the same
  /// default journal is told who holds it, and nothing is offered or set aside.
  @Test func existingFileIsReplacedOnlyAfterAYesAndASecondWindowIsRefused() throws {
    let state = try ShellFixture.temporaryDirectory("pty-overwrite")
    defer { try? FileManager.default.removeItem(at: state) }
    let report = state.appendingPathComponent("lage.md")
    try Data("Protokoll der Lagebesprechung".utf8).write(to: report)
    do {
      let first = try Self.start(state: state)
      #expect(first.expect("> "), "\(first.screen)")
      first.type("2\r")
      #expect(first.expect("Übernommen."), "\(first.recent)")
      #expect(first.expect("> "))
      first.type("bericht \(report.path)\r")
      #expect(first.expect("gibt es schon. Überschreiben? [j/N]"), "\(first.recent)")
      first.type("\r")
      #expect(first.expect("Kein Bericht geschrieben."), "\(first.recent)")
      #expect(try String(contentsOf: report, encoding: .utf8) == "Protokoll der Lagebesprechung")

      let second = try Self.start(state: state)
      #expect(second.expect("ist schon in einem anderen Fenster geöffnet"), "\(second.screen)")
      #expect(second.waitForExit() == 2)
      #expect(!second.screen.contains("Fortsetzen?"), "\(second.screen)")

      first.type("bericht \(report.path)\r")
      #expect(first.expect("Überschreiben? [j/N]"), "\(first.recent)")
      first.type("j\r")
      #expect(first.expect("Bericht (Markdown) geschrieben"), "\(first.recent)")
      first.type("ende\r")
      #expect(first.waitForExit() == 0)
    }
    #expect(try String(contentsOf: report, encoding: .utf8).hasPrefix("# "))
    #expect(FileManager.default.fileExists(atPath: state.appendingPathComponent("resilienz/beratung.journal").path))
  }
}
