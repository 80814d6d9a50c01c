import RuleLanguage
import Yams

/// Reads the sections of one knowledge YAML file into the draft.
struct KnowledgeFileReader {
  static let sections = [
    "knowledge_base", "factor_levels", "priority", "groups", "questions", "factors", "patterns",
    "measures", "sources", "source_domains", "terms", "staff_roles",
  ]

  let reader: YAMLReader

  func read(into draft: inout KnowledgeDraft) {
    guard let root = reader.root() else { return }
    guard let sections = reader.fields(root, what: "a knowledge file") else { return }
    for (name, keyNode, value) in sections.pairs {
      switch name {
      case "knowledge_base": readInfo(value, keyNode, into: &draft)
      case "factor_levels": readLevels(value, keyNode, into: &draft)
      case "priority": readPriority(value, keyNode, into: &draft)
      case "groups": readEach(value, "group") { readGroup($0, into: &draft) }
      case "questions": readEach(value, "question") { readQuestion($0, into: &draft) }
      case "factors": readEach(value, "factor") { readFactor($0, into: &draft) }
      case "patterns": readEach(value, "pattern") { readPattern($0, into: &draft) }
      case "measures": readEach(value, "measure") { readMeasure($0, into: &draft) }
      case "sources": readEach(value, "source") { readSource($0, into: &draft) }
      case "source_domains": readDomains(value, keyNode, into: &draft)
      case "terms": readEach(value, "term") { readTerm($0, into: &draft) }
      case "staff_roles": readEach(value, "staff role") { readStaffRole($0, into: &draft) }
      default:
        reader.report(
          .unknownSection(name, suggestion: Suggestion.closest(to: name, in: Self.sections)),
          at: keyNode)
      }
    }
  }

  private func readEach(_ node: Node, _ what: String, _ body: (Node) -> Void) {
    if case .scalar(let scalar) = node, scalar.string.isEmpty { return }
    guard let items = reader.list(node, what: "a list of \(what)s") else { return }
    items.forEach(body)
  }

  /// The `id` field, checked for its spelling; nil when missing or malformed.
  private func id(_ fields: FieldMap) -> (String, DiagnosticSite)? {
    guard let node = fields.value("id"), let name = reader.string(node, what: "'id'") else {
      return nil
    }
    guard IdentifierSyntax.isValid(name) else {
      reader.report(.invalidID(name), at: node)
      return nil
    }
    return (name, reader.site(of: node))
  }

  private func references(
    _ fields: FieldMap, _ key: String, _ kind: EntityKind, required: Bool, into draft: inout KnowledgeDraft
  ) -> [String] {
    guard let node = fields.value(key, required: required) else { return [] }
    let items: [Node]
    if case .scalar = node { items = [node] } else { items = reader.list(node, what: "'\(key)'") ?? [] }
    if required, items.isEmpty { reader.report(.emptyList(key), at: node) }
    var names: [String] = []
    for item in items {
      guard let name = reader.string(item, what: "a \(kind.rawValue) id") else { continue }
      names.append(name)
      draft.references.append(Reference(kind: kind, name: name, site: reader.site(of: item)))
    }
    return names
  }

  private func enumValue<E: RawRepresentable & CaseIterable>(
    _ fields: FieldMap, _ key: String, _ type: E.Type
  ) -> E? where E.RawValue == String {
    guard let node = fields.value(key), let text = reader.string(node, what: "'\(key)'") else {
      return nil
    }
    guard let value = E(rawValue: text) else {
      let allowed = E.allCases.map(\.rawValue)
      reader.report(
        .invalidChoice(text, field: key, allowed: allowed, suggestion: Suggestion.closest(to: text, in: allowed)),
        at: node)
      return nil
    }
    return value
  }

  // MARK: - Singleton sections

