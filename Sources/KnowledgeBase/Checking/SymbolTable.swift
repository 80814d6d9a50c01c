import RuleLanguage

/// Ids of one kind mapped to their index and where they were declared.
struct SymbolTable: Sendable {
  let kind: EntityKind
  private(set) var names: [String] = []
  private(set) var sites: [DiagnosticSite] = []
  private var index: [String: Int] = [:]

  init(kind: EntityKind) { self.kind = kind }

  /// Adds an id; returns the site of the first declaration when the id is taken.
  mutating func declare(_ name: String, at site: DiagnosticSite) -> DiagnosticSite? {
    if let existing = index[name] { return sites[existing] }
    index[name] = names.count
    names.append(name)
    sites.append(site)
    return nil
  }

  /// Makes room for `count` ids at once, instead of growing (and rehashing) as they come.
  mutating func reserveCapacity(_ count: Int) {
    names.reserveCapacity(count)
    sites.reserveCapacity(count)
    index.reserveCapacity(count)
  }

  subscript(name: String) -> Int? { index[name] }

  /// The id declared with `name`, typed for the table it indexes.
  func id<Entity>(_ name: String) -> ID<Entity>? { index[name].map(ID.init) }

  func suggestion(for name: String) -> String? { Suggestion.closest(to: name, in: names) }
}
