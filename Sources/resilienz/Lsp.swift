import ArgumentParser
import Foundation
import LanguageServer

/// `resilienz lsp`: a language server for editors, over standard input and output.
struct Lsp: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Startet den Sprachserver (LSP) für Editoren über Standardein- und -ausgabe.",
    discussion: """
      Der Editor startet 'resilienz lsp' selbst und zeigt beim Tippen die Meldungen von \
      'resilienz check', ergänzt Kennungen, zeigt Fragen, Maßnahmen und Quellen an, springt \
      zur Definition, findet Verwendungen und benennt Kennungen um. Ohne --kb gilt der \
      Arbeitsordner des Editors, wenn er Rules/ und Knowledge/ enthält. Einrichtung: docs/editor.md.
      """
  )

  @Option(
    name: .customLong("kb"),
    help: ArgumentHelp(
      "Ordner der Wissensbasis mit Rules/ und Knowledge/ (sonst der Arbeitsordner des Editors, $RESILIENZ_KB oder die mitgelieferte).",
      valueName: "dir"))
  var directory: String?

  func run() throws {
    let server = LanguageServer(
      input: FileHandle.standardInput, output: FileHandle.standardOutput, directory: directory)
    let status = server.run()
    if status != 0 { throw ExitCode(status) }
  }
}
