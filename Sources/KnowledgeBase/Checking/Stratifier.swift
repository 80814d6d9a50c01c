import RuleLanguage

/// Orders facts, patterns and factors in layers, rejects cycles through negation, and builds the
/// dependency index the engine evaluates by.
struct Stratifier {
  let factCount: Int
  let patternCount: Int
  let factorCount: Int
  let rules: [CompiledRule]
  let reads: [ConditionReads]

  struct Edge {
    var target: Int
    var negative: Bool
    var rule: Int
  }

  var nodeCount: Int { factCount + patternCount + factorCount }

  func node(writtenBy conclusion: CompiledConclusionKind) -> Int? {
    switch conclusion {
    case .derive(let fact): fact.index
    case .evidence(let pattern, _): factCount + pattern.index
    case .assess(let factor, _): factCount + patternCount + factor.index
    case .recommend: nil
    }
  }

  /// Derived nodes a rule reads, with whether the read needs the node to be complete, into
  /// `nodes` (emptied first, its storage kept: one buffer serves every rule).
  func readNodes(_ rule: Int, into nodes: inout [(node: Int, negative: Bool)]) {
    nodes.removeAll(keepingCapacity: true)
    // Read in place: binding `reads[rule]` would copy (and retain) its four lists per call.
    for fact in reads[rule].facts { nodes.append((fact.index.index, fact.negated)) }
    for pattern in reads[rule].patterns { nodes.append((factCount + pattern.index, true)) }
    for factor in reads[rule].factors { nodes.append((factCount + patternCount + factor.index, true)) }
  }

  /// The nodes a rule's conclusions write, each once and in order, into `targets` (emptied first).
  func writtenNodes(_ rule: Int, into targets: inout [Int]) {
    targets.removeAll(keepingCapacity: true)
    for conclusion in rules[rule].conclusions {
      if let node = node(writtenBy: conclusion.kind) { targets.append(node) }
    }
    Self.sortAndRemoveDuplicates(&targets)
  }

  /// The dependency index, or the diagnostics of every cycle through negation.
  func stratify(nodeName: (Int) -> String) -> Result<DependencyIndex, StratificationFailure> {
    var edges = [[Edge]](repeating: [], count: nodeCount)
    var nodes: [(node: Int, negative: Bool)] = []
    var targets: [Int] = []
    for ruleIndex in rules.indices {
      writtenNodes(ruleIndex, into: &targets)
      readNodes(ruleIndex, into: &nodes)
      for (source, negative) in nodes {
        for target in targets {
          edges[source].append(Edge(target: target, negative: negative, rule: ruleIndex))
        }
      }
    }
    let components = Self.stronglyConnectedComponents(edges: edges)
    // Tarjan yields components sinks first; number them sources first.
    var order = [Int](repeating: 0, count: nodeCount)
    for (position, component) in components.reversed().enumerated() {
      for node in component { order[node] = position }
    }

    var failures: [(rule: Int, description: String)] = []
    var reported = Set<Int>()
    for source in 0..<nodeCount {
      for edge in edges[source] where edge.negative && order[edge.target] == order[source] {
        guard !reported.contains(order[source]) else { continue }
        reported.insert(order[source])
        let path = cyclePath(from: edge, source: source, edges: edges, order: order)
        let names = ([source] + path.map(\.target)).map(nodeName)
        let ruleNames = Array(Set(path.map(\.rule))).sorted().map { "'\(rules[$0].id)'" }
        failures.append(
          (
            path.map(\.rule).min() ?? edge.rule,
            names.joined(separator: " → ") + " (rules \(ruleNames.joined(separator: ", ")))"
          ))
      }
    }
    if !failures.isEmpty { return .failure(StratificationFailure(cycles: failures)) }

    // A rule's key is the latest layer it reads. For a rule of a cycle that is the cycle's own
    // layer (it reads a fact of the cycle, and every edge runs from an earlier layer or the same
    // one), so the rules of one cycle share one key no other cycle has; the engine relies on it
    // to find them together in its queue (`Engine.run`).
    var ruleKey = IDArray<CompiledRule, Int32>(repeating: -1, count: rules.count)
    for ruleIndex in rules.indices {
      let rule = RuleID(ruleIndex)
      readNodes(ruleIndex, into: &nodes)
      for (node, _) in nodes {
        ruleKey[rule] = max(ruleKey[rule], Int32(order[node]))
      }
    }
    // Facts in a component of more than one fact, or with a rule deriving a fact from itself.
    var cycleOfComponent: [Int: Int] = [:]
    var cycles: [FactCycle] = []
    var ruleCycle = IDArray<CompiledRule, Int32?>(repeating: nil, count: rules.count)
    for ruleIndex in rules.indices {
      readNodes(ruleIndex, into: &nodes)
      guard nodes.contains(where: { $0.node < factCount }) else { continue }
      writtenNodes(ruleIndex, into: &targets)
      for (node, _) in nodes where node < factCount {
        guard targets.contains(where: { order[$0] == order[node] }) else { continue }
        let component = order[node]
        let cycle: Int
        if let existing = cycleOfComponent[component] {
          cycle = existing
        } else {
          cycle = cycles.count
          cycleOfComponent[component] = cycle
          let facts = (0..<factCount).filter { order[$0] == component }.map { FactID($0) }
          cycles.append(FactCycle(facts: facts, rules: []))
        }
        if ruleCycle[RuleID(ruleIndex)] == nil {
          ruleCycle[RuleID(ruleIndex)] = Int32(cycle)
          cycles[cycle].rules.append(RuleID(ruleIndex))
        }
      }
    }
    return .success(buildIndex(ruleKey: ruleKey, ruleCycle: ruleCycle, cycles: cycles))
  }

