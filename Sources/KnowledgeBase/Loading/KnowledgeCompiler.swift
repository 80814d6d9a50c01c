import Dispatch
import RuleLanguage
import Yams

/// Turns the read files into a checked knowledge base, collecting every diagnostic on the way.
struct KnowledgeCompiler {
  let sources: KnowledgeSources
  /// Whether to look for warnings (unused ids, rules that can never fire); errors are always found.
  var lint = true
  var diagnostics: [Diagnostic] = []
  var draft = KnowledgeDraft()
  /// The parsed rule files in order, as runs of declarations: a large file is parsed (and its
  /// rules compiled) in several runs that the cores share, a small one in one run.
  var ruleRuns: [RuleFile] = []
  var runs = RuleRuns.standard
  var groups = SymbolTable(kind: .group)
  var questions = SymbolTable(kind: .question)
  var facts = SymbolTable(kind: .fact)
  var factors = SymbolTable(kind: .factor)
  var levels = SymbolTable(kind: .level)
  var patterns = SymbolTable(kind: .pattern)
  var measures = SymbolTable(kind: .measure)
  var sourceTable = SymbolTable(kind: .source)
  var rules = SymbolTable(kind: .rule)
  var termTable = SymbolTable(kind: .term)
  var citedSources = Set<String>()

  init(sources: KnowledgeSources) {
    self.sources = sources
    self.diagnostics = sources.diagnostics
  }

  mutating func report(_ message: KnowledgeMessage, at site: DiagnosticSite, notes: [DiagnosticNote] = []) {
    diagnostics.append(Diagnostic(message.message, at: site, notes: notes))
  }

  mutating func run() -> LoadResult {
    readFiles()
    declareAll()
    checkReferences()
    let knowledgeBase = build()
    var statistics: KnowledgeStatistics?
    if let knowledgeBase {
      statistics = KnowledgeStatistics(
        factors: knowledgeBase.factors.count, patterns: knowledgeBase.patterns.count,
        measures: knowledgeBase.measures.count, questions: knowledgeBase.questions.count,
        rules: knowledgeBase.rules.count, sources: knowledgeBase.sources.count,
        sourcesByKind: SourceKind.allCases.map { kind in
          (kind, knowledgeBase.sources.filter { $0.kind == kind && $0.verified }.count)
        },
        unverifiedSources: knowledgeBase.sources.filter { !$0.verified }.count,
        tests: sources.testFiles.count)
      statistics?.situationKinds = knowledgeBase.situationKinds.map {
        SituationKindCount(id: knowledgeBase.patterns[$0].id, acuteMeasures: knowledgeBase.acuteMeasures(of: $0).count)
      }
    }
    if let knowledgeBase, lint {
      var linter = Linter(
        knowledgeBase: knowledgeBase,
        sites: [
          .rule: rules.sites, .question: questions.sites, .measure: measures.sites, .fact: facts.sites,
          .factor: factors.sites, .pattern: patterns.sites, .source: sourceTable.sites,
        ],
        citedSources: citedSources)
      linter.run()
      diagnostics += linter.diagnostics
    }
    let sorted = diagnostics.sortedForOutput()
    return LoadResult(
      knowledgeBase: sorted.containsErrors ? nil : knowledgeBase, diagnostics: sorted,
      statistics: statistics)
  }

  // MARK: - Reading

