extension DiagnosticCase {
  /// Problems the lexer and parser find in rule files.
  static let syntax: [DiagnosticCase] = [
    .rules(
      "unterminated-string", "unterminated-string",
      """
      rule r
        source q1
        when stab = nein
        then recommend pool weight 1
               because "Ohne Stab fehlt die Führung.

      """
    ),
    .rules(
      "tab-indentation", "tab-indentation",
      "rule r\n  source q1\n\twhen stab = nein\n  then assess rf3 schwach\n"),
    .rules(
      "unexpected-character", "unexpected-character",
      """
      rule r
        source q1
        when stab = nein & dauer > 4
        then assess rf3 schwach

      """
    ),
    .rules(
      "number-too-precise-after-umlaut", "number-too-precise",
      """
      fact größer "Die Lage ist größer als gedacht"

      rule r
        source q1
        when größer and dauer >= 4.125
        then assess rf3 schwach

      """),
    .rules(
      "invalid-number", "invalid-number",
      """
      rule r
        source q1
        when dauer >= 4wochen
        then assess rf3 schwach

      """
    ),
    .rules(
      "number-too-precise", "number-too-precise",
      """
      rule r
        source q1
        when stab = nein
        then recommend pool weight 2.125
               because "Ohne Stab fehlt die Führung."

      """),
    .rules(
      "declaration-indented", "declaration-indented",
      """
        rule r
        source q1
        when stab = nein
        then assess rf3 schwach

      """),
    .rules(
      "clause-not-indented", "clause-not-indented",
      """
      rule r
        source q1
      when stab = nein
        then assess rf3 schwach

      """),
    .rules(
      "expected-clause-did-you-mean", "expected-clause",
      """
      rule r
        source q1
        whne stab = nein
        then assess rf3 schwach

      """
    ),
    .rules(
      "expected-clause-did-you-mean-first-clause", "expected-clause",
      """
      rule r
        whne stab = nein
        source q1
        then assess rf3 schwach

      """),
    .rules(
      "expected-clause-after-condition", "unexpected-token",
      """
      rule r
        source q1
        when stab = nein
        thne assess rf3 schwach

      """
    ),
    .rules(
      "expected-conclusion-did-you-mean", "expected-conclusion",
      """
      rule r
        source q1
        when stab = nein
        then recomend pool weight 1
               because "Ohne Stab fehlt die Führung."

      """),
    .rules(
      "expected-declaration-did-you-mean", "expected-declaration",
      """
      rul r
        source q1
        when stab = nein
        then assess rf3 schwach

      """),
    .rules(
      "missing-when", "missing-clause",
      """
      rule ohne-bedingung
        source q1
        then assess rf3 schwach

      """),
    .rules(
      "missing-source", "missing-clause",
      """
      rule ohne-quelle
        when stab = nein
        then assess rf3 schwach

      """),
    .rules(
      "missing-then", "missing-clause",
      """
      rule ohne-folgerung
        source q1
        when stab = nein

      """),
    .rules(
      "duplicate-clause", "duplicate-clause",
      """
      rule r
        source q1
        when stab = nein
        when dauer > 4
        then assess rf3 schwach

      """),
    .rules(
      "clause-out-of-order", "clause-out-of-order",
      """
      rule r
        when stab = nein
        source q1
        then assess rf3 schwach

      """),
    .rules(
      "missing-reason", "missing-reason",
      """
      rule r
        source q1
        when stab = nein
        then recommend pool weight 1

      """),
    .rules(
      "expected-reason", "expected-reason",
      """
      rule r
        source q1
        when stab = nein
        then recommend pool weight 1 because Führung

      """),
    .rules(
      "expected-value", "expected-value",
      """
      rule r
        source q1
        when dauer >=
        then assess rf3 schwach

      """),
    .rules(
      "expected-list", "expected-list",
      """
      rule r
        source q1
        when reserve in keine
        then assess rf3 schwach

      """),
    .rules(
      "expected-list-close", "expected-list-close",
      """
      rule r
        source q1
        when reserve in [keine gering]
        then assess rf3 schwach

      """),
    .rules(
      "expected-paren-close", "expected-paren-close",
      """
      rule r
        source q1
        when (stab = nein or dauer > 4
        then assess rf3 schwach

      """),
    .rules(
      "expected-known-or-unknown", "expected-known-or-unknown",
      """
      rule r
        source q1
        when dauer is bekannt
        then assess rf3 schwach

      """),
    .rules(
      "expected-pattern-state", "expected-pattern-state",
      """
      rule r
        source q1
        when pattern dauerkrise
        then assess rf3 schwach

      """),
    .rules(
      "expected-comparison", "expected-comparison",
      """
      rule r
        source q1
        when reserve keine
        then assess rf3 schwach

      """),
    .rules(
      "expected-condition", "expected-condition",
      """
      rule r
        source q1
        when stab = nein and
        then assess rf3 schwach

      """),
    .rules(
      "unexpected-token", "unexpected-token",
      """
      rule r
        source q1
        when stab = nein dauer > 4
        then assess rf3 schwach

      """),
    .rules(
      "expected-id", "expected-id",
      """
      rule r
        source q1
        when stab = nein
        then derive "lang"

      """),
    .rules(
      "expected-points", "expected-points",
      """
      rule r
        source q1
        when stab = nein
        then evidence dauerkrise viel

      """),
    .rules(
      "expected-weight", "expected-weight",
      """
      rule r
        source q1
        when stab = nein
        then recommend pool 3
               because "Ohne Stab fehlt die Führung."

      """),
    .rules(
      "expected-level", "expected-level",
      """
      rule r
        source q1
        when factor rf3 <= 2
        then recommend pool weight 1
               because "Ohne Stab fehlt die Führung."

      """),
    .rules(
      "expected-fact-text", "expected-fact-text",
      """
      fact ueberlastet

      """),
    .rules("empty-rule-file", "empty-file", "# Nur ein Kommentar, noch keine Regeln.\n"),
    DiagnosticCase(
      name: "invalid-utf8-rules", id: "invalid-utf8",
      files: Fixtures.base + [
        (path: "Rules/case.rules", bytes: Array("rule gr".utf8) + [0xF6, 0xDF] + Array("er\n".utf8))
      ]),
    .rules(
      "three-errors-one-file", "number-too-precise",
      """
      rule erste
        source q1
        when dauer >= 4.125
        then assess rf3 schwach

      rule zweite
        source q1
        when reserve in [keine gering]
        then assess rf3 schwach

      rule dritte
        source q1
        when stab = nein
        then recommend pool weight 1

      """),
  ]
}
