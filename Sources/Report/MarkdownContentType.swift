import Mustache

/// Escapes text for Markdown: what could start markup (`<`, `[`, `` ` ``, `*`, `|` …) gets a
/// backslash, so that a text from a user or a file reads as the same text in any renderer and
/// can neither inject HTML nor break a table. Line breaks become spaces.
///
/// `_` stays as it is: ids such as `lage.dauer_wochen` appear in code spans, where a backslash
/// would show, and CommonMark does not emphasise inside words.
struct MarkdownContentType: MustacheContentType {
  /// The name templates select with `{{% CONTENT_TYPE: MARKDOWN}}`.
  static let name = "MARKDOWN"

  /// Registers the content type with Mustache once, before the first template is parsed.
  static let registered: Void = MustacheContentTypes.register(MarkdownContentType(), named: name)

  static let escaped: Set<Character> = ["\\", "`", "*", "[", "]", "<", ">", "|", "#", "~"]

  func escapeText(_ text: String) -> String {
    let characters = Array(text)
    var out = ""
    out.reserveCapacity(characters.count)
    for (index, character) in characters.enumerated() {
      switch character {
      case "\n", "\r", "\r\n", "\t":
        if !out.hasSuffix(" ") { out.append(" ") }
      case "&":
        if Self.beginsEntity(characters, at: index) { out.append("\\") }
        out.append(character)
      default:
        if Self.escaped.contains(character) { out.append("\\") }
        out.append(character)
      }
    }
    return out
  }

  /// Whether the `&` at `index` begins what Markdown reads as an entity reference (`&lt;`,
  /// `&#60;`, `&#x3C;`): letters or digits, then `;`.
  static func beginsEntity(_ characters: [Character], at index: Int) -> Bool {
    var position = index + 1
    if position < characters.count, characters[position] == "#" { position += 1 }
    let start = position
    while position < characters.count, position - start <= 32, characters[position].isASCII,
      characters[position].isLetter || characters[position].isNumber
    {
      position += 1
    }
    return position > start && position < characters.count && characters[position] == ";"
  }
}
