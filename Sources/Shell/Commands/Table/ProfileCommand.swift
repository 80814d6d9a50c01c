import KnowledgeBase

struct ProfileCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .advice, name: "profile", aliases: ["profil"], usage: "profil",
    summary: "das Resilienzprofil: die Bewertung der Faktoren",
    help:
      "Zeigt für jeden Resilienzfaktor die Bewertung (kritisch, schwach, ausreichend, stark) oder „nicht bewertet“.")
  static let revealsAdvice = true

  init(_ arguments: CommandArguments) throws(CommandUsageError) { try arguments.none() }

  func run(in shell: Shell) { shell.showProfile() }
}
