import RuleLanguage
import Yams

/// A declaration read from a file, with where its id stands.
struct Declared<Value> {
  var value: Value
  var id: String
  var site: DiagnosticSite
}

/// The kinds of thing an id can name.
enum EntityKind: String, CaseIterable {
  case question, fact, group, factor
  case level = "factor level"
  case pattern, measure, source, rule, term
}

/// A reference by id from one declaration to another, checked once everything is read.
struct Reference {
  var kind: EntityKind
  var name: String
  var site: DiagnosticSite
}

/// A question as read, before its group and relevance are resolved.
struct DraftQuestion {
  var question: Question
  var groupName: String
  var groupSite: DiagnosticSite
  var relevance: (text: String, reader: YAMLReader, node: Node)?
}

/// The priority formula as read, before the phase question is resolved.
struct DraftPriority {
  var weight: FixedDecimal
  var phaseQuestion: Reference?
  var defaultUrgency: [Horizon: FixedDecimal]
  var urgency: [Phase: [Horizon: FixedDecimal]]
  var phaseMatch: FixedDecimal
  var weakness: WeaknessMode
  var effort: [Effort: FixedDecimal]
  var patternSuspected: FixedDecimal
  var patternEstablished: FixedDecimal
}

/// A term as read, before its question and values are resolved.
struct DraftTerm {
  var id: String
  var question: Reference
  var defaultText: String
  var values: [(option: String, text: String, site: DiagnosticSite)]
  /// `cases:` entries: the condition as written (with its reader and node, for positions) and the text.
  var cases: [(condition: (text: String, reader: YAMLReader, node: Node), text: String)] = []
}

/// A source as read, before its kind is derived from the domain list.
struct DraftSource {
  var id: String
  var title: String
  var publisher: String
  var year: Int?
  var url: String
  var urlSite: DiagnosticSite
  var declaredKind: (kind: SourceKind, site: DiagnosticSite)?
  var verified: Bool
}

/// What a publisher domain in `source_domains` stands for.
enum DomainClass: Equatable {
  case kind(SourceKind)
  /// A site that copies other publishers' documents; never to be cited.
  case aggregator
}

/// Everything read from the knowledge files, before names are resolved across files.
struct KnowledgeDraft {
  var info: Declared<KnowledgeBaseInfo>?
  var levels: Declared<[FactorLevel]>?
  var levelSites: [DiagnosticSite] = []
  var priority: Declared<DraftPriority>?
  var groups: [Declared<QuestionGroup>] = []
  var questions: [Declared<DraftQuestion>] = []
  var factors: [Declared<Factor>] = []
  var patterns: [Declared<Pattern>] = []
  var measures: [Declared<Measure>] = []
  var sources: [Declared<DraftSource>] = []
  var domains: [(domain: String, kind: DomainClass, site: DiagnosticSite)] = []
  /// Where the first `source_domains` section stands, for a missing-section check.
  var domainSection: DiagnosticSite?
  var terms: [Declared<DraftTerm>] = []
  var staffRoles: [Declared<StaffRole>] = []
  var references: [Reference] = []
  var placeholders: [(name: String, site: DiagnosticSite)] = []
}
