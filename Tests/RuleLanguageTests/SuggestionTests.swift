import RuleLanguage
import Testing

@Suite struct SuggestionTests {
  static let clauses = ["source", "when", "then"]
  static let conclusions = ["derive", "evidence", "assess", "recommend"]
  static let sections = [
    "knowledge_base", "factor_levels", "priority", "groups", "questions", "factors", "patterns", "measures",
    "sources",
  ]

  @Test(
    arguments: [
      ("whne", clauses, "when"),
      ("thne", clauses, "then"),
      ("sorce", clauses, "source"),
      ("recomend", conclusions, "recommend"),
      ("asses", conclusions, "assess"),
      ("rul", ["rule", "fact"], "rule"),
      ("personal.reserv", ["personal.reserve", "personal.freistellung", "reserve"], "personal.reserve"),
      ("questoins", sections, "questions"),
      ("question", sections, "questions"),
      ("schwac", ["kritisch", "schwach", "ausreichend", "stark"], "schwach"),
      ("überlast", ["ueberlast", "unterlast"], "ueberlast"),
      ("ab", ["ac", "aa"], "aa"),
      // The word itself is never suggested: callers ask only about words that are not known.
      ("when", clauses, "then"),
    ] as [(String, [String], String)])
  func suggests(_ word: String, _ candidates: [String], _ expected: String) {
    #expect(Suggestion.closest(to: word, in: candidates) == expected)
  }

  @Test(
    arguments: [
      ("xyz", clauses),
      ("dauerkrise", ["flut", "hitze"]),
      ("irgendwas", []),
    ] as [(String, [String])])
  func staysQuietWhenNothingIsClose(_ word: String, _ candidates: [String]) {
    #expect(Suggestion.closest(to: word, in: candidates) == nil)
  }
}
