import _ResilienzTestSupport

/// Cases for exercise files in the Drehbuch format: roles, objectives, injects and their branches.
extension DiagnosticCase {
  /// A catalogue of staff roles beside the base knowledge.
  static let staffRoles = """
    staff_roles:
      - {id: leitung, title: Leitung des Stabes, staff: Verwaltungsstab, description: d, sources: [q1]}
      - {id: s2, title: S2 Lage, staff: Führungsstab, description: d, sources: [q1]}
      - {id: s3, title: S3 Einsatz, staff: Führungsstab, description: d, sources: [q1]}
    """

  /// A clean Drehbuch with two injects, the second standing in for the first when `pool` is decided.
  static let drehbuch = """
    title: Übung
    type: Stabsrahmenübung
    objectives:
      - id: personal
        text: Der Stab sichert Personal.
        horizon: [Der Stab bildet einen Pool.]
        measures: [pool]
    roles: [leitung, s2, uebungsleitung, einlagensteuerung, beobachter]
    municipality: Musterstadt
    situation: Lage
    injects:
      - id: engpass
        at: T+0
        from: Personalrat
        to: leitung
        channel: Telefon
        title: Engpass
        text: Es fehlt Personal.
        expected: {action: Der Stab bildet einen Pool., measures: [pool]}
        objective: personal
      - id: engpass-mit-pool
        at: T+0
        from: Personalrat
        to: s2
        channel: E-Mail
        when: {decided: pool}
        replaces: engpass
        title: Pool hilft
        text: Der Pool trägt.
        expected: {action: Der Stab hält den Pool.}
        objective: personal
    """

  /// The base knowledge, the catalogue, clean rules and the Drehbuch with `old` replaced by `new`.
  private static func exercise(_ name: String, _ id: String, replacing old: String, with new: String) -> DiagnosticCase
  {
    var text = drehbuch
    if let range = text.range(of: old) {
      text.replaceSubrange(range, with: new)
    } else {
      text += "\n# missing: \(old)"
    }
    return .files(
      name, id,
      [
        ("Knowledge/base.yaml", Fixture.baseKnowledge), ("Knowledge/rollen.yaml", staffRoles),
        ("Rules/base.rules", Fixtures.cleanRules), ("Knowledge/exercises/uebung.yaml", text),
      ])
  }

  static let exercises: [DiagnosticCase] = [
    exercise(
      "exercise-unknown-role", "unknown-role", replacing: "roles: [leitung, s2,", with: "roles: [leitung, s2, s9,"),
    exercise("exercise-undeclared-recipient", "undeclared-role", replacing: "to: s2", with: "to: s3"),
    exercise(
      "exercise-unknown-objective", "unknown-objective", replacing: "    objective: personal\n",
      with: "    objective: persnal\n"),
    exercise(
      "exercise-untested-objective", "untested-objective", replacing: "roles:",
      with: "  - id: warnung\n    text: Der Stab warnt.\n    horizon: [Der Stab warnt früh.]\nroles:"),
    exercise(
      "exercise-branch-unknown-measure", "unknown-measure", replacing: "{decided: pool}", with: "{decided: poll}"),
    exercise(
      "exercise-branch-unknown-inject", "unknown-inject", replacing: "replaces: engpass", with: "replaces: engpas"),
    exercise(
      "exercise-duplicate-inject", "duplicate-id", replacing: "  - id: engpass-mit-pool",
      with:
        "  - {id: engpass, at: T+0, from: Amt, to: s2, channel: Fax, title: T, text: T, expected: {action: A}, objective: personal}\n  - id: engpass-mit-pool"
    ),
    exercise("exercise-invalid-time", "invalid-exercise-time", replacing: "at: T+0\n", with: "at: Tag 3\n"),
    exercise("exercise-branch-without-condition", "invalid-branch", replacing: "    when: {decided: pool}\n", with: ""),
    exercise(
      "exercise-branch-two-conditions", "invalid-branch", replacing: "{decided: pool}",
      with: "{decided: pool, control: \"Hat der Stab einen Pool?\"}"),
    exercise(
      "exercise-inject-out-of-order", "inject-out-of-order", replacing: "at: T+0\n", with: "at: T+2h\n"),
    exercise(
      "exercise-recipient-missing", "missing-field", replacing: "    to: leitung\n", with: ""),
  ]
}
