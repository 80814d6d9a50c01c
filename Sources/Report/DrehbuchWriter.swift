import Consultation
import Foundation
import KnowledgeBase
import RuleLanguage

/// `resilienz drehbuch`: the Drehbuch of an exercise, with inject cards and Beobachterbögen.
public enum DrehbuchWriter {
  /// The Drehbuch as the bytes of its file (PDF printed from the HTML).
  public static func document(
    _ exercise: Exercise, knowledgeBase: KnowledgeBase, as format: ReportFormat, knowledgeBaseDirectory: String?
  ) throws -> Data {
    let templates = try ReportTemplates(drehbuchForKnowledgeBase: knowledgeBaseDirectory, format: format)
    let text = try templates.render(DrehbuchModel(exercise: exercise, knowledgeBase: knowledgeBase), as: format.markup)
    return format == .pdf ? try PDFPrinter.pdf(fromHTML: text) : Data(text.utf8)
  }

  /// Writes the Drehbuch of exercise `id` to standard output or a file. Returns the exit status:
  /// 0, 1 when the knowledge base or a template has errors, 2 when the exercise is unknown or a
  /// file cannot be written.
  public static func write(
    exercise id: String, knowledgeBaseDirectory: String, format: ReportFormat, outputPath: String?, force: Bool,
    output: (String) -> Void, errors: (String) -> Void
  ) -> Int32 {
    let loaded = KnowledgeBaseLoader.load(directory: knowledgeBaseDirectory)
    guard let knowledgeBase = loaded.knowledgeBase else {
      errors("Die Wissensbasis in „\(knowledgeBaseDirectory)“ hat Fehler; 'resilienz check' zeigt sie alle:\n")
      errors(DiagnosticRenderer().render(loaded.diagnostics.filter { $0.severity == .error }.prefix(10).map { $0 }))
      return 1
    }
    guard let exercise = knowledgeBase.exercises.first(where: { $0.id == id }) else {
      let known = knowledgeBase.exercises.map(\.id).sorted()
      errors(
        "Fehler: Eine Übung „\(id)“ hat die Wissensbasis nicht. Vorhanden: \(known.isEmpty ? "keine" : known.joined(separator: ", ")).\n"
      )
      return 2
    }
    do {
      if let outputPath {
        let data = try document(
          exercise, knowledgeBase: knowledgeBase, as: format, knowledgeBaseDirectory: knowledgeBaseDirectory)
        try ReportWriter.write(data, to: outputPath, overwrite: force, journals: [])
      } else {
        guard format != .pdf else { throw ReportError.pdfNeedsFile }
        let data = try document(
          exercise, knowledgeBase: knowledgeBase, as: format, knowledgeBaseDirectory: knowledgeBaseDirectory)
        output(String(decoding: data, as: UTF8.self))
      }
    } catch let error as ReportError {
      if case .brokenTemplate = error { errors("\(error)\n") } else { errors("Fehler: \(error.message)\n") }
      switch error {
      case .cannotWrite, .pdfNeedsFile: return 2
      default: return 1
      }
    } catch let error as TargetFileError {
      if case .exists = error {
        errors("Fehler: \(error) Zum Überschreiben: --force angeben.\n")
      } else {
        errors("Fehler: \(error)\n")
      }
      return 2
    } catch {
      errors("Fehler: \(error)\n")
      return 1
    }
    return 0
  }
}
