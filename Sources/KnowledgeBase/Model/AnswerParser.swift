import RuleLanguage

/// Why a typed answer does not fit its question; the description is German, for users.
public enum AnswerError: Error, Equatable, Sendable, CustomStringConvertible {
  case empty
  case notYesNo(String)
  case notAnOption(String, allowed: [String])
  case notANumber(String)
  case outOfRange(String, min: String, max: String, unit: String?)
  case notWhole(String)
  case exclusiveOption(String)
  case noOptionChosen(String)

  public var description: String {
    switch self {
    case .empty:
      "Bitte eine Antwort eingeben (oder '?' für „weiß nicht“)."
    case .notYesNo(let text):
      "„\(text)“ ist keine Antwort auf eine Ja/Nein-Frage. Möglich: ja, nein, ?"
    case .notAnOption(let text, let allowed):
      "„\(text)“ ist keine erlaubte Antwort. Möglich: 1 bis \(allowed.count) oder \(allowed.joined(separator: ", ")); ? für „weiß nicht“"
    case .notANumber(let text):
      "„\(text)“ ist keine Zahl. Beispiel: 12 oder 2,5"
    case .outOfRange(let text, let min, let max, let unit):
      "\(text) liegt außerhalb des erlaubten Bereichs von \(min) bis \(max)\(unit.map { " \($0)" } ?? "")."
    case .exclusiveOption(let id):
      "„\(id)“ schließt die anderen Antworten aus; bitte entweder „\(id)“ oder die zutreffenden Werte angeben."
    case .noOptionChosen(let text):
      "„\(text)“ nennt keinen Wert. Bitte mindestens einen angeben (oder '?' für „weiß nicht“)."
    case .notWhole(let text):
      "„\(text)“ ist keine ganze Zahl; die Skala erlaubt nur ganze Zahlen."
    }
  }
}

/// Turns typed German answers into answers of a question.
public enum AnswerParser {
  static let unknownWords: Set<String> = ["?", "weiß nicht", "weiss nicht", "unbekannt", "weißnicht"]

  /// Parses `ja`, `nein`, an option id or its number, `a, b` for several, `2,5` or `2.5`, or `?`.
  public static func parse(_ input: String, for question: Question) -> Result<Answer, AnswerError> {
    let text = String(input.trimmingWhitespace)
    guard !text.isEmpty else { return .failure(.empty) }
    if unknownWords.contains(normalized(text)) { return .success(.unknown) }
    switch question.type {
    case .yesno:
      switch normalized(text) {
      case "ja", "j", "yes", "y": return .success(.option(0))
      case "nein", "n", "no": return .success(.option(1))
      default: return .failure(.notYesNo(text))
      }
    case .choice:
      guard let index = option(text, of: question) else {
        return .failure(.notAnOption(text, allowed: question.options.map(\.id)))
      }
      return .success(.option(index))
    case .multi:
      var set: UInt64 = 0
      var restUnknown = false
      for part in text.split(separator: ",") {
        let item = String(String(part).trimmingWhitespace)
        if item.isEmpty { continue }
        // `1, 3, ?`: these are ticked, the rest is not known.
        if unknownWords.contains(normalized(item)) {
          restUnknown = true
          continue
        }
        guard let index = option(item, of: question) else {
          return .failure(.notAnOption(item, allowed: question.options.map(\.id)))
        }
        set |= 1 << UInt64(index)
      }
      // Commas alone select nothing: acknowledged, such an answer would read as "keine" yet
      // could not be written to the journal or a saved session and would be lost on resume.
      guard set != 0 else { return .failure(.noOptionChosen(text)) }
      // An option meaning "none of these" cannot stand beside others, nor beside "the rest unknown".
      if let none = question.options.firstIndex(where: { exclusiveOptionIDs.contains($0.id) }),
        set & (1 << UInt64(none)) != 0, set != 1 << UInt64(none) || restUnknown
      {
        return .failure(.exclusiveOption(question.options[none].id))
      }
      return .success(restUnknown ? .partialOptions(set) : .options(set))
    case .number, .scale:
      guard let value = number(text, unit: question.unit) else {
        if let minimum = question.minimum, let maximum = question.maximum, let digits = overlongNumber(text) {
          return .failure(.outOfRange(digits, min: minimum.germanText, max: maximum.germanText, unit: question.unit))
        }
        return .failure(.notANumber(text))
      }
      if question.type == .scale, !value.isWhole { return .failure(.notWhole(text)) }
      if let minimum = question.minimum, let maximum = question.maximum, value < minimum || value > maximum {
        return .failure(
          .outOfRange(
            value.germanText, min: minimum.germanText,
            max: maximum.germanText, unit: question.unit))
      }
      return .success(.number(value))
    }
  }

  static let exclusiveOptionIDs: Set<String> = ["keine", "keiner", "keines", "nichts"]

