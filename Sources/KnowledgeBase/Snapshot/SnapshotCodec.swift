import RuleLanguage

/// Writes and reads every part of a compiled knowledge base. The order of fields here is the
/// format: a change to it, or to any model type, needs a new `KnowledgeBaseSnapshot.formatVersion`.
/// Indices into the knowledge base's tables are checked while reading, so that even a snapshot
/// that passed its checksum cannot make the engine index out of range.
extension SnapshotWriter {
  /// The modes of `includes` in their encoded order.
  static let inclusionModes: [InclusionMode] = [.one, .any, .all]

  mutating func decimal(_ value: FixedDecimal) { signed(value.hundredths) }
  /// An id, read back by `SnapshotReader.id(below:)`.
  mutating func id<Entity>(_ id: ID<Entity>) { count(id.index) }
  /// A list of ids, read back by `SnapshotReader.ids(below:)`.
  mutating func ids<Entity>(_ values: [ID<Entity>]) { array(values) { $0.id($1) } }
  /// A table's entries in id order.
  mutating func array<Entity, T>(_ values: IDArray<Entity, T>, _ write: (inout SnapshotWriter, T) -> Void) {
    array(values.elements, write)
  }

  mutating func knowledgeBase(_ kb: KnowledgeBase) {
    // Table sizes first: the reader checks every index against them.
    for size in [
      kb.groups.count, kb.questions.count, kb.facts.count, kb.factorLevels.count, kb.factors.count,
      kb.patterns.count, kb.measures.count, kb.rules.count,
    ] {
      count(size)
    }
    string(kb.info.id)
    string(kb.info.title)
    string(kb.info.version)
    optional(kb.info.description) { $0.string($1) }
    for group in kb.groups {
      string(group.id)
      string(group.title)
      bool(group.profile)
      optional(group.validFor) { $0.signed($1) }
    }
    for question in kb.questions { self.question(question) }
    for fact in kb.facts {
      string(fact.id)
      string(fact.text)
    }
    for level in kb.factorLevels {
      string(level.id)
      string(level.title)
      decimal(level.weakness)
    }
    for factor in kb.factors {
      string(factor.id)
      string(factor.title)
      string(factor.finding)
      strings(factor.undrr)
      strings(factor.sourceIDs)
    }
    for pattern in kb.patterns {
      string(pattern.id)
      string(pattern.title)
      string(pattern.description)
      strings(pattern.indicators)
      strings(pattern.failureModes)
      decimal(pattern.suspected)
      decimal(pattern.established)
      strings(pattern.factorIDs)
      strings(pattern.sourceIDs)
    }
    for measure in kb.measures { self.measure(measure) }
    array(kb.sources) { writer, source in
      writer.string(source.id)
      writer.string(source.title)
      writer.string(source.publisher)
      writer.optional(source.year) { $0.signed($1) }
      writer.string(source.url)
      writer.choice(source.kind)
      writer.bool(source.verified)
    }
    array(kb.terms) { writer, term in
      writer.string(term.id)
      writer.id(term.question)
      writer.string(term.defaultText)
      writer.array(term.values.sorted { $0.key < $1.key }) { writer, entry in
        writer.count(entry.key)
        writer.string(entry.value)
      }
      writer.array(term.cases) { writer, termCase in
        writer.condition(termCase.condition)
        writer.string(termCase.text)
      }
    }
    array(kb.exercises) { $0.exercise($1) }
    array(kb.staffRoles) { writer, role in
      writer.string(role.id)
      writer.string(role.title)
      writer.string(role.staff)
      writer.string(role.description)
      writer.strings(role.sourceIDs)
    }
    priority(kb.priority)
    for rule in kb.rules { self.rule(rule) }
    dependencies(kb.dependencies)
  }

