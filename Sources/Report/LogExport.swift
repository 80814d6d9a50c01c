import Consultation
import Foundation
import KnowledgeBase

/// The consultation's journal as rows for the staff's own Einsatztagebuch: every answer,
/// withdrawal, staff name and task with its time and who gave it, as CSV or JSON.
public struct LogExport: Sendable {
  /// One entry of the log.
  public struct Row: Sendable, Equatable, Codable {
    /// ISO 8601 in UTC as the journal keeps it; empty for records from before time stamps.
    public var zeit: String
    public var wer: String
    /// Antwort, Antwort zurückgenommen, Auftrag, Erledigt, Wieder offen, Bezeichnung, …
    public var art: String
    /// The question's or the measure's German text.
    public var gegenstand: String
    public var inhalt: String
    /// The consultation's marking (`kopf einstufung`) on every row, so that no printed or
    /// filtered part of the export loses it; absent when none is set.
    public var einstufung: String? = nil
  }

  public var rows: [Row]
  /// The marking every row carries, if set.
  public var marking: String?

  /// The rows of a journal's records, in their order; records of kinds the log does not list
  /// (start, exercise play) are left out.
  /// Texts read as the consultation reads them now: options by their text, terms (`{stab}`) filled.
  public init(log: [JournalRecord], consultation: Consultation) {
    let kb = consultation.knowledgeBase
    let marking = consultation.header[.einstufung]
    self.marking = marking
    rows = log.compactMap { record -> Row? in
      let time = record.time.map(AnswerStamp.timestamp) ?? ""
      let by = record.by ?? ""
      func question(_ id: String) -> (text: String, index: QuestionID?) {
        guard let index = kb.questionIndex[id] else { return (id, nil) }
        return (consultation.filled(kb.questions[index].text), index)
      }
      func measure(_ id: String) -> String {
        guard let index = kb.measureIndex[id] else { return id }
        return consultation.filled(kb.measures[index].title)
      }
      switch record.entry {
      case .set(let given):
        let (text, index) = question(given.question)
        var answer = given.answer
        if let index, case .success(let parsed) = AnswerParser.parse(answer, for: kb.questions[index]) {
          answer = consultation.describe(parsed, of: index)
        }
        return Row(
          zeit: time, wer: by, art: "Antwort", gegenstand: text,
          inhalt: answer + (given.source.map { " (laut \($0))" } ?? ""))
      case .unset(let id):
        return Row(zeit: time, wer: by, art: "Antwort zurückgenommen", gegenstand: question(id).text, inhalt: "")
      case .back:
        return Row(zeit: time, wer: by, art: "Letzte Antwort zurückgenommen", gegenstand: "", inhalt: "")
      case .reset:
        return Row(zeit: time, wer: by, art: "Alle Antworten ersetzt (geladen)", gegenstand: "", inhalt: "")
      case .task(let id, let change):
        switch change {
        case .assign(let owner, let due):
          let due = due.map { ", bis \($0)" } ?? ""
          return Row(zeit: time, wer: by, art: "Auftrag", gegenstand: measure(id), inhalt: owner + due)
        case .done: return Row(zeit: time, wer: by, art: "Erledigt", gegenstand: measure(id), inhalt: "")
        case .reopen: return Row(zeit: time, wer: by, art: "Wieder offen", gegenstand: measure(id), inhalt: "")
        case .postpone(let reason):
          return Row(zeit: time, wer: by, art: "Zurückgestellt", gegenstand: measure(id), inhalt: reason)
        }
      case .term(let term, let text):
        return Row(
          zeit: time, wer: by, art: "Bezeichnung", gegenstand: term, inhalt: text ?? "(nach Land und Körperschaft)")
      case .decide(let decided):
        return Row(
          zeit: time, wer: by, art: "Entscheidung (Übung)", gegenstand: measure(decided.measure),
          inhalt: [decided.decision.rawValue, decided.reason].compactMap { $0 }.joined(separator: " – "))
      case .note(let text):
        return Row(zeit: time, wer: by, art: "Notiz (Übung)", gegenstand: "", inhalt: text)
      case .header(let field, let text):
        return Row(zeit: time, wer: by, art: "Kopf", gegenstand: field.title, inhalt: text ?? "(entfernt)")
      case .report:
        return Row(zeit: time, wer: by, art: "Bericht erstellt", gegenstand: "", inhalt: "")
      case .log(let logged):
        // A decision or note in free text, with its role (`by`), observer and measure if any.
        let art = logged.kind == .decision ? "Entscheidung (Übung)" : "Notiz (Übung)"
        let observed = logged.observer.map { " (beobachtet: \($0))" } ?? ""
        return Row(
          zeit: time, wer: by, art: art, gegenstand: logged.measure.map(measure) ?? "", inhalt: logged.text + observed)
      case .undo:
        return Row(zeit: time, wer: by, art: "Letzter Eintrag zurückgenommen (Übung)", gegenstand: "", inhalt: "")
      case .start, .loaded, .skip, .confirm, .exercise, .inject, .injectControl, .injectSkip, .injectDelay,
        .injectEdit, .injectAdd, .debrief, .exerciseRole, .exerciseClock, .exerciseInfo, .rating, .plan, .planStatus:
        return nil
      }
    }.map { row in
      var row = row
      row.einstufung = marking
      return row
    }
  }

  /// CSV as spreadsheets in Germany read it: semicolons, every field quoted, a header line,
  /// CRLF line ends and a byte order mark so that umlauts survive.
  public var csv: String {
    func field(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    let marked = marking != nil
    var out =
      "\u{FEFF}"
      + (["Zeit", "Wer", "Art", "Gegenstand", "Inhalt"] + (marked ? ["Einstufung"] : [])).map(field)
      .joined(separator: ";") + "\r\n"
    for row in rows {
      let fields = [row.zeit, row.wer, row.art, row.gegenstand, row.inhalt] + (marked ? [row.einstufung ?? ""] : [])
      out += fields.map(field).joined(separator: ";") + "\r\n"
    }
    return out
  }

  /// JSON: an array of objects with the fields of `Row`, keys sorted, pretty-printed.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(rows) else { return "[]\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
