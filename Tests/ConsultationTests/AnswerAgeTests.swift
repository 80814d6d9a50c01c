import Consultation
import Foundation
import KnowledgeBase
import Testing
import _ResilienzTestSupport

/// Answers age: the knowledge base says how long an answer holds (`valid_for`), older ones are
/// flagged, and `confirm` re-stamps them without changing them — through the journal.
@Suite struct AnswerAgeTests {
  static let start = Date(timeIntervalSince1970: 1_764_921_600)  // 2025-12-05 08:00 UTC

  static func question(_ id: String, _ kb: KnowledgeBase) throws -> QuestionID {
    try #require(kb.questionIndex[id], "no question \(id)")
  }

  @Test func durationsReadFromTheKnowledgeBase() throws {
    let kb = try #require(KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot).knowledgeBase)
    #expect(kb.questions[try Self.question("lage.phase", kb)].validFor == 6 * 3_600)
    #expect(kb.questions[try Self.question("hochwasser.anzeichen", kb)].validFor == 6 * 3_600)
    #expect(kb.questions[try Self.question("stab.organisationsplan", kb)].validFor == 52 * 604_800)
  }

  @Test func oldAnswersAreFlaggedAndConfirmationSurvivesAResume() throws {
    let kb = try #require(KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot).knowledgeBase)
    let folder = try Fixture.temporaryDirectory("alter")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("beratung.journal").path
    let phase = try Self.question("lage.phase", kb)
    let staff = try Self.question("stab.organisationsplan", kb)
    do {
      var (live, _) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
      live.clock = { Self.start }
      try live.set(phase, to: .option(2))
      try live.set(staff, to: .option(0))
      #expect(live.staleAnswers.isEmpty)
      #expect(live.age(of: phase)?.german == nil, "under a minute has no age")
      // Seven hours later: the phase is older than its six hours, the staff question is not.
      live.clock = { Self.start.addingTimeInterval(7 * 3_600) }
      #expect(live.staleAnswers.map(\.question) == [phase])
      #expect(live.age(of: phase)?.german == "vor 7 Std.")
      #expect(live.age(of: staff)?.isStale == false)
      live.author = "S2 Lage"
      try live.confirm(live.staleAnswers.map(\.question))
      #expect(live.staleAnswers.isEmpty)
      #expect(live.answer(phase) == .option(2), "confirming changes no answer")
      #expect(live.stamps[phase]?.by == "S2 Lage")
    }
    var (resumed, problems) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
    #expect(problems.isEmpty)
    resumed.clock = { Self.start.addingTimeInterval(8 * 3_600) }
    #expect(resumed.staleAnswers.isEmpty, "the confirmation is in the journal")
    #expect(resumed.age(of: phase)?.german == "vor 60 Min." || resumed.age(of: phase)?.german == "vor 1 Std.")
    #expect(resumed.age(of: staff)?.german == "vor 8 Std.")
  }

  @Test(
    arguments: [
      (59.0, nil), (60.0, "vor 1 Min."), (3_599.0, "vor 59 Min."), (3_600.0, "vor 1 Std."),
      (47 * 3_600.0, "vor 47 Std."), (48 * 3_600.0, "vor 2 Tagen"), (20 * 86_400.0, "vor 2 Wochen"),
    ] as [(Double, String?)])
  func agesReadAsPeopleSayThem(seconds: Double, text: String?) {
    #expect(AnswerStamp.germanAge(seconds) == text)
  }
}

/// Where an answer's information came from (`quelle`) stays with the answer through the journal.
@Suite struct AnswerSourceTests {
  @Test func sourceIsKeptWithTheAnswerThroughAResume() throws {
    let kb = try #require(KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot).knowledgeBase)
    let folder = try Fixture.temporaryDirectory("quelle")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("beratung.journal").path
    let phase = try AnswerAgeTests.question("lage.phase", kb)
    let kind = try AnswerAgeTests.question("lage.art", kb)
    do {
      var (live, _) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
      live.clock = { AnswerAgeTests.start }
      live.author = "S2 Lage"
      try live.set(kind, to: .options(1 << 2))
      live.informationSource = "Meldung Stadtwerke 14:10 Uhr"
      try live.set(phase, to: .option(2))
      #expect(live.stamps[kind]?.source == nil)
      #expect(live.stamps[phase]?.german() == "5.12.2025 9:00 Uhr, S2 Lage, laut Meldung Stadtwerke 14:10 Uhr")
    }
    let (resumed, _) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
    #expect(resumed.stamps[phase]?.source == "Meldung Stadtwerke 14:10 Uhr")
    #expect(resumed.stamps[kind]?.source == nil)
  }
}
