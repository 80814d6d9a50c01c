import RuleLanguage
import Testing

/// A condition as an S-expression, so that tests can compare tree shapes in one line.
func dump(_ condition: Condition) -> String {
  func list(_ values: [String]) -> String { "[" + values.joined(separator: " ") + "]" }
  switch condition {
  case .compare(let id, let op, let value, _): return "(\(op.rawValue) \(id.name) \(value.spelling))"
  case .membership(let id, let negated, let values, _):
    return "(\(negated ? "not-in" : "in") \(id.name) \(list(values.map(\.spelling))))"
  case .includes(let id, let mode, let values, _):
    return "(includes-\(mode.rawValue) \(id.name) \(list(values.map(\.spelling))))"
  case .answered(let id, let known, _): return "(\(known ? "known" : "unknown") \(id.name))"
  case .fact(let id): return id.name
  case .pattern(let id, let state, _): return "(pattern \(id.name) \(state.rawValue))"
  case .factorCompare(let id, let op, let level, _): return "(factor \(id.name) \(op.rawValue) \(level.name))"
  case .factorMembership(let id, let negated, let levels, _):
    return "(factor \(id.name) \(negated ? "not-in" : "in") \(list(levels.map(\.name))))"
  case .not(let inner, _): return "(not \(dump(inner)))"
  case .and(let lhs, let rhs): return "(and \(dump(lhs)) \(dump(rhs)))"
  case .or(let lhs, let rhs): return "(or \(dump(lhs)) \(dump(rhs)))"
  }
}

/// Parses `condition` as the `when` clause of a rule.
func parseWhen(_ condition: String) -> (file: SourceFile, condition: Condition?, diagnostics: [Diagnostic]) {
  let file = SourceFile(path: "t.rules", text: "rule r\n  source q\n  when \(condition)\n  then derive f\n")
  let (parsed, diagnostics) = RuleParser.parse(file)
  return (file, parsed.rules.first?.condition, diagnostics)
}

@Suite struct RuleParserTests {
  @Test(arguments: [
    ("a and b or c", "(or (and a b) c)"),
    ("a or b and c", "(or a (and b c))"),
    ("a and b and c", "(and (and a b) c)"),
    ("a or b or c", "(or (or a b) c)"),
    ("not a and b", "(and (not a) b)"),
    ("not a or not b and c", "(or (not a) (and (not b) c))"),
    ("not (a and b)", "(not (and a b))"),
    ("not not a", "(not (not a))"),
    ("a and (b or c)", "(and a (or b c))"),
    ("((a))", "a"),
    ("x = 1 and y != nein", "(and (= x 1) (!= y nein))"),
    ("x < -2.5 or x <= 0 or x > 1 or x >= 1.25", "(or (or (or (< x -2.5) (<= x 0)) (> x 1)) (>= x 1.25))"),
    ("x in [u, v]", "(in x [u v])"),
    ("x not in [u]", "(not-in x [u])"),
    ("not x in [u]", "(not (in x [u]))"),
    ("not x not in [u]", "(not (not-in x [u]))"),
    ("x includes u", "(includes-one x [u])"),
    ("x includes any [u, v]", "(includes-any x [u v])"),
    ("x includes all [u, v, w]", "(includes-all x [u v w])"),
    ("x is known and y is unknown", "(and (known x) (unknown y))"),
    ("pattern p suspected or pattern p established", "(or (pattern p suspected) (pattern p established))"),
    ("factor f <= schwach", "(factor f <= schwach)"),
    ("factor f in [kritisch, schwach]", "(factor f in [kritisch schwach])"),
    ("factor f not in [stark]", "(factor f not-in [stark])"),
    (
      "lage.dauer_wochen >= 4\n       and personal.reserve in [keine, gering]",
      "(and (>= lage.dauer_wochen 4) (in personal.reserve [keine gering]))"
    ),
  ])
  func conditionShape(_ source: String, _ expected: String) {
    let (_, condition, diagnostics) = parseWhen(source)
    #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
    #expect(condition.map(dump) == expected)
  }

  @Test func conditionRangesCoverTheirText() throws {
    let (file, parsed, _) = parseWhen("not größe >= 4 and (x in [a, b] or f)")
    let condition = try #require(parsed)
    #expect(file.text(in: condition.range) == "not größe >= 4 and (x in [a, b] or f")
    guard case .and(let lhs, let rhs) = condition else {
      Issue.record("expected 'and', got \(dump(condition))")
      return
    }
    #expect(file.text(in: lhs.range) == "not größe >= 4")
    #expect(file.text(in: rhs.range) == "x in [a, b] or f")
    #expect(file.location(of: rhs.range.start) == SourceLocation(line: 3, column: 28))
  }

  @Test func standaloneCondition() {
    let condition = "lage.phase != vorsorge and x is known"
    let file = SourceFile(path: "k.yaml", text: "    relevant: \"\(condition)\"\n")
    let range = SourceRange(start: 15, end: 15 + condition.utf8.count)
    let (parsed, diagnostics) = RuleParser.parseCondition(in: file, range: range)
    #expect(diagnostics.isEmpty)
    #expect(parsed.map(dump) == "(and (!= lage.phase vorsorge) (known x))")
  }

