import RuleLanguage

/// The checker's diagnostics as the protocol's: the stable id is the `code`.
enum DiagnosticConversion {
  static func json(_ diagnostic: Diagnostic) -> JSON {
    var fields: [String: JSON] = [
      "range": range(diagnostic.site).json,
      "severity": .int(severity(diagnostic.severity)),
      "code": .string(diagnostic.id.rawValue),
      "source": "resilienz",
      "message": .string(diagnostic.message),
    ]
    let related: [JSON] = diagnostic.notes.compactMap { note in
      guard let site = note.site else { return nil }
      return [
        "location": ["uri": .string(DocumentURI.uri(of: site.path)), "range": range(site).json],
        "message": .string(note.message),
      ]
    }
    if !related.isEmpty { fields["relatedInformation"] = .array(related) }
    let plainNotes = diagnostic.notes.filter { $0.site == nil }.map(\.message)
    if !plainNotes.isEmpty {
      fields["message"] = .string(([diagnostic.message] + plainNotes).joined(separator: "\n"))
    }
    return .object(fields)
  }

  static func range(_ site: DiagnosticSite) -> LSPRange {
    guard let file = site.file, let range = site.range else {
      return LSPRange(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0))
    }
    return TextPositions(bytes: file.bytes).range(range.start, range.end)
  }

  static func severity(_ severity: Severity) -> Int {
    switch severity {
    case .error: 1
    case .warning: 2
    case .note: 3
    }
  }
}
