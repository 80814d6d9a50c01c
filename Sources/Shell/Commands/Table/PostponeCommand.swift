import Consultation
import KnowledgeBase

/// `zurückstellen`: the staff decides not to take up a recommended measure now, and says why.
struct PostponeCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .staff, name: "postpone", aliases: ["zurückstellen", "zurueckstellen"], usage: "zurückstellen <nr> <grund>",
    summary: "stellt eine empfohlene Maßnahme mit Grund zurück",
    help:
      "'zurückstellen 4 erst nach der Lagebesprechung um 14 Uhr' hält fest, dass der Stab die Maßnahme Nr. 4 jetzt nicht angeht, mit Grund, Uhrzeit und – wo mit 'name' angegeben – wer es entschied. Empfehlungen, Bericht und Export zeigen es; 'auftrag 4 …' vergibt sie später doch."
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) {
    let words = text.split(separator: " ", maxSplits: 1).map(String.init)
    guard let first = words.first else { return shell.fail("Bitte so angeben: \(Self.spec.usage)") }
    let measure: MeasureID
    switch shell.measureReference(first) {
    case .success(let found): measure = found
    case .failure(let problem): return shell.fail(problem.message)
    }
    do {
      try shell.consultation.postpone(measure, reason: words.count > 1 ? words[1] : "")
    } catch {
      return shell.fail(String(describing: error))
    }
    let task = shell.consultation.tasks[measure]?.german ?? ""
    shell.line("„\(shell.text(shell.consultation.measure(measure).title))“: \(task)")
  }
}
