import Foundation
import KnowledgeBase
import RuleLanguage

/// What reading a line gave.
public enum LineInput: Equatable, Sendable {
  case line(String)
  /// Ctrl-D or the end of a script.
  case end
  /// A script could not be read as written (a missing include, an include cycle); the German
  /// message says why.
  case problem(String)
}

/// Where the shell's input comes from: readline on a terminal, plain lines otherwise.
public protocol LineSource {
  /// Reads one line after showing `prompt` (sources that do not echo may ignore it).
  mutating func readLine(prompt: String) -> LineInput
  /// Whether the source echoes what is typed itself (a terminal does; a script does not).
  var echoesInput: Bool { get }
  /// Where the line just read came from, as `path:line`, for messages about scripts.
  var location: String? { get }
}

extension LineSource {
  public var location: String? { nil }
}

/// Lines from standard input without a terminal.
public struct StandardInputLineSource: LineSource {
  private var lineNumber = 0
  public init() {}

  public var echoesInput: Bool { false }
  public var location: String? { "<stdin>:\(lineNumber)" }

  public mutating func readLine(prompt: String) -> LineInput {
    // `readLine` repairs bytes that are not UTF-8, so no input can stop the shell.
    guard let line = Swift.readLine(strippingNewline: true) else { return .end }
    lineNumber += 1
    return .line(lineNumber == 1 ? TextLines.withoutByteOrderMark(line) : line)
  }
}

/// Lines of a script file, with `include FILE` lines replaced by that file's lines (paths
/// relative to the including file), remembering where each line came from. An included file
/// must lie inside the scope's folder, so that a script handed on cannot read files elsewhere.
public struct ScriptLineSource: LineSource {
  /// Where included files may lie.
  public enum IncludeScope: Sendable {
    /// The folder of the script itself, or below it.
    case scriptFolder
    /// This folder, or below it (the test folder a run was given).
    case folder(String)
    /// Anywhere: only when the user asks for it.
    case anywhere
  }

  public let path: String
  private let includeFolder: String?
  private enum Entry {
    case line(String, location: String)
    case problem(String, location: String)
  }
  private var entries: [Entry] = []
  private var next = 0
  private var current: String?

  /// Reads the script at `path`, following includes.
  public init(
    path: String, includes scope: IncludeScope = .scriptFolder, read: (String) -> String? = ScriptLineSource.readFile
  ) {
    self.path = path
    switch scope {
    case .scriptFolder: includeFolder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    case .folder(let folder): includeFolder = folder
    case .anywhere: includeFolder = nil
    }
    expand(path, stack: [], read: read, from: nil)
  }

  public static func readFile(_ path: String) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
      let data = FileManager.default.contents(atPath: path)
    else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  private mutating func expand(_ path: String, stack: [String], read: (String) -> String?, from location: String?) {
    let normalized = URL(fileURLWithPath: path).standardizedFileURL.path
    if stack.contains(normalized) {
      let chain = (stack + [normalized]).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " → ")
      entries.append(.problem("Zyklus beim Einbinden: \(chain)", location: location ?? path))
      return
    }
    guard let text = read(path) else {
      entries.append(
        .problem(
          "„\(path)“ kann nicht gelesen werden (fehlt, ist ein Ordner oder ohne Leserechte).",
          location: location ?? path))
      return
    }
    expand(path, text: text, stack: stack + [normalized], read: read)
  }

  private mutating func expand(_ path: String, text: String, stack: [String], read: (String) -> String?) {
    let lines = TextLines.lines(text)
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    for (index, line) in lines.enumerated() {
      let location = "\(path):\(index + 1)"
      let words = line.split(separator: " ", maxSplits: 1).map(String.init)
      if let first = words.first, ["include", "einbinden"].contains(first) {
        guard words.count == 2 else {
          entries.append(.problem("Bitte so angeben: include <datei>", location: location))
          continue
        }
        let target = words[1].trimmingSpaces
        let resolved = target.hasPrefix("/") ? target : folder.appendingPathComponent(target).path
        if let includeFolder, !KnowledgeSources.resolves(resolved, inside: includeFolder) {
          entries.append(
            .problem(
              "„\(target)“ liegt außerhalb des Ordners „\(includeFolder)“; eingebunden werden nur Dateien darin.",
              location: location))
          continue
        }
        expand(resolved, stack: stack, read: read, from: location)
        continue
      }
      entries.append(.line(line, location: location))
    }
  }

  public var echoesInput: Bool { false }
  public var location: String? { current }

  public mutating func readLine(prompt: String) -> LineInput {
    guard next < entries.count else { return .end }
    next += 1
    switch entries[next - 1] {
    case .line(let text, let location):
      current = location
      return .line(text)
    case .problem(let message, let location):
      current = location
      return .problem(message)
    }
  }
}