  /// A German number: `12`, `2,5`, `2.5`, `4.800` or `4 800` (thousands), optionally followed by
  /// the question's unit (`12 Wochen`); nil for anything else.
  static func number(_ text: String, unit: String?) -> FixedDecimal? {
    var spaced = text
    if unit.map(normalized) == "prozent", spaced.hasSuffix("%") { spaced = String(spaced.dropLast()) + " %" }
    var words = spaced.split(separator: " ").map(String.init)
    // A duration may come in another unit of time than the question's: `3 Tage` for weeks.
    var conversion: (from: Int, to: Int)?
    if let unit, words.count > 1 {
      let last = words[words.count - 1]
      if Self.namesUnit(last, unit) {
        words.removeLast()
      } else if let to = timeUnitHours(unit), let from = timeUnitHours(last) {
        words.removeLast()
        conversion = (from, to)
      }
    }
    let joined: String
    if words.count > 1 {
      // Groups of three digits after the first: `4 800`, `1 250 000`.
      guard let first = words.first, (1...3).contains(first.count), first.allSatisfy(\.isNumber),
        words.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isNumber) })
      else { return nil }
      joined = words.joined()
    } else {
      guard let only = words.first else { return nil }
      let groups = only.split(separator: ".", omittingEmptySubsequences: false)
      if groups.count > 2
        || (groups.count == 2 && groups[1].count == 3 && !only.contains(",") && groups[0].count <= 3
          && groups[0] != "0")
      {
        // `4.800` and `1.250.000` are thousands in German.
        guard groups.allSatisfy({ $0.allSatisfy(\.isNumber) }), groups.dropFirst().allSatisfy({ $0.count == 3 }),
          (1...3).contains(groups[0].count)
        else { return nil }
        joined = groups.joined()
      } else {
        joined = only
      }
    }
    guard let value = FixedDecimal(parsing: Substring(joined), allowComma: true) else { return nil }
    guard let conversion else { return value }
    // Hundredths of the question's unit, rounded half up.
    let hundredths = (value.hundredths * conversion.from * 2 + conversion.to) / (conversion.to * 2)
    return FixedDecimal(hundredths: hundredths)
  }

  /// Hours in a unit of time named in singular or plural (`Stunde`, `Tage`, `Wochen`, `Monat`,
  /// `Jahre`); nil for anything that is not a unit of time.
  public static func timeUnitHours(_ word: String) -> Int? {
    let units: [(names: [String], hours: Int)] = [
      (["stunde", "stunden", "std", "h"], 1), (["tag", "tage", "tagen"], 24), (["woche", "wochen"], 168),
      (["monat", "monate", "monaten"], 730), (["jahr", "jahre", "jahren"], 8_760),
    ]
    let typed = normalized(word)
    return units.first { $0.names.contains(typed) }?.hours
  }

  /// A whole number too long for any range (`100000000000000000000000000000000000`), so that it
  /// is refused as out of range rather than as no number at all; nil for anything else.
  static func overlongNumber(_ text: String) -> String? {
    let word = text.split(separator: " ").first.map(String.init) ?? ""
    let digits = word.first == "-" || word.first == "+" ? word.dropFirst() : word[...]
    guard digits.count > 15, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return word
  }

  /// Whether a word names the question's unit: its spelling, singular or plural (`Woche` for
  /// `Wochen`, `Monat` for `Monate`), or `%` for `Prozent`.
  static func namesUnit(_ word: String, _ unit: String) -> Bool {
    let typed = normalized(word)
    let expected = normalized(unit)
    if typed == expected || (expected == "prozent" && typed == "%") { return true }
    guard typed.count >= 3 else { return false }
    return expected.hasPrefix(typed) && expected.count - typed.count <= 2
      || typed.hasPrefix(expected) && typed.count - expected.count <= 2
  }

  /// An option by id, by its text, by one of its aliases, or by its 1-based number; case and
  /// umlaut spelling are ignored.
  static func option(_ text: String, of question: Question) -> Int? {
    let wanted = normalized(text)
    if let index = question.options.firstIndex(where: {
      normalized($0.id) == wanted || normalized($0.text) == wanted || $0.aliases.contains { normalized($0) == wanted }
    }) {
      return index
    }
    if let number = Int(text), number >= 1, number <= question.options.count { return number - 1 }
    return nil
  }

  /// Lower case with umlauts and ß written out, so `Bewältigung` matches `bewaeltigung`.
  static func normalized(_ text: String) -> String { text.folded }

  /// The answer as a user would type it: `ja`, an option id, `a, b`, `2,5`, or `?`.
  public static func format(_ answer: Answer, for question: Question) -> String {
    switch answer {
    case .unknown: return "?"
    case .option(let index):
      return question.options.indices.contains(index) ? question.options[index].id : "?"
    case .options(let set):
      let chosen = question.options.indices.filter { set & (1 << UInt64($0)) != 0 }
      return chosen.map { question.options[$0].id }.joined(separator: ", ")
    case .partialOptions(let set):
      let chosen = question.options.indices.filter { set & (1 << UInt64($0)) != 0 }
      return (chosen.map { question.options[$0].id } + ["?"]).joined(separator: ", ")
    case .number(let value):
      // Written to journals and scripts: no grouping and an ASCII minus, so it reads back as is.
      return value.formatted(decimalSeparator: ",")
    }
  }
}