  private func readInfo(_ node: Node, _ keyNode: Node, into draft: inout KnowledgeDraft) {
    if let first = draft.info {
      reader.report(
        .duplicateSection("knowledge_base"), at: keyNode, notes: [.init("first declared here", at: first.site)])
      return
    }
    guard let fields = reader.fields(node, what: "'knowledge_base'") else { return }
    defer { fields.finish() }
    let id = self.id(fields)
    let title = fields.string("title")
    let version = fields.string("version")
    let description = fields.string("description", required: false)
    guard let (name, _) = id, let title, let version else { return }
    draft.info = Declared(
      value: KnowledgeBaseInfo(id: name, title: title, version: version, description: description),
      id: name, site: reader.site(of: keyNode))
  }

  private func readLevels(_ node: Node, _ keyNode: Node, into draft: inout KnowledgeDraft) {
    guard let items = reader.list(node, what: "a list of factor levels") else { return }
    if let first = draft.levels {
      reader.report(
        .duplicateSection("factor_levels"), at: keyNode, notes: [.init("first declared here", at: first.site)])
      return
    }
    var levels: [FactorLevel] = []
    var sites: [DiagnosticSite] = []
    for item in items {
      guard let fields = reader.fields(item, what: "a factor level") else { continue }
      defer { fields.finish() }
      let id = self.id(fields)
      let title = fields.string("title")
      let weakness = fields.decimal("weakness")
      guard let (name, site) = id, let title, let weakness else { continue }
      levels.append(FactorLevel(id: name, title: title, weakness: weakness))
      sites.append(site)
    }
    if items.isEmpty { reader.report(.emptyList("factor_levels"), at: node) }
    if levels.count > 64 { reader.report(.tooManyValues("factor_levels"), at: node) }
    draft.levels = Declared(value: levels, id: "factor_levels", site: reader.site(of: keyNode))
    draft.levelSites = sites
  }

  private func horizonPoints(_ node: Node, what: String) -> [Horizon: FixedDecimal]? {
    guard let fields = reader.fields(node, what: what) else { return nil }
    defer { fields.finish() }
    var result: [Horizon: FixedDecimal] = [:]
    for horizon in Horizon.allCases {
      if let points = fields.decimal(horizon.rawValue) { result[horizon] = points }
    }
    return result.count == Horizon.allCases.count ? result : nil
  }

  private func readPriority(_ node: Node, _ keyNode: Node, into draft: inout KnowledgeDraft) {
    if let first = draft.priority {
      reader.report(.duplicateSection("priority"), at: keyNode, notes: [.init("first declared here", at: first.site)])
      return
    }
    guard let fields = reader.fields(node, what: "'priority'") else { return }
    defer { fields.finish() }
    let weight = fields.decimal("weight")
    var phaseQuestion: Reference?
    if let node = fields.value("phase_question", required: false),
      let name = reader.string(node, what: "a question id")
    {
      phaseQuestion = Reference(kind: .question, name: name, site: reader.site(of: node))
    }
    var defaultUrgency: [Horizon: FixedDecimal]?
    var urgency: [Phase: [Horizon: FixedDecimal]] = [:]
    var urgencyComplete = true
    if let urgencyNode = fields.value("urgency"),
      let phases = reader.fields(urgencyNode, what: "'urgency'")
    {
      for (name, key, value) in phases.pairs {
        _ = phases.value(name)
        let points = horizonPoints(value, what: "urgency of '\(name)'")
        if points == nil { urgencyComplete = false }
        if name == "default" {
          defaultUrgency = points
        } else if let phase = Phase(rawValue: name) {
          urgency[phase] = points
        } else {
          let allowed = ["default"] + Phase.allCases.map(\.rawValue)
          reader.report(
            .invalidChoice(
              name, field: "urgency", allowed: allowed, suggestion: Suggestion.closest(to: name, in: allowed)),
            at: key)
          urgencyComplete = false
        }
      }
      phases.finish()
      if defaultUrgency == nil, urgencyComplete {
        reader.report(.missingField("default", in: "'urgency'"), at: urgencyNode)
      }
    }
    let phaseMatch =
      fields.value("phase_match", required: false) == nil ? FixedDecimal.zero : fields.decimal("phase_match")
    let weakness = enumValue(fields, "weakness", WeaknessMode.self)
    var effort: [Effort: FixedDecimal]?
    if let effortNode = fields.value("effort"), let efforts = reader.fields(effortNode, what: "'effort'") {
      var points: [Effort: FixedDecimal] = [:]
      for level in Effort.allCases {
        if let value = efforts.decimal(level.rawValue) { points[level] = value }
      }
      efforts.finish()
      if points.count == Effort.allCases.count { effort = points }
    }
    var patternPoints = (suspected: FixedDecimal.zero, established: FixedDecimal.zero)
    if let patternNode = fields.value("pattern", required: false),
      let states = reader.fields(patternNode, what: "'pattern'")
    {
      patternPoints = (states.decimal("suspected") ?? .zero, states.decimal("established") ?? .zero)
      states.finish()
    }
    guard let weight, let defaultUrgency, let phaseMatch, let weakness, let effort else { return }
    draft.priority = Declared(
      value: DraftPriority(
        weight: weight, phaseQuestion: phaseQuestion, defaultUrgency: defaultUrgency, urgency: urgency,
        phaseMatch: phaseMatch, weakness: weakness, effort: effort, patternSuspected: patternPoints.suspected,
        patternEstablished: patternPoints.established),
      id: "priority", site: reader.site(of: keyNode))
  }

