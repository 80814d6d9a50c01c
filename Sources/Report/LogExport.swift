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
      let time = record.time ?? ""
      let by = record.by ?? ""
      func question() -> (text: String, index: QuestionID?) {
        guard let id = record.question, let index = kb.questionIndex[id] else { return (record.question ?? "", nil) }
        return (consultation.filled(kb.questions[index].text), index)
      }
      func measure() -> String {
        guard let id = record.question, let index = kb.measureIndex[id] else { return record.question ?? "" }
        return consultation.filled(kb.measures[index].title)
      }
      switch record.op {
      case "set":
        let (text, index) = question()
        var answer = record.answer ?? ""
        if let index, case .success(let parsed) = AnswerParser.parse(answer, for: kb.questions[index]) {
          answer = consultation.describe(parsed, of: index)
        }
        return Row(
          zeit: time, wer: by, art: "Antwort", gegenstand: text,
          inhalt: answer + (record.source.map { " (laut \($0))" } ?? ""))
      case "unset":
        return Row(zeit: time, wer: by, art: "Antwort zurückgenommen", gegenstand: question().text, inhalt: "")
      case "back":
        return Row(zeit: time, wer: by, art: "Letzte Antwort zurückgenommen", gegenstand: "", inhalt: "")
      case "reset":
        return Row(zeit: time, wer: by, art: "Alle Antworten ersetzt (geladen)", gegenstand: "", inhalt: "")
      case "task":
        switch record.answer {
        case "assign":
          let due = record.due.map { ", bis \($0)" } ?? ""
          return Row(zeit: time, wer: by, art: "Auftrag", gegenstand: measure(), inhalt: (record.text ?? "") + due)
        case "done": return Row(zeit: time, wer: by, art: "Erledigt", gegenstand: measure(), inhalt: "")
        case "open": return Row(zeit: time, wer: by, art: "Wieder offen", gegenstand: measure(), inhalt: "")
        case "defer":
          return Row(zeit: time, wer: by, art: "Zurückgestellt", gegenstand: measure(), inhalt: record.text ?? "")
        default: return nil
        }
      case "term":
        return Row(
          zeit: time, wer: by, art: "Bezeichnung", gegenstand: record.question ?? "",
          inhalt: record.text ?? "(nach Land und Körperschaft)")
      case "decide":
        return Row(
          zeit: time, wer: by, art: "Entscheidung (Übung)", gegenstand: measure(),
          inhalt: [record.answer, record.text].compactMap { $0 }.joined(separator: " – "))
      case "note":
        return Row(zeit: time, wer: by, art: "Notiz (Übung)", gegenstand: "", inhalt: record.text ?? "")
      case "header":
        let field = (try? HeaderField(named: record.question ?? "")).map(\.title) ?? (record.question ?? "")
        return Row(zeit: time, wer: by, art: "Kopf", gegenstand: field, inhalt: record.text ?? "(entfernt)")
      case "report":
        return Row(zeit: time, wer: by, art: "Bericht erstellt", gegenstand: "", inhalt: "")
      case "log":
        // A decision or note in free text, with its role (`by`), observer and measure if any.
        let art = record.answer == "decision" ? "Entscheidung (Übung)" : "Notiz (Übung)"
        let observed = record.observer.map { " (beobachtet: \($0))" } ?? ""
        return Row(
          zeit: time, wer: by, art: art, gegenstand: record.question == nil ? "" : measure(),
          inhalt: (record.text ?? "") + observed)
      case "undo":
        return Row(zeit: time, wer: by, art: "Letzter Eintrag zurückgenommen (Übung)", gegenstand: "", inhalt: "")
      default:
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