  /// Reads the YAML and parses the rules. Knowledge and rule files are independent until names
  /// are resolved, so the YAML is read on one core while the rules are parsed on the others.
  private mutating func readFiles() {
    let knowledgeFiles = sources.knowledgeFiles
    let ruleFiles = sources.ruleFiles
    let total = ruleFiles.reduce(0) { $0 + $1.bytes.count }
    // One job per run; a file that is not split is one run (nil: the whole file).
    var jobs: [(file: Int, run: SourceRange?)] = []
    for (index, file) in ruleFiles.enumerated() {
      let split = total >= runs.threshold ? RuleParser.declarationRuns(of: file, size: runs.size) : []
      if split.count > 1 {
        jobs += split.map { (index, $0) }
      } else {
        jobs.append((index, nil))
      }
    }
    let knowledge = Slots<(KnowledgeDraft, [Diagnostic])>(count: 1)
    let parsed = Slots<(RuleFile, [Diagnostic])>(count: jobs.count)
    // Job 0, the YAML, is taken first; the cores then take the runs in order as they come free.
    DispatchQueue.concurrentPerform(iterations: jobs.count + 1) { [jobs] job in
      guard job > 0 else {
        var draft = KnowledgeDraft()
        var found: [Diagnostic] = []
        for file in knowledgeFiles {
          let reader = YAMLReader(file: file)
          KnowledgeFileReader(reader: reader).read(into: &draft)
          found += reader.diagnostics
          draft.placeholders += reader.placeholders
        }
        knowledge.put((draft, found), at: 0)
        return
      }
      let (file, run) = jobs[job - 1]
      parsed.put(
        run.map { RuleParser.parse(ruleFiles[file], run: $0) } ?? RuleParser.parse(ruleFiles[file]), at: job - 1)
    }
    if let (readDraft, found) = knowledge.take(0) {
      draft = readDraft
      diagnostics += found
    }
    var position = 0
    for (index, file) in ruleFiles.enumerated() {
      var fileRuns: [(RuleFile, [Diagnostic])] = []
      while position < jobs.count, jobs[position].file == index {
        guard let result = parsed.take(position) else { preconditionFailure("parse job \(position) stored nothing") }
        fileRuns.append(result)
        position += 1
      }
      if fileRuns.count > 1, fileRuns.contains(where: { !$0.1.isEmpty }) {
        // A split file with problems is parsed again whole, so that every message reads (and is
        // ordered) exactly as for a file parsed in one piece.
        fileRuns = [RuleParser.parse(file)]
      }
      for (ruleFile, found) in fileRuns {
        ruleRuns.append(ruleFile)
        diagnostics += found
      }
    }
  }

  // MARK: - Declarations

  private static func declare<T>(
    _ items: [Declared<T>], in table: inout SymbolTable, shared: SymbolTable? = nil,
    diagnostics: inout [Diagnostic]
  ) {
    for item in items {
      let clash = shared.flatMap { other in other[item.id].map { other.sites[$0] } }
      if let first = clash ?? table.declare(item.id, at: item.site) {
        diagnostics.append(
          Diagnostic(
            KnowledgeMessage.duplicateID(kind: table.kind.rawValue, item.id).message, at: item.site,
            notes: [.init("first declared here", at: first)]))
      }
    }
  }

  private mutating func declareAll() {
    Self.declare(draft.groups, in: &groups, diagnostics: &diagnostics)
    Self.declare(draft.questions, in: &questions, diagnostics: &diagnostics)
    Self.declare(draft.factors, in: &factors, diagnostics: &diagnostics)
    Self.declare(draft.patterns, in: &patterns, diagnostics: &diagnostics)
    Self.declare(draft.measures, in: &measures, diagnostics: &diagnostics)
    Self.declare(draft.sources, in: &sourceTable, diagnostics: &diagnostics)
    Self.declare(draft.terms, in: &termTable, diagnostics: &diagnostics)
    if let levelList = draft.levels {
      let declared = zip(levelList.value, draft.levelSites).map { Declared(value: $0, id: $0.id, site: $1) }
      Self.declare(declared, in: &levels, diagnostics: &diagnostics)
    }
    facts.reserveCapacity(ruleRuns.reduce(0) { $0 + $1.facts.count })
    rules.reserveCapacity(ruleRuns.reduce(0) { $0 + $1.rules.count })
    for ruleFile in ruleRuns {
      let file = ruleFile.file
      let factDeclarations = ruleFile.facts.map {
        Declared(value: (), id: $0.id.name, site: DiagnosticSite(file: file, range: $0.id.range))
      }
      Self.declare(factDeclarations, in: &facts, shared: questions, diagnostics: &diagnostics)
      let ruleDeclarations = ruleFile.rules.compactMap {
        $0.id.name.isEmpty
          ? nil : Declared(value: (), id: $0.id.name, site: DiagnosticSite(file: file, range: $0.id.range))
      }
      Self.declare(ruleDeclarations, in: &rules, diagnostics: &diagnostics)
    }
    let directory = KnowledgeSources.join(sources.directory, "Knowledge")
    if sources.diagnostics.isEmpty {
      if draft.info == nil { report(.missingSection("knowledge_base"), at: DiagnosticSite(path: directory)) }
      if draft.levels == nil { report(.missingSection("factor_levels"), at: DiagnosticSite(path: directory)) }
      if draft.priority == nil { report(.missingSection("priority"), at: DiagnosticSite(path: directory)) }
      if draft.domainSection == nil { report(.missingSection("source_domains"), at: DiagnosticSite(path: directory)) }
    }
  }

