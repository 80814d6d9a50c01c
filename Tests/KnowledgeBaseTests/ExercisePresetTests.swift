import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// Exercise presets are read with the shell's own answer grammar: `check` accepts what the shell
/// accepts and refuses, with its place, what the shell would refuse, so that no preset is dropped
/// silently when the exercise starts.
struct ExercisePresetTests {
  /// The base knowledge with a several-of question that has a "none" option.
  static let knowledge = Fixtures.baseKnowledge(
    replacing: "  - {id: last,",
    with:
      "  - {id: hilfe, text: Hilfe?, type: multi, values: [keine, thw, bundeswehr], help: h, group: lage}\n  - {id: last,"
  )

  static func load(answers: String) -> LoadResult {
    let exercise = """
      title: Übung
      type: Planübung
      objectives: [Ziel]
      municipality: Musterstadt
      situation: Lage
      answers:
      \(answers)
      injects:
        - {time: "T+0", title: Beginn, text: Es beginnt.}
      """
    var sources = KnowledgeSources(
      directory: ".",
      knowledgeFiles: [SourceFile(path: "Knowledge/base.yaml", bytes: Array(knowledge.utf8))],
      ruleFiles: [SourceFile(path: "Rules/base.rules", bytes: Array(Fixtures.cleanRules.utf8))])
    sources.exerciseFiles = [SourceFile(path: "Knowledge/exercises/uebung.yaml", bytes: Array(exercise.utf8))]
    return KnowledgeBaseLoader.compile(sources)
  }

  @Test func aDurationWithItsUnitIsAccepted() throws {
    let result = Self.load(answers: "  dauer: 10 Wochen\n  aufgaben: [test, hotline]")
    let kb = try #require(result.knowledgeBase, "\(DiagnosticRenderer().render(result.diagnostics))")
    let dauer = try #require(kb.questionIndex["dauer"])
    let aufgaben = try #require(kb.questionIndex["aufgaben"])
    let answers = try #require(kb.exercises.first).answers
    #expect(answers.count == 2)
    #expect(answers.first { $0.question == dauer }?.answer == .number(FixedDecimal(10)))
    #expect(answers.first { $0.question == aufgaben }?.answer == .options(0b101))
  }

  @Test func noneBesideAnotherOptionIsRefusedWithItsPlace() {
    let result = Self.load(answers: "  hilfe: keine, thw")
    let problems = result.diagnostics.filter { $0.id.rawValue == "invalid-answer" }
    #expect(problems.count == 1)
    let rendered = DiagnosticRenderer().render(problems)
    #expect(rendered.hasPrefix("Knowledge/exercises/uebung.yaml:7:3: error:"), "\(rendered)")
    #expect(rendered.contains("„keine“ schließt die anderen Antworten aus"), "\(rendered)")
  }
}
