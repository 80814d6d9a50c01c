import Foundation
import Testing
import _ResilienzTestSupport

/// Runs the built `resilienz` binary, as a user would.
struct CommandLineTests {
  static var binary: URL {
    // The test bundle lies next to the products of the same build.
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [products, products.deletingLastPathComponent()]
    return candidates.map { $0.appendingPathComponent("resilienz") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? URL(fileURLWithPath: Fixture.repositoryRoot + "/.build/debug/resilienz")
  }

  static func run(
    _ arguments: [String], environment: [String: String] = [:], input: String? = nil
  ) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: Fixture.repositoryRoot)
    // Snapshots that `check` and consultations write go to the tests' cache, not ~/.cache.
    var env = TestCache.environment()
    env["COLUMNS"] = "100"
    env.removeValue(forKey: "RESILIENZ_KB")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let stdin = Pipe()
    if input != nil { process.standardInput = stdin }
    try process.run()
    if let input {
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func checkOfTheShippedKnowledgeBaseIsClean() throws {
    let (status, output) = try Self.run(["check", "--strict", "--kb", "."])
    #expect(status == 0, "\(output)")
    #expect(output.hasPrefix("keine Probleme gefunden\n"))
  }

  /// Who answers (`--als`) is said after the greeting, not before it.
  @Test func authorIsAnnouncedAfterTheGreeting() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("resilienz-als-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let (status, output) = try Self.run(
      ["--als", "s2", "--session", folder.path + "/lage.journal"], environment: ["XDG_DATA_HOME": folder.path],
      input: "ende\n")
    #expect(status == 0, "\(output)")
    let greeting = try #require(output.range(of: "Beantworten Sie die Fragen"), "\(output)")
    let author = try #require(output.range(of: "Ab jetzt antwortet: S2"), "\(output)")
    #expect(greeting.upperBound < author.lowerBound, "\(output)")
  }

  /// The README's `evaluate` example works as written, with the sample answer file it names.
  @Test func readmeEvaluateExampleRuns() throws {
    let readme = try String(contentsOfFile: Fixture.repositoryRoot + "/README.md", encoding: .utf8)
    let command = "swift run resilienz evaluate --answers docs/beispiel-lage.txt"
    #expect(readme.contains(command), "README no longer shows: \(command)")
    let (status, output) = try Self.run(["evaluate", "--answers", "docs/beispiel-lage.txt"])
    #expect(status == 0, "\(output)")
    #expect(output.contains("pattern hochwasser "), "\(output)")
    #expect(output.contains("measure fruehwarnung-hochwasser "), "\(output)")
    #expect(output.contains("measure hochwasser-nachbereitung "), "\(output)")
  }

  @Test(arguments: ["--help", "check --help", "evaluate --help"])
  func helpText(arguments: String) throws {
    let (status, output) = try Self.run(arguments.split(separator: " ").map(String.init))
    #expect(status == 0)
    let name =
      "help-" + arguments.replacingOccurrences(of: " --help", with: "").replacingOccurrences(of: "--help", with: "main")
      + ".txt"
    if let problem = Golden.check(output, named: name) { Issue.record(Comment(rawValue: problem)) }
  }

  @Test func checkReportsErrorsWithExitStatusOne() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("resilienz-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Knowledge"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Rules"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(Fixture.baseKnowledge.utf8).write(to: folder.appendingPathComponent("Knowledge/k.yaml"))
    try Data(
      """
      rule r
        source q1
        when reserv in [keine]
        then recommend pool weight 1 because "x"
      """.utf8
    ).write(to: folder.appendingPathComponent("Rules/r.rules"))
    let (status, output) = try Self.run(["check", "--kb", folder.path])
    #expect(status == 1)
    #expect(output.contains("Rules/r.rules:3:8: error: unknown question 'reserv'; did you mean 'reserve'?"))
    let (jsonStatus, json) = try Self.run(["check", "--kb", folder.path, "--format", "json"])
    #expect(jsonStatus == 1)
    #expect(json.contains("\"id\": \"unknown-question\""))
  }

  @Test func missingFolderIsAnInputOutputProblem() throws {
    let (status, output) = try Self.run(["check", "--kb", "/nonexistent/kb"])
    #expect(status == 2)
    #expect(output.contains("/nonexistent/kb/Knowledge: error: no folder"))
  }

  @Test func evaluatePrintsConclusionsAndRejectsBadAnswers() throws {
    let answers = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString).txt")
    defer { try? FileManager.default.removeItem(at: answers) }
    try Data("lage.phase = Bewältigung\nlage.dauer_wochen = 10\npersonal.reserve = keine\n".utf8).write(to: answers)
    let (status, output) = try Self.run(["evaluate", "--kb", ".", "--answers", answers.path])
    #expect(status == 0, "\(output)")
    #expect(output.contains("fact lage.lang_andauernd\n"))
    try Data("lage.dauer_wochen = zehn\n".utf8).write(to: answers)
    let (badStatus, badOutput) = try Self.run(["evaluate", "--kb", ".", "--answers", answers.path])
    #expect(badStatus == 1)
    #expect(badOutput.contains(":1:20: error: „zehn“ ist keine Zahl."))
  }
}

/// Command-line mistakes end with a German message and status 2, like every other unusable input.
struct UsageErrorTests {
  @Test(arguments: [
    "report --foo", "evaluate", "report --kb", "check überzählig", "check --format xml",
  ])
  func usageMistakeIsGermanWithStatusTwo(arguments: String) throws {
    let (status, output) = try CommandLineTests.run(arguments.split(separator: " ").map(String.init))
    #expect(status == 2, "\(output)")
    let name =
      "usage-" + arguments.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "") + ".txt"
    if let problem = Golden.check(output, named: name) { Issue.record(Comment(rawValue: problem)) }
    for english in ["Error:", "Usage:", "Unknown option", "Missing", "See '", "Please provide"] {
      #expect(!output.contains(english), "\(english) in \(output)")
    }
  }
}
