/// Lays out German text for an 80-column terminal.
enum TextLayout {
  static let width = 80

  /// Wraps `text` at word boundaries; the first line starts with `first`, later lines with `rest`.
  static func wrap(_ text: String, first: String = "", rest: String? = nil, width: Int = TextLayout.width) -> String {
    let restIndent = rest ?? String(repeating: " ", count: first.count)
    var lines: [String] = []
    var current = first
    var currentHasWord = false
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      let candidate = currentHasWord ? current + " " + word : current + word
      if candidate.count > width, currentHasWord {
        lines.append(current)
        current = restIndent + word
      } else {
        current = candidate
      }
      currentHasWord = true
    }
    lines.append(current)
    return lines.joined(separator: "\n") + "\n"
  }
}
