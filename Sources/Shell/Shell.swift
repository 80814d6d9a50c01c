import Consultation
import KnowledgeBase
import RuleLanguage

/// How the shell presents itself.
public struct ShellOptions: Sendable {
  /// A person at a terminal (prompts to confirm, Ctrl-D asks before leaving); false for scripts.
  public var interactive: Bool
  /// Emphasis with ANSI escapes: only on a terminal and never with NO_COLOR.
  public var color: Bool
  /// Where the knowledge base was read from, for `reload` and `check`.
  public var knowledgeBaseDirectory: String?
  /// Print every rule that fires and every change in patterns, factors and measures.
  public var trace = false
  /// Where the Kommunenprofil is kept; nil: no profile (scripts and tests unless they name one).
  public var profilePath: String?
  /// Today as `YYYY-MM-DD`, for dating profile answers; set by the launcher, fixed in tests.
  public var today = "1970-01-01"
  /// The rule author's view: ids beside titles, rule names, files and lines in explanations. Off
  /// for a person at the terminal (the crisis manager's view, German text only), on for scripts,
  /// which rule authors write; `technisch an|aus` switches.
  public var technical: Bool

  public init(interactive: Bool, color: Bool) {
    self.interactive = interactive
    self.color = color
    self.technical = !interactive
  }
}

/// The consultation shell: reads lines, runs commands, answers questions, prints German text.
public final class Shell {
  public internal(set) var consultation: Consultation
  let output: OutputSink
  var options: ShellOptions
  /// Commands that failed and expectations that did not hold, for the exit status.
  public var failures: Int { failureMessages.count }
  /// Each failure as `path:line: message`, for the test runner's report.
  public internal(set) var failureMessages: [String] = []
  /// What the last command other than an expectation printed, for `expect output`.
  var previousOutput = ""
  private var currentOutput = ""
  /// The question shown last, so that it is shown again only when it changes.
  var shownQuestion: QuestionID?
  var announcedComplete = false
  /// An optional question shown by `weiter`, which a plain answer then answers.
  var offeredQuestion: QuestionID?
  var quitRequested = false
  /// Exercise play beside the consultation: the clock, whether the question was asked.
  var exercisePlay = ExercisePlayState()
  /// Where the line being executed came from, for messages in scripts.
  var location: String?
  /// Asks the person at the terminal a yes/no question (nil in scripts).
  public var confirm: ((String) -> Bool)?

  /// Collects what the consultation reached, for `resilienz test --coverage`.
  public var coverage: CoverageRecorder? {
    didSet {
      consultation.recordsEvents = coverage != nil || options.trace
      coverage?.observe(consultation)
    }
  }

  public init(consultation: Consultation, output: OutputSink, options: ShellOptions) {
    self.consultation = consultation
    self.output = output
    self.options = options
    if options.trace { setTrace(true) }
  }

  var kb: KnowledgeBase { consultation.knowledgeBase }

  // MARK: - Output

  func say(_ text: String) {
    currentOutput += text
    output.write(text)
  }

  /// One line of output; a longer one is wrapped to 80 columns.
  func line(_ text: String = "") {
    if text.count > TextLayout.width, !text.contains("\n"), !text.contains("\u{1B}") {
      let indent = String(text.prefix { $0 == " " })
      say(TextLayout.wrap(String(text.dropFirst(indent.count)), first: indent, rest: indent + "  "))
    } else {
      say(text + "\n")
    }
  }

  func emphasis(_ text: String) -> String {
    options.color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }

  /// Reports a failed command; in scripts it counts against the exit status.
  func fail(_ message: String) {
    failureMessages.append("\(location.map { "\($0): " } ?? "")\(message)")
    if let location, !options.interactive {
      line("Fehler (\(location)): \(message)")
    } else {
      line("Fehler: \(message)")
    }
  }

  /// ` (id)` after a title in the rule author's view; nothing in the crisis manager's.
  func idTag(_ id: String) -> String { options.technical ? " (\(id))" : "" }

  /// A German text with `{term}` placeholders filled for the current answers.
  func text(_ raw: String) -> String { consultation.filled(raw) }

  // MARK: - The loop

  /// What the start does once the greeting stands (the municipality's standing answers, who
  /// answers): its messages then follow the greeting instead of coming before it.
  public var afterGreeting: () -> Void = {}

