import Consultation
import KnowledgeBase

struct InjectCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .exercise, name: "inject", aliases: ["einlage"],
    usage:
      "einlage [<id>|ja|nein] | einlage überspringen <id> | einlage verschieben <id> <T+…> | einlage ändern <id> <text> | einlage neu <T+…> <an-rolle> [<titel>:] <text>",
    summary: "spielt die nächste Einlage ein; die Übungsleitung ändert das Drehbuch während des Spiels",
    help: """
      'einlage' zeigt Übungszeit, Absender, Weg und Text der nächsten Einlage, setzt ihre Antworten und – außer im Blindmodus – was sich an den Empfehlungen ändert. Die Beratungsfrage stellt die Shell danach nicht erneut; 'frage' zeigt sie.
      Hängt die nächste Einlage von einer Frage an die Übungsleitung ab, stellt die Shell sie: am Terminal mit ja/nein, sonst beantworten 'einlage ja' oder 'einlage nein' sie und spielen die Einlage ein.
      'einlage <id>' spielt eine bestimmte Einlage vorzeitig ein; 'einlage überspringen <id>' lässt sie aus, 'einlage verschieben <id> T+3h' legt sie auf eine andere Übungszeit, 'einlage ändern <id> <text>' ersetzt ihren Text.
      'einlage neu T+3h s3 Presse: Anfrage zum Wohnheim …' fügt eine Einlage an die Rolle s3 hinzu (die Rollen zeigt 'rolle'); der Teil vor dem ersten Doppelpunkt ist der Titel (ohne Doppelpunkt: „Zusätzliche Einlage“), Absender ist die Übungsleitung, der Weg „mündlich“, die Kennung zusatz-1, zusatz-2 …
      'einlagen' zeigt das Drehbuch mit dem Stand jeder Einlage.
      """,
    exerciseOnly: true
  )

  let words: [String]

  init(_ arguments: CommandArguments) { words = arguments.words }

  func run(in shell: Shell) { shell.injectCommand(words) }
}

extension Shell {
  func injectCommand(_ words: [String]) {
    guard let verb = words.first else { return releaseNextInject() }
    let rest = Array(words.dropFirst())
    do {
      switch verb.folded {
      case "ja", "nein":
        guard rest.isEmpty else { return fail("Bitte so angeben: einlage ja | einlage nein") }
        guard case .question(let id, _) = try consultation.nextInjectChoice() else {
          return fail("Vor der nächsten Einlage ist keine Frage an die Übungsleitung offen; 'einlage' spielt sie ein.")
        }
        try consultation.answerControlQuestion(id, verb.folded == "ja")
        releaseNextInject()
      case "ueberspringen", "skip":
        guard rest.count == 1 else { return fail("Bitte so angeben: einlage überspringen <id>") }
        try consultation.skipInject(rest[0])
        line("Einlage „\(injectTitle(rest[0]))“ übersprungen.")
      case "verschieben", "delay":
        guard rest.count == 2 else { return fail("Bitte so angeben: einlage verschieben <id> <T+…>") }
        guard let time = ExerciseTime(rest[1]) else { return fail(Self.timeProblem(rest[1])) }
        try consultation.delayInject(rest[0], to: time)
        line("Einlage „\(injectTitle(rest[0]))“ verschoben auf \(time.text).")
      case "aendern", "edit":
        guard rest.count >= 2 else { return fail("Bitte so angeben: einlage ändern <id> <neuer text>") }
        try consultation.editInject(rest[0], text: rest.dropFirst().joined(separator: " "))
        line("Text der Einlage „\(injectTitle(rest[0]))“ geändert.")
      case "neu", "add":
        addInject(rest)
      default:
        guard rest.isEmpty else {
          return fail("„\(verb)“ kennt 'einlage' nicht. Bitte so angeben: \(InjectCommand.spec.usage)")
        }
        showInject(try consultation.releaseInject(verb))
      }
    } catch {
      fail(String(describing: error))
    }
  }

  static func timeProblem(_ text: String) -> String {
    "„\(text)“ ist keine Übungszeit; bitte T+ und die Zeit seit Beginn angeben, etwa T+0, T+45min, T+2h, T+4h45, T+2d oder T+3w."
  }

