import RuleLanguage

/// What compiling one run of rule declarations found, in the order of the declarations.
struct CompiledRun {
  var rules: MoveBuffer<CompiledRule>
  /// What each compiled rule's condition reads, for the stratifier and the dependency index.
  var reads: MoveBuffer<ConditionReads>
  /// The file the rules were declared in, for diagnostics about them; the rules keep only its path.
  var file: SourceFile
  var citedSources: [String] = []
  var placeholders: [(name: String, site: DiagnosticSite)] = []
  /// Problems with sources and conclusions, as they were met.
  var diagnostics: [Diagnostic] = []
  /// Problems in the conditions, which the loader lists after all the others.
  var conditionDiagnostics: [Diagnostic] = []
}

/// Compiles rule declarations against the declared names. It only reads the symbol tables, so
/// runs of a large knowledge base compile on several cores at once.
struct RuleCompilation: Sendable {
  /// Holds the tables of questions, facts, patterns, factors and levels that conclusions use too.
  var conditions: ConditionCompiler
  let sources: SymbolTable
  let measures: SymbolTable

  /// Compiles the run's rules, releasing each syntax tree as soon as it is compiled, so that the
  /// trees and the compiled rules are never all in memory at once.
  func compile(_ run: consuming [RuleDeclaration], in file: SourceFile) -> CompiledRun {
    var result = CompiledRun(rules: MoveBuffer(capacity: run.count), reads: MoveBuffer(capacity: run.count), file: file)
    var conditions = conditions
    var pending = run
    // Through the buffer: Array's own reverse() copies each tree (retain and release) to swap it.
    pending.withUnsafeMutableBufferPointer { $0.reverse() }
    // The run's own copy of the path: every rule keeps it, and one string shared by the runs on
    // all cores would have its reference count raised from each of them, once per rule.
    let path = String(decoding: Array(file.path.utf8), as: UTF8.self)
    while let rule = pending.popLast() {
      let compiledSources = rule.sources.compactMap { source -> String? in
        result.citedSources.append(source.name)
        if sources[source.name] != nil { return source.name }
        result.diagnostics.append(
          Diagnostic(
            KnowledgeMessage.unknownReference(
              kind: "source", source.name, suggestion: sources.suggestion(for: source.name)
            ).message, at: DiagnosticSite(file: file, range: source.range)))
        return nil
      }
      for conclusion in rule.conclusions {
        guard let reason = conclusion.reason else { continue }
        for name in Placeholder.names(in: reason.text) {
          result.placeholders.append((name, DiagnosticSite(file: file, range: reason.range)))
        }
      }
      let condition = rule.condition.flatMap { conditions.compile($0, in: file) }
      var conclusions: [CompiledConclusion] = []
      var valid = condition != nil && compiledSources.count == rule.sources.count
      for conclusion in rule.conclusions {
        if let compiled = compile(conclusion, in: file, into: &result.diagnostics) {
          conclusions.append(compiled)
        } else {
          valid = false
        }
      }
      guard valid, let condition, !rule.id.name.isEmpty, !conclusions.isEmpty, !rule.sources.isEmpty else {
        continue
      }
      result.rules.append(
        CompiledRule(
          id: rule.id.name, sourceIDs: compiledSources, condition: condition, conclusions: conclusions,
          path: path, line: file.location(of: rule.range.start).line, range: rule.range))
      result.reads.append(ConditionReads(condition))
    }
    result.conditionDiagnostics = conditions.diagnostics
    return result
  }

  private func compile(
    _ conclusion: Conclusion, in file: SourceFile, into diagnostics: inout [Diagnostic]
  ) -> CompiledConclusion? {
    func report(_ message: KnowledgeMessage, _ id: Identifier) {
      diagnostics.append(Diagnostic(message.message, at: DiagnosticSite(file: file, range: id.range)))
    }
    func fail(_ id: Identifier, _ table: SymbolTable) -> CompiledConclusion? {
      report(.unknownReference(kind: table.kind.rawValue, id.name, suggestion: table.suggestion(for: id.name)), id)
      return nil
    }
    let (questions, facts, patterns) = (conditions.questionTable, conditions.factTable, conditions.patternTable)
    let (factors, levels) = (conditions.factorTable, conditions.levelTable)
    let reason = conclusion.reason?.text
    switch conclusion.kind {
    case .derive(let id):
      if questions[id.name] != nil {
        report(.questionAsFact(id.name), id)
        return nil
      }
      guard let fact: FactID = facts.id(id.name) else { return fail(id, facts) }
      return CompiledConclusion(kind: .derive(fact: fact), reason: reason)
    case .evidence(let id, let points):
      guard let pattern: PatternID = patterns.id(id.name) else { return fail(id, patterns) }
      return CompiledConclusion(kind: .evidence(pattern: pattern, points: points), reason: reason)
    case .assess(let id, let level):
      let factor: FactorID? = factors.id(id.name)
      let levelIndex: LevelID? = levels.id(level.name)
      if factor == nil { _ = fail(id, factors) }
      if levelIndex == nil { _ = fail(level, levels) }
      guard let factor, let levelIndex else { return nil }
      return CompiledConclusion(kind: .assess(factor: factor, level: levelIndex), reason: reason)
    case .recommend(let id, let weight):
      guard let measure: MeasureID = measures.id(id.name) else { return fail(id, measures) }
      return CompiledConclusion(kind: .recommend(measure: measure, weight: weight), reason: reason)
    }
  }
}
