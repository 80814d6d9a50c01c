/// When rule files are parsed and compiled in runs of declarations that the cores share.
package struct RuleRuns: Sendable {
  /// Rule files of at least this many bytes together are split; below it each file is one run.
  package var threshold: Int
  /// About how many bytes of its file a run holds.
  package var size: Int

  package init(threshold: Int, size: Int) {
    self.threshold = threshold
    self.size = max(1, size)
  }

  /// Split once the rule files hold 256 KiB together, into runs of 64 KiB: below that a split
  /// saves less than sharing the work costs. (The shipped knowledge base, with some 340 KiB of
  /// rules in files of at most 40 KiB, therefore is never split.)
  package static let standard = RuleRuns(threshold: 256 * 1024, size: 64 * 1024)
}
