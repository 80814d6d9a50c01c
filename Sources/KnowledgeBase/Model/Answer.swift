import RuleLanguage

/// An answer to a question: a value, or *weiß nicht*.
public enum Answer: Hashable, Sendable {
  /// Answered with *weiß nicht*.
  case unknown
  /// One option of a yes/no or one-of question (`ja` is option 0, `nein` option 1).
  case option(Int)
  /// The options chosen for a several-of question, as a bit set over option indices.
  case options(UInt64)
  /// Some options of a several-of question ticked, and *weiß nicht* about the rest (`1, 3, ?`):
  /// an unticked option may or may not apply.
  case partialOptions(UInt64)
  case number(FixedDecimal)

  /// Whether this answer fits the question's type, options and range.
  public func fits(_ question: Question) -> Bool {
    switch (self, question.type) {
    case (.unknown, _): return true
    case (.option(let index), .yesno), (.option(let index), .choice):
      return question.options.indices.contains(index)
    case (.options(let set), .multi), (.partialOptions(let set), .multi):
      let count = question.options.count
      return count >= 64 || set >> UInt64(count) == 0
    case (.number(let value), .number), (.number(let value), .scale):
      if let minimum = question.minimum, value < minimum { return false }
      if let maximum = question.maximum, value > maximum { return false }
      return question.type == .number || value.isWhole
    default:
      return false
    }
  }
}
