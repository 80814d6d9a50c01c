import Foundation
import Testing
import _ResilienzTestSupport

@testable import LanguageServer

/// Broken messages get JSON-RPC errors, and the server goes on serving.
@Suite struct ProtocolErrorTests {
  let root = DocumentURI.normalized(Fixture.repositoryRoot)

  @Test func errorsBeforeAndAfterInitialize() {
    let session = EditorSession(directory: root)
    #expect(
      session.request("textDocument/hover", EditorSession.position(root + "/Rules/x.rules", line: 0, character: 0))[
        "error"]?["code"] == -32002)

    session.sendRaw("Content-Length: 9\r\n\r\n{\"id\": 1,")
    #expect(session.answer(to: .null)["error"]?["code"] == -32700)
    session.sendRaw("Content-Type: text/plain\r\n\r\n")
    #expect(session.answer(to: .null)["error"]?["code"] == -32700)
    session.sendRaw("Content-Length: 2\r\n\r\n[]")
    #expect(session.answer(to: .null)["error"]?["code"] == -32600)
    session.send(["id": 77, "params": [:]])
    #expect(session.answer(to: 77)["error"]?["code"] == -32600)

    #expect(session.initialize()["result"]?["capabilities"] != nil)
    #expect(session.request("initialize", [:])["error"]?["code"] == -32600)
    #expect(session.request("workspace/symbol", [:])["error"]?["code"] == -32601)
    #expect(session.request("textDocument/hover", [:])["error"]?["code"] == -32602)
    let elsewhere =
      ["textDocument": ["uri": "https://example.org/a.rules"], "position": ["line": 0, "character": 0]] as JSON
    #expect(session.request("textDocument/definition", elsewhere)["error"]?["code"] == -32602)
    // Unknown notifications are ignored; the server still answers afterwards.
    session.notify("$/setTrace", ["value": "off"])
    #expect(session.request("shutdown")["result"] == .null)
    #expect(session.request("textDocument/hover", [:])["error"]?["code"] == -32600)
    #expect(session.exit() == 0)
  }

  @Test func exitWithoutShutdownFails() {
    let session = EditorSession(directory: root)
    _ = session.initialize()
    #expect(session.exit() == 1)
  }
}
