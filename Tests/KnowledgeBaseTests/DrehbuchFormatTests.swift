import KnowledgeBase
import RuleLanguage
import Testing
import _ResilienzTestSupport

/// Exercise files in the Drehbuch format and in the earlier one, read with the base knowledge.
struct DrehbuchFormatTests {
  static func load(_ exercise: String) -> LoadResult {
    var sources = KnowledgeSources(
      directory: ".",
      knowledgeFiles: [
        SourceFile(path: "Knowledge/base.yaml", bytes: Array(Fixture.baseKnowledge.utf8)),
        SourceFile(path: "Knowledge/rollen.yaml", bytes: Array(DiagnosticCase.staffRoles.utf8)),
      ],
      ruleFiles: [SourceFile(path: "Rules/base.rules", bytes: Array(Fixtures.cleanRules.utf8))])
    sources.exerciseFiles = [SourceFile(path: "Knowledge/exercises/uebung.yaml", bytes: Array(exercise.utf8))]
    return KnowledgeBaseLoader.compile(sources)
  }

  @Test func aDrehbuchIsReadWithItsRolesObjectivesAndBranches() throws {
    let result = Self.load(DiagnosticCase.drehbuch)
    let kb = try #require(result.knowledgeBase, "\(DiagnosticRenderer().render(result.diagnostics))")
    #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer().render(result.diagnostics))")
    #expect(kb.staffRoles.map(\.id) == ["leitung", "s2", "s3"])
    let exercise = try #require(kb.exercises.first)
    #expect(
      exercise.roles.map(\.title) == [
        "Leitung des Stabes", "S2 Lage", "Übungsleitung", "Einlagensteuerung", "Beobachter",
      ])
    #expect(exercise.roles.map(\.isControl) == [false, false, true, true, true])
    let pool = try #require(kb.measureIndex["pool"])
    #expect(exercise.objectives.first?.measures == [pool])
    #expect(exercise.objectives.first?.horizon == ["Der Stab bildet einen Pool."])
    let alternative = try #require(exercise.inject("engpass-mit-pool"))
    #expect(alternative.condition == .decided(pool))
    #expect(alternative.replaces == "engpass")
    #expect(alternative.to == "s2")
    #expect(alternative.expected.isEmpty)
    #expect(alternative.expectedAction == "Der Stab hält den Pool.")
    #expect(exercise.inject("engpass")?.expected == [pool])
    #expect(exercise.alternatives(to: "engpass").map(\.id) == ["engpass-mit-pool"])
  }

  @Test func aFileOfTheEarlierFormatStillLoads() throws {
    let result = Self.load(
      """
      title: Übung
      type: Planübung
      objectives: [Der Stab sichert Personal., Der Stab warnt.]
      municipality: Musterstadt
      situation: Lage
      injects:
        - {time: "Tag 3", title: Beginn, text: Es beginnt., expected: [pool]}
        - {time: "Woche 2", title: Später, text: Es geht weiter.}
      """)
    let kb = try #require(result.knowledgeBase, "\(DiagnosticRenderer().render(result.diagnostics))")
    let exercise = try #require(kb.exercises.first)
    #expect(exercise.objectives.map(\.id) == ["ziel-1", "ziel-2"])
    #expect(exercise.injects.map(\.id) == ["einlage-1", "einlage-2"])
    #expect(exercise.injects.map(\.time) == ["Tag 3", "Woche 2"])
    #expect(exercise.injects.allSatisfy { $0.at == nil })
    #expect(exercise.roles.isEmpty)
  }

  @Test(arguments: [
    ("T+0", 0), ("T+45min", 45), ("T+2h", 120), ("T+4h45", 285), ("T+4h05", 245), ("T+2d", 2880),
    ("T+2d6h", 3240), ("T+3w", 30240), ("T+1w2d3h4min", 10080 + 2880 + 180 + 4),
  ])
  func exerciseTimesAreRead(text: String, minutes: Int) {
    #expect(ExerciseTime(text)?.minutes == minutes)
  }

  @Test(arguments: [
    "", "T+", "T-2h", "Tag 3", "T+2", "T+2h60", "T+2h3d", "T+2x", "T+h", "T+2h2h", "t+2h", "T+9999999h",
  ])
  func malformedExerciseTimesAreRefused(text: String) {
    #expect(ExerciseTime(text) == nil)
  }

  @Test(arguments: [0, 45, 120, 285, 245, 2880, 3240, 30240])
  func theShortFormReadsBack(minutes: Int) {
    #expect(ExerciseTime(ExerciseTime(minutes: minutes).text)?.minutes == minutes)
  }
}
