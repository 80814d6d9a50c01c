import RuleLanguage
import Yams

/// Walks the declarations the loader reads (YAML drafts, rule syntax trees, exercises) and records
/// where every id stands, reusing the positions the readers keep for diagnostics.
struct SymbolCollector {
  var index = SymbolIndex()

  mutating func collect(_ sources: KnowledgeSources) {
    var draft = KnowledgeDraft()
    for file in sources.knowledgeFiles {
      let reader = YAMLReader(file: file)
      KnowledgeFileReader(reader: reader).read(into: &draft)
      draft.placeholders += reader.placeholders
    }
    collect(draft)
    for file in sources.ruleFiles {
      let (parsed, _) = RuleParser.parse(file)
      collect(parsed)
    }
    for file in sources.exerciseFiles {
      let reader = YAMLReader(file: file)
      guard let exercise = ExerciseReader(reader: reader, id: "").read() else { continue }
      for (question, _, site) in exercise.answers + exercise.injects.flatMap(\.answers) {
        use(.question, question, site)
      }
      // Measures an exercise names: expected by injects, evidencing objectives, in branches.
      let measures =
        exercise.injects.flatMap(\.expected) + exercise.objectiveMeasures.flatMap { $0 }
        + exercise.injects.compactMap { $0.condition?.measure }
      for (measure, site) in measures { use(.measure, measure, site) }
    }
  }

  // MARK: - Recording

  private mutating func declare(_ kind: SymbolKind, _ name: String, _ site: DiagnosticSite, _ info: SymbolInfo) {
    record(kind, name, question: nil, site, declaration: true)
    let key = SymbolKey(kind: kind, name: name)
    if index.info[key] == nil { index.info[key] = info }
  }

  private mutating func use(_ kind: SymbolKind, _ name: String, _ site: DiagnosticSite, question: String? = nil) {
    record(kind, name, question: question, site, declaration: false)
  }

  private mutating func record(
    _ kind: SymbolKind, _ name: String, question: String?, _ site: DiagnosticSite, declaration: Bool
  ) {
    guard let file = site.file, var range = site.range else { return }
    // A quoted YAML scalar's site includes its quotes; a rename must replace only the id.
    let bytes = file.bytes
    if range.end - range.start >= 2, range.end <= bytes.count,
      let first = bytes[safe: range.start], first == UInt8(ascii: "\"") || first == UInt8(ascii: "'"),
      bytes[range.end - 1] == first
    {
      range = SourceRange(start: range.start + 1, end: range.end - 1)
    }
    guard file.text(in: range) == name else { return }
    index.occurrences.append(
      SymbolOccurrence(
        kind: kind, name: name, question: question, file: file, range: range, isDeclaration: declaration))
  }

  private mutating func use(_ kind: SymbolKind, _ id: Identifier, in file: SourceFile, question: String? = nil) {
    use(kind, id.name, DiagnosticSite(file: file, range: id.range), question: question)
  }

  /// `{name}` placeholders inside a text: the site covers the whole text, the occurrence only the name.
  private mutating func placeholder(_ name: String, _ site: DiagnosticSite) {
    guard let file = site.file, let range = site.range else { return }
    let needle = Array("{\(name)}".utf8)
    let bytes = file.bytes
    var start = range.start
    while start + needle.count <= min(range.end, bytes.count) {
      if bytes[start..<(start + needle.count)].elementsEqual(needle) {
        use(
          .term, name, DiagnosticSite(file: file, range: SourceRange(start: start + 1, end: start + needle.count - 1)))
        start += needle.count
      } else {
        start += 1
      }
    }
  }

  // MARK: - Knowledge files

