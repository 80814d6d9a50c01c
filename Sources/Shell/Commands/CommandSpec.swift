import RuleLanguage

/// The commands the shell knows.
enum CommandKind: String, Sendable, CaseIterable {
  case help, why, how, whynot, whatif, advice, patterns, profile, municipality, term, author, answers, set, unset, back,
    skip
  case next, changes, show, search, save, load, quit, expect, record, trace, reload, check
  case report, assign, done, export
  case exercise, inject, decide, note, debrief
}

/// How many arguments a command takes, counted as words separated by spaces.
enum Arity: Sendable, Equatable {
  /// No argument at all.
  case none
  /// Up to this many words.
  case atMost(Int)
  /// Free text (a file name with spaces, a reason, an answer).
  case text

  /// Whether `count` words are too many.
  func refuses(_ count: Int) -> Bool {
    switch self {
    case .none: count > 0
    case .atMost(let limit): count > limit
    case .text: false
    }
  }
}

/// A shell command: its English name, German aliases, usage and help.
struct CommandSpec: Sendable {
  var kind: CommandKind
  var name: String { kind.rawValue }
  var aliases: [String]
  var usage: String
  /// How many words the command takes; the dispatcher refuses more, so no argument is ignored.
  var arity: Arity
  var summary: String
  var help: String
  var scriptOnly = false

  var allNames: [String] { [name] + aliases }

  /// Why the arguments are too many for this command, as the user typed its name; nil when they fit.
  func argumentProblem(_ arguments: String, calledAs word: String) -> String? {
    let count = arguments.split(separator: " ").count
    guard arity.refuses(count) else { return nil }
    switch arity {
    case .none: return "„\(word)“ nimmt kein Argument."
    case .atMost(1): return "„\(word)“ nimmt höchstens ein Argument: \(usage)"
    case .atMost(let limit): return "„\(word)“ nimmt höchstens \(limit) Argumente: \(usage)"
    case .text: return nil
    }
  }

