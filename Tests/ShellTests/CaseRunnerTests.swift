import Consultation
import Foundation
import KnowledgeBase
import RuleLanguage
import Shell
import Testing
import _ResilienzTestSupport

/// Case files, their parser's messages, and the case runner over the shipped knowledge base.
@Suite struct CaseRunnerTests {
  static let root = Fixture.repositoryRoot
  static let casesFolder = root + "/Rules/cases"

  static func shipped() throws -> KnowledgeBase {
    try #require(KnowledgeBaseLoader.load(directory: root, lint: false).knowledgeBase)
  }

  static func golden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    if let problem = Golden.check(text, named: name, in: "Snapshots") {
      Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
  }

  static func caseText(_ name: String) throws -> String {
    try #require(ScriptLineSource.readFile(casesFolder + "/" + name))
  }

  @Test func everyShippedCaseParsesAndCitesItsFacts() throws {
    let kb = try Self.shipped()
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.casesFolder).filter { $0.hasSuffix(".case") }
    #expect(names.count == 10)
    for name in names {
      let parsed = CaseFileParser.parse(path: name, text: try Self.caseText(name), knowledgeBase: kb)
      #expect(parsed.diagnostics.isEmpty, "\(DiagnosticRenderer().render(parsed.diagnostics))")
      let file = try #require(parsed.file)
      #expect(name.hasPrefix(file.id + "-"))
      #expect(file.answers.values.allSatisfy { !$0.facts.isEmpty })
      #expect(file.patterns.count == kb.patterns.count)
      #expect(file.expected.filter(\.must).count == 3)
    }
  }

  @Test func parseErrorsNameTheirPlace() throws {
    let text = """
      case D99
      title Ein fehlerhafter Fall
      phase bewältigen
      kind akut
      main strom
      unknown F16 G1
      set lage.art = stromausfal                 [F01]
      set lage.artt = stromausfall               [F01]
      set lage.phase = bewaeltigung
      set strom.stunden = 38                     [F02, F16]
      set strom.frost = ja                       [X1]
      set kommune.land = nw                      [Land]
      set kommune.land = by                      [F03]
      measure must bald: Notstrom sichern
      full treibstofflogistik
      measure sofort Notstrom sichern
      measure sofort: Treibstoff
        full treibstofflogistk treibstofflogistik
        partial treibstofflogistik
      mustnot stabsstelle
      pattern stromausfall sicher
      pattern hitzewelle none
      pattern hitze none
      pattern hitze suspected
      minimum questions 20
      maximum flags viele
      frage x

      """
    let parsed = CaseFileParser.parse(path: "fehler.case", text: text, knowledgeBase: try Self.shipped())
    #expect(parsed.file == nil)
    Self.golden(DiagnosticRenderer().render(parsed.diagnostics), "case-parse-errors.txt")
  }

  @Test func pandemicListRejectsUnknownAndDuplicateMeasures() throws {
    let parsed = CaseFileParser.parseMeasureList(
      path: "liste.list", text: "# Kommentar\nschichtmodell\nquarantaene\nschichtmodell\n",
      knowledgeBase: try Self.shipped())
    #expect(parsed.ids == ["schichtmodell"])
    #expect(
      DiagnosticRenderer().render(parsed.diagnostics).split(separator: "\n").filter { $0.hasPrefix("liste.list") } == [
        "liste.list:3:1: error: Unbekannte Maßnahme „quarantaene“.",
        "liste.list:4:1: error: Die Maßnahme „schichtmodell“ steht doppelt in der Liste.",
      ])
  }

  /// The whole set over the shipped knowledge base: every change in the advice shows here.
  @Test func allCasesOverTheShippedKnowledgeBase() {
    var runner = ScriptTestRunner(knowledgeBaseDirectory: Self.root, paths: [Self.casesFolder])
    let output = BufferOutputSink()
    let status = runner.run(output: output)
    let text = output.text.replacingOccurrences(of: Self.root + "/", with: "")
    #expect(status == 0, "\(text)")
    let lines = text.split(separator: "\n")
    #expect(lines.last == "10 bestanden, 0 fehlgeschlagen")
    #expect(lines.dropLast().last?.hasPrefix("Fälle: 10, Fragen Median ") == true)
    Self.golden(text, "cases.txt")

    runner.format = .json
    let json = BufferOutputSink()
    _ = runner.run(output: json)
    let parsed = try? JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any]
    #expect((parsed?["passed"] as? Int) == 10)
    #expect((parsed?["cases"] as? [Any])?.count == 10)
    #expect(((parsed?["caseSummary"] as? [String: Any])?["cases"] as? Int) == 10)
  }

  @Test func filterSelectsOneCase() {
    var runner = ScriptTestRunner(knowledgeBaseDirectory: Self.root, paths: [Self.casesFolder])
    runner.filter = "D03"
    let output = BufferOutputSink()
    #expect(runner.run(output: output) == 0)
    #expect(output.text.hasPrefix("Fall D03 – "))
    #expect(output.text.contains("\nFälle: 1, "))
    #expect(output.text.hasSuffix("1 bestanden, 0 fehlgeschlagen\n"))
  }

  @Test func unmetFloorFailsTheCase() throws {
    let kb = try Self.shipped()
    let name = "D01-muensterland-stromausfall-2005.case"
    let original = try Self.caseText(name)
    // Raise the case's own floors beyond reach, whatever today's figures are.
    let raised = original.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasPrefix("minimum recall ")
        ? "minimum recall 0.99"
        : line.hasPrefix("maximum questions ") ? "maximum questions 1" : String(line)
    }.joined(separator: "\n")
    #expect(raised != original)
    let file = try #require(CaseFileParser.parse(path: name, text: raised, knowledgeBase: kb).file)
    let result = CaseRunner(knowledgeBase: kb, pandemicList: []).play(file)
    #expect(!result.passed)
    #expect(result.figures.recall < 0.99)
    let lines = raised.split(separator: "\n", omittingEmptySubsequences: false)
    let recallLine = try #require(lines.firstIndex { $0 == "minimum recall 0.99" }) + 1
    let questionsLine = try #require(lines.firstIndex { $0 == "maximum questions 1" }) + 1
    let recall = String(format: "%.2f", result.figures.recall)
    #expect(
      result.failures == [
        "\(name):\(recallLine): recall \(recall) liegt unter dem Minimum 0.99.",
        "\(name):\(questionsLine): questions \(result.questions) liegt über dem Maximum 1.",
      ])
  }

  @Test func unansweredQuestionsAreOutsideTheSheet() throws {
    let kb = try Self.shipped()
    let name = "D01-muensterland-stromausfall-2005.case"
    let file = try #require(CaseFileParser.parse(path: name, text: try Self.caseText(name), knowledgeBase: kb).file)
    let result = CaseRunner(knowledgeBase: kb, pandemicList: []).play(file)
    #expect(result.questions <= CaseRunner.questionCap)
    for exchange in result.dialogue {
      let question = try #require(kb.questionIndex[exchange.question])
      if let known = file.answers[question] {
        #expect(!exchange.outsideSheet)
        #expect(exchange.answer == AnswerParser.format(known.answer, for: kb.questions[question]))
      } else {
        #expect(exchange.outsideSheet)
        #expect(exchange.answer == "?")
      }
    }
  }

  @Test func windowsLineEndingsParseAlike() throws {
    let kb = try Self.shipped()
    let name = "D07-hetzles-trinkwasser-2018.case"
    let text = try Self.caseText(name)
    let unix = try #require(CaseFileParser.parse(path: name, text: text, knowledgeBase: kb).file)
    let parsed = CaseFileParser.parse(
      path: name, text: text.replacingOccurrences(of: "\n", with: "\r\n"), knowledgeBase: kb)
    #expect(parsed.diagnostics.isEmpty, "\(DiagnosticRenderer().render(parsed.diagnostics))")
    #expect(parsed.file?.answers.count == unix.answers.count)
    #expect(parsed.file?.floors.count == unix.floors.count)
  }

  /// Whatever a case file contains, the parser answers with a case or with diagnostics.
  @Test func mutatedCaseFilesNeverCrashTheParser() throws {
    let kb = try Self.shipped()
    let original = Array(try Self.caseText("D01-muensterland-stromausfall-2005.case").unicodeScalars)
    let inserts: [Unicode.Scalar] = [
      "[", "]", "=", ",", ":", "#", "\n", "\r", " ", "\t", "/", "F", "ä", "\u{301}", "\0",
    ]
    var generator = SplitMix64(seed: 12)
    for _ in 0..<300 {
      var scalars = original
      for _ in 0..<Int.random(in: 1...6, using: &generator) {
        let position = Int.random(in: 0..<scalars.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: scalars.remove(at: position)
        case 1: scalars.insert(inserts.randomElement(using: &generator) ?? " ", at: position)
        default: scalars[position] = inserts.randomElement(using: &generator) ?? " "
        }
      }
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      let parsed = CaseFileParser.parse(path: "mutiert.case", text: text, knowledgeBase: kb)
      #expect((parsed.file == nil) != parsed.diagnostics.isEmpty)
      _ = DiagnosticRenderer().render(parsed.diagnostics)
    }
  }
}