  private mutating func collect(_ draft: KnowledgeDraft) {
    for group in draft.groups { declare(.group, group.id, group.site, .group(group.value)) }
    for question in draft.questions {
      declare(.question, question.id, question.site, .question(question.value.question))
      use(.group, question.value.groupName, question.value.groupSite)
      if let relevance = question.value.relevance { embedded(relevance) }
    }
    for factor in draft.factors { declare(.factor, factor.id, factor.site, .factor(factor.value)) }
    for pattern in draft.patterns { declare(.pattern, pattern.id, pattern.site, .pattern(pattern.value)) }
    for measure in draft.measures { declare(.measure, measure.id, measure.site, .measure(measure.value)) }
    for source in draft.sources {
      let raw = source.value
      declare(
        .source, source.id, source.site,
        .source(
          SourceCitation(
            title: raw.title, publisher: raw.publisher, year: raw.year, url: raw.url, verified: raw.verified)))
    }
    if let levels = draft.levels {
      for (level, site) in zip(levels.value, draft.levelSites) { declare(.level, level.id, site, .level(level)) }
    }
    for term in draft.terms {
      declare(.term, term.id, term.site, .term(defaultText: term.value.defaultText))
      let question = term.value.question
      use(.question, question.name, question.site)
      for value in term.value.values { use(.value, value.option, value.site, question: question.name) }
      for entry in term.value.cases { embedded(entry.condition) }
    }
    if let phase = draft.priority?.value.phaseQuestion { use(.question, phase.name, phase.site) }
    for reference in draft.references {
      guard let kind = SymbolKind(rawValue: reference.kind.rawValue) else { continue }
      use(kind, reference.name, reference.site)
    }
    for (name, site) in draft.placeholders { placeholder(name, site) }
  }

  /// A condition written as a YAML string; only verbatim scalars have exact positions for ids.
  private mutating func embedded(_ condition: (text: String, reader: YAMLReader, node: Node)) {
    guard let range = condition.reader.verbatimRange(of: condition.node) else { return }
    let file = condition.reader.file
    let (parsed, _) = RuleParser.parseCondition(in: file, range: range)
    if let parsed { collect(parsed, in: file) }
  }

  // MARK: - Rule files

  private mutating func collect(_ ruleFile: RuleFile) {
    let file = ruleFile.file
    for fact in ruleFile.facts {
      declare(
        .fact, fact.id.name, DiagnosticSite(file: file, range: fact.id.range), .fact(text: fact.text?.text ?? ""))
    }
    for rule in ruleFile.rules where !rule.id.name.isEmpty {
      declare(.rule, rule.id.name, DiagnosticSite(file: file, range: rule.id.range), .rule)
      for source in rule.sources { use(.source, source, in: file) }
      if let condition = rule.condition { collect(condition, in: file) }
      for conclusion in rule.conclusions {
        switch conclusion.kind {
        case .derive(let id): use(.fact, id, in: file)
        case .evidence(let id, _): use(.pattern, id, in: file)
        case .assess(let id, let level):
          use(.factor, id, in: file)
          use(.level, level, in: file)
        case .recommend(let id, _): use(.measure, id, in: file)
        }
        if let reason = conclusion.reason {
          for name in Placeholder.names(in: reason.text) {
            placeholder(name, DiagnosticSite(file: file, range: reason.range))
          }
        }
      }
    }
  }

  private mutating func collect(_ condition: Condition, in file: SourceFile) {
    func values(_ literals: [Literal], of question: Identifier) {
      for case .symbol(let name, let range) in literals {
        use(.value, name, DiagnosticSite(file: file, range: range), question: question.name)
      }
    }
    switch condition {
    case .compare(let id, _, let literal, _):
      use(.question, id, in: file)
      values([literal], of: id)
    case .membership(let id, _, let literals, _), .includes(let id, _, let literals, _):
      use(.question, id, in: file)
      values(literals, of: id)
    case .answered(let id, _, _): use(.question, id, in: file)
    case .fact(let id): use(.fact, id, in: file)
    case .pattern(let id, _, _): use(.pattern, id, in: file)
    case .factorCompare(let id, _, let level, _):
      use(.factor, id, in: file)
      use(.level, level, in: file)
    case .factorMembership(let id, _, let levels, _):
      use(.factor, id, in: file)
      for level in levels { use(.level, level, in: file) }
    case .not(let inner, _): collect(inner, in: file)
    case .and(let lhs, let rhs), .or(let lhs, let rhs):
      collect(lhs, in: file)
      collect(rhs, in: file)
    }
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
