import Foundation
import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// What `resilienz check` prints and returns: strictness, exit codes and the JSON form.
@Suite struct CheckReportTests {
  static func load(_ name: String) throws -> LoadResult {
    try #require(DiagnosticCase.all.first { $0.name == name }).load()
  }

  static func expectGolden(_ text: String, _ name: String) {
    if let difference = Golden.check(text, named: name) { Issue.record(Comment(rawValue: difference)) }
  }

  @Test func cleanKnowledgeBaseExitsWithZero() {
    let result = Fixture.load([
      ("Knowledge/base.yaml", Fixture.baseKnowledge), ("Rules/base.rules", Fixtures.cleanRules),
    ])
    let report = CheckReport(result: result, strict: true)
    #expect(report.exitCode == 0)
    #expect(report.text(withStatistics: false) == "keine Probleme gefunden\n")
    Self.expectGolden(report.text(withStatistics: true), "check-clean-statistics.txt")
  }

  /// A pattern a measure names is a situation kind of the catalogue; it needs five acute measures.
  @Test func aSituationKindNeedsFiveAcuteMeasures() {
    let knowledge = Fixture.baseKnowledge.replacingOccurrences(
      of: "phases: [bewaeltigung], factors: [rf3], sources: [q1]",
      with: "phases: [bewaeltigung], factors: [rf3], patterns: [dauerkrise], sources: [q1]")
    let result = Fixture.load([("Knowledge/base.yaml", knowledge), ("Rules/base.rules", Fixtures.cleanRules)])
    let rendered = DiagnosticRenderer().render(result.diagnostics)
    #expect(rendered.contains("warning: situation kind 'dauerkrise' has 1 acute measure ("), "\(rendered)")
    #expect(result.statistics?.situationKinds.map { "\($0.id) \($0.acuteMeasures)" } == ["dauerkrise 1"])
    #expect(CheckReport(result: result, strict: true).exitCode == 1)
  }

  @Test func warningsAloneExitWithZero() throws {
    let result = try Self.load("rule-never-fires-underived-fact")
    #expect(result.knowledgeBase != nil)
    let report = CheckReport(result: result, strict: false)
    #expect(report.diagnostics.map(\.severity) == [.warning, .warning])
    #expect(report.exitCode == 0)
    Self.expectGolden(report.text(withStatistics: false), "check-warnings.txt")
  }

  @Test func strictTurnsWarningsIntoErrors() throws {
    let result = try Self.load("rule-never-fires-underived-fact")
    let report = CheckReport(result: result, strict: true)
    #expect(report.diagnostics.map(\.severity) == [.error, .error])
    #expect(report.diagnostics.map(\.id.rawValue) == ["underived-fact", "rule-never-fires"])
    #expect(report.exitCode == 1)
    Self.expectGolden(report.text(withStatistics: false), "check-strict.txt")
  }

  @Test func errorsExitWithOne() throws {
    let report = CheckReport(result: try Self.load("three-errors-one-file"), strict: false)
    #expect(report.exitCode == 1)
    #expect(report.text(withStatistics: true).hasSuffix("3 Fehler und 0 Warnungen\n"))
  }

  @Test func missingFolderExitsWithTwo() {
    let result = KnowledgeBaseLoader.load(directory: "/nonexistent")
    #expect(result.knowledgeBase == nil)
    #expect(result.diagnostics.map(\.id.rawValue) == ["missing-directory", "missing-directory"])
    #expect(result.diagnostics.allSatisfy { $0.site.location == nil })
    let report = CheckReport(result: result, strict: false)
    #expect(report.exitCode == 2)
    Self.expectGolden(report.text(withStatistics: true), "check-missing-folder.txt")
  }

  @Test func ioProblemsWinOverStrictErrors() {
    let report = CheckReport(result: KnowledgeBaseLoader.load(directory: "/nonexistent"), strict: true)
    #expect(report.exitCode == 2)
  }

  @Test func jsonRendering() throws {
    var diagnostics: [Diagnostic] = []
    for name in ["duplicate-rule-two-files", "relevance-unknown-value-quoted", "missing-reason"] {
      diagnostics += try Self.load(name).diagnostics
    }
    diagnostics += KnowledgeBaseLoader.load(directory: "/nonexistent").diagnostics.prefix(1)
    Self.expectGolden(DiagnosticJSONRenderer().render(diagnostics), "diagnostics.json")
  }

  @Test func jsonOfNothingIsAnEmptyArray() {
    #expect(DiagnosticJSONRenderer().render([]) == "[]\n")
  }

