import KnowledgeBase
import RuleLanguage

/// Every shell command, in the order `hilfe` lists them: by topic, then by the name the user
/// types. A new command is one new type in `Commands/Table`; the build lists it in `registered`
/// (the CommandTablePlugin).
enum CommandTable {
  static let all: [any ShellCommand.Type] = registered.sorted { a, b in
    a.spec.topic != b.spec.topic ? a.spec.topic < b.spec.topic : a.spec.usage.folded < b.spec.usage.folded
  }

  /// The command a word names (any of its names, umlauts optional).
  static func find(_ word: String) -> (any ShellCommand.Type)? {
    let folded = word.folded
    return all.first { command in command.spec.allNames.contains { $0.folded == folded } }
  }

  /// The closest command name, spelt as the user would type it (with umlauts).
  static func suggestion(for word: String, maxDistance: Int? = nil) -> String? {
    var spelling: [String: String] = [:]
    for name in all.flatMap({ $0.spec.allNames })
    where spelling[name.folded] == nil || name.contains(where: { "äöüß".contains($0) }) {
      spelling[name.folded] = name
    }
    return Suggestion.closest(to: word.folded, in: spelling.keys.sorted(), maxDistance: maxDistance).flatMap {
      spelling[$0]
    }
  }
}

extension Shell {
  /// Every name and alias of a shell command, as the user types it: for `check`, which reads test
  /// scripts without running them.
  public static var commandNames: [String] { CommandTable.all.flatMap { $0.spec.allNames } }
}
