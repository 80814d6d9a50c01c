import Foundation
import KnowledgeBase
import Mustache
import RuleLanguage

/// The Mustache templates reports are rendered with: every `*.mustache` file of a folder, each a
/// template (and a partial for the others) named after its path without `.mustache`.
public struct ReportTemplates: Sendable {
  /// The folder as given, for messages.
  public let folder: String
  let library: MustacheLibrary

  /// `Knowledge/templates` inside a knowledge base.
  public static let subfolder = "Knowledge/templates"

  /// The templates shipped with this checkout, used by knowledge bases without their own.
  public static var shippedFolder: String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    let folder = root + "/" + subfolder
    let current = FileManager.default.currentDirectoryPath
    return folder.hasPrefix(current + "/") ? String(folder.dropFirst(current.count + 1)) : folder
  }

  /// The folder whose templates render a knowledge base's reports: its own `Knowledge/templates`
  /// when that holds the format's template, else the shipped one.
  public static func folder(
    forKnowledgeBase directory: String?, format: ReportFormat, kind: ReportKind = .full
  ) -> String {
    if let directory {
      let own = KnowledgeSources.join(directory, subfolder)
      if FileManager.default.fileExists(atPath: own + "/" + format.templateName(for: kind) + ".mustache") { return own }
    }
    return shippedFolder
  }

  /// Reads and parses every template of the folder; a template Mustache cannot parse is reported
  /// with its file and position.
  public init(folder: String) throws {
    _ = MarkdownContentType.registered
    self.folder = folder
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ReportError.unreadableTemplate(path: folder, reason: "kein Ordner")
    }
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
      throw ReportError.unreadableTemplate(path: folder, reason: "keine Leserechte")
    }
    var names: [String] = []
    for case let path as String in enumerator where path.hasSuffix(".mustache") {
      if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
      names.append(path)
    }
    var library = MustacheLibrary()
    for name in names.sorted() {
      let path = KnowledgeSources.join(folder, name)
      // A link out of the templates folder would put another file's text into the report.
      guard KnowledgeSources.resolves(path, inside: folder) else {
        throw ReportError.unreadableTemplate(
          path: path, reason: "sie verweist auf eine Datei außerhalb des Ordners „\(folder)“")
      }
      guard let data = FileManager.default.contents(atPath: path) else {
        throw ReportError.unreadableTemplate(path: path, reason: "keine Leserechte oder ein Ordner")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw ReportError.unreadableTemplate(path: path, reason: "kein gültiges UTF-8")
      }
      do {
        library.register(try MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
      } catch let error as MustacheTemplate.ParserError {
        throw ReportError.brokenTemplate(
          path: path, line: error.context.lineNumber, column: error.context.columnNumber,
          sourceLine: error.context.line, reason: Self.reason(error.error))
      } catch {
        throw ReportError.unreadableTemplate(path: path, reason: String(describing: error))
      }
    }
    self.library = library
  }

  /// The templates for a knowledge base's reports in a format (see `folder(forKnowledgeBase:format:)`).
  public init(forKnowledgeBase directory: String?, format: ReportFormat, kind: ReportKind = .full) throws {
    try self.init(folder: Self.folder(forKnowledgeBase: directory, format: format, kind: kind))
  }

  /// The templates for a knowledge base's after-action reports: its own folder when that holds
  /// `auswertung.<format>.mustache`, else the shipped one.
  public init(afterActionForKnowledgeBase directory: String?, format: ReportFormat) throws {
    try self.init(template: "auswertung", forKnowledgeBase: directory, format: format)
  }

  /// The templates for one kind of document: the knowledge base's own folder when that holds
  /// `<template>.<format>.mustache`, else the shipped one.
  init(template base: String, forKnowledgeBase directory: String?, format: ReportFormat) throws {
    var folder = Self.shippedFolder
    if let directory {
      let own = KnowledgeSources.join(directory, Self.subfolder)
      if FileManager.default.fileExists(atPath: own + "/\(base).\(format.markup.rawValue).mustache") { folder = own }
    }
    try self.init(folder: folder)
  }

  /// An exercise's after-action report in the format, rendered with `auswertung.<format>`.
  public func render(_ model: AfterActionModel, as format: ReportFormat) throws -> String {
    try render(model, template: "auswertung", as: format)
  }

  /// A model rendered with `<template>.<format>`.
  func render(_ model: Any, template base: String, as format: ReportFormat) throws -> String {
    let name = "\(base).\(format.markup.rawValue)"
    guard let text = library.render(model, withTemplate: name) else {
      throw ReportError.missingTemplate(name: name, folder: folder)
    }
    // No text from an answer, a note, an exercise or the knowledge base may reorder what a reader sees.
    return text.withoutBidiControls
  }

  /// The report in the format, rendered with the format's template.
  public func render(_ model: ReportModel, as format: ReportFormat, kind: ReportKind = .full) throws -> String {
    let name = format.templateName(for: kind)
    guard let text = library.render(model, withTemplate: name) else {
      throw ReportError.missingTemplate(name: name, folder: folder)
    }
    // No text from an answer, a note or the knowledge base may reorder what a reader sees.
    return text.withoutBidiControls
  }

  /// Mustache's parser error in German.
  static func reason(_ error: any Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return String(describing: error) }
    switch error {
    case .sectionCloseNameIncorrect:
      return "Das schließende Tag {{/…}} passt nicht zum zuletzt geöffneten Abschnitt."
    case .unfinishedName:
      return "Ein Tag ist nicht abgeschlossen (es fehlt „}}“) oder sein Name ist leer oder ungültig."
    case .expectedSectionEnd:
      return "Ein Abschnitt {{#…}} oder {{^…}} wird nicht geschlossen (es fehlt {{/…}})."
    case .invalidSetDelimiter:
      return "Die Angabe neuer Begrenzer {{=… …=}} ist fehlerhaft."
    case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
      return "Ein Block in einer geerbten Vorlage {{<…}} ist fehlerhaft."
    case .invalidConfigVariableSyntax:
      return "Die Einstellung {{% …}} ist fehlerhaft; erwartet wird etwa {{% CONTENT_TYPE: HTML}}."
    case .unrecognisedConfigVariable:
      return "Unbekannte Einstellung {{% …}}; bekannt sind CONTENT_TYPE: HTML, TEXT und MARKDOWN."
    }
  }
}
