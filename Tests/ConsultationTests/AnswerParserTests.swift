import Consultation
import KnowledgeBase
import RuleEngine
import Testing
import _ResilienzTestSupport

/// German answers as people type them, parsed against the fixture's questions.
@Suite struct AnswerParserTests {
  enum Outcome: Sendable, CustomStringConvertible {
    /// Parsed; the answer as `AnswerParser.format` writes it.
    case answer(String)
    case error(AnswerError)

    var description: String {
      switch self {
      case .answer(let text): "answer \(text)"
      case .error(let error): "error \(error)"
      }
    }
  }

  static let phases = ["vorsorge", "bewaeltigung", "nachbereitung"]
  static let areas = ["gesundheit", "soziales", "ordnung", "it"]

  static let cases: [(question: String, input: String, outcome: Outcome)] = [
    // Yes/no
    ("stab.vorhanden", "Ja", .answer("ja")),
    ("stab.vorhanden", "NEIN", .answer("nein")),
    ("stab.vorhanden", "  j ", .answer("ja")),
    ("stab.vorhanden", "n", .answer("nein")),
    ("stab.vorhanden", "yes", .answer("ja")),
    ("stab.vorhanden", "vielleicht", .error(.notYesNo("vielleicht"))),
    ("stab.vorhanden", "1", .error(.notYesNo("1"))),
    // Weiß nicht, in every spelling
    ("stab.vorhanden", "?", .answer("?")),
    ("stab.vorhanden", "weiß nicht", .answer("?")),
    ("lage.dauer_wochen", "Weiß nicht", .answer("?")),
    ("lage.phase", "weiss nicht", .answer("?")),
    ("lage.bereiche", "WEISS NICHT", .answer("?")),
    ("personal.belastung", "unbekannt", .answer("?")),
    // Numbers with the German decimal comma or a point, with unit
    ("lage.dauer_wochen", "2,5", .answer("2,5")),
    ("lage.dauer_wochen", "2.5", .answer("2,5")),
    ("lage.dauer_wochen", "12", .answer("12")),
    ("lage.dauer_wochen", "12 Wochen", .answer("12")),
    ("lage.dauer_wochen", "0,05", .answer("0,05")),
    ("lage.dauer_wochen", "+3", .answer("3")),
    ("lage.dauer_wochen", "520", .answer("520")),
    ("lage.dauer_wochen", "zwölf", .error(.notANumber("zwölf"))),
    ("lage.dauer_wochen", "2,555", .error(.notANumber("2,555"))),
    (
      "lage.dauer_wochen", "1.000",
      .error(.outOfRange("1000", min: "0", max: "520", unit: "Wochen"))
    ),
    ("kommune.einwohnende", "4.800", .answer("4800")),
    ("kommune.einwohnende", "4 800", .answer("4800")),
    ("kommune.einwohnende", "1.250.000", .answer("1250000")),
    ("kommune.einwohnende", "12000 Einwohnende", .answer("12000")),
    ("kommune.einwohnende", "12 13", .error(.notANumber("12 13"))),
    ("kommune.einwohnende", "0.500", .error(.notANumber("0.500"))),
    ("lage.dauer_wochen", "1e3", .error(.notANumber("1e3"))),
    ("lage.dauer_wochen", ",5", .error(.notANumber(",5"))),
    ("lage.dauer_wochen", "521", .error(.outOfRange("521", min: "0", max: "520", unit: "Wochen"))),
    ("lage.dauer_wochen", "1 Woche", .answer("1")),
    ("lage.dauer_wochen", "3 wochen", .answer("3")),
    ("lage.dauer_wochen", "3 Kilometer", .error(.notANumber("3 Kilometer"))),
    ("lage.dauer_wochen", "-1", .error(.outOfRange("−1", min: "0", max: "520", unit: "Wochen"))),
    // Too long for any range: out of range, not „keine Zahl“.
    (
      "kommune.einwohnende", "99999999999999999999",
      .error(.outOfRange("99999999999999999999", min: "0", max: "4.000.000", unit: "Einwohnende"))
    ),
    (
      "lage.dauer_wochen", "12345678901234567890123456789012345 Wochen",
      .error(.outOfRange("12345678901234567890123456789012345", min: "0", max: "520", unit: "Wochen"))
    ),
    ("lage.dauer_wochen", "12x45678901234567890", .error(.notANumber("12x45678901234567890"))),
    // Commas alone name no value; acknowledged, the answer was lost on resume.
    ("lage.bereiche", ",", .error(.noOptionChosen(","))),
    ("lage.bereiche", " , ,", .error(.noOptionChosen(", ,"))),
    (
      "personal.anteil_krisendienst", "100,5",
      .error(.outOfRange("100,5", min: "0", max: "100", unit: "Prozent"))
    ),
    // Scales take whole numbers only
    ("personal.belastung", "3", .answer("3")),
    ("personal.belastung", "2,5", .error(.notWhole("2,5"))),
    ("personal.belastung", "2.0", .answer("2")),
    ("personal.belastung", "6", .error(.outOfRange("6", min: "1", max: "5", unit: nil))),
    ("personal.belastung", "0", .error(.outOfRange("0", min: "1", max: "5", unit: nil))),
    // One of: by id, by number, by text; case and umlaut spelling do not matter
    ("lage.phase", "2", .answer("bewaeltigung")),
    ("lage.phase", "bewaeltigung", .answer("bewaeltigung")),
    ("lage.phase", "bewältigung", .answer("bewaeltigung")),
    ("lage.phase", "Bewältigung", .answer("bewaeltigung")),
    ("lage.phase", "BEWÄLTIGUNG", .answer("bewaeltigung")),
    ("lage.phase", "Bewaeltigung", .answer("bewaeltigung")),
    ("personal.reserve", "Keine Reserve", .answer("keine")),
    ("lage.art", "Starkregen oder Sturzflut", .answer("starkregen")),
    ("lage.phase", "0", .error(.notAnOption("0", allowed: phases))),
    ("lage.phase", "4", .error(.notAnOption("4", allowed: phases))),
    ("lage.phase", "bewältigen", .error(.notAnOption("bewältigen", allowed: phases))),
    ("lage.phase", "1, 2", .error(.notAnOption("1, 2", allowed: phases))),
    // Several of
    ("lage.bereiche", "1, 3", .answer("gesundheit, ordnung")),
    ("lage.bereiche", "3,1", .answer("gesundheit, ordnung")),
    // A duration in another unit of time, converted to the question's unit
    ("lage.dauer_wochen", "3 Tage", .answer("0,43")),
    ("lage.dauer_wochen", "12 Stunden", .answer("0,07")),
    ("lage.dauer_wochen", "1 Monat", .answer("4,35")),
    ("lage.dauer_wochen", "2 Jahre", .answer("104,29")),
    // Ticked, and the rest unknown
    ("lage.bereiche", "1, 3, ?", .answer("gesundheit, ordnung, ?")),
    ("lage.bereiche", "soziales, weiß nicht", .answer("soziales, ?")),
    ("lage.bereiche", "gesundheit, IT und Digitales", .answer("gesundheit, it")),
    ("lage.bereiche", "soziales, soziales", .answer("soziales")),
    ("lage.bereiche", "4", .answer("it")),
    ("lage.bereiche", "1, 5", .error(.notAnOption("5", allowed: areas))),
    ("lage.bereiche", "gesundheit, verkehr", .error(.notAnOption("verkehr", allowed: areas))),
    // Empty
    ("lage.phase", "", .error(.empty)),
    ("lage.dauer_wochen", "   ", .error(.empty)),
  ]

