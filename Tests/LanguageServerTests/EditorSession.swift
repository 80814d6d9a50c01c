import Foundation
import Testing

@testable import LanguageServer

/// Drives a server through its message loop like an editor: in-memory pipes, framed JSON-RPC.
final class EditorSession {
  private let input = Pipe()
  private let output = Pipe()
  private let reader: MessageReader
  private let finished = DispatchSemaphore(value: 0)
  private let status = Box()
  private var nextID = 0
  /// Notifications received while waiting for answers, oldest first.
  private(set) var notifications: [JSON] = []

  final class Box: @unchecked Sendable {
    // Written by the server thread before it signals `finished`; read only after waiting for it.
    var value: Int32?
  }

  init(directory: String?) {
    reader = MessageReader(input: output.fileHandleForReading)
    // A short debounce keeps the tests quick; the editor's real pause is irrelevant here.
    let (finished, status) = (self.finished, self.status)
    let (serverInput, serverOutput) = (input.fileHandleForReading, output.fileHandleForWriting)
    let thread = Thread {
      let server = LanguageServer(input: serverInput, output: serverOutput, directory: directory, debounce: 0.01)
      status.value = server.run()
      finished.signal()
    }
    thread.start()
  }

  func sendRaw(_ bytes: String) {
    input.fileHandleForWriting.write(Data(bytes.utf8))
  }

  func send(_ message: JSON) {
    var fields: [String: JSON] = ["jsonrpc": "2.0"]
    if case .object(let given) = message { fields.merge(given) { _, new in new } }
    let body = JSON.object(fields).encoded()
    input.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
  }

  func notify(_ method: String, _ params: JSON = [:]) {
    send(["method": .string(method), "params": params])
  }

  /// Sends a request and returns the whole answer (with `result` or `error`).
  func request(_ method: String, _ params: JSON = [:]) -> JSON {
    nextID += 1
    send(["id": .int(nextID), "method": .string(method), "params": params])
    return answer(to: .int(nextID))
  }

  func answer(to id: JSON) -> JSON {
    while true {
      let message = receive()
      if message["method"] == nil, message["id"] == id { return message }
      notifications.append(message)
    }
  }

  func receive() -> JSON {
    guard case .body(let data) = reader.next(), let message = JSON.decode(data) else {
      Issue.record("the server sent no further message")
      return .null
    }
    return message
  }

  /// The next diagnostics published for `uri` (earlier ones are consumed).
  func diagnostics(for uri: String) -> [JSON] {
    if let index = notifications.firstIndex(where: { $0["params"]?["uri"]?.string == uri && isDiagnostics($0) }) {
      return notifications.remove(at: index)["params"]?["diagnostics"]?.array ?? []
    }
    while true {
      let message = receive()
      if message == .null { return [] }
      if isDiagnostics(message), message["params"]?["uri"]?.string == uri {
        return message["params"]?["diagnostics"]?.array ?? []
      }
      notifications.append(message)
    }
  }

  private func isDiagnostics(_ message: JSON) -> Bool {
    message["method"]?.string == "textDocument/publishDiagnostics"
  }

  /// Sends `exit` and returns the server's exit status.
  func exit() -> Int32? {
    notify("exit")
    finished.wait()
    return status.value
  }

  func initialize(root: String? = nil) -> JSON {
    let answer = request(
      "initialize",
      ["processId": nil, "rootUri": root.map { .string(DocumentURI.uri(of: $0)) } ?? nil, "capabilities": [:]])
    notify("initialized")
    return answer
  }

  func open(_ path: String, text: String) {
    notify(
      "textDocument/didOpen",
      [
        "textDocument": [
          "uri": .string(DocumentURI.uri(of: path)), "languageId": "resilienz", "version": 1, "text": .string(text),
        ]
      ])
  }

  func change(_ path: String, text: String, version: Int) {
    notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": .string(DocumentURI.uri(of: path)), "version": .int(version)],
        "contentChanges": [["text": .string(text)]],
      ])
  }

  static func position(_ path: String, line: Int, character: Int) -> JSON {
    [
      "textDocument": ["uri": .string(DocumentURI.uri(of: path))],
      "position": ["line": .int(line), "character": .int(character)],
    ]
  }
}

/// Where a text stands in a file, as the protocol counts (0-based line, UTF-16 column).
func place(of needle: String, in text: String, offset: Int = 0) -> (line: Int, character: Int)? {
  let lines = text.components(separatedBy: "\n")
  for (number, line) in lines.enumerated() {
    if let range = line.range(of: needle) {
      return (number, line[..<range.lowerBound].utf16.count + offset)
    }
  }
  return nil
}
