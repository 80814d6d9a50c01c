import Consultation
import Foundation
import KnowledgeBase
import Report

struct ObserverSheetCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .exercise, name: "observer-sheet", aliases: ["beobachterbogen"],
    usage: "beobachterbogen [<datei.md|.html|.pdf>] [--force]",
    summary: "die Beobachterbögen der Übung: Ziele mit Erwartungshorizont zum Abhaken",
    help:
      "Ohne Datei sagt 'beobachterbogen', wie das Drehbuch mit den Bögen gedruckt wird (resilienz drehbuch <id> -o drehbuch.pdf). Mit Datei schreibt er das Drehbuch der laufenden Übung – Übungsziele, Einlagekarten und je Ziel einen Beobachterbogen mit Erwartungshorizont, Einlagen, die es prüfen, und den Kästchen erreicht / teilweise / nicht erreicht. Die Bewertungen trägt danach 'bewerte' ein.",
    exerciseOnly: true
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.observerSheetCommand(text) }
}

extension Shell {
  func observerSheetCommand(_ arguments: String) {
    guard let run = consultation.exercise else { return fail(ExerciseError.noExercise.description) }
    let (path, force) = Self.pathAndForce(arguments)
    guard !path.isEmpty else {
      line(emphasis("Beobachterbögen für „\(text(run.script.title))“"))
      say(
        TextLayout.wrap(
          "Je Übungsziel ein Bogen mit Erwartungshorizont, den Einlagen, die es prüfen, und den Kästchen erreicht / teilweise / nicht erreicht – im Drehbuch nach den Einlagekarten, jeder Bogen auf einer eigenen Seite:",
          first: "  ", rest: "  "))
      line("  resilienz drehbuch \(run.script.id) -o drehbuch.pdf")
      say(
        TextLayout.wrap(
          "Oder hier: 'beobachterbogen drehbuch.html' (.md, .pdf). Die Bewertungen trägt 'bewerte <ziel> erreicht|teilweise|nicht' ein.",
          first: "  ", rest: "  "))
      for (index, objective) in run.script.objectives.enumerated() {
        say(TextLayout.wrap("Ziel \(index + 1): \(text(objective.text))", first: "  ", rest: "    "))
      }
      return
    }
    let usage = "beobachterbogen [<datei.md|.html|.pdf>] [--force]"
    if let problem = Self.fileNameProblem(path, usage: usage) { return fail(problem) }
    guard let format = ReportFormat(fileName: path) else {
      return fail("„\(path)“: Der Bogen braucht die Endung .md, .html oder .pdf.")
    }
    do {
      // The Drehbuch as planned: the sheets are handed out before play.
      let document = try DrehbuchWriter.document(
        run.script, knowledgeBase: kb, as: format, knowledgeBaseDirectory: options.knowledgeBaseDirectory)
      let written = writeUserFile(
        path, force: force, retry: "beobachterbogen \(path) --force", declined: "Keine Beobachterbögen geschrieben."
      ) {
        try ReportWriter.write(document, to: path, overwrite: true, journals: openJournals)
      }
      if written {
        line("Drehbuch mit Beobachterbögen (\(format.title)) geschrieben: „\(path)“.")
      }
    } catch let error as ReportError {
      fail(error.message)
    } catch {
      fail(String(describing: error))
    }
  }
}
