import RuleLanguage

/// The spelling rules for ids, shared by YAML and rule files.
enum IdentifierSyntax {
  /// A letter, then letters, digits, `_`, `-` or `.`, and not a keyword of the rule language.
  static func isValid(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else {
      return false
    }
    if Keyword(rawValue: id) != nil { return false }
    return id.unicodeScalars.allSatisfy { scalar in
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
        || scalar == "."
    }
  }
}
