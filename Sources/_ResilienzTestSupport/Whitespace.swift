extension String {
  /// Every run of white space as one space: output is wrapped at 80 columns.
  public var collapsingWhitespace: String {
    split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }
}