  mutating func question(_ question: Question) {
    string(question.id)
    string(question.text)
    choice(question.type)
    array(question.options) { writer, option in
      writer.string(option.id)
      writer.string(option.text)
      writer.strings(option.aliases)
    }
    optional(question.minimum) { $0.decimal($1) }
    optional(question.maximum) { $0.decimal($1) }
    optional(question.unit) { $0.string($1) }
    string(question.help)
    id(question.group)
    optional(question.relevance) { $0.condition($1) }
    optional(question.relevanceText) { $0.string($1) }
    bool(question.asksFirst)
    optional(question.clarify) { $0.string($1) }
    optional(question.clarifyWith) { $0.string($1) }
    bool(question.profile)
    optional(question.profileOverride) { $0.bool($1) }
    optional(question.validFor) { $0.signed($1) }
    optional(question.validForOverride) { $0.signed($1) }
  }

  mutating func measure(_ measure: Measure) {
    string(measure.id)
    string(measure.title)
    string(measure.description)
    string(measure.prevents)
    strings(measure.steps)
    string(measure.office)
    choice(measure.horizon)
    choice(measure.effort)
    array(measure.phases) { $0.choice($1) }
    strings(measure.factorIDs)
    strings(measure.patternIDs)
    strings(measure.sourceIDs)
    array(measure.examples) { writer, example in
      writer.string(example.place)
      writer.optional(example.year) { $0.signed($1) }
      writer.string(example.text)
      writer.string(example.sourceID)
    }
    string(measure.reviewed)
    array(Phase.allCases.filter { measure.variants[$0] != nil }) { writer, phase in
      let variant = measure.variants[phase] ?? MeasureVariant()
      writer.choice(phase)
      writer.optional(variant.title) { $0.string($1) }
      writer.optional(variant.steps) { $0.strings($1) }
      writer.optional(variant.horizon) { $0.choice($1) }
    }
    array(measure.conflicts) { writer, conflict in
      writer.string(conflict.measureID)
      writer.string(conflict.text)
    }
  }

  mutating func answer(_ answer: Answer) {
    switch answer {
    case .unknown: count(0)
    case .option(let index):
      count(1)
      count(index)
    case .options(let set):
      count(2)
      unsigned(set)
    case .partialOptions(let set):
      count(3)
      unsigned(set)
    case .number(let value):
      count(4)
      decimal(value)
    }
  }

  mutating func presetAnswers(_ answers: [(question: QuestionID, answer: Answer)]) {
    array(answers) { writer, entry in
      writer.id(entry.question)
      writer.answer(entry.answer)
    }
  }

  mutating func exercise(_ exercise: Exercise) {
    string(exercise.id)
    string(exercise.title)
    string(exercise.type)
    array(exercise.objectives) { writer, objective in
      writer.string(objective.id)
      writer.string(objective.text)
      writer.strings(objective.horizon)
      writer.ids(objective.measures)
    }
    array(exercise.roles) { writer, role in
      writer.string(role.id)
      writer.string(role.title)
      writer.bool(role.isControl)
    }
    string(exercise.municipality)
    string(exercise.situation)
    presetAnswers(exercise.answers)
    array(exercise.injects) { $0.inject($1) }
    strings(exercise.sourceIDs)
  }

  mutating func inject(_ inject: Inject) {
    string(inject.id)
    string(inject.time)
    optional(inject.at) { $0.signed($1.minutes) }
    string(inject.from)
    string(inject.to)
    string(inject.channel)
    string(inject.title)
    string(inject.text)
    presetAnswers(inject.answers)
    ids(inject.expected)
    optional(inject.expectedAction) { $0.string($1) }
    strings(inject.objectiveIDs)
    optional(inject.condition) { writer, condition in
      switch condition {
      case .decided(let measure):
        writer.count(0)
        writer.id(measure)
      case .notDecided(let measure):
        writer.count(1)
        writer.id(measure)
      case .control(let question):
        writer.count(2)
        writer.string(question)
      }
    }
    optional(inject.replaces) { $0.string($1) }
  }

