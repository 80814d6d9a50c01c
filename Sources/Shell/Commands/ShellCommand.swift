import KnowledgeBase

/// A shell command, in the spirit of swift-argument-parser's `ParsableCommand`: one type with its
/// spec (names, German aliases, usage, help), its arguments parsed by its initialiser — which
/// refuses what the command does not take — and what it does. The command table, completion and
/// `hilfe` are derived from these types (`CommandTable`).
protocol ShellCommand: Sendable {
  static var spec: CommandSpec { get }
  /// Shows advice, patterns or explanations, which a blind exercise hides until the debrief.
  static var revealsAdvice: Bool { get }
  /// Candidates for the word being typed after the command; `before` is the line up to it.
  static func completions(before: String, in shell: Shell) -> [String]

  init(_ arguments: CommandArguments) throws(CommandUsageError)

  func run(in shell: Shell)
}

extension ShellCommand {
  static var revealsAdvice: Bool { false }
  static func completions(before: String, in shell: Shell) -> [String] { [] }
}

/// A command's names, usage and help.
struct CommandSpec: Sendable {
  /// The heading `hilfe` lists the command under.
  var topic: HelpTopic
  /// The English name; scripts may use it.
  var name: String
  var aliases: [String]
  var usage: String
  var summary: String
  var help: String
  var scriptOnly = false
  /// Offered for completion only while an exercise runs ('bewerte' must not crowd out 'bewältigung').
  var exerciseOnly = false

  var allNames: [String] { [name] + aliases }
}

/// What follows a command's name on the line, with what a refusal needs to say.
struct CommandArguments {
  /// The arguments as typed, trimmed.
  var text: String
  /// The command's name as the user typed it.
  var calledAs: String
  var usage: String

  var words: [String] { text.split(separator: " ").map(String.init) }

  /// Refuses any argument.
  func none() throws(CommandUsageError) {
    guard words.isEmpty else { throw CommandUsageError(message: "„\(calledAs)“ nimmt kein Argument.") }
  }

  /// Up to `limit` words; refuses more, so that no argument is silently ignored.
  func atMost(_ limit: Int) throws(CommandUsageError) -> [String] {
    let words = words
    guard words.count > limit else { return words }
    throw CommandUsageError(
      message: limit == 1
        ? "„\(calledAs)“ nimmt höchstens ein Argument: \(usage)"
        : "„\(calledAs)“ nimmt höchstens \(limit) Argumente: \(usage)")
  }
}

/// Arguments a command does not take; the message is German, for users.
struct CommandUsageError: Error {
  var message: String
}

/// The headings `hilfe` groups the commands under, in this order; within one the commands are
/// listed by the name the user types.
enum HelpTopic: Int, CaseIterable, Sendable, Comparable {
  case consultation, advice, staff, exercise, authoring, general

  static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  var title: String {
    switch self {
    case .consultation: "Fragen und Antworten"
    case .advice: "Empfehlungen und Erklärungen"
    case .staff: "Stabsarbeit, Berichte und Dateien"
    case .exercise: "Übung"
    case .authoring: "Regeln schreiben und prüfen"
    case .general: "Allgemein"
    }
  }
}
