import Foundation
import KnowledgeBase
import RuleLanguage

/// A Language Server Protocol server for rule authors: diagnostics, completion, hover, definition,
/// references and rename over the rules, the knowledge YAML and the test scripts.
public final class LanguageServer {
  /// An open document as the editor holds it.
  struct Document {
    var uri: String
    var text: String
    var version: Int?
  }

  let writer: MessageWriter
  let reader: MessageReader
  let queue = EventQueue()
  /// `--kb`; without it the workspace root or the default knowledge base is used.
  let configuredDirectory: String?
  /// How long the server waits after an edit before checking, so that typing is not slowed.
  let debounce: TimeInterval

  var directory = ""
  var initialized = false
  var shutdownRequested = false
  var documents: [String: Document] = [:]
  /// Counts edits; `checkedGeneration` is the generation the index and diagnostics reflect.
  var generation = 0
  var checkedGeneration = -1
  var checkRunning = false
  var checkDue: Date?
  var index: WorkspaceIndex?
  /// Paths whose last published diagnostics were not empty, so that they can be cleared.
  var published = Set<String>()
  var lastDiagnostics: [String: [Diagnostic]] = [:]
  var clientReady = false

  public init(input: FileHandle, output: FileHandle, directory: String?, debounce: TimeInterval = 0.2) {
    reader = MessageReader(input: input)
    writer = MessageWriter(output: output)
    configuredDirectory = directory
    self.debounce = debounce
  }

  /// Serves until `exit` or the end of input; returns the exit status the protocol asks for
  /// (0 after `shutdown`, else 1).
  public func run() -> Int32 {
    let reader = self.reader
    let queue = self.queue
    let thread = Thread {
      while true {
        let message = reader.next()
        queue.push(.incoming(message))
        if case .end = message { return }
      }
    }
    thread.start()
    while true {
      guard let event = queue.pop(until: checkDue) else {
        startCheck()
        continue
      }
      switch event {
      case .checked(let outcome):
        checkRunning = false
        apply(outcome)
        if checkedGeneration < generation, checkDue == nil { checkDue = Date() }
      case .incoming(.end):
        return shutdownRequested ? 0 : 1
      case .incoming(.badHeader(let reason)):
        send(error: .parseError(reason), id: .null)
      case .incoming(.body(let data)):
        if let status = handle(data) { return status }
      }
    }
  }

  // MARK: - Messages

  /// Handles one message; returns an exit status when the server must stop.
  private func handle(_ data: Data) -> Int32? {
    guard let message = JSON.decode(data) else {
      send(error: .parseError("„\(String(decoding: data.prefix(80), as: UTF8.self))“"), id: .null)
      return nil
    }
    guard message.isObject else {
      send(error: .invalidRequest("eine Nachricht muss ein JSON-Objekt sein."), id: .null)
      return nil
    }
    let id = message["id"]
    guard let method = message["method"]?.string else {
      // A response from the client (we send no requests) needs no answer.
      if id != nil, message["result"] != nil || message["error"] != nil { return nil }
      send(error: .invalidRequest("das Feld „method“ fehlt."), id: id ?? .null)
      return nil
    }
    let params = message["params"] ?? .null
    if method == "exit" { return shutdownRequested ? 0 : 1 }
    guard let id else {
      notification(method, params)
      return nil
    }
    do {
      send(result: try request(method, params), id: id)
    } catch let error as ResponseError {
      send(error: error, id: id)
    } catch {
      send(error: .requestFailed("\(error)"), id: id)
    }
    return nil
  }

  private func request(_ method: String, _ params: JSON) throws -> JSON {
    if shutdownRequested { throw ResponseError.shutDown }
    if method == "initialize" { return try initialize(params) }
    guard initialized else { throw ResponseError.serverNotInitialized }
    switch method {
    case "shutdown":
      shutdownRequested = true
      return .null
    case "textDocument/completion": return try completion(params)
    case "textDocument/hover": return try hover(params)
    case "textDocument/definition": return try definition(params)
    case "textDocument/references": return try references(params)
    case "textDocument/prepareRename": return try prepareRename(params)
    case "textDocument/rename": return try rename(params)
    default: throw ResponseError.methodNotFound(method)
    }
  }

  private func notification(_ method: String, _ params: JSON) {
    guard initialized, !shutdownRequested else { return }
    switch method {
    case "initialized":
      clientReady = true
      publish()
    case "textDocument/didOpen": didOpen(params)
    case "textDocument/didChange": didChange(params)
    case "textDocument/didClose": didClose(params)
    case "textDocument/didSave", "workspace/didChangeWatchedFiles": schedule(after: 0)
    default: break  // `$/cancelRequest` and other notifications need nothing from this server.
    }
  }

  private func initialize(_ params: JSON) throws -> JSON {
    guard !initialized else { throw ResponseError.invalidRequest("„initialize“ wurde schon gesendet.") }
    guard params.isObject else { throw ResponseError.invalidParams("„initialize“ braucht ein Objekt als Parameter.") }
    directory = DocumentURI.normalized(configuredDirectory ?? workspaceRoot(params) ?? defaultDirectory())
    initialized = true
    checkNow()
    return [
      "capabilities": [
        "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": false]],
        "completionProvider": ["triggerCharacters": ["=", "[", ","]],
        "hoverProvider": true,
        "definitionProvider": true,
        "referencesProvider": true,
        "renameProvider": ["prepareProvider": true],
      ],
      "serverInfo": ["name": "resilienz"],
    ]
  }

  /// The editor's workspace folder when it holds a knowledge base.
  private func workspaceRoot(_ params: JSON) -> String? {
    var candidates: [String] = []
    for folder in params["workspaceFolders"]?.array ?? [] {
      if let path = folder["uri"]?.string.flatMap(DocumentURI.path(of:)) { candidates.append(path) }
    }
    if let path = params["rootUri"]?.string.flatMap(DocumentURI.path(of:)) { candidates.append(path) }
    if let path = params["rootPath"]?.string { candidates.append(path) }
    let manager = FileManager.default
    return candidates.first {
      manager.fileExists(atPath: $0 + "/Rules") && manager.fileExists(atPath: $0 + "/Knowledge")
    }
  }

  private func defaultDirectory() -> String {
    let directory = KnowledgeSources.defaultDirectory(environment: ProcessInfo.processInfo.environment)
    return directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
  }

  // MARK: - Output

  func send(result: JSON, id: JSON) {
    writer.send(["jsonrpc": "2.0", "id": id, "result": result])
  }

  func send(error: ResponseError, id: JSON) {
    writer.send(["jsonrpc": "2.0", "id": id, "error": error.json])
  }

  func notify(_ method: String, _ params: JSON) {
    writer.send(["jsonrpc": "2.0", "method": .string(method), "params": params])
  }
}
