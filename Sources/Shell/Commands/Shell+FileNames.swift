extension Shell {
  /// A file name as typed, without quotes around it: `bericht "Lage 3.md"` writes `Lage 3.md`.
  static func unquoted(_ typed: String) -> String {
    let text = typed.trimmingSpaces
    for (open, close) in [("\"", "\""), ("'", "'"), ("„", "“"), ("»", "«")]
    where text.count >= 2 && text.hasPrefix(open) && text.hasSuffix(close) {
      return String(text.dropFirst().dropLast()).trimmingSpaces
    }
    return text
  }

  /// Why a typed file name would make a file nobody meant (`""`, `-`); nil when it is a name
  /// (a folder or a missing one is for the file's reader or writer to report).
  static func fileNameProblem(_ name: String, usage: String) -> String? {
    if name.isEmpty { return "Bitte so angeben: \(usage)" }
    if name == "-" { return "„-“ ist hier kein Dateiname; bitte einen Dateinamen angeben: \(usage)" }
    return nil
  }
}
