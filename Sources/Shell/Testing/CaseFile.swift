import Consultation
import KnowledgeBase
import RuleLanguage

/// A documented crisis frozen at one moment of a consultation (`Rules/cases/*.case`): the answers
/// the crisis manager knows, each citing the facts of the case it comes from, and what a good
/// consultation should recommend and recognise. See `Rules/README.md`, "Cases".
public struct CaseFile: Sendable {
  /// What kind of case it is: a running event, a preparation case, or a control case in which
  /// no pattern should fire.
  public enum Kind: String, Sendable, CaseIterable {
    case acute, vorsorge, control
  }

  /// The level a pattern is expected at, as the cases' rubric names it.
  public enum ExpectedLevel: String, Sendable, CaseIterable {
    case established
    case suspected
    /// Suspected is tolerated: suspected or not recognised both count as right.
    case suspectedOK = "suspected-ok"
    /// Suspected is expected and established is acceptable too.
    case suspectedOrEstablished = "suspected-or-established"
    case none
  }

  /// One answer the crisis manager knows, with the facts it comes from.
  public struct KnownAnswer: Sendable {
    public var question: QuestionID
    public var answer: Answer
    public var facts: [String]
    public var line: Int
  }

  /// A key measure the case expects in the top 10, with the measures that count as a match.
  public struct ExpectedMeasure: Sendable, Equatable {
    public var title: String
    public var must: Bool
    public var horizons: [Horizon]
    /// Measures that meet the item's intent and target (a full match at a compatible horizon).
    public var full: [String]
    /// Measures with the right intent that are incomplete or too generic.
    public var partial: [String]
    public var line: Int

    public init(
      title: String, must: Bool, horizons: [Horizon], full: [String], partial: [String], line: Int = 0
    ) {
      (self.title, self.must, self.horizons) = (title, must, horizons)
      (self.full, self.partial, self.line) = (full, partial, line)
    }
  }

  /// A figure a floor is declared for.
  public enum Metric: String, Sendable, CaseIterable {
    case recall, must, patterns, questions, flags, pandemic

    /// Whether the floor is a minimum (higher is better) or a maximum.
    var isMinimum: Bool { [.recall, .must, .patterns].contains(self) }
  }

  /// A floor the case must meet to pass (`minimum recall 0.40`, `maximum questions 30`).
  public struct Floor: Sendable {
    public var metric: Metric
    public var bound: Double
    public var line: Int
  }

  public var path: String
  public var id: String
  public var title: String
  public var phase: Phase
  public var kind: Kind
  /// The pattern the case is about; nil in a control case.
  public var mainPattern: String?
  /// Facts that are true in hindsight but unknown at the moment; no answer may cite them.
  public var unknownFacts: [String]
  /// The known answers by question.
  public var answers: [QuestionID: KnownAnswer]
  public var expected: [ExpectedMeasure]
  public var mustNot: [String]
  /// The expected level of every pattern of the knowledge base, by pattern id.
  public var patterns: [String: ExpectedLevel]
  public var floors: [Floor]
}

/// Reads case files and the shared list of pandemic-only measures; every problem is a
/// diagnostic at `path:line:column`, and a file with errors gives no case.
public enum CaseFileParser {
  static let diagnosticID = DiagnosticID("case")

  /// The position of one word in the file, for diagnostics.
  struct Word {
    var text: String
    var start: Int
    var end: Int
  }

  /// One line of a case file without its comment, split at spaces, with byte offsets.
  struct Line {
    var number: Int
    var start: Int
    var text: Substring
    var words: [Word]
  }