  mutating func horizonPoints(_ points: [Horizon: FixedDecimal]) {
    array(Horizon.allCases.filter { points[$0] != nil }) { writer, horizon in
      writer.choice(horizon)
      writer.decimal(points[horizon] ?? .zero)
    }
  }

  mutating func priority(_ priority: PriorityFormula) {
    decimal(priority.weight)
    optional(priority.phaseQuestion) { $0.id($1) }
    horizonPoints(priority.defaultUrgency)
    array(Phase.allCases.filter { priority.urgency[$0] != nil }) { writer, phase in
      writer.choice(phase)
      writer.horizonPoints(priority.urgency[phase] ?? [:])
    }
    decimal(priority.phaseMatch)
    choice(priority.weakness)
    array(Effort.allCases.filter { priority.effort[$0] != nil }) { writer, effort in
      writer.choice(effort)
      writer.decimal(priority.effort[effort] ?? .zero)
    }
    decimal(priority.patternSuspected)
    decimal(priority.patternEstablished)
  }

  mutating func condition(_ condition: CompiledCondition) {
    switch condition {
    case .number(let question, let comparison, let value):
      count(0)
      id(question)
      choice(comparison)
      decimal(value)
    case .option(let question, let options, let negated):
      count(1)
      id(question)
      unsigned(options)
      bool(negated)
    case .includes(let question, let mode, let options):
      count(2)
      id(question)
      count(Self.inclusionModes.firstIndex(of: mode) ?? 0)
      unsigned(options)
    case .answered(let question, let known):
      count(3)
      id(question)
      bool(known)
    case .fact(let fact):
      count(4)
      id(fact)
    case .pattern(let pattern, let test):
      count(5)
      id(pattern)
      bool(test == .established)
    case .factor(let factor, let levels):
      count(6)
      id(factor)
      unsigned(levels)
    case .not(let inner):
      count(7)
      self.condition(inner)
    case .and(let parts):
      count(8)
      array(parts) { $0.condition($1) }
    case .or(let parts):
      count(9)
      array(parts) { $0.condition($1) }
    }
  }

  mutating func rule(_ rule: CompiledRule) {
    string(rule.id)
    strings(rule.sourceIDs)
    condition(rule.condition)
    array(rule.conclusions) { writer, conclusion in
      switch conclusion.kind {
      case .derive(let fact):
        writer.count(0)
        writer.id(fact)
      case .evidence(let pattern, let points):
        writer.count(1)
        writer.id(pattern)
        writer.decimal(points)
      case .assess(let factor, let level):
        writer.count(2)
        writer.id(factor)
        writer.id(level)
      case .recommend(let measure, let weight):
        writer.count(3)
        writer.id(measure)
        writer.decimal(weight)
      }
      writer.optional(conclusion.reason) { $0.string($1) }
    }
    string(rule.path)
    count(rule.line)
    count(rule.range.start)
    count(rule.range.end)
  }

  mutating func dependencies(_ index: DependencyIndex) {
    array(index.ruleKey) { $0.signed(Int($1)) }
    array(index.ruleCycle) { writer, cycle in writer.optional(cycle) { $0.signed(Int($1)) } }
    array(index.cycles) { writer, cycle in
      writer.ids(cycle.facts)
      writer.ids(cycle.rules)
    }
    for table in [
      index.questionReaders.elements, index.factReaders.elements, index.patternReaders.elements,
      index.factorReaders.elements, index.factWriters.elements, index.patternWriters.elements,
      index.factorWriters.elements, index.measureWriters.elements,
    ] {
      array(table) { $0.ids($1) }
    }
    array(index.relevanceReaders) { $0.ids($1) }
  }
}

/// The sizes of a knowledge base's tables, against which every index is checked.
struct SnapshotTables {
  var groups = 0, questions = 0, facts = 0, levels = 0, factors = 0, patterns = 0, measures = 0, rules = 0
}

