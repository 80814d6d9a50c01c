import Consultation
import KnowledgeBase
import RuleLanguage

extension Shell {
  /// A measure named by its number in the advice as shown now, or by its id; a German problem
  /// otherwise.
  func measureReference(_ word: String) -> Result<MeasureID, ShellProblem> {
    let advice = consultation.advice()
    if let number = Int(word) {
      // A number outside the list (0, negative, past the end, or with no advice yet) changes nothing.
      guard number >= 1, number <= advice.count else {
        return .failure(
          ShellProblem(
            advice.isEmpty
              ? "Es gibt noch keine Empfehlungen, also auch keine Nr. \(number)."
              : "Nr. \(number) gibt es in den Empfehlungen nicht; sie reichen von 1 bis \(advice.count)."))
      }
      return .success(advice[number - 1].measure)
    }
    if let measure = kb.measureIndex[word] { return .success(measure) }
    let suggestion = Suggestion.closest(to: word, in: kb.measures.map(\.id))
    return .failure(
      ShellProblem(
        "„\(word)“ ist weder eine Nummer der Empfehlungen noch eine Maßnahme."
          + (suggestion.map { " Meinten Sie „\($0)“?" } ?? "")))
  }

  /// `auftrag`: lists the tasks, or gives a recommended measure to someone with an optional
  /// deadline (`auftrag 3 S4 Versorgung bis 18 Uhr`).
  func assignCommand(_ arguments: String) {
    let words = arguments.trimmingSpaces.split(separator: " ", maxSplits: 1).map(String.init)
    guard let first = words.first else { return listTasks() }
    let measure: MeasureID
    switch measureReference(first) {
    case .success(let found): measure = found
    case .failure(let problem): return fail(problem.message)
    }
    var owner = words.count > 1 ? words[1] : ""
    var due: String?
    if let range = owner.range(of: " bis ", options: .backwards) {
      due = String(owner[range.upperBound...])
      owner = String(owner[..<range.lowerBound])
    }
    do {
      try consultation.assign(measure, to: owner, due: due)
    } catch {
      return fail(String(describing: error))
    }
    let task = consultation.tasks[measure]
    line("Übernommen: „\(text(consultation.measure(measure).title))“ – \(task?.german ?? "")")
  }

  /// `erledigt <nr>`: the task is done; `erledigt <nr> nein` opens it again.
  func doneCommand(_ arguments: String) {
    let words = arguments.trimmingSpaces.split(separator: " ").map(String.init)
    guard let first = words.first, words.count <= 2 else {
      return fail("Bitte so angeben: erledigt <nr oder maßnahme> [nein]")
    }
    let reopen = words.count == 2
    guard !reopen || words[1].lowercased() == "nein" else {
      return fail("Bitte so angeben: erledigt <nr oder maßnahme> [nein]")
    }
    let measure: MeasureID
    switch measureReference(first) {
    case .success(let found): measure = found
    case .failure(let problem): return fail(problem.message)
    }
    do {
      try consultation.markDone(measure, !reopen)
    } catch {
      return fail(String(describing: error))
    }
    line((reopen ? "Wieder offen: " : "Erledigt: ") + "„\(text(consultation.measure(measure).title))“.")
  }

  /// Every task, in the order of the advice, then those whose measure is no longer recommended.
  func listTasks() {
    let tasks = consultation.tasks
    guard !tasks.isEmpty else {
      return line("Noch keine Aufträge. 'auftrag 3 S4 Versorgung bis 18 Uhr' gibt Maßnahme Nr. 3 an S4.")
    }
    line(emphasis("Aufträge"))
    let advice = consultation.advice()
    for (offset, recommendation) in advice.enumerated() {
      guard let task = tasks[recommendation.measure] else { continue }
      say(
        TextLayout.wrap(
          "\(offset + 1). \(text(consultation.measure(recommendation.measure).title)) – \(task.german)", first: "  ",
          rest: "     "))
    }
    let shown = Set(advice.map(\.measure))
    for (measure, task) in tasks.sorted(by: { $0.key < $1.key }) where !shown.contains(measure) {
      say(
        TextLayout.wrap(
          "– \(text(consultation.measure(measure).title)) (nicht mehr empfohlen) – \(task.german)", first: "  ",
          rest: "     "))
    }
  }
}

/// A German message about what the user typed.
struct ShellProblem: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
