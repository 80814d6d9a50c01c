import Foundation

/// Converts between `file:` URIs and the paths the loader uses.
enum DocumentURI {
  /// The path of a `file:` URI with links resolved, or nil for other schemes.
  static func path(of uri: String) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    return normalized(url.path)
  }

  static func uri(of path: String) -> String { URL(fileURLWithPath: path).absoluteString }

  /// An absolute path without `.`/`..` and with links resolved, so that the editor's paths and the
  /// loader's paths compare equal.
  static func normalized(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
