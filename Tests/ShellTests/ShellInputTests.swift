import Consultation
import Foundation
import RuleEngine
import Shell
import Testing
import _ResilienzTestSupport

/// Bad input to an in-process shell: a German message, nothing changes, the shell goes on.
@Suite struct ShellInputTests {
  /// A shell with three answers; the current question is `lage.art`.
  static func answeredShell() throws -> (Shell, BufferOutputSink) {
    let (shell, output) = try ShellFixture.shell()
    shell.execute("setze lage.phase = Bewältigung")
    shell.execute("setze lage.dauer_wochen = 8")
    shell.execute("setze personal.reserve = keine")
    #expect(shell.failures == 0)
    #expect(
      shell.consultation.currentQuestion
        == shell.consultation.knowledgeBase.questionIndex["lage.art"])
    return (shell, output)
  }

  /// Runs one line and returns what it printed.
  static func run(_ line: String, in shell: Shell, _ output: BufferOutputSink) -> String {
    let before = output.text.count
    shell.execute(line)
    return String(output.text.dropFirst(before))
  }

  static let badLines: [(line: String, message: String)] = [
    ("Erdbeben", "Fehler: „Erdbeben“ ist keine erlaubte Antwort."),
    ("7", "Fehler: „7“ ist keine erlaubte Antwort."),
    (
      "setze lage.dauer_wochen = 600",
      "Fehler: 600 liegt außerhalb des erlaubten Bereichs von 0 bis 520 Wochen."
    ),
    ("setze lage.dauer_wochen = zwölf", "Fehler: „zwölf“ ist keine Zahl."),
    ("setze stab.vorhanden = jein", "Fehler: „jein“ ist keine Antwort auf eine Ja/Nein-Frage."),
    ("setze personal.belastung = 2,5", "Fehler: „2,5“ ist keine ganze Zahl"),
    ("setze lage.bereiche = 1, 9", "Fehler: „9“ ist keine erlaubte Antwort."),
    (
      "setze lage.dauer_woche = 3",
      "Fehler: Unbekannte Frage „lage.dauer_woche“. Meinten Sie „lage.dauer_wochen“?"
    ),
    ("entferne kommune.land", "Fehler: Die Frage „kommune.land“ ist noch nicht beantwortet."),
    ("setze = 3", "Fehler: Bitte so angeben: setze <frage> = <antwort>"),
    ("zeige reservpool", "Fehler: „reservpool“ ist keine bekannte Id. Meinten Sie „reservepool“?"),
    (
      "laden /nonexistent/beratung.json",
      "Fehler: „/nonexistent/beratung.json“ kann nicht gelesen werden: die Datei gibt es nicht."
    ),
    ("laden /", "Fehler: „/“ kann nicht gelesen werden: das ist ein Ordner."),
    ("speichern /", "Fehler: „/“ kann nicht geschrieben werden: das ist ein Ordner."),
    ("empfehlungen zwei", "Fehler: „zwei“ ist keine Anzahl."),
    // Issue 11.8: arguments a command does not take are refused, not ignored; 'überspringen'
    // would have skipped lage.art, which the answer after each bad line still answers.
    ("überspringen lage.phase", "Fehler: „überspringen“ nimmt kein Argument."),
    ("zurück 5", "Fehler: „zurück“ nimmt kein Argument."),
    ("back 5", "Fehler: „back“ nimmt kein Argument."),
    ("weiter 3", "Fehler: „weiter“ nimmt kein Argument."),
    ("muster x", "Fehler: „muster“ nimmt kein Argument."),
    ("profil x", "Fehler: „profil“ nimmt kein Argument."),
    ("antworten alle", "Fehler: „antworten“ nimmt kein Argument."),
    ("ende sofort", "Fehler: „ende“ nimmt kein Argument."),
    ("zeige reservepool lage.art", "Fehler: „zeige“ nimmt höchstens ein Argument: zeige <id>"),
    ("empfehlungen alle 3", "Fehler: „empfehlungen“ nimmt höchstens ein Argument: empfehlungen [alle|anzahl]"),
    (
      "auswertung jetzt",
      "Fehler: „auswertung“ nimmt nur diese Argumente: auswertung [--report <datei.md|.html|.pdf>] [--plan <datei.csv>] [--force]"
    ),
    // Issue 11.5: commas alone are no answer.
    ("setze lage.bereiche = ,", "Fehler: „,“ nennt keinen Wert."),
    // Issue 11.12: a number too long for any range is out of range, and file names that
    // would make a file nobody meant are refused.
    (
      "setze lage.dauer_wochen = 12345678901234567890123456789012345",
      "Fehler: 12345678901234567890123456789012345 liegt außerhalb des erlaubten Bereichs von 0 bis 520 Wochen."
    ),
    ("speichern \"\"", "Fehler: Bitte so angeben: speichern <datei> [--force]"),
    ("speichern '' --force", "Fehler: Bitte so angeben: speichern <datei> [--force]"),
    ("bericht \"\"", "Fehler: Bitte so angeben: bericht [--kurz] [--format md|html|pdf]"),
    ("bericht -", "Fehler: „-“ ist hier kein Dateiname"),
    ("bericht --format html -", "Fehler: „-“ ist hier kein Dateiname"),
    ("aufzeichnen -", "Fehler: „-“ ist hier kein Dateiname"),
    // Tasks, names, terms and the export: numbers outside the list, unknown terms, wrong files.
    ("auftrag 0 S1", "Fehler: Nr. 0 gibt es in den Empfehlungen nicht"),
    ("auftrag -3 S1", "Fehler: Nr. -3 gibt es in den Empfehlungen nicht"),
    ("erledigt 1", "Fehler: „"),
    ("erledigt 1 2 3", "Fehler: „erledigt“ nimmt höchstens 2 Argumente"),
    ("bezeichnung lagezentrum Lage", "Fehler: „lagezentrum“ ist kein Begriff der Wissensbasis."),
    ("exportieren tagebuch.txt", "Fehler: „tagebuch.txt“ endet weder auf .csv noch auf .json."),
  ]

  /// Every command that takes no argument refuses one, in one German form, and changes nothing.
  @Test(arguments: [
    "muster", "profil", "antworten", "zurück", "überspringen", "weiter", "änderungen", "neu-laden", "prüfen",
    "einlagen",
    "ende",
  ])
  func commandWithoutArgumentsRefusesOne(command: String) throws {
    let (shell, output) = try Self.answeredShell()
    let answers = shell.consultation.engine.answers
    let printed = Self.run("\(command) x", in: shell, output)
    #expect(printed == "Fehler: „\(command)“ nimmt kein Argument.\n")
    #expect(shell.consultation.engine.answers == answers)
    #expect(shell.consultation.skipped.isEmpty)
    #expect(Self.run("pandemie", in: shell, output).hasPrefix("Übernommen."))
  }

  @Test(arguments: badLines)
  func badLineChangesNothing(line: String, message: String) throws {
    let (shell, output) = try Self.answeredShell()
    let answers = shell.consultation.engine.answers
    let failures = shell.failures
    let printed = Self.run(line, in: shell, output)
    #expect(printed.collapsingWhitespace.hasPrefix(message.collapsingWhitespace), "\(printed)")
    #expect(shell.consultation.engine.answers == answers)
    #expect(shell.failures == failures + 1)
    // The shell goes on.
    #expect(Self.run("pandemie", in: shell, output).hasPrefix("Übernommen."))
  }

  /// Issue 11.12: „1 Antwort übernommen“, not „1 Antworten“.
  @Test func reloadCountsInSingularAndPlural() throws {
    let output = BufferOutputSink()
    var options = ShellOptions(interactive: false, color: false)
    options.knowledgeBaseDirectory = ShellFixture.knowledgeBaseDirectory
    let shell = Shell(
      consultation: Consultation(knowledgeBase: try ShellFixture.knowledgeBase()), output: output, options: options)
    shell.execute("setze lage.phase = Bewältigung")
    let printed = Self.run("neu-laden", in: shell, output)
    #expect(printed.collapsingWhitespace.contains("; 1 Antwort übernommen."), "\(printed)")
    #expect(shell.failures == 0)
  }

  @Test func emptyInputAsksForAnAnswer() throws {
    let (shell, output) = try Self.answeredShell()
    let expected =
      "Bitte eine Antwort auf die Frage eingeben (oder '?' für „weiß nicht“, 'überspringen' zum Auslassen).\n"
    #expect(Self.run("", in: shell, output).collapsingWhitespace == expected.collapsingWhitespace)
    #expect(Self.run("   \t ", in: shell, output).collapsingWhitespace == expected.collapsingWhitespace)
    #expect(
      Self.run("\u{01}\u{1B}\u{7F}", in: shell, output).collapsingWhitespace == expected.collapsingWhitespace,
      "only control characters")
    #expect(shell.consultation.engine.answers.compactMap { $0 }.count == 3)
  }

  @Test func controlCharactersAreRemoved() throws {
    let (shell, output) = try Self.answeredShell()
    #expect(Self.run("pan\u{07}de\u{00}mie\u{1B}", in: shell, output).hasPrefix("Übernommen."))
    let kb = shell.consultation.knowledgeBase
    let art = try #require(kb.questionIndex["lage.art"])
    #expect(shell.consultation.engine.answers[art] == .option(2))
  }

  @Test func veryLongLineChangesNothing() throws {
    let (shell, output) = try Self.answeredShell()
    let answers = shell.consultation.engine.answers
    let printed = Self.run(String(repeating: "x", count: 10_000), in: shell, output)
    #expect(printed.hasPrefix("Fehler: "))
    #expect(shell.consultation.engine.answers == answers)
    #expect(Self.run("antworten", in: shell, output).contains("lage.dauer_wochen = 8 Wochen"))
    #expect(printed.count < 500, "\(printed.count) characters")

  }

  @Test func expectRecommendWithoutAMeasureIsAFailure() throws {
    let (shell, output) = try Self.answeredShell()
    for line in [
      "expect recommend", "expect recommend reservepool kooperation", "expect empfohlen",
    ] {
      let failures = shell.failures
      let printed = Self.run(line, in: shell, output)
      #expect(shell.failures == failures + 1, "\(line): \(printed.debugDescription)")

    }
  }

  /// Several `expect output` lines in a row all read the output of the command before them.
  @Test func twoOutputExpectationsAboutOneCommand() throws {
    let (shell, output) = try Self.answeredShell()
    _ = Self.run("empfehlungen", in: shell, output)
    _ = Self.run("expect output Stadtinterner Reservepool", in: shell, output)
    #expect(shell.failures == 0)
    _ = Self.run("expect output Empfehlungen:", in: shell, output)
    #expect(shell.failures == 0)

  }

  @Test func suggestionsAreSpelledWithUmlauts() throws {
    let (shell, output) = try ShellFixture.shell()
    for _ in 0..<12 { shell.execute("überspringen") }
    let printed = Self.run("änderunge", in: shell, output) + Self.run("zurüc", in: shell, output)
    #expect(printed.contains("Meinten Sie „änderungen“?"), "\(printed)")
    #expect(printed.contains("Meinten Sie „zurück“?"), "\(printed)")

  }

  @Test func expectationMessagesAreGrammatical() throws {
    let (shell, output) = try Self.answeredShell()
    let printed =
      Self.run("expect factor rf9 stark", in: shell, output)
      + Self.run("expect pattern dauerkrse suspected", in: shell, output)
    #expect(printed.contains("„rf9“ ist kein Faktor."), "\(printed)")
    #expect(printed.contains("„dauerkrse“ ist kein Krisenmuster."), "\(printed)")

  }

  @Test func saveIntoAMissingFolderSaysWhyInGerman() throws {
    let (shell, output) = try Self.answeredShell()
    let printed = Self.run("speichern /nonexistent-resilienz/beratung.json", in: shell, output)
    #expect(
      printed.hasPrefix(
        "Fehler: „/nonexistent-resilienz/beratung.json“ kann nicht geschrieben werden"))
    #expect(!printed.contains("No such file"), "\(printed)")

  }

  @Test func tabSeparatesACommandFromItsArgument() throws {
    let (shell, output) = try Self.answeredShell()
    let printed = Self.run("zeige\treservepool", in: shell, output)
    #expect(printed.hasPrefix("Maßnahme: Stadtinterner Reservepool"), "\(printed)")

  }

  /// The command list lines its descriptions up in one column, shows every usage in full and
  /// fits 80 columns.
  @Test func helpListIsAligned() throws {
    let (shell, output) = try ShellFixture.shell()
    let printed = Self.run("hilfe", in: shell, output)
    #expect(printed.contains("\n  wie <maßnahme|muster|faktor|tatsache>\n"), "\(printed)")
    #expect(printed.contains("\n  hilfe [befehl]              zeigt alle Befehle"), "\(printed)")
    #expect(
      printed.contains("\n  zurück                      macht die letzte Antwort rückgängig\n"),
      "\(printed)")
    for line in printed.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
  }

  /// Completion offers commands at the start of a line, and ids and answers after them.
  @Test func completionOffersCommandsIdsAndAnswers() throws {
    let (shell, _) = try Self.answeredShell()
    #expect(shell.completions(line: "empf", word: "empf") == ["empfehlungen"])
    #expect(
      shell.completions(line: "p", word: "p").contains("pandemie"),
      "answers of the current question")
    #expect(shell.completions(line: "zeige reserv", word: "reserv") == ["reservepool"])
    #expect(shell.completions(line: "setze lage.ph", word: "lage.ph") == ["lage.phase"])
    #expect(shell.completions(line: "setze lage.phase = bew", word: "bew") == ["bewaeltigung"])
    #expect(
      shell.completions(line: "warumnicht ko", word: "ko") == [
        "kooperation", "koordinationsformate",
      ])
    #expect(shell.completions(line: "wie lage.l", word: "lage.l") == ["lage.lang_andauernd"])
    #expect(
      !shell.completions(line: "e", word: "e").contains("expect"),
      "script-only commands are not offered")
  }
}
