import Foundation
import Testing
import _ResilienzTestSupport

@testable import Shell

/// The command table is built from the files in `Commands/Table` (the CommandTablePlugin): every
/// command type there is in it once, under a topic of `hilfe`, with names no other command has.
@Suite struct CommandTableTests {
  static let folder = Fixture.repositoryRoot + "/Sources/Shell/Commands/Table"

  @Test func everyCommandFileIsInTheTable() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".swift") }
    var declared: [String] = []
    for file in files {
      let source = try String(contentsOfFile: Self.folder + "/" + file, encoding: .utf8)
      declared += source.split(separator: "\n").compactMap { line in
        guard line.hasPrefix("struct "), line.contains(": ShellCommand") else { return nil }
        return line.dropFirst("struct ".count).split(separator: ":").first.map(String.init)
      }
    }
    let listed = CommandTable.all.map { String(describing: $0) }
    #expect(!declared.isEmpty)
    #expect(listed.sorted() == declared.sorted())
    // Independent of how a declaration is spelt: each file is named after its command type.
    #expect(Set(files.map { String($0.dropLast(".swift".count)) }) == Set(listed))
  }

  @Test func namesAreUniqueAndTopicsInOrder() {
    // A command may list a name with and without umlauts; no two commands share one.
    let names = CommandTable.all.flatMap { Set($0.spec.allNames.map(\.folded)) }
    #expect(Set(names).count == names.count)
    let topics = CommandTable.all.map { $0.spec.topic }
    #expect(topics == topics.sorted())
    #expect(Set(topics) == Set(HelpTopic.allCases))
  }
}