extension SnapshotReader {
  mutating func decimal() throws(SnapshotProblem) -> FixedDecimal {
    let hundredths = try signed()
    guard hundredths.magnitude <= 100_000_000_000_000_000 else { throw .malformed("Zahl außerhalb des Bereichs") }
    return FixedDecimal(hundredths: hundredths)
  }

  /// An id of a table with `count` entries.
  mutating func id<Entity>(below count: Int) throws(SnapshotProblem) -> ID<Entity> {
    ID(try index(below: count))
  }

  mutating func ids<Entity>(below count: Int) throws(SnapshotProblem) -> [ID<Entity>] {
    try array { reader throws(SnapshotProblem) in try reader.id(below: count) }
  }

  mutating func optionalString() throws(SnapshotProblem) -> String? {
    try optional { reader throws(SnapshotProblem) in try reader.string() }
  }

  mutating func knowledgeBase() throws(SnapshotProblem) -> KnowledgeBase {
    var t = SnapshotTables()
    t.groups = try count()
    t.questions = try count()
    t.facts = try count()
    t.levels = try count()
    t.factors = try count()
    t.patterns = try count()
    t.measures = try count()
    t.rules = try count()
    let info = KnowledgeBaseInfo(
      id: try string(), title: try string(), version: try string(), description: try optionalString())
    var groups: [QuestionGroup] = []
    for _ in 0..<t.groups {
      groups.append(
        QuestionGroup(
          id: try string(), title: try string(), profile: try bool(),
          validFor: try optional { reader throws(SnapshotProblem) in try reader.signed() }))
    }
    var questions: [Question] = []
    for _ in 0..<t.questions { questions.append(try question(t)) }
    var facts: [DerivedFact] = []
    for _ in 0..<t.facts { facts.append(DerivedFact(id: try string(), text: try string())) }
    var levels: [FactorLevel] = []
    for _ in 0..<t.levels { levels.append(FactorLevel(id: try string(), title: try string(), weakness: try decimal())) }
    var factors: [Factor] = []
    for _ in 0..<t.factors {
      factors.append(
        Factor(
          id: try string(), title: try string(), finding: try string(), undrr: try strings(), sourceIDs: try strings()))
    }
    var patterns: [Pattern] = []
    for _ in 0..<t.patterns {
      patterns.append(
        Pattern(
          id: try string(), title: try string(), description: try string(), indicators: try strings(),
          failureModes: try strings(), suspected: try decimal(), established: try decimal(),
          factorIDs: try strings(), sourceIDs: try strings()))
    }
    var measures: [Measure] = []
    for _ in 0..<t.measures { measures.append(try measure()) }
    let sources = try array { reader throws(SnapshotProblem) in
      Source(
        id: try reader.string(), title: try reader.string(), publisher: try reader.string(),
        year: try reader.optional { reader throws(SnapshotProblem) in try reader.signed() }, url: try reader.string(),
        kind: try reader.choice(SourceKind.self), verified: try reader.bool())
    }
    let terms = try array { reader throws(SnapshotProblem) in try reader.term(t) }
    let exercises = try array { reader throws(SnapshotProblem) in try reader.exercise(t) }
    let staffRoles = try array { reader throws(SnapshotProblem) in
      StaffRole(
        id: try reader.string(), title: try reader.string(), staff: try reader.string(),
        description: try reader.string(), sourceIDs: try reader.strings())
    }
    let priority = try priority(t)
    var rules: [CompiledRule] = []
    rules.reserveCapacity(t.rules)
    for _ in 0..<t.rules { rules.append(try rule(t)) }
    let dependencies = try dependencies(t)
    return KnowledgeBase(
      info: info, groups: groups, questions: questions, facts: facts, factorLevels: levels, factors: factors,
      patterns: patterns, measures: measures, sources: sources, terms: terms, exercises: exercises,
      staffRoles: staffRoles, priority: priority, rules: rules, dependencies: dependencies)
  }

