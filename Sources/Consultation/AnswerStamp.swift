import Foundation

/// When an answer was given and by whom, as the journal keeps it: an answer from eight hours ago
/// must not look as fresh as one from a minute ago.
public struct AnswerStamp: Sendable, Equatable {
  /// Nil for answers from journals written before time stamps.
  public var time: Date?
  /// The name or staff function set with `name`, if any.
  public var by: String?

  public init(time: Date?, by: String?) {
    self.time = time
    self.by = by
  }

  /// The journal's form of a time: ISO 8601 in UTC, to the second.
  public static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }

  /// A time as the journal writes it; nil for anything else.
  public static func date(fromTimestamp text: String?) -> Date? {
    guard let text else { return nil }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }

  /// Now, or the fixed time `RESILIENZ_UHRZEIT` names (ISO 8601, for reproducible transcripts and
  /// scripted exercises).
  public static func now() -> Date {
    date(fromTimestamp: ProcessInfo.processInfo.environment["RESILIENZ_UHRZEIT"]) ?? Date()
  }

  /// German time (MEZ/MESZ), whatever the machine's time zone: the staff reads its own clock.
  public static let timeZone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone.current

  /// The time of day in German time: „14:32 Uhr“.
  public static func clockTime(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let c = calendar.dateComponents([.hour, .minute], from: date)
    return "\(c.hour ?? 0):\((c.minute ?? 0) < 10 ? "0" : "")\(c.minute ?? 0) Uhr"
  }

  /// German: „5.12.2026 14:32 Uhr“, with the name after a comma.
  public func german() -> String? {
    var parts: [String] = []
    if let time {
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = Self.timeZone
      let c = calendar.dateComponents([.year, .month, .day], from: time)
      parts.append("\(c.day ?? 0).\(c.month ?? 0).\(c.year ?? 0) \(Self.clockTime(time))")
    }
    if let by { parts.append(by) }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }
}

extension AnswerStamp {
  /// An age as people say it: „vor 5 Min.“, „vor 3 Std.“, „vor 2 Tagen“; nil under a minute.
  public static func germanAge(_ seconds: TimeInterval) -> String? {
    let minutes = Int(seconds / 60)
    guard minutes >= 1 else { return nil }
    if minutes < 60 { return "vor \(minutes) Min." }
    let hours = minutes / 60
    if hours < 48 { return "vor \(hours) Std." }
    let days = hours / 24
    if days < 14 { return "vor \(days) Tagen" }
    let weeks = days / 7
    if weeks < 9 { return "vor \(weeks) Wochen" }
    return "vor \(days / 30) Monaten"
  }

  /// A limit as people say it: „6 Stunden“, „1 Tag“, „52 Wochen“.
  public static func germanDuration(_ seconds: Int) -> String {
    func unit(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
    if seconds % 604_800 == 0 { return unit(seconds / 604_800, "Woche", "Wochen") }
    if seconds % 86_400 == 0 { return unit(seconds / 86_400, "Tag", "Tage") }
    if seconds % 3_600 == 0 { return unit(seconds / 3_600, "Stunde", "Stunden") }
    return unit(seconds / 60, "Minute", "Minuten")
  }
}
