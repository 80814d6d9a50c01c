extension DiagnosticCase {
  /// Problems the YAML reader and the knowledge file reader find.
  static let knowledge: [DiagnosticCase] = [
    DiagnosticCase(
      name: "invalid-utf8-yaml", id: "invalid-utf8",
      files: Fixtures.base + [
        (
          path: "Knowledge/case.yaml",
          bytes: Array("groups:\n  - {id: extra, title: Gr".utf8) + [0xF6, 0xDF, 0x65] + Array("}\n".utf8)
        )
      ]),
    .knowledge(
      "yaml-syntax", "yaml-syntax",
      """
      groups:
        - id: extra
           title: Extra

      """),
    .knowledge(
      "duplicate-key", "duplicate-key",
      """
      groups:
        - id: extra
          title: Extra
          id: extra2

      """),
    .knowledge(
      "expected-map", "expected-map",
      """
      groups:
        - [extra, Extra]

      """),
    .knowledge(
      "expected-list-yaml", "expected-list",
      """
      groups:
        id: extra
        title: Extra

      """),
    .knowledge(
      "unknown-field-did-you-mean", "unknown-field",
      """
      questions:
        - id: extra
          text: "Gibt es eine Reserve?"
          type: yesno
          hlep: "Warum die Frage zählt."
          group: lage

      """),
    .knowledge(
      "missing-field", "missing-field",
      """
      groups:
        - id: extra

      """),
    .knowledge(
      "unknown-section-did-you-mean", "unknown-section",
      """
      question:
        - {id: extra, text: Extra?, type: yesno, help: h, group: lage}

      """),
    .knowledge(
      "duplicate-section", "duplicate-section",
      """
      knowledge_base:
        id: zweite
        title: Zweite Wissensbasis
        version: "2"

      """
    ),
    .knowledge(
      "duplicate-section-priority", "duplicate-section",
      """
      priority:
        weight: 2
        urgency:
          default: {sofort: 3, kurzfristig: 2, langfristig: 1}
        weakness: sum
        effort: {gering: 1, mittel: 0, hoch: -1}

      """
    ),
    .files(
      "missing-section", "missing-section",
      [
        (
          "Knowledge/base.yaml",
          Fixtures.baseKnowledge(
            replacing: "knowledge_base:\n  id: test\n  title: Testwissen\n  version: \"1\"\n", with: "")
        ),
        ("Rules/base.rules", Fixtures.cleanRules),
      ]),
    .knowledge(
      "empty-knowledge-file", "empty-file",
      "# Hier kommt später Wissen hin.\n"),
    .knowledge(
      "invalid-question-type", "invalid-value",
      """
      questions:
        - {id: extra, text: Extra?, type: nummer, min: 0, max: 10, help: h, group: lage}

      """),
    .knowledge(
      "underline-at-end-of-file-without-newline", "invalid-value",
      "questions:\n  - id: extra\n    text: Extra?\n    help: h\n    group: lage\n    type: nummer"
    ),
    .knowledge(
      "invalid-range", "invalid-range",
      """
      questions:
        - {id: extra, text: Extra?, type: number, min: 10, max: 5, help: h, group: lage}

      """),
    .knowledge(
      "field-not-allowed", "field-not-allowed",
      """
      questions:
        - {id: extra, text: Extra?, type: yesno, values: [ja, nein, vielleicht], help: h, group: lage}

      """),
    .knowledge(
      "expected-number", "expected-number",
      """
      questions:
        - {id: extra, text: Extra?, type: number, min: 0, max: viele, help: h, group: lage}

      """),
    .knowledge(
      "expected-whole-number-scale", "expected-whole-number",
      """
      questions:
        - {id: extra, text: Extra?, type: scale, min: 1.5, max: 5, help: h, group: lage}

      """),
    .knowledge(
      "invalid-id", "invalid-id",
      """
      groups:
        - {id: 3fach, title: Dreifach}

      """),
    .knowledge(
      "duplicate-value", "duplicate-id",
      """
      questions:
        - {id: extra, text: Extra?, type: choice, values: [hoch, niedrig, hoch], help: h, group: lage}

      """),
    .knowledge(
      "too-many-values", "too-many-values",
      """
      questions:
        - id: extra
          text: Extra?
          type: multi
          values: [w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15, w16, w17, w18, w19, w20, w21, w22, w23, w24, w25, w26, w27, w28, w29, w30, w31, w32, w33, w34, w35, w36, w37, w38, w39, w40, w41, w42, w43, w44, w45, w46, w47, w48, w49, w50, w51, w52, w53, w54, w55, w56, w57, w58, w59, w60, w61, w62, w63, w64, w65]
          help: h
          group: lage

      """),
    .knowledge(
      "expected-key", "expected-key",
      """
      groups:
        - {[id]: extra, title: Extra}

      """),
    .knowledge(
      "empty-text", "empty-text",
      """
      groups:
        - {id: extra, title: ""}

      """),
    .knowledge(
      "expected-text", "expected-text",
      """
      groups:
        - {id: extra, title: ~}

      """),
    .knowledge(
      "empty-list", "empty-list",
      """
      measures:
        - {id: extra, title: Extra, description: d, prevents: p, steps: [], office: Krisenstab, horizon: sofort, effort: gering, phases: [vorsorge], factors: [rf3], sources: [q1], reviewed: 2026-12-04}

      """),
    .knowledge(
      "invalid-horizon-did-you-mean", "invalid-value",
      """
      measures:
        - {id: extra, title: Extra, description: d, prevents: p, steps: [a], office: Krisenstab, horizon: sofrot, effort: gering, phases: [vorsorge], factors: [rf3], sources: [q1], reviewed: 2026-12-04}

      """),
    .knowledge(
      "threshold-order", "threshold-order",
      """
      patterns:
        - {id: flut, title: Flut, description: d, indicators: [i], suspected: 5, established: 2, sources: [q1]}

      """),
    .knowledge(
      "invalid-threshold", "invalid-threshold",
      """
      patterns:
        - {id: flut, title: Flut, description: d, indicators: [i], suspected: 0, established: 2, sources: [q1]}

      """),
    .knowledge(
      "invalid-url", "invalid-url",
      """
      sources:
        - {id: q2, title: Zweite Quelle, publisher: BBK, url: "www.bbk.bund.de"}

      """),
    .files(
      "invalid-phase-question", "invalid-phase-question",
      [
        (
          "Knowledge/base.yaml",
          Fixtures.baseKnowledge(replacing: "phase_question: phase", with: "phase_question: dauer")
        ),
        ("Rules/base.rules", Fixtures.cleanRules),
      ]),
    .files(
      "self-conflict", "self-conflict",
      [
        (
          "Knowledge/base.yaml",
          Fixtures.baseKnowledge(
            replacing: "sources: [q1], reviewed: 2026-12-04}\n  - {id: liste",
            with:
              "sources: [q1], reviewed: 2026-12-04,\n     conflicts: [{with: pool, text: Zieht gegen sich selbst.}]}\n  - {id: liste"
          )
        ),
        ("Rules/base.rules", Fixtures.cleanRules),
      ]),
    .files(
      "conflict-with-unknown-measure", "unknown-measure",
      [
        (
          "Knowledge/base.yaml",
          Fixtures.baseKnowledge(
            replacing: "sources: [q1], reviewed: 2026-12-04}\n  - {id: liste",
            with:
              "sources: [q1], reviewed: 2026-12-04,\n     conflicts: [{with: lsite, text: Zieht gegen die Liste.}]}\n  - {id: liste"
          )
        ),
        ("Rules/base.rules", Fixtures.cleanRules),
      ]),
    .files(
      "unknown-phase-question", "unknown-question",
      [
        (
          "Knowledge/base.yaml",
          Fixtures.baseKnowledge(replacing: "phase_question: phase", with: "phase_question: phsae")
        ),
        ("Rules/base.rules", Fixtures.cleanRules),
      ]),
    .knowledge(
      "unknown-group-did-you-mean", "unknown-group",
      """
      questions:
        - {id: extra, text: Extra?, type: yesno, help: h, group: lagee}

      """),
    .knowledge(
      "unknown-source-in-yaml", "unknown-source",
      """
      factors:
        - {id: rf4, title: Führung, finding: f, sources: [q1, q2]}

      """),
    .knowledge(
      "duplicate-measure-two-files", "duplicate-id",
      """
      measures:
        - {id: pool, title: Pool, description: d, prevents: p, steps: [a], office: Personalamt, horizon: sofort, effort: mittel, phases: [bewaeltigung], factors: [rf3], sources: [q1], reviewed: 2026-12-04}

      """),
    .knowledge(
      "relevance-unknown-value-quoted", "value-not-allowed",
      """
      questions:
        - id: extra
          text: "Wie viele Mitarbeitende fehlen?"
          type: number
          min: 0
          max: 100
          help: "Fragen Sie das Personalamt."
          group: lage
          relevant: "phase = bewaeltigung and reserve = gerign"

      """),
    .knowledge(
      "relevance-syntax-error-plain", "expected-list-close",
      """
      questions:
        - id: extra
          text: Extra?
          type: yesno
          help: h
          group: lage
          relevant: reserve in [keine gering] or stab = ja

      """),
    .knowledge(
      "relevance-folded-over-two-lines", "value-not-allowed",
      """
      questions:
        - id: extra
          text: Extra?
          type: yesno
          help: h
          group: lage
          relevant: phase = bewaeltigung
            and reserve = gerign

      """
    ),
  ]
}
