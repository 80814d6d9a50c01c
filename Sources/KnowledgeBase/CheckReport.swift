import RuleLanguage

/// What `resilienz check` prints and which exit status it returns.
public struct CheckReport: Sendable {
  public var diagnostics: [Diagnostic]
  public var statistics: KnowledgeStatistics?

  /// How many diagnostics of one file are shown; a file of junk would otherwise print one for
  /// nearly every byte.
  public static let limitPerFile = 50

  public init(result: LoadResult, strict: Bool) {
    var perFile: [String: Int] = [:]
    var kept: [Diagnostic] = []
    for var diagnostic in result.diagnostics {
      if strict, diagnostic.severity == .warning { diagnostic.severity = .error }
      perFile[diagnostic.site.path, default: 0] += 1
      if perFile[diagnostic.site.path, default: 0] <= Self.limitPerFile { kept.append(diagnostic) }
    }
    for (path, count) in perFile.sorted(by: { $0.key < $1.key }) where count > Self.limitPerFile {
      kept.append(
        Diagnostic(
          KnowledgeMessage.tooManyProblems(count - Self.limitPerFile, shown: Self.limitPerFile).message,
          at: DiagnosticSite(path: path)))
    }
    diagnostics = kept
    statistics = result.statistics
  }

  /// 0 without errors, 1 with errors, 2 when files or folders could not be read.
  public var exitCode: Int32 {
    let ioProblems: Set<String> = ["missing-directory", "unreadable"]
    if diagnostics.contains(where: { ioProblems.contains($0.id.rawValue) }) { return 2 }
    return diagnostics.containsErrors ? 1 : 0
  }

  /// The diagnostics with their snippets, a German summary line and optionally the counts. The
  /// diagnostics keep `error:`/`warning:` and their ids, which editors and CI match on.
  public func text(withStatistics: Bool) -> String {
    var out = DiagnosticRenderer().render(diagnostics)
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    if errors == 0, warnings == 0 {
      out += "keine Probleme gefunden\n"
    } else {
      out += "\(errors) Fehler und \(count(warnings, "Warnung", "Warnungen"))\n"
    }
    if withStatistics, let statistics {
      out += """
        Faktoren: \(statistics.factors)
        Muster: \(statistics.patterns)
        Maßnahmen: \(statistics.measures)
        Fragen: \(statistics.questions)
        Regeln: \(statistics.rules)
        Quellen: \(statistics.sources)

        """
      for entry in statistics.sourcesByKind {
        out += "  \(entry.kind.rawValue): \(entry.count)\n"
      }
      out += "  ungeprüft: \(statistics.unverifiedSources)\n"
      out += "Tests: \(statistics.tests)\n"
      out += "Lagearten: \(statistics.situationKinds.count)\n"
      for kind in statistics.situationKinds {
        out += "  \(kind.id): \(count(kind.acuteMeasures, "akute Maßnahme", "akute Maßnahmen"))\n"
      }
    }
    return out
  }

  private func count(_ number: Int, _ one: String, _ many: String) -> String {
    "\(number) \(number == 1 ? one : many)"
  }
}
