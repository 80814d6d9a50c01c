/// A staff exercise: a fictitious municipality and situation, then injects over the exercise time.
public struct Exercise: Sendable {
  /// The file name without extension.
  public var id: String
  public var title: String
  /// Planübung, Stabsrahmenübung …
  public var type: String
  public var objectives: [String]
  public var municipality: String
  public var situation: String
  /// Answers set at the start, by question index; `check` refuses any the shell would refuse.
  public var answers: [(question: Int, answer: Answer)]
  public var injects: [Inject]
  public var sourceIDs: [String]
}

/// One inject (*Einlage*): what happens at an exercise time, and what the designers expect by then.
public struct Inject: Sendable {
  /// `T+0`, `T+6h`, `Tag 3` …
  public var time: String
  public var title: String
  public var text: String
  public var answers: [(question: Int, answer: Answer)]
  /// Measures the exercise designers expect the staff to have taken by this inject.
  public var expected: [Int]
}
