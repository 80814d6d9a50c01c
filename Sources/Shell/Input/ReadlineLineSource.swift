@preconcurrency import CReadline
import Foundation

// The only file that imports GNU readline. Readline is a C library with global state; the
// completion callbacks below cannot capture context, so the candidates live in these globals,
// touched only from the one thread that runs the shell.
nonisolated(unsafe) private var completionProvider: ((String, String) -> [String])?
nonisolated(unsafe) private var completionCandidates: [String] = []
nonisolated(unsafe) private var completionIndex = 0

private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
  if state == 0 {
    let word = text.map { String(cString: $0) } ?? ""
    let line = rl_line_buffer.map { String(cString: $0) } ?? ""
    let start =
      Int(rl_point) <= line.utf8.count ? String(decoding: line.utf8.prefix(Int(rl_point)), as: UTF8.self) : line
    completionCandidates = completionProvider?(start, word) ?? []
    completionIndex = 0
  }
  guard completionIndex < completionCandidates.count else { return nil }
  completionIndex += 1
  return strdup(completionCandidates[completionIndex - 1])
}

private func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<
  UnsafeMutablePointer<CChar>?
>? {
  rl_attempted_completion_over = 1
  return rl_completion_matches(text, completionGenerator)
}

/// Ctrl-C abandons the line being typed and shows a fresh prompt; the consultation goes on.
private func interruptHandler(_ signal: Int32) {
  _ = write(STDOUT_FILENO, "\n", 1)
  rl_on_new_line()
  rl_replace_line("", 0)
  rl_redisplay()
}

/// Line editing with GNU readline: history kept in a file, tab completion, Ctrl-C handled.
public final class ReadlineLineSource: LineSource {
  private let historyPath: String?

  /// `completions` gets the line up to the cursor and the word being completed.
  public init(historyPath: String?, completions: @escaping (String, String) -> [String]) {
    self.historyPath = historyPath
    completionProvider = completions
    rl_readline_name = UnsafePointer(strdup("resilienz"))
    rl_attempted_completion_function = attemptCompletion
    rl_catch_signals = 0
    signal(SIGINT, interruptHandler)
    using_history()
    if let historyPath {
      _ = read_history(historyPath)
    }
  }

  public var echoesInput: Bool { true }

  public func readLine(prompt: String) -> LineInput {
    readLine(prompt: prompt, remember: true)
  }

  /// Reads a line; `remember: false` keeps it out of the history (answers to confirmations).
  public func readLine(prompt: String, remember: Bool) -> LineInput {
    guard let pointer = readline(prompt) else { return .end }
    defer { free(pointer) }
    let line = String(cString: pointer)
    if remember, !line.allSatisfy(\.isWhitespace) {
      add_history(pointer)
      if let historyPath {
        if FileManager.default.fileExists(atPath: historyPath) {
          _ = append_history(1, historyPath)
        } else {
          _ = write_history(historyPath)
        }
        _ = history_truncate_file(historyPath, 1000)
      }
    }
    return .line(line)
  }
}