  // MARK: - Lists of entities

  private func readGroup(_ node: Node, into draft: inout KnowledgeDraft) {
    guard let fields = reader.fields(node, what: "a group") else { return }
    defer { fields.finish() }
    let id = self.id(fields)
    let title = fields.string("title")
    let profile = fields.boolean("profile", required: false) ?? false
    let validFor = duration(fields, "valid_for")
    guard let (name, site) = id, let title else { return }
    draft.groups.append(
      Declared(
        value: QuestionGroup(id: name, title: title, profile: profile, validFor: validFor), id: name, site: site))
  }

  private func readQuestion(_ node: Node, into draft: inout KnowledgeDraft) {
    guard let fields = reader.fields(node, what: "a question") else { return }
    defer { fields.finish() }
    let id = self.id(fields)
    let text = fields.string("text")
    let type = enumValue(fields, "type", QuestionType.self)
    let help = fields.string("help")
    let groupNode = fields.value("group")
    let groupName = groupNode.flatMap { reader.string($0, what: "a group id") }
    let unit = fields.string("unit", required: false)
    var options: [AnswerOption] = []
    var minimum: FixedDecimal?
    var maximum: FixedDecimal?
    var valid = true
    switch type {
    case .yesno:
      options = [AnswerOption(id: "ja", text: "ja"), AnswerOption(id: "nein", text: "nein")]
      if let node = fields.value("values", required: false) {
        reader.report(.fieldNotAllowed("values", type: "yesno"), at: node)
      }
    case .choice, .multi:
      if let node = fields.value("values") {
        options = readOptions(node) ?? []
        if options.isEmpty { valid = false }
      } else {
        valid = false
      }
    case .number, .scale:
      minimum = fields.decimal("min")
      maximum = fields.decimal("max")
      if let node = fields.value("values", required: false), let type {
        reader.report(.fieldNotAllowed("values", type: type.rawValue), at: node)
      }
      if let minimum, let maximum, minimum > maximum {
        reader.report(.invalidRange(min: minimum.description, max: maximum.description), at: fields.node)
        valid = false
      }
      if type == .scale, let minimum, let maximum, !minimum.isWhole || !maximum.isWhole {
        reader.report(.expectedWholeNumber("a scale's 'min' and 'max'"), at: fields.node)
        valid = false
      }
      if minimum == nil || maximum == nil { valid = false }
    case nil:
      _ = fields.value("values", required: false)
      _ = fields.value("min", required: false)
      _ = fields.value("max", required: false)
      valid = false
    }
    var relevance: (String, YAMLReader, Node)?
    if let node = fields.value("relevant", required: false), let condition = reader.string(node, what: "a condition") {
      relevance = (condition, reader, node)
    }
    let asksFirst = fields.boolean("ask_first", required: false) ?? false
    let clarify = fields.string("clarify", required: false)
    let clarifyWith = fields.string("clarify_with", required: false)
    let profile = fields.boolean("profile", required: false)
    let validFor = duration(fields, "valid_for")
    guard valid, let (name, site) = id, let text, let type, let help, let groupName, let groupNode else { return }
    var question = Question(
      id: name, text: text, type: type, options: options, minimum: minimum, maximum: maximum,
      unit: unit, help: help, group: ID(0), relevance: nil, relevanceText: relevance?.0)
    question.asksFirst = asksFirst
    question.clarify = clarify
    question.clarifyWith = clarifyWith
    question.profileOverride = profile
    question.validForOverride = validFor
    draft.questions.append(
      Declared(
        value: DraftQuestion(
          question: question, groupName: groupName, groupSite: reader.site(of: groupNode), relevance: relevance),
        id: name, site: site))
  }

