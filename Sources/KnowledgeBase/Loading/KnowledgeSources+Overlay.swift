import RuleLanguage

extension KnowledgeSources {
  /// Reads the folder like `read(directory:)`, but takes the text of any file named in `overlay`
  /// (path → text, paths spelt as `read` spells them) from there: an editor's unsaved documents.
  /// An overlaid file that does not exist on disk yet is added where `read` would have found it.
  public static func read(directory: String, overlay: [String: String]) -> KnowledgeSources {
    var sources = read(directory: directory)
    func apply(_ files: inout [SourceFile], folder: String, ending: String) {
      let folder = join(directory, folder)
      var seen = Set<String>()
      files = files.map { file in
        seen.insert(file.path)
        return overlay[file.path].map { SourceFile(path: file.path, text: $0) } ?? file
      }
      for (path, text) in overlay where !seen.contains(path) && path.hasSuffix(ending) {
        let name = path.dropFirst(folder.count + 1)
        guard path.hasPrefix(folder + "/"), !name.contains("/"), !name.hasPrefix(".") else { continue }
        files.append(SourceFile(path: path, text: text))
      }
      files.sort { $0.path < $1.path }
    }
    apply(&sources.knowledgeFiles, folder: "Knowledge", ending: ".yaml")
    apply(&sources.ruleFiles, folder: "Rules", ending: ".rules")
    apply(&sources.exerciseFiles, folder: "Knowledge/exercises", ending: ".yaml")
    if !sources.ruleFiles.isEmpty {
      // Only "no rule files" can have been caused by files the overlay now supplies.
      sources.diagnostics.removeAll { $0.id == KnowledgeMessage.noRuleFiles.message.id }
    }
    return sources
  }
}
