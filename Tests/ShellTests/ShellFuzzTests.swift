import Consultation
import Foundation
import KnowledgeBase
import RuleEngine
import RuleLanguage
import Shell
import Testing
import _ResilienzTestSupport

/// Random and mutated command lines: real commands with the fixture's ids, then mutations,
/// raw bytes (invalid UTF-8 repaired as the line reader repairs it), control characters,
/// huge numbers, `=` in odd places and other scripts' letters.
struct CommandLineGenerator {
  var rng: SplitMix64
  let knowledgeBase: KnowledgeBase
  /// Where `speichern`, `laden` and `aufzeichnen` may write and read.
  let scratch: String

  static let commands = [
    "hilfe", "help", "warum", "why", "wie", "how", "warumnicht", "whynot", "angenommen", "whatif",
    "empfehlungen", "advice", "muster", "patterns", "profil", "profile", "antworten", "answers",
    "setze", "set", "entferne", "unset", "zurück", "zurueck", "back", "überspringen", "skip",
    "weiter", "next", "änderungen", "changes", "zeige", "show", "suche", "search", "expect",
    "erwarte", "verfolgen", "ende", "quit", "übung", "uebung", "exercise", "einlage", "inject",
    "entscheide",
    "decide", "notiz", "note", "auftrag", "assign", "erledigt", "done", "name", "author", "bezeichnung", "term",
  ]
  static let fileCommands: Set<String> = [
    "speichern", "save", "laden", "load", "aufzeichnen", "record", "neu-laden", "reload", "pruefen",
    "check",
    "bericht", "report", "auswertung", "debrief", "exportieren", "export",
  ]
  static let oddPieces = [
    "=", "==", " = ", ",", ", ,", "?", "weiß nicht", "WEISS NICHT", "-", "+", ".", "..",
    "1.000.000",
    "99999999999999999999", "1000000000000000", "-0", "0,001", "2,5", "2.5", "1e9", "NaN", "∞", "½",
    "Ⅻ", "١٢", "１２", "ß", "Ä", "ü", "🙂", "\u{0301}", "\u{200B}", "\u{202E}", "\u{FEFF}", "\t",
    "\u{00}",
    "\u{07}", "\u{1B}[A", "\u{7F}", "\u{85}", "\u{2028}", "\r", "'", "\"", "„", "“", "%s", "%n",
    "\\", "{stab}",
    "--force", "alle", "all", "none", "not", "top", "an", "aus",
  ]

  init(seed: UInt64, knowledgeBase: KnowledgeBase, scratch: String) {
    rng = SplitMix64(seed: seed)
    self.knowledgeBase = knowledgeBase
    self.scratch = scratch
  }

  mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
  mutating func pick<Entity>(_ table: Table<Entity>) -> Entity { pick(table.elements) }
  mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

  var ids: [String] {
    knowledgeBase.questions.map(\.id) + knowledgeBase.measures.map(\.id)
      + knowledgeBase.patterns.map(\.id)
      + knowledgeBase.factors.map(\.id) + knowledgeBase.facts.map(\.id)
      + knowledgeBase.sources.map(\.id)
  }

  /// A value that may or may not fit the question.
  mutating func value(for question: Question) -> String {
    switch Int.random(in: 0..<8, using: &rng) {
    case 0: return "?"
    case 1: return pick(oddPieces)
    case 2: return String(Int.random(in: -5...700, using: &rng))
    case 3: return "\(Int.random(in: 0...100, using: &rng)),\(Int.random(in: 0...99, using: &rng))"
    default: break
    }
    switch question.type {
    case .yesno: return pick(["ja", "nein", "Ja", "NEIN", "j", "n", "yes", "no", "jein"])
    case .choice:
      let option = pick(question.options)
      return pick([
        option.id, option.text, option.text.uppercased(),
        String(Int.random(in: 0...5, using: &rng)),
      ])
    case .multi:
      let count = Int.random(in: 1...4, using: &rng)
      return (0..<count).map { _ in
        chance(50) ? pick(question.options).id : String(Int.random(in: 0...6, using: &rng))
      }
      .joined(separator: pick([", ", ",", " , ", ",,"]))
    case .number, .scale:
      let low = (question.minimum?.hundredths ?? 0) / 100
      let high = (question.maximum?.hundredths ?? 100) / 100
      return String(Int.random(in: low...min(high, low + 1000), using: &rng))
    }
  }

  var oddPieces: [String] { Self.oddPieces }

