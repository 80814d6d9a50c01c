import KnowledgeBase

extension Shell {
  /// Completions for the word being typed: commands at the start of a line, then the ids and
  /// answer values that fit the command.
  public func completions(line: String, word: String) -> [String] {
    let before = String(line.dropLast(word.count))
    let words = before.split(separator: " ").map(String.init)
    var candidates: [String]
    if words.isEmpty {
      candidates = CommandSpec.all.filter { !$0.scriptOnly }.flatMap(\.allNames)
      if let question = consultation.currentQuestion {
        candidates += kb.questions[question].options.map(\.id) + (kb.questions[question].type == .yesno ? [] : [])
      }
    } else {
      let command = CommandSpec.find(words[0])?.kind
      switch command {
      case .set, .whatif:
        if before.contains("="), let name = before.split(separator: "=").first.map({ String($0).trimmingSpaces }),
          let question = kb.questionIndex[String(name.split(separator: " ").last ?? "")]
        {
          candidates = kb.questions[question].options.map(\.id) + ["?"]
        } else {
          candidates = kb.questions.map(\.id)
        }
      case .unset, .why: candidates = kb.questions.map(\.id)
      case .how: candidates = kb.measures.map(\.id) + kb.patterns.map(\.id) + kb.factors.map(\.id) + kb.facts.map(\.id)
      case .whynot: candidates = kb.measures.map(\.id)
      case .show:
        candidates =
          kb.measures.map(\.id) + kb.questions.map(\.id) + kb.patterns.map(\.id) + kb.factors.map(\.id)
          + kb.sources.map(\.id)
      case .help: candidates = CommandSpec.all.flatMap(\.allNames)
      case .advice: candidates = ["alle"]
      default: candidates = []
      }
    }
    return Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
  }
}
