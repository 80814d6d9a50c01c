import Consultation
import Foundation
import KnowledgeBase
import Report
import Testing
import _ResilienzTestSupport

@testable import Shell

/// `resilienz report` and the shell's `bericht`.
struct ReportCommandTests {
  /// A workspace with the fixture knowledge base and a journal of the fixed consultation.
  func workspaceWithJournal(_ label: String) throws -> (workspace: URL, kb: String, journal: String) {
    let workspace = try ReportFixture.workspace(label)
    let kb = workspace.appendingPathComponent("kb").path
    let journal = workspace.appendingPathComponent("beratung.journal").path
    let knowledgeBase = try ReportFixture.load(kb)
    var consultation = Consultation(knowledgeBase: knowledgeBase, journal: try Journal(path: journal))
    ReportFixture.stamp(&consultation)
    for (id, text) in ReportFixture.scenario {
      let question = try #require(knowledgeBase.questionIndex[id])
      try consultation.set(question, to: AnswerParser.parse(text, for: knowledgeBase.questions[question]).get())
    }
    return (workspace, kb, journal)
  }

  func golden(_ name: String) throws -> String {
    try String(contentsOf: ReportFixture.folder.appendingPathComponent("Snapshots/\(name)"), encoding: .utf8)
  }

  // MARK: - resilienz report (library call)

  @Test func reportOfAJournalToStandardOutputLeavesTheJournalAlone() throws {
    let (workspace, kb, journal) = try workspaceWithJournal("journal")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let before = try Data(contentsOf: URL(fileURLWithPath: journal))
    var output = ""
    var errors = ""
    let status = ReportWriter.report(
      session: journal, knowledgeBaseDirectory: kb, format: .md, date: try ReportFixture.date(), outputPath: nil,
      clock: { Date(timeIntervalSince1970: 1_773_479_700) }, output: { output += $0 }, errors: { errors += $0 })
    #expect(status == 0, "\(errors)")
    #expect(errors.isEmpty)
    #expect(output == (try golden("bericht.md")))
    #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
  }