  /// A line a person might type.
  mutating func realLine() -> String {
    let question = pick(knowledgeBase.questions)
    switch Int.random(in: 0..<14, using: &rng) {
    case 0...3: return value(for: question)
    case 4:
      return
        "\(pick(["setze", "set", "angenommen", "whatif"])) \(question.id) = \(value(for: question))"
    case 5: return "\(pick(["entferne", "unset", "warum", "why", "zeige", "show"])) \(pick(ids))"
    case 6: return "\(pick(["wie", "how", "warumnicht", "whynot", "zeige"])) \(pick(ids))"
    case 7:
      let measure = pick(knowledgeBase.measures).id
      let pattern = pick(knowledgeBase.patterns).id
      let factor = pick(knowledgeBase.factors).id
      return pick([
        "expect recommend \(measure)", "expect not recommend \(measure)",
        "expect top \(Int.random(in: 0...4, using: &rng)) \(measure)",
        "expect pattern \(pattern) \(pick(["inactive", "suspected", "established", "verdacht"]))",
        "expect factor \(factor) \(pick(["kritisch", "schwach", "stark", "unassessed"]))",
        "expect next \(question.id)", "expect next none",
        "expect output \(pick(["Übernommen", "Priorität", "x"]))",
      ])
    case 8:
      return
        "\(pick(["speichern", "save", "laden", "load", "aufzeichnen"])) f\(Int.random(in: 0...3, using: &rng)).json\(chance(50) ? " --force" : "")"
    case 9:
      return
        "\(pick(["empfehlungen", "advice"])) \(pick(["", "alle", "all", "3", "0", "-1", "99999", "zwei"]))"
    case 10:
      return
        "\(pick(["suche", "search"])) \(pick(["reserve", "stab", "ä", "Bewältigung", "x", ""]))"
    case 11: return "\(pick(["hilfe", "help"])) \(pick(Self.commands))"
    case 12:
      return pick([
        "verfolgen \(pick(["an", "aus", "vielleicht"]))", "übung liste", "übung status",
        "übung start \(pick(ids))",
        "einlage",
        "entscheide \(pick(knowledgeBase.measures).id) \(pick(["annehmen", "ablehnen", "zurückstellen", "x"]))",
        "notiz \(pick(oddPieces))", "bericht", "bericht --format html", "bericht --kurz",
        "auftrag \(pick(["0", "1", "2", "-1", "99", pick(knowledgeBase.measures).id])) \(pick(oddPieces))\(chance(50) ? " bis \(pick(oddPieces))" : "")",
        "erledigt \(pick(["0", "1", "2", "-1", "99", pick(knowledgeBase.measures).id]))\(chance(30) ? " nein" : "")",
        "name \(pick(oddPieces))", "name zurücksetzen", "bezeichnung stab \(pick(oddPieces))", "bezeichnung",
        "exportieren f\(Int.random(in: 0...3, using: &rng)).\(pick(["csv", "json", "txt"]))\(chance(50) ? " --force" : "")",
      ])
    default: return pick(Self.commands)
    }
  }

  /// A real line changed a little, or something else entirely.
  mutating func nextLine() -> String {
    switch Int.random(in: 0..<10, using: &rng) {
    case 0:
      // Raw bytes, repaired like `readLine` repairs what is not UTF-8.
      let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
        UInt8.random(in: 0...255, using: &rng)
      }
      return String(decoding: bytes, as: UTF8.self)
    case 1:
      let scalars = (0..<Int.random(in: 1...30, using: &rng)).compactMap { _ in
        Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &rng))
      }
      return String(String.UnicodeScalarView(scalars))
    case 2:
      return String(
        repeating: pick(["x", "9", "ä", " ", "=", "🙂"]),
        count: Int.random(in: 100...6_000, using: &rng))
    default:
      var line = realLine()
      for _ in 0..<Int.random(in: 0...3, using: &rng) { line = mutate(line) }
      return line
    }
  }

  mutating func mutate(_ line: String) -> String {
    var characters = Array(line)
    let position = characters.isEmpty ? 0 : Int.random(in: 0...characters.count, using: &rng)
    switch Int.random(in: 0..<7, using: &rng) {
    case 0 where !characters.isEmpty:
      characters.remove(at: min(position, characters.count - 1))
    case 1:
      characters.insert(contentsOf: pick(oddPieces), at: position)
    case 2 where !characters.isEmpty:
      let index = min(position, characters.count - 1)
      characters.insert(characters[index], at: index)
    case 3:
      characters = Array(String(characters).uppercased())
    case 4:
      characters = Array(characters.prefix(position))
    case 5:
      characters.insert(contentsOf: " \(pick(ids)) ", at: position)
    default:
      characters.insert(
        contentsOf: String(repeating: "9", count: Int.random(in: 10...30, using: &rng)),
        at: position)
    }
    return String(characters)
  }

  /// Keeps file commands inside the scratch folder, whatever the fuzzer made of their argument.
  /// The command word is found exactly as the shell finds it: trimmed, cut at 4,000
  /// characters, control and bidirectional characters removed, up to the first space, folded.
  func confined(_ line: String) -> String {
    let scalars = line.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return line }
    let trimmed = String(String(scalars[first...last]).prefix(4_000))
    let visible = trimmed.filter { character in
      !character.unicodeScalars.contains {
        $0.properties.generalCategory == .control && $0 != "\t" || String.isBidiControl($0)
      }
    }
    guard let word = visible.split(separator: " ", maxSplits: 1).first.map(String.init) else {
      return line
    }
    guard Self.fileCommands.contains(word.folded) else { return line }
    let name = String(
      visible.dropFirst(word.count).unicodeScalars.filter {
        $0.isASCII && CharacterSet.alphanumerics.contains($0)
      }.prefix(8))
    return "\(word) \(scratch)/f\(name).json\(visible.contains("--force") ? " --force" : "")"
  }
}