  private func table(for kind: EntityKind) -> SymbolTable {
    switch kind {
    case .question: questions
    case .fact: facts
    case .group: groups
    case .factor: factors
    case .level: levels
    case .pattern: patterns
    case .measure: measures
    case .source: sourceTable
    case .rule: rules
    case .term: termTable
    }
  }

  private mutating func checkReferences() {
    for reference in draft.references {
      if reference.kind == .source { citedSources.insert(reference.name) }
      let table = table(for: reference.kind)
      if table[reference.name] == nil {
        report(
          .unknownReference(
            kind: reference.kind.rawValue, reference.name, suggestion: table.suggestion(for: reference.name)),
          at: reference.site)
      }
    }
  }

  // MARK: - Building

  private mutating func build() -> KnowledgeBase? {
    var questionList = draft.questions.map(\.value.question)
    let compiler = ConditionCompiler(
      questions: Table(questionList), questionTable: questions, factTable: facts, patternTable: patterns,
      factorTable: factors, levelTable: levels)

    for (index, declared) in draft.questions.enumerated() {
      let item = declared.value
      if let group = groups[item.groupName] {
        questionList[index].group = GroupID(group)
        questionList[index].profile = item.question.profileOverride ?? draft.groups[group].value.profile
        questionList[index].validFor = item.question.validForOverride ?? draft.groups[group].value.validFor
      } else {
        report(
          .unknownReference(kind: "group", item.groupName, suggestion: groups.suggestion(for: item.groupName)),
          at: item.groupSite)
      }
      if let (text, reader, node) = item.relevance {
        questionList[index].relevance = compileEmbeddedCondition(text, reader, node, with: compiler)
      }
    }

    var priority: PriorityFormula?
    if let declared = draft.priority {
      let raw = declared.value
      var phaseQuestion: QuestionID?
      if let reference = raw.phaseQuestion {
        if let index = questions[reference.name] {
          let question = questionList[index]
          if question.type == .choice, question.options.allSatisfy({ Phase(rawValue: $0.id) != nil }) {
            phaseQuestion = QuestionID(index)
          } else {
            report(.phaseQuestionInvalid(reference.name), at: reference.site)
          }
        } else {
          report(
            .unknownReference(kind: "question", reference.name, suggestion: questions.suggestion(for: reference.name)),
            at: reference.site)
        }
      }
      priority = PriorityFormula(
        weight: raw.weight, phaseQuestion: phaseQuestion, defaultUrgency: raw.defaultUrgency,
        urgency: raw.urgency, phaseMatch: raw.phaseMatch, weakness: raw.weakness, effort: raw.effort,
        patternSuspected: raw.patternSuspected, patternEstablished: raw.patternEstablished)
    }

    let terms = compileTerms(questionList, with: compiler)

    var declaredFacts: [DerivedFact] = []
    for run in ruleRuns {
      for fact in run.facts {
        declaredFacts.append(DerivedFact(id: fact.id.name, text: fact.text?.text ?? fact.id.name))
      }
    }
    let compilation = RuleCompilation(conditions: compiler, sources: sourceTable, measures: measures)
    let pending = Slots<(declarations: [RuleDeclaration], file: SourceFile)>(count: ruleRuns.count)
    for index in ruleRuns.indices {
      pending.put((ruleRuns[index].rules, ruleRuns[index].file), at: index)
      ruleRuns[index].rules = []
    }
    let compiled = Slots<CompiledRun>(count: ruleRuns.count)
    DispatchQueue.concurrentPerform(iterations: ruleRuns.count) { index in
      guard let (declarations, file) = pending.take(index) else { preconditionFailure("run \(index) taken twice") }
      compiled.put(compilation.compile(declarations, in: file), at: index)
    }
    let compiledRuns = ruleRuns.indices.map { index in
      guard let run = compiled.take(index) else { preconditionFailure("compile job \(index) stored nothing") }
      return run
    }
    // The file of each compiled rule, for diagnostics about it; the rules keep only the path.
    var compiledRuleFiles: [SourceFile] = []
    // Counted here, before `MoveBuffer.joined` below moves the rules out of the runs.
    for run in compiledRuns {
      compiledRuleFiles += repeatElement(run.file, count: run.rules.count)
      citedSources.formUnion(run.citedSources)
      draft.placeholders += run.placeholders
      diagnostics += run.diagnostics
    }
    diagnostics += compiledRuns.flatMap(\.conditionDiagnostics)
    let compiledRules = MoveBuffer.joined(compiledRuns.map(\.rules))
    // Collected with the rules: the stratifier and the question readers below both need them.
    let reads = MoveBuffer.joined(compiledRuns.map(\.reads))
    for (name, site) in draft.placeholders where termTable[name] == nil {
      report(.unknownReference(kind: "term", name, suggestion: termTable.suggestion(for: name)), at: site)
    }

    let stratifier = Stratifier(
      factCount: facts.names.count, patternCount: patterns.names.count,
      factorCount: factors.names.count, rules: compiledRules, reads: reads)
    let factCount = facts.names.count
    let patternCount = patterns.names.count
    let nodeNames: (Int) -> String = { [facts, patterns, factors] node in
      if node < factCount { return "'\(facts.names[node])'" }
      if node < factCount + patternCount { return "pattern '\(patterns.names[node - factCount])'" }
      return "factor '\(factors.names[node - factCount - patternCount])'"
    }
    var dependencies: DependencyIndex?
    switch stratifier.stratify(nodeName: nodeNames) {
    case .success(let index): dependencies = index
    case .failure(let failure):
      for cycle in failure.cycles {
        let rule = compiledRules[cycle.rule]
        report(
          .negationCycle(cycle.description), at: DiagnosticSite(file: compiledRuleFiles[cycle.rule], range: rule.range))
      }
    }

    let staffRoles = compileStaffRoles()
    let exercises = compileExercises(questionList, staffRoles: staffRoles)
    let classified = classifySources()

    guard !diagnostics.containsErrors, let info = draft.info?.value, let levelList = draft.levels?.value,
      let priority, var dependencies
    else { return nil }
    dependencies.measureWriters = IDArray(repeating: [], count: measures.names.count)
    dependencies.questionReaders = IDArray(repeating: [], count: questionList.count)
    dependencies.relevanceReaders = IDArray(repeating: [], count: questionList.count)
    // By index, not `enumerated()`, which would copy every rule; each question once, in order.
    for index in compiledRules.indices {
      for conclusion in compiledRules[index].conclusions {
        if case .recommend(let measure, _) = conclusion.kind {
          dependencies.measureWriters[measure].append(RuleID(index))
        }
      }
      for question in Stratifier.uniqueSorted(reads[index].questions) {
        dependencies.questionReaders[question].append(RuleID(index))
      }
    }
    for (index, question) in questionList.enumerated() {
      guard let relevance = question.relevance else { continue }
      for read in Set(ConditionReads(relevance).questions).sorted() {
        dependencies.relevanceReaders[read].append(QuestionID(index))
      }
    }
    return KnowledgeBase(
      info: info, groups: draft.groups.map(\.value), questions: questionList, facts: declaredFacts,
      factorLevels: levelList, factors: draft.factors.map(\.value), patterns: draft.patterns.map(\.value),
      measures: draft.measures.map(\.value), sources: classified, terms: terms,
      exercises: exercises, staffRoles: staffRoles, priority: priority, rules: compiledRules, dependencies: dependencies
    )
  }

