extension String {
  /// The text without leading and trailing white space.
  public var trimmingWhitespace: Substring {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return Substring(scalars[first...last])
  }

  /// Whether a scalar reorders the text around it (U+202A–U+202E, U+2066–U+2069, the marks
  /// U+200E, U+200F, U+061C): such a character can make a line read other than it is stored.
  public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
    default: false
    }
  }

  /// The text without bidirectional controls.
  public var withoutBidiControls: String {
    guard unicodeScalars.contains(where: String.isBidiControl) else { return self }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: unicodeScalars.lazy.filter { !String.isBidiControl($0) })
    return String(scalars)
  }

  /// Lower case with umlauts and ß written out, so that `Bewältigung` matches `bewaeltigung`.
  public var folded: String {
    var out = ""
    for character in lowercased() {
      switch character {
      case "ä": out += "ae"
      case "ö": out += "oe"
      case "ü": out += "ue"
      case "ß": out += "ss"
      default: out.append(character)
      }
    }
    return out
  }
}

extension ComparisonOperator {
  /// Whether `lhs op rhs` holds.
  public func holds<Value: Comparable>(_ lhs: Value, _ rhs: Value) -> Bool {
    switch self {
    case .equal: lhs == rhs
    case .notEqual: lhs != rhs
    case .less: lhs < rhs
    case .lessEqual: lhs <= rhs
    case .greater: lhs > rhs
    case .greaterEqual: lhs >= rhs
    }
  }
}

extension Character {
  /// Whether it is a control character (a line break, an escape …), which would break a line of a
  /// file, of the journal or of a printed header.
  public var hasControlScalar: Bool { unicodeScalars.contains { $0.properties.generalCategory == .control } }
}