  /// The lines of a file, comments (`#` to the end of the line) removed, blank lines left out.
  static func lines(of text: String) -> [Line] {
    var result: [Line] = []
    var offset = 0
    // Split at the newline byte, not the character: "\r\n" is one character in Swift.
    for (index, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
    {
      defer { offset += bytes.count + 1 }
      var content = Substring(bytes)
      if let hash = content.firstIndex(of: "#") { content = content[..<hash] }
      while content.hasSuffix("\r") { content = content.dropLast() }
      var words: [Word] = []
      var position = offset
      var current = ""
      var currentStart = offset
      for character in content {
        let size = String(character).utf8.count
        if character == " " || character == "\t" {
          if !current.isEmpty { words.append(Word(text: current, start: currentStart, end: position)) }
          current = ""
        } else {
          if current.isEmpty { currentStart = position }
          current.append(character)
        }
        position += size
      }
      if !current.isEmpty { words.append(Word(text: current, start: currentStart, end: position)) }
      guard !words.isEmpty else { continue }
      result.append(Line(number: index + 1, start: offset, text: content, words: words))
    }
    return result
  }

  /// Collects diagnostics against one source file.
  struct Reporter {
    let file: SourceFile
    var diagnostics: [Diagnostic] = []

    mutating func error(_ message: String, from start: Int, to end: Int) {
      diagnostics.append(
        Diagnostic(
          id: CaseFileParser.diagnosticID, severity: .error, message: message,
          site: DiagnosticSite(file: file, range: SourceRange(start: start, end: end))))
    }

    mutating func error(_ message: String, at word: Word) {
      error(message, from: word.start, to: word.end)
    }

    mutating func error(_ message: String, at line: Line) {
      error(message, from: line.words[0].start, to: line.words[line.words.count - 1].end)
    }
  }

  /// Reads the shared list of measures that only make sense in an epidemic: one measure id per
  /// line, `#` comments.
  public static func parseMeasureList(path: String, text: String, knowledgeBase: KnowledgeBase) -> (
    ids: [String], diagnostics: [Diagnostic]
  ) {
    var reporter = Reporter(file: SourceFile(path: path, text: text))
    var ids: [String] = []
    for line in lines(of: text) {
      for word in line.words {
        if checkMeasure(word, in: knowledgeBase, &reporter) {
          if ids.contains(word.text) {
            reporter.error("Die Maßnahme „\(word.text)“ steht doppelt in der Liste.", at: word)
          } else {
            ids.append(word.text)
          }
        }
      }
    }
    return (ids, reporter.diagnostics.sortedForOutput())
  }

  static func checkMeasure(_ word: Word, in knowledgeBase: KnowledgeBase, _ reporter: inout Reporter) -> Bool {
    guard knowledgeBase.measureIndex[word.text] == nil else { return true }
    let suggestion = Suggestion.closest(to: word.text, in: knowledgeBase.measures.map(\.id))
    reporter.error(
      "Unbekannte Maßnahme „\(word.text)“." + (suggestion.map { " Meinten Sie „\($0)“?" } ?? ""), at: word)
    return false
  }

  /// Rows of a case's header an answer may cite instead of a numbered fact: the context the
  /// shell asks first.
  public static let headerCitations = ["Land", "Körperschaft", "Größe", "Phase", "Zeitpunkt"]

  static func isCitation(_ text: String) -> Bool { isFactID(text) || headerCitations.contains(text) }

  static func isFactID(_ text: String) -> Bool {
    text.count == 3 && text.hasPrefix("F") && text.dropFirst().allSatisfy(\.isASCII)
      && text.dropFirst().allSatisfy(\.isNumber)
  }

  static func number(_ text: String) -> Double? {
    FixedDecimal(parsing: Substring(text), allowComma: true).flatMap { Double($0.formatted(decimalSeparator: ".")) }
  }

  /// Parses a case file; nil with diagnostics when anything is wrong.
  public static func parse(path: String, text: String, knowledgeBase: KnowledgeBase) -> (
    file: CaseFile?, diagnostics: [Diagnostic]
  ) {
    var reporter = Reporter(file: SourceFile(path: path, text: text))
    var header: [String: (value: String, line: Line)] = [:]
    var answers: [QuestionID: CaseFile.KnownAnswer] = [:]
    var expected: [CaseFile.ExpectedMeasure] = []
    var mustNot: [String] = []
    var patterns: [String: CaseFile.ExpectedLevel] = [:]
    var floors: [CaseFile.Floor] = []
    var unknownFacts: [String] = []
    var unknownFactLines: [(fact: String, word: Word)] = []

    for line in lines(of: text) {
      let keyword = line.words[0]
      let rest = Array(line.words.dropFirst())
      switch keyword.text {
      case "case", "title", "phase", "kind", "main":
        guard !rest.isEmpty else {
          reporter.error("„\(keyword.text)“ braucht einen Wert.", at: keyword)
          continue
        }
        if header[keyword.text] != nil {
          reporter.error("„\(keyword.text)“ ist schon angegeben.", at: keyword)
          continue
        }
        let value = String(
          line.text[line.text.utf8.index(line.text.startIndex, offsetBy: rest[0].start - line.start)...]
        )
        .trimmingSpaces
        header[keyword.text] = (value, line)
      case "unknown":
        guard !rest.isEmpty else {
          reporter.error("Bitte so angeben: unknown F16 F17", at: keyword)
          continue
        }
        for word in rest {
          if isFactID(word.text) {
            unknownFacts.append(word.text)
          } else {
            reporter.error("„\(word.text)“ ist keine Fakt-Nummer (F01 … F99).", at: word)
          }
        }
      case "set":
        if let answer = parseAnswer(line, knowledgeBase: knowledgeBase, &reporter) {
          if answers[answer.question] != nil {
            reporter.error(
              "Die Frage „\(knowledgeBase.questions[answer.question].id)“ ist schon beantwortet.", at: line.words[1])
          } else {
            answers[answer.question] = answer.known
            for (fact, word) in answer.factWords { unknownFactLines.append((fact, word)) }
          }
        }
      case "measure":
        if let item = parseMeasure(line, &reporter) { expected.append(item) }
      case "full", "partial":
        guard !expected.isEmpty else {
          reporter.error("„\(keyword.text)“ gehört unter eine Zeile „measure …“.", at: keyword)
          continue
        }
        guard !rest.isEmpty else {
          reporter.error("„\(keyword.text)“ braucht mindestens eine Maßnahme.", at: keyword)
          continue
        }
        for word in rest where checkMeasure(word, in: knowledgeBase, &reporter) {
          let item = expected[expected.count - 1]
          if item.full.contains(word.text) || item.partial.contains(word.text) {
            reporter.error("Die Maßnahme „\(word.text)“ steht bei diesem Punkt schon.", at: word)
          } else if keyword.text == "full" {
            expected[expected.count - 1].full.append(word.text)
          } else {
            expected[expected.count - 1].partial.append(word.text)
          }
        }
      case "mustnot":
        guard !rest.isEmpty else {
          reporter.error("„mustnot“ braucht mindestens eine Maßnahme.", at: keyword)
          continue
        }
        for word in rest where checkMeasure(word, in: knowledgeBase, &reporter) {
          if mustNot.contains(word.text) {
            reporter.error("Die Maßnahme „\(word.text)“ steht schon unter „mustnot“.", at: word)
          } else {
            mustNot.append(word.text)
          }
        }
      case "pattern":
        guard rest.count == 2 else {
          reporter.error(
            "Bitte so angeben: pattern <muster> established|suspected|suspected-ok|suspected-or-established|none",
            at: line)
          continue
        }
        guard knowledgeBase.patternIndex[rest[0].text] != nil else {
          let suggestion = Suggestion.closest(to: rest[0].text, in: knowledgeBase.patterns.map(\.id))
          reporter.error(
            "Unbekanntes Muster „\(rest[0].text)“." + (suggestion.map { " Meinten Sie „\($0)“?" } ?? ""), at: rest[0])
          continue
        }
        guard let level = CaseFile.ExpectedLevel(rawValue: rest[1].text) else {
          reporter.error(
            "„\(rest[1].text)“ ist keine Stufe. Möglich: "
              + CaseFile.ExpectedLevel.allCases.map(\.rawValue).joined(separator: ", "), at: rest[1])
          continue
        }
        if patterns[rest[0].text] != nil {
          reporter.error("Das Muster „\(rest[0].text)“ ist schon angegeben.", at: rest[0])
        } else {
          patterns[rest[0].text] = level
        }
      case "minimum", "maximum":
        if let floor = parseFloor(line, &reporter) { floors.append(floor) }
      default:
        reporter.error(
          "Unbekannte Angabe „\(keyword.text)“. Möglich: case, title, phase, kind, main, unknown, set, measure, full, partial, mustnot, pattern, minimum, maximum.",
          at: keyword)
      }
    }

    for (fact, word) in unknownFactLines where unknownFacts.contains(fact) {
      reporter.error("\(fact) ist zum Zeitpunkt der Beratung unbekannt und darf nicht als Antwort dienen.", at: word)
    }
    let end = text.utf8.count
    func missing(_ key: String, _ example: String) {
      reporter.error("Die Angabe „\(key)“ fehlt (z. B. „\(example)“).", from: end, to: end)
    }
    for (key, example) in [
      ("case", "case D01"), ("title", "title …"), ("phase", "phase bewaeltigung"), ("kind", "kind acute"),
      ("main", "main stromausfall"),
    ]
    where header[key] == nil {
      missing(key, example)
    }
    var phase: Phase?
    if let (value, line) = header["phase"] {
      phase = Phase(rawValue: value.folded)
      if phase == nil {
        reporter.error(
          "„\(value)“ ist keine Phase. Möglich: " + Phase.allCases.map(\.rawValue).joined(separator: ", "),
          at: line.words[1])
      }
    }
    var kind: CaseFile.Kind?
    if let (value, line) = header["kind"] {
      kind = CaseFile.Kind(rawValue: value)
      if kind == nil {
        reporter.error(
          "„\(value)“ ist keine Art von Fall. Möglich: "
            + CaseFile.Kind.allCases.map(\.rawValue).joined(separator: ", "),
          at: line.words[1])
      }
    }
    var mainPattern: String?
    if let (value, line) = header["main"], value != "none" {
      if knowledgeBase.patternIndex[value] == nil {
        reporter.error("Unbekanntes Muster „\(value)“ (oder „none“ im Kontrollfall).", at: line.words[1])
      } else {
        mainPattern = value
        if patterns[value] != nil, patterns[value] != .established {
          reporter.error("Das Hauptmuster „\(value)“ muss als „established“ erwartet werden.", at: line.words[1])
        }
      }
    }
    let absent = knowledgeBase.patterns.map(\.id).filter { patterns[$0] == nil }
    if !absent.isEmpty {
      reporter.error(
        "Für diese Muster fehlt die erwartete Stufe: " + absent.joined(separator: ", ") + ".", from: end, to: end)
    }
    if expected.isEmpty {
      reporter.error("Der Fall nennt keine erwarteten Maßnahmen (Zeilen „measure …“).", from: end, to: end)
    }
    guard reporter.diagnostics.isEmpty, let id = header["case"]?.value, let title = header["title"]?.value,
      let phase, let kind
    else { return (nil, reporter.diagnostics.sortedForOutput()) }
    let file = CaseFile(
      path: path, id: id, title: title, phase: phase, kind: kind, mainPattern: mainPattern,
      unknownFacts: unknownFacts, answers: answers, expected: expected, mustNot: mustNot,
      patterns: patterns, floors: floors)
    return (file, [])
  }

  /// `set <frage> = <antwort> [F01, F02]`: the answer in the syntax of test scripts, parsed by
  /// the shell's own answer parser, and the facts it comes from.
  static func parseAnswer(_ line: Line, knowledgeBase: KnowledgeBase, _ reporter: inout Reporter) -> (
    question: QuestionID, known: CaseFile.KnownAnswer, factWords: [(String, Word)]
  )? {
    let usage = "Bitte so angeben: set <frage> = <antwort> [F01, F02]"
    let body = line.text
    guard let equals = body.firstIndex(of: "="), line.words.count >= 2 else {
      reporter.error(usage, at: line)
      return nil
    }
    guard let open = body.lastIndex(of: "["), open > equals, let close = body.lastIndex(of: "]"), close > open,
      body[body.index(after: close)...].allSatisfy({ $0 == " " || $0 == "\t" })
    else {
      reporter.error(
        "Jede Antwort muss die Fakten nennen, aus denen sie stammt, z. B. [F03] oder [F03, F07].", at: line)
      return nil
    }
    func offset(_ index: Substring.Index) -> Int { line.start + body.utf8.distance(from: body.startIndex, to: index) }
    /// The word a part of the line holds, without the spaces around it.
    func word(_ part: Substring) -> Word {
      let start = part.firstIndex { $0 != " " && $0 != "\t" } ?? part.endIndex
      let end = part.lastIndex { $0 != " " && $0 != "\t" }.map { part.index(after: $0) } ?? start
      return Word(text: String(part[start..<end]), start: offset(start), end: offset(end))
    }
    // The question name is whatever stands between `set` and `=`.
    let nameStart = body.utf8.index(body.startIndex, offsetBy: line.words[0].end - line.start)
    let questionName = String(body[nameStart..<equals]).trimmingSpaces
    guard !questionName.isEmpty else {
      reporter.error(usage, at: line)
      return nil
    }
    let nameWord = line.words[1]
    guard let question = knowledgeBase.questionIndex[questionName] else {
      let suggestion = Suggestion.closest(to: questionName, in: knowledgeBase.questions.map(\.id))
      reporter.error(
        "Unbekannte Frage „\(questionName)“." + (suggestion.map { " Meinten Sie „\($0)“?" } ?? ""), at: nameWord)
      return nil
    }
    let answerWord = word(body[body.index(after: equals)..<open])
    let answerText = answerWord.text
    var factWords: [(String, Word)] = []
    var facts: [String] = []
    let inner = body[body.index(after: open)..<close]
    for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
      let word = word(part)
      let trimmed = word.text
      guard isCitation(trimmed) else {
        reporter.error(
          "„\(trimmed)“ ist keine Fakt-Nummer (F01 … F99) und keine Zeile des Kopfes ("
            + headerCitations.joined(separator: ", ") + ").", at: word)
        return nil
      }
      facts.append(trimmed)
      factWords.append((trimmed, word))
    }
    switch AnswerParser.parse(answerText, for: knowledgeBase.questions[question]) {
    case .success(let answer):
      return (
        question, CaseFile.KnownAnswer(question: question, answer: answer, facts: facts, line: line.number), factWords
      )
    case .failure(let error):
      reporter.error(
        "Antwort auf „\(questionName)“: \(error.description)", from: answerWord.start, to: answerWord.end)
      return nil
    }
  }