  /// An optional duration such as `6h` in seconds; a malformed one is reported.
  private func duration(_ fields: FieldMap, _ key: String) -> Int? {
    guard let node = fields.value(key, required: false), let text = reader.string(node, what: "'\(key)'") else {
      return nil
    }
    guard let seconds = Self.seconds(text) else {
      reader.report(.invalidDuration(text), at: node)
      return nil
    }
    return seconds
  }

  /// `30min`, `6h`, `3d`, `2w` in seconds; nil for anything else (or zero).
  static func seconds(_ text: String) -> Int? {
    let units: [(String, Int)] = [("min", 60), ("h", 3_600), ("d", 86_400), ("w", 604_800)]
    for (unit, factor) in units where text.hasSuffix(unit) {
      guard let number = Int(text.dropLast(unit.count)), number > 0, number <= 5_200 else { return nil }
      return number * factor
    }
    return nil
  }

  private func readOptions(_ node: Node) -> [AnswerOption]? {
    guard let items = reader.list(node, what: "a list of values") else { return nil }
    var options: [AnswerOption] = []
    var seen: [String: DiagnosticSite] = [:]
    for item in items {
      let option: AnswerOption
      if case .scalar = item {
        guard let name = reader.string(item, what: "a value id") else { continue }
        option = AnswerOption(id: name, text: name)
      } else {
        guard let fields = reader.fields(item, what: "a value") else { continue }
        let id = fields.string("id")
        let text = fields.string("text")
        let aliases = fields.strings("aliases", required: false) ?? []
        fields.finish()
        guard let id, let text else { continue }
        option = AnswerOption(id: id, text: text, aliases: aliases)
      }
      guard IdentifierSyntax.isValid(option.id) else {
        reader.report(.invalidID(option.id), at: item)
        continue
      }
      if let first = seen[option.id] {
        reader.report(
          .duplicateID(kind: "value", option.id), at: item, notes: [.init("first declared here", at: first)])
        continue
      }
      seen[option.id] = reader.site(of: item)
      options.append(option)
    }
    if items.isEmpty { reader.report(.emptyList("values"), at: node) }
    if options.count > 64 {
      reader.report(.tooManyValues("values"), at: node)
      return nil
    }
    return options
  }

  private func readFactor(_ node: Node, into draft: inout KnowledgeDraft) {
    guard let fields = reader.fields(node, what: "a factor") else { return }
    defer { fields.finish() }
    let id = self.id(fields)
    let title = fields.string("title")
    let finding = fields.string("finding")
    let undrr = fields.strings("undrr", required: false) ?? []
    let sources = references(fields, "sources", .source, required: true, into: &draft)
    guard let (name, site) = id, let title, let finding else { return }
    draft.factors.append(
      Declared(
        value: Factor(id: name, title: title, finding: finding, undrr: undrr, sourceIDs: sources),
        id: name, site: site))
  }