  private func buildIndex(
    ruleKey: IDArray<CompiledRule, Int32>, ruleCycle: IDArray<CompiledRule, Int32?>, cycles: [FactCycle]
  ) -> DependencyIndex {
    var index = DependencyIndex(
      ruleKey: ruleKey, ruleCycle: ruleCycle, cycles: cycles, questionReaders: [],
      factReaders: IDArray(repeating: [], count: factCount),
      patternReaders: IDArray(repeating: [], count: patternCount),
      factorReaders: IDArray(repeating: [], count: factorCount), factWriters: IDArray(repeating: [], count: factCount),
      patternWriters: IDArray(repeating: [], count: patternCount),
      factorWriters: IDArray(repeating: [], count: factorCount), measureWriters: [], relevanceReaders: [])
    for ruleIndex in rules.indices {
      let r = RuleID(ruleIndex)
      for fact in Self.uniqueSorted(reads[ruleIndex].facts.map(\.index)) { index.factReaders[fact].append(r) }
      for pattern in Self.uniqueSorted(reads[ruleIndex].patterns) { index.patternReaders[pattern].append(r) }
      for factor in Self.uniqueSorted(reads[ruleIndex].factors) { index.factorReaders[factor].append(r) }
      for conclusion in rules[ruleIndex].conclusions {
        switch conclusion.kind {
        case .derive(let fact): index.factWriters[fact].append(r)
        case .evidence(let pattern, _): index.patternWriters[pattern].append(r)
        case .assess(let factor, _): index.factorWriters[factor].append(r)
        case .recommend: break
        }
      }
    }
    return index
  }

  /// Each id once, in order; without a set per rule (most rules read one or two of each kind).
  static func uniqueSorted<Entity>(_ ids: [ID<Entity>]) -> [ID<Entity>] {
    var result = ids
    sortAndRemoveDuplicates(&result)
    return result
  }

  /// Sorts in place and keeps each value once.
  static func sortAndRemoveDuplicates<Value: Comparable>(_ values: inout [Value]) {
    guard values.count > 1 else { return }
    values.sort()
    var kept = 1
    for position in 1..<values.count where values[position] != values[kept - 1] {
      values[kept] = values[position]
      kept += 1
    }
    values.removeLast(values.count - kept)
  }

  /// The edges of a shortest path that closes the cycle through `edge`, starting with `edge`.
  private func cyclePath(from edge: Edge, source: Int, edges: [[Edge]], order: [Int]) -> [Edge] {
    if edge.target == source { return [edge] }
    var previous: [Int: Edge] = [:]
    var queue = [edge.target]
    var visited: Set<Int> = [edge.target]
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      if node == source { break }
      for next in edges[node] where order[next.target] == order[source] && !visited.contains(next.target) {
        visited.insert(next.target)
        previous[next.target] = Edge(target: node, negative: next.negative, rule: next.rule)
        queue.append(next.target)
      }
    }
    var path: [Edge] = []
    var node = source
    while node != edge.target, let step = previous[node] {
      path.append(Edge(target: node, negative: step.negative, rule: step.rule))
      node = step.target
    }
    return [edge] + path.reversed()
  }

  /// Tarjan's algorithm without recursion, so that long chains cannot overflow the stack.
  static func stronglyConnectedComponents(edges: [[Edge]]) -> [[Int]] {
    let count = edges.count
    var index = [Int](repeating: -1, count: count)
    var low = [Int](repeating: 0, count: count)
    var onStack = [Bool](repeating: false, count: count)
    var stack: [Int] = []
    var components: [[Int]] = []
    var next = 0
    for root in 0..<count where index[root] < 0 {
      var work: [(node: Int, edge: Int)] = [(root, 0)]
      index[root] = next
      low[root] = next
      next += 1
      stack.append(root)
      onStack[root] = true
      while let (node, edgePosition) = work.last {
        if edgePosition < edges[node].count {
          work[work.count - 1].edge += 1
          let target = edges[node][edgePosition].target
          if index[target] < 0 {
            index[target] = next
            low[target] = next
            next += 1
            stack.append(target)
            onStack[target] = true
            work.append((target, 0))
          } else if onStack[target] {
            low[node] = min(low[node], index[target])
          }
          continue
        }
        work.removeLast()
        if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
        if low[node] == index[node] {
          var component: [Int] = []
          while let member = stack.popLast() {
            onStack[member] = false
            component.append(member)
            if member == node { break }
          }
          components.append(component)
        }
      }
    }
    return components
  }
}

/// The cycles through negation that make a rule set impossible to layer.
struct StratificationFailure: Error {
  var cycles: [(rule: Int, description: String)]
}
