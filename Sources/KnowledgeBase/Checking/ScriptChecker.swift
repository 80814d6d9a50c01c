import Foundation
import RuleLanguage

/// Checks test scripts (`Rules/tests/**/*.test` and the files they include) without running
/// them, so that `check` reports a misspelt id or an answer that does not fit its question with
/// `path:line:column` like every other mistake, before `test` trips over it.
///
/// It knows the test subset of the shell's script grammar: `set`/`setze` (the answer parsed with
/// the one answer grammar, `AnswerParser`), `unset`/`entferne`, `expect`/`erwarte` with every
/// kind of expectation, and `include`/`einbinden`. Every other command is only recognised by its
/// name; the caller passes the names from the shell's command table (`Shell.commandNames`), since
/// KnowledgeBase cannot see the shell — so a new command needs no second list.
public struct ScriptChecker {

  /// The words after `expect` that name a kind of expectation, English and German.
  public static let expectationKinds: [String] = [
    "recommend", "empfohlen", "not", "top", "pattern", "muster", "factor", "faktor", "next", "naechste",
    "open", "offen", "output", "ausgabe",
  ]

  /// The states `expect pattern` takes, English and German.
  public static let patternStates = [
    "inactive", "nicht-erkannt", "suspected", "verdacht", "established", "erkannt",
  ]

  /// Lines naming a file to read in place, exactly as the script reader spells them.
  static let includeNames: Set<String> = ["include", "einbinden"]

  let knowledgeBase: KnowledgeBase
  let read: (String) -> [UInt8]?
  /// Where included files may lie (nil: anywhere), as `resilienz test` allows by default.
  let includeFolder: String?
  private let foldedCommands: [String: String]

  public init(
    knowledgeBase: KnowledgeBase, includeFolder: String?, commandNames: [String],
    read: @escaping (String) -> [UInt8]? = ScriptChecker.readFile
  ) {
    self.knowledgeBase = knowledgeBase
    self.includeFolder = includeFolder
    self.read = read
    var spelling: [String: String] = [:]
    // Umlauts are optional when typing a command; the suggestion is spelt with them.
    for name in commandNames where spelling[name.folded] == nil || name.contains(where: { "äöüß".contains($0) }) {
      spelling[name.folded] = name
    }
    foldedCommands = spelling
  }

