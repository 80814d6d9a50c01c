/// A decimal number with at most two decimal places, kept exactly as hundredths.
public struct FixedDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var hundredths: Int

  public init(hundredths: Int) { self.hundredths = hundredths }
  public init(_ whole: Int) { self.hundredths = whole * 100 }

  public static let zero = FixedDecimal(hundredths: 0)

  /// Parses `12`, `-3`, `+0.5` or `2.25` (with `.` or `,` as decimal point); nil for anything else,
  /// for more than two decimals, or for a value beyond ±10¹⁵.
  public init?(parsing text: Substring, allowComma: Bool = false) {
    var scalars = text.unicodeScalars[...]
    var negative = false
    if let first = scalars.first, first == "+" || first == "-" {
      negative = first == "-"
      scalars = scalars.dropFirst()
    }
    var whole = 0
    var fraction = 0
    var fractionDigits = 0
    var seenDigit = false
    var inFraction = false
    for scalar in scalars {
      if scalar == "." || (allowComma && scalar == ",") {
        guard !inFraction, seenDigit else { return nil }
        inFraction = true
        continue
      }
      guard ("0"..."9").contains(scalar) else { return nil }
      let digit = Int(scalar.value - 48)
      seenDigit = true
      if inFraction {
        fractionDigits += 1
        guard fractionDigits <= 2 else { return nil }
        fraction = fraction * 10 + digit
      } else {
        whole = whole * 10 + digit
        guard whole <= 1_000_000_000_000_000 else { return nil }
      }
    }
    guard seenDigit, !(inFraction && fractionDigits == 0) else { return nil }
    if fractionDigits == 1 { fraction *= 10 }
    let value = whole * 100 + fraction
    self.hundredths = negative ? -value : value
  }

  public var isWhole: Bool { hundredths % 100 == 0 }

  public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool {
    lhs.hundredths < rhs.hundredths
  }

  public static func + (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
    FixedDecimal(hundredths: lhs.hundredths &+ rhs.hundredths)
  }

  public static func - (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
    FixedDecimal(hundredths: lhs.hundredths &- rhs.hundredths)
  }

  public static func += (lhs: inout FixedDecimal, rhs: FixedDecimal) { lhs = lhs + rhs }
  public static func -= (lhs: inout FixedDecimal, rhs: FixedDecimal) { lhs = lhs - rhs }

  /// Multiplies two fixed decimals, rounding half away from zero to hundredths.
  public static func * (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
    let product = lhs.hundredths &* rhs.hundredths
    let rounded = product >= 0 ? (product + 50) / 100 : (product - 50) / 100
    return FixedDecimal(hundredths: rounded)
  }

  /// `12`, `-3`, `2.5`, `2.25`: as short as exact.
  public var description: String { formatted(decimalSeparator: ".") }

  /// Like `description`, with the given decimal separator (`,` for German text).
  public func formatted(decimalSeparator: String) -> String {
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = hundredths.magnitude
    let whole = magnitude / 100
    let fraction = magnitude % 100
    if fraction == 0 { return "\(sign)\(whole)" }
    if fraction % 10 == 0 { return "\(sign)\(whole)\(decimalSeparator)\(fraction / 10)" }
    return "\(sign)\(whole)\(decimalSeparator)\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// As German text shows it: decimal comma, thousands grouped with `.` from 10.000 on, and a
  /// real minus sign (`250.000`, `2,5`, `−3`).
  public var germanText: String {
    let magnitude = FixedDecimal(hundredths: abs(hundredths)).formatted(decimalSeparator: ",")
    var whole = magnitude.prefix { $0 != "," }
    let rest = magnitude.dropFirst(whole.count)
    if whole.count > 4 {
      var grouped = ""
      for (index, digit) in whole.reversed().enumerated() {
        if index > 0, index % 3 == 0 { grouped.append(".") }
        grouped.append(digit)
      }
      whole = Substring(String(grouped.reversed()))
    }
    return (hundredths < 0 ? "−" : "") + whole + rest
  }

  /// Always with two decimals and `.`, as in machine-readable output (`7.50`).
  public var twoDecimals: String {
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = hundredths.magnitude
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
