import Consultation
import Foundation
import KnowledgeBase
import Shell
import Testing
import _ResilienzTestSupport

/// Issue 11, defects 1, 3 and 6, with the real binary: no command writes over the open journal
/// or over an existing file without being told to; one shell at a time writes a journal, others
/// may follow it; a file that is not a journal is refused unchanged.
@Suite struct JournalSafetyTests {
  static var kb: String { ShellFixture.knowledgeBaseDirectory }

  /// Output with wrapped lines joined again, for checks that do not depend on the wrapping.
  static func unwrapped(_ text: String) -> String {
    text.replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
      .replacingOccurrences(of: "\n", with: " ")
  }

  static func bytes(_ url: URL) -> Data {
    FileManager.default.contents(atPath: url.path) ?? Data()
  }

  /// Starts a shell on `journal` and waits for its greeting.
  static func startShell(_ journal: URL, in directory: URL) throws -> RunningShell {
    let shell = try RunningShell(
      ["--kb", kb, "--session", journal.path], in: directory, state: directory.appendingPathComponent("state"))
    #expect(shell.read(until: { $0.contains("Beantworten Sie die Fragen") }), "\(shell.text)")
    return shell
  }

  /// Types `line` and waits until `expected` has appeared `count` times in all.
  static func type(_ line: String, into shell: RunningShell, until expected: String, count: Int = 1) {
    shell.send(line)
    #expect(shell.read(until: { $0.components(separatedBy: expected).count - 1 >= count }), "\(line):\n\(shell.text)")
  }

  // MARK: - Defect 1: writers and the open journal

  /// `bericht s.j` in a session on s.j replaced the journal by the report; the shell went on
  /// appending to the deleted file and every answer was gone on restart. The name is compared by
  /// device and inode, so `./x/../s.j` is refused as well.
  @Test(arguments: [
    "bericht beratung.journal", "bericht --format html ./ordner/../beratung.journal --force",
    "speichern beratung.journal --force",
  ])
  func writingOverTheOpenJournalIsRefused(command: String) throws {
    let directory = try ShellFixture.workspace("own-journal")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("beratung.journal")
    let shell = try Self.startShell(journal, in: directory)
    Self.type("setze personal.reserve = keine", into: shell, until: "Übernommen.")
    let before = Self.bytes(journal)
    Self.type(command, into: shell, until: "Fehler")
    #expect(
      Self.unwrapped(shell.text).contains("ist das Journal einer laufenden Beratung und wird nicht"), "\(shell.text)")
    #expect(Self.bytes(journal) == before, "the journal is untouched")
    Self.type("setze lage.art = pandemie", into: shell, until: "Übernommen.", count: 2)
    shell.killHard()

