/// Kleene's three truth values, ordered false < undetermined < true.
public enum Truth: UInt8, Sendable, Comparable, CustomStringConvertible {
  case `false` = 0
  case undetermined = 1
  case `true` = 2

  public static func < (lhs: Truth, rhs: Truth) -> Bool { lhs.rawValue < rhs.rawValue }

  public var negated: Truth { Truth(rawValue: 2 - rawValue) ?? .undetermined }

  public init(_ value: Bool) { self = value ? .true : .false }

  public var description: String {
    switch self {
    case .false: "false"
    case .undetermined: "undetermined"
    case .true: "true"
    }
  }
}
