import KnowledgeBase

extension Consultation {
  /// The current answers as a changed knowledge base reads them, by question id; answers to
  /// questions that are gone or no longer fit come back as German reasons instead.
  public func answers(carriedTo fresh: KnowledgeBase) -> (answers: [Int: Answer], misfits: [String]) {
    var answers: [Int: Answer] = [:]
    var misfits: [String] = []
    for question in answeredQuestions {
      guard let answer = answer(question) else { continue }
      let item = knowledgeBase.questions[question]
      let text = AnswerParser.format(answer, for: item)
      guard let index = fresh.questionIndex[item.id] else {
        misfits.append("\(item.id) = \(text): diese Frage gibt es nicht mehr")
        continue
      }
      switch AnswerParser.parse(text, for: fresh.questions[index]) {
      case .success(let parsed): answers[index] = parsed
      case .failure(let error): misfits.append("\(item.id) = \(text): \(error.description)")
      }
    }
    return (answers, misfits)
  }
}
