import Consultation
import Foundation
import KnowledgeBase
import Report
import Testing
import _ResilienzTestSupport

/// The staff's log export: every answer and task with time and author, as CSV and JSON.
struct LogExportTests {
  static func export() throws -> LogExport {
    let kb = try ReportFixture.load(ReportFixture.knowledgeBaseDirectory)
    var consultation = try ReportFixture.consultation(kb)
    let first = try #require(consultation.engine.advice().first).measure
    try consultation.assign(first, to: "S1 Personal; Schichtplan", due: "18 Uhr")
    try consultation.markDone(first)
    let phase = try #require(kb.questionIndex["lage.phase"])
    try consultation.set(phase, to: nil)
    return LogExport(log: consultation.log, consultation: consultation)
  }

  @Test func csvAndJSONOfTheFixedConsultation() throws {
    let export = try Self.export()
    #expect(export.rows.count == ReportFixture.scenario.count + 3)
    if let problem = Golden.check(export.csv, named: "tagebuch.csv") { Issue.record(Comment(rawValue: problem)) }
    if let problem = Golden.check(export.json, named: "tagebuch.json") { Issue.record(Comment(rawValue: problem)) }
  }

  /// Semicolons and quotes inside a field stay inside it.
  @Test func csvQuotesEveryField() throws {
    let csv = try Self.export().csv
    #expect(csv.hasPrefix("\u{FEFF}\"Zeit\";\"Wer\";\"Art\";\"Gegenstand\";\"Inhalt\"\r\n"))
    #expect(csv.contains("\"S1 Personal; Schichtplan, bis 18 Uhr\""))
    #expect(!csv.contains("{stab}"))
  }
}