  @Test func jsonEscapesControlCharacters() {
    let file = SourceFile(path: "a\"b.rules", text: "x\n")
    let diagnostic = Diagnostic(
      id: DiagnosticID("test"), severity: .note, message: "tab\there \\ \u{1}\nend",
      site: DiagnosticSite(file: file, range: SourceRange(start: 0, end: 1)))
    #expect(
      DiagnosticJSONRenderer().render([diagnostic])
        == """
        [
          {"file": "a\\"b.rules", "line": 1, "column": 1, "severity": "note", "id": "test", "message": "tab\\there \\\\ \\u0001\\nend"}
        ]

        """)
  }
}

/// Loading from disk: the folder layout, unreadable entries and the count of test files.
@Suite struct KnowledgeFolderTests {
  /// A fresh folder with the given files, removed after `body`.
  static func withFolder(_ files: [String: String], folders: [String] = [], _ body: (String) throws -> Void) throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("resilienz-kb-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    for folder in folders {
      try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
    }
    for (path, text) in files {
      let url = URL(fileURLWithPath: root + "/" + path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    try body(root)
  }

  @Test func loadsAFolderAndCountsTests() throws {
    try Self.withFolder([
      "Knowledge/base.yaml": Fixture.baseKnowledge, "Rules/base.rules": Fixtures.cleanRules,
      "Rules/tests/a.test": "", "Rules/tests/b.test": "", "Rules/tests/notes.txt": "",
      "Rules/README.md": "# not a rule file", "Knowledge/.hidden.yaml": "kaputt: [",
    ]) { root in
      let result = KnowledgeBaseLoader.load(directory: root)
      #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer().render(result.diagnostics))")
      #expect(result.knowledgeBase?.rules.map(\.id) == ["lang-nach-dauer", "lang-ohne-reserve", "liste-anlegen"])
      let statistics = try #require(result.statistics)
      let counts: [Int] = [
        statistics.factors, statistics.patterns, statistics.measures, statistics.questions, statistics.rules,
      ]
      #expect(counts == [1, 1, 2, 6, 3])
      #expect(statistics.sources == 1)
      #expect(statistics.tests == 2)
      #expect(result.knowledgeBase?.rules.first?.location == root + "/Rules/base.rules:4")
    }
  }

  @Test func emptyRulesFolderWarns() throws {
    try Self.withFolder(["Knowledge/base.yaml": Fixture.baseKnowledge], folders: ["Rules"]) { root in
      let result = KnowledgeBaseLoader.load(directory: root)
      let warning = try #require(result.diagnostics.first { $0.id.rawValue == "no-rule-files" })
      #expect(warning.site.path == root + "/Rules")
      #expect(warning.site.location == nil)
      #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
      #expect(CheckReport(result: result, strict: false).exitCode == 0)
      #expect(CheckReport(result: result, strict: true).exitCode == 1)
    }
  }

  @Test func folderNamedLikeAFileIsUnreadable() throws {
    try Self.withFolder(
      ["Knowledge/base.yaml": Fixture.baseKnowledge, "Rules/base.rules": Fixtures.cleanRules],
      folders: ["Rules/alt.rules"]
    ) { root in
      let result = KnowledgeBaseLoader.load(directory: root)
      #expect(result.diagnostics.map(\.id.rawValue) == ["unreadable"])
      #expect(
        result.diagnostics.first?.message == "cannot read '\(root)/Rules/alt.rules': a folder, not a file")
      #expect(CheckReport(result: result, strict: false).exitCode == 2)
    }
  }

  /// A named pipe is refused without being opened, which would wait for a writer.
  @Test func pipeNamedLikeAFileIsUnreadable() throws {
    try Self.withFolder(["Knowledge/base.yaml": Fixture.baseKnowledge, "Rules/base.rules": Fixtures.cleanRules]) {
      root in
      #expect(mkfifo(root + "/Rules/pipe.rules", 0o600) == 0)
      let result = KnowledgeBaseLoader.load(directory: root)
      #expect(result.diagnostics.map(\.id.rawValue) == ["unreadable"])
      #expect(
        result.diagnostics.first?.message == "cannot read '\(root)/Rules/pipe.rules': not a regular file")
    }
  }

  @Test func knowledgePathThatIsAFileIsUnreadable() throws {
    try Self.withFolder(["Knowledge": "keine Ordner", "Rules/base.rules": Fixtures.cleanRules]) { root in
      let result = KnowledgeBaseLoader.load(directory: root)
      #expect(result.diagnostics.map(\.id.rawValue).contains("unreadable"))
      #expect(CheckReport(result: result, strict: false).exitCode == 2)
    }
  }
}
