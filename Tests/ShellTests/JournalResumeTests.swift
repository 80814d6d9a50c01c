import Foundation
import Testing
import _ResilienzTestSupport

/// `--session FILE`: every acknowledged answer survives a SIGKILL, a torn last line is reported,
/// and answers that no longer fit are named — with the real binary and a real kill.
@Suite struct JournalResumeTests {
  /// Lines to type and how each shows in `antworten` afterwards; answered with 'setze', so that
  /// the order in which the shell asks does not matter.
  static let answers: [(line: String, shown: String)] = [
    ("setze lage.phase = Bewältigung", "lage.phase = Bewältigung"),
    ("setze personal.reserve = keine", "personal.reserve = Keine Reserve"),
    ("setze lage.dauer_wochen = 8", "lage.dauer_wochen = 8 Wochen"),
    ("setze lage.art = pandemie", "lage.art = Pandemie"),
    ("setze lage.bereiche = 1, 2", "lage.bereiche = Gesundheitsamt; Soziales und Unterbringung"),
    ("setze personal.anteil_krisendienst = 12,5", "personal.anteil_krisendienst = 12,5 Prozent"),
    ("setze stab.vorhanden = ?", "stab.vorhanden = weiß nicht (Informationslücke)"),
    ("setze kommune.land = by", "kommune.land = Bayern"),
  ]

  /// A script that lists the answers and expects each acknowledged one (one `antworten` per
  /// check, since `expect output` reads the output of the command just before it).
  static func checkScript(_ shown: [String]) -> String {
    shown.map { "antworten\nexpect output \($0)\n" }.joined()
  }

  /// Starts the shell on `journal`, types `lines`, waits for each acknowledgement, then kills it.
  static func answerAndKill(_ lines: [String], journal: URL, in directory: URL) throws {
    let shell = try RunningShell(
      ["--kb", ShellFixture.knowledgeBaseDirectory, "--session", journal.path], in: directory,
      state: directory.appendingPathComponent("state"))
    let before = shell.read(until: { $0.contains("Beantworten Sie die Fragen") })
    #expect(before, "the shell starts: \(shell.text)")
    for (index, line) in lines.enumerated() {
      shell.send(line)
      let acknowledged = shell.read(until: { text in
        text.components(separatedBy: "Übernommen.").count - 1 == index + 1
      })
      #expect(acknowledged, "'\(line)' is acknowledged; output so far:\n\(shell.text)")
    }
    shell.killHard()
    #expect(shell.process.terminationReason == .uncaughtSignal)
  }

