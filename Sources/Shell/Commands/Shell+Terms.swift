import Consultation
import RuleLanguage

extension Shell {
  /// `bezeichnung`: lists the terms, sets the municipality's own text for one, or returns it to
  /// the knowledge base's.
  func termCommand(_ arguments: String) {
    let words = arguments.split(separator: " ", maxSplits: 1).map(String.init)
    guard let term = words.first else {
      line("Begriffe in Empfehlungen und Bericht:")
      for entry in consultation.termTexts {
        let origin = entry.own ? "von Ihnen festgelegt" : "nach Land und Körperschaft"
        say(TextLayout.wrap("\(entry.term): \(entry.text) (\(origin))", first: "  ", rest: "    "))
      }
      return
    }
    let rest = words.count > 1 ? words[1].trimmingSpaces : ""
    let reset = ["zurücksetzen", "zuruecksetzen"].contains(rest.lowercased())
    do {
      try consultation.setTermText(term, to: reset ? nil : rest)
    } catch {
      return fail(String(describing: error))
    }
    let now = consultation.termTexts.first { $0.term == term }?.text ?? rest
    line(reset ? "Zurückgesetzt: \(term) heißt wieder „\(now)“." : "Übernommen: \(term) heißt jetzt „\(now)“.")
  }
}

extension Shell {
  /// `name`: who answers from now on, written with every answer.
  func authorCommand(_ arguments: String) {
    let text = arguments.trimmingSpaces
    if text.isEmpty {
      line(
        consultation.author.map { "Es antwortet: \($0)." }
          ?? "Niemand eingetragen; 'name S2 Lage' trägt ein, wer antwortet.")
      if !kb.staffRoles.isEmpty {
        say(
          TextLayout.wrap(
            "Stabsfunktionen der Wissensbasis (Kennung genügt, etwa 'name s2'): "
              + kb.staffRoles.map { "\($0.id) \($0.title)" }.joined(separator: "; "), first: "  ", rest: "    "))
      }
      return
    }
    if ["zurücksetzen", "zuruecksetzen"].contains(text.lowercased()) {
      consultation.author = nil
      return line("Niemand mehr eingetragen.")
    }
    guard text.count <= 80, !text.contains(where: \.hasControlScalar) else {
      return fail("Bitte einen Namen oder eine Stabsfunktion mit höchstens 80 Zeichen angeben, etwa: name S2 Lage")
    }
    // A staff function of the knowledge base may be named by its id: 'name s2' is „S2 Lage“.
    let role = kb.staffRoles.first { $0.id.folded == text.folded || $0.title.folded == text.folded }
    let author = role?.title ?? text
    consultation.author = author
    line("Ab jetzt antwortet: \(author).")
  }
}
