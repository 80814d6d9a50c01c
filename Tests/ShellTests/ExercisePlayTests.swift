import Consultation
import Foundation
import KnowledgeBase
import Shell
import Testing
import _ResilienzTestSupport

/// Exercise play through the shell: the clock releases injects, and a session killed with
/// SIGKILL resumes with the schedule, the log (role, observer, clock and exercise time) and undo.
@Suite(.serialized) struct ExercisePlayTests {
  /// A clock the test moves: the consultation reads it for the exercise time.
  final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date
    init(_ date: Date) { self.date = date }
    var now: Date { lock.withLock { date } }
    func advance(minutes: Int) { lock.withLock { date += TimeInterval(minutes * 60) } }
  }

  /// Lines as a script gives them, with the clock moved before each one as the test says.
  struct TimedLines: LineSource {
    var lines: [(minutes: Int, text: String)]
    let clock: MovableClock
    var echoesInput: Bool { false }
    mutating func readLine(prompt: String) -> LineInput {
      guard !lines.isEmpty else { return .end }
      let next = lines.removeFirst()
      clock.advance(minutes: next.minutes)
      return .line(next.text)
    }
  }

  static func shippedKnowledgeBase() throws -> KnowledgeBase {
    try #require(KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot).knowledgeBase)
  }

  /// With the clock on at factor 4, 45 real minutes are three hours of exercise time: the
  /// injects up to T+3h come when the shell reads the next line, not before, and none after
  /// `übung uhr aus`.
  @Test func clockReleasesDueInjectsWhenTheShellReadsALine() throws {
    let clock = MovableClock(Date(timeIntervalSince1970: 1_800_000_000))
    var consultation = Consultation(knowledgeBase: try Self.shippedKnowledgeBase(), journal: nil)
    consultation.clock = { clock.now }
    let output = BufferOutputSink()
    let shell = Shell(
      consultation: consultation, output: output, options: ShellOptions(interactive: false, color: false))
    var source = TimedLines(
      lines: [
        (0, "übung start sturzflut-nacht"), (0, "übung uhr an 4"), (0, "notiz Uhr läuft"),
        (44, "notiz noch T+2h56"), (1, "notiz jetzt T+3h"), (0, "übung uhr aus"), (600, "notiz viel später"),
        (0, "übung status"),
      ], clock: clock)
    _ = shell.run(&source)
    let text = output.text
    func position(_ needle: String) -> String.Index? { text.range(of: needle)?.lowerBound }
    // T+0 comes with the first line read after the clock started.
    let first = try #require(position("[Einlage 1 · T+0]"), "\(text)")
    #expect(try #require(position("> notiz Uhr läuft")) < first)
    // T+2h comes at 44 minutes (T+2h56), T+3h only at 45 minutes.
    let second = try #require(position("[Einlage 2 · T+2h]"), "\(text)")
    #expect(try #require(position("> notiz noch T+2h56")) < second)
    let third = try #require(position("[Einlage 3 · T+3h]"), "\(text)")
    let now = try #require(position("> notiz jetzt T+3h"))
    #expect(second < now && now < third)
    #expect(!text.contains("[Einlage 4 "), "the clock is off: nothing after T+3h\n\(text)")
    #expect(text.contains("Einlagen gespielt: 3 von"), "\(text)")
    #expect(shell.consultation.exercise?.entries.map(\.exerciseTime) == ["T+0", "T+2h", "T+3h", "T+3h"])
  }

  /// kill -9 in the middle of play: skipped, moved, edited and added injects, the role, and each
  /// log entry with role, observer, clock and exercise time come back; the undone entry stays undone.
  @Test func killedExerciseResumesWithScheduleAndLog() throws {
    let directory = try ShellFixture.temporaryDirectory("exercise-kill")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("uebung.journal")
    let state = directory.appendingPathComponent("state")
    let shell = try RunningShell(
      ["--kb", Fixture.repositoryRoot, "--session", journal.path], in: directory, state: state)
    #expect(shell.read(until: { $0.contains("Beantworten Sie die Fragen") }), "\(shell.text)")
    let steps: [(String, String)] = [
      ("übung start stromausfall-winter --blind", "Blindmodus"),
      ("rolle leitung-vws", "Ab jetzt protokolliert für"),
      ("einlage", "[Einlage 1 · T+0]"),
      (
        "entscheide Verwaltungsstab tritt um 15:30 Uhr zusammen --maßnahme stab-einberufen --beobachter Weber",
        "Protokolliert"
      ),
      ("notiz Klinikum meldet sich spät --als fachbereiche", "Notiert"),
      ("notiz doppelt eingetragen", "Notiert"),
      ("rückgängig", "Zurückgenommen"),
      ("einlage überspringen klinikum", "übersprungen"),
      ("einlage verschieben pflegedienst T+7h", "verschoben"),
      ("einlage ändern feuerwache An der Feuerwache Ost warten 40 Menschen.", "geändert"),
      ("einlage neu T+5h buerger-medienarbeit Presse: Der MDR fragt nach Wärmestuben.", "hinzugefügt"),
      ("einlage", "[Einlage 2 · T+5h] Presse"),
    ]
    for (line, expected) in steps {
      shell.send(line)
      #expect(shell.read(until: { $0.contains(expected) }), "\(line):\n\(shell.text)")
    }
    shell.killHard()

    let (status, output) = try ShellFixture.run(
      ["--kb", Fixture.repositoryRoot, "--session", journal.path], in: directory,
      input: "übung status\neinlagen\neinlage\nauswertung\n", state: state)
    let flat = JournalSafetyTests.unwrapped(output)
    #expect(status == 0, "\(output)")
    #expect(flat.contains("Übung „stromausfall-winter“ bei Einlage 2"), "\(output)")
    #expect(flat.contains("Rolle: Leitung des Verwaltungsstabes"), "\(output)")
    #expect(flat.contains("Entscheidungen: 1 · Notizen: 1"), "the undone note stays undone\n\(output)")
    #expect(flat.contains("klinikum: Klinikum: Netzersatzanlage läuft unruhig – übersprungen"), "\(output)")
    #expect(flat.contains("T+7h pflegedienst:") && flat.contains("– offen, geändert"), "\(output)")
    #expect(flat.contains("zusatz-1: Presse – gespielt als Einlage 2, hinzugefügt"), "\(output)")
    // Play goes on after the resume with the edited inject.
    #expect(flat.contains("[Einlage 3 · T+6h]"), "\(output)")
    #expect(flat.contains("An der Feuerwache Ost warten 40 Menschen."), "\(output)")
    // The log entries with clock time (14:32 UTC is 15:32 in Germany), role and observer.
    #expect(
      flat.contains(
        "T+0, 15:32 Uhr, Leitung des Verwaltungsstabes: Entscheidung „Administrativen Stab ("),
      "\(output)")
    #expect(flat.contains("[beobachtet: Weber]"), "\(output)")
    #expect(flat.contains("T+0: Klinikum meldet sich spät"), "\(output)")
    #expect(!flat.contains("doppelt eingetragen"), "\(output)")
  }
}
