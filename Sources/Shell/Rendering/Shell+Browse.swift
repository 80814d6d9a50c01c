import Consultation
import KnowledgeBase
import RuleLanguage

extension Shell {
  func show(_ arguments: String) {
    let id = arguments.trimmingSpaces
    guard !id.isEmpty else { return fail("Bitte eine Id angeben: zeige <id>") }
    if let index = kb.measureIndex[id] { return showMeasure(index) }
    if let index = kb.questionIndex[id] { return showQuestion(index) }
    if let index = kb.patternIndex[id] { return showPattern(index) }
    if let index = kb.factorIndex[id] { return showFactor(index) }
    if let index = kb.sourceIndex[id] { return showSource(index) }
    if let index = kb.factIndex[id] { return howTarget(.fact(index)) }
    unknownID(id)
  }

  func paragraph(_ label: String, _ body: String) {
    say(TextLayout.wrap("\(label): \(text(body))", first: "  ", rest: "    "))
  }

  func showMeasure(_ index: MeasureID) {
    let item = consultation.measure(index)
    line(emphasis("Maßnahme: \(text(item.title)) (\(item.id))"))
    paragraph("Was", item.description)
    paragraph("Wirkung", item.prevents)
    line("  Erste Schritte:")
    for (number, step) in item.steps.enumerated() {
      say(TextLayout.wrap(text(step), first: "    \(number + 1). ", rest: "       "))
    }
    paragraph("Zuständig", item.office)
    paragraph(
      "Horizont",
      "\(Self.horizonTitles[item.horizon] ?? "") · Aufwand \(Self.effortTitles[item.effort] ?? "") · Phasen: "
        + item.phases.map(Self.phaseTitle).joined(separator: ", "))
    let factors = item.factorIDs.compactMap { kb.factorIndex[$0] }.map {
      "\(kb.factors[$0].id.uppercased()) \(kb.factors[$0].title)"
    }
    paragraph("Stärkt", factors.joined(separator: "; "))
    if !adviceHidden {
      let status =
        consultation.isRecommended(index)
        ? "empfohlen ('wie \(item.id)' erklärt es)" : "nicht empfohlen ('warumnicht \(item.id)' erklärt es)"
      paragraph("Stand", status)
    }
    if !item.examples.isEmpty {
      line("  Praxisbeispiele:")
      for example in item.examples {
        let source = kb.sourceIndex[example.sourceID].map { kb.sources[$0].url } ?? example.sourceID
        say(
          TextLayout.wrap(
            "\(example.place)\(example.year.map { " \($0)" } ?? ""): \(text(example.text)) (\(source))",
            first: "    – ", rest: "      "))
      }
    }
    renderSources(item.sourceIDs)
  }

  static func phaseTitle(_ phase: Phase) -> String {
    switch phase {
    case .vorsorge: "Vorsorge"
    case .vorbereitung: "Vorbereitung"
    case .bewaeltigung: "Bewältigung"
    case .nachbereitung: "Nachbereitung"
    }
  }

  func showQuestion(_ index: QuestionID) {
    let item = kb.questions[index]
    line(emphasis("Frage: \(item.id) (\(text(kb.groups[item.group].title)))"))
    say(TextLayout.wrap(text(item.text), first: "  "))
    paragraph("Antworten", allowedAnswers(item))
    paragraph("Warum", item.help)
    if let relevance = item.relevanceText { paragraph("Gestellt, wenn", relevance) }
    paragraph("Aktuelle Antwort", describe(consultation.answer(index), of: index))
    if item.type == .choice || item.type == .multi {
      paragraph("Kennungen", item.options.map(\.id).joined(separator: ", "))
    }
  }

  func showPattern(_ index: PatternID) {
    let item = kb.patterns[index]
    line(emphasis("Krisenmuster: \(text(item.title)) (\(item.id))"))
    paragraph("Beschreibung", item.description)
    line("  Anzeichen:")
    for indicator in item.indicators { say(TextLayout.wrap(text(indicator), first: "    – ", rest: "      ")) }
    if !item.failureModes.isEmpty {
      line("  Typische Fehler:")
      for mode in item.failureModes { say(TextLayout.wrap(text(mode), first: "    – ", rest: "      ")) }
    }
    if !adviceHidden {
      paragraph(
        "Stand",
        "\(consultation.patternState(index).title), \(Self.points(consultation.patternScore(index))) (Verdacht ab \(item.suspected.germanText), erkannt ab \(item.established.germanText))"
      )
    }
    renderSources(item.sourceIDs)
  }

