/// How far a crisis pattern is recognised.
public enum PatternState: Int, Sendable, Comparable, CaseIterable {
  case inactive = 0
  case suspected = 1
  case established = 2

  public static func < (lhs: PatternState, rhs: PatternState) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The German name shown to users.
  public var title: String {
    switch self {
    case .inactive: "nicht erkannt"
    case .suspected: "Verdacht"
    case .established: "erkannt"
    }
  }
}
