import Foundation
import KnowledgeBase
import RuleEngine

/// What a written report showed, kept in the journal so that the next report can say what
/// changed since.
public struct ReportMark: Equatable, Sendable {
  /// When it was written, ISO 8601 in UTC.
  public var time: String?
  /// The top measures' ids in order.
  public var measures: [String]
  /// The patterns that were suspected or recognised, by id, with their state.
  public var patterns: [String: PatternState]
}

extension Consultation {
  /// Notes in the journal that a report was written now, with the top of the advice it showed.
  public mutating func markReported() throws {
    let time = JournalCodec.second(clock())
    let mark = currentMark(time: AnswerStamp.timestamp(time))
    try write(JournalRecord(.report(measures: mark.measures, patterns: mark.patterns), time: time))
    lastReport = mark
  }

  func currentMark(time: String?) -> ReportMark {
    var patterns: [String: PatternState] = [:]
    for (index, pattern) in knowledgeBase.patterns.entries where patternState(index) != .inactive {
      patterns[pattern.id] = patternState(index)
    }
    let measures = advice().prefix(Consultation.settledPlaces).map { knowledgeBase.measures[$0.measure].id }
    return ReportMark(time: time, measures: Array(measures), patterns: patterns)
  }

  /// What changed since the last report, as German lines: measures new in or gone from the top
  /// ten, patterns whose state changed, and how many answers were given since; nil when no report
  /// was written in this consultation.
  public var changesSinceLastReport: [String]? {
    guard let last = lastReport else { return nil }
    let now = currentMark(time: nil)
    let title: (String) -> String = { id in
      knowledgeBase.measureIndex[id].map { filled(measure($0).title) } ?? id
    }
    var lines: [String] = []
    for id in now.measures where !last.measures.contains(id) { lines.append("neu unter den ersten zehn: \(title(id))") }
    for id in last.measures where !now.measures.contains(id) {
      lines.append("nicht mehr unter den ersten zehn: \(title(id))")
    }
    let stateTitle: (PatternState?) -> String = { ($0 ?? .inactive).title }
    for pattern in knowledgeBase.patterns where now.patterns[pattern.id] != last.patterns[pattern.id] {
      lines.append(
        "Krisenmuster „\(filled(pattern.title))“: \(stateTitle(last.patterns[pattern.id])) → \(stateTitle(now.patterns[pattern.id]))"
      )
    }
    if let since = last.time.flatMap(AnswerStamp.date(fromTimestamp:)) {
      let answers = stamps.values.filter { ($0.time ?? .distantPast) > since }.count
      if answers > 0 { lines.append("\(answers) \(answers == 1 ? "Antwort" : "Antworten") neu oder geändert") }
    }
    return lines
  }
}
