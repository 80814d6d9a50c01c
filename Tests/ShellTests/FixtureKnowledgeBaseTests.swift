import Foundation
import Testing

/// The fixture knowledge base stays clean, so that the shell's tests fail for the shell's
/// reasons only.
@Suite struct FixtureKnowledgeBaseTests {
  @Test func fixtureIsCleanUnderStrictCheck() throws {
    let (status, output) = try ShellFixture.run(
      ["check", "--kb", ShellFixture.knowledgeBaseDirectory, "--strict"], in: ShellFixture.folder)
    #expect(status == 0, "\(output)")
    #expect(output == "keine Probleme gefunden\n")
  }

  /// Every kind of content the shell renders is present at least once.
  @Test func fixtureHasEveryKindOfContent() throws {
    let kb = try ShellFixture.knowledgeBase()
    #expect(Set(kb.questions.map(\.type)).count == 5, "yesno, choice, multi, number, scale")
    #expect(kb.groups.count >= 2)
    #expect(kb.terms.map(\.id) == ["stab"])
    #expect(kb.facts.count >= 2)
    #expect(kb.patterns.count >= 1)
    #expect(kb.measures.contains { !$0.examples.isEmpty })
    #expect(kb.questions.contains { $0.relevance != nil })
  }
}
