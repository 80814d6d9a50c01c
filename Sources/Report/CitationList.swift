import KnowledgeBase

/// Numbers sources in the order the report first cites them, and keeps the bibliography.
struct CitationList {
  let kb: KnowledgeBase
  private var numbers: [SourceID: Int] = [:]
  private(set) var cited: [SourceID] = []

  init(kb: KnowledgeBase) {
    self.kb = kb
  }

  /// Citations for source ids, each source once, in the order given; unknown ids are left out
  /// (the checker reports them).
  mutating func cite(_ ids: [String]) -> [Citation] {
    var citations: [Citation] = []
    var seen = Set<SourceID>()
    for id in ids {
      guard let source = kb.sourceIndex[id], seen.insert(source).inserted else { continue }
      let number: Int
      if let known = numbers[source] {
        number = known
      } else {
        cited.append(source)
        number = cited.count
        numbers[source] = number
      }
      citations.append(Citation(number: number, anchor: "quelle-\(number)"))
    }
    return citations.sorted { $0.number < $1.number }
  }

  /// The bibliography: every cited source, by number.
  func bibliography(_ text: ReportText) -> [SourceEntry] {
    cited.enumerated().map { offset, index in
      let source = kb.sources[index]
      let lowered = source.url.lowercased()
      let isWeb = lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
      return SourceEntry(
        number: offset + 1, anchor: "quelle-\(offset + 1)", id: source.id, publisher: text.fill(source.publisher),
        year: source.year.map(String.init), title: text.fill(source.title), url: source.url,
        kind: source.kind.title, unverified: !source.verified, link: isWeb ? source.url : nil)
    }
  }
}
