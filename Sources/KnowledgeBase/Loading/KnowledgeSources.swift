import Foundation
import RuleLanguage

/// The files of a knowledge base, read from disk (or built in memory by tests).
public struct KnowledgeSources: Sendable {
  /// The folder as given, for messages.
  public var directory: String
  public var knowledgeFiles: [SourceFile]
  public var ruleFiles: [SourceFile]
  /// Exercise scenarios, `Knowledge/exercises/*.yaml`; the id is the file name.
  public var exerciseFiles: [SourceFile] = []
  /// Paths of the scripted consultations in `Rules/tests/`.
  public var testFiles: [String]
  /// Problems met while reading the folders.
  public var diagnostics: [Diagnostic]

  public init(
    directory: String, knowledgeFiles: [SourceFile], ruleFiles: [SourceFile],
    testFiles: [String] = [], diagnostics: [Diagnostic] = []
  ) {
    self.directory = directory
    self.knowledgeFiles = knowledgeFiles
    self.ruleFiles = ruleFiles
    self.testFiles = testFiles
    self.diagnostics = diagnostics
  }

  /// Reads `Knowledge/*.yaml`, `Rules/*.rules` and the names of `Rules/tests/*.test` below `directory`.
  public static func read(directory: String) -> KnowledgeSources {
    var sources = KnowledgeSources(directory: directory, knowledgeFiles: [], ruleFiles: [])
    sources.knowledgeFiles = readFiles(
      in: join(directory, "Knowledge"), ending: ".yaml", root: directory, into: &sources.diagnostics)
    sources.ruleFiles = readFiles(
      in: join(directory, "Rules"), ending: ".rules", root: directory, into: &sources.diagnostics)
    let exercises = join(directory, "Knowledge/exercises")
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: exercises, isDirectory: &isFolder), isFolder.boolValue {
      sources.exerciseFiles = readFiles(in: exercises, ending: ".yaml", root: directory, into: &sources.diagnostics)
    }
    let tests = join(directory, "Rules/tests")
    if let names = try? FileManager.default.contentsOfDirectory(atPath: tests) {
      sources.testFiles = names.filter { $0.hasSuffix(".test") }.sorted().map { join(tests, $0) }
    }
    if sources.diagnostics.isEmpty, sources.ruleFiles.isEmpty {
      sources.diagnostics.append(
        Diagnostic(KnowledgeMessage.noRuleFiles.message, at: DiagnosticSite(path: join(directory, "Rules"))))
    }
    return sources
  }

  /// The knowledge base used when none is named: `RESILIENZ_KB`, else the checkout this program
  /// was built from, else the current folder.
  public static func defaultDirectory(environment: [String: String]) -> String {
    if let configured = environment["RESILIENZ_KB"], !configured.isEmpty { return configured }
    let checkout = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    let manager = FileManager.default
    if manager.fileExists(atPath: checkout + "/Rules"), manager.fileExists(atPath: checkout + "/Knowledge") {
      return displayPath(checkout, relativeTo: manager.currentDirectoryPath)
    }
    return "."
  }

  /// A path relative to `base` when it lies inside it, so that messages stay short.
  static func displayPath(_ path: String, relativeTo base: String) -> String {
    let base = base.hasSuffix("/") ? String(base.dropLast()) : base
    if path == base { return "." }
    if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
    return path
  }

  public static func join(_ directory: String, _ name: String) -> String {
    if directory.isEmpty || directory == "." { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// Whether `path`, with every link followed, lies inside `folder` (links followed as well).
  public static func resolves(_ path: String, inside folder: String) -> Bool {
    resolves(path, insideResolved: resolved(folder))
  }

  /// Whether `path`, with every link followed, lies inside a folder already resolved by `resolved`.
  static func resolves(_ path: String, insideResolved root: String) -> Bool {
    let target = resolved(path)
    return target == root || target.hasPrefix(root == "/" ? "/" : root + "/")
  }

  /// The absolute path with every link followed: `realpath`, which is much cheaper than `URL`'s
  /// resolution (start-up reads some fifty files), or `URL`'s for a path that does not exist.
  static func resolved(_ path: String) -> String {
    if let real = realpath(path, nil) {
      defer { free(real) }
      return String(cString: real)
    }
    return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }

  private static func readFiles(
    in folder: String, ending: String, root: String, into diagnostics: inout [Diagnostic]
  ) -> [SourceFile] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      diagnostics.append(
        Diagnostic(KnowledgeMessage.missingDirectory(folder).message, at: DiagnosticSite(path: folder)))
      return []
    }
    guard isDirectory.boolValue else {
      diagnostics.append(
        Diagnostic(
          KnowledgeMessage.unreadable(folder, reason: "not a folder").message, at: DiagnosticSite(path: folder)))
      return []
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      diagnostics.append(
        Diagnostic(
          KnowledgeMessage.unreadable(folder, reason: "permission denied or I/O error").message,
          at: DiagnosticSite(path: folder)))
      return []
    }
    var files: [SourceFile] = []
    let resolvedRoot = resolved(root)
    for name in names.sorted() where name.hasSuffix(ending) && !name.hasPrefix(".") {
      let path = join(folder, name)
      let kind = FileBytes.kind(of: path)
      if kind == .folder {
        diagnostics.append(
          Diagnostic(
            KnowledgeMessage.unreadable(path, reason: "a folder, not a file").message, at: DiagnosticSite(path: path)))
        continue
      }
      // A link out of the knowledge base is not read: its lines would appear in diagnostics.
      guard resolves(path, insideResolved: resolvedRoot) else {
        diagnostics.append(Diagnostic(KnowledgeMessage.linkOutside(path).message, at: DiagnosticSite(path: path)))
        continue
      }
      guard kind != .other else {
        diagnostics.append(
          Diagnostic(
            KnowledgeMessage.unreadable(path, reason: "not a regular file").message, at: DiagnosticSite(path: path)))
        continue
      }
      guard let bytes = FileBytes.contents(of: path) else {
        diagnostics.append(
          Diagnostic(
            KnowledgeMessage.unreadable(path, reason: "permission denied or I/O error").message,
            at: DiagnosticSite(path: path)))
        continue
      }
      files.append(SourceFile(path: path, bytes: bytes))
    }
    return files
  }
}