  mutating func question(_ t: SnapshotTables) throws(SnapshotProblem) -> Question {
    let id = try string()
    let text = try string()
    let type = try choice(QuestionType.self)
    let options = try array { reader throws(SnapshotProblem) in
      AnswerOption(id: try reader.string(), text: try reader.string(), aliases: try reader.strings())
    }
    var question = Question(
      id: id, text: text, type: type, options: options,
      minimum: try optional { reader throws(SnapshotProblem) in try reader.decimal() },
      maximum: try optional { reader throws(SnapshotProblem) in try reader.decimal() }, unit: try optionalString(),
      help: try string(), group: try self.id(below: t.groups))
    question.relevance = try optional { reader throws(SnapshotProblem) in try reader.condition(t) }
    question.relevanceText = try optionalString()
    question.asksFirst = try bool()
    question.clarify = try optionalString()
    question.clarifyWith = try optionalString()
    question.profile = try bool()
    question.profileOverride = try optional { reader throws(SnapshotProblem) in try reader.bool() }
    question.validFor = try optional { reader throws(SnapshotProblem) in try reader.signed() }
    question.validForOverride = try optional { reader throws(SnapshotProblem) in try reader.signed() }
    return question
  }

  mutating func measure() throws(SnapshotProblem) -> Measure {
    var measure = Measure(
      id: try string(), title: try string(), description: try string(), prevents: try string(),
      steps: try strings(), office: try string(), horizon: try choice(Horizon.self), effort: try choice(Effort.self),
      phases: try array { reader throws(SnapshotProblem) in try reader.choice(Phase.self) },
      factorIDs: try strings(), patternIDs: try strings(), sourceIDs: try strings(),
      examples: try array { reader throws(SnapshotProblem) in
        PracticeExample(
          place: try reader.string(),
          year: try reader.optional { reader throws(SnapshotProblem) in try reader.signed() },
          text: try reader.string(), sourceID: try reader.string())
      },
      reviewed: try string())
    for _ in 0..<(try count()) {
      let phase = try choice(Phase.self)
      measure.variants[phase] = MeasureVariant(
        title: try optionalString(), steps: try optional { reader throws(SnapshotProblem) in try reader.strings() },
        horizon: try optional { reader throws(SnapshotProblem) in try reader.choice(Horizon.self) })
    }
    measure.conflicts = try array { reader throws(SnapshotProblem) in
      MeasureConflict(measureID: try reader.string(), text: try reader.string())
    }
    return measure
  }

  mutating func term(_ t: SnapshotTables) throws(SnapshotProblem) -> Term {
    let id = try string()
    let question: QuestionID = try self.id(below: t.questions)
    let defaultText = try string()
    var values: [Int: String] = [:]
    for _ in 0..<(try count()) {
      let option = try natural()
      values[option] = try string()
    }
    let cases = try array { reader throws(SnapshotProblem) in
      TermCase(condition: try reader.condition(t), text: try reader.string())
    }
    return Term(id: id, question: question, defaultText: defaultText, values: values, cases: cases)
  }

  mutating func answer() throws(SnapshotProblem) -> Answer {
    switch try natural() {
    case 0: return .unknown
    case 1: return .option(try natural())
    case 2: return .options(try unsigned())
    case 3: return .partialOptions(try unsigned())
    case 4: return .number(try decimal())
    default: throw .malformed("Antwortart unbekannt")
    }
  }

  mutating func presetAnswers(_ t: SnapshotTables) throws(SnapshotProblem) -> [(question: QuestionID, answer: Answer)] {
    try array { reader throws(SnapshotProblem) in
      (question: try reader.id(below: t.questions), answer: try reader.answer())
    }
  }

