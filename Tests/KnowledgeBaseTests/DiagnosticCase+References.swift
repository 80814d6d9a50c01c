extension DiagnosticCase {
  /// A question `personal.reserve` next to the base knowledge, for the "did you mean" example.
  static let personalReserve = """
    groups:
      - {id: personal, title: Personal und Arbeitslast}
    questions:
      - id: personal.reserve
        text: "Wie groß ist die Personalreserve?"
        type: choice
        values: [keine, gering, ausreichend]
        help: "Zählen Sie alle, die kurzfristig einspringen können."
        group: personal

    """

  /// Unknown ids, values that do not fit their question, and cycles through negation.
  static let references: [DiagnosticCase] = [
    DiagnosticCase(
      name: "unknown-question-did-you-mean", id: "unknown-question",
      files: Fixtures.base + [
        (path: "Knowledge/personal.yaml", bytes: Array(personalReserve.utf8)),
        (
          path: "Rules/case.rules",
          bytes: Array(
            """
            rule ohne-reserve
              source q1
              when personal.reserv in [keine, gering]
              then assess rf3 schwach

            """.utf8)
        ),
      ]),
    .rules(
      "value-not-allowed-did-you-mean", "value-not-allowed",
      """
      rule r
        source q1
        when reserve = gerign
        then assess rf3 schwach

      """),
    .rules(
      "value-out-of-range", "value-out-of-range",
      """
      rule r
        source q1
        when dauer > 200
        then assess rf3 schwach

      """),
    .rules(
      "ordering-on-choice", "comparison-not-allowed",
      """
      rule r
        source q1
        when reserve >= gering
        then assess rf3 schwach

      """),
    .rules(
      "includes-on-choice", "comparison-not-allowed",
      """
      rule r
        source q1
        when reserve includes keine
        then assess rf3 schwach

      """),
    .rules(
      "equal-on-multi", "comparison-not-allowed",
      """
      rule r
        source q1
        when aufgaben = test
        then assess rf3 schwach

      """),
    .rules(
      "in-on-number", "comparison-not-allowed",
      """
      rule r
        source q1
        when dauer in [4, 5]
        then assess rf3 schwach

      """),
    .rules(
      "expected-number-value", "expected-number-value",
      """
      rule r
        source q1
        when dauer > viele
        then assess rf3 schwach

      """),
    .rules(
      "scale-with-fraction", "expected-whole-number",
      """
      rule r
        source q1
        when last >= 2.5
        then assess rf3 schwach

      """),
    .rules(
      "fact-as-question", "fact-as-question",
      """
      rule r
        source q1
        when lang = ja
        then assess rf3 schwach

      """),
    .rules(
      "question-as-fact-in-condition", "question-as-fact",
      """
      rule r
        source q1
        when stab
        then assess rf3 schwach

      """),
    .rules(
      "question-as-fact-in-derive", "question-as-fact",
      """
      rule r
        source q1
        when dauer > 4
        then derive stab

      """),
    .rules(
      "unknown-fact-did-you-mean", "unknown-fact",
      """
      rule r
        source q1
        when langg
        then assess rf3 schwach

      """),
    .rules(
      "unknown-measure", "unknown-measure",
      """
      rule r
        source q1
        when stab = nein
        then recommend pol weight 1
               because "Ohne Stab fehlt die Führung."

      """),
    .rules(
      "unknown-pattern", "unknown-pattern",
      """
      rule r
        source q1
        when pattern dauerkrse suspected
        then evidence dauerkrse +1

      """),
    .rules(
      "unknown-factor", "unknown-factor",
      """
      rule r
        source q1
        when factor rf4 <= schwach
        then assess rf4 schwach

      """),
    .rules(
      "unknown-factor-level", "unknown-factor-level",
      """
      rule r
        source q1
        when factor rf3 in [kritisch, schwac]
        then recommend pool weight 1
               because "Der Faktor ist schwach."

      """),
    .rules(
      "unknown-source", "unknown-source",
      """
      rule r
        source q1, q2
        when stab = nein
        then assess rf3 schwach

      """),
    .rules(
      "duplicate-rule-two-files", "duplicate-id",
      """
      rule liste-anlegen
        source q1
        when stab = ja
        then assess rf3 ausreichend

      """),
    .rules(
      "fact-named-like-question", "duplicate-id",
      """
      fact stab "Es gibt einen Stab"

      """),
    .rules(
      "negation-cycle", "negation-cycle",
      """
      fact a "A gilt"
      fact b "B gilt"

      rule a-ohne-b
        source q1
        when not b
        then derive a

      rule b-aus-a
        source q1
        when a
        then derive b

      """),
    .rules(
      "negation-cycle-through-pattern", "negation-cycle",
      """
      rule verstaerkt-sich
        source q1
        when pattern dauerkrise suspected
        then evidence dauerkrise +1

      """),
  ]

  /// Legal but almost certainly wrong: what the linter warns about.
  static let warnings: [DiagnosticCase] = [
    .rules(
      "rule-never-fires", "rule-never-fires",
      """
      rule nie
        source q1
        when dauer > 50 and dauer < 10
        then assess rf3 kritisch

      """),
    .rules(
      "rule-never-fires-underived-fact", "rule-never-fires",
      """
      fact nie "Tritt nie ein"

      rule aus-nie
        source q1
        when nie
        then assess rf3 kritisch

      """),
    .knowledge(
      "unused-question", "unused-question",
      """
      questions:
        - {id: extra, text: Extra?, type: yesno, help: h, group: lage}

      """),
    .knowledge(
      "unrecommended-measure", "unrecommended-measure",
      """
      measures:
        - {id: extra, title: Extra, description: d, prevents: p, steps: [a], office: IT, horizon: kurzfristig, effort: hoch, phases: [vorsorge], factors: [rf3], sources: [q1], reviewed: 2026-12-04}

      """),
    DiagnosticCase(
      name: "unreachable-threshold", id: "unreachable-threshold",
      files: Fixtures.base + [
        (
          path: "Knowledge/case.yaml",
          bytes: Array(
            """
            patterns:
              - {id: flut, title: Flut, description: d, indicators: [i], suspected: 2, established: 4, sources: [q1]}

            """.utf8)
        ),
        (
          path: "Rules/case.rules",
          bytes: Array(
            """
            rule flut-bei-last
              source q1
              when last = 5
              then evidence flut +2

            """.utf8)
        ),
      ]),
    .knowledge(
      "uncited-source", "uncited-source",
      """
      sources:
        - {id: q2, title: Zweite Quelle, publisher: BBK, year: 2023, url: "https://www.bbk.bund.de"}

      """),
    .rules(
      "underived-fact", "underived-fact",
      """
      fact verwaist "Niemand leitet das ab"

      """),
    .knowledge(
      "factor-never-assessed", "factor-never-assessed",
      """
      factors:
        - {id: rf4, title: Führung, finding: f, sources: [q1]}

      """),
  ]

  static let all: [DiagnosticCase] = syntax + knowledge + references + warnings + sources + exercises
}
