import Consultation
import Foundation
import KnowledgeBase

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
    guard let knowledgeBase = ReportWriter.loadKnowledgeBase(knowledgeBaseDirectory, errors: errors) else {
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
      if outputPath == nil, format == .pdf { throw ReportError.pdfNeedsFile }
      let data = try document(
        exercise, knowledgeBase: knowledgeBase, as: format, knowledgeBaseDirectory: knowledgeBaseDirectory)
      if let outputPath {
        try ReportWriter.write(data, to: outputPath, overwrite: force, journals: [])
      } else {
        output(String(decoding: data, as: UTF8.self))
      }
    } catch {
      return ReportWriter.status(of: error, errors: errors)
    }
    return 0
  }
}
