import Consultation
import Foundation
import KnowledgeBase
import RuleEngine
import Testing
import _ResilienzTestSupport

/// Resuming from a journal gives the consultation that wrote it: answers, withdrawals, `zurück`,
/// `überspringen` and `laden` replayed in order.
@Suite struct ConsultationResumeTests {
  static func index(_ id: String, in kb: KnowledgeBase) throws -> QuestionID {
    try #require(kb.questionIndex[id], "no question \(id)")
  }

  /// Runs `body` with the path of a journal in a scratch folder that holds `lines`.
  static func withJournal(_ lines: String, _ body: (String) throws -> Void) throws {
    let folder = try Fixture.temporaryDirectory("resume-journal")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    try Data(lines.utf8).write(to: URL(fileURLWithPath: path))
    try body(path)
  }

  @Test func resumedConsultationEqualsTheOneThatWroteTheJournal() throws {
    let kb = try Fixture.dialogueKnowledgeBase()
    let folder = try Fixture.temporaryDirectory("resume")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    var (live, problems) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
    #expect(problems.isEmpty)
    let phase = try Self.index("lage.phase", in: kb)
    let weeks = try Self.index("lage.dauer_wochen", in: kb)
    let reserve = try Self.index("personal.reserve", in: kb)
    let areas = try Self.index("lage.bereiche", in: kb)
    try live.set(phase, to: .option(1))
    try live.set(weeks, to: .number(.init(12)))
    try live.set(areas, to: .options(0b101))
    try live.set(reserve, to: .unknown)
    try live.set(weeks, to: nil)
    _ = try live.back()
    _ = try live.back()
    if let current = live.currentQuestion { try live.skip(current) }
    try live.replaceAnswers([phase: .option(2), weeks: .number(.init(hundredths: 250))])
    try live.set(reserve, to: .option(0))
    _ = try live.back()

    // Read beside the live consultation, which holds the journal's lock.
    let (resumed, resumeProblems) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
    #expect(resumeProblems.isEmpty, "\(resumeProblems)")
    #expect(resumed.engine.answers == live.engine.answers)
    #expect(resumed.skipped == live.skipped)
    #expect(resumed.currentQuestion == live.currentQuestion)
    #expect(conclusions(of: resumed.engine) == conclusions(of: live.engine))
  }

  /// The municipality's own name for the staff is kept in the journal and comes back on resume;
  /// returning to the knowledge base's name is kept too, and a term the knowledge base no longer
  /// has is reported, not applied.
  @Test func ownTermTextsComeBackOnResume() throws {
    let kb = try Fixture.dialogueKnowledgeBase()
    let folder = try Fixture.temporaryDirectory("resume-terms")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    var (live, _) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
    try live.setTermText("stab", to: "Verwaltungsstab Musterstadt")
    #expect(throws: TermTextError.empty) { try live.setTermText("stab", to: "  ") }
    #expect(live.engine.filled("der Stab ({stab})") == "der Stab (Verwaltungsstab Musterstadt)")
    var (resumed, problems) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
    #expect(problems.isEmpty, "\(problems)")
    #expect(resumed.engine.termTexts == ["stab": "Verwaltungsstab Musterstadt"])
    try live.setTermText("stab", to: nil)
    (resumed, _) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
    #expect(resumed.engine.termTexts.isEmpty)
    #expect(resumed.engine.filled("{stab}") == "Krisenstab")

    let journal =
      #"{"op":"start","knowledgeBase":"shell-test","version":"1.0"}"# + "\n"
      + #"{"op":"term","question":"lagezentrum","text":"Lagezentrum"}"# + "\n"
    try Self.withJournal(journal) { path in
      let (replayed, problems) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
      #expect(replayed.engine.termTexts.isEmpty)
      #expect(problems.count == 1 && problems[0].contains("lagezentrum"), "\(problems)")
    }
  }