  mutating func exercise(_ t: SnapshotTables) throws(SnapshotProblem) -> Exercise {
    Exercise(
      id: try string(), title: try string(), type: try string(),
      objectives: try array { reader throws(SnapshotProblem) in
        ExerciseObjective(
          id: try reader.string(), text: try reader.string(), horizon: try reader.strings(),
          measures: try reader.ids(below: t.measures))
      },
      roles: try array { reader throws(SnapshotProblem) in
        ExerciseRole(id: try reader.string(), title: try reader.string(), isControl: try reader.bool())
      },
      municipality: try string(), situation: try string(), answers: try presetAnswers(t),
      injects: try array { reader throws(SnapshotProblem) in try reader.inject(t) },
      sourceIDs: try strings())
  }

  mutating func inject(_ t: SnapshotTables) throws(SnapshotProblem) -> Inject {
    Inject(
      id: try string(), time: try string(),
      at: try optional { reader throws(SnapshotProblem) in ExerciseTime(minutes: try reader.signed()) },
      from: try string(), to: try string(), channel: try string(), title: try string(), text: try string(),
      answers: try presetAnswers(t),
      expected: try ids(below: t.measures),
      expectedAction: try optionalString(), objectiveIDs: try strings(),
      condition: try optional { reader throws(SnapshotProblem) -> InjectCondition in
        switch try reader.natural() {
        case 0: return .decided(try reader.id(below: t.measures))
        case 1: return .notDecided(try reader.id(below: t.measures))
        case 2: return .control(try reader.string())
        default: throw .malformed("Einlagenbedingung unbekannt")
        }
      },
      replaces: try optionalString())
  }

  mutating func horizonPoints() throws(SnapshotProblem) -> [Horizon: FixedDecimal] {
    var points: [Horizon: FixedDecimal] = [:]
    for _ in 0..<(try count()) {
      let horizon = try choice(Horizon.self)
      points[horizon] = try decimal()
    }
    return points
  }

  mutating func priority(_ t: SnapshotTables) throws(SnapshotProblem) -> PriorityFormula {
    let weight = try decimal()
    let phaseQuestion = try optional { reader throws(SnapshotProblem) -> QuestionID in try reader.id(below: t.questions)
    }
    let defaultUrgency = try horizonPoints()
    var urgency: [Phase: [Horizon: FixedDecimal]] = [:]
    for _ in 0..<(try count()) {
      let phase = try choice(Phase.self)
      urgency[phase] = try horizonPoints()
    }
    let phaseMatch = try decimal()
    let weakness = try choice(WeaknessMode.self)
    var effort: [Effort: FixedDecimal] = [:]
    for _ in 0..<(try count()) {
      let kind = try choice(Effort.self)
      effort[kind] = try decimal()
    }
    return PriorityFormula(
      weight: weight, phaseQuestion: phaseQuestion, defaultUrgency: defaultUrgency, urgency: urgency,
      phaseMatch: phaseMatch, weakness: weakness, effort: effort, patternSuspected: try decimal(),
      patternEstablished: try decimal())
  }

  /// Conditions nest; a damaged snapshot must not recurse without bound.
  mutating func condition(_ t: SnapshotTables, depth: Int = 0) throws(SnapshotProblem) -> CompiledCondition {
    guard depth < 256 else { throw .malformed("Bedingung zu tief verschachtelt") }
    switch try natural() {
    case 0:
      return .number(question: try id(below: t.questions), try choice(ComparisonOperator.self), try decimal())
    case 1:
      return .option(question: try id(below: t.questions), options: try unsigned(), negated: try bool())
    case 2:
      return .includes(
        question: try id(below: t.questions), SnapshotWriter.inclusionModes[try index(below: 3)],
        options: try unsigned())
    case 3: return .answered(question: try id(below: t.questions), known: try bool())
    case 4: return .fact(try id(below: t.facts))
    case 5: return .pattern(try id(below: t.patterns), try bool() ? .established : .suspected)
    case 6: return .factor(try id(below: t.factors), levels: try unsigned())
    case 7: return .not(try condition(t, depth: depth + 1))
    case 8: return .and(try array { reader throws(SnapshotProblem) in try reader.condition(t, depth: depth + 1) })
    case 9: return .or(try array { reader throws(SnapshotProblem) in try reader.condition(t, depth: depth + 1) })
    default: throw .malformed("Bedingungsart unbekannt")
    }
  }