  /// Gives every source the kind of its publisher's domain. A domain listed twice, a host in no
  /// list and a copy site are errors; a declared `kind` that contradicts the list is a warning.
  private mutating func classifySources() -> [Source] {
    var firstSites: [String: DiagnosticSite] = [:]
    for entry in draft.domains {
      if let first = firstSites[entry.domain] {
        report(
          .duplicateID(kind: "domain", entry.domain), at: entry.site, notes: [.init("first declared here", at: first)])
      } else {
        firstSites[entry.domain] = entry.site
      }
    }
    let domains = SourceDomains(draft.domains.map { ($0.domain, $0.kind) })
    var classified: [Source] = []
    for declared in draft.sources {
      let raw = declared.value
      // Without any domain list the missing section is the one problem worth reporting.
      guard draft.domainSection != nil, let host = SourceDomains.host(of: raw.url) else { continue }
      guard let (domain, listed) = domains.lookUp(host: host) else {
        report(.unknownSourceDomain(host: host), at: raw.urlSite)
        continue
      }
      guard case .kind(let kind) = listed else {
        report(.aggregatorSource(host: host, domain: domain), at: raw.urlSite)
        continue
      }
      if lint, let declaredKind = raw.declaredKind, declaredKind.kind != kind {
        report(
          .sourceKindMismatch(declared: declaredKind.kind.rawValue, listed: kind.rawValue, domain: domain),
          at: declaredKind.site)
      }
      classified.append(
        Source(
          id: raw.id, title: raw.title, publisher: raw.publisher, year: raw.year, url: raw.url,
          kind: raw.declaredKind?.kind ?? kind, verified: raw.verified))
    }
    return classified
  }