  public static func readFile(_ path: String) -> [UInt8]? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
      let data = FileManager.default.contents(atPath: path)
    else { return nil }
    return [UInt8](data)
  }

  /// The test scripts of a knowledge base folder (`Rules/tests`, recursively), sorted.
  public static func testScripts(in directory: String) -> [String] {
    let folder = KnowledgeSources.join(directory, "Rules/tests")
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let name = enumerator.nextObject() as? String {
      if name.hasSuffix(".test") { found.append(KnowledgeSources.join(folder, name)) }
    }
    return found.sorted()
  }

  /// Checks the test scripts of a knowledge base folder and everything they include.
  public static func check(directory: String, knowledgeBase: KnowledgeBase, commandNames: [String]) -> [Diagnostic] {
    let checker = ScriptChecker(
      knowledgeBase: knowledgeBase, includeFolder: KnowledgeSources.join(directory, "Rules/tests"),
      commandNames: commandNames)
    return checker.check(testScripts(in: directory))
  }

  /// Checks the scripts and each file they include once.
  public func check(_ scripts: [String]) -> [Diagnostic] {
    var visited: Set<String> = []
    var diagnostics: [Diagnostic] = []
    for script in scripts {
      guard let bytes = read(script) else {
        diagnostics.append(
          Diagnostic(
            KnowledgeMessage.unreadable(script, reason: "not a readable file").message,
            at: DiagnosticSite(path: script)))
        continue
      }
      checkFile(SourceFile(path: script, bytes: bytes), stack: [], visited: &visited, into: &diagnostics)
    }
    return diagnostics
  }

  static func normalized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

  private func checkFile(
    _ file: SourceFile, stack: [String], visited: inout Set<String>, into diagnostics: inout [Diagnostic]
  ) {
    let key = Self.normalized(file.path)
    guard visited.insert(key).inserted else { return }
    let stack = stack + [key]
    for (index, text) in TextLines.lines(file.text).enumerated() {
      let line = ScriptLine(text: text, start: file.offset(line: index + 1, column: 1))
      guard let first = line.words.first, !first.text.hasPrefix("#") else { continue }
      var report = Reporter(file: file)
      if Self.includeNames.contains(first.text) {
        include(line, in: file, stack: stack, visited: &visited, report: &report)
      } else {
        checkCommand(line, report: &report)
      }
      diagnostics += report.diagnostics
    }
  }

  private func include(
    _ line: ScriptLine, in file: SourceFile, stack: [String], visited: inout Set<String>, report: inout Reporter
  ) {
    guard line.words.count > 1 else {
      return report.add(.scriptUsage(command: line.words[0].text, usage: "include <datei>"), at: line.words[0])
    }
    let target = line.rest(after: 0)
    let folder = (file.path as NSString).deletingLastPathComponent
    let resolved = target.text.hasPrefix("/") ? target.text : KnowledgeSources.join(folder, target.text)
    if let includeFolder, !KnowledgeSources.resolves(resolved, inside: includeFolder) {
      return report.add(.includeOutside(target.text, folder: includeFolder), at: target)
    }
    if let position = stack.firstIndex(of: Self.normalized(resolved)) {
      let chain = (stack[position...] + [Self.normalized(resolved)]).map { ($0 as NSString).lastPathComponent }
      return report.add(.includeCycle(chain.joined(separator: " → ")), at: target)
    }
    guard let bytes = read(resolved) else { return report.add(.missingInclude(target.text), at: target) }
    var nested: [Diagnostic] = []
    checkFile(SourceFile(path: resolved, bytes: bytes), stack: stack, visited: &visited, into: &nested)
    report.diagnostics += nested
  }

  private func checkCommand(_ line: ScriptLine, report: inout Reporter) {
    let word = line.words[0]
    switch word.text.folded {
    case "set", "setze": assignment(line, report: &report)
    case "unset", "entferne":
      guard line.words.count == 2 else {
        return report.add(.scriptUsage(command: word.text, usage: "entferne <frage>"), at: word)
      }
      _ = question(line.words[1], report: &report)
    case "expect", "erwarte": expectation(line, report: &report)
    default:
      guard foldedCommands[word.text.folded] == nil else { return }
      // A line that is no command answers the question shown; which one that is depends on the
      // run, so only a line no question accepts is certainly wrong.
      let answer = line.rest(after: -1).text
      let answers = knowledgeBase.questions.contains { question in
        if case .success = AnswerParser.parse(answer, for: question) { return true }
        return false
      }
      guard !answers else { return }
      let suggestion = Suggestion.closest(to: word.text.folded, in: foldedCommands.keys.sorted()).flatMap {
        foldedCommands[$0]
      }
      report.add(.unknownCommand(word.text, suggestion: suggestion), at: word)
    }
  }

  /// `set <frage> = <antwort>`, split at the first `=` as the shell does.
  private func assignment(_ line: ScriptLine, report: inout Reporter) {
    let command = line.words[0]
    let usage = KnowledgeMessage.scriptUsage(command: command.text, usage: "setze <frage> = <antwort>")
    let rest = line.rest(after: 0)
    guard let equals = rest.text.firstIndex(of: "=") else {
      return report.add(usage, at: rest.isEmpty ? command : rest)
    }
    let name = rest.slice(rest.text.startIndex..<equals)
    let value = rest.slice(rest.text.index(after: equals)..<rest.text.endIndex)
    guard !name.isEmpty else { return report.add(usage, at: command) }
    guard let index = question(name, report: &report) else { return }
    let item = knowledgeBase.questions[index]
    if case .failure(let problem) = AnswerParser.parse(value.text, for: item) {
      report.add(
        .invalidAnswer(value.text, question: item.id, problem: problem.description), at: value.isEmpty ? rest : value)
    }
  }

  private func expectation(_ line: ScriptLine, report: inout Reporter) {
    let words = Array(line.words.dropFirst())
    let command = line.words[0]
    guard let kind = words.first else {
      return report.add(.scriptUsage(command: command.text, usage: "erwarte <was> …"), at: command)
    }
    func usage(_ form: String) { report.add(.scriptUsage(command: "expect \(kind.text)", usage: form), at: kind) }
    switch kind.text.folded {
    case "recommend", "empfohlen":
      guard words.count == 2 else { return usage("expect recommend <maßnahme>") }
      reference(words[1], "measure", knowledgeBase.measureIndex, knowledgeBase.measures.map(\.id), report: &report)
    case "not":
      guard words.count == 3, ["recommend", "empfohlen"].contains(words[1].text.folded) else {
        return usage("expect not recommend <maßnahme>")
      }
      reference(words[2], "measure", knowledgeBase.measureIndex, knowledgeBase.measures.map(\.id), report: &report)
    case "top":
      guard words.count == 3, (Int(words[1].text) ?? 0) > 0 else {
        return usage("expect top <n> <maßnahme>")
      }
      reference(words[2], "measure", knowledgeBase.measureIndex, knowledgeBase.measures.map(\.id), report: &report)
    case "pattern", "muster":
      guard words.count == 3 else { return usage("expect pattern <muster> <inactive|suspected|established>") }
      reference(words[1], "pattern", knowledgeBase.patternIndex, knowledgeBase.patterns.map(\.id), report: &report)
      if !Self.patternStates.contains(words[2].text.folded) {
        report.add(
          .invalidChoice(
            words[2].text, field: "expect pattern", allowed: Self.patternStates,
            suggestion: Suggestion.closest(to: words[2].text.folded, in: Self.patternStates)),
          at: words[2])
      }
    case "factor", "faktor":
      guard words.count == 3 else { return usage("expect factor <faktor> <stufe>") }
      reference(words[1], "factor", knowledgeBase.factorIndex, knowledgeBase.factors.map(\.id), report: &report)
      if !["unassessed", "nicht-bewertet"].contains(words[2].text.folded) {
        let levels = knowledgeBase.factorLevels.map(\.id) + ["unassessed"]
        reference(words[2], "level", knowledgeBase.levelIndex, levels, report: &report)
      }
    case "next", "naechste":
      guard words.count == 2 else { return usage("expect next <frage|none>") }
      if words[1].text != "none" { _ = question(words[1], report: &report) }
    case "open", "offen":
      guard words.count == 2 else { return usage("expect open <frage>") }
      _ = question(words[1], report: &report)
    case "output", "ausgabe":
      guard words.count > 1 else { return usage("expect output <text>") }
    default:
      let kinds = ["recommend", "not", "top", "pattern", "factor", "next", "open", "output"]
      report.add(
        .unknownExpectation(
          kind.text, allowed: kinds, suggestion: Suggestion.closest(to: kind.text.folded, in: Self.expectationKinds)),
        at: kind)
    }
  }

  private func question(_ word: ScriptWord, report: inout Reporter) -> QuestionID? {
    reference(word, "question", knowledgeBase.questionIndex, knowledgeBase.questions.map(\.id), report: &report)
  }

  @discardableResult
  private func reference<Entity>(
    _ word: ScriptWord, _ kind: String, _ index: [String: ID<Entity>], _ all: [String], report: inout Reporter
  ) -> ID<Entity>? {
    if let found = index[word.text] { return found }
    report.add(
      .unknownReference(kind: kind, word.text, suggestion: Suggestion.closest(to: word.text, in: all)), at: word)
    return nil
  }

  /// Collects one line's diagnostics.
  private struct Reporter {
    let file: SourceFile
    var diagnostics: [Diagnostic] = []

    mutating func add(_ message: KnowledgeMessage, at word: ScriptWord) {
      diagnostics.append(Diagnostic(message.message, in: file, at: SourceRange(start: word.start, end: word.end)))
    }
  }
}

