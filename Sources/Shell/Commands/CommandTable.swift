import KnowledgeBase
import RuleLanguage

/// Every shell command, in the order `hilfe` lists them. A new command is one new type in
/// `Commands/Table` and one line here.
enum CommandTable {
  static let all: [any ShellCommand.Type] = [
    HelpCommand.self,
    WhyCommand.self,
    HowCommand.self,
    WhyNotCommand.self,
    WhatIfCommand.self,
    AdviceCommand.self,
    PatternsCommand.self,
    ProfileCommand.self,
    MunicipalityCommand.self,
    TermCommand.self,
    AuthorCommand.self,
    SourceCommand.self,
    AnswersCommand.self,
    ConfirmCommand.self,
    SetCommand.self,
    UnsetCommand.self,
    BackCommand.self,
    SkipCommand.self,
    NextCommand.self,
    ChangesCommand.self,
    ShowCommand.self,
    SearchCommand.self,
    SaveCommand.self,
    LoadCommand.self,
    ReportCommand.self,
    HeaderCommand.self,
    PrintPackCommand.self,
    RecordCommand.self,
    TraceCommand.self,
    TechnicalCommand.self,
    ReloadCommand.self,
    CheckCommand.self,
    ExerciseCommand.self,
    InjectCommand.self,
    InjectsCommand.self,
    QuestionCommand.self,
    RoleCommand.self,
    DecideCommand.self,
    NoteCommand.self,
    UndoCommand.self,
    ObserverSheetCommand.self,
    RateCommand.self,
    PlanCommand.self,
    DebriefCommand.self,
    AssignCommand.self,
    DoneCommand.self,
    PostponeCommand.self,
    ExportCommand.self,
    QuitCommand.self,
    ExpectCommand.self,
  ]

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
