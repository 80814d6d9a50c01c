import KnowledgeBase
import RuleLanguage

/// The inference engine: holds the answers and keeps every conclusion the unique result of them.
///
/// Changing or withdrawing an answer re-decides only the rules that read what changed, in
/// dependency order, so the result always equals a fresh evaluation of the same answers.
public struct Engine {
  public let knowledgeBase: KnowledgeBase
  /// Told of every change an answer makes, in decision order (trace, coverage, explanations).
  public var listeners: [any EngineListener] = []
  /// The rules in the order they are decided.
  let order: [RuleID]
  /// Each rule's place in `order`.
  let position: IDArray<CompiledRule, Int32>

  public private(set) var answers: IDArray<Question, Answer?>
  /// Texts the municipality set for terms, by term id (its own name for the staff); they win
  /// over what the knowledge base gives for the Land and level.
  public var termTexts: [String: String] = [:]
  public private(set) var ruleTruth: IDArray<CompiledRule, Truth>
  public private(set) var factTruth: IDArray<DerivedFact, Truth>
  var factSupport: IDArray<DerivedFact, Support>
  public private(set) var patternScore: IDArray<Pattern, FixedDecimal>
  public private(set) var patternState: IDArray<Pattern, PatternState>
  var factorVotes: IDArray<Factor, IDArray<FactorLevel, Int32>>
  public private(set) var factorLevel: IDArray<Factor, LevelID?>
  public private(set) var measureWeight: IDArray<Measure, FixedDecimal>
  var measureVotes: IDArray<Measure, Int32>
  var cycleStamp: [Int]
  /// The cycle each fact belongs to, if any.
  let factCycle: IDArray<DerivedFact, Int32?>
  /// Facts of a cycle whose support from rules outside it changed in this run, by cycle: they
  /// seed the cycle's update with the cycle's rules that were queued.
  var cycleFactsChanged: [Int: [FactID]] = [:]
  var stamp = 0
  /// How many times a rule's condition was decided, since the engine was made: what a change
  /// costs, for the benchmarks.
  public private(set) var decisions = 0

  /// Counts of the rules deriving a fact whose condition is true, or undetermined.
  struct Support: Sendable {
    var firing: Int32 = 0
    var open: Int32 = 0

    var truth: Truth { firing > 0 ? .true : open > 0 ? .undetermined : .false }
  }

  /// An engine with no answers, fully evaluated.
  public init(knowledgeBase: KnowledgeBase) {
    self.init(knowledgeBase: knowledgeBase, answers: [:])
  }

  /// An engine evaluated from scratch with the given answers (by question index).
  public init(knowledgeBase: KnowledgeBase, answers given: [QuestionID: Answer]) {
    self.knowledgeBase = knowledgeBase
    let deps = knowledgeBase.dependencies
    let ruleCount = knowledgeBase.rules.count
    let sorted = knowledgeBase.rules.indices.sorted { a, b in
      let ka = deps.ruleKey[a]
      let kb = deps.ruleKey[b]
      if ka != kb { return ka < kb }
      let ca = deps.ruleCycle[a] == nil ? 1 : 0
      let cb = deps.ruleCycle[b] == nil ? 1 : 0
      if ca != cb { return ca < cb }
      return a < b
    }
    order = sorted
    var position = IDArray<CompiledRule, Int32>(repeating: 0, count: ruleCount)
    for (place, rule) in sorted.enumerated() { position[rule] = Int32(place) }
    self.position = position
    answers = IDArray(repeating: nil, for: knowledgeBase.questions)
    ruleTruth = IDArray(repeating: .false, for: knowledgeBase.rules)
    factTruth = IDArray(repeating: .false, for: knowledgeBase.facts)
    factSupport = IDArray(repeating: Support(), for: knowledgeBase.facts)
    patternScore = IDArray(repeating: .zero, for: knowledgeBase.patterns)
    patternState = IDArray(repeating: .inactive, for: knowledgeBase.patterns)
    factorVotes = IDArray(
      repeating: IDArray(repeating: 0, for: knowledgeBase.factorLevels), for: knowledgeBase.factors)
    factorLevel = IDArray(repeating: nil, for: knowledgeBase.factors)
    measureWeight = IDArray(repeating: .zero, for: knowledgeBase.measures)
    measureVotes = IDArray(repeating: 0, for: knowledgeBase.measures)
    cycleStamp = Array(repeating: -1, count: deps.cycles.count)
    var factCycle = IDArray<DerivedFact, Int32?>(repeating: nil, for: knowledgeBase.facts)
    for (index, cycle) in deps.cycles.enumerated() {
      for fact in cycle.facts { factCycle[fact] = Int32(index) }
    }
    self.factCycle = factCycle
    for (question, answer) in given where answers.indices.contains(question) {
      answers[question] = answer
    }
    var recorder = EventRecorder(engine: nil)
    run(Array(0..<Int32(ruleCount)), recorder: &recorder)
  }