  private func readPattern(_ node: Node, into draft: inout KnowledgeDraft) {
    guard let fields = reader.fields(node, what: "a pattern") else { return }
    defer { fields.finish() }
    let id = self.id(fields)
    let title = fields.string("title")
    let description = fields.string("description")
    let indicators = fields.strings("indicators")
    let failureModes = fields.strings("failure_modes", required: false) ?? []
    let suspected = fields.decimal("suspected")
    let established = fields.decimal("established")
    let factors = references(fields, "factors", .factor, required: false, into: &draft)
    let sources = references(fields, "sources", .source, required: true, into: &draft)
    if let suspected, let established, established < suspected {
      reader.report(
        .thresholdOrder(suspected: suspected.description, established: established.description), at: fields.node)
      return
    }
    if let suspected, suspected <= .zero, let node = fields.value("suspected") {
      reader.report(.thresholdNotPositive, at: node)
      return
    }
    guard let (name, site) = id, let title, let description, let indicators, let suspected, let established
    else { return }
    draft.patterns.append(
      Declared(
        value: Pattern(
          id: name, title: title, description: description, indicators: indicators,
          failureModes: failureModes, suspected: suspected, established: established,
          factorIDs: factors, sourceIDs: sources),
        id: name, site: site))
  }

  private func readMeasure(_ node: Node, into draft: inout KnowledgeDraft) {
    guard let fields = reader.fields(node, what: "a measure") else { return }
    defer { fields.finish() }
    let id = self.id(fields)
    let title = fields.string("title")
    let description = fields.string("description")
    let prevents = fields.string("prevents")
    let steps = fields.strings("steps")
    let office = fields.string("office")
    let horizon = enumValue(fields, "horizon", Horizon.self)
    let effort = enumValue(fields, "effort", Effort.self)
    var phases: [Phase] = []
    var phasesValid = true
    if let node = fields.value("phases") {
      let items: [Node] = if case .scalar = node { [node] } else { reader.list(node, what: "'phases'") ?? [] }
      if items.isEmpty {
        reader.report(.emptyList("phases"), at: node)
        phasesValid = false
      }
      for item in items {
        guard let text = reader.string(item, what: "a phase") else {
          phasesValid = false
          continue
        }
        guard let phase = Phase(rawValue: text) else {
          let allowed = Phase.allCases.map(\.rawValue)
          reader.report(
            .invalidChoice(
              text, field: "phases", allowed: allowed, suggestion: Suggestion.closest(to: text, in: allowed)),
            at: item)
          phasesValid = false
          continue
        }
        phases.append(phase)
      }
    } else {
      phasesValid = false
    }
    let factors = references(fields, "factors", .factor, required: true, into: &draft)
    let patterns = references(fields, "patterns", .pattern, required: false, into: &draft)
    let sources = references(fields, "sources", .source, required: true, into: &draft)
    var reviewed: String?
    if let node = fields.value("reviewed"), let text = reader.string(node, what: "'reviewed'") {
      if ReviewDate.isValid(text) {
        reviewed = text
      } else {
        reader.report(.invalidReviewDate(text), at: node)
      }
    }
    var examples: [PracticeExample] = []
    if let node = fields.value("examples", required: false), let items = reader.list(node, what: "a list of examples") {
      for item in items {
        guard let example = reader.fields(item, what: "an example") else { continue }
        let place = example.string("place")
        let year = example.integer("year", required: false)
        let text = example.string("text")
        let source = references(example, "source", .source, required: true, into: &draft)
        example.finish()
        guard let place, let text, let sourceID = source.first else { continue }
        examples.append(PracticeExample(place: place, year: year, text: text, sourceID: sourceID))
      }
    }
    var variants: [Phase: MeasureVariant] = [:]
    var variantsValid = true
    if let node = fields.value("by_phase", required: false), let map = reader.fields(node, what: "'by_phase'") {
      for (key, keyNode, value) in map.pairs {
        _ = map.value(key)
        guard let phase = Phase(rawValue: key), phases.contains(phase) || !phasesValid else {
          let allowed = phases.map(\.rawValue)
          reader.report(
            .invalidChoice(
              key, field: "by_phase", allowed: allowed, suggestion: Suggestion.closest(to: key, in: allowed)),
            at: keyNode)
          variantsValid = false
          continue
        }
        guard let variantFields = reader.fields(value, what: "a phase variant") else {
          variantsValid = false
          continue
        }
        let variant = MeasureVariant(
          title: variantFields.string("title", required: false),
          steps: variantFields.strings("steps", required: false),
          horizon: variantFields.value("horizon", required: false) == nil
            ? nil : enumValue(variantFields, "horizon", Horizon.self))
        variantFields.finish()
        variants[phase] = variant
      }
      map.finish()
    }
    var conflicts: [MeasureConflict] = []
    if let node = fields.value("conflicts", required: false), let items = reader.list(node, what: "a list of conflicts")
    {
      for item in items {
        guard let conflict = reader.fields(item, what: "a conflict") else { continue }
        let other = references(conflict, "with", .measure, required: true, into: &draft)
        let text = conflict.string("text")
        conflict.finish()
        guard let otherID = other.first, let text else { continue }
        if let (name, _) = id, otherID == name {
          reader.report(.selfConflict(name), at: item)
          continue
        }
        conflicts.append(MeasureConflict(measureID: otherID, text: text))
      }
    }
    guard let (name, site) = id, let title, let description, let prevents, let steps, let office,
      let horizon, let effort, phasesValid, variantsValid, let reviewed
    else { return }
    var measure = Measure(
      id: name, title: title, description: description, prevents: prevents, steps: steps,
      office: office, horizon: horizon, effort: effort, phases: phases, factorIDs: factors,
      sourceIDs: sources, examples: examples, reviewed: reviewed)
    measure.patternIDs = patterns
    measure.variants = variants
    measure.conflicts = conflicts
    draft.measures.append(Declared(value: measure, id: name, site: site))
  }

