import RuleLanguage

/// A checked, immutable knowledge base: the vocabulary, the compiled rules and their layers.
public final class KnowledgeBase: Sendable {
  public let info: KnowledgeBaseInfo
  public let groups: Table<QuestionGroup>
  public let questions: Table<Question>
  public let facts: Table<DerivedFact>
  public let factorLevels: Table<FactorLevel>
  public let factors: Table<Factor>
  public let patterns: Table<Pattern>
  public let measures: Table<Measure>
  public let sources: Table<Source>
  public let terms: Table<Term>
  /// Staff exercises from `Knowledge/exercises/`, by file name.
  public let exercises: Table<Exercise>
  /// The catalogue of staff functions exercises draw their roles from (`staff_roles:`).
  public let staffRoles: [StaffRole]
  public let priority: PriorityFormula
  public let rules: Table<CompiledRule>
  /// The order in which rules are decided, and which rules read what.
  /// The engine's index: shared with the engine and the checker, not part of the library's API.
  package let dependencies: DependencyIndex

  public let questionIndex: [String: QuestionID]
  public let factIndex: [String: FactID]
  public let factorIndex: [String: FactorID]
  public let levelIndex: [String: LevelID]
  public let patternIndex: [String: PatternID]
  public let measureIndex: [String: MeasureID]
  public let sourceIndex: [String: SourceID]
  public let ruleIndex: [String: RuleID]

  init(
    info: KnowledgeBaseInfo, groups: [QuestionGroup], questions: [Question], facts: [DerivedFact],
    factorLevels: [FactorLevel], factors: [Factor], patterns: [Pattern], measures: [Measure],
    sources: [Source], terms: [Term], exercises: [Exercise] = [], staffRoles: [StaffRole] = [],
    priority: PriorityFormula, rules: [CompiledRule],
    dependencies: DependencyIndex
  ) {
    self.info = info
    self.groups = Table(groups)
    self.questions = Table(questions)
    self.facts = Table(facts)
    self.factorLevels = Table(factorLevels)
    self.factors = Table(factors)
    self.patterns = Table(patterns)
    self.measures = Table(measures)
    self.sources = Table(sources)
    self.terms = Table(terms)
    self.exercises = Table(exercises)
    self.staffRoles = staffRoles
    self.priority = priority
    self.rules = Table(rules)
    self.dependencies = dependencies
    func index<Entity>(_ ids: [String]) -> [String: ID<Entity>] {
      var index: [String: ID<Entity>] = [:]
      index.reserveCapacity(ids.count)
      // The first of equal ids wins; a checked knowledge base has none.
      for (place, id) in ids.enumerated() where index[id] == nil { index[id] = ID(place) }
      return index
    }
    questionIndex = index(questions.map(\.id))
    factIndex = index(facts.map(\.id))
    factorIndex = index(factors.map(\.id))
    levelIndex = index(factorLevels.map(\.id))
    patternIndex = index(patterns.map(\.id))
    measureIndex = index(measures.map(\.id))
    sourceIndex = index(sources.map(\.id))
    // By place, not `map(\.id)`, which copies (and retains) every rule to read its name.
    ruleIndex = index(rules.indices.map { rules[$0].id })
  }
}

/// Which rules read which answers and conclusions, and the layer in which each rule is decided.
package struct DependencyIndex: Sendable, Equatable {
  /// Rules are decided in increasing `ruleKey`; a rule's key is at least the key of every fact,
  /// pattern and factor it reads, so those are final when it is decided.
  package var ruleKey: IDArray<CompiledRule, Int32>
  /// For each rule in a cycle of derived facts, the index of its cycle in `cycles`.
  package var ruleCycle: IDArray<CompiledRule, Int32?>
  /// Groups of facts that derive each other (positively), with the rules inside the group.
  package var cycles: [FactCycle]
  package var questionReaders: IDArray<Question, [RuleID]>
  package var factReaders: IDArray<DerivedFact, [RuleID]>
  package var patternReaders: IDArray<Pattern, [RuleID]>
  package var factorReaders: IDArray<Factor, [RuleID]>
  /// The rules that derive each fact, give evidence for each pattern, assess each factor, and
  /// recommend each measure.
  package var factWriters: IDArray<DerivedFact, [RuleID]>
  package var patternWriters: IDArray<Pattern, [RuleID]>
  package var factorWriters: IDArray<Factor, [RuleID]>
  package var measureWriters: IDArray<Measure, [RuleID]>
  /// Questions whose relevance reads each question.
  package var relevanceReaders: IDArray<Question, [QuestionID]>
}

/// Facts that support each other in a cycle, recomputed together.
package struct FactCycle: Sendable, Equatable {
  package var facts: [FactID]
  package var rules: [RuleID]
}

extension KnowledgeBase {
  /// The fewest acute measures a situation kind must have.
  public static let minimumAcuteMeasures = 5

  /// The patterns that are situation kinds of the catalogue: those some measure names as the
  /// situation it acts on (a pattern no measure names only colours the assessment).
  public var situationKinds: [PatternID] {
    let named = Set(measures.flatMap(\.patternIDs))
    return patterns.indices.filter { named.contains(patterns[$0].id) }
  }

  /// The measures that act on the pattern in a running situation: they name it, their horizon in
  /// Bewältigung is `sofort` or `kurzfristig`, and a verified source of kind amtlich, Forschung or
  /// Fachverband backs them.
  public func acuteMeasures(of pattern: PatternID) -> [MeasureID] {
    let id = patterns[pattern].id
    return measures.indices.filter { index in
      let measure = measures[index]
      guard measure.patternIDs.contains(id), measure.phases.contains(.bewaeltigung),
        measure.inPhase(.bewaeltigung).horizon != .langfristig
      else { return false }
      return measure.sourceIDs.contains { source in
        sourceIndex[source].map { sources[$0].verified && sources[$0].kind.isAuthoritative } ?? false
      }
    }
  }
}
