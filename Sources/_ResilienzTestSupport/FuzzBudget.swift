import Foundation

/// How long the fuzz tests run. By default each runs its own small, seeded budget (a few
/// seconds in CI); `FUZZ_SCALE=N` runs N times as many iterations and `FUZZ_SEED=S` replaces
/// every test's seed, so that a failure seen once can be repeated exactly.
public enum FuzzBudget {
  /// The seed from `FUZZ_SEED` (decimal, or hexadecimal with `0x`), else the test's own.
  public static func seed(_ standard: UInt64) -> UInt64 {
    guard let text = ProcessInfo.processInfo.environment["FUZZ_SEED"], !text.isEmpty else { return standard }
    if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) ?? standard }
    return UInt64(text) ?? standard
  }

  /// The test's iterations times `FUZZ_SCALE` (at least 1).
  public static func iterations(_ standard: Int) -> Int {
    let scale = Int(ProcessInfo.processInfo.environment["FUZZ_SCALE"] ?? "") ?? 1
    return standard * max(1, scale)
  }
}
