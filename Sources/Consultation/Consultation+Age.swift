import Foundation
import KnowledgeBase

/// How old an answer is against what its question allows (`valid_for`).
public struct AnswerAge: Sendable, Equatable {
  public var question: QuestionID
  /// Seconds since the answer was given or last confirmed.
  public var seconds: TimeInterval
  /// The question's limit in seconds; nil when it does not age.
  public var limit: Int?

  /// Older than the knowledge base allows: the staff should confirm or correct it.
  public var isStale: Bool { limit.map { seconds > TimeInterval($0) } ?? false }

  /// „vor 3 Std.“; nil under a minute.
  public var german: String? { AnswerStamp.germanAge(seconds) }
}

extension Consultation {
  /// The age of the current answer to a question at the consultation's clock; nil when it is
  /// unanswered or its time is unknown (journals from before time stamps).
  public func age(of question: QuestionID) -> AnswerAge? {
    guard answer(question) != nil, let time = stamps[question]?.time else { return nil }
    return AnswerAge(
      question: question, seconds: max(0, clock().timeIntervalSince(time)),
      limit: knowledgeBase.questions[question].validFor)
  }

  /// Answers older than their question allows, the oldest first.
  public var staleAnswers: [AnswerAge] {
    answeredQuestions.compactMap { age(of: $0) }.filter(\.isStale).sorted { $0.seconds > $1.seconds }
  }

  /// Re-confirms answers without changing them: each gets a new stamp (now, by the current
  /// author); journal first.
  public mutating func confirm(_ questions: [QuestionID]) throws {
    let answered = questions.filter { answer($0) != nil }
    guard !answered.isEmpty else { return }
    let now = clock()
    let time = JournalCodec.second(now)
    try write(
      answered.map { JournalRecord(.confirm(question: knowledgeBase.questions[$0].id), time: time, by: author) })
    for question in answered { stamps[question] = AnswerStamp(time: now, by: author) }
  }

  /// Takes a `confirm` record during a replay.
  mutating func replayConfirmation(of id: String, _ record: JournalRecord) {
    guard let question = knowledgeBase.questionIndex[id], answer(question) != nil else { return }
    stamps[question] = AnswerStamp(time: record.time, by: record.by)
  }
}