  func showFactor(_ index: FactorID) {
    let item = kb.factors[index]
    line(emphasis("Resilienzfaktor: \(item.id.uppercased()) \(text(item.title))"))
    paragraph("Befund", item.finding)
    if !item.undrr.isEmpty { paragraph("UNDRR", item.undrr.joined(separator: "; ")) }
    if !adviceHidden {
      paragraph("Bewertung", consultation.factorLevel(index).map { kb.factorLevels[$0].title } ?? "nicht bewertet")
    }
    renderSources(item.sourceIDs)
  }

  func showSource(_ index: SourceID) {
    let item = kb.sources[index]
    line(emphasis("Quelle: \(item.id)"))
    paragraph("Titel", item.title)
    paragraph("Herausgeber", item.publisher + (item.year.map { ", \($0)" } ?? ""))
    line("  URL: \(item.url)")
  }

  func search(_ arguments: String) {
    let needle = arguments.trimmingSpaces.folded
    guard needle.count >= 2 else { return fail("Bitte mindestens zwei Zeichen angeben: suche <text>") }
    var hits: [String] = []
    func check(_ kind: String, _ id: String, _ title: String, _ texts: [String]) {
      if ([id, title] + texts).contains(where: { text($0).folded.contains(needle) }) {
        hits.append("\(kind) \(id): \(text(title))")
      }
    }
    for item in kb.measures {
      check(
        "Maßnahme", item.id, item.title,
        [item.description, item.prevents, item.office] + item.steps + item.examples.map(\.text)
          + item.examples.map(\.place))
    }
    for item in kb.questions { check("Frage", item.id, item.text, [item.help]) }
    for item in kb.patterns { check("Muster", item.id, item.title, [item.description] + item.indicators) }
    for item in kb.factors { check("Faktor", item.id, item.title, [item.finding]) }
    for item in kb.sources { check("Quelle", item.id, item.title, [item.publisher]) }
    guard !hits.isEmpty else { return line("Nichts gefunden zu „\(arguments.trimmingSpaces)“.") }
    line("\(hits.count) \(hits.count == 1 ? "Treffer" : "Treffer") zu „\(arguments.trimmingSpaces)“:")
    for hit in hits { say(TextLayout.wrap(hit, first: "  ", rest: "    ")) }
  }

  func showHelp(_ arguments: String) {
    let name = arguments.trimmingSpaces
    if !name.isEmpty {
      guard let spec = CommandTable.find(name)?.spec else {
        let suggestion = CommandTable.suggestion(for: name)
        return fail("Unbekannter Befehl „\(name)“." + (suggestion.map { " Meinten Sie „\($0)“?" } ?? ""))
      }
      let shown = spec.usage.split(separator: " ").first.map(String.init)
      line(emphasis(spec.usage) + "   (auch: \(spec.allNames.filter { $0 != shown }.joined(separator: ", ")))")
      say(TextLayout.wrap(spec.summary, first: "  "))
      for paragraph in spec.help.split(separator: "\n") {
        say(TextLayout.wrap(String(paragraph), first: "  ", rest: "    "))
      }
      return
    }
    line(emphasis("Befehle"))
    say(TextLayout.wrap("Eine Eingabe, die kein Befehl ist, beantwortet die aktuelle Frage.", first: "  "))
    let column = 30
    var topic: HelpTopic?
    for spec in CommandTable.all.map({ $0.spec }) where !spec.scriptOnly || !options.interactive {
      if spec.topic != topic {
        topic = spec.topic
        line(spec.topic.title + ":")
      }
      let usage = "  " + spec.usage
      if usage.count < column {
        let padded = usage + String(repeating: " ", count: column - usage.count)
        say(TextLayout.wrap(spec.summary, first: padded, rest: String(repeating: " ", count: column)))
      } else {
        line(usage)
        say(TextLayout.wrap(spec.summary, first: String(repeating: " ", count: column)))
      }
    }
    let english = CommandTable.all.map { $0.spec }.filter { !$0.scriptOnly }.map(\.name).joined(separator: ", ")
    say(TextLayout.wrap("Die englischen Namen gehen auch: \(english).", first: "  ", rest: "  "))
  }
}
