import ArgumentParser
import Foundation
import KnowledgeBase

/// The `--kb` option shared by the commands that read a knowledge base.
struct KnowledgeBaseOption: ParsableArguments {
  @Option(
    name: .customLong("kb"),
    help: ArgumentHelp(
      "Ordner der Wissensbasis mit Rules/ und Knowledge/ (sonst $RESILIENZ_KB oder die mitgelieferte).",
      valueName: "dir"))
  var directory: String?

  var resolved: String {
    directory ?? KnowledgeSources.defaultDirectory(environment: ProcessInfo.processInfo.environment)
  }
}
