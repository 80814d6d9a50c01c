import Consultation
import Foundation
import KnowledgeBase
import RuleEngine
import Shell
import Testing
import _ResilienzTestSupport

/// The fixture knowledge base, the built binary and scratch folders for the shell's tests.
enum ShellFixture {
  /// `Tests/ShellTests`, found from this file's path.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  /// The small knowledge base under `Fixtures/kb` that every test but the shipped consultation uses.
  static var knowledgeBaseDirectory: String { Fixture.dialogueKnowledgeBaseDirectory }

  /// Files the session scripts load: a corrupt session, one from an older knowledge base.
  static var filesDirectory: String { folder.appendingPathComponent("Fixtures/files").path }

  static var transcriptsDirectory: String { folder.appendingPathComponent("Transcripts").path }

  static func knowledgeBase() throws -> KnowledgeBase { try Fixture.dialogueKnowledgeBase() }

  /// The `resilienz` binary of the same build as this test bundle.
  static var binary: URL {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [products, products.deletingLastPathComponent()]
    return candidates.map { $0.appendingPathComponent("resilienz") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? folder.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent(".build-tests/debug/resilienz")
  }

  static func temporaryDirectory(_ label: String) throws -> URL { try Fixture.temporaryDirectory(label) }

  /// A folder in which scripts run: the fixture knowledge base as `kb/`, the session files
  /// beside the script, and an empty folder `ordner/` for the errors about directories.
  static func workspace(_ label: String) throws -> URL {
    let url = try temporaryDirectory(label)
    let manager = FileManager.default
    try manager.copyItem(
      atPath: knowledgeBaseDirectory, toPath: url.appendingPathComponent("kb").path)
    for name in try manager.contentsOfDirectory(atPath: filesDirectory) {
      try manager.copyItem(
        atPath: filesDirectory + "/" + name, toPath: url.appendingPathComponent(name).path)
    }
    try manager.createDirectory(
      at: url.appendingPathComponent("ordner"), withIntermediateDirectories: true)
    return url
  }

  /// The environment for a child: no colour, no shipped knowledge base by accident, and the
  /// state folder (history, default journal) inside `state`.
  static func environment(state: URL, _ extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "RESILIENZ_KB")
    environment["NO_COLOR"] = "1"
    // Answers are stamped with the time; transcripts show it, so it is fixed.
    environment["RESILIENZ_UHRZEIT"] = "2026-12-05T14:32:07Z"
    environment["HOME"] = state.path
    environment["XDG_STATE_HOME"] = state.path
    // Snapshots of the compiled knowledge base go to a cache outside the checkout; the shell
    // tests then run on snapshots after the first start, as users do.
    environment["XDG_CACHE_HOME"] = TestCache.directory
    for (key, value) in extra { environment[key] = value }
    return environment
  }

  /// Runs the binary to its end with `input` on standard input; standard output and error
  /// together.
  static func run(
    _ arguments: [String], in directory: URL, input: String = "", state: URL? = nil
  ) throws -> (status: Int32, output: String) {
    let result = try run(arguments, in: directory, bytes: Data(input.utf8), state: state)
    return (result.status, result.output)
  }

  /// Like `run`, with raw bytes on standard input; also says whether the process ended by a signal.
  static func run(
    _ arguments: [String], in directory: URL, bytes input: Data, state: URL? = nil
  ) throws -> (status: Int32, output: String, signalled: Bool) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment(state: state ?? directory.appendingPathComponent(".state"))
    let output = Pipe()
    let stdin = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = stdin
    try process.run()
    // Written from another thread, so that a large input cannot block on a full output pipe.
    let writer = stdin.fileHandleForWriting
    let feeding = Thread {
      writer.write(input)
      try? writer.close()
    }
    feeding.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: data, as: UTF8.self),
      process.terminationReason == .uncaughtSignal
    )
  }

  /// A shell on the fixture knowledge base that writes into a buffer, as scripts run.
  static func shell(journal: Journal? = nil) throws -> (Shell, BufferOutputSink) {
    let output = BufferOutputSink()
    let consultation = Consultation(knowledgeBase: try knowledgeBase(), journal: journal)
    return (
      Shell(
        consultation: consultation, output: output,
        options: ShellOptions(interactive: false, color: false)), output
    )
  }
}

/// The answers of an engine by question index.
func givenAnswers(of engine: Engine) -> [QuestionID: Answer] {
  var given: [QuestionID: Answer] = [:]
  for (question, answer) in engine.answers.entries {
    if let answer { given[question] = answer }
  }
  return given
}