  /// A staff function for exercises: `{id, title, staff, description, sources}`.
  private func readStaffRole(_ node: Node, into draft: inout KnowledgeDraft) {
    guard let fields = reader.fields(node, what: "a staff role") else { return }
    defer { fields.finish() }
    let id = self.id(fields)
    let title = fields.string("title")
    let staff = fields.string("staff")
    let description = fields.string("description")
    let sources = references(fields, "sources", .source, required: true, into: &draft)
    guard let (id, site) = id, let title, let staff, let description else { return }
    draft.staffRoles.append(
      Declared(
        value: StaffRole(id: id, title: title, staff: staff, description: description, sourceIDs: sources), id: id,
        site: site))
  }

  private func readTerm(_ node: Node, into draft: inout KnowledgeDraft) {
    guard let fields = reader.fields(node, what: "a term") else { return }
    defer { fields.finish() }
    let id = self.id(fields)
    let defaultText = fields.string("default")
    // A term's text is put in as it stands; a placeholder in it would be printed literally.
    if let node = fields.value("default", required: false), let text = defaultText {
      reportPlaceholders(in: text, at: node)
    }
    var question: Reference?
    if let node = fields.value("question"), let name = reader.string(node, what: "a question id") {
      question = Reference(kind: .question, name: name, site: reader.site(of: node))
    }
    var values: [(String, String, DiagnosticSite)] = []
    if let node = fields.value("values"), let map = reader.fields(node, what: "'values'") {
      for (option, key, value) in map.pairs {
        _ = map.value(option)
        if let text = reader.string(value, what: "the text for '\(option)'") {
          reportPlaceholders(in: text, at: value)
          values.append((option, text, reader.site(of: key)))
        }
      }
      map.finish()
    }
    var cases: [(condition: (text: String, reader: YAMLReader, node: Node), text: String)] = []
    if let node = fields.value("cases", required: false) {
      readEach(node, "term case") { item in
        guard let entry = reader.fields(item, what: "a term case") else { return }
        defer { entry.finish() }
        guard let whenNode = entry.value("when"), let condition = reader.string(whenNode, what: "a condition"),
          let textNode = entry.value("text"), let text = reader.string(textNode, what: "the text")
        else { return }
        reportPlaceholders(in: text, at: textNode)
        cases.append(((condition, reader, whenNode), text))
      }
    }
    guard let (name, site) = id, let defaultText, let question else { return }
    var term = DraftTerm(id: name, question: question, defaultText: defaultText, values: values)
    term.cases = cases
    draft.terms.append(Declared(value: term, id: name, site: site))
  }

