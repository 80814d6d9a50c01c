import RuleLanguage
import Testing

@Suite struct DiagnosticRendererTests {
  static func diagnostic(_ text: String, _ start: Int, _ end: Int, notes: [DiagnosticNote] = []) -> Diagnostic {
    Diagnostic(
      id: DiagnosticID("test"), severity: .error, message: "Meldung",
      site: DiagnosticSite(file: SourceFile(path: "t.rules", text: text), range: SourceRange(start: start, end: end)),
      notes: notes)
  }

  @Test func caretUnderlinesTheRangeInScalars() {
    // "  when größe ≥ 4": '≥' starts at byte 15, column 14.
    let text = "rule r\n  when größe ≥ 4\n"
    let start = Array(text.utf8).firstIndex(of: 0xE2)!
    #expect(
      DiagnosticRenderer().render(Self.diagnostic(text, start, start + 3))
        == "t.rules:2:14: error: Meldung\n      when größe ≥ 4\n                 ^\n")
    #expect(
      DiagnosticRenderer().render(Self.diagnostic(text, 14, 21))
        == "t.rules:2:8: error: Meldung\n      when größe ≥ 4\n           ^~~~~\n")
  }

  @Test func tabsInThePrefixAreKept() {
    #expect(
      DiagnosticRenderer().render(Self.diagnostic("\tx y\n", 3, 4))
        == "t.rules:1:4: error: Meldung\n    \tx y\n    \t  ^\n")
  }

  @Test func aRangeOverSeveralLinesIsUnderlinedToTheLineEnd() {
    #expect(
      DiagnosticRenderer().render(Self.diagnostic("ab cd\nef\n", 3, 8))
        == "t.rules:1:4: error: Meldung\n    ab cd\n       ^~\n")
  }

  @Test func anEmptyRangeAndABlankLineGetNoSnippet() {
    #expect(
      DiagnosticRenderer().render(Self.diagnostic("ab\n", 1, 1)) == "t.rules:1:2: error: Meldung\n    ab\n     ^\n")
    #expect(DiagnosticRenderer().render(Self.diagnostic("ab\n  \n", 4, 5)) == "t.rules:2:2: error: Meldung\n")
  }

  @Test func notesWithAndWithoutSite() {
    let file = SourceFile(path: "a.rules", text: "rule r\n")
    let notes = [
      DiagnosticNote("first declared here", at: DiagnosticSite(file: file, range: SourceRange(start: 5, end: 6))),
      DiagnosticNote("ohne Ort"),
    ]
    #expect(
      DiagnosticRenderer().render(Self.diagnostic("rule r\n", 5, 6, notes: notes))
        == """
        t.rules:1:6: error: Meldung
            rule r
                 ^
        a.rules:1:6: note: first declared here
            rule r
                 ^
            note: ohne Ort

        """)
  }

  @Test func aWholeFileHasNoPosition() {
    let diagnostic = Diagnostic(
      id: DiagnosticID("test"), severity: .warning, message: "Meldung", site: DiagnosticSite(path: "Rules"))
    #expect(
      DiagnosticRenderer().render([diagnostic, diagnostic]) == "Rules: warning: Meldung\nRules: warning: Meldung\n")
    #expect(diagnostic.site.location == nil)
  }

  @Test func outputOrderIsPathThenPositionThenArrival() {
    let file = SourceFile(path: "b", text: "x\ny\n")
    func at(_ id: String, _ path: String, _ offset: Int?) -> Diagnostic {
      let site =
        offset.map {
          DiagnosticSite(
            file: path == "b" ? file : SourceFile(path: path, text: "x\ny\n"),
            range: SourceRange(start: $0, end: $0 + 1))
        }
        ?? DiagnosticSite(path: path)
      return Diagnostic(id: DiagnosticID(id), severity: .error, message: "", site: site)
    }
    let sorted = [at("1", "b", 2), at("2", "a", 0), at("3", "b", 0), at("4", "b", nil), at("5", "b", 0)]
      .sortedForOutput()
    #expect(sorted.map(\.id.rawValue) == ["2", "4", "3", "5", "1"])
  }

  @Test func severitiesOrderErrorsFirst() {
    #expect(Severity.error < .warning && Severity.warning < .note)
    #expect([Diagnostic]().containsErrors == false)
  }
}
