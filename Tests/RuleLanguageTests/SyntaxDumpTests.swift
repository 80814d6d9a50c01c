import Foundation
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// A parsed rule file as an indented tree with `line:column` of every node.
func dump(_ parsed: RuleFile) -> String {
  let file = parsed.file
  func at(_ range: SourceRange) -> String {
    "@\(file.location(of: range.start))-\(file.location(of: range.end))"
  }
  var lines: [String] = []
  for fact in parsed.facts {
    lines.append("fact \(fact.id.name) \(at(fact.range))")
    lines.append("  text \"\(fact.text?.text ?? "")\" \(fact.text.map { at($0.range) } ?? "")")
  }
  for rule in parsed.rules {
    lines.append("rule \(rule.id.name) \(at(rule.range))")
    lines.append("  source " + rule.sources.map { "\($0.name) \(at($0.range))" }.joined(separator: ", "))
    if let condition = rule.condition {
      lines.append("  when \(RuleLanguageTests.dump(condition)) \(at(condition.range))")
    }
    for conclusion in rule.conclusions {
      let kind: String
      switch conclusion.kind {
      case .derive(let fact): kind = "derive \(fact.name)"
      case .evidence(let pattern, let points): kind = "evidence \(pattern.name) \(points)"
      case .assess(let factor, let level): kind = "assess \(factor.name) \(level.name)"
      case .recommend(let measure, let weight): kind = "recommend \(measure.name) weight \(weight)"
      }
      lines.append("  then \(kind) \(at(conclusion.range))")
      if let reason = conclusion.reason { lines.append("    because \"\(reason.text)\" \(at(reason.range))") }
    }
  }
  return lines.joined(separator: "\n") + "\n"
}

@Suite struct SyntaxDumpTests {
  /// The code block under "A first rule" in `Rules/README.md`, with a fact in front of it.
  static func readmeExample() throws -> String {
    let data = try #require(FileManager.default.contents(atPath: Fixture.repositoryRoot + "/Rules/README.md"))
    let readme = String(decoding: data, as: UTF8.self)
    let section = try #require(readme.range(of: "## A first rule"))
    let rest = readme[section.upperBound...]
    let open = try #require(rest.range(of: "```\n"))
    let close = try #require(rest[open.upperBound...].range(of: "```"))
    return "fact personal.ueberlastet \"Das Stammpersonal ist dauerhaft überlastet\"\n\n"
      + rest[open.upperBound..<close.lowerBound]
  }

  @Test func readmeFirstRule() throws {
    let (parsed, diagnostics) = RuleParser.parse(SourceFile(path: "README.rules", text: try Self.readmeExample()))
    #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
    if let difference = Golden.check(dump(parsed), named: "readme-first-rule.txt") {
      Issue.record(Comment(rawValue: difference))
    }
  }
}
