import RuleLanguage
import Yams

/// Reads one exercise file; ids are resolved later, when questions, measures and staff roles are
/// known. A file with `roles:` is a Drehbuch (every inject with id, time, sender, recipient,
/// channel, expected action and objective); a file without is of the earlier format (injects with
/// a free `time:` label and a list of expected measures), still read as before.
struct ExerciseReader {
  let reader: YAMLReader
  let id: String

  typealias Named = (name: String, site: DiagnosticSite)

  /// An inject's references as written.
  struct InjectDraft {
    var answers: [(question: String, answer: String, site: DiagnosticSite)] = []
    var expected: [Named] = []
    var objectives: [Named] = []
    var to: Named?
    /// `decided`/`not_decided` with the measure as written; `control` is kept in the inject.
    var condition: (decided: Bool, measure: Named)?
    var replaces: Named?
    /// A `when` was written, even one that could not be read.
    var hasCondition = false
    var idSite: DiagnosticSite
    var atSite: DiagnosticSite?
  }

  struct Draft {
    var exercise: Exercise
    var answers: [(question: String, answer: String, site: DiagnosticSite)]
    var injects: [InjectDraft]
    var objectiveMeasures: [[Named]]
    var objectiveSites: [DiagnosticSite]
    var roles: [Named]
    /// A Drehbuch (with `roles:`), not a file of the earlier format.
    var isDrehbuch: Bool
  }

  func read() -> Draft? {
    guard let root = reader.root(), let fields = reader.fields(root, what: "an exercise") else { return nil }
    defer { fields.finish() }
    let title = fields.string("title")
    let type = fields.string("type")
    let rolesNode = fields.value("roles", required: false)
    let isDrehbuch = rolesNode != nil
    var roles: [Named] = []
    if let rolesNode, let items = reader.list(rolesNode, what: "a list of role ids") {
      if items.isEmpty { reader.report(.emptyList("roles"), at: rolesNode) }
      for item in items {
        if let name = reader.string(item, what: "a role id") { roles.append((name, reader.site(of: item))) }
      }
    }
    var objectives: [ExerciseObjective] = []
    var objectiveMeasures: [[Named]] = []
    var objectiveSites: [DiagnosticSite] = []
    if let node = fields.value("objectives"), let items = reader.list(node, what: "a list of objectives") {
      if items.isEmpty { reader.report(.emptyList("objectives"), at: node) }
      for (index, item) in items.enumerated() {
        if !isDrehbuch, case .scalar = item, let text = reader.string(item, what: "an objective") {
          // The earlier format: objectives as sentences, numbered.
          objectives.append(ExerciseObjective(id: "ziel-\(index + 1)", text: text, horizon: [], measures: []))
          objectiveMeasures.append([])
          objectiveSites.append(reader.site(of: item))
          continue
        }
        guard let read = readObjective(item) else { continue }
        objectives.append(read.objective)
        objectiveMeasures.append(read.measures)
        objectiveSites.append(read.site)
      }
    }
    let municipality = fields.string("municipality")
    let situation = fields.string("situation")
    let answers = fields.value("answers", required: false).map(readAnswers) ?? []
    let sources = fields.strings("sources", required: false) ?? []
    var injects: [Inject] = []
    var drafts: [InjectDraft] = []
    if let node = fields.value("injects"), let items = reader.list(node, what: "a list of injects") {
      if items.isEmpty { reader.report(.emptyList("injects"), at: node) }
      for (index, item) in items.enumerated() {
        guard let (inject, draft) = readInject(item, number: index + 1, isDrehbuch: isDrehbuch) else { continue }
        injects.append(inject)
        drafts.append(draft)
      }
    }
    guard let title, let type, let municipality, let situation, !objectives.isEmpty, !injects.isEmpty else {
      return nil
    }
    return Draft(
      exercise: Exercise(
        id: id, title: title, type: type, objectives: objectives, roles: [], municipality: municipality,
        situation: situation, answers: [], injects: injects, sourceIDs: sources),
      answers: answers, injects: drafts, objectiveMeasures: objectiveMeasures, objectiveSites: objectiveSites,
      roles: roles, isDrehbuch: isDrehbuch)
  }

  /// `{id, text, horizon: [Sätze], measures: [ids]}`.
  private func readObjective(_ node: Node) -> (objective: ExerciseObjective, measures: [Named], site: DiagnosticSite)? {
    guard let fields = reader.fields(node, what: "an objective") else { return nil }
    defer { fields.finish() }
    let idNode = fields.value("id")
    let id = idNode.flatMap { checkedID($0) }
    let text = fields.string("text")
    let horizon = fields.strings("horizon")
    let measures = fields.value("measures", required: false).map { names($0, what: "a measure id") } ?? []
    guard let id, let text, let horizon, let idNode else { return nil }
    return (ExerciseObjective(id: id, text: text, horizon: horizon, measures: []), measures, reader.site(of: idNode))
  }

