import Foundation

/// Where tests keep the snapshots of compiled knowledge bases that `check` and every consultation
/// write: a folder in the temporary directory, never the user's `~/.cache`. It is shared by the
/// tests of one machine, so that after the first start they run on snapshots as users do.
public enum TestCache {
  public static let directory: String =
    FileManager.default.temporaryDirectory.appendingPathComponent("resilienz-tests-cache").path

  /// `environment` with `XDG_CACHE_HOME` moved to `directory`.
  public static func environment(
    _ environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String: String] {
    var environment = environment
    environment["XDG_CACHE_HOME"] = directory
    return environment
  }
}
