import Consultation
import Foundation
import KnowledgeBase
import Report
import RuleEngine
import Testing
import _ResilienzTestSupport

/// The report tests' knowledge base, its scenario, the shipped templates and scratch folders.
enum ReportFixture {
  /// `Tests/ReportTests`, found from this file's path.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  /// The small knowledge base under `Fixtures/kb`: every kind of content a report shows.
  static var knowledgeBaseDirectory: String { folder.appendingPathComponent("Fixtures/kb").path }

  /// The templates the project ships, which the golden files pin down.
  static var shippedTemplates: String { Fixture.repositoryRoot + "/Knowledge/templates" }

  /// The fixed date of every golden report.
  static func date() throws -> ReportDate { try #require(ReportDate(year: 2026, month: 3, day: 14)) }

  /// A fixed consultation: a long situation in Hessen (so `{stab}` is „Verwaltungsstab“), one
  /// „weiß nicht“, one question left open that could still change the advice.
  static let scenario: [(question: String, answer: String)] = [
    ("lage.phase", "bewaeltigung"),
    ("lage.dauer_wochen", "30"),
    ("lage.ende_absehbar", "nein"),
    ("kommune.land", "he"),
    ("kommune.typ", "kreisfreie_stadt"),
    ("kommune.einwohnende", "48000"),
    ("personal.reserve", "gering"),
    ("personal.abloesung", "nein"),
    ("personal.krankenstand", "?"),
    ("personal.unterstuetzung", "ja"),
  ]

  /// A fresh, empty folder; the caller removes it.
  static func temporaryDirectory(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("resilienz-report-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A copy of the fixture knowledge base with the shipped templates in `Knowledge/templates`,
  /// as a municipality would have it; the caller removes it.
  static func workspace(_ label: String) throws -> URL {
    let url = try temporaryDirectory(label)
    let kb = url.appendingPathComponent("kb")
    try FileManager.default.copyItem(atPath: knowledgeBaseDirectory, toPath: kb.path)
    try FileManager.default.copyItem(
      atPath: shippedTemplates, toPath: kb.appendingPathComponent("Knowledge/templates").path)
    return url
  }

  static func load(_ directory: String) throws -> KnowledgeBase {
    let result = KnowledgeBaseLoader.load(directory: directory)
    return try #require(
      result.knowledgeBase, "the knowledge base in \(directory) has errors: \(result.diagnostics.map(\.message))")
  }

  /// A consultation with the given answers, each parsed as typed in the shell.
  static func consultation(
    _ kb: KnowledgeBase, answers: [(question: String, answer: String)] = scenario
  ) throws -> Consultation {
    var consultation = Consultation(knowledgeBase: kb)
    stamp(&consultation)
    for (id, text) in answers {
      let question = try #require(kb.questionIndex[id], "no question \(id)")
      let answer = try AnswerParser.parse(text, for: kb.questions[question]).get()
      try consultation.set(question, to: answer)
    }
    return consultation
  }

  /// Answers carry when and by whom they were given; fixed, so that the report is the same each run.
  static func stamp(_ consultation: inout Consultation) {
    consultation.clock = { Date(timeIntervalSince1970: 1_773_479_700) }
    consultation.author = "S2 Lage"
  }

  /// Writes a file, creating its folder.
  static func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }
}
