/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable {
  case error
  case warning
  case note

  private var rank: Int {
    switch self {
    case .error: 0
    case .warning: 1
    case .note: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable identifier of a kind of diagnostic, such as `unknown-question`.
public struct DiagnosticID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
}

/// A position in a file that a diagnostic points at.
public struct DiagnosticSite: Sendable {
  /// The file whose text the range refers to; nil when the file could not be read.
  public var file: SourceFile?
  /// The path to print.
  public var path: String
  /// The range in `file`; nil for problems of a whole file or folder.
  public var range: SourceRange?

  public init(file: SourceFile, range: SourceRange) {
    self.file = file
    self.path = file.path
    self.range = range
  }

  public init(path: String) {
    self.file = nil
    self.path = path
    self.range = nil
  }

  /// The 1-based location of the start of the range, or nil for a whole file.
  public var location: SourceLocation? {
    guard let file, let range else { return nil }
    return file.location(of: range.start)
  }
}

/// A secondary message attached to a diagnostic, such as where a duplicate was first declared.
public struct DiagnosticNote: Sendable {
  public var message: String
  public var site: DiagnosticSite?

  public init(_ message: String, at site: DiagnosticSite? = nil) {
    self.message = message
    self.site = site
  }
}

/// A problem found in a rule or knowledge file, as a value.
public struct Diagnostic: Sendable {
  public var id: DiagnosticID
  public var severity: Severity
  public var message: String
  public var site: DiagnosticSite
  public var notes: [DiagnosticNote]

  public init(
    id: DiagnosticID, severity: Severity, message: String, site: DiagnosticSite,
    notes: [DiagnosticNote] = []
  ) {
    self.id = id
    self.severity = severity
    self.message = message
    self.site = site
    self.notes = notes
  }

  public init(_ message: DiagnosticMessage, at site: DiagnosticSite, notes: [DiagnosticNote] = []) {
    self.init(
      id: message.id, severity: message.severity, message: message.text, site: site, notes: notes)
  }

  public init(
    _ message: DiagnosticMessage, in file: SourceFile, at range: SourceRange,
    notes: [DiagnosticNote] = []
  ) {
    self.init(message, at: DiagnosticSite(file: file, range: range), notes: notes)
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var containsErrors: Bool { contains { $0.severity == .error } }

  /// Sorted by path, then position, then id: the order in which they are printed.
  public func sortedForOutput() -> [Diagnostic] {
    enumerated().sorted { lhs, rhs in
      let (a, b) = (lhs.element, rhs.element)
      if a.site.path != b.site.path { return a.site.path < b.site.path }
      let la = a.site.location ?? SourceLocation(line: 0, column: 0)
      let lb = b.site.location ?? SourceLocation(line: 0, column: 0)
      if la != lb { return la < lb }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }
}

/// A message with its stable id and severity; catalogues of messages build these.
public struct DiagnosticMessage: Sendable {
  public var id: DiagnosticID
  public var severity: Severity
  public var text: String

  public init(_ id: String, _ severity: Severity, _ text: String) {
    self.id = DiagnosticID(id)
    self.severity = severity
    self.text = text
  }
}
