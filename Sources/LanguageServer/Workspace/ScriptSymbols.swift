import KnowledgeBase
import RuleLanguage

/// Finds the ids in test scripts (`Rules/tests/*.test`) and development cases
/// (`Rules/cases/*.case`). Their grammar belongs to the shell's test runner, which this module
/// does not link; only the lines that name ids are read here, word by word.
enum ScriptSymbols {
  /// A word whose kind is decided by the ids the knowledge base declares (`wie X` explains a
  /// measure, a pattern or a factor).
  static let anyKind: [SymbolKind] = [.measure, .pattern, .factor, .question, .fact, .rule, .source]

  struct Word {
    var text: String
    var range: SourceRange
  }

  /// An id found in a script; `kinds` lists the candidates in order of preference.
  struct Found {
    var kinds: [SymbolKind]
    var word: Word
    var question: String?
  }

  static func scan(_ file: SourceFile) -> [Found] {
    var found: [Found] = []
    for words in lines(file.bytes) {
      guard let first = words.first else { continue }
      let rest = Array(words.dropFirst())
      func add(_ kinds: [SymbolKind], _ word: Word?, question: String? = nil) {
        if let word { found.append(Found(kinds: kinds, word: word, question: question)) }
      }
      switch first.text {
      case "set":
        guard let question = rest.first else { continue }
        add([.question], question)
        guard rest.count > 2, rest[1].text == "=" else { continue }
        for value in rest.dropFirst(2) { add([.value], value, question: question.text) }
      case "expect":
        guard let what = rest.first?.text else { continue }
        switch what {
        case "recommend": add([.measure], rest[safe: 1])
        case "not": if rest[safe: 1]?.text == "recommend" { add([.measure], rest[safe: 2]) }
        case "top": add([.measure], rest[safe: 2])
        case "factor":
          add([.factor], rest[safe: 1])
          add([.level], rest[safe: 2])
        case "pattern": add([.pattern], rest[safe: 1])
        default: continue
        }
      case "zeige", "wie", "warum", "warumnicht", "entscheide": add(anyKind, rest.first)
      case "main", "pattern": add([.pattern], rest.first)
      case "full", "partial", "mustnot": for word in rest { add([.measure], word) }
      default: continue
      }
    }
    return found
  }

  /// The words of each line, without comments; commas and brackets separate words.
  private static func lines(_ bytes: [UInt8]) -> [[Word]] {
    var result: [[Word]] = []
    var words: [Word] = []
    var index = 0
    var inComment = false
    func separator(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ",")
        || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "\r")
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") {
        result.append(words)
        words = []
        inComment = false
        index += 1
      } else if inComment || separator(byte) {
        index += 1
      } else if byte == UInt8(ascii: "#") {
        inComment = true
        index += 1
      } else {
        let start = index
        while index < bytes.count, !separator(bytes[index]), bytes[index] != UInt8(ascii: "\n") { index += 1 }
        let range = SourceRange(start: start, end: index)
        words.append(Word(text: String(decoding: bytes[start..<index], as: UTF8.self), range: range))
      }
    }
    result.append(words)
    return result
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