  @Test(arguments: [1, 3, 8])
  func everyAcknowledgedAnswerSurvivesAKill(count: Int) throws {
    let directory = try ShellFixture.temporaryDirectory("kill")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("beratung.journal")
    let given = Array(Self.answers.prefix(count))
    try Self.answerAndKill(given.map(\.line), journal: journal, in: directory)

    let (status, output) = try ShellFixture.run(
      ["--kb", ShellFixture.knowledgeBaseDirectory, "--session", journal.path], in: directory,
      input: Self.checkScript(given.map(\.shown)))
    #expect(status == 0, "every acknowledged answer is back:\n\(output)")
    #expect(
      output.contains("Fortgesetzt mit \(count) \(count == 1 ? "Antwort" : "Antworten")."),
      "\(output)")
    #expect(
      !output.contains("Hinweis"), "a journal written line by line has no torn line:\n\(output)")
  }

  /// A crash in the middle of a write leaves half a line: it is reported in German, and
  /// everything before it is kept.
  @Test func tornLastLineIsReportedAndTheRestKept() throws {
    let directory = try ShellFixture.temporaryDirectory("torn")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("beratung.journal")
    let given = Array(Self.answers.prefix(3))
    try Self.answerAndKill(given.map(\.line), journal: journal, in: directory)
    let handle = try FileHandle(forWritingTo: journal)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"answer":"by","op":"set","questi"#.utf8))
    try handle.close()

    let (status, output) = try ShellFixture.run(
      ["--kb", ShellFixture.knowledgeBaseDirectory, "--session", journal.path], in: directory,
      input: Self.checkScript(given.map(\.shown)))
    #expect(status == 0, "\(output)")
    #expect(
      output.hasPrefix(
        "Hinweis: Zeile 5 des Journals ist unvollständig (abgebrochener Schreibvorgang)\nund wird übergangen.\n"
      ),
      "\(output)")
    #expect(output.contains("Fortgesetzt mit 3 Antworten."))
  }

  /// After resuming a journal with a torn last line, the next answer must not be glued to the
  /// torn fragment; otherwise that acknowledged answer is lost at the next resumption.
  @Test func answerAfterATornLineSurvivesTheNextResumption() throws {
    let directory = try ShellFixture.temporaryDirectory("torn-append")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("beratung.journal")
    try Self.answerAndKill(["setze personal.reserve = keine"], journal: journal, in: directory)
    let handle = try FileHandle(forWritingTo: journal)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"answer":"8","op":"set","quest"#.utf8))
    try handle.close()

    // Resume, answer once more (acknowledged), and kill again.
    try Self.answerAndKill(["setze lage.art = pandemie"], journal: journal, in: directory)

    let (status, output) = try ShellFixture.run(
      ["--kb", ShellFixture.knowledgeBaseDirectory, "--session", journal.path], in: directory,
      input: Self.checkScript(["personal.reserve = Keine Reserve", "lage.art = Pandemie"]))
    #expect(status == 0, "\(output)")
    #expect(output.contains("Fortgesetzt mit 2 Antworten."), "\(output)")

  }

  /// A journal written against an older knowledge base: a removed question, a value no longer
  /// allowed, a damaged line in the middle and a record of an unknown kind.
  @Test func journalWithAnswersThatNoLongerFitIsReported() throws {
    let directory = try ShellFixture.temporaryDirectory("misfit")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("beratung.journal")
    let lines = [
      #"{"knowledgeBase":"shell-test","op":"start","version":"0.9"}"#,
      #"{"answer":"viel","op":"set","question":"personal.reserve"}"#,
      #"{"answer":"ja","op":"set","question":"stab.leitung_benannt"}"#,
      #"{"answer":"8","op":"set","question":"lage.dauer_wochen"}"#,
      #"{"answer":"pandemie","op":"set","quest"#,
      #"{"op":"note","text":"Übung am Montag"}"#,
      #"{"answer":"700","op":"set","question":"kommune.einwohnende"}"#,
      #"{"answer":"by","op":"set","question":"kommune.land"}"#,
      #"{"op":"unset","question":"kommune.land"}"#,
    ]
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: journal)
    let (status, output) = try ShellFixture.run(
      ["--kb", ShellFixture.knowledgeBaseDirectory, "--session", journal.path], in: directory,
      input: "antworten\n")
    #expect(status == 0)
    if let problem = Golden.check(output, named: "journal-misfits.transcript", in: "Transcripts") {
      Issue.record(Comment(rawValue: problem))
    }
    #expect(output.contains("Hinweis: Zeile 5 des Journals ist beschädigt und wird übergangen."))
    #expect(output.contains("stab.leitung_benannt"))
    #expect(output.contains("personal.reserve = viel"))
    #expect(output.contains("Fortgesetzt mit 2 Antworten."))
  }

  /// `laden` replaces every answer; the journal records that, so a kill afterwards resumes
  /// with the loaded answers only.
  @Test func loadedAnswersSurviveAKill() throws {
    let directory = try ShellFixture.workspace("load-kill")
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("beratung.journal")
    let shell = try RunningShell(
      ["--kb", ShellFixture.knowledgeBaseDirectory, "--session", journal.path], in: directory,
      state: directory.appendingPathComponent("state"))
    shell.send("setze personal.reserve = keine")
    #expect(shell.read(until: { $0.contains("Übernommen.") }))
    shell.send("laden alt.json")
    #expect(shell.read(until: { $0.contains("Geladen: 2 Antworten") }), "\(shell.text)")
    shell.killHard()

    let (status, output) = try ShellFixture.run(
      ["--kb", ShellFixture.knowledgeBaseDirectory, "--session", journal.path], in: directory,
      input:
        "antworten\nexpect output lage.phase = Bewältigung\nantworten\nexpect output lage.dauer_wochen = 12 Wochen\n"
    )
    #expect(status == 0, "\(output)")
    #expect(output.contains("Fortgesetzt mit 2 Antworten."), "\(output)")
    #expect(!output.contains("personal.reserve ="), "the answer before 'laden' is replaced")
  }

  /// A directory where the journal should be: a German message and exit status 2.
  @Test func directoryAsSessionIsRefused() throws {
    let directory = try ShellFixture.workspace("session-dir")
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = try ShellFixture.run(
      ["--kb", ShellFixture.knowledgeBaseDirectory, "--session", "ordner"], in: directory,
      input: "antworten\n")
    #expect(status == 2)
    #expect(output == "Fehler: „ordner“ ist ein Ordner, keine Journaldatei.\n")
  }
}