  @Test(arguments: cases)
  func parses(question id: String, input: String, outcome: Outcome) throws {
    let kb = try Fixture.dialogueKnowledgeBase()
    let question = try #require(kb.questionIndex[id].map { kb.questions[$0] })
    let result = AnswerParser.parse(input, for: question)
    switch (result, outcome) {
    case (.success(let answer), .answer(let expected)):
      #expect(AnswerParser.format(answer, for: question) == expected)
      #expect(answer.fits(question))
    case (.failure(let error), .error(let expected)):
      #expect(error == expected)
    default:
      Issue.record("\(id) ← \(input.debugDescription): expected \(outcome), got \(result)")
    }
  }

  /// What `format` writes, `parse` reads back to the same answer, for every option and value.
  @Test func formatAndParseRoundTrip() throws {
    let kb = try Fixture.dialogueKnowledgeBase()
    for question in kb.questions {
      var answers: [Answer] = [.unknown]
      switch question.type {
      case .yesno, .choice: answers += question.options.indices.map { .option($0) }
      case .multi: answers += (1..<(1 << question.options.count)).map { .options(UInt64($0)) }
      case .number, .scale:
        if let minimum = question.minimum, let maximum = question.maximum {
          answers += [.number(minimum), .number(maximum)]
        }
      }
      for answer in answers {
        let text = AnswerParser.format(answer, for: question)
        #expect(
          try AnswerParser.parse(text, for: question).get() == answer, "\(question.id) = \(text)")
      }
    }
  }

  @Test func messagesAreGerman() {
    #expect(
      AnswerError.empty.description == "Bitte eine Antwort eingeben (oder '?' für „weiß nicht“).")
    #expect(
      AnswerError.notYesNo("jein").description
        == "„jein“ ist keine Antwort auf eine Ja/Nein-Frage. Möglich: ja, nein, ?")
    #expect(
      AnswerError.outOfRange("600", min: "0", max: "520", unit: "Wochen").description
        == "600 liegt außerhalb des erlaubten Bereichs von 0 bis 520 Wochen.")
    #expect(
      AnswerError.notWhole("2,5").description
        == "„2,5“ ist keine ganze Zahl; die Skala erlaubt nur ganze Zahlen.")
  }
}
