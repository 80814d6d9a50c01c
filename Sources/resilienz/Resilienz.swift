import ArgumentParser

/// The `resilienz` command: a consultation on municipal crisis resilience, and tools for rule authors.
@main
struct Resilienz: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resilienz",
    abstract: "Entscheidungsunterstützung für das kommunale Krisenmanagement.",
    discussion: """
      resilienz fragt eine Kommune nach ihrer Lage und empfiehlt priorisierte Maßnahmen, \
      jeweils mit Begründung und Quelle. Das Wissen (Resilienzfaktoren, Krisenmuster, \
      Maßnahmen) steht in Rules/ und Knowledge/; 'resilienz check' prüft es.
      """,
    version: "0.1.0",
    subcommands: [Consult.self, Run.self, Test.self, Check.self, Evaluate.self, Report.self, Drehbuch.self, Lsp.self],
    defaultSubcommand: Consult.self
  )
}