  /// The catalogue of staff roles, each id once.
  private mutating func compileStaffRoles() -> [StaffRole] {
    var first: [String: DiagnosticSite] = [:]
    var roles: [StaffRole] = []
    for declared in draft.staffRoles {
      if let site = first[declared.id] {
        report(
          .duplicateID(kind: "staff role", declared.id), at: declared.site,
          notes: [.init("first declared here", at: site)])
        continue
      }
      first[declared.id] = declared.site
      roles.append(declared.value)
    }
    return roles
  }

  private mutating func compileExercises(_ questionList: [Question], staffRoles: [StaffRole]) -> [Exercise] {
    var exercises: [Exercise] = []
    for file in sources.exerciseFiles {
      let fileName = file.path.split(separator: "/").last.map(String.init) ?? file.path
      let name = fileName.hasSuffix(".yaml") ? String(fileName.dropLast(5)) : fileName
      let reader = YAMLReader(file: file)
      let draftExercise = ExerciseReader(reader: reader, id: name).read()
      diagnostics += reader.diagnostics
      guard IdentifierSyntax.isValid(name) else {
        report(.invalidID(name), at: DiagnosticSite(path: file.path))
        continue
      }
      guard let draftExercise else { continue }
      var exercise = draftExercise.exercise
      exercise.answers = resolveAnswers(draftExercise.answers, questionList)
      exercise.roles = resolveRoles(draftExercise.roles, staffRoles: staffRoles)
      for index in exercise.objectives.indices {
        exercise.objectives[index].measures = draftExercise.objectiveMeasures[index].compactMap { resolveMeasure($0) }
      }
      checkUnique(exercise.objectives.map(\.id), sites: draftExercise.objectiveSites, kind: "objective")
      checkUnique(exercise.injects.map(\.id), sites: draftExercise.injects.map(\.idSite), kind: "inject")
      for index in exercise.injects.indices {
        let injectDraft = draftExercise.injects[index]
        exercise.injects[index].answers = resolveAnswers(injectDraft.answers, questionList)
        exercise.injects[index].expected = injectDraft.expected.compactMap { resolveMeasure($0) }
        if let (decided, measure) = injectDraft.condition {
          if let found = resolveMeasure(measure) {
            exercise.injects[index].condition = decided ? .decided(found) : .notDecided(found)
          } else {
            exercise.injects[index].condition = nil
          }
        }
      }
      if draftExercise.isDrehbuch { checkDrehbuch(exercise, draftExercise) }
      for source in exercise.sourceIDs {
        citedSources.insert(source)
        if sourceTable[source] == nil {
          report(
            .unknownReference(kind: "source", source, suggestion: sourceTable.suggestion(for: source)),
            at: DiagnosticSite(path: file.path))
        }
      }
      exercises.append(exercise)
    }
    return exercises
  }

