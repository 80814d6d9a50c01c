import Foundation
import Testing
import _ResilienzTestSupport

@testable import LanguageServer

/// An editor session over the shipped knowledge base, from `initialize` to `exit`.
@Suite struct ShippedKnowledgeSessionTests {
  let root = DocumentURI.normalized(Fixture.repositoryRoot)
  var rules: String { root + "/Rules/rf3-personal.rules" }
  var knowledge: String { root + "/Knowledge/rf3-personal.yaml" }

  func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

  @Test func typingAnErrorAndFixingIt() throws {
    let session = EditorSession(directory: root)
    let answer = session.initialize()
    #expect(answer["result"]?["capabilities"]?["hoverProvider"] == true)
    #expect(answer["result"]?["capabilities"]?["textDocumentSync"]?["change"] == 1)
    let original = try text(rules)
    session.open(rules, text: original)
    #expect(session.diagnostics(for: DocumentURI.uri(of: rules)).isEmpty)

    let broken = original.replacingOccurrences(of: "personal.reserve in [", with: "personal.reserv in [")
    session.change(rules, text: broken, version: 2)
    let found = session.diagnostics(for: DocumentURI.uri(of: rules))
    let spot = try #require(place(of: "personal.reserv in [", in: broken))
    let unknown = try #require(found.first { $0["code"] == "unknown-question" })
    #expect(unknown["range"]?["start"]?["line"]?.int == spot.line)
    #expect(unknown["range"]?["start"]?["character"]?.int == spot.character)
    #expect(unknown["range"]?["end"]?["character"]?.int == spot.character + "personal.reserv".utf16.count)
    #expect(unknown["severity"] == 1)
    #expect(unknown["message"]?.string?.contains("personal.reserve") == true)

    session.change(rules, text: original, version: 3)
    #expect(session.diagnostics(for: DocumentURI.uri(of: rules)).isEmpty)
    #expect(session.request("shutdown")["result"] == .null)
    #expect(session.exit() == 0)
  }

  @Test func completionOffersIDsInContext() throws {
    let session = EditorSession(directory: root)
    _ = session.initialize()
    let original = try text(rules)
    session.open(rules, text: original)
    let values = try #require(place(of: "personal.reserve in [", in: original, offset: "personal.reserve in [".count))
    let valueItems = session.request(
      "textDocument/completion", EditorSession.position(rules, line: values.line, character: values.character))
    let valueLabels = valueItems["result"]?["items"]?.array?.compactMap { $0["label"]?.string } ?? []
    #expect(valueLabels.contains("keine") && valueLabels.contains("gering"))
    #expect(!valueLabels.contains("aufgabenkritik"))

    let typed = original.replacingOccurrences(of: "recommend aufgabenkritik weight 3", with: "recommend aufgaben")
    session.change(rules, text: typed, version: 2)
    let spot = try #require(place(of: "recommend aufgaben", in: typed, offset: "recommend aufgaben".count))
    let measures = session.request(
      "textDocument/completion", EditorSession.position(rules, line: spot.line, character: spot.character))
    let items = measures["result"]?["items"]?.array ?? []
    let item = try #require(items.first { $0["label"] == "aufgabenkritik" })
    #expect(item["detail"]?.string?.hasPrefix("Maßnahme: ") == true)
    #expect(item["textEdit"]?["range"]?["start"]?["character"]?.int == spot.character - "aufgaben".count)
    #expect(items.allSatisfy { $0["label"]?.string?.contains("aufgaben") == true })

    let test = root + "/Rules/tests/faktor-rf3-schwach.test"
    session.open(test, text: "set personal.reserve = ")
    let scriptValues = session.request("textDocument/completion", EditorSession.position(test, line: 0, character: 23))
    let scriptLabels = scriptValues["result"]?["items"]?.array?.compactMap { $0["label"]?.string } ?? []
    #expect(scriptLabels.contains("ausreichend"))
    _ = session.request("shutdown")
    #expect(session.exit() == 0)
  }

  @Test func hoverDefinitionReferencesAndRename() throws {
    let session = EditorSession(directory: root)
    _ = session.initialize()
    let original = try text(rules)
    session.open(rules, text: original)
    _ = session.diagnostics(for: DocumentURI.uri(of: rules))
    let spot = try #require(place(of: "personal.reserve in [", in: original, offset: 3))
    let position = EditorSession.position(rules, line: spot.line, character: spot.character)

    let hover = session.request("textDocument/hover", position)["result"]?["contents"]?["value"]?.string ?? ""
    #expect(hover.contains("**Frage** `personal.reserve`"))
    #expect(hover.contains("`keine` –"))

    let definition = session.request("textDocument/definition", position)["result"]?.array ?? []
    let yaml = try text(knowledge)
    let declared = try #require(place(of: "id: personal.reserve", in: yaml, offset: 4))
    #expect(definition.count == 1)
    #expect(definition.first?["uri"]?.string == DocumentURI.uri(of: knowledge))
    #expect(definition.first?["range"]?["start"]?["line"]?.int == declared.line)
    #expect(definition.first?["range"]?["start"]?["character"]?.int == declared.character)

    let references = session.request("textDocument/references", position)["result"]?.array ?? []
    let files = Set(references.compactMap { $0["uri"]?.string?.split(separator: "/").last.map(String.init) })
    #expect(files.isSuperset(of: ["rf3-personal.rules", "rf3-personal.yaml", "faktor-rf3-schwach.test"]))

    let sourceSpot = try #require(place(of: "source panreflex-rf3", in: original, offset: 8))
    let sourceHover = session.request(
      "textDocument/hover", EditorSession.position(rules, line: sourceSpot.line, character: sourceSpot.character))
    #expect(sourceHover["result"]?["contents"]?["value"]?.string?.contains("**Quelle** `panreflex-rf3`") == true)

    var renameParams = position
    if case .object(var fields) = renameParams {
      fields["newName"] = "personal.personalreserve"
      renameParams = .object(fields)
    }
    let edit = session.request("textDocument/rename", renameParams)
    let changes = edit["result"]?["changes"]?.object ?? [:]
    let edited = Set(changes.keys.compactMap { $0.split(separator: "/").last.map(String.init) })
    #expect(edited.isSuperset(of: ["rf3-personal.rules", "rf3-personal.yaml", "faktor-rf3-schwach.test"]))
    let total = changes.values.compactMap(\.array).map(\.count).reduce(0, +)
    #expect(total == references.count)

    if case .object(var fields) = renameParams {
      fields["newName"] = "personal.krankenstand_steigend"
      let taken = session.request("textDocument/rename", .object(fields))
      #expect(taken["error"]?["message"]?.string?.contains("schon vergeben") == true)
      fields["newName"] = "1falsch"
      #expect(session.request("textDocument/rename", .object(fields))["error"] != nil)
    }
    _ = session.request("shutdown")
    #expect(session.exit() == 0)
  }
}
