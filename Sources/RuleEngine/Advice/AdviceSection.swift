import KnowledgeBase

/// Where a measure stands in the advice while a situation is announced or running: first what
/// acts on the situation itself, then what keeps the staff working, then what can wait until
/// after it. Outside those phases the advice is one list.
public enum AdviceSection: Int, Sendable, Comparable, CaseIterable {
  /// Situation-specific measures that act within hours or days.
  case now
  /// Measures for the staff, the organisation and the people doing the work, alongside.
  case alongside
  /// Structure building and after-action: after the situation, and for the next one.
  case after

  /// The German heading in the shell and the report.
  public var title: String {
    switch self {
    case .now: "Jetzt in der Lage"
    case .alongside: "Parallel: Stab und Personal"
    case .after: "Nach der Lage und Vorsorge"
    }
  }

  /// The sections whose best measure of a recognised situation always holds a place in the top
  /// of the advice: a staff in a running situation also needs the one lesson of this situation to
  /// start recording now, not ten measures of the same kind.
  public static let reserved: [AdviceSection] = [.after]

  public static func < (lhs: AdviceSection, rhs: AdviceSection) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Engine {
  /// The section of the measure in the current phase; nil outside Vorbereitung and Bewältigung.
  ///
  /// It depends only on the measure and the phase, so a measure cannot change sections while the
  /// dialogue goes on; sections order the display and reserve places in the top of the advice.
  public func section(of measure: MeasureID) -> AdviceSection? {
    guard let phase = currentPhase, phase == .bewaeltigung || phase == .vorbereitung else { return nil }
    let item = knowledgeBase.measures[measure].inPhase(phase)
    if item.horizon == .langfristig || !(item.phases.contains(.bewaeltigung) || item.phases.contains(phase)) {
      return .after
    }
    return item.patternIDs.isEmpty ? .alongside : .now
  }
}
