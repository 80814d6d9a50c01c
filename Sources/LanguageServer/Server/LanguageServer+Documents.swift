import Foundation
import KnowledgeBase
import RuleLanguage

extension LanguageServer {
  // MARK: - Document sync

  func didOpen(_ params: JSON) {
    guard let document = params["textDocument"], let uri = document["uri"]?.string,
      let path = DocumentURI.path(of: uri), let text = document["text"]?.string
    else { return }
    documents[path] = Document(uri: uri, text: text, version: document["version"]?.int)
    generation += 1
    schedule(after: 0)
  }

  func didChange(_ params: JSON) {
    guard let uri = params["textDocument"]?["uri"]?.string, let path = DocumentURI.path(of: uri),
      var document = documents[path], let changes = params["contentChanges"]?.array
    else { return }
    for change in changes {
      guard let text = change["text"]?.string else { continue }
      if let range = change["range"], let start = Position(range["start"]), let end = Position(range["end"]) {
        // A ranged change, in case a client sends one although the server asks for whole texts.
        let positions = TextPositions(text: document.text)
        var bytes = Array(document.text.utf8)
        let (from, to) = (positions.offset(of: start), positions.offset(of: end))
        bytes.replaceSubrange(from..<max(from, to), with: Array(text.utf8))
        document.text = String(decoding: bytes, as: UTF8.self)
      } else {
        document.text = text
      }
    }
    document.version = params["textDocument"]?["version"]?.int ?? document.version
    documents[path] = document
    generation += 1
    schedule(after: debounce)
  }

  func didClose(_ params: JSON) {
    guard let uri = params["textDocument"]?["uri"]?.string, let path = DocumentURI.path(of: uri) else { return }
    documents[path] = nil
    generation += 1
    schedule(after: 0)
  }

  // MARK: - Checking

  func schedule(after delay: TimeInterval) {
    let due = Date().addingTimeInterval(delay)
    checkDue = checkDue.map { max($0, due) } ?? due
  }

  func snapshot() -> WorkspaceSnapshot {
    WorkspaceSnapshot(
      directory: directory, overlay: documents.mapValues(\.text), generation: generation)
  }

  /// Starts a check on another thread, so that requests are answered meanwhile from the index.
  func startCheck() {
    checkDue = nil
    guard !checkRunning else { return }
    // Still typing: wait for the editor to pause.
    if queue.hasPendingMessage {
      schedule(after: debounce)
      return
    }
    checkRunning = true
    let snapshot = snapshot()
    let queue = self.queue
    DispatchQueue.global(qos: .userInitiated).async {
      queue.push(.checked(WorkspaceCheck.run(snapshot)))
    }
  }

  /// Checks on this thread: for the first index, and before answers that must see every edit.
  func checkNow() {
    apply(WorkspaceCheck.run(snapshot()))
  }

  func ensureFresh() {
    if checkedGeneration < generation { checkNow() }
  }

  func apply(_ outcome: CheckOutcome) {
    // A slower background check may finish after a newer one: keep the newer.
    guard outcome.generation > checkedGeneration else { return }
    checkedGeneration = outcome.generation
    index = outcome.index
    lastDiagnostics = outcome.diagnostics
    if clientReady { publish() }
  }

  /// Sends the diagnostics of every file that has some, of every open document, and an empty
  /// list for each file whose problems are gone.
  func publish() {
    var paths = Set(lastDiagnostics.keys).union(published).union(documents.keys)
    paths.remove("")
    var nowPublished = Set<String>()
    for path in paths.sorted() {
      let diagnostics = lastDiagnostics[path] ?? []
      if !diagnostics.isEmpty { nowPublished.insert(path) }
      var params: [String: JSON] = [
        "uri": .string(uri(for: path)),
        "diagnostics": .array(diagnostics.map(DiagnosticConversion.json)),
      ]
      if let version = documents[path]?.version { params["version"] = .int(version) }
      notify("textDocument/publishDiagnostics", .object(params))
    }
    published = nowPublished
  }

  func uri(for path: String) -> String { documents[path]?.uri ?? DocumentURI.uri(of: path) }
}