  private mutating func resolveMeasure(_ named: ExerciseReader.Named) -> MeasureID? {
    if let found: MeasureID = measures.id(named.name) { return found }
    report(
      .unknownReference(kind: "measure", named.name, suggestion: measures.suggestion(for: named.name)), at: named.site)
    return nil
  }

  /// An exercise's roles: from the catalogue of staff roles, or the three that run every exercise.
  private mutating func resolveRoles(_ names: [ExerciseReader.Named], staffRoles: [StaffRole]) -> [ExerciseRole] {
    var roles: [ExerciseRole] = []
    var first: [String: DiagnosticSite] = [:]
    let known = staffRoles.map(\.id) + ExerciseRole.control.map(\.id)
    for (name, site) in names {
      if let previous = first[name] {
        report(.duplicateID(kind: "role", name), at: site, notes: [.init("first declared here", at: previous)])
        continue
      }
      first[name] = site
      if let control = ExerciseRole.control.first(where: { $0.id == name }) {
        roles.append(control)
      } else if let staff = staffRoles.first(where: { $0.id == name }) {
        roles.append(ExerciseRole(id: staff.id, title: staff.title, isControl: false))
      } else {
        report(.unknownReference(kind: "role", name, suggestion: Suggestion.closest(to: name, in: known)), at: site)
      }
    }
    return roles
  }

  private mutating func checkUnique(_ ids: [String], sites: [DiagnosticSite], kind: String) {
    var first: [String: DiagnosticSite] = [:]
    for (id, site) in zip(ids, sites) {
      if let previous = first[id] {
        report(.duplicateID(kind: kind, id), at: site, notes: [.init("first declared here", at: previous)])
      } else {
        first[id] = site
      }
    }
  }

  /// What only a Drehbuch has: recipients among the declared roles, objectives that exist and are
  /// tested, branches that stand in for an existing inject, times in order.
  private mutating func checkDrehbuch(_ exercise: Exercise, _ draft: ExerciseReader.Draft) {
    let roleIDs = draft.roles.map(\.name)
    let objectiveIDs = exercise.objectives.map(\.id)
    let injectIDs = exercise.injects.map(\.id)
    var previous: (id: String, time: ExerciseTime, text: String)?
    for (inject, injectDraft) in zip(exercise.injects, draft.injects) {
      if let (role, site) = injectDraft.to, !roleIDs.contains(role) {
        report(
          .undeclaredRole(role, declared: roleIDs, suggestion: Suggestion.closest(to: role, in: roleIDs)), at: site)
      }
      for (objective, site) in injectDraft.objectives where !objectiveIDs.contains(objective) {
        report(
          .unknownReference(
            kind: "objective", objective, suggestion: Suggestion.closest(to: objective, in: objectiveIDs)),
          at: site)
      }
      if let (target, site) = injectDraft.replaces {
        if target == inject.id {
          report(.invalidBranch("inject '\(inject.id)' cannot replace itself"), at: site)
        } else if let replaced = exercise.inject(target) {
          if let chained = replaced.replaces {
            report(
              .invalidBranch(
                "'\(target)' itself stands in for '\(chained)'; let '\(inject.id)' replace '\(chained)' instead"),
              at: site)
          }
          if !injectDraft.hasCondition {
            report(
              .invalidBranch(
                "inject '\(inject.id)' replaces '\(target)' but has no 'when'; say when it stands in, as in 'when: {decided: MEASURE}'"
              ), at: site)
          }
        } else {
          report(
            .unknownReference(kind: "inject", target, suggestion: Suggestion.closest(to: target, in: injectIDs)),
            at: site)
        }
      }
      if let at = inject.at, let atSite = injectDraft.atSite {
        if let previous, at < previous.time {
          report(
            .injectOutOfOrder(inject.id, time: inject.time, previous: "'\(previous.id)' at \(previous.text)"),
            at: atSite)
        }
        previous = (inject.id, at, inject.time)
      }
    }
    for (objective, site) in zip(exercise.objectives, draft.objectiveSites)
    where !exercise.injects.contains(where: { $0.objectiveIDs.contains(objective.id) }) {
      report(.untestedObjective(objective.id), at: site)
    }
  }