  private func readInject(_ node: Node, number: Int, isDrehbuch: Bool) -> (Inject, InjectDraft)? {
    guard let fields = reader.fields(node, what: "an inject") else { return nil }
    defer { fields.finish() }
    var draft = InjectDraft(idSite: reader.site(of: node))
    var id = "einlage-\(number)"
    if let idNode = fields.value("id", required: isDrehbuch) {
      guard let checked = checkedID(idNode) else { return nil }
      id = checked
      draft.idSite = reader.site(of: idNode)
    }
    var time: String?
    var at: ExerciseTime?
    if isDrehbuch {
      if let atNode = fields.value("at"), let text = reader.string(atNode, what: "'at'") {
        draft.atSite = reader.site(of: atNode)
        at = ExerciseTime(text)
        // Reported, and read on: the rest of the inject is checked too, and the error keeps the
        // knowledge base from loading.
        if at == nil { reader.report(.invalidExerciseTime(text), at: atNode) }
        time = text
      }
    } else {
      time = fields.string("time")
    }
    let from = isDrehbuch ? fields.string("from") : nil
    if isDrehbuch, let toNode = fields.value("to"), let name = reader.string(toNode, what: "a role id") {
      draft.to = (name, reader.site(of: toNode))
    }
    let channel = isDrehbuch ? fields.string("channel") : nil
    let title = fields.string("title")
    let text = fields.string("text")
    draft.answers = fields.value("answers", required: false).map(readAnswers) ?? []
    var expectedAction: String?
    if let node = fields.value("expected", required: isDrehbuch) {
      if case .sequence = node {
        draft.expected = names(node, what: "a measure id")
      } else if let expected = reader.fields(node, what: "'expected' (action and measures)") {
        expectedAction = expected.string("action")
        draft.expected = expected.value("measures", required: false).map { names($0, what: "a measure id") } ?? []
        expected.finish()
      }
    }
    if let node = fields.value("objective", required: isDrehbuch) {
      draft.objectives = names(node, what: "an objective id")
    }
    let whenNode = fields.value("when", required: false)
    draft.hasCondition = whenNode != nil
    let condition = whenNode.flatMap { readCondition($0, into: &draft) }
    if let node = fields.value("replaces", required: false), let name = reader.string(node, what: "an inject id") {
      draft.replaces = (name, reader.site(of: node))
    }
    // A missing sender, recipient or channel is reported; the inject is kept so that branches
    // naming it are not reported as well.
    guard let time, let title, let text else { return nil }
    let inject = Inject(
      id: id, time: time, at: at, from: from ?? "", to: draft.to?.name ?? "", channel: channel ?? "", title: title,
      text: text, expectedAction: expectedAction, objectiveIDs: draft.objectives.map(\.name), condition: condition,
      replaces: draft.replaces?.name)
    return (inject, draft)
  }

  /// `{decided: MEASURE}`, `{not_decided: MEASURE}` or `{control: "Frage an die Übungsleitung"}`.
  private func readCondition(_ node: Node, into draft: inout InjectDraft) -> InjectCondition? {
    guard let fields = reader.fields(node, what: "a condition ('when')") else { return nil }
    defer { fields.finish() }
    let kinds = ["decided", "not_decided", "control"]
    let given = fields.pairs.filter { kinds.contains($0.key) }
    guard given.count == 1, let pair = given.first else {
      reader.report(
        .invalidBranch(
          "'when' needs exactly one of 'decided: MEASURE', 'not_decided: MEASURE' or 'control: \"question to the exercise director\"'"
        ), at: node)
      _ = kinds.map { fields.value($0, required: false) }
      return nil
    }
    guard let value = fields.string(pair.key) else { return nil }
    if pair.key == "control" { return .control(value) }
    // The measure is resolved later; the index is filled in then.
    draft.condition = (pair.key == "decided", (value, reader.site(of: pair.value)))
    return pair.key == "decided" ? .decided(MeasureID(-1)) : .notDecided(MeasureID(-1))
  }

  /// A valid id, or nil after reporting it.
  private func checkedID(_ node: Node) -> String? {
    guard let name = reader.string(node, what: "'id'") else { return nil }
    guard IdentifierSyntax.isValid(name) else {
      reader.report(.invalidID(name), at: node)
      return nil
    }
    return name
  }

  /// One name or a list of names, each with its place.
  private func names(_ node: Node, what: String) -> [Named] {
    let items: [Node]
    if case .scalar = node { items = [node] } else { items = reader.list(node, what: "a list of \(what)s") ?? [] }
    return items.compactMap { item in reader.string(item, what: what).map { ($0, reader.site(of: item)) } }
  }

  /// A map `question id: answer` as written.
  private func readAnswers(_ node: Node) -> [(question: String, answer: String, site: DiagnosticSite)] {
    guard let map = reader.fields(node, what: "'answers'") else { return [] }
    var result: [(String, String, DiagnosticSite)] = []
    for (question, key, value) in map.pairs {
      _ = map.value(question)
      let text: String?
      if case .sequence(let items) = value {
        text = items.compactMap { reader.string($0, what: "an answer") }.joined(separator: ", ")
      } else {
        text = reader.string(value, what: "an answer")
      }
      if let text { result.append((question, text, reader.site(of: key))) }
    }
    map.finish()
    return result
  }
}