  @Test(arguments: [
    ("", "1:1 expected-condition"),
    ("x = ja y", "1:8 unexpected-token"),
    ("x in [ja", "1:9 expected-list-close"),
  ])
  func standaloneConditionErrors(_ text: String, _ expected: String) {
    let file = SourceFile(path: "k.yaml", text: text)
    let (_, diagnostics) = RuleParser.parseCondition(in: file, range: SourceRange(start: 0, end: file.bytes.count))
    #expect(diagnostics.map { "\($0.site.location!) \($0.id)" } == [expected])
  }

  @Test func declarationsAndConclusions() throws {
    let file = SourceFile(
      path: "t.rules",
      text: """
        fact personal.ueberlastet "Das Personal ist \\"dauerhaft\\" überlastet"

        rule alle-folgerungen
          source q1, q2
          when x
          then derive personal.ueberlastet
               evidence dauerkrise +3 because "Drei Punkte"
               evidence flut -0.75
               assess rf3 schwach
               recommend pool weight 2.5
                 because "Lange Lagen erschöpfen das Stammpersonal."

        """)
    let (parsed, diagnostics) = RuleParser.parse(file)
    #expect(diagnostics.isEmpty)
    #expect(parsed.facts.map(\.id.name) == ["personal.ueberlastet"])
    #expect(parsed.facts.first?.text?.text == "Das Personal ist \"dauerhaft\" überlastet")
    let rule = try #require(parsed.rules.first)
    #expect(rule.id.name == "alle-folgerungen")
    #expect(rule.sources.map(\.name) == ["q1", "q2"])
    let conclusions = rule.conclusions.map { conclusion -> String in
      let kind: String
      switch conclusion.kind {
      case .derive(let fact): kind = "derive \(fact.name)"
      case .evidence(let pattern, let points): kind = "evidence \(pattern.name) \(points)"
      case .assess(let factor, let level): kind = "assess \(factor.name) \(level.name)"
      case .recommend(let measure, let weight): kind = "recommend \(measure.name) \(weight)"
      }
      return kind + (conclusion.reason.map { " because \($0.text)" } ?? "")
    }
    #expect(
      conclusions == [
        "derive personal.ueberlastet", "evidence dauerkrise 3 because Drei Punkte", "evidence flut -0.75",
        "assess rf3 schwach", "recommend pool 2.5 because Lange Lagen erschöpfen das Stammpersonal.",
      ])
    #expect(file.location(of: rule.range.start) == SourceLocation(line: 3, column: 1))
    // The rule ends with its last reason, at the end of line 11.
    #expect(
      file.location(of: rule.range.end)
        == SourceLocation(line: 11, column: file.lineText(11).unicodeScalars.count + 1))
  }

  /// After an error the parser goes on with the next declaration.
  @Test func recoversAtTheNextDeclaration() {
    let file = SourceFile(
      path: "t.rules",
      text: """
        rule kaputt
          source q1
          when x = = 3
          then derive f
        rule heil
          source q1
          when x = 3
          then derive f
        fact f "F"

        """)
    let (parsed, diagnostics) = RuleParser.parse(file)
    #expect(diagnostics.map { "\($0.site.location!) \($0.id)" } == ["3:12 expected-value"])
    #expect(parsed.rules.map(\.id.name) == ["kaputt", "heil"])
    #expect(parsed.rules.last?.condition.map(dump) == "(= x 3)")
    #expect(parsed.facts.map(\.id.name) == ["f"])
  }

  @Test func emptyFileIsAWarning() {
    let (parsed, diagnostics) = RuleParser.parse(SourceFile(path: "t.rules", text: "\n# nichts\n\n"))
    #expect(parsed.rules.isEmpty && parsed.facts.isEmpty)
    #expect(diagnostics.map(\.id.rawValue) == ["empty-file"])
    #expect(diagnostics.map(\.severity) == [.warning])
  }

  @Test func invalidUTF8StopsParsing() {
    let (parsed, diagnostics) = RuleParser.parse(
      SourceFile(path: "t.rules", bytes: Array("rule r\n  when ".utf8) + [0xC3, 0x28] + Array(" = 1\n".utf8)))
    #expect(parsed.rules.isEmpty)
    #expect(diagnostics.map { "\($0.site.location!) \($0.id)" } == ["2:8 invalid-utf8"])
  }

  @Test func nulIsAnUnexpectedCharacter() {
    let (_, diagnostics) = RuleParser.parse(SourceFile(path: "t.rules", bytes: Array("fact f \"F\"\n".utf8) + [0]))
    let located = diagnostics.map { "\($0.site.location!) \($0.id)" }
    #expect(located.first == "2:1 unexpected-character")
    #expect(located == ["2:1 unexpected-character"])
  }
}
