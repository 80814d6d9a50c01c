import Consultation
import KnowledgeBase
import RuleLanguage

/// `quelle`: where the answers now given come from, kept with each of them.
struct SourceCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .consultation, name: "source", aliases: ["quelle"], usage: "quelle [<woher>|zurücksetzen]",
    summary: "woher die folgenden Antworten stammen; steht bei jeder Antwort",
    help:
      "'quelle Meldung Stadtwerke 14:10 Uhr' hält fest, woher die Information der folgenden Antworten stammt; Journal, 'antworten', Bericht und Export zeigen es bei jeder Antwort („laut Meldung Stadtwerke …“), bis 'quelle' sie ändert oder 'quelle zurücksetzen' sie entfernt. Ohne Angabe zeigt 'quelle' die aktuelle."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) {
    guard !text.isEmpty else {
      return shell.line(
        shell.consultation.informationSource.map { "Antworten stammen jetzt: laut \($0)." }
          ?? "Keine Quelle eingetragen; 'quelle Meldung Stadtwerke' trägt eine ein.")
    }
    if ["zurücksetzen", "zuruecksetzen"].contains(text.folded) {
      shell.consultation.informationSource = nil
      return shell.line("Keine Quelle mehr eingetragen.")
    }
    guard text.count <= 120, !text.contains(where: \.hasControlScalar) else {
      return shell.fail("Bitte die Quelle mit höchstens 120 Zeichen angeben, etwa: quelle Meldung Stadtwerke")
    }
    shell.consultation.informationSource = text
    shell.line("Folgende Antworten laut \(text).")
  }
}