  private mutating func resolveAnswers(
    _ answers: [(question: String, answer: String, site: DiagnosticSite)], _ questionList: [Question]
  ) -> [(question: QuestionID, answer: Answer)] {
    answers.compactMap { name, text, site in
      guard let index = questions[name] else {
        report(.unknownReference(kind: "question", name, suggestion: questions.suggestion(for: name)), at: site)
        return nil
      }
      // The shell's own grammar: a preset is refused here exactly when the shell would refuse it.
      switch AnswerParser.parse(text, for: questionList[index]) {
      case .success(let answer): return (QuestionID(index), answer)
      case .failure(let problem):
        report(.invalidAnswer(text, question: name, problem: problem.description), at: site)
        return nil
      }
    }
  }

  /// A condition written as a YAML string (a question's `relevant`, a term case's `when`),
  /// parsed and compiled with diagnostics at their place in the YAML file.
  private mutating func compileEmbeddedCondition(
    _ text: String, _ reader: YAMLReader, _ node: Node, with compiler: ConditionCompiler
  ) -> CompiledCondition? {
    var local = compiler
    local.diagnostics = []
    defer { diagnostics += local.diagnostics }
    if let verbatim = reader.verbatimRange(of: node) {
      let (parsed, found) = RuleParser.parseCondition(in: reader.file, range: verbatim)
      diagnostics += found
      return parsed.flatMap { local.compile($0, in: reader.file) }
    }
    // Folded or escaped: parse the value on its own and move positions back into the file.
    let value = SourceFile(path: reader.file.path, text: text)
    let (parsed, found) = RuleParser.parseCondition(in: value, range: SourceRange(start: 0, end: value.bytes.count))
    let compiled = parsed.flatMap { local.compile($0, in: value) }
    let offsets = reader.alignedOffsets(of: node)
    let fallback = reader.range(of: node)
    for diagnostic in found + local.diagnostics {
      var moved = diagnostic
      var range = fallback
      if let offsets, let old = diagnostic.site.range, old.start < offsets.count, old.end < offsets.count {
        range = SourceRange(start: offsets[old.start], end: max(offsets[old.start] + 1, offsets[old.end]))
      }
      moved.site = DiagnosticSite(file: reader.file, range: range)
      diagnostics.append(moved)
    }
    local.diagnostics = []
    return compiled
  }

  private mutating func compileTerms(_ questionList: [Question], with compiler: ConditionCompiler) -> [Term] {
    var terms: [Term] = []
    for declared in draft.terms {
      let raw = declared.value
      guard let index = questions[raw.question.name] else {
        report(
          .unknownReference(
            kind: "question", raw.question.name, suggestion: questions.suggestion(for: raw.question.name)),
          at: raw.question.site)
        continue
      }
      let question = questionList[index]
      guard question.type == .choice else {
        report(.termQuestionNotChoice(raw.question.name), at: raw.question.site)
        continue
      }
      var values: [Int: String] = [:]
      for (option, text, site) in raw.values {
        guard let optionIndex = question.optionIndex(option) else {
          let allowed = question.options.map(\.id)
          report(
            .valueNotAllowed(
              option, question: question.id, allowed: allowed, suggestion: Suggestion.closest(to: option, in: allowed)),
            at: site)
          continue
        }
        values[optionIndex] = text
      }
      var term = Term(id: raw.id, question: QuestionID(index), defaultText: raw.defaultText, values: values)
      term.cases = raw.cases.compactMap { entry in
        let (text, reader, node) = entry.condition
        return compileEmbeddedCondition(text, reader, node, with: compiler).map {
          TermCase(condition: $0, text: entry.text)
        }
      }
      terms.append(term)
    }
    return terms
  }
}
