import Foundation
import KnowledgeBase
import RuleEngine

/// A saved consultation: a versioned JSON document with the answers by question id.
public struct SessionDocument: Codable, Equatable, Sendable {
  public struct KnowledgeBaseReference: Codable, Equatable, Sendable {
    public var id: String
    public var version: String
    public init(id: String, version: String) {
      self.id = id
      self.version = version
    }
  }

  public struct SavedAnswer: Codable, Equatable, Sendable {
    public var question: String
    public var answer: String
    public init(question: String, answer: String) {
      self.question = question
      self.answer = answer
    }
  }

  public var format = "resilienz-session"
  public var formatVersion = 1
  public var knowledgeBase: KnowledgeBaseReference
  public var answers: [SavedAnswer]
  /// The municipality's own texts for terms (its name for the staff), by term id; absent in files
  /// written before there were any.
  public var terms: [String: String]?

  public init(knowledgeBase: KnowledgeBaseReference, answers: [SavedAnswer], terms: [String: String]? = nil) {
    self.knowledgeBase = knowledgeBase
    self.answers = answers
    self.terms = terms
  }
}

/// Why a session could not be saved or loaded; the description is German, for users.
public enum SessionError: Error, CustomStringConvertible, Equatable {
  case exists(String)
  case cannotWrite(String, reason: String)
  case cannotRead(String, reason: String)
  case notASession(String)
  case newerFormat(String, Int)

  public var description: String {
    switch self {
    case .exists(let path):
      "„\(path)“ gibt es schon. Zum Überschreiben: speichern \(path) --force"
    case .cannotWrite(let path, let reason): "„\(path)“ kann nicht geschrieben werden: \(reason)."
    case .cannotRead(let path, let reason): "„\(path)“ kann nicht gelesen werden: \(reason)."
    case .notASession(let path): "„\(path)“ ist keine gespeicherte Beratung von resilienz."
    case .newerFormat(let path, let version):
      "„\(path)“ hat das Format \(version), das diese Version von resilienz noch nicht kennt."
    }
  }
}

extension SessionDocument {
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  /// Writes the document to a temporary file beside `path` and renames it over `path`, so that
  /// the file is either the old one or the complete new one, never half written.
  public func write(to path: String, overwrite: Bool) throws {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue { throw SessionError.cannotWrite(path, reason: "das ist ein Ordner") }
      if !overwrite { throw SessionError.exists(path) }
    }
    guard let data = try? Self.encoder.encode(self) else {
      throw SessionError.cannotWrite(path, reason: "nicht kodierbar")
    }
    do {
      try AtomicFile.write(data + Data("\n".utf8), to: path)
    } catch {
      throw SessionError.cannotWrite(path, reason: String(describing: error))
    }
  }

  /// Reads a document written by `write`.
  public static func read(from path: String) throws -> SessionDocument {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw SessionError.cannotRead(path, reason: "die Datei gibt es nicht")
    }
    if isDirectory.boolValue { throw SessionError.cannotRead(path, reason: "das ist ein Ordner") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SessionError.cannotRead(path, reason: "keine Leserechte")
    }
    guard let document = try? JSONDecoder().decode(SessionDocument.self, from: data),
      document.format == "resilienz-session"
    else { throw SessionError.notASession(path) }
    guard document.formatVersion <= 1 else { throw SessionError.newerFormat(path, document.formatVersion) }
    return document
  }
}