  /// Greets, then reads and executes lines until the end or `ende`; returns the exit status.
  public func run<Source: LineSource>(_ source: inout Source) -> Int32 {
    greet()
    afterGreeting()
    while !quitRequested {
      showQuestionIfChanged(inScript: false)
      let prompt = options.color ? emphasis("> ") : "> "
      switch source.readLine(prompt: prompt) {
      case .line(let text):
        location = source.location
        if !source.echoesInput {
          let trimmed = text.trimmingSpaces
          if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
          showQuestionIfChanged(inScript: true, before: trimmed)
          // Echoed without control characters, so a script cannot drive the terminal.
          output.write("> \(String(text.filter { !$0.isControlCharacter }))\n")
        }
        releaseDueInjects()
        execute(text)
      case .problem(let message):
        location = source.location
        fail(message)
      case .end:
        if options.interactive, let confirm, !confirm("Beratung beenden? Die Antworten bleiben gespeichert. [j/N] ") {
          continue
        }
        quitRequested = true
      }
    }
    return failures == 0 ? 0 : 1
  }

  func greet() {
    let info = kb.info
    line(emphasis(info.title))
    let counts = [
      Self.count(kb.factors.count, "Resilienzfaktor", "Resilienzfaktoren"),
      Self.count(kb.patterns.count, "Krisenmuster", "Krisenmuster"),
      Self.count(kb.measures.count, "Maßnahme", "Maßnahmen"),
      Self.count(kb.questions.count, "Frage", "Fragen"),
      Self.count(kb.rules.count, "Regel", "Regeln"),
    ].joined(separator: ", ")
    say(
      TextLayout.wrap(
        options.technical
          ? "Wissensbasis \(info.id) \(info.version): \(counts)." : "Wissensstand \(info.version): \(counts)."))
    say(
      TextLayout.wrap(
        "Beantworten Sie die Fragen; „?“ heißt „weiß nicht“ und ist immer erlaubt. 'hilfe' zeigt alle Befehle, 'warum' erklärt eine Frage, 'empfehlungen' zeigt den aktuellen Stand."
      ))
    if consultation.hasAnswers || consultation.exercise != nil {
      let count = consultation.answeredQuestions.count
      var resumed = "Fortgesetzt mit \(Self.count(count, "Antwort", "Antworten"))"
      if let run = consultation.exercise {
        resumed += "; Übung „\(run.exercise.id)“ bei Einlage \(run.stage) von \(run.exercise.injects.count)"
      }
      line(resumed + ".")
    }
  }

  /// `1 Regel`, `3 Regeln`.
  static func count(_ number: Int, _ one: String, _ many: String) -> String {
    "\(number) \(number == 1 ? one : many)"
  }

  /// Shows the current question when it differs from the one shown last. In scripts it is shown
  /// only right before a line that answers it.
  func showQuestionIfChanged(inScript: Bool, before input: String? = nil) {
    let interactiveCall = !inScript
    if interactiveCall && !options.interactive { return }
    let question = consultation.currentQuestion
    if inScript {
      guard let input, let question, question != shownQuestion, isPlainAnswer(input) else { return }
    }
    guard question != shownQuestion || question == nil else { return }
    shownQuestion = question
    if let question {
      announcedComplete = false
      say(renderQuestion(question))
    } else if !announcedComplete, !inScript {
      announceComplete()
    }
  }

  /// Said once when no answer to the open questions can change the top ten any more.
  func announceComplete() {
    announcedComplete = true
    line()
    say(
      TextLayout.wrap(
        "Die ersten zehn Empfehlungen stehen fest: Keine Antwort auf die offenen Fragen kann sie noch ändern."))
    showAdvice(limit: 10)
    showOpenPoints(limit: 5)
    let optional = consultation.optionalQuestions.count
    if optional > 0 {
      say(
        TextLayout.wrap("\(optional) weitere Fragen sind optional; 'weiter' stellt sie. 'ende' beendet die Beratung."))
    }
  }

  /// Whether a line is an answer to the current question rather than a command.
  func isPlainAnswer(_ input: String) -> Bool {
    let word = input.split(separator: " ").first.map(String.init) ?? ""
    return CommandTable.find(word) == nil
  }

  // MARK: - Executing a line

