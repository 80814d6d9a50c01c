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

  /// Why a typed file name would make a file nobody meant (`""`, `-`, a folder); nil when it
  /// is a usable name.
  static func fileNameProblem(_ name: String, usage: String) -> String? {
    if name.isEmpty { return "Bitte einen Dateinamen angeben: \(usage)" }
    if name == "-" { return "„-“ ist hier kein Dateiname; bitte einen Dateinamen angeben: \(usage)" }
    if name.hasSuffix("/") || name == "." || name == ".." || name.hasSuffix("/.") || name.hasSuffix("/..") {
      return "„\(name)“ ist ein Ordner, kein Dateiname: \(usage)"
    }
    return nil
  }
}
