import Consultation
import KnowledgeBase

extension Shell {
  /// `kommunenprofil [speichern|übernehmen]`: shows, saves or applies the standing answers.
  func municipalityCommand(_ arguments: String) {
    guard let path = options.profilePath else {
      return fail(
        "Kein Kommunenprofil eingerichtet: Starten Sie mit --profil DATEI (in der Beratung am Terminal liegt es im Datenordner von resilienz)."
      )
    }
    let profile: MunicipalProfile
    do {
      profile = try MunicipalProfile.load(path: path)
    } catch {
      return fail(String(describing: error))
    }
    switch arguments.trimmingSpaces.folded {
    case "":
      showMunicipalProfile(profile)
    case "speichern", "save":
      var updated = profile
      let changed = updated.update(from: consultation, today: options.today)
      do {
        try updated.save(path: path)
      } catch {
        return fail(String(describing: error))
      }
      line(
        "Kommunenprofil gespeichert: \(Self.count(updated.answers.count, "Antwort", "Antworten")), davon \(changed) neu oder geändert."
      )
    case "uebernehmen", "übernehmen", "apply":
      applyMunicipalProfile(profile)
    default:
      fail(
        "„\(arguments)“ kennt 'kommunenprofil' nicht. Möglich: kommunenprofil, kommunenprofil speichern, kommunenprofil übernehmen"
      )
    }
  }

  /// Takes the profile's answers for the open standing questions, and says what it did.
  func applyMunicipalProfile(_ profile: MunicipalProfile) {
    do {
      let result = try consultation.apply(profile, today: options.today)
      var text = "Aus dem Kommunenprofil übernommen: \(Self.count(result.taken.count, "Antwort", "Antworten"))."
      if !result.outdated.isEmpty {
        text +=
          " \(Self.count(result.outdated.count, "Antwort ist", "Antworten sind")) älter als ein Jahr und \(result.outdated.count == 1 ? "wird" : "werden") neu gefragt."
      }
      if !result.misfits.isEmpty {
        text += " Nicht mehr passend und übergangen: \(result.misfits.joined(separator: ", "))."
      }
      say(TextLayout.wrap(text))
      shownQuestion = nil
    } catch {
      fail(String(describing: error))
    }
  }

  func showMunicipalProfile(_ profile: MunicipalProfile) {
    guard !profile.answers.isEmpty else {
      return say(
        TextLayout.wrap(
          "Das Kommunenprofil ist leer. 'kommunenprofil speichern' übernimmt die ständigen Antworten dieser Beratung."))
    }
    line(emphasis("Kommunenprofil"))
    for (index, question) in kb.questions.entries where question.profile {
      guard let entry = profile.answers[question.id] else { continue }
      let answer = AnswerParser.parse(entry.answer, for: question)
      let shown = (try? answer.get()).map { describe($0, of: index) } ?? entry.answer
      let old = MunicipalProfile.isOutdated(entry.date, today: options.today) ? " – veraltet, wird neu gefragt" : ""
      say(TextLayout.wrap("\(text(question.text)) – \(shown) (Stand \(entry.date)\(old))", first: "  ", rest: "    "))
    }
  }

  /// At the start of a consultation without answers: takes the profile's answers, if there are any.
  public func startFromMunicipalProfile() {
    guard let path = options.profilePath, !consultation.hasAnswers else { return }
    do {
      let profile = try MunicipalProfile.load(path: path)
      guard !profile.answers.isEmpty else { return }
      applyMunicipalProfile(profile)
    } catch {
      say(TextLayout.wrap("Hinweis: \(error)"))
    }
  }

  /// At the end of a consultation at a terminal: keeps its standing answers in the profile.
  public func keepMunicipalProfile() {
    guard let path = options.profilePath else { return }
    do {
      var profile = try MunicipalProfile.load(path: path)
      let changed = profile.update(from: consultation, today: options.today)
      guard changed > 0 else { return }
      try profile.save(path: path)
      say(
        TextLayout.wrap(
          "Kommunenprofil aktualisiert: \(Self.count(changed, "Antwort", "Antworten")) neu oder geändert („\(path)“)."))
    } catch {
      say(TextLayout.wrap("Hinweis: \(error)"))
    }
  }
}
