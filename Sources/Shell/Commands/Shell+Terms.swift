import Consultation

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
