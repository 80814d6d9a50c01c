/// A JSON-RPC error answer; the codes are those of JSON-RPC 2.0 and the Language Server Protocol.
struct ResponseError: Error, Sendable, Equatable {
  var code: Int
  var message: String

  static func parseError(_ detail: String) -> ResponseError {
    ResponseError(code: -32700, message: "Die Nachricht ist kein gültiges JSON: \(detail)")
  }
  static func invalidRequest(_ detail: String) -> ResponseError {
    ResponseError(code: -32600, message: "Ungültige Anfrage: \(detail)")
  }
  static func methodNotFound(_ method: String) -> ResponseError {
    ResponseError(code: -32601, message: "Unbekannte Methode „\(method)“.")
  }
  static func invalidParams(_ detail: String) -> ResponseError {
    ResponseError(code: -32602, message: "Ungültige Parameter: \(detail)")
  }
  static let serverNotInitialized = ResponseError(
    code: -32002, message: "Der Server ist noch nicht initialisiert; zuerst „initialize“ senden.")
  static let shutDown = ResponseError(
    code: -32600, message: "Der Server wurde mit „shutdown“ beendet; nur noch „exit“ ist möglich.")
  static func requestFailed(_ detail: String) -> ResponseError {
    ResponseError(code: -32803, message: detail)
  }

  var json: JSON { ["code": .int(code), "message": .string(message)] }
}