  mutating func rule(_ t: SnapshotTables) throws(SnapshotProblem) -> CompiledRule {
    let id = try string()
    let sourceIDs = try strings()
    let condition = try condition(t)
    let conclusions = try array { reader throws(SnapshotProblem) -> CompiledConclusion in
      let kind: CompiledConclusionKind
      switch try reader.natural() {
      case 0: kind = .derive(fact: try reader.id(below: t.facts))
      case 1: kind = .evidence(pattern: try reader.id(below: t.patterns), points: try reader.decimal())
      case 2: kind = .assess(factor: try reader.id(below: t.factors), level: try reader.id(below: t.levels))
      case 3: kind = .recommend(measure: try reader.id(below: t.measures), weight: try reader.decimal())
      default: throw .malformed("Schlussart unbekannt")
      }
      return CompiledConclusion(kind: kind, reason: try reader.optionalString())
    }
    let path = try string()
    let line = try natural()
    let start = try natural()
    let end = try natural()
    guard start <= end else { throw .malformed("Bereich ungültig") }
    return CompiledRule(
      id: id, sourceIDs: sourceIDs, condition: condition, conclusions: conclusions, path: path, line: line,
      range: SourceRange(start: start, end: end))
  }

  /// A table with one list of indices per entry of another table.
  mutating func table<Entity, Target>(
    entries: Int, below count: Int
  ) throws(SnapshotProblem) -> IDArray<Entity, [ID<Target>]> {
    let table = try array { reader throws(SnapshotProblem) -> [ID<Target>] in try reader.ids(below: count) }
    guard table.count == entries else { throw .malformed("Tabelle hat die falsche Länge") }
    return IDArray(table)
  }

  mutating func dependencies(_ t: SnapshotTables) throws(SnapshotProblem) -> DependencyIndex {
    let ruleKey = try array { reader throws(SnapshotProblem) -> Int32 in
      let key = try reader.signed()
      guard let narrow = Int32(exactly: key) else { throw .malformed("Schlüssel außerhalb des Bereichs") }
      return narrow
    }
    let ruleCycle = try array { reader throws(SnapshotProblem) -> Int32? in
      try reader.optional { reader throws(SnapshotProblem) -> Int32 in
        let cycle = try reader.signed()
        guard let narrow = Int32(exactly: cycle), narrow >= 0 else { throw .malformed("Zyklus ungültig") }
        return narrow
      }
    }
    let cycles = try array { reader throws(SnapshotProblem) in
      FactCycle(facts: try reader.ids(below: t.facts), rules: try reader.ids(below: t.rules))
    }
    guard ruleKey.count == t.rules, ruleCycle.count == t.rules,
      ruleCycle.allSatisfy({ $0.map { Int($0) < cycles.count } ?? true })
    else { throw .malformed("Regelreihenfolge passt nicht zu den Regeln") }
    return DependencyIndex(
      ruleKey: IDArray(ruleKey), ruleCycle: IDArray(ruleCycle), cycles: cycles,
      questionReaders: try table(entries: t.questions, below: t.rules),
      factReaders: try table(entries: t.facts, below: t.rules),
      patternReaders: try table(entries: t.patterns, below: t.rules),
      factorReaders: try table(entries: t.factors, below: t.rules),
      factWriters: try table(entries: t.facts, below: t.rules),
      patternWriters: try table(entries: t.patterns, below: t.rules),
      factorWriters: try table(entries: t.factors, below: t.rules),
      measureWriters: try table(entries: t.measures, below: t.rules),
      relevanceReaders: try table(entries: t.questions, below: t.questions))
  }
}
