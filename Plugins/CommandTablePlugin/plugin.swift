import PackagePlugin

/// Lists the shell's commands for `CommandTable`: every type that conforms to `ShellCommand` in
/// the files directly in `Commands/Table` (not in folders below it). A new command is then one
/// new file there (and its test), nothing else; a file there without a command fails the build.
@main
struct CommandTablePlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let target = target as? SourceModuleTarget else { return [] }
    let commands = target.sourceFiles(withSuffix: "swift").map(\.url)
      .filter { $0.deletingLastPathComponent().path.hasSuffix("/Commands/Table") }
      .sorted { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appending(path: "CommandTable+Registered.swift")
    return [
      .buildCommand(
        displayName: "Listing the shell's commands",
        executable: try context.tool(named: "GenerateCommandTable").url,
        arguments: [output.path] + commands.map(\.path),
        inputFiles: commands,
        outputFiles: [output])
    ]
  }
}