  static let all: [CommandSpec] = [
    CommandSpec(
      kind: .help, aliases: ["hilfe"], usage: "hilfe [befehl]", arity: .atMost(1),
      summary: "zeigt alle Befehle oder die Hilfe zu einem Befehl",
      help: "Ohne Angabe listet 'hilfe' alle Befehle auf; 'hilfe warum' erklärt einen einzelnen."),
    CommandSpec(
      kind: .why, aliases: ["warum"], usage: "warum [frage]", arity: .atMost(1),
      summary: "was die aktuelle (oder genannte) Frage noch entscheiden kann",
      help:
        "Zeigt, welche Maßnahmen, Krisenmuster und Faktoren von der Antwort abhängen und welche Regeln auf sie warten, dazu den Hilfetext der Frage."
    ),
    CommandSpec(
      kind: .how, aliases: ["wie"], usage: "wie <maßnahme|muster|faktor|tatsache>", arity: .atMost(1),
      summary: "wie eine Empfehlung, ein Muster oder eine Bewertung zustande kommt",
      help:
        "Zeigt die Regeln, die gefeuert haben, ihre Bedingungen mit den tatsächlichen Antworten, die Kette der abgeleiteten Tatsachen, bei Maßnahmen die Zusammensetzung der Priorität und die Quellen."
    ),
    CommandSpec(
      kind: .whynot, aliases: ["warumnicht"], usage: "warumnicht <maßnahme>", arity: .atMost(1),
      summary: "warum eine Maßnahme nicht empfohlen wird",
      help:
        "Zeigt jede Regel, die die Maßnahme empfehlen könnte, und die erste Bedingung, die nicht erfüllt oder noch offen ist."
    ),
    CommandSpec(
      kind: .whatif, aliases: ["angenommen"], usage: "angenommen <frage> = <antwort>", arity: .text,
      summary: "was sich ändern würde, ohne die Antwort zu übernehmen",
      help:
        "Rechnet eine gedachte Antwort durch und zeigt neue, entfallende, höher und tiefer eingestufte Maßnahmen sowie geänderte Muster und Faktoren. Die Beratung selbst bleibt unverändert."
    ),
    CommandSpec(
      kind: .advice, aliases: ["empfehlungen"], usage: "empfehlungen [alle|anzahl]", arity: .atMost(1),
      summary: "die empfohlenen Maßnahmen nach Priorität und die offenen Punkte",
      help:
        "Zeigt die ersten zehn Maßnahmen (mit 'alle' alle, mit einer Zahl so viele), jeweils mit Horizont, Priorität, zuständigem Amt, Aufwand und Quellen. Läuft eine Lage oder ist sie angekündigt, stehen sie in drei Abschnitten: „Jetzt in der Lage“, „Parallel: Stab und Personal“ und „Nach der Lage und Vorsorge“; die Nummern laufen durch. Danach folgen die offenen Punkte: was zu klären ist, weil es mit „weiß nicht“ beantwortet oder übersprungen wurde, und bei wem."
    ),
    CommandSpec(
      kind: .patterns, aliases: ["muster"], usage: "muster", arity: .none,
      summary: "die Krisenmuster mit Punkten und Zustand",
      help:
        "Zeigt für jedes Krisenmuster die Punkte aus den Regeln, die Schwellen für Verdacht und Erkennung und den Zustand."
    ),
    CommandSpec(
      kind: .profile, aliases: ["profil"], usage: "profil", arity: .none,
      summary: "das Resilienzprofil: die Bewertung der Faktoren",
      help:
        "Zeigt für jeden Resilienzfaktor die Bewertung (kritisch, schwach, ausreichend, stark) oder „nicht bewertet“."),
    CommandSpec(
      kind: .municipality, aliases: ["kommunenprofil"], usage: "kommunenprofil [speichern|übernehmen]",
      arity: .atMost(1),
      summary: "das Kommunenprofil: die ständigen Antworten über die Kommune",
      help:
        "Zeigt die ständigen Antworten über die Kommune (Organisation, Stab, Übungen, Netzwerke, Nachbereitung) mit ihrem Datum; Antworten, die älter als ein Jahr sind, werden neu gefragt. 'kommunenprofil speichern' übernimmt die Antworten dieser Beratung ins Profil, 'kommunenprofil übernehmen' beantwortet die noch offenen Fragen aus dem Profil. Eine neue Beratung übernimmt das Profil beim Start von selbst."
    ),
    CommandSpec(
      kind: .term, aliases: ["bezeichnung"], usage: "bezeichnung [<begriff> <text>|<begriff> zurücksetzen]",
      arity: .text,
      summary: "wie Ihre Kommune ihren Stab nennt",
      help:
        "Ohne Angabe zeigt 'bezeichnung' die Begriffe, die Empfehlungen und Bericht je nach Land und Körperschaft füllen, etwa den Namen des Stabes, mit ihrem jetzigen Text. 'bezeichnung stab Verwaltungsstab der Stadt Musterstadt' setzt den Namen, den Ihre Kommune verwendet; 'bezeichnung stab zurücksetzen' kehrt zur Bezeichnung nach Land und Körperschaft zurück. Die Bezeichnung bleibt im Journal und in gespeicherten Beratungen."
    ),
    CommandSpec(
      kind: .author, aliases: ["name"], usage: "name [<name oder stabsfunktion>|zurücksetzen]", arity: .text,
      summary: "wer jetzt antwortet; steht bei jeder Antwort im Journal",
      help:
        "'name S2 Lage' oder 'name Petra Schmitz' hält fest, wer ab jetzt antwortet; Journal, 'antworten' und Bericht nennen es bei jeder Antwort neben der Uhrzeit. Ohne Angabe zeigt 'name', wer eingetragen ist; 'name zurücksetzen' trägt niemanden mehr ein."
    ),
    CommandSpec(
      kind: .answers, aliases: ["antworten"], usage: "antworten", arity: .none,
      summary: "alle bisherigen Antworten mit Uhrzeit und wer sie gab",
      help: "Listet alle Antworten nach Themen; „weiß nicht“ ist als Informationslücke markiert."),
    CommandSpec(
      kind: .set, aliases: ["setze"], usage: "setze <frage> = <antwort>", arity: .text,
      summary: "beantwortet eine beliebige Frage, auch außer der Reihe",
      help: "Beantwortet die genannte Frage; '?' bedeutet „weiß nicht“. Mehrere Werte trennt ein Komma."),
    CommandSpec(
      kind: .unset, aliases: ["entferne"], usage: "entferne <frage>", arity: .atMost(1),
      summary: "nimmt eine Antwort zurück",
      help: "Die Frage gilt danach wieder als unbeantwortet."),
    CommandSpec(
      kind: .back, aliases: ["zurück", "zurueck"], usage: "zurück", arity: .none,
      summary: "macht die letzte Antwort rückgängig",
      help: "Stellt den Stand vor der letzten Antwort wieder her; mehrmals hintereinander geht weiter zurück."),
    CommandSpec(
      kind: .skip, aliases: ["überspringen", "ueberspringen"], usage: "überspringen", arity: .none,
      summary: "lässt die aktuelle Frage vorerst aus",
      help: "Die Frage wird nicht mehr vorgeschlagen, bis sie mit 'setze' beantwortet wird."),
    CommandSpec(
      kind: .next, aliases: ["weiter"], usage: "weiter", arity: .none,
      summary: "stellt die nächste Frage, auch eine optionale",
      help: "Auch wenn keine Frage die Empfehlungen mehr ändern kann, stellt 'weiter' die nächste noch offene Frage."),
    CommandSpec(
      kind: .changes, aliases: ["änderungen", "aenderungen"], usage: "änderungen", arity: .none,
      summary: "was sich mit der letzten Antwort geändert hat und warum",
      help:
        "Zeigt neue, entfallene, höher und tiefer eingestufte Maßnahmen sowie geänderte Muster und Faktoren nach der letzten Antwort, mit den Regeln, die das bewirkt haben."
    ),
    CommandSpec(
      kind: .show, aliases: ["zeige"], usage: "zeige <id>", arity: .atMost(1),
      summary: "eine Maßnahme, Frage, ein Muster, einen Faktor oder eine Quelle vollständig",
      help:
        "Zeigt alles, was die Wissensbasis zu der Id weiß, bei Maßnahmen mit ersten Schritten, Praxisbeispielen und Quellen."
    ),
    CommandSpec(
      kind: .search, aliases: ["suche"], usage: "suche <text>", arity: .text,
      summary: "sucht in Maßnahmen, Fragen, Mustern, Faktoren und Quellen",
      help:
        "Findet alle Einträge, deren Id, Titel oder Text den Suchtext enthält (Groß-/Kleinschreibung und Umlaute egal)."
    ),
    CommandSpec(
      kind: .save, aliases: ["speichern"], usage: "speichern <datei> [--force]", arity: .text,
      summary: "speichert die Beratung als Datei",
      help:
        "Schreibt alle Antworten als JSON-Datei; eine bestehende Datei wird nur nach Rückfrage (in Skripten mit --force) überschrieben."
    ),
    CommandSpec(
      kind: .load, aliases: ["laden"], usage: "laden <datei>", arity: .text,
      summary: "lädt eine gespeicherte Beratung",
      help:
        "Ersetzt alle Antworten durch die der Datei. Antworten, die zur aktuellen Wissensbasis nicht mehr passen, werden aufgelistet und übergangen."
    ),
    CommandSpec(
      kind: .report, aliases: ["bericht"], usage: "bericht [--kurz] [--format md|html|pdf] [datei] [--force]",
      arity: .text,
      summary: "der Bericht für den Stab: Lage, Muster, Profil, Maßnahmen, Quellen",
      help:
        "Ohne Datei erscheint der Bericht als Markdown in der Ausgabe; mit Datei wird er geschrieben, vollständig oder gar nicht; eine bestehende Datei wird nur nach Rückfrage (in Skripten mit --force) ersetzt, das Journal der Beratung nie. Das Format ergibt sich aus --format oder der Endung (.md, .html, .pdf); HTML ist eine einzige Datei mit Grafik des Resilienzprofils, die sich auf A4 drucken lässt; PDF druckt diesen HTML-Bericht mit Chromium auf A4 und braucht einen Dateinamen. --kurz macht statt des vollständigen Berichts den Lagebericht auf einer Seite: Lage, die ersten zehn Maßnahmen nach Abschnitten mit Amt und Horizont, die wichtigsten offenen Fragen, Zeit und wer antwortet. --datum JJJJ-MM-TT setzt das Datum des Berichts (sonst heute). Die Vorlagen liegen in Knowledge/templates der Wissensbasis."
    ),
    CommandSpec(
      kind: .record, aliases: ["aufzeichnen"], usage: "aufzeichnen <datei> [--force]", arity: .text,
      summary: "schreibt die Beratung als Testskript",
      help:
        "Schreibt die Antworten als 'set'-Zeilen und den aktuellen Stand als 'expect'-Zeilen (Muster, Faktoren, die ersten zehn Maßnahmen und die nicht empfohlenen) in eine Datei, die 'resilienz test' prüft. Eine bestehende Datei wird nur nach Rückfrage (in Skripten mit --force) überschrieben."
    ),
    CommandSpec(
      kind: .trace, aliases: ["verfolgen"], usage: "verfolgen an|aus", arity: .atMost(1),
      summary: "zeigt bei jeder Antwort, welche Regeln feuern und was sich ändert",
      help:
        "Mit 'verfolgen an' erscheint nach jeder Antwort je eine Zeile für jede Regel, die feuert oder nicht mehr zutrifft (mit den Antworten, die sie gelesen hat), jede Änderung eines Musters, eines Faktors und jeder Maßnahme, in der Reihenfolge der Auswertung."
    ),
    CommandSpec(
      kind: .reload, aliases: ["neu-laden"], usage: "neu-laden", arity: .none,
      summary: "liest die Wissensbasis neu ein und rechnet mit den bisherigen Antworten",
      help:
        "Liest Regeln und Wissen neu von der Platte. Bei Fehlern bleibt die bisherige Wissensbasis in Gebrauch; sonst werden die Antworten übernommen und die Änderungen der Empfehlungen gezeigt."
    ),
    CommandSpec(
      kind: .check, aliases: ["prüfen", "pruefen"], usage: "prüfen", arity: .none,
      summary: "prüft Regeln und Wissen wie 'resilienz check'",
      help: "Meldet jeden Fehler und jede Warnung der Wissensbasis mit Datei, Zeile und Spalte."),
    CommandSpec(
      kind: .exercise, aliases: ["übung", "uebung"], usage: "übung liste|start <id> [--blind]|status",
      arity: .atMost(3),
      summary: "Stabsübungen: Szenarien zeigen, eine Übung beginnen, ihren Stand zeigen",
      help:
        "'übung liste' zeigt die Szenarien; 'übung start <id>' zeigt Lernziele und Ausgangslage und setzt deren Antworten; mit --blind (Übende) bleiben die Empfehlungen bis zur Auswertung verborgen. 'übung status' zeigt Übungszeit, gespielte Einlagen, Entscheidungen und Notizen."
    ),
    CommandSpec(
      kind: .inject, aliases: ["einlage"], usage: "einlage", arity: .none,
      summary: "spielt die nächste Einlage ein",
      help:
        "Zeigt Übungszeit und Text der nächsten Einlage, setzt ihre Antworten und – außer im Blindmodus – was sich an den Empfehlungen ändert."
    ),
    CommandSpec(
      kind: .decide, aliases: ["entscheide"], usage: "entscheide <nr|maßnahme> annehmen|ablehnen|zurückstellen [grund]",
      arity: .text,
      summary: "protokolliert eine Entscheidung des Stabes zur aktuellen Übungszeit",
      help:
        "Hält fest, dass der übende Stab eine Maßnahme angenommen, abgelehnt oder zurückgestellt hat, mit Begründung. Die Auswertung vergleicht das mit den Empfehlungen und den Erwartungen der Übungsleitung."
    ),
    CommandSpec(
      kind: .note, aliases: ["notiz"], usage: "notiz <text>", arity: .text,
      summary: "hält eine Beobachtung zur aktuellen Übungszeit fest",
      help: "Beobachtungen der Übungsleitung erscheinen in der Auswertung und im Bericht."),
    CommandSpec(
      kind: .debrief, aliases: ["auswertung"], usage: "auswertung [--report <datei> [--force]]", arity: .text,
      summary: "wertet die Übung aus: Entscheidungen, Empfehlungen, Erwartungen",
      help:
        "Zeigt für jede Einlage die Entscheidungen des Stabes neben den Empfehlungen und den erwarteten Maßnahmen: rechtzeitig, verspätet, nicht ergriffen, ergriffen ohne Empfehlung. Mit --report schreibt sie den Auswertungsbericht (Markdown) mit Verbesserungsplan; eine bestehende Datei nur nach Rückfrage (in Skripten mit --force)."
    ),
    CommandSpec(
      kind: .assign, aliases: ["auftrag"], usage: "auftrag [<nr> <wer> [bis <frist>]]", arity: .text,
      summary: "gibt eine empfohlene Maßnahme an jemanden, mit Frist; ohne Angabe alle Aufträge",
      help:
        "'auftrag 3 S4 Versorgung bis 18 Uhr' hält fest, dass S4 die Maßnahme Nr. 3 der Empfehlungen übernimmt und bis wann; statt der Nummer geht auch die Kennung der Maßnahme. Die Empfehlungen, 'auftrag' ohne Angabe und der Bericht zeigen den Auftrag mit Uhrzeit; er bleibt im Journal. 'erledigt 3' hakt ihn ab."
    ),
    CommandSpec(
      kind: .done, aliases: ["erledigt"], usage: "erledigt <nr> [nein]", arity: .atMost(2),
      summary: "hakt den Auftrag einer Maßnahme ab ('nein': wieder offen)",
      help:
        "'erledigt 3' markiert den Auftrag zur Maßnahme Nr. 3 als erledigt, mit Uhrzeit und – wo mit 'name' angegeben – wer es meldet; 'erledigt 3 nein' öffnet ihn wieder."
    ),
    CommandSpec(
      kind: .export, aliases: ["exportieren"], usage: "exportieren <datei.csv|datei.json> [--force]", arity: .text,
      summary: "alle Antworten und Aufträge mit Zeit und Namen für das Einsatztagebuch",
      help:
        "Schreibt jede Antwort, jede Rücknahme, jeden Auftrag und jede Bezeichnung dieser Beratung mit Uhrzeit (UTC, ISO 8601) und – wo mit 'name' angegeben – wer sie gab: als CSV mit Semikolon für Tabellenprogramme oder als JSON. Das Einsatztagebuch des Stabes bleibt die verbindliche Dokumentation; der Export liefert ihm zu."
    ),
    CommandSpec(
      kind: .quit, aliases: ["ende"], usage: "ende", arity: .none,
      summary: "beendet die Beratung (sie bleibt gespeichert)",
      help: "Beendet das Programm. Die Antworten bleiben im Journal und können beim nächsten Start fortgesetzt werden."),
    CommandSpec(
      kind: .expect, aliases: ["erwarte"], usage: "expect <was> …", arity: .text,
      summary: "prüft in Skripten eine Erwartung",
      help: """
        expect recommend <maßnahme>      die Maßnahme wird empfohlen
        expect not recommend <maßnahme>  sie wird nicht empfohlen
        expect top <n> <maßnahme>        sie steht unter den ersten n
        expect pattern <muster> <zustand>  inactive|suspected|established (nicht erkannt|verdacht|erkannt)
        expect factor <faktor> <stufe>   der Faktor ist so bewertet (oder 'unassessed')
        expect next <frage>              die nächste Frage ist diese (oder 'none')
        expect output <text>             die Ausgabe des vorigen Befehls enthält den Text
        """,
      scriptOnly: true),
  ]

  /// The closest command name, spelt as the user would type it (with umlauts).
  static func suggestion(for word: String, maxDistance: Int? = nil) -> String? {
    var spelling: [String: String] = [:]
    for name in all.flatMap(\.allNames)
    where spelling[name.folded] == nil || name.contains(where: { "äöüß".contains($0) }) {
      spelling[name.folded] = name
    }
    return Suggestion.closest(to: word.folded, in: spelling.keys.sorted(), maxDistance: maxDistance).flatMap {
      spelling[$0]
    }
  }

  static func find(_ word: String) -> CommandSpec? {
    let folded = word.folded
    return all.first { spec in spec.allNames.contains { $0.folded == folded } }
  }
}