  private func reportPlaceholders(in text: String, at node: Node) {
    if let name = Placeholder.names(in: text).first {
      reader.report(.placeholderInTerm(name), at: node)
    }
  }

  private func readSource(_ node: Node, into draft: inout KnowledgeDraft) {
    guard let fields = reader.fields(node, what: "a source") else { return }
    defer { fields.finish() }
    let id = self.id(fields)
    let title = fields.string("title")
    let publisher = fields.string("publisher")
    let year = fields.integer("year", required: false)
    let urlNode = fields.value("url")
    var url: String?
    if let urlNode, let text = reader.string(urlNode, what: "a URL") {
      if (text.hasPrefix("https://") || text.hasPrefix("http://")) && SourceDomains.host(of: text) != nil {
        url = text
      } else {
        reader.report(.invalidURL(text), at: urlNode)
      }
    }
    var declaredKind: (SourceKind, DiagnosticSite)?
    if let kindNode = fields.value("kind", required: false), let kind = enumValue(fields, "kind", SourceKind.self) {
      declaredKind = (kind, reader.site(of: kindNode))
    }
    var verified = true
    if let node = fields.value("ungeprüft", required: false), let unverified = reader.boolean(node, what: "'ungeprüft'")
    {
      verified = !unverified
    }
    guard let (name, site) = id, let title, let publisher, let url, let urlNode else { return }
    draft.sources.append(
      Declared(
        value: DraftSource(
          id: name, title: title, publisher: publisher, year: year, url: url, urlSite: reader.site(of: urlNode),
          declaredKind: declaredKind, verified: verified),
        id: name, site: site))
  }

  /// `source_domains`: a map from a kind (or `aggregator`) to the publisher domains of that kind.
  /// It may appear in several files; the lists add up.
  private func readDomains(_ node: Node, _ keyNode: Node, into draft: inout KnowledgeDraft) {
    if draft.domainSection == nil { draft.domainSection = reader.site(of: keyNode) }
    guard let kinds = reader.fields(node, what: "'source_domains'") else { return }
    let allowed = SourceKind.allCases.map(\.rawValue) + ["aggregator"]
    for (name, key, value) in kinds.pairs {
      _ = kinds.value(name)
      let kind: DomainClass
      if let sourceKind = SourceKind(rawValue: name) {
        kind = .kind(sourceKind)
      } else if name == "aggregator" {
        kind = .aggregator
      } else {
        reader.report(
          .invalidChoice(
            name, field: "source_domains", allowed: allowed, suggestion: Suggestion.closest(to: name, in: allowed)),
          at: key)
        continue
      }
      guard let items = reader.list(value, what: "a list of domains") else { continue }
      for item in items {
        guard let domain = reader.string(item, what: "a domain") else { continue }
        guard SourceDomains.isValidDomain(domain) else {
          reader.report(.invalidDomain(domain), at: item)
          continue
        }
        draft.domains.append((domain, kind, reader.site(of: item)))
      }
    }
    kinds.finish()
  }
}
