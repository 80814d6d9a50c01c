import KnowledgeBase

extension Consultation {
  /// The current answers as a changed knowledge base reads them, by question id; answers to
  /// questions that are gone or no longer fit come back as German reasons instead.
  public func answers(carriedTo fresh: KnowledgeBase) -> (answers: [QuestionID: Answer], misfits: [String]) {
    var answers: [QuestionID: Answer] = [:]
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

  /// How the advice of `reloaded` (the same answers on a changed knowledge base) differs from this
  /// consultation's, in the reloaded knowledge base's indices, matched by id — the change
  /// `änderungen` shows for an answer. Measures and patterns the new knowledge base no longer has
  /// come back by their old title.
  public func adviceChange(to reloaded: Consultation) -> (change: AdviceChange, removed: [String]) {
    let fresh = reloaded.knowledgeBase
    var change = AdviceChange()
    var removed: [String] = []
    let old = advice()
    let new = reloaded.advice()
    let oldRank = Dictionary(
      old.enumerated().map { (knowledgeBase.measures[$1.measure].id, (rank: $0 + 1, priority: $1.priority)) },
      uniquingKeysWith: { first, _ in first })
    let newIDs = Set(new.map { fresh.measures[$0.measure].id })
    for (offset, recommendation) in new.enumerated() {
      let id = fresh.measures[recommendation.measure].id
      guard let before = oldRank[id] else {
        change.added.append(recommendation.measure)
        change.addedBy[recommendation.measure] = reloaded.firingRules(for: .measure(recommendation.measure))
        continue
      }
      if before.rank != offset + 1 {
        let move = AdviceChange.Move(measure: recommendation.measure, from: before.rank, to: offset + 1)
        if offset + 1 < before.rank { change.movedUp.append(move) } else { change.movedDown.append(move) }
      } else if before.priority != recommendation.priority {
        change.reprioritized.append((recommendation.measure, before.priority, recommendation.priority))
      }
    }
    for recommendation in old where !newIDs.contains(knowledgeBase.measures[recommendation.measure].id) {
      let item = knowledgeBase.measures[recommendation.measure]
      if let index = fresh.measureIndex[item.id] {
        change.dropped.append(index)
      } else {
        removed.append(filled(item.title))
      }
    }
    for (index, pattern) in fresh.patterns.entries {
      let before = knowledgeBase.patternIndex[pattern.id].map(patternState) ?? .inactive
      let after = reloaded.patternState(index)
      if before != after { change.patterns.append((index, before, after)) }
    }
    return (change, removed)
  }
}
