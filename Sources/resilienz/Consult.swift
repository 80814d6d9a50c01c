import ArgumentParser
import Foundation
import KnowledgeBase
import Shell

/// `resilienz` / `resilienz consult`: the consultation, at a terminal or from standard input.
struct Consult: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Startet die Beratung (Standard, wenn kein Befehl angegeben ist).",
    discussion: """
      Am Terminal mit Zeilenbearbeitung, Verlauf und Tab-Vervollständigung; ohne Terminal \
      werden die Zeilen der Standardeingabe als Skript ausgeführt. Jede Antwort wird vor der \
      Bestätigung in ein Journal geschrieben: mit --session in DATEI, sonst am Terminal unter \
      $XDG_STATE_HOME/resilienz. Eine unterbrochene Beratung lässt sich so fortsetzen. \
      Schreiben kann in einem Journal nur ein Programm zur Zeit; weitere Fenster können mit \
      --folgen mitlesen.
      """)

  @OptionGroup var knowledgeBase: KnowledgeBaseOption

  @Option(help: ArgumentHelp("Beratung in dieser Journaldatei führen: anlegen oder fortsetzen.", valueName: "datei"))
  var session: String?

  @Flag(
    name: [.customLong("folgen"), .customLong("follow")],
    help:
      "Die Beratung in --session nur mitlesen (etwa am Beamer): zeigt den Stand, sobald sich das Journal ändert; schreibt nichts."
  )
  var follow = false

  @Flag(
    name: [.customLong("uebernehmen"), .customLong("take-over")],
    help: "Eine Beratung übernehmen, die ein Programm auf einem anderen Rechner geöffnet und nicht geschlossen hat.")
  var takeOver = false

  @Option(
    name: [.customLong("profil"), .customLong("profile")],
    help: ArgumentHelp(
      "Das Kommunenprofil in dieser Datei (Standard am Terminal: $XDG_DATA_HOME/resilienz/kommunenprofil.json).",
      valueName: "datei"))
  var profile: String?

  @Option(
    name: .customLong("als"),
    help: ArgumentHelp(
      "Wer antwortet: ein Name oder eine Stabsfunktion (Kennung der Wissensbasis wie s2 genügt); steht bei jeder Antwort.",
      valueName: "name"))
  var author: String?

  func validate() throws {
    if follow, session == nil {
      throw ValidationError("--folgen braucht --session DATEI: die Beratung, die mitgelesen wird.")
    }
    if follow, takeOver { throw ValidationError("--folgen liest nur mit; --uebernehmen passt nicht dazu.") }
  }

  func run() throws {
    if follow, let session {
      let status = ConsultationFollower.follow(knowledgeBaseDirectory: knowledgeBase.resolved, sessionPath: session)
      if status != 0 { throw ExitCode(status) }
      return
    }
    let status = Self.consult(
      knowledgeBaseDirectory: knowledgeBase.directory, sessionPath: session, takeOver: takeOver,
      profilePath: profile, author: author)
    if status != 0 { throw ExitCode(status) }
  }

  /// The consultation with the options given (`--kb` nil: the default knowledge base);
  /// `resilienz` without arguments comes here directly (`Resilienz.main`), with every option at
  /// its default.
  static func consult(
    knowledgeBaseDirectory: String?, sessionPath: String? = nil, takeOver: Bool = false,
    profilePath: String? = nil, author: String? = nil
  ) -> Int32 {
    // Read once: Foundation builds the dictionary anew from the C environment at every call.
    let environment = ProcessInfo.processInfo.environment
    return ConsultationLauncher.consult(
      knowledgeBaseDirectory: knowledgeBaseDirectory ?? KnowledgeSources.defaultDirectory(environment: environment),
      sessionPath: sessionPath, takeOver: takeOver, profilePath: profilePath, author: author,
      environment: environment)
  }
}

/// `resilienz run FILE…`: scripted consultations with a deterministic transcript.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Führt Skripte aus: dieselben Befehle wie in der Beratung, dazu 'expect'.",
    discussion: """
      Jede Datei ist eine eigene Beratung. Ausgegeben wird ein deterministisches Protokoll; \
      der Exit-Status ist 0, wenn jeder Befehl gelang und jede Erwartung zutraf, sonst 1.
      """)

  @OptionGroup var knowledgeBase: KnowledgeBaseOption

  @Argument(help: ArgumentHelp("Skriptdateien.", valueName: "datei"))
  var files: [String]

  @Flag(help: "Jede feuernde Regel und jede Änderung von Mustern, Faktoren und Maßnahmen zeigen.")
  var trace = false

  func run() throws {
    let status = ConsultationLauncher.run(scripts: files, knowledgeBaseDirectory: knowledgeBase.resolved, trace: trace)
    if status != 0 { throw ExitCode(status) }
  }
}
