import Foundation

/// What one read from the input yields.
enum IncomingMessage: Sendable {
  /// The body of a message, not yet decoded.
  case body(Data)
  /// A header block that names no usable length; its body cannot be found and is skipped.
  case badHeader(String)
  /// The input ended (or broke off inside a message).
  case end
}

/// Reads `Content-Length`-framed messages (the LSP base protocol) from a byte stream. Only the
/// server's reader thread uses it.
final class MessageReader: @unchecked Sendable {
  /// Larger bodies are refused: a broken length must not make the server allocate without bound.
  static let maximumLength = 64 << 20

  private let input: FileHandle
  private var buffer = Data()
  private var ended = false

  init(input: FileHandle) { self.input = input }

  func next() -> IncomingMessage {
    let separator = Data("\r\n\r\n".utf8)
    var headerEnd: Range<Data.Index>?
    while true {
      headerEnd = buffer.range(of: separator)
      if headerEnd != nil || !fill() { break }
    }
    guard let headerEnd else { return .end }
    let header = String(decoding: buffer[buffer.startIndex..<headerEnd.lowerBound], as: UTF8.self)
    buffer = Data(buffer[headerEnd.upperBound...])
    var length: Int?
    for line in header.split(separator: "\r\n") {
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length"
      else { continue }
      length = Int(parts[1].trimmingCharacters(in: .whitespaces))
    }
    guard let length, length >= 0 else {
      return .badHeader("Der Kopf der Nachricht nennt keine gültige Content-Length.")
    }
    guard length <= Self.maximumLength else {
      ended = true
      buffer = Data()
      return .badHeader("Die Nachricht ist mit \(length) Bytes zu lang (höchstens \(Self.maximumLength)).")
    }
    while buffer.count < length {
      if !fill() { return .end }
    }
    let body = Data(buffer.prefix(length))
    buffer = Data(buffer.dropFirst(length))
    return .body(body)
  }

  /// Reads more input; false at the end of input.
  private func fill() -> Bool {
    guard !ended else { return false }
    let chunk = input.availableData
    if chunk.isEmpty {
      ended = true
      return false
    }
    buffer.append(chunk)
    return true
  }
}

/// Writes framed messages; one writer owns the output.
final class MessageWriter: @unchecked Sendable {
  private let output: FileHandle
  private let lock = NSLock()

  init(output: FileHandle) { self.output = output }

  func send(_ message: JSON) {
    let body = message.encoded()
    var framed = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
    framed.append(body)
    lock.lock()
    defer { lock.unlock() }
    // A closed output (the editor went away) is no reason to crash; the loop ends at end of input.
    try? output.write(contentsOf: framed)
  }
}
