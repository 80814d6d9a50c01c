extension String {
  /// The text without leading and trailing white space.
  public var trimmingWhitespace: Substring {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return Substring(scalars[first...last])
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