  /// Executes one line: a command, or an answer to the current question.
  public func execute(_ input: String) {
    let cleaned = input.replacingOccurrences(of: "\t", with: " ")
    if cleaned.count > 4_000 {
      currentOutput = ""
      return fail("Die Eingabe ist mit \(cleaned.count) Zeichen zu lang (höchstens 4000); sie wurde nicht ausgeführt.")
    }
    let text = cleaned.trimmingSpaces.filter { !$0.isControlCharacter }
    // Expectations read the output of the last command before them, so several in a row all
    // check the same output.
    let isExpectation = text.split(separator: " ").first.flatMap { CommandTable.find(String($0)) } == ExpectCommand.self
    if !isExpectation { currentOutput = "" }
    defer { if !isExpectation { previousOutput = currentOutput } }
    guard !text.isEmpty else {
      if let question = consultation.currentQuestion {
        line("Bitte eine Antwort auf die Frage eingeben (oder '?' für „weiß nicht“, 'überspringen' zum Auslassen).")
        shownQuestion = question
      }
      return
    }
    let word = String(text.split(separator: " ", maxSplits: 1)[0])
    let rest = text.dropFirst(word.count).trimmingSpaces
    if let command = CommandTable.find(word) {
      switch Result(catching: { () throws(CommandUsageError) -> any ShellCommand in
        try command.init(CommandArguments(text: rest, calledAs: word, usage: command.spec.usage))
      }) {
      case .success(let parsed): run(parsed)
      case .failure(let error): fail(error.message)
      }
    } else if let question = consultation.currentQuestion ?? offeredQuestion, !refusesUnaskedAnswer(word) {
      answerCurrent(question, with: text, word: word)
    } else if consultation.exercise != nil, consultation.currentQuestion ?? offeredQuestion != nil {
      // Refused above with a hint for the exercise.
    } else {
      let suggestion = CommandTable.suggestion(for: word)
      fail(
        "Unbekannter Befehl „\(word)“." + (suggestion.map { " Meinten Sie „\($0)“?" } ?? "")
          + " 'hilfe' zeigt alle Befehle.")
    }
    takeEvents()
    coverage?.observe(consultation)
    if consultation.currentQuestion == nil, !announcedComplete, !options.interactive, shownQuestion != nil {
      // A script that has answered everything that matters hears it once, like a person would.
      shownQuestion = nil
      announceComplete()
    }
  }

  private func answerCurrent(_ question: QuestionID, with text: String, word: String) {
    let item = kb.questions[question]
    switch AnswerParser.parse(text, for: item) {
    case .success(let answer):
      commit(question, answer)
    case .failure(let error):
      var message = error.description
      if word.count > 1, word.allSatisfy(\.isLetter), item.type == .number || item.type == .scale || item.type == .yesno
      {
        message = "„\(word)“ ist kein Befehl und keine Antwort auf die Frage \(item.id). " + message
      }
      // Only a near miss of a command name is worth mentioning next to the answer's problem.
      if word.count >= 4, let suggestion = CommandTable.suggestion(for: word, maxDistance: 1) {
        message += " (Oder meinten Sie den Befehl „\(suggestion)“?)"
      }
      fail(message)
    }
  }

  /// Hands the engine's events since the last call to the trace and the coverage.
  func takeEvents() {
    let events = consultation.takeEvents()
    coverage?.record(events)
    if options.trace { for line in TraceText.lines(events, in: consultation) { self.line(line) } }
  }

  /// Sets an answer and says in one line what changed.
  func commit(_ question: QuestionID, _ answer: Answer?) {
    do {
      let outcome = try consultation.set(question, to: answer)
      if offeredQuestion == question { offeredQuestion = nil }
      takeEvents()
      if options.trace { for line in TraceText.ranks(outcome.change, in: consultation) { self.line(line) } }
      if adviceHidden {
        line(answer == nil ? "Antwort entfernt." : "Übernommen.")
      } else {
        line(summary(of: outcome.change, accepted: answer == nil ? "Antwort entfernt." : "Übernommen."))
      }
    } catch {
      fail(String(describing: error))
    }
  }

  func run(_ command: any ShellCommand) {
    let spec = type(of: command).spec
    if spec.scriptOnly, options.interactive {
      fail("'\(spec.name)' gibt es nur in Skripten und Tests.")
      return
    }
    if adviceHidden, type(of: command).revealsAdvice {
      say(
        TextLayout.wrap(
          "Übungsmodus: Empfehlungen, Muster und Bewertungen bleiben bis zur Auswertung verborgen ('auswertung')."))
      return
    }
    command.run(in: self)
  }
}

extension String {
  var trimmingSpaces: String { String(trimmingWhitespace) }
}

extension Substring {
  var trimmingSpaces: String { String(self).trimmingSpaces }
}

extension Character {
  /// Control characters and bidirectional controls, which the shell drops from typed lines.
  var isControlCharacter: Bool {
    unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\t" || String.isBidiControl($0) }
  }
}
