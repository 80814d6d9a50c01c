import Consultation
import KnowledgeBase

/// `kopf`: the head of the staff's report — municipality, situation, function, distribution and
/// marking — shown, set or removed; kept in the journal.
struct HeaderCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .staff, name: "header", aliases: ["kopf"], usage: "kopf [<feld> <text>|<feld> zurücksetzen]",
    summary: "Kopf des Lageberichts: Kommune, Lage, Funktion, Verteiler, Einstufung",
    help:
      "Ohne Angabe zeigt 'kopf' die Felder mit ihrem Text. 'kopf kommune Kreis Lennetal', 'kopf lage Hochwasser an der Lenne', 'kopf funktion S2 Lage', 'kopf verteiler Landrat, Stab, Leitstelle' und 'kopf einstufung VS-NfD' setzen sie; 'kopf lage zurücksetzen' entfernt einen Eintrag. Die Einstufung (VS-NfD wird zu „VS – NUR FÜR DEN DIENSTGEBRAUCH“) steht auf jeder Seite von Bericht und PDF und in jeder Zeile des Exports. Den Namen setzt 'name', den Namen des Stabes 'bezeichnung stab'. Alles bleibt im Journal."
  )

  let field: String?
  let text: String

  init(_ arguments: CommandArguments) {
    let words = arguments.text.split(separator: " ", maxSplits: 1).map(String.init)
    field = words.first
    text = words.count > 1 ? words[1] : ""
  }

  func run(in shell: Shell) {
    guard let name = field else { return show(in: shell) }
    do {
      let field = try HeaderField(named: name)
      guard !text.isEmpty else {
        return shell.fail(
          "Bitte den Text angeben, etwa: kopf \(field.rawValue) … ('kopf \(field.rawValue) zurücksetzen' entfernt ihn)")
      }
      let reset = ["zurücksetzen", "zuruecksetzen", "entfernen"].contains(text.folded)
      try shell.consultation.setHeader(field, to: reset ? nil : text)
      if let value = shell.consultation.header[field] {
        shell.line("\(field.title): \(value)")
      } else {
        shell.line("\(field.title): entfernt.")
      }
    } catch {
      shell.fail(String(describing: error))
    }
  }

  func show(in shell: Shell) {
    shell.line(shell.emphasis("Kopf des Lageberichts"))
    for field in HeaderField.allCases {
      shell.line("  \(field.title): \(shell.consultation.header[field] ?? "(nicht gesetzt)")")
    }
    shell.line("  Erstellt von: \(shell.consultation.author ?? "(nicht gesetzt; 'name')")")
  }
}
