import ArgumentParser
import Foundation

/// Command-line mistakes in German, with exit status 2.
///
/// ArgumentParser reports a mistyped or missing option in English and exits with 64; the guides
/// promise German messages and the statuses 0, 1 and 2 for every command, so its messages are
/// translated here, phrase by phrase, before the process ends.
enum UsageMessage {
  /// The status for a command line the program cannot use.
  static let exitStatus: Int32 = 2

  /// English phrases of ArgumentParser's usage errors and their German forms; `$1`, `$2` are the
  /// quoted names from the original.
  static let phrases: [(pattern: String, german: String)] = [
    (#"^Error: "#, "Fehler: "),
    (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "Unbekannte Option „$1“. Meinten Sie „$2“?"),
    (#"Unknown option '([^']*)'"#, "Unbekannte Option „$1“"),
    (#"Unexpected arguments? '([^']*)'"#, "Unerwartete Angabe „$1“"),
    (#"Missing expected argument '([^']*)'"#, "Es fehlt die Angabe „$1“"),
    (#"Missing value for '([^']*)'"#, "Für „$1“ fehlt ein Wert"),
    (#"The value '([^']*)' is invalid for '([^']*)'"#, "Der Wert „$1“ passt nicht zu „$2“"),
    (#"Please provide one of '([^']*)' and '([^']*)'\."#, "Erlaubt sind „$1“ und „$2“."),
    (#"Please provide one of (.*)\.$"#, "Erlaubt sind: $1."),
    (
      #"Value to be set with flag '([^']*)' had already been set with flag '([^']*)'"#,
      "„$1“ widerspricht dem schon gesetzten „$2“"
    ),
    (#"(?m)^Help: "#, "Hilfe: "),
    (#"(?m)^Usage: "#, "Aufruf: "),
    (#"(?m)^  See '([^']*)' for more information\."#, "  Mehr dazu: '$1'"),
  ]

  /// The German form of ArgumentParser's message; text it does not know stays as it is.
  static func german(_ message: String) -> String {
    var text = message
    for (pattern, german) in phrases {
      guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
      text = expression.stringByReplacingMatches(
        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: german)
    }
    return text
  }
}

extension Resilienz {
  /// Parses and runs the command; usage errors end in German with status 2, everything else
  /// (help, version, the commands' own statuses) as ArgumentParser does it.
  static func main() {
    // The plain start, a consultation with every default, skips ArgumentParser: building its
    // command tree walks every command's properties by reflection, about a tenth of the CPU the
    // start takes to the first question (Benchmarks/README.md, "Start-up").
    if CommandLine.arguments.count == 1 {
      let status = Consult.consult(knowledgeBaseDirectory: nil)
      if status != 0 { Foundation.exit(status) }
      return
    }
    let command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      exitForParseError(error)
    }
    do {
      var command = command
      try command.run()
    } catch {
      exit(withError: error)
    }
  }

  private static func exitForParseError(_ error: any Error) -> Never {
    guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
    let message = UsageMessage.german(fullMessage(for: error))
    FileHandle.standardError.write(Data((message + "\n").utf8))
    Foundation.exit(UsageMessage.exitStatus)
  }
}
