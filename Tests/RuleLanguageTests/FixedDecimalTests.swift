import RuleLanguage
import Testing

@Suite struct FixedDecimalTests {
  @Test(
    arguments: [
      ("0", 0), ("12", 1200), ("-3", -300), ("+0.5", 50), ("2.25", 225), ("2.5", 250), ("00.10", 10),
      ("-0.05", -5), ("-0", 0), ("1000000000000000", 100_000_000_000_000_000),
    ] as [(String, Int)])
  func parses(_ text: String, _ hundredths: Int) {
    #expect(FixedDecimal(parsing: Substring(text))?.hundredths == hundredths)
  }

  @Test(arguments: [
    "", "+", "-", ".", ".5", "1.", "2.125", "1.2.3", "1e3", "0x10", " 1", "1 ", "1,5", "++1", "–1", "٣",
    "1000000000000001",
  ])
  func rejects(_ text: String) {
    #expect(FixedDecimal(parsing: Substring(text)) == nil)
  }

  @Test func commaOnlyWhenAllowed() {
    #expect(FixedDecimal(parsing: "2,5", allowComma: true)?.hundredths == 250)
    #expect(FixedDecimal(parsing: "2,5") == nil)
    #expect(FixedDecimal(parsing: "2,5.1", allowComma: true) == nil)
  }

  @Test(
    arguments: [
      (0, "0", "0", "0.00"), (1200, "12", "12", "12.00"), (250, "2.5", "2,5", "2.50"), (225, "2.25", "2,25", "2.25"),
      (5, "0.05", "0,05", "0.05"), (-5, "-0.05", "-0,05", "-0.05"), (-250, "-2.5", "-2,5", "-2.50"),
      (-300, "-3", "-3", "-3.00"), (101, "1.01", "1,01", "1.01"), (110, "1.1", "1,1", "1.10"),
    ] as [(Int, String, String, String)])
  func formats(_ hundredths: Int, _ description: String, _ german: String, _ twoDecimals: String) {
    let value = FixedDecimal(hundredths: hundredths)
    #expect(value.description == description)
    #expect(value.formatted(decimalSeparator: ",") == german)
    #expect(value.twoDecimals == twoDecimals)
  }

  @Test func descriptionParsesBack() {
    for hundredths in [-1001, -100, -99, -1, 0, 1, 9, 10, 99, 100, 12345] {
      let value = FixedDecimal(hundredths: hundredths)
      #expect(FixedDecimal(parsing: Substring(value.description)) == value)
    }
  }

  @Test func arithmetic() {
    #expect(FixedDecimal(2) + FixedDecimal(hundredths: 50) == FixedDecimal(hundredths: 250))
    #expect(FixedDecimal(2) - FixedDecimal(3) == FixedDecimal(-1))
    #expect(FixedDecimal(hundredths: 250) * FixedDecimal(hundredths: 50) == FixedDecimal(hundredths: 125))
    // Half away from zero: 0.05 × 0.5 = 0.025 → 0.03.
    #expect(FixedDecimal(hundredths: 5) * FixedDecimal(hundredths: 50) == FixedDecimal(hundredths: 3))
    #expect(FixedDecimal(hundredths: -5) * FixedDecimal(hundredths: 50) == FixedDecimal(hundredths: -3))
    #expect(FixedDecimal(hundredths: 4) * FixedDecimal(hundredths: 50) == FixedDecimal(hundredths: 2))
    var total = FixedDecimal.zero
    total += FixedDecimal(3)
    total -= FixedDecimal(hundredths: 25)
    #expect(total == FixedDecimal(hundredths: 275))
    #expect(FixedDecimal(-1) < .zero && FixedDecimal(hundredths: 1) > .zero)
    #expect(FixedDecimal(3).isWhole && !FixedDecimal(hundredths: 301).isWhole)
  }
}
