import Foundation
import KnowledgeBase
import Testing
import _ResilienzTestSupport

/// Scripts under `Transcripts/` run by the real binary (`resilienz run`), each compared with its
/// recorded transcript; `RECORD_GOLDENS=1` re-records them.
@Suite struct TranscriptTests {
  /// Each script and the exit status it must end with.
  static let scripts: [(name: String, status: Int32)] = [
    ("full-consultation", 0),
    ("commands-german", 0),
    ("commands-english", 0),
    ("expect-passing", 0),
    ("expect-failing", 1),
    ("errors", 1),
    ("sessions", 1),
    ("bezeichnungen", 1),
    ("auftraege", 1),
    ("kopf", 1),
  ]

  /// Runs `NAME.script` in a fresh workspace (fixture knowledge base as `kb/`), so that paths
  /// in the transcript are short and the same on every machine.
  static func runScript(_ name: String) throws -> (
    transcript: String, status: Int32, workspace: URL
  ) {
    let workspace = try ShellFixture.workspace(name)
    try FileManager.default.copyItem(
      atPath: ShellFixture.transcriptsDirectory + "/\(name).script",
      toPath: workspace.appendingPathComponent("\(name).script").path)
    let (status, output) = try ShellFixture.run(
      ["run", "--kb", "kb", "\(name).script"], in: workspace)
    return (output + "-- exit status \(status)\n", status, workspace)
  }

  @Test(arguments: scripts.map(\.name))
  func transcript(name: String) throws {
    let (transcript, status, workspace) = try Self.runScript(name)
    defer { try? FileManager.default.removeItem(at: workspace) }
    if let problem = Golden.check(transcript, named: "\(name).transcript", in: "Transcripts") {
      Issue.record(Comment(rawValue: problem))
    }
    let expected = Self.scripts.first { $0.name == name }?.status
    #expect(status == expected, "exit status of \(name).script")
  }

  /// Lines after `ende` are not executed, and the consultation ends with status 0.
  @Test func quitEndsTheScript() throws {
    let (transcript, status, workspace) = try Self.runScript("commands-german")
    defer { try? FileManager.default.removeItem(at: workspace) }
    #expect(status == 0)
    #expect(transcript.hasSuffix("> ende\n-- exit status 0\n"), "nothing after 'ende' runs")
  }

