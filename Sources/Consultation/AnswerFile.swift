import KnowledgeBase
import RuleEngine
import RuleLanguage

/// A file of answers, one `question = answer` per line, as written for batch evaluation.
public enum AnswerFile {
  /// The answers by question index, or the problems of every bad line.
  public static func parse(_ file: SourceFile, for knowledgeBase: KnowledgeBase) -> ([QuestionID: Answer], [Diagnostic])
  {
    var answers: [QuestionID: Answer] = [:]
    var diagnostics: [Diagnostic] = []
    var lineStart = 0
    let bytes = file.bytes
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
      defer { lineStart = lineEnd + 1 }
      let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
      let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      guard !content.allSatisfy(\.isWhitespace) else { continue }
      func report(_ id: String, _ message: String, from: Int, to: Int) {
        diagnostics.append(
          Diagnostic(
            id: DiagnosticID(id), severity: .error, message: message,
            site: DiagnosticSite(file: file, range: SourceRange(start: from, end: to))))
      }
      guard let equals = content.firstIndex(of: "=") else {
        report("expected-answer", "expected 'question = answer'", from: lineStart, to: lineEnd)
        continue
      }
      let name = String(String(content[..<equals]).trimmingWhitespace)
      let value = String(content[content.index(after: equals)...])
      let nameOffset =
        lineStart
        + (line.utf8.firstIndex { $0 != UInt8(ascii: " ") }.map {
          line.utf8.distance(from: line.utf8.startIndex, to: $0)
        } ?? 0)
      guard let question = knowledgeBase.questionIndex[name] else {
        let suggestion = Suggestion.closest(to: name, in: knowledgeBase.questions.map(\.id))
        report(
          "unknown-question", "unknown question '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
          from: nameOffset, to: nameOffset + name.utf8.count)
        continue
      }
      let valueOffset = lineStart + content[..<equals].utf8.count + 1
      switch AnswerParser.parse(value, for: knowledgeBase.questions[question]) {
      case .success(let answer): answers[question] = answer
      case .failure(let error):
        report("invalid-answer", error.description, from: valueOffset, to: lineStart + content.utf8.count)
      }
    }
    return (answers, diagnostics)
  }
}
