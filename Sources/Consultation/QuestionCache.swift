import KnowledgeBase
import RuleEngine

/// The last question choice with the state it was computed for; choosing is the costly part of
/// a step, and the shell asks for the current question several times per line.
final class QuestionCache: @unchecked Sendable {
  struct Key: Equatable {
    var answers: IDArray<Question, Answer?>
    var skipped: Set<QuestionID>
    var group: GroupID?
  }

  var key: Key?
  var choice: QuestionChoice?
}
