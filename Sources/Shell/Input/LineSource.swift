/// What reading a line gave.
public enum LineInput: Equatable, Sendable {
  case line(String)
  /// Ctrl-C: the line being typed was abandoned.
  case interrupted
  /// Ctrl-D or the end of a script.
  case end
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
    return .line(line)
  }
}

/// Lines of a script file, remembering their numbers for messages.
public struct ScriptLineSource: LineSource {
  public let path: String
  private let lines: [String]
  private var next = 0

  public init(path: String, text: String) {
    self.path = path
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    if lines.last == "" { lines.removeLast() }
    self.lines = lines
  }

  public var echoesInput: Bool { false }
  public var location: String? { "\(path):\(next)" }

  public mutating func readLine(prompt: String) -> LineInput {
    guard next < lines.count else { return .end }
    next += 1
    return .line(lines[next - 1])
  }
}