@Suite struct ShellFuzzTests {
  /// 10,000 lines into an in-process shell: it never crashes, and after every line the
  /// consultation equals a fresh evaluation of its answers, each of which fits its question.
  @Test(arguments: [FuzzBudget.seed(0x5EED_0001)])
  func randomLinesKeepTheConsultationConsistent(seed: UInt64) throws {
    let kb = try ShellFixture.knowledgeBase()
    let scratch = try ShellFixture.temporaryDirectory("fuzz")
    defer { try? FileManager.default.removeItem(at: scratch) }
    var generator = CommandLineGenerator(seed: seed, knowledgeBase: kb, scratch: scratch.path)
    let (shell, _) = try ShellFixture.shell()
    var answered = 0
    for step in 0..<FuzzBudget.iterations(10_000) {
      let line = generator.confined(generator.nextLine())
      shell.execute(line)
      let engine = shell.consultation.engine
      let given = givenAnswers(of: engine)
      answered = max(answered, given.count)
      for (question, answer) in given where !answer.fits(engine.knowledgeBase.questions[question]) {
        Issue.record(
          "seed \(seed), line \(step) \(line.debugDescription): answer \(answer) does not fit \(engine.knowledgeBase.questions[question].id)"
        )
        return
      }
      let fresh = Engine(knowledgeBase: engine.knowledgeBase, answers: given)
      guard conclusions(of: engine) == conclusions(of: fresh) else {
        Issue.record(
          "seed \(seed), line \(step) \(line.debugDescription): conclusions differ from a fresh evaluation"
        )
        return
      }
    }
    #expect(answered >= 5, "the fuzzer reaches answered states (\(answered) answers at most)")
    let outside = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter {
      !$0.hasPrefix("f")
    }
    #expect(outside.isEmpty, "only the files the commands named, no temporary files: \(outside)")
  }

  /// With a journal attached, replaying it gives exactly the answers of the live consultation.
  @Test func journalReplayEqualsTheLiveConsultation() throws {
    let kb = try ShellFixture.knowledgeBase()
    let scratch = try ShellFixture.temporaryDirectory("fuzz-journal")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let path = scratch.appendingPathComponent("beratung.journal").path
    let (resumed, problems) = try Consultation.resume(knowledgeBase: kb, journalPath: path)
    #expect(problems.isEmpty)
    let output = BufferOutputSink()
    let shell = Shell(
      consultation: resumed, output: output, options: ShellOptions(interactive: false, color: false)
    )
    var generator = CommandLineGenerator(
      seed: FuzzBudget.seed(0x10A5_0003), knowledgeBase: kb, scratch: scratch.path)
    for _ in 0..<FuzzBudget.iterations(800) { shell.execute(generator.confined(generator.nextLine())) }
    let (replayed, replayProblems) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
    #expect(replayProblems.isEmpty, "\(replayProblems)")
    #expect(replayed.engine.answers == shell.consultation.engine.answers)
    #expect(conclusions(of: replayed.engine) == conclusions(of: shell.consultation.engine))
  }

  /// Random bytes on the real binary's standard input: invalid UTF-8, NUL, lone CR, huge lines.
  /// The line reader repairs them; the shell ends normally.
  @Test func rawBytesOnStandardInputNeverCrashTheBinary() throws {
    let folder = try ShellFixture.temporaryDirectory("bytes")
    defer { try? FileManager.default.removeItem(at: folder) }
    var rng = SplitMix64(seed: FuzzBudget.seed(0xB17E5))
    var input = Data()
    for _ in 0..<FuzzBudget.iterations(2_000) {
      let length = Int.random(
        in: 0...(Int.random(in: 0..<50, using: &rng) == 0 ? 20_000 : 60), using: &rng)
      input += Data(
        (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }.filter { $0 != 0x0A })
      input.append(0x0A)
    }
    input += Data("antworten\n".utf8)
    let (status, output, signalled) = try ShellFixture.run(
      ["--kb", ShellFixture.knowledgeBaseDirectory], in: folder, bytes: input)
    #expect(!signalled, "the shell ended by a signal: \(output.suffix(500))")
    #expect(status == 1, "bad lines count as failures, and the shell ends normally")
    #expect(
      output.hasSuffix("> antworten\nNoch keine Antworten.\n") || output.contains("> antworten\n"),
      "\(output.suffix(300))")
  }
}
