import Consultation
import KnowledgeBase

struct RoleCommand: ShellCommand {
  static let spec = CommandSpec(
    topic: .exercise, name: "role", aliases: ["rolle"], usage: "rolle [<rolle>|zurücksetzen]",
    summary: "setzt die Rolle, für die Entscheidungen und Notizen protokolliert werden",
    help:
      "Ohne Argument zeigt 'rolle' die Rollen der Übung und die aktuelle. 'rolle s3' (Kennung oder Name der Rolle) gilt für jede folgende Entscheidung und Notiz, die keine andere mit --als nennt; 'rolle zurücksetzen' protokolliert wieder unter dem Namen am Gerät ('name'). Die Rolle steht im Journal und gilt nach dem Fortsetzen weiter.",
    exerciseOnly: true
  )

  let text: String

  init(_ arguments: CommandArguments) { text = arguments.text }

  func run(in shell: Shell) { shell.roleCommand(text) }
}

extension Shell {
  func roleCommand(_ argument: String) {
    guard let run = consultation.exercise else { return fail(ExerciseError.noExercise.description) }
    if argument.isEmpty {
      line(emphasis("Rollen der Übung"))
      for role in run.exercise.roles {
        line("  \(role.id): \(text(role.title))\(role.isControl ? " (Übungssteuerung)" : "")")
      }
      return line("Aktuelle Rolle: \(run.role ?? consultation.author.map { "keine (Name: \($0))" } ?? "keine")")
    }
    do {
      if ["zuruecksetzen", "reset"].contains(argument.folded) {
        try consultation.setExerciseRole(nil)
        return line("Keine Rolle mehr; Einträge stehen unter dem Namen am Gerät.")
      }
      guard let role = exerciseRole(argument, in: run) else { return }
      try consultation.setExerciseRole(text(role.title))
      line("Ab jetzt protokolliert für: \(text(role.title)).")
    } catch {
      fail(String(describing: error))
    }
  }

  /// A declared role of the exercise by id or name; says which there are when none fits.
  func exerciseRole(_ word: String, in run: ExerciseRun) -> ExerciseRole? {
    let roles = run.exercise.roles
    if let role = roles.first(where: { $0.id.folded == word.folded || text($0.title).folded == word.folded }) {
      return role
    }
    fail(
      "„\(word)“ ist keine Rolle dieser Übung. Möglich: "
        + roles.map { "\($0.id) (\(text($0.title)))" }.joined(separator: ", ") + ".")
    return nil
  }
}
