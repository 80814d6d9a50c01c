import Consultation
import Foundation
import KnowledgeBase
import RuleEngine
import RuleLanguage
import Shell
import Testing
import _ResilienzTestSupport

/// Every reader of user files, fed damaged input: answer files, scripts with includes, journals,
/// saved sessions and knowledge. None may crash; what each accepts fits the knowledge base, and
/// the same file with CRLF line endings and a byte-order mark reads exactly as with LF.
/// Seeded and small by default; `FUZZ_SCALE` and `FUZZ_SEED` (see README) run longer campaigns.
@Suite struct ReaderFuzzTests {

  /// `text` with CRLF line endings and a byte-order mark, as Windows editors save it. A mark
  /// the text has already is replaced: only the first is not part of the text.
  static func windows(_ text: String) -> String {
    "\u{FEFF}" + TextLines.withoutByteOrderMark(text).replacingOccurrences(of: "\n", with: "\r\n")
  }

  /// Every answer fits its question, and the conclusions are those of a fresh evaluation.
  static func consistencyProblem(of engine: Engine) -> String? {
    let given = givenAnswers(of: engine)
    for (question, answer) in given where !answer.fits(engine.knowledgeBase.questions[question]) {
      return "answer \(answer) does not fit \(engine.knowledgeBase.questions[question].id)"
    }
    let fresh = Engine(knowledgeBase: engine.knowledgeBase, answers: given)
    return conclusions(of: engine) == conclusions(of: fresh) ? nil : "conclusions differ from a fresh evaluation"
  }

  /// Sites of every diagnostic lie within their files.
  static func siteProblem(in diagnostics: [Diagnostic]) -> String? {
    for diagnostic in diagnostics {
      for site in [diagnostic.site] + diagnostic.notes.compactMap(\.site) {
        if let problem = Mutation.problem(with: site) { return "\(diagnostic.id): \(problem)" }
      }
    }
    return nil
  }

