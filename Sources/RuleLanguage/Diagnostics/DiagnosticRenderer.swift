/// Renders diagnostics as `path:line:column: severity: message` with the source line and a caret.
public struct DiagnosticRenderer: Sendable {
  public init() {}

  /// The whole text for a list of diagnostics, each followed by its notes.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(render).joined()
  }

  /// One diagnostic with its snippet and notes, ending in a line break.
  public func render(_ diagnostic: Diagnostic) -> String {
    var out = renderLine(
      site: diagnostic.site, severity: diagnostic.severity.rawValue, message: diagnostic.message)
    for note in diagnostic.notes {
      if let site = note.site {
        out += renderLine(site: site, severity: "note", message: note.message)
      } else {
        out += "    note: \(note.message)\n"
      }
    }
    return out
  }

  private func renderLine(site: DiagnosticSite, severity: String, message: String) -> String {
    guard let file = site.file, let range = site.range else {
      return "\(site.path): \(severity): \(message)\n"
    }
    let start = file.location(of: range.start)
    var out = "\(site.path):\(start.line):\(start.column): \(severity): \(message)\n"
    let line = file.lineText(start.line)
    if line.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
      let end = file.location(of: range.end)
      let lineLength = line.unicodeScalars.count
      let underlineEnd = end.line == start.line ? end.column : lineLength + 1
      let width = max(1, min(underlineEnd, lineLength + 1) - start.column)
      let prefix = String(
        line.unicodeScalars.prefix(start.column - 1).map { $0 == "\t" ? "\t" : " " })
      out += "    \(line)\n"
      out += "    \(prefix)^\(String(repeating: "~", count: width - 1))\n"
    }
    return out
  }
}

/// Renders diagnostics as a JSON array for editors and CI.
public struct DiagnosticJSONRenderer: Sendable {
  public init() {}

  public func render(_ diagnostics: [Diagnostic]) -> String {
    if diagnostics.isEmpty { return "[]\n" }
    let objects = diagnostics.map { diagnostic -> String in
      let location = diagnostic.site.location
      var fields = [
        "\"file\": \(quote(diagnostic.site.path))",
        "\"line\": \(location?.line ?? 0)",
        "\"column\": \(location?.column ?? 0)",
        "\"severity\": \(quote(diagnostic.severity.rawValue))",
        "\"id\": \(quote(diagnostic.id.rawValue))",
        "\"message\": \(quote(diagnostic.message))",
      ]
      if !diagnostic.notes.isEmpty {
        let notes = diagnostic.notes.map { note -> String in
          let noteLocation = note.site?.location
          return "{\"file\": \(quote(note.site?.path ?? diagnostic.site.path)), "
            + "\"line\": \(noteLocation?.line ?? 0), \"column\": \(noteLocation?.column ?? 0), "
            + "\"message\": \(quote(note.message))}"
        }
        fields.append("\"notes\": [\(notes.joined(separator: ", "))]")
      }
      return "  {" + fields.joined(separator: ", ") + "}"
    }
    return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
  }

  private func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
