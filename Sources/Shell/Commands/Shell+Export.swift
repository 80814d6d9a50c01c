import Consultation
import Foundation
import Report

extension Shell {
  static let exportUsage = "exportieren <datei.csv|datei.json> [--force]"

  /// `exportieren`: every answer, task and name of this consultation with time and author, for
  /// the staff's own Einsatztagebuch, as CSV (semicolons, for spreadsheets) or JSON.
  func exportCommand(_ arguments: String) {
    let (path, force) = Self.pathAndForce(arguments)
    if let problem = Self.fileNameProblem(path, usage: Self.exportUsage) { return fail(problem) }
    let lowered = path.lowercased()
    guard lowered.hasSuffix(".csv") || lowered.hasSuffix(".json") else {
      return fail("„\(path)“ endet weder auf .csv noch auf .json. So geht es: \(Self.exportUsage)")
    }
    let export = LogExport(log: consultation.log, consultation: consultation)
    let text = lowered.hasSuffix(".csv") ? export.csv : export.json
    let written = writeUserFile(
      path, force: force, retry: "exportieren \(path) --force", declined: "Nichts exportiert."
    ) {
      try ReportWriter.write(text, to: path, overwrite: true, journals: openJournals)
    }
    guard written else { return }
    let count = export.rows.count
    line("Exportiert: \(count) \(count == 1 ? "Eintrag" : "Einträge") nach „\(path)“.")
  }
}
