import KnowledgeBase

struct MunicipalityCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .consultation, name: "municipality", aliases: ["kommunenprofil"],
    usage: "kommunenprofil [speichern|übernehmen]",
    summary: "das Kommunenprofil: die ständigen Antworten über die Kommune",
    help:
      "Zeigt die ständigen Antworten über die Kommune (Organisation, Stab, Übungen, Netzwerke, Nachbereitung) mit ihrem Datum; Antworten, die älter als ein Jahr sind, werden neu gefragt. 'kommunenprofil speichern' übernimmt die Antworten dieser Beratung ins Profil, 'kommunenprofil übernehmen' beantwortet die noch offenen Fragen aus dem Profil. Eine neue Beratung übernimmt das Profil beim Start von selbst."
  )

  let word: String?

  init(_ arguments: CommandArguments) throws(CommandUsageError) { word = try arguments.atMost(1).first }

  func run(in shell: Shell) { shell.municipalityCommand(word ?? "") }
}