  // MARK: - Answers

  /// Sets (or with nil withdraws) an answer and returns what changed, in decision order.
  @discardableResult
  public mutating func set(_ question: QuestionID, to answer: Answer?) -> [EngineEvent] {
    guard answers[question] != answer else { return [] }
    answers[question] = answer
    let readers = knowledgeBase.dependencies.questionReaders[question]
    var recorder = EventRecorder(engine: self)
    run(readers.map { position[$0] }, recorder: &recorder)
    return notify(recorder.events(comparedWith: self))
  }

  /// Sets several answers at once.
  @discardableResult
  public mutating func set(_ changes: [(question: QuestionID, answer: Answer?)]) -> [EngineEvent] {
    var positions: [Int32] = []
    var recorder = EventRecorder(engine: self)
    for (question, answer) in changes where answers[question] != answer {
      answers[question] = answer
      positions += knowledgeBase.dependencies.questionReaders[question].map { position[$0] }
    }
    run(positions, recorder: &recorder)
    return notify(recorder.events(comparedWith: self))
  }

  private func notify(_ events: [EngineEvent]) -> [EngineEvent] {
    for listener in listeners {
      for event in events { listener.engine(didEmit: event) }
    }
    return events
  }

  // MARK: - Deciding rules

  /// Decides the rules at the given places in `order`, and everything that depends on a change.
  mutating func run(_ initial: [Int32], recorder: inout EventRecorder) {
    stamp += 1
    var queue = PositionQueue(capacity: order.count)
    for place in initial { queue.push(place) }
    let deps = knowledgeBase.dependencies
    while let place = queue.pop() {
      let rule = order[Int(place)]
      if let cycle = deps.ruleCycle[rule] {
        let cycleIndex = Int(cycle)
        guard cycleStamp[cycleIndex] != stamp else { continue }
        cycleStamp[cycleIndex] = stamp
        // A cycle's rules share one key and come first among the rules of that key, so the
        // other rules of the cycle that this run must decide are next in the queue.
        var seeds = [rule]
        while let next = queue.first, deps.ruleCycle[order[Int(next)]] == cycle {
          _ = queue.pop()
          seeds.append(order[Int(next)])
        }
        updateCycle(cycleIndex, seeds: seeds, queue: &queue, recorder: &recorder)
        continue
      }
      decisions += 1
      let truth = evaluate(knowledgeBase.rules[rule].condition)
      apply(rule, truth, queue: &queue, recorder: &recorder)
    }
  }

  /// Re-decides the part of a cycle of facts that a change can reach (delete and re-derive), so
  /// that no fact supports itself.
  ///
  /// A seed rule that holds (or is undetermined) now may hold only through the cycle's own facts
  /// once its other inputs changed (`q or f1` where f1 rests on it), so every such seed, and
  /// every fact whose support from outside the cycle changed, starts the deletion: the facts of
  /// the cycle they derive may lose support, and with them every rule of the cycle that reads
  /// such a fact and holds or is undetermined now; those rules are over-deleted, set false,
  /// transitively. Then the seeds and the deleted rules are decided
  /// again from a work list, and a rule whose truth rises puts the cycle's readers of its facts on
  /// the list. Inside a cycle facts are read only positively, so from the over-deleted state
  /// every rule only rises, and the result is the least fixpoint a recomputation of the whole
  /// cycle would reach, at the cost of the part that holds and rests on what changed.
  mutating func updateCycle(
    _ cycle: Int, seeds: [RuleID], queue: inout PositionQueue, recorder: inout EventRecorder
  ) {
    let deps = knowledgeBase.dependencies
    let inCycle = Int32(cycle)
    func cycleFacts(derivedBy rule: RuleID) -> [FactID] {
      knowledgeBase.rules[rule].conclusions.compactMap { conclusion in
        guard case .derive(let fact) = conclusion.kind, factCycle[fact] == inCycle else { return nil }
        return fact
      }
    }
    // Over-delete: from the facts of falling seeds and of changed outside support, through the
    // rules that hold or are undetermined now.
    var lost = cycleFactsChanged.removeValue(forKey: cycle) ?? []
    var deleted: [RuleID] = []
    var isDeleted = Set<RuleID>()
    for rule in seeds where ruleTruth[rule] != .false {
      isDeleted.insert(rule)
      deleted.append(rule)
      lost += cycleFacts(derivedBy: rule)
    }
    var seen = Set<FactID>()
    while let fact = lost.popLast() {
      guard seen.insert(fact).inserted else { continue }
      for reader in deps.factReaders[fact]
      where deps.ruleCycle[reader] == inCycle && ruleTruth[reader] != .false && isDeleted.insert(reader).inserted {
        deleted.append(reader)
        lost += cycleFacts(derivedBy: reader)
      }
    }
    for rule in deleted { apply(rule, .false, queue: &queue, recorder: &recorder) }
    // Re-derive: only rises from here.
    var work = Array((seeds + deleted).reversed())
    var waiting = Set(work)
    while let rule = work.popLast() {
      waiting.remove(rule)
      decisions += 1
      let truth = evaluate(knowledgeBase.rules[rule].condition)
      guard truth != ruleTruth[rule] else { continue }
      apply(rule, truth, queue: &queue, recorder: &recorder)
      for fact in cycleFacts(derivedBy: rule) {
        for reader in deps.factReaders[fact] where deps.ruleCycle[reader] == inCycle && waiting.insert(reader).inserted
        {
          work.append(reader)
        }
      }
    }
  }