/// A piece of a script line with its byte range in the file.
struct ScriptWord {
  var text: String
  var start: Int
  var end: Int

  var isEmpty: Bool { text.isEmpty }

  /// The part between two indices of `text`, trimmed, with its own range.
  func slice(_ range: Range<String.Index>) -> ScriptWord {
    let part = text[range]
    let leading = part.prefix { $0.isWhitespace }
    let trimmed = String(String(part).trimmingWhitespace)
    let offset = start + text[..<range.lowerBound].utf8.count + leading.utf8.count
    return ScriptWord(text: trimmed, start: offset, end: offset + trimmed.utf8.count)
  }
}

/// One line of a script split into words at spaces (a tab counts as one), as the shell splits it.
struct ScriptLine {
  var text: String
  var start: Int
  var words: [ScriptWord] = []

  init(text: String, start: Int) {
    self.text = String(text.map { $0 == "\t" ? " " : $0 })
    self.start = start
    var offset = start
    var current = ""
    var currentStart = start
    for character in self.text {
      if character == " " {
        if !current.isEmpty { words.append(ScriptWord(text: current, start: currentStart, end: offset)) }
        current = ""
      } else {
        if current.isEmpty { currentStart = offset }
        current.append(character)
      }
      offset += character.utf8.count
    }
    if !current.isEmpty { words.append(ScriptWord(text: current, start: currentStart, end: offset)) }
  }

  /// The rest of the line after word `index` (-1: the whole line), trimmed, with its range.
  func rest(after index: Int) -> ScriptWord {
    let whole = ScriptWord(text: text, start: start, end: start + text.utf8.count)
    let from = index < 0 ? (words.first?.start ?? start) : words[index].end
    let lower = text.utf8.index(text.startIndex, offsetBy: from - start)
    return whole.slice(lower..<text.endIndex)
  }
}
