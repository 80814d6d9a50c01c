import RuleLanguage

/// Checks answers written in knowledge files (exercise presets and injects) against their question.
enum AnswerText {
  /// What was expected instead, or nil when the answer fits.
  static func problem(_ text: String, for question: Question) -> String? {
    let value = String(text.trimmingWhitespace)
    if ["?", "weiß nicht", "unbekannt"].contains(value) { return nil }
    switch question.type {
    case .yesno:
      return ["ja", "nein"].contains(value) ? nil : "'ja', 'nein' or '?'"
    case .choice:
      return question.optionIndex(value) != nil ? nil : "one of " + question.options.map(\.id).joined(separator: ", ")
    case .multi:
      let parts = value.split(separator: ",").map { String(String($0).trimmingWhitespace) }
      return parts.allSatisfy({ question.optionIndex($0) != nil }) && !parts.isEmpty
        ? nil : "values among " + question.options.map(\.id).joined(separator: ", ")
    case .number, .scale:
      let expected = "a number from \(question.minimum?.description ?? "?") to \(question.maximum?.description ?? "?")"
      guard let number = FixedDecimal(parsing: Substring(value), allowComma: true) else { return expected }
      if let minimum = question.minimum, number < minimum { return expected }
      if let maximum = question.maximum, number > maximum { return expected }
      if question.type == .scale, !number.isWhole { return "a whole number" }
      return nil
    }
  }
}
