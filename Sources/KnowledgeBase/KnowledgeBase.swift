import RuleLanguage

/// A checked, immutable knowledge base: the vocabulary, the compiled rules and their layers.
public final class KnowledgeBase: Sendable {
  public let info: KnowledgeBaseInfo
  public let groups: [QuestionGroup]
  public let questions: [Question]
  public let facts: [DerivedFact]
  public let factorLevels: [FactorLevel]
  public let factors: [Factor]
  public let patterns: [Pattern]
  public let measures: [Measure]
  public let sources: [Source]
  public let terms: [Term]
  /// Staff exercises from `Knowledge/exercises/`, by file name.
  public let exercises: [Exercise]
  /// The catalogue of staff functions exercises draw their roles from (`staff_roles:`).
  public let staffRoles: [StaffRole]
  public let priority: PriorityFormula
  public let rules: [CompiledRule]
  /// The order in which rules are decided, and which rules read what.
  /// The engine's index: shared with the engine and the checker, not part of the library's API.
  package let dependencies: DependencyIndex

  public let questionIndex: [String: Int]
  public let factIndex: [String: Int]
  public let factorIndex: [String: Int]
  public let levelIndex: [String: Int]
  public let patternIndex: [String: Int]
  public let measureIndex: [String: Int]
  public let sourceIndex: [String: Int]
  public let ruleIndex: [String: Int]

  init(
    info: KnowledgeBaseInfo, groups: [QuestionGroup], questions: [Question], facts: [DerivedFact],
    factorLevels: [FactorLevel], factors: [Factor], patterns: [Pattern], measures: [Measure],
    sources: [Source], terms: [Term], exercises: [Exercise] = [], staffRoles: [StaffRole] = [],
    priority: PriorityFormula, rules: [CompiledRule],
    dependencies: DependencyIndex
  ) {
    self.info = info
    self.groups = groups
    self.questions = questions
    self.facts = facts
    self.factorLevels = factorLevels
    self.factors = factors
    self.patterns = patterns
    self.measures = measures
    self.sources = sources
    self.terms = terms
    self.exercises = exercises
    self.staffRoles = staffRoles
    self.priority = priority
    self.rules = rules
    self.dependencies = dependencies
    func index(_ ids: [String]) -> [String: Int] {
      Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
    questionIndex = index(questions.map(\.id))
    factIndex = index(facts.map(\.id))
    factorIndex = index(factors.map(\.id))
    levelIndex = index(factorLevels.map(\.id))
    patternIndex = index(patterns.map(\.id))
    measureIndex = index(measures.map(\.id))
    sourceIndex = index(sources.map(\.id))
    ruleIndex = index(rules.map(\.id))
  }
}

/// Which rules read which answers and conclusions, and the layer in which each rule is decided.
package struct DependencyIndex: Sendable, Equatable {
  /// Rules are decided in increasing `ruleKey`; a rule's key is at least the key of every fact,
  /// pattern and factor it reads, so those are final when it is decided.
  package var ruleKey: [Int32]
  /// For each rule in a cycle of derived facts, the index of its cycle in `cycles`.
  package var ruleCycle: [Int32?]
  /// Groups of facts that derive each other (positively), with the rules inside the group.
  package var cycles: [FactCycle]
  package var questionReaders: [[Int32]]
  package var factReaders: [[Int32]]
  package var patternReaders: [[Int32]]
  package var factorReaders: [[Int32]]
  /// The rules that derive each fact, give evidence for each pattern, assess each factor, and
  /// recommend each measure.
  package var factWriters: [[Int32]]
  package var patternWriters: [[Int32]]
  package var factorWriters: [[Int32]]
  package var measureWriters: [[Int32]]
  /// Questions whose relevance reads each question.
  package var relevanceReaders: [[Int32]]
}

/// Facts that support each other in a cycle, recomputed together.
package struct FactCycle: Sendable, Equatable {
  package var facts: [Int32]
  package var rules: [Int32]
}

extension KnowledgeBase {
  /// The fewest acute measures a situation kind must have.
  public static let minimumAcuteMeasures = 5

  /// The patterns that are situation kinds of the catalogue: those some measure names as the
  /// situation it acts on (a pattern no measure names only colours the assessment).
  public var situationKinds: [Int] {
    let named = Set(measures.flatMap(\.patternIDs))
    return patterns.indices.filter { named.contains(patterns[$0].id) }
  }

  /// The measures that act on the pattern in a running situation: they name it, their horizon in
  /// Bewältigung is `sofort` or `kurzfristig`, and a verified source of kind amtlich, Forschung or
  /// Fachverband backs them.
  public func acuteMeasures(of pattern: Int) -> [Int] {
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