  /// Every answer keeps when it was given and by whom, through the journal and through `back`.
  @Test func stampsComeBackOnResumeAndBack() throws {
    let kb = try Fixture.dialogueKnowledgeBase()
    let folder = try Fixture.temporaryDirectory("resume-stamps")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    var (live, _) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
    let phase = try Self.index("lage.phase", in: kb)
    let early = Date(timeIntervalSince1970: 1_796_000_000)
    let late = early.addingTimeInterval(8 * 3600)
    live.clock = { early }
    live.author = "S2 Lage"
    try live.set(phase, to: .option(1))
    live.clock = { late }
    live.author = nil
    try live.set(phase, to: .option(2))
    #expect(live.stamps[phase] == AnswerStamp(time: late, by: nil))
    var (resumed, problems) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
    #expect(problems.isEmpty, "\(problems)")
    #expect(resumed.stamps == live.stamps)
    _ = try resumed.back()
    #expect(resumed.stamps[phase] == AnswerStamp(time: early, by: "S2 Lage"))
    _ = try live.back()
    _ = try live.back()
    (resumed, _) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
    #expect(resumed.stamps[phase] == nil)
  }

  /// A measure given to someone and marked done comes back on resume with owner, deadline, time
  /// and who said it; a task for a measure the knowledge base no longer has is reported.
  @Test func tasksComeBackOnResume() throws {
    let kb = try Fixture.dialogueKnowledgeBase()
    let folder = try Fixture.temporaryDirectory("resume-tasks")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    var (live, _) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
    live.clock = { Date(timeIntervalSince1970: 1_796_000_000) }
    live.author = "S2 Lage"
    try live.set(try Self.index("stab.vorhanden", in: kb), to: .option(1))
    let measure = try #require(kb.measureIndex["stab-einrichten"])
    let other = try #require(
      kb.measureIndex.keys.sorted().compactMap { kb.measureIndex[$0] }.first { !live.engine.isRecommended($0) })
    #expect(throws: MeasureTaskError.noOwner) { try live.assign(measure, to: " ", due: nil) }
    #expect(throws: MeasureTaskError.self) { try live.assign(other, to: "S1", due: nil) }
    try live.assign(measure, to: "S1 Personal", due: "18 Uhr")
    try live.markDone(measure)
    let (resumed, problems) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
    #expect(problems.isEmpty, "\(problems)")
    #expect(resumed.tasks == live.tasks)
    #expect(resumed.tasks[measure]?.done == true)
    #expect(
      resumed.tasks[measure]?.german == "Erledigt – Auftrag an S1 Personal, bis 18 Uhr (30.11.2026 1:53 Uhr, S2 Lage)")

    let journal =
      #"{"op":"start","knowledgeBase":"shell-test","version":"1.0"}"# + "\n"
      + #"{"op":"task","question":"gibt-es-nicht","answer":"assign","text":"S1"}"# + "\n"
    try Self.withJournal(journal) { path in
      let (replayed, problems) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
      #expect(replayed.tasks.isEmpty)
      #expect(problems.count == 1 && problems[0].contains("gibt-es-nicht"), "\(problems)")
    }
  }

  /// The count offered at start („Eine gespeicherte Beratung mit N Antworten“) is the number of
  /// answers the resumed consultation has.
  @Test func answerCountAgreesWithTheResumedConsultation() throws {
    let kb = try Fixture.dialogueKnowledgeBase()
    let folder = try Fixture.temporaryDirectory("count")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    var (live, _) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
    try live.set(try Self.index("lage.phase", in: kb), to: .option(1))
    try live.set(try Self.index("personal.reserve", in: kb), to: .option(0))
    _ = try live.back()
    let resumed = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path)).0
    let answers = resumed.engine.answers.compactMap { $0 }.count
    #expect(answers == 1)
    #expect(Consultation.answerCount(inJournal: path) == answers)

  }

  /// A journal from an older knowledge base: an answer that no longer fits is dropped, and a
  /// later `zurück` must undo that answer, not the one before it.
  @Test func backAfterAnAnswerThatNoLongerFits() throws {
    let kb = try Fixture.dialogueKnowledgeBase()
    try Self.withJournal(
      """
      {"knowledgeBase":"shell-test","op":"start","version":"0.9"}
      {"answer":"keine","op":"set","question":"personal.reserve"}
      {"answer":"9","op":"set","question":"personal.belastung"}
      {"op":"back"}

      """
    ) { path in
      let (resumed, problems) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
      #expect(problems.contains { $0.hasPrefix("personal.belastung = 9: 9 liegt außerhalb") })
      let reserve = try Self.index("personal.reserve", in: kb)
      #expect(resumed.engine.answers[reserve] == .option(0))
    }
  }

  /// Issue 11.4: a journal answers a question the knowledge base no longer has. Replay keeps a
  /// step for it, so the journal's `back` undoes that answer, not the one before it.
  @Test func replayedBackAfterAQuestionThatIsGone() throws {
    let kb = try Fixture.dialogueKnowledgeBase()
    try Self.withJournal(
      """
      {"knowledgeBase":"shell-test","op":"start","version":"1.0"}
      {"answer":"keine","op":"set","question":"personal.reserve"}
      {"answer":"ja","op":"set","question":"lage.entfallen"}
      {"op":"back"}

      """
    ) { path in
      let (resumed, problems) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
      #expect(problems.contains { $0.contains("„lage.entfallen“ gibt es nicht mehr") }, "\(problems)")
      #expect(resumed.engine.answers[try Self.index("personal.reserve", in: kb)] == .option(0))
    }
  }

  /// Issue 11.4: after resuming, `zurück` first takes back the answer that no longer applies,
  /// changing no answer, and the journal stays aligned for the next resume.
  @Test func backAfterResumingPassesOverAQuestionThatIsGone() throws {
    let kb = try Fixture.dialogueKnowledgeBase()
    try Self.withJournal(
      """
      {"knowledgeBase":"shell-test","op":"start","version":"1.0"}
      {"answer":"keine","op":"set","question":"personal.reserve"}
      {"answer":"ja","op":"set","question":"lage.entfallen"}

      """
    ) { path in
      var (live, _) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
      let reserve = try Self.index("personal.reserve", in: kb)
      guard case .unapplied(let id) = try #require(try live.back()) else {
        Issue.record("'back' undid an answer instead of the one that no longer applies")
        return
      }
      #expect(id == "lage.entfallen")
      #expect(live.engine.answers[reserve] == .option(0))
      // The live consultation holds the journal; its records replay to the same answers.
      let (resumed, _) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
      #expect(resumed.engine.answers == live.engine.answers)
      #expect(resumed.history.count == live.history.count, "a later 'back' undoes the same answer")
      guard case .answer(let outcome) = try #require(try live.back()) else {
        Issue.record("the second 'back' does not undo personal.reserve")
        return
      }
      #expect(outcome.question == reserve)
      #expect(live.engine.answers[reserve] == nil)
    }
  }

  /// Issue 11.5: an empty several-of answer in an older journal is reported, not acknowledged
  /// and dropped silently, and does not shift `back`.
  @Test func emptySeveralOfAnswerInAJournalIsReported() throws {
    let kb = try Fixture.dialogueKnowledgeBase()
    try Self.withJournal(
      """
      {"answer":"keine","op":"set","question":"personal.reserve"}
      {"answer":"","op":"set","question":"lage.bereiche"}
      {"op":"back"}

      """
    ) { path in
      let (resumed, problems) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
      #expect(problems.contains { $0.hasPrefix("lage.bereiche = : ") }, "\(problems)")
      #expect(resumed.engine.answers[try Self.index("personal.reserve", in: kb)] == .option(0))
    }
  }
}