  /// Every failing expectation and command names the script and the line it is on.
  @Test func failuresNameFileAndLine() throws {
    let (transcript, status, workspace) = try Self.runScript("expect-failing")
    defer { try? FileManager.default.removeItem(at: workspace) }
    #expect(status == 1)
    let script = try String(
      contentsOfFile: ShellFixture.transcriptsDirectory + "/expect-failing.script", encoding: .utf8)
    let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() where line.hasPrefix("expect") {
      let place = "expect-failing.script:\(index + 1)"
      #expect(
        transcript.contains("Erwartung nicht erfüllt (\(place))")
          || transcript.contains("Fehler (\(place))"),
        "line \(index + 1) '\(line)' is reported with its place")
    }
  }

  /// The saved file is the complete JSON document, and the atomic write leaves no temporary file.
  @Test func savedSessionIsACompleteDocument() throws {
    let (_, _, workspace) = try Self.runScript("sessions")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let saved = try String(
      contentsOf: workspace.appendingPathComponent("beratung.json"), encoding: .utf8)
    if let problem = Golden.check(saved, named: "sessions-beratung.json", in: "Transcripts") {
      Issue.record(Comment(rawValue: problem))
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.path).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(leftovers.isEmpty)
    let alt = try String(contentsOf: workspace.appendingPathComponent("alt.json"), encoding: .utf8)
    let original = try String(
      contentsOfFile: ShellFixture.filesDirectory + "/alt.json", encoding: .utf8)
    #expect(alt == original, "loading never writes to the loaded file")
  }

  /// Exercise play on the shipped knowledge base (the fixture has no exercises): branches in both
  /// directions, logging with roles, observers and undo, changes to the Drehbuch during play, and
  /// the evaluation with ratings, evidence and improvement plan.
  static let exerciseScripts: [(name: String, status: Int32)] = [
    ("uebung-verzweigung", 1),
    ("uebung-protokoll", 1),
    ("uebung-auswertung", 1),
    ("uebung-komplett", 0),
  ]

  @Test(arguments: exerciseScripts.map(\.name))
  func exerciseTranscript(name: String) throws {
    let workspace = try ShellFixture.temporaryDirectory(name)
    defer { try? FileManager.default.removeItem(at: workspace) }
    try FileManager.default.copyItem(
      atPath: ShellFixture.transcriptsDirectory + "/\(name).script",
      toPath: workspace.appendingPathComponent("\(name).script").path)
    let (status, output) = try ShellFixture.run(
      ["run", "--kb", Fixture.repositoryRoot, "\(name).script"], in: workspace)
    if let problem = Golden.check(output + "-- exit status \(status)\n", named: "\(name).transcript", in: "Transcripts")
    {
      Issue.record(Comment(rawValue: problem))
    }
    #expect(status == Self.exerciseScripts.first { $0.name == name }?.status, "exit status of \(name).script")
    // The after-action report and the improvement plan the shell wrote, as a person reads them.
    for file in name == "uebung-auswertung" ? ["aar.md", "plan.csv"] : [] {
      let written = try String(contentsOf: workspace.appendingPathComponent(file), encoding: .utf8)
      if let problem = Golden.check(written, named: "uebung-auswertung-\(file)", in: "Transcripts") {
        Issue.record(Comment(rawValue: problem))
      }
    }
  }

  /// The shipped knowledge base, consulted from start to end (recorded last; it changes with
  /// the knowledge).
  @Test func shippedKnowledgeBaseConsultation() throws {
    let root = URL(fileURLWithPath: Fixture.repositoryRoot)
    let state = try ShellFixture.temporaryDirectory("shipped-state")
    defer { try? FileManager.default.removeItem(at: state) }
    let (status, output) = try ShellFixture.run(
      ["run", "--kb", ".", "Tests/ShellTests/Transcripts/shipped-consultation.script"], in: root,
      state: state)
    if let problem = Golden.check(
      output + "-- exit status \(status)\n", named: "shipped-consultation.transcript",
      in: "Transcripts")
    {
      Issue.record(Comment(rawValue: problem))
    }
    #expect(status == 0)
  }

  /// Issue 15: the crisis manager's view shows German text only. After `technisch aus` no id of
  /// the shipped knowledge base (question, option, measure, pattern, fact, rule, source) stands in
  /// what the shell prints; only the lines the user typed may contain one.
  @Test func crisisManagerViewShowsNoIDs() throws {
    let root = URL(fileURLWithPath: Fixture.repositoryRoot)
    let state = try ShellFixture.temporaryDirectory("view-state")
    defer { try? FileManager.default.removeItem(at: state) }
    let (status, output) = try ShellFixture.run(
      ["run", "--kb", ".", "Tests/ShellTests/Transcripts/krisenstab-ansicht.script"], in: root, state: state)
    if let problem = Golden.check(
      output + "-- exit status \(status)\n", named: "krisenstab-ansicht.transcript", in: "Transcripts")
    {
      Issue.record(Comment(rawValue: problem))
    }
    #expect(status == 0)
    let kb = try #require(KnowledgeBaseLoader.load(directory: root.path).knowledgeBase)
    // Ids that are plain German words ('hitze', 'kreis') may stand in a sentence; compound ids
    // cannot.
    var ids: [String] = [kb.info.id]
    ids += kb.questions.map(\.id)
    ids += kb.questions.flatMap { $0.options.map(\.id) }
    ids += kb.measures.map(\.id)
    ids += kb.patterns.map(\.id)
    ids += kb.facts.map(\.id)
    ids += kb.rules.map(\.id)
    ids += kb.sources.map(\.id)
    ids = ids.filter { $0.contains { ".-_".contains($0) } }
    let view = try #require(output.components(separatedBy: "> technisch aus\n").last)
    #expect(view.count > 5_000, "the view covers the consultation")
    let idCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789_.-/")
    for (number, line) in view.split(separator: "\n").enumerated() where !line.hasPrefix("> ") {
      for id in Set(ids) {
        var searchRange = line.startIndex..<line.endIndex
        while let found = line.range(of: id, range: searchRange) {
          let before = found.lowerBound > line.startIndex ? line[line.index(before: found.lowerBound)] : " "
          let after = found.upperBound < line.endIndex ? line[found.upperBound] : " "
          if !idCharacters.contains(before), !idCharacters.contains(after) || after == "." {
            Issue.record("line \(number + 1) after 'technisch aus' shows the id \(id): \(line)")
          }
          searchRange = found.upperBound..<line.endIndex
        }
      }
    }
  }

  /// Issue 4: "output fits 80 columns". Lines a person reads stay within 80 columns, except
  /// where they quote a single word longer than a line (such as a 10,000-character input).
  @Test func transcriptsFitEightyColumns() throws {
    var overlong: [String] = []
    for (name, _) in Self.scripts {
      let (transcript, _, workspace) = try Self.runScript(name)
      defer { try? FileManager.default.removeItem(at: workspace) }
      for (index, line) in transcript.split(separator: "\n").enumerated() {
        guard !line.hasPrefix("> "), line.count > 80 else { continue }
        let longestWord = line.split(separator: " ").map(\.count).max() ?? 0
        if longestWord > 40 { continue }
        overlong.append("\(name).transcript:\(index + 1): \(line.count) columns: \(line)")
      }
    }
    #expect(overlong.isEmpty, "\(overlong.joined(separator: "\n"))")

  }
}