  /// Records a rule's new truth and updates what it concludes.
  mutating func apply(_ rule: RuleID, _ truth: Truth, queue: inout PositionQueue, recorder: inout EventRecorder) {
    let old = ruleTruth[rule]
    guard old != truth else { return }
    recorder.touchRule(rule, was: old)
    ruleTruth[rule] = truth
    let deps = knowledgeBase.dependencies
    for conclusion in knowledgeBase.rules[rule].conclusions {
      switch conclusion.kind {
      case .derive(let fact):
        var support = factSupport[fact]
        if old == .true { support.firing -= 1 } else if old == .undetermined { support.open -= 1 }
        if truth == .true { support.firing += 1 } else if truth == .undetermined { support.open += 1 }
        factSupport[fact] = support
        if let cycle = factCycle[fact], cycleStamp[Int(cycle)] != stamp {
          // Support from outside a cycle changed: facts inside may have held each other up. The
          // fact seeds the cycle's update, which a rule of the cycle in the queue starts: one that
          // reads the fact, which the update would take up from the fact anyway (every fact of a
          // cycle has such a reader), so that the trigger adds nothing to the update's work.
          cycleFactsChanged[Int(cycle), default: []].append(fact)
          let inCycle = deps.factReaders[fact].first { deps.ruleCycle[$0] == cycle }
          if let trigger = inCycle ?? deps.cycles[Int(cycle)].rules.first { queue.push(position[trigger]) }
        }
        let value = support.truth
        if value != factTruth[fact] {
          recorder.touchFact(fact, was: factTruth[fact])
          factTruth[fact] = value
          enqueue(deps.factReaders[fact], &queue)
        }
      case .evidence(let pattern, let points):
        guard (old == .true) != (truth == .true) else { continue }
        recorder.touchPattern(pattern, was: patternState[pattern])
        patternScore[pattern] += truth == .true ? points : FixedDecimal(hundredths: -points.hundredths)
        let state = Self.state(of: patternScore[pattern], knowledgeBase.patterns[pattern])
        if state != patternState[pattern] {
          patternState[pattern] = state
          enqueue(deps.patternReaders[pattern], &queue)
        }
      case .assess(let factor, let level):
        guard (old == .true) != (truth == .true) else { continue }
        factorVotes[factor][level] += truth == .true ? 1 : -1
        let worst = factorVotes[factor].firstIndex { $0 > 0 }
        if worst != factorLevel[factor] {
          recorder.touchFactor(factor, was: factorLevel[factor])
          factorLevel[factor] = worst
          enqueue(deps.factorReaders[factor], &queue)
        }
      case .recommend(let measure, let weight):
        guard (old == .true) != (truth == .true) else { continue }
        recorder.touchMeasure(measure, was: measureVotes[measure] > 0 ? measureWeight[measure] : nil)
        measureVotes[measure] += truth == .true ? 1 : -1
        measureWeight[measure] += truth == .true ? weight : FixedDecimal(hundredths: -weight.hundredths)
      }
    }
  }

  private func enqueue(_ rules: [RuleID], _ queue: inout PositionQueue) {
    for rule in rules { queue.push(position[rule]) }
  }

  static func state(of score: FixedDecimal, _ pattern: Pattern) -> PatternState {
    if score >= pattern.established { return .established }
    if score >= pattern.suspected { return .suspected }
    return .inactive
  }

  // MARK: - Reading the result

  /// Whether the measure is recommended by at least one firing rule.
  public func isRecommended(_ measure: MeasureID) -> Bool { measureVotes[measure] > 0 }

  /// The facts that hold, in declaration order.
  public var derivedFacts: [FactID] { factTruth.indices.filter { factTruth[$0] == .true } }

  /// The recommended measures, in declaration order.
  public var recommendedMeasures: [MeasureID] { measureVotes.indices.filter { measureVotes[$0] > 0 } }
}
