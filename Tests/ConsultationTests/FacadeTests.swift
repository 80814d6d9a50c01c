import Foundation
import Testing
import _ResilienzTestSupport

/// The consultation is the only way into the domain for the front ends: the shell, the report and
/// the executable neither import the engine nor read its state or the knowledge base's dependency
/// index. Checked on the source text, since the compiler would still let a front end reach
/// package-level members.
@Suite struct FacadeTests {
  static let frontEnds = ["Sources/Shell", "Sources/Report", "Sources/resilienz"]

  static func sources(under folder: String) throws -> [(path: String, text: String)] {
    let root = Fixture.repositoryRoot + "/" + folder
    let files = try #require(FileManager.default.enumerator(atPath: root)?.allObjects as? [String])
    return try files.filter { $0.hasSuffix(".swift") }.sorted().map { name in
      (folder + "/" + name, try String(contentsOfFile: root + "/" + name, encoding: .utf8))
    }
  }

  @Test(arguments: frontEnds) func frontEndKeepsToTheConsultation(folder: String) throws {
    let files = try Self.sources(under: folder)
    #expect(!files.isEmpty)
    let forbidden = [
      try Regex(#"^\s*import\s+RuleEngine\b"#).anchorsMatchLineEndings(),
      try Regex(#"\.engine\b(?!\()"#),
      try Regex(#"\bEngine\b"#),
      try Regex(#"\.dependencies\."#),
    ]
    for (path, text) in files {
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let code = line.trimmingPrefix(while: \.isWhitespace)
        if code.hasPrefix("//") { continue }
        for pattern in forbidden where line.contains(pattern) {
          Issue.record("\(path):\(number + 1): reaches past the consultation: \(code)")
        }
      }
    }
  }

  @Test func frontEndTargetsDoNotDependOnTheEngine() throws {
    let manifest = try String(contentsOfFile: Fixture.repositoryRoot + "/Package.swift", encoding: .utf8)
    for target in ["Shell", "Report", "resilienz"] {
      let declaration = try #require(
        manifest.firstRange(of: try Regex("name: \"\(target)\"[^)]*\\)")), "no target \(target)")
      #expect(!manifest[declaration].contains("\"RuleEngine\""), "\(target) depends on RuleEngine")
    }
  }
}
