import Consultation
import Foundation
import Report
import Testing
import _ResilienzTestSupport

/// The Markdown and HTML reports of a fixed consultation, rendered with the shipped templates,
/// compared with golden files (`RECORD_GOLDENS=1` records them anew).
struct ReportGoldenTests {
  @Test(arguments: [ReportFormat.md, .html])
  func reportOfTheFixedConsultation(format: ReportFormat) throws {
    let workspace = try ReportFixture.workspace("golden")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let directory = workspace.appendingPathComponent("kb").path
    let consultation = try ReportFixture.consultation(ReportFixture.load(directory))
    let text = try ReportWriter.render(
      consultation, as: format, date: ReportFixture.date(), knowledgeBaseDirectory: directory)
    if let problem = Golden.check(text, named: "bericht.\(format.rawValue)") {
      Issue.record(Comment(rawValue: problem))
    }
  }

  @Test(arguments: [ReportFormat.md, .html])
  func reportWithoutAnswers(format: ReportFormat) throws {
    let workspace = try ReportFixture.workspace("leer")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let directory = workspace.appendingPathComponent("kb").path
    let consultation = try ReportFixture.consultation(ReportFixture.load(directory), answers: [])
    let text = try ReportWriter.render(
      consultation, as: format, date: ReportFixture.date(), knowledgeBaseDirectory: directory)
    if let problem = Golden.check(text, named: "bericht-leer.\(format.rawValue)") {
      Issue.record(Comment(rawValue: problem))
    }
  }

  /// The one-page Lagebericht of the fixed consultation: time, who answered, the first ten by
  /// section, the most decisive open questions.
  @Test(arguments: [ReportFormat.md, .html])
  func onePageReportOfTheFixedConsultation(format: ReportFormat) throws {
    let workspace = try ReportFixture.workspace("lagebericht")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let directory = workspace.appendingPathComponent("kb").path
    let consultation = try ReportFixture.consultation(ReportFixture.load(directory))
    let text = try ReportWriter.render(
      consultation, as: format, date: ReportFixture.date(), knowledgeBaseDirectory: directory, kind: .onePage)
    if let problem = Golden.check(text, named: "lagebericht.\(format.rawValue)") {
      Issue.record(Comment(rawValue: problem))
    }
  }

  /// A knowledge base without its own templates is rendered with the shipped ones.
  @Test func knowledgeBaseWithoutTemplatesUsesTheShippedOnes() throws {
    let directory = ReportFixture.knowledgeBaseDirectory
    #expect(!FileManager.default.fileExists(atPath: directory + "/Knowledge/templates"))
    let consultation = try ReportFixture.consultation(ReportFixture.load(directory))
    let text = try ReportWriter.render(
      consultation, as: .md, date: ReportFixture.date(), knowledgeBaseDirectory: directory)
    #expect(Golden.check(text, named: "bericht.md") == nil)
  }
}