  /// The title of an inject of the running exercise, for messages; the id if there is none.
  func injectTitle(_ id: String) -> String {
    consultation.exercise?.schedule.entry(id).map { text($0.inject.title) } ?? id
  }

  /// Releases the next inject; an open question to the Übungsleitung is asked at a terminal and
  /// otherwise shown with the commands that answer it.
  func releaseNextInject() {
    do {
      if case .question(let id, let question) = try consultation.nextInjectChoice() {
        guard options.interactive, let confirm else { return askControlQuestion(question) }
        try consultation.answerControlQuestion(id, confirm("Frage an die Übungsleitung: \(question) [j/N] "))
      }
      showInject(try consultation.releaseInject())
    } catch {
      fail(String(describing: error))
    }
  }

  func askControlQuestion(_ question: String) {
    say(TextLayout.wrap("Frage an die Übungsleitung vor der nächsten Einlage: \(text(question))"))
    line("  'einlage ja' oder 'einlage nein' beantwortet sie und spielt die Einlage ein.")
  }

  /// `einlage neu <T+…> <an-rolle> [<titel>:] <text>`.
  private func addInject(_ words: [String]) {
    guard let run = consultation.exercise else { return fail(ExerciseError.noExercise.description) }
    guard words.count >= 3 else {
      return fail("Bitte so angeben: einlage neu <T+…> <an-rolle> [<titel>:] <text>")
    }
    guard let time = ExerciseTime(words[0]) else { return fail(Self.timeProblem(words[0])) }
    guard let role = exerciseRole(words[1], in: run) else { return }
    let content = words.dropFirst(2).joined(separator: " ")
    var title = "Zusätzliche Einlage"
    var body = content
    if let colon = content.firstIndex(of: ":"), content.distance(from: content.startIndex, to: colon) <= 80 {
      let head = content[..<colon].trimmingSpaces
      let tail = content[content.index(after: colon)...].trimmingSpaces
      if !head.isEmpty, !tail.isEmpty { (title, body) = (head, tail) }
    }
    var number = 1
    while run.schedule.entry("zusatz-\(number)") != nil { number += 1 }
    let added = AdHocInject(
      id: "zusatz-\(number)", title: title, text: body, from: "Übungsleitung", to: role.id, channel: "mündlich")
    do {
      try consultation.addInject(added, at: time)
    } catch {
      return fail(String(describing: error))
    }
    line("Einlage „\(title)“ für \(time.text) an \(text(role.title)) hinzugefügt (Kennung \(added.id)).")
  }

  /// Shows a released inject as the staff receives it; the answers it sets only for rule authors
  /// in an open exercise.
  func showInject(_ played: (inject: Inject, change: AdviceChange)) {
    let inject = played.inject
    // The question stays unasked after an inject: the staff works on the inject, 'frage' asks it.
    shownQuestion = consultation.currentQuestion
    announcedComplete = true
    exercisePlay.questionAsked = false
    let stage = consultation.exercise?.stage ?? 0
    line()
    line(emphasis("[Einlage \(stage) · \(inject.time)] \(text(inject.title))"))
    var route: [String] = []
    if !inject.from.isEmpty { route.append("Von: \(text(inject.from))") }
    if !inject.to.isEmpty {
      let role = consultation.exercise?.exercise.role(inject.to)
      route.append("An: \(text(role?.title ?? inject.to))")
    }
    if !inject.channel.isEmpty { route.append("Weg: \(text(inject.channel))") }
    if !route.isEmpty { say(TextLayout.wrap(route.joined(separator: " · "), first: "  ", rest: "  ")) }
    say(TextLayout.wrap(text(inject.text), first: "  ", rest: "  "))
    guard !adviceHidden else { return }
    for (question, answer) in inject.answers {
      if options.technical {
        line("  gesetzt: \(kb.questions[question].id) = \(AnswerParser.format(answer, for: kb.questions[question]))")
      } else {
        say(
          TextLayout.wrap(
            "gesetzt: „\(text(kb.questions[question].text))“ – \(describe(answer, of: question))", first: "  ",
            rest: "    "))
      }
    }
    line(summary(of: played.change, accepted: "Lage aktualisiert."))
  }
}