  /// An answer file of a dozen lines, most of them fitting, some not.
  static func answerFile(_ generator: inout CommandLineGenerator) -> String {
    var lines = ["# Lage am Morgen"]
    for _ in 0..<12 {
      let question = generator.pick(generator.knowledgeBase.questions)
      lines.append("\(question.id) = \(generator.value(for: question))\(generator.chance(20) ? "  # Notiz" : "")")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func answerFiles() throws {
    let iterations = FuzzBudget.iterations(400)
    let kb = try ShellFixture.knowledgeBase()
    let seed = FuzzBudget.seed(0xA45_0001)
    var generator = CommandLineGenerator(seed: seed, knowledgeBase: kb, scratch: "/nonexistent")
    var accepted = 0
    for iteration in 0..<iterations {
      let text = Self.answerFile(&generator)
      let plain = AnswerFile.parse(SourceFile(path: "a.txt", text: text), for: kb)
      let windows = AnswerFile.parse(SourceFile(path: "a.txt", text: Self.windows(text)), for: kb)
      #expect(plain.0 == windows.0, "seed \(seed), iteration \(iteration): CRLF and BOM change the answers")
      #expect(plain.1.map(\.message) == windows.1.map(\.message), "seed \(seed), iteration \(iteration)")

      let (bytes, applied) = Mutation.damage(Array(text.utf8), using: &generator.rng)
      let file = SourceFile(path: "a.txt", bytes: bytes)
      let (answers, diagnostics) = AnswerFile.parse(file, for: kb)
      let context = "seed \(seed), iteration \(iteration): \(applied)"
      if let problem = Self.siteProblem(in: diagnostics) { Issue.record("\(problem) (\(context))") }
      for (question, answer) in answers where !answer.fits(kb.questions[question]) {
        Issue.record("\(kb.questions[question].id) = \(answer) does not fit (\(context))")
      }
      _ = DiagnosticRenderer().render(diagnostics)
      accepted += answers.count
    }
    #expect(accepted > iterations, "the damaged files still give answers (\(accepted))")
  }

  /// A script of fuzzed command lines, with includes of in-memory files (some outside the
  /// script's folder), split as LF or CRLF.
  @Test func scriptsWithIncludes() throws {
    let iterations = FuzzBudget.iterations(30)
    let kb = try ShellFixture.knowledgeBase()
    let scratch = try ShellFixture.temporaryDirectory("fuzz-scripts")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let seed = FuzzBudget.seed(0x5C_0002)
    var generator = CommandLineGenerator(seed: seed, knowledgeBase: kb, scratch: scratch.path)
    let folder = scratch.appendingPathComponent("skripte").path
    for iteration in 0..<iterations {
      var lines = (0..<Int.random(in: 1...25, using: &generator.rng)).map { _ in
        generator.confined(generator.nextLine())
      }
      let includes = ["gemeinsam.inc", "../aussen.inc", "/etc/passwd", "fehlt.inc", "skript.test"]
      for _ in 0..<Int.random(in: 0...2, using: &generator.rng) {
        lines.insert("include \(generator.pick(includes))", at: Int.random(in: 0...lines.count, using: &generator.rng))
      }
      let text = lines.joined(separator: "\n") + "\n"
      // The damaged script decodes as the reader decodes it; file commands stay in the scratch
      // folder. A byte-order mark at a line's start is dropped first: the reader drops one at
      // the file's start, which would make a command of a line `confined` did not see as one.
      let (bytes, applied) = Mutation.damage(Array(text.utf8), using: &generator.rng)
      let damaged = TextLines.lines(String(decoding: bytes, as: UTF8.self))
        .map { generator.confined(TextLines.withoutByteOrderMark($0)) }.joined(separator: "\n")
      let context = "seed \(seed), iteration \(iteration): \(applied)"
      let included = "setze lage.phase = bewaeltigung\nmuster\n"
      let outside = "notiz AUSSEN-GELESEN\n"
      func files(_ script: String) -> [String: String] {
        [folder + "/skript.test": script, folder + "/gemeinsam.inc": included, scratch.path + "/aussen.inc": outside]
      }

      var transcripts: [String] = []
      for script in [damaged, Self.windows(damaged)] {
        // Both variants start without the files the other saved.
        for name in try FileManager.default.contentsOfDirectory(atPath: scratch.path) {
          try FileManager.default.removeItem(atPath: scratch.appendingPathComponent(name).path)
        }
        let output = BufferOutputSink()
        let shell = Shell(
          consultation: Consultation(knowledgeBase: kb), output: output,
          options: ShellOptions(interactive: false, color: false))
        var source = ScriptLineSource(path: folder + "/skript.test") { files(script)[$0] }
        _ = shell.run(&source)
        if let problem = Self.consistencyProblem(of: shell.consultation.engine) {
          Issue.record("\(problem) (\(context))")
        }
        #expect(!output.text.contains("\u{1B}"), "an escape sequence reached the output (\(context))")
        #expect(!output.text.contains("AUSSEN-GELESEN"), "an include outside the folder was read (\(context))")
        transcripts.append(output.text)
      }
      let (lf, crlf) = (transcripts[0].split(separator: "\n"), transcripts[1].split(separator: "\n"))
      if let line = (0..<min(lf.count, crlf.count)).first(where: { lf[$0] != crlf[$0] })
        ?? (lf.count == crlf.count ? nil : min(lf.count, crlf.count))
      {
        let shown = { (lines: [Substring]) in
          lines.indices.contains(line) ? String(lines[line]).debugDescription : "(end)"
        }
        Issue.record("CRLF and BOM change transcript line \(line + 1): \(shown(lf)) vs \(shown(crlf)) (\(context))")
      }
    }
  }

  /// Journals written by a fuzzed shell, then damaged: replaying never throws for their content,
  /// the replayed consultation is consistent, and replaying it again gives the same answers.
  @Test func journals() throws {
    let iterations = FuzzBudget.iterations(40)
    let kb = try ShellFixture.knowledgeBase()
    let scratch = try ShellFixture.temporaryDirectory("fuzz-journals")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let seed = FuzzBudget.seed(0x70_0003)
    var generator = CommandLineGenerator(seed: seed, knowledgeBase: kb, scratch: scratch.path)
    let original = scratch.appendingPathComponent("beratung.journal").path
    let (live, _) = try Consultation.resume(knowledgeBase: kb, journalPath: original)
    let shell = Shell(
      consultation: live, output: BufferOutputSink(), options: ShellOptions(interactive: false, color: false))
    for _ in 0..<300 { shell.execute(generator.confined(generator.nextLine())) }
    let written = try #require(FileManager.default.contents(atPath: original))
    let path = scratch.appendingPathComponent("beschaedigt.journal").path
    for iteration in 0..<iterations {
      let (bytes, applied) = Mutation.damage([UInt8](written), using: &generator.rng)
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let context = "seed \(seed), iteration \(iteration): \(applied)"
      do {
        // Replayed as `resilienz report` and a follower read it; `resume` adds only the lock.
        let (resumed, _) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
        if let problem = Self.consistencyProblem(of: resumed.engine) { Issue.record("\(problem) (\(context))") }
        let (again, _) = try Consultation.replay(knowledgeBase: kb, contents: Journal.read(path: path))
        #expect(again.engine.answers == resumed.engine.answers, "a second replay differs (\(context))")
        // 'back' as often as the history allows undoes every answer given since the last reset.
        var stepping = again
        while try stepping.back() != nil {}
        if let problem = Self.consistencyProblem(of: stepping.engine) { Issue.record("\(problem) (\(context))") }
      } catch {
        Issue.record("resume threw \(error) (\(context))")
      }
    }
  }

  /// Saved sessions, damaged: reading fails with a German message or gives a document, and
  /// `laden` leaves a consistent consultation either way.
  @Test func savedSessions() throws {
    let iterations = FuzzBudget.iterations(60)
    let kb = try ShellFixture.knowledgeBase()
    let scratch = try ShellFixture.temporaryDirectory("fuzz-sessions")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let seed = FuzzBudget.seed(0x5E_0004)
    var generator = CommandLineGenerator(seed: seed, knowledgeBase: kb, scratch: scratch.path)
    let path = scratch.appendingPathComponent("beratung.json").path
    var read = 0
    for iteration in 0..<iterations {
      let answers = (0..<Int.random(in: 0...8, using: &generator.rng)).map { _ in
        let question = generator.pick(kb.questions)
        return SessionDocument.SavedAnswer(question: question.id, answer: generator.value(for: question))
      }
      try? FileManager.default.removeItem(atPath: path)
      try SessionDocument(knowledgeBase: .init(id: kb.info.id, version: kb.info.version), answers: answers)
        .write(to: path, overwrite: true)
      let written = try #require(FileManager.default.contents(atPath: path))
      let windows = Data(Self.windows(String(decoding: written, as: UTF8.self)).utf8)
      try windows.write(to: URL(fileURLWithPath: path))
      #expect(
        try SessionDocument.read(from: path).answers == answers, "CRLF and BOM (seed \(seed), iteration \(iteration))")

      let (bytes, applied) = Mutation.damage([UInt8](written), using: &generator.rng)
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let context = "seed \(seed), iteration \(iteration): \(applied)"
      do {
        _ = try SessionDocument.read(from: path)
        read += 1
      } catch let error as SessionError {
        #expect(!String(describing: error).isEmpty)
      } catch {
        Issue.record("not a SessionError: \(error) (\(context))")
      }
      let (shell, _) = try ShellFixture.shell()
      shell.execute("setze lage.phase = vorsorge")
      shell.execute("laden \(path)")
      if let problem = Self.consistencyProblem(of: shell.consultation.engine) {
        Issue.record("\(problem) (\(context))")
      }
    }
    #expect(read > 0 && read < iterations, "some damaged sessions still read, others not (\(read))")
  }

  /// The fixture knowledge base, damaged; and unharmed but with CRLF and a byte-order mark,
  /// which must load exactly as the original.
  @Test func knowledgeFiles() throws {
    let iterations = FuzzBudget.iterations(80)
    let folder = ShellFixture.knowledgeBaseDirectory
    var files: [(path: String, bytes: [UInt8])] = []
    for sub in ["Knowledge", "Rules"] {
      for name in try FileManager.default.contentsOfDirectory(atPath: folder + "/" + sub).sorted() {
        let path = "\(sub)/\(name)"
        files.append((path, [UInt8](try #require(FileManager.default.contents(atPath: folder + "/" + path)))))
      }
    }
    func load(_ files: [(path: String, bytes: [UInt8])]) -> LoadResult {
      KnowledgeBaseLoader.compile(
        KnowledgeSources(
          directory: ".",
          knowledgeFiles: files.filter { $0.path.hasSuffix(".yaml") }.map {
            SourceFile(path: $0.path, bytes: $0.bytes)
          },
          ruleFiles: files.filter { $0.path.hasSuffix(".rules") }.map { SourceFile(path: $0.path, bytes: $0.bytes) }))
    }
    let original = load(files)
    let windows = load(files.map { ($0.path, Array(Self.windows(String(decoding: $0.bytes, as: UTF8.self)).utf8)) })
    #expect(windows.diagnostics.map(\.message) == original.diagnostics.map(\.message))
    #expect(windows.knowledgeBase?.rules.count == original.knowledgeBase?.rules.count)
    #expect(windows.knowledgeBase?.questions.map(\.text) == original.knowledgeBase?.questions.map(\.text))

    let seed = FuzzBudget.seed(0x4B_0005)
    var rng = SplitMix64(seed: seed)
    for iteration in 0..<iterations {
      var damaged = files
      let index = Int.random(in: 0..<damaged.count, using: &rng)
      let (bytes, applied) = Mutation.damage(damaged[index].bytes, using: &rng)
      damaged[index].bytes = bytes
      let context = "seed \(seed), iteration \(iteration): \(damaged[index].path) \(applied)"
      let result = load(damaged)
      if let problem = Self.siteProblem(in: result.diagnostics) { Issue.record("\(problem) (\(context))") }
      #expect((result.knowledgeBase == nil) == result.diagnostics.containsErrors, "\(context)")
      _ = DiagnosticRenderer().render(result.diagnostics)
    }
  }
}
