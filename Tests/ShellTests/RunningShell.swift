import Foundation
import Testing

/// The real binary as a running process with a pipe as standard input: lines go in one by one,
/// and the test waits (with a timeout) for what the shell says back.
final class RunningShell {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var bytes: [UInt8] = []

  init(_ arguments: [String], in directory: URL, state: URL) throws {
    process.executableURL = ShellFixture.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ShellFixture.environment(state: state)
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    try process.run()
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  /// Everything the shell has printed so far.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  func send(_ line: String) {
    input.fileHandleForWriting.write(Data((line + "\n").utf8))
  }

  /// Reads until `done` holds for the output, or the timeout passes; never blocks longer.
  @discardableResult
  func read(until done: (String) -> Bool, timeout: Double = 20) -> Bool {
    let descriptor = output.fileHandleForReading.fileDescriptor
    let deadline = Date().addingTimeInterval(timeout)
    while !done(text) {
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else { return false }
      var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&request, 1, Int32(min(remaining, 0.2) * 1000))
      guard ready > 0 else { continue }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = Glibc.read(descriptor, &buffer, buffer.count)
      if count <= 0 { return done(text) }
      bytes += buffer[0..<count]
    }
    return true
  }

  /// How often `needle` occurs in the output.
  func count(of needle: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  /// Kills the process the hard way, as a power cut or `kill -9` would.
  func killHard() {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }
}