  @Test func reportOfAJournalToAFile() throws {
    let (workspace, kb, journal) = try workspaceWithJournal("datei")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let out = workspace.appendingPathComponent("lage.html").path
    var errors = ""
    let status = ReportWriter.report(
      session: journal, knowledgeBaseDirectory: kb, format: .html, date: try ReportFixture.date(), outputPath: out,
      clock: { Date(timeIntervalSince1970: 1_773_479_700) },
      output: { _ in Issue.record("nothing goes to standard output") }, errors: { errors += $0 })
    #expect(status == 0, "\(errors)")
    #expect(try String(contentsOfFile: out, encoding: .utf8) == (try golden("bericht.html")))
    // Nothing is left behind beside it.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: workspace.path).sorted() == [
        "beratung.journal", "kb", "lage.html",
      ])
  }

  @Test func missingJournalIsAnError() throws {
    var errors = ""
    let status = ReportWriter.report(
      session: "/nonexistent/beratung.journal", knowledgeBaseDirectory: ReportFixture.knowledgeBaseDirectory,
      format: .md, date: try ReportFixture.date(), outputPath: nil, output: { _ in }, errors: { errors += $0 })
    #expect(status == 2)
    #expect(
      errors
        == "Fehler: Die Beratung „/nonexistent/beratung.journal“ gibt es nicht. Eine Beratung mit 'resilienz --session /nonexistent/beratung.journal' führen, dann den Bericht erstellen.\n"
    )
  }

  @Test func unwritableOutputIsAnError() throws {
    let (workspace, kb, journal) = try workspaceWithJournal("schreiben")
    defer { try? FileManager.default.removeItem(at: workspace) }
    var errors = ""
    let status = ReportWriter.report(
      session: journal, knowledgeBaseDirectory: kb, format: .md, date: try ReportFixture.date(),
      outputPath: workspace.appendingPathComponent("fehlt/lage.md").path, output: { _ in }, errors: { errors += $0 })
    #expect(status == 2)
    #expect(errors.hasPrefix("Fehler: Der Bericht kann nicht nach „"), "\(errors)")
  }

  @Test func brokenKnowledgeBaseIsAnError() throws {
    let folder = try ReportFixture.temporaryDirectory("kaputt")
    defer { try? FileManager.default.removeItem(at: folder) }
    try ReportFixture.write("knowledge_base: [", to: folder.appendingPathComponent("Knowledge/k.yaml"))
    try ReportFixture.write("", to: folder.appendingPathComponent("Rules/r.rules"))
    var errors = ""
    let status = ReportWriter.report(
      session: "x", knowledgeBaseDirectory: folder.path, format: .md, date: try ReportFixture.date(), outputPath: nil,
      output: { _ in }, errors: { errors += $0 })
    #expect(status == 1)
    #expect(errors.hasPrefix("Die Wissensbasis in „\(folder.path)“ hat Fehler"))
  }

  // MARK: - resilienz report (the binary)

  static var binary: URL {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [products, products.deletingLastPathComponent()]
    return candidates.map { $0.appendingPathComponent("resilienz") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? URL(fileURLWithPath: Fixture.repositoryRoot + "/.build/debug/resilienz")
  }

  func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    var environment = TestCache.environment()
    environment.removeValue(forKey: "RESILIENZ_KB")
    environment["COLUMNS"] = "100"
    // The fixture's clock, so that the report's time is the golden's.
    environment["RESILIENZ_UHRZEIT"] = "2026-03-14T09:15:00Z"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
  }

  @Test func commandLineReport() throws {
    let (workspace, kb, journal) = try workspaceWithJournal("cli")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let markdown = try run(["report", "--kb", kb, "--session", journal, "--date", "2026-03-14"])
    #expect(markdown.status == 0, "\(markdown.errors)")
    #expect(markdown.output == (try golden("bericht.md")))
    let out = workspace.appendingPathComponent("lage.html").path
    let html = try run(["report", "--kb", kb, "--session", journal, "--date", "2026-03-14", "-o", out])
    #expect(html.status == 0, "\(html.errors)")
    #expect(html.output.isEmpty)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == (try golden("bericht.html")))
  }

  /// A PDF is a file: without -o it is refused before anything is rendered.
  @Test func commandLinePDFNeedsAFile() throws {
    let (workspace, kb, journal) = try workspaceWithJournal("cli-pdf")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let result = try run(["report", "--kb", kb, "--session", journal, "--format", "pdf"])
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(result.errors.contains("Ein PDF braucht einen Dateinamen"), "\(result.errors)")
  }

  @Test func commandLineHelp() throws {
    let result = try run(["report", "--help"])
    #expect(result.status == 0)
    if let problem = Golden.check(result.output, named: "help-report.txt") { Issue.record(Comment(rawValue: problem)) }
  }

  @Test func commandLineRejectsABadDate() throws {
    let result = try run(["report", "--session", "x.journal", "--date", "2026-02-30"])
    #expect(result.status == 2)
    #expect(result.errors.contains("„2026-02-30“ ist kein Datum der Form JJJJ-MM-TT"), "\(result.errors)")
  }

  /// Argument errors are German and end with the documented status 2, not the parser's 64.
  @Test(arguments: [
    (["report"], "Bitte die Journaldatei angeben"),
    (["report", "--session", "x.journal", "--format", "odt"], "„odt“ ist kein Format"),
    (["report", "--session", "x.journal", "-o", "-"], "„-“ ist kein Dateiname für -o"),
    (["report", "--session", "x.journal", "-o", ""], "„“ ist kein Dateiname für -o"),
  ])
  func commandLineArgumentErrorsAreGerman(arguments: [String], message: String) throws {
    let result = try run(arguments)
    #expect(result.status == 2)
    #expect(result.errors.contains("Fehler: \(message)"), "\(result.errors)")
  }

  @Test func commandLineDatesTodayByDefault() throws {
    let (workspace, kb, journal) = try workspaceWithJournal("heute")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let result = try run(["report", "--kb", kb, "--session", journal, "--format", "md"])
    #expect(result.status == 0)
    #expect(result.output.contains("- **Stand:** \(ReportDate.today().german)\n"))
  }

  // MARK: - bericht in the shell

  /// The shell's output with lines it wrapped at 80 columns joined again.
  func unwrapped(_ text: String) -> String { text.replacingOccurrences(of: "\n  ", with: " ") }

  func shell(_ kb: String) throws -> (Shell, BufferOutputSink) {
    var consultation = Consultation(knowledgeBase: try ReportFixture.load(kb))
    ReportFixture.stamp(&consultation)
    for (id, text) in ReportFixture.scenario {
      let question = try #require(consultation.knowledgeBase.questionIndex[id])
      try consultation.set(
        question, to: AnswerParser.parse(text, for: consultation.knowledgeBase.questions[question]).get())
    }
    var options = ShellOptions(interactive: false, color: false)
    options.knowledgeBaseDirectory = kb
    let output = BufferOutputSink()
    return (Shell(consultation: consultation, output: output, options: options), output)
  }

  @Test func berichtPrintsMarkdown() throws {
    let workspace = try ReportFixture.workspace("shell")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let (shell, output) = try shell(workspace.appendingPathComponent("kb").path)
    shell.execute("bericht --datum 2026-03-14")
    #expect(shell.failures == 0)
    #expect(output.text == (try golden("bericht.md")))
  }

  @Test func berichtWritesAFileWhoseNameHasSpaces() throws {
    let workspace = try ReportFixture.workspace("shell")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let (shell, output) = try shell(workspace.appendingPathComponent("kb").path)
    let path = workspace.appendingPathComponent("Lage 14. März.html").path
    shell.execute("report --datum=2026-03-14 \(path)")
    #expect(shell.failures == 0, "\(output.text)")
    #expect(unwrapped(output.text) == "Bericht (HTML) geschrieben: „\(path)“.\n")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == (try golden("bericht.html")))
  }

  @Test(arguments: [
    ("bericht --format odt", "Fehler: „odt“ ist kein Berichtsformat; möglich sind md, html und pdf.\n"),
    ("bericht --format pdf", "Fehler: Ein PDF braucht einen Dateinamen, etwa: bericht lage.pdf\n"),
    (
      "bericht --datum 14.03.2026",
      "Fehler: „14.03.2026“ ist kein Datum der Form JJJJ-MM-TT (zum Beispiel 2026-03-14).\n"
    ),
    (
      "bericht --format",
      "Fehler: Bei --format fehlt der Wert. So geht es: bericht [--kurz] [--format md|html|pdf] [--datum JJJJ-MM-TT] [--force] [datei]\n"
    ),
    (
      "bericht --farbe an",
      "Fehler: Unbekannte Angabe „--farbe“. So geht es: bericht [--kurz] [--format md|html|pdf] [--datum JJJJ-MM-TT] [--force] [datei]\n"
    ),
  ])
  func berichtRejectsBadArguments(line: String, message: String) throws {
    let (shell, output) = try shell(ReportFixture.knowledgeBaseDirectory)
    shell.execute(line)
    #expect(shell.failures == 1)
    #expect(unwrapped(output.text) == message)
  }

  @Test func berichtReportsATemplateError() throws {
    let workspace = try ReportFixture.workspace("shell")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let kb = workspace.appendingPathComponent("kb")
    try ReportFixture.write("{{#patterns}}\n", to: kb.appendingPathComponent("Knowledge/templates/bericht.md.mustache"))
    let (shell, output) = try shell(kb.path)
    shell.execute("bericht")
    #expect(shell.failures == 1)
    #expect(
      unwrapped(output.text).hasPrefix(
        "Fehler: \(kb.path)/Knowledge/templates/bericht.md.mustache:2:1: Die Berichtsvorlage ist fehlerhaft: Ein Abschnitt"
      ),
      "\(output.text)")
  }

  @Test(arguments: [
    ("", ReportRequest(format: .md, date: nil, path: nil)),
    ("lage.html", ReportRequest(format: .html, date: nil, path: "lage.html")),
    ("--format html", ReportRequest(format: .html, date: nil, path: nil)),
    ("--format md lage.html", ReportRequest(format: .md, date: nil, path: "lage.html")),
    ("--format=HTML  mein  bericht", ReportRequest(format: .html, date: nil, path: "mein  bericht")),
    (
      "--datum 2026-03-14 x.md",
      ReportRequest(format: .md, date: ReportDate(year: 2026, month: 3, day: 14), path: "x.md")
    ),
    ("--kurz lage.pdf", ReportRequest(format: .pdf, date: nil, path: "lage.pdf", kind: .onePage)),
  ])
  func berichtArguments(arguments: String, request: ReportRequest) throws {
    #expect(try Shell.reportRequest(arguments).get() == request)
  }

  @Test func berichtIsACommandWithAGermanName() {
    #expect(CommandTable.find("bericht") == ReportCommand.self)
    #expect(CommandTable.find("report") == ReportCommand.self)
  }
}
