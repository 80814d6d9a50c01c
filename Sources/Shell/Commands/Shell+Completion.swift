import KnowledgeBase

extension Shell {
  /// Completions for the word being typed: commands at the start of a line, then what the
  /// command's type offers for its arguments.
  public func completions(line: String, word: String) -> [String] {
    let before = String(line.dropLast(word.count))
    let words = before.split(separator: " ").map(String.init)
    var candidates: [String]
    if words.isEmpty {
      candidates = CommandTable.all.map { $0.spec }.filter {
        !$0.scriptOnly && (!$0.exerciseOnly || consultation.exercise != nil)
      }.flatMap(\.allNames)
      if let question = consultation.currentQuestion { candidates += kb.questions[question].options.map(\.id) }
    } else {
      candidates = CommandTable.find(words[0])?.completions(before: before, in: self) ?? []
    }
    return Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
  }
}

extension SetCommand {
  /// Question ids, and after `=` the values of the named question.
  static func answerCompletions(_ before: String, in shell: Shell) -> [String] {
    let kb = shell.kb
    if before.contains("="), let name = before.split(separator: "=").first.map({ String($0).trimmingSpaces }),
      let question = kb.questionIndex[String(name.split(separator: " ").last ?? "")]
    {
      return kb.questions[question].options.map(\.id) + ["?"]
    }
    return kb.questions.map(\.id)
  }
}
