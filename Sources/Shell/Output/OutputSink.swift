import Foundation

/// Where the shell writes what a person reads.
public protocol OutputSink: AnyObject {
  func write(_ text: String)
}

/// Standard output, flushed after every write so that prompts and answers interleave correctly.
public final class StandardOutputSink: OutputSink {
  public init() {}
  public func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}

/// Standard error: problems (a knowledge base with errors), apart from what the shell says.
public final class StandardErrorSink: OutputSink {
  public init() {}
  public func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

/// Collects output in memory, for tests and for `expect output`.
public final class BufferOutputSink: OutputSink {
  public private(set) var text = ""
  public init() {}
  public func write(_ text: String) { self.text += text }
}
