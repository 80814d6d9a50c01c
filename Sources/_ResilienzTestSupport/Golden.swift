import Foundation

/// Compares text with a golden file next to the calling test; `RECORD_GOLDENS=1` rewrites it.
public enum Golden {
  /// Returns nil when `actual` equals the golden file, else a message with the first difference.
  public static func check(
    _ actual: String, named name: String, in directory: String = "Snapshots",
    filePath: String = #filePath
  ) -> String? {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .appendingPathComponent(directory)
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      do {
        try Data(actual.utf8).write(to: url)
      } catch {
        return "could not record \(url.path): \(error)"
      }
      return nil
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return "missing golden file \(url.path); run with RECORD_GOLDENS=1 to record it"
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected == actual { return nil }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
      let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
      if want != got {
        return "\(name) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)"
      }
    }
    return "\(name) differs"
  }
}
