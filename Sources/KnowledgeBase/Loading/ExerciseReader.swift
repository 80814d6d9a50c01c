import RuleLanguage
import Yams

/// Reads one exercise file; ids are resolved later, when questions and measures are known.
struct ExerciseReader {
  let reader: YAMLReader
  let id: String

  struct Draft {
    var exercise: Exercise
    var answers: [(question: String, answer: String, site: DiagnosticSite)]
    var injectAnswers: [[(question: String, answer: String, site: DiagnosticSite)]]
    var expected: [[(measure: String, site: DiagnosticSite)]]
  }

  func read() -> Draft? {
    guard let root = reader.root(), let fields = reader.fields(root, what: "an exercise") else { return nil }
    defer { fields.finish() }
    let title = fields.string("title")
    let type = fields.string("type")
    let objectives = fields.strings("objectives")
    let municipality = fields.string("municipality")
    let situation = fields.string("situation")
    let answers = fields.value("answers", required: false).map(readAnswers) ?? []
    let sources = fields.strings("sources", required: false) ?? []
    var injects: [Inject] = []
    var injectAnswers: [[(String, String, DiagnosticSite)]] = []
    var expected: [[(String, DiagnosticSite)]] = []
    if let node = fields.value("injects"), let items = reader.list(node, what: "a list of injects") {
      if items.isEmpty { reader.report(.emptyList("injects"), at: node) }
      for item in items {
        guard let inject = reader.fields(item, what: "an inject") else { continue }
        let time = inject.string("time")
        let injectTitle = inject.string("title")
        let text = inject.string("text")
        let answers = inject.value("answers", required: false).map(readAnswers) ?? []
        var measures: [(String, DiagnosticSite)] = []
        if let list = inject.value("expected", required: false),
          let entries = reader.list(list, what: "a list of measure ids")
        {
          for entry in entries {
            if let name = reader.string(entry, what: "a measure id") { measures.append((name, reader.site(of: entry))) }
          }
        }
        inject.finish()
        guard let time, let injectTitle, let text else { continue }
        injects.append(Inject(time: time, title: injectTitle, text: text, answers: [], expected: []))
        injectAnswers.append(answers)
        expected.append(measures)
      }
    }
    guard let title, let type, let objectives, let municipality, let situation, !injects.isEmpty else { return nil }
    return Draft(
      exercise: Exercise(
        id: id, title: title, type: type, objectives: objectives, municipality: municipality,
        situation: situation, answers: [], injects: injects, sourceIDs: sources),
      answers: answers, injectAnswers: injectAnswers, expected: expected)
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