  /// `measure [must] <horizont>[/<horizont>]: <titel>`.
  static func parseMeasure(_ line: Line, _ reporter: inout Reporter) -> CaseFile.ExpectedMeasure? {
    let usage = "Bitte so angeben: measure [must] sofort|kurzfristig|langfristig[/…]: <Titel>"
    guard let colon = line.text.firstIndex(of: ":") else {
      reporter.error(usage, at: line)
      return nil
    }
    let colonOffset = line.start + line.text.utf8.distance(from: line.text.startIndex, to: colon)
    var words = line.words.dropFirst().filter { $0.start < colonOffset }.map { word -> Word in
      var word = word
      if word.end > colonOffset {
        word.text = String(word.text.prefix { $0 != ":" })
        word.end = colonOffset
      }
      return word
    }
    let title = String(line.text[line.text.index(after: colon)...]).trimmingSpaces
    var must = false
    if words.first?.text == "must" {
      must = true
      words.removeFirst()
    }
    guard words.count == 1, !title.isEmpty else {
      reporter.error(usage, at: line)
      return nil
    }
    var horizons: [Horizon] = []
    for part in words[0].text.split(separator: "/") {
      guard let horizon = Horizon(rawValue: String(part)) else {
        reporter.error(
          "„\(part)“ ist kein Horizont. Möglich: sofort, kurzfristig, langfristig.", at: words[0])
        return nil
      }
      horizons.append(horizon)
    }
    guard !horizons.isEmpty else {
      reporter.error(usage, at: line)
      return nil
    }
    return CaseFile.ExpectedMeasure(
      title: title, must: must, horizons: horizons, full: [], partial: [], line: line.number)
  }

  /// `minimum recall 0.40`, `maximum questions 30`.
  static func parseFloor(_ line: Line, _ reporter: inout Reporter) -> CaseFile.Floor? {
    let minimum = line.words[0].text == "minimum"
    let allowed = CaseFile.Metric.allCases.filter { $0.isMinimum == minimum }.map(\.rawValue)
    guard line.words.count == 3 else {
      reporter.error("Bitte so angeben: \(line.words[0].text) \(allowed.joined(separator: "|")) <zahl>", at: line)
      return nil
    }
    guard let metric = CaseFile.Metric(rawValue: line.words[1].text), metric.isMinimum == minimum else {
      reporter.error(
        "„\(line.words[1].text)“ gibt es bei „\(line.words[0].text)“ nicht. Möglich: \(allowed.joined(separator: ", ")).",
        at: line.words[1])
      return nil
    }
    guard let bound = number(line.words[2].text), bound >= 0 else {
      reporter.error("„\(line.words[2].text)“ ist keine Zahl ab 0.", at: line.words[2])
      return nil
    }
    return CaseFile.Floor(metric: metric, bound: bound, line: line.number)
  }
}