    let (status, output) = try ShellFixture.run(
      ["--kb", Self.kb, "--session", journal.path], in: directory,
      input: "antworten\nexpect output personal.reserve = Keine Reserve\nantworten\nexpect output lage.art = Pandemie\n"
    )
    #expect(status == 0, "\(output)")
    #expect(output.contains("Fortgesetzt mit 2 Antworten."), "\(output)")
  }

  /// `resilienz report -o` onto the journal it reads, even with --force, is refused and changes
  /// nothing; onto another existing file only with --force.
  @Test func reportCommandNeverReplacesTheJournalAndAsksForForce() throws {
    let directory = try ShellFixture.workspace("report-target")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("beratung.journal")
    let (status, output) = try ShellFixture.run(
      ["--kb", Self.kb, "--session", journal.path], in: directory, input: "setze personal.reserve = keine\n")
    #expect(status == 0, "\(output)")
    let before = Self.bytes(journal)

    let onJournal = try ShellFixture.run(
      ["report", "--kb", Self.kb, "--session", "beratung.journal", "-o", "./beratung.journal", "--force"], in: directory
    )
    #expect(onJournal.status == 2)
    #expect(
      Self.unwrapped(onJournal.output)
        == "Fehler: „./beratung.journal“ ist das Journal einer laufenden Beratung und wird nicht überschrieben; bitte einen anderen Dateinamen angeben. "
    )
    #expect(Self.bytes(journal) == before)

    let existing = directory.appendingPathComponent("lage.md")
    try Data("# wichtig".utf8).write(to: existing)
    let refused = try ShellFixture.run(
      ["report", "--kb", Self.kb, "--session", "beratung.journal", "-o", "lage.md"], in: directory)
    #expect(refused.status == 2)
    #expect(refused.output == "Fehler: „lage.md“ gibt es schon. Zum Überschreiben: --force angeben.\n")
    #expect(Self.bytes(existing) == Data("# wichtig".utf8))

    let forced = try ShellFixture.run(
      ["report", "--kb", Self.kb, "--session", "beratung.journal", "-o", "lage.md", "--force"], in: directory)
    #expect(forced.status == 0, "\(forced.output)")
    #expect(String(decoding: Self.bytes(existing), as: UTF8.self).hasPrefix("# Lagebericht"))
  }

  /// In scripts an existing file is replaced only with --force; the message says how.
  @Test func scriptedReportDoesNotReplaceAnExistingFile() throws {
    let directory = try ShellFixture.workspace("report-exists")
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = try ShellFixture.run(
      ["--kb", Self.kb], in: directory,
      input: "bericht alt.json\nbericht --datum 2026-03-14 alt.json --force\n")
    #expect(status == 1)
    #expect(
      Self.unwrapped(output).contains("„alt.json“ gibt es schon. Zum Überschreiben: bericht --force alt.json"),
      "\(output)")
    #expect(output.contains("Bericht (Markdown) geschrieben: „alt.json“."), "\(output)")
  }

  /// `auswertung --report` onto the open journal is refused; onto an existing file only with
  /// --force in scripts.
  @Test func debriefReportNeverReplacesTheOpenJournal() throws {
    let kb = try #require(JournalFaultTests.shipped)
    let directory = try ShellFixture.temporaryDirectory("debrief-target")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("uebung.journal")
    let existing = directory.appendingPathComponent("auswertung.md")
    try Data("Notizen der Übungsleitung".utf8).write(to: existing)
    let (consultation, _) = try Consultation.resume(knowledgeBase: kb, journalPath: journal.path)
    let output = BufferOutputSink()
    var options = ShellOptions(interactive: false, color: false)
    options.knowledgeBaseDirectory = Fixture.repositoryRoot
    let shell = Shell(consultation: consultation, output: output, options: options)
    shell.execute("übung start \(kb.exercises[ExerciseID(0)].id)")
    shell.execute("auswertung --report \(journal.path) --force")
    shell.execute("auswertung --report \(existing.path)")
    #expect(try String(contentsOf: existing, encoding: .utf8) == "Notizen der Übungsleitung")
    shell.execute("auswertung --report \(existing.path) --force")
    let text = Self.unwrapped(output.text)
    #expect(
      text.contains("„\(journal.path)“ ist das Journal einer laufenden Beratung und wird nicht überschrieben"),
      "\(text)")
    #expect(
      text.contains("„\(existing.path)“ gibt es schon. Zum Überschreiben: auswertung --report \(existing.path) --force")
    )
    #expect(text.contains("Auswertungsbericht (Markdown) geschrieben: „\(existing.path)“."))
    #expect(try String(contentsOf: existing, encoding: .utf8).hasPrefix("# "))
    #expect(try Journal.read(path: journal.path).records.map(\.entry.kind) == [.start, .exercise, .debrief])
  }

  // MARK: - Defect 3: two shells on one journal

  /// A second shell on the same journal is refused with the first one's process named, and
  /// writes nothing; after the first ends, the journal can be opened again.
  @Test func secondShellOnTheSameJournalIsRefused() throws {
    let directory = try ShellFixture.workspace("two-shells")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("beratung.journal")
    let first = try Self.startShell(journal, in: directory)
    Self.type("setze lage.art = pandemie", into: first, until: "Übernommen.")
    let before = Self.bytes(journal)

    let second = try ShellFixture.run(
      ["--kb", Self.kb, "--session", "beratung.journal"], in: directory, input: "setze lage.art = hochwasser\n")
    #expect(second.status == 2)
    let message = Self.unwrapped(second.output)
    #expect(
      message.hasPrefix(
        "Fehler: Die Beratung „beratung.journal“ ist schon in einem anderen Fenster geöffnet (Prozess \(first.process.processIdentifier) auf „"
      ), "\(second.output)")
    #expect(message.contains("Zum Mitlesen: resilienz --session beratung.journal --folgen"))
    #expect(Self.bytes(journal) == before, "the second shell wrote nothing")

    Self.type("setze personal.reserve = keine", into: first, until: "Übernommen.", count: 2)
    first.send("ende")
    first.read(until: { _ in !first.process.isRunning })
    first.process.waitUntilExit()
    #expect(first.process.terminationStatus == 0)
    #expect(!FileManager.default.fileExists(atPath: journal.path + ".lock"), "a clean end removes the holder record")

    let third = try ShellFixture.run(
      ["--kb", Self.kb, "--session", "beratung.journal"], in: directory,
      input: "antworten\nexpect output lage.art = Pandemie\n")
    #expect(third.status == 0, "\(third.output)")
    #expect(third.output.contains("Fortgesetzt mit 2 Antworten."))
  }

  /// A holder record from another computer: the shell cannot see whether that process still
  /// runs, so it refuses until told to take over; the holder record of a process on this computer
  /// that is gone (kill -9) is taken over silently.
  @Test func journalLeftOpenElsewhereIsTakenOverOnlyWhenAsked() throws {
    let directory = try ShellFixture.workspace("stale-lock")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("beratung.journal")
    let start = try ShellFixture.run(
      ["--kb", Self.kb, "--session", "beratung.journal"], in: directory, input: "setze lage.art = pandemie\n")
    #expect(start.status == 0)
    let holder = #"{"host":"lagezentrum-pc","opened":"2026-12-04T07:15:00Z","pid":4711}"#
    try Data(holder.utf8).write(to: URL(fileURLWithPath: journal.path + ".lock"))
    let before = Self.bytes(journal)

    let refused = try ShellFixture.run(
      ["--kb", Self.kb, "--session", "beratung.journal"], in: directory, input: "setze personal.reserve = keine\n")
    #expect(refused.status == 2)
    if let problem = Golden.check(refused.output, named: "journal-held-elsewhere.transcript", in: "Transcripts") {
      Issue.record(Comment(rawValue: problem))
    }
    #expect(Self.bytes(journal) == before)

    let taken = try ShellFixture.run(
      ["--kb", Self.kb, "--session", "beratung.journal", "--uebernehmen"], in: directory,
      input: "setze personal.reserve = keine\n")
    #expect(taken.status == 0, "\(taken.output)")
    #expect(taken.output.contains("Fortgesetzt mit 1 Antwort."))
    #expect(try Journal.read(path: journal.path).records.count == 3)

    // A process on this computer that is gone: no question asked.
    var name = [CChar](repeating: 0, count: 256)
    #expect(gethostname(&name, 255) == 0)
    let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let gone = #"{"host":"\#(host)","opened":"2026-12-04T07:15:00Z","pid":2147483000}"#
    try Data(gone.utf8).write(to: URL(fileURLWithPath: journal.path + ".lock"))
    let resumed = try ShellFixture.run(
      ["--kb", Self.kb, "--session", "beratung.journal"], in: directory, input: "antworten\n")
    #expect(resumed.status == 0, "\(resumed.output)")
    #expect(resumed.output.contains("Fortgesetzt mit 2 Antworten."))
  }

  /// A follower shows the consultation another shell leads, as it changes, and writes nothing.
  @Test func followerShowsEveryChangeAndWritesNothing() throws {
    let directory = try ShellFixture.workspace("follow")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("beratung.journal")
    let leader = try Self.startShell(journal, in: directory)
    let follower = try RunningShell(
      ["--kb", Self.kb, "--session", journal.path, "--folgen"], in: directory,
      state: directory.appendingPathComponent("state"))
    #expect(follower.read(until: { $0.contains("Stand: 0 Antworten.") }), "\(follower.text)")
    Self.type("setze lage.phase = Bewältigung", into: leader, until: "Übernommen.")
    #expect(
      follower.read(until: {
        $0.contains("Stand: 1 Antwort; zuletzt: „In welcher Phase befinden Sie sich?“ = Bewältigung.")
      }),
      "\(follower.text)")
    Self.type("setze personal.reserve = keine", into: leader, until: "Übernommen.", count: 2)
    #expect(
      follower.read(until: {
        $0.collapsingWhitespace.contains("Stand: 2 Antworten; zuletzt: „") && $0.contains("= Keine Reserve.")
      }),
      "\(follower.text)")
    #expect(follower.process.isRunning, "the follower keeps following")
    follower.killHard()
    #expect(!follower.text.contains("Fehler"), "\(follower.text)")
    // The leader was not disturbed: it still holds the journal and writes to it.
    Self.type("setze lage.art = pandemie", into: leader, until: "Übernommen.", count: 3)
    #expect(try Journal.read(path: journal.path).records.count == 4)
  }

  /// What a follower shows, in-process: state, last change and advice; the journal is only read.
  @Test func followerShowsTheStateOfTheJournal() throws {
    let directory = try ShellFixture.workspace("follow-golden")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("beratung.journal")
    let (status, output) = try ShellFixture.run(
      ["--kb", Self.kb, "--session", "beratung.journal"], in: directory,
      input: "setze lage.phase = Bewältigung\nsetze personal.reserve = keine\nsetze lage.dauer_wochen = 8\n")
    #expect(status == 0, "\(output)")
    // A line the leading shell is writing right now is not reported.
    let handle = try FileHandle(forWritingTo: journal)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"answer":"pandemie","op":"set","quest"#.utf8))
    try handle.close()
    let before = Self.bytes(journal)
    let sink = BufferOutputSink()
    let followed = ConsultationFollower.follow(
      knowledgeBaseDirectory: Self.kb, sessionPath: journal.path, output: sink, clearScreen: false, interval: 1000,
      rounds: 2, environment: TestCache.environment())
    #expect(followed == 0)
    if let problem = Golden.check(
      sink.text.replacingOccurrences(of: directory.path, with: "…"), named: "journal-follow.transcript",
      in: "Transcripts")
    {
      Issue.record(Comment(rawValue: problem))
    }
    #expect(
      sink.text.components(separatedBy: "Mitlesen").count - 1 == 1, "shown once: nothing changed in the second round")
    #expect(Self.bytes(journal) == before)
    #expect(!FileManager.default.fileExists(atPath: journal.path + ".lock"))

    let missing = BufferOutputSink()
    #expect(
      ConsultationFollower.follow(
        knowledgeBaseDirectory: Self.kb, sessionPath: "fehlt.journal", output: missing, clearScreen: false, rounds: 1,
        environment: TestCache.environment())
        == 2)
    #expect(
      missing.text
        == "Fehler: Die Beratung „fehlt.journal“ gibt es nicht; mitlesen lässt sich nur ein bestehendes Journal.\n")
  }

  // MARK: - Defect 6: a file that is not a journal

  /// `--session` on a saved state (or any text) cut its last line and appended a start record;
  /// now it is refused, byte for byte unchanged.
  @Test(arguments: ["alt.json", "notizen.txt"])
  func fileThatIsNotAJournalIsRefusedUnchanged(name: String) throws {
    let directory = try ShellFixture.workspace("not-journal")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent(name)
    if name.hasSuffix(".txt") {
      try Data("Lagebesprechung 8 Uhr\nStab: Frau Meier\nletzte Zeile ohne Umbruch".utf8).write(to: file)
    }
    let before = Self.bytes(file)
    let (status, output) = try ShellFixture.run(
      ["--kb", Self.kb, "--session", name], in: directory, input: "setze lage.art = pandemie\n")
    #expect(status == 2)
    #expect(
      Self.unwrapped(output)
        == "Fehler: „\(name)“ ist kein Journal von resilienz (etwa eine mit 'speichern' abgelegte Datei, die 'laden' liest); die Datei bleibt unverändert. Für eine neue Beratung bitte einen anderen Dateinamen angeben. "
    )
    #expect(Self.bytes(file) == before)
    #expect(!FileManager.default.fileExists(atPath: file.path + ".lock"))
  }

  /// A device is no journal either: /dev/null would swallow every acknowledged answer, /dev/zero
  /// would be read forever.
  @Test(arguments: ["/dev/null", "/dev/zero"])
  func deviceAsSessionIsRefused(path: String) throws {
    let directory = try ShellFixture.workspace("device")
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = try ShellFixture.run(
      ["--kb", Self.kb, "--session", path], in: directory, input: "setze lage.art = pandemie\n")
    #expect(status == 2)
    #expect(
      Self.unwrapped(output) == "Fehler: Das Journal „\(path)“ lässt sich nicht öffnen: keine gewöhnliche Datei. ")
  }

  /// A new journal says what it is in its first record and is readable by its owner only.
  @Test func newJournalIsRecognisableAndPrivate() throws {
    let directory = try ShellFixture.workspace("new-journal")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("neu.journal")
    let (status, _) = try ShellFixture.run(["--kb", Self.kb, "--session", "neu.journal"], in: directory)
    #expect(status == 0)
    let first = try Journal.read(path: journal.path).records.first
    #expect(first?.entry.kind == .start)
    let line = try String(contentsOf: journal, encoding: .utf8).prefix { $0 != "\n" }
    #expect(line.contains(#""format":"resilienz-journal""#), "\(line)")
    let attributes = try FileManager.default.attributesOfItem(atPath: journal.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
  }

  // MARK: - kill -9 at random points

  /// The shell is killed at seeded random points while answers stream in: every answer it
  /// acknowledged is in the journal, in order, and the journal never needs repair.
  @Test func killAtRandomPointsLosesNoAcknowledgedAnswer() throws {
    let directory = try ShellFixture.workspace("kill-loop")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("beratung.journal")
    var random = SplitMix64(seed: 0x11_0003)
    var expected: [String] = []
    for round in 0..<6 {
      let shell = try Self.startShell(journal, in: directory)
      let values = (0..<5).map { String(round * 10 + $0 + 1) }
      let acknowledgements = Int(random.next() % 6)
      // All lines at once: the kill falls wherever the shell happens to be.
      shell.send(values.map { "setze personal.anteil_krisendienst = \($0)" }.joined(separator: "\n"))
      #expect(shell.read(until: { $0.components(separatedBy: "Übernommen.").count - 1 >= acknowledgements }))
      shell.killHard()
      let acknowledged = shell.text.components(separatedBy: "Übernommen.").count - 1
      let contents = try Journal.read(path: journal.path)
      #expect(contents.problems.isEmpty, "round \(round): \(contents.problems)")
      let written = contents.records.compactMap { record -> String? in
        guard case .set(let given) = record.entry else { return nil }
        return given.answer
      }
      let thisRound = Array(written.dropFirst(expected.count))
      #expect(thisRound.count >= acknowledged, "round \(round): \(acknowledged) acknowledged, \(thisRound) kept")
      #expect(thisRound == Array(values.prefix(thisRound.count)), "round \(round): in order")
      expected += thisRound
    }
    let (status, output) = try ShellFixture.run(
      ["--kb", Self.kb, "--session", journal.path], in: directory, input: "antworten\n")
    #expect(status == 0, "\(output)")
    #expect(!output.contains("Hinweis"), "\(output)")
  }
}