/// The case runner on the small fixture knowledge base, where the tool runs out of questions.
@Suite struct CaseRunnerFixtureTests {
  @Test func dialogueEndsWhenTheToolHasNothingMoreToAsk() throws {
    let kb = try ShellFixture.knowledgeBase()
    let text = """
      case T01
      title Lange Lage ohne Reserve
      phase bewaeltigung
      kind acute
      main dauerkrise
      set lage.phase = bewaeltigung    [Phase]
      set lage.art = pandemie          [F01]
      set lage.dauer_wochen = 30       [F02]
      set personal.reserve = keine     [F03]
      set stab.vorhanden = ja          [F04]
      measure must kurzfristig: Reserve schaffen
        full reservepool
      measure sofort: Belastung steuern
        full belastungssteuerung
      pattern dauerkrise established
      pattern sturzflut none
      maximum questions 60

      """
    let file = try #require(CaseFileParser.parse(path: "t01.case", text: text, knowledgeBase: kb).file)
    let result = CaseRunner(knowledgeBase: kb, pandemicList: []).play(file)
    #expect(result.stable)
    #expect(result.questions < CaseRunner.questionCap)
    // Every question the case knows was asked; the others were answered „weiß nicht“.
    #expect(result.unasked.isEmpty)
    #expect(result.outsideSheet == result.questions - file.answers.count)
    #expect(result.unknownAnswers == result.outsideSheet)
    #expect(result.figures.mustHits == 1, "a long situation without reserve brings the reserve pool")
    #expect(result.patterns["sturzflut"] == .inactive)
    #expect(result.passed, "\(result.failures)")
    #expect(result.recallAfter.map(\.questions) == [5, 10, 20])
    if result.questions < 20 {
      #expect(result.recallAfter.last?.recall == result.figures.recall, "after the end, the final top 10 counts")
    }
  }
}
