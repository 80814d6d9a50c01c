/// Everything a report shows, as plain values a template reads by name.
///
/// Texts are German, with `{term}` placeholders filled, and raw: the template escapes them for
/// its format. Lists are in the order the report shows them.
public struct ReportModel: Sendable {
  /// `14. März 2026`, and `2026-03-14` for machines.
  public var date: String
  public var isoDate: String
  /// The time the report was made, German time („15:32 Uhr“), for a report of a consultation.
  public var time: String? = nil
  /// Who answers in the consultation (`name`), if said.
  public var author: String? = nil
  /// The first ten places of the advice, section by section (one group without a title outside
  /// Vorbereitung and Bewältigung), numbered as in the shell.
  public var first: [SectionGroup] = []
  /// The five most decisive open questions, for the one-page Lagebericht.
  public var topOpenQuestions: [OpenQuestionEntry] = []
  public var knowledgeBase: KnowledgeBaseEntry
  /// The municipality as answered: Land, type, size (only what was answered).
  public var municipality: [LabelledValue]
  public var summary: Summary
  public var situation: [AnswerGroup]
  /// Crisis patterns at least suspected, the strongest first.
  public var patterns: [PatternEntry]
  public var profile: Profile
  /// The recommended measures grouped by horizon: sofort, kurzfristig, langfristig.
  public var horizons: [HorizonGroup]
  /// Open questions whose answer could still change the advice, the most decisive first (at
  /// most `ReportOptions.openQuestionLimit`).
  public var openQuestions: [OpenQuestionEntry]
  /// How many more such questions there are beyond those listed.
  public var moreOpenQuestions: Int
  /// Decisions and notes kept with the consultation (by an exercise, for instance); often empty.
  public var decisions: [DecisionEntry]
  public var notes: [NoteEntry]
  /// Every source cited in the report, numbered in order of first citation.
  public var bibliography: [SourceEntry]
  /// The head the staff set with `kopf`: marking, municipality, situation, author, distribution.
  public var head = HeadEntry()
  /// What changed since the last report of this consultation; nil when none was written.
  public var sinceLast: SinceLastEntry? = nil
  /// Every recommended measure in the order of the advice (the print pack's pages).
  public var ranked: [MeasureEntry] = []
  /// What the staff should find out: answers given as „weiß nicht“ or skipped that still decide
  /// something, weightiest first, with whom to ask.
  public var openPoints: [OpenPointEntry] = []
}

/// An open point: what to clarify, with whom, and what it decides.
public struct OpenPointEntry: Sendable {
  public var number: Int
  /// The question's `clarify` text, else the question itself.
  public var clarify: String
  /// The question's `clarify_with`: whom to ask.
  public var ask: String?
  public var decides: [String]
}

/// The head of a report as the staff set it, with the marking prepared for the print margins.
public struct HeadEntry: Sendable {
  /// „VS – NUR FÜR DEN DIENSTGEBRAUCH“ or another marking; nil when none is set.
  public var marking: String? = nil
  public var municipality: String? = nil
  /// The staff's name as the municipality calls it (`bezeichnung stab`), or the knowledge base's.
  public var staff: String? = nil
  public var situation: String? = nil
  /// Name and function of who made the report („Dr. Weber, S2 Lage“).
  public var author: String? = nil
  public var distribution: String? = nil
  /// The marking and the running title as CSS string contents for `@page` margin boxes, every
  /// character outside a safe set written as a CSS escape (the template sets them in a style
  /// sheet, where HTML escaping would not apply).
  public var markingCSS = ""
  public var runningTitleCSS = ""

  /// Sets the running title of the print margins: „Druckmappe – Kommune – Lage – Datum, Uhrzeit“.
  mutating func retitle(_ document: String, date: String, time: String?) {
    let title = [document, municipality, situation].compactMap { $0 }.joined(separator: " – ")
    runningTitleCSS = Self.cssString(title + " – " + date + (time.map { ", \($0)" } ?? ""))
  }

  /// A text as the contents of a CSS string: letters, digits, spaces and plain punctuation as
  /// they are, everything else (quotes, backslashes, angle brackets, ampersands) as `\HEX `.
  static func cssString(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39)
        || " .,:;–-()/".unicodeScalars.contains(scalar)
      {
        out.unicodeScalars.append(scalar)
      } else {
        out += "\\" + String(scalar.value, radix: 16) + " "
      }
    }
    return out
  }
}

/// Changes since the previous report: when it was written and what is different now.
public struct SinceLastEntry: Sendable {
  /// German time of the previous report („5.12.2026 9:00 Uhr“), if known.
  public var time: String?
  public var changes: [String]
  /// Stored, not computed: templates read values by reflection.
  public var isUnchanged: Bool

  public init(time: String?, changes: [String]) {
    self.time = time
    self.changes = changes
    isUnchanged = changes.isEmpty
  }
}

/// The knowledge base the advice comes from.
public struct KnowledgeBaseEntry: Sendable {
  public var id: String
  public var title: String
  public var version: String
  public var description: String?
}

/// A label and its value, such as `Land: Hessen`.
public struct LabelledValue: Sendable {
  public var label: String
  public var value: String
}

/// The report at a glance: counts and the most urgent measures.
public struct Summary: Sendable {
  public var answers: Count
  /// Answers „weiß nicht“.
  public var gaps: Count
  /// Patterns at least suspected.
  public var patterns: Count
  public var measures: Count
  /// Open questions whose answer could still change the advice.
  public var openQuestions: Count
  /// The first measures by priority, whatever their horizon.
  public var topMeasures: [MeasureEntry]
}

/// A number with its noun in the right number: `1 Informationslücke`, `2 Informationslücken`.
public struct Count: Sendable {
  public var number: Int
  public var noun: String
  /// Number and noun: `2 Informationslücken`.
  public var text: String
  public var isZero: Bool

  init(_ number: Int, _ one: String, _ many: String) {
    self.number = number
    noun = number == 1 ? one : many
    text = "\(number) \(noun)"
    isZero = number == 0
  }
}

/// The answers of one topic group.
public struct AnswerGroup: Sendable {
  public var title: String
  public var answers: [AnswerEntry]
}

/// One answered question.
public struct AnswerEntry: Sendable {
  public var id: String
  public var question: String
  public var answer: String
  /// Answered with „weiß nicht“: an information gap.
  public var isGap: Bool
  /// When and by whom it was answered („5.12. 14:32 Uhr, S2 Lage“), where the journal says.
  public var stamp: String? = nil
  /// How old the answer is („vor 3 Std.“), from a minute on.
  public var age: String? = nil
  /// Older than its question allows (`valid_for`): to be confirmed.
  public var isStale = false
}

/// A reference to an entry of the bibliography.
public struct Citation: Sendable {
  public var number: Int
  /// `quelle-3`, the anchor of the entry in HTML.
  public var anchor: String
}

/// A crisis pattern with the evidence that recognised it.
public struct PatternEntry: Sendable {
  public var id: String
  public var title: String
  public var description: String
  /// `erkannt` or `Verdacht`.
  public var state: String
  public var isEstablished: Bool
  public var score: String
  /// `5 Punkte`, `1 Punkt`.
  public var scoreText: String
  public var suspectedAt: String
  public var establishedAt: String
  public var evidence: [EvidenceEntry]
  public var failureModes: [String]
  public var sources: [Citation]
}

/// One firing rule's points for or against a pattern.
public struct EvidenceEntry: Sendable {
  /// `+3`, `−2`.
  public var points: String
  public var isAgainst: Bool
  public var reason: String
  public var rule: String
  public var sources: [Citation]
}

/// The resilience profile: every factor's level, as a table and as a chart.
public struct Profile: Sendable {
  public var factors: [FactorEntry]
  /// The levels, worst first, as the chart's legend.
  public var levels: [LevelEntry]
  public var chart: ProfileChart
  public var assessedCount: Int
}

/// A factor level in the legend.
public struct LevelEntry: Sendable {
  public var title: String
  /// The fill pattern of its bars: `stufe-0` is the worst level.
  public var pattern: String
}

/// One resilience factor and how it stands.
public struct FactorEntry: Sendable {
  public var id: String
  /// `RF3`.
  public var code: String
  public var title: String
  /// The level's title, or `nicht bewertet`.
  public var level: String
  public var isAssessed: Bool
  /// The reasons of the rules that set the level.
  public var reasons: [String]
  public var finding: String
  public var sources: [Citation]
}

/// The measures of one horizon.
public struct HorizonGroup: Sendable {
  public var id: String
  public var title: String
  public var measures: [MeasureEntry]
}

/// A recommended measure with everything the staff needs to act on it.
public struct MeasureEntry: Sendable {
  /// The rank among all recommended measures, 1 first.
  public var rank: Int
  public var id: String
  public var title: String
  public var description: String
  public var horizon: String
  public var priority: String
  /// The priority as its sum of parts, e.g. `3 Gewicht der Regeln + 4 Dringlichkeit des Horizonts`.
  public var breakdown: String
  public var parts: [PriorityPartEntry]
  public var office: String
  public var effort: String
  /// The first steps, numbered.
  public var steps: [NumberedText]
  public var reasons: [String]
  /// The factors the measure strengthens, e.g. `RF3 Aufgabenpriorisierung und Personal`.
  public var factors: [String]
  public var sources: [Citation]
  /// Recommended measures that pull against this one, with what to weigh:
  /// „Nr. 4 „Trinkwasserstellen …“: Die Ausgabestellen …“.
  public var conflicts: [String] = []
  /// The staff's task for the measure („Auftrag an S4 Versorgung, bis 18 Uhr (…)“), if any.
  public var task: String? = nil
}

/// A text with its number in a list.
public struct NumberedText: Sendable {
  public var number: Int
  public var text: String
}

/// One part of a priority.
public struct PriorityPartEntry: Sendable {
  public var title: String
  public var points: String
}

/// An open question whose answer could still change the advice.
public struct OpenQuestionEntry: Sendable {
  public var id: String
  public var question: String
  public var group: String
  /// What the answer could decide, e.g. `Maßnahmen: Reservepool aufbauen`.
  public var decides: [String]
}

/// A decision taken during the consultation, as an exercise's log keeps it.
public struct DecisionEntry: Sendable {
  public var time: String
  public var text: String

  public init(time: String, text: String) {
    self.time = time
    self.text = text
  }
}

/// A note kept with the consultation.
public struct NoteEntry: Sendable {
  public var time: String
  public var text: String

  public init(time: String, text: String) {
    self.time = time
    self.text = text
  }
}

/// An entry of the bibliography.
public struct SourceEntry: Sendable {
  public var number: Int
  public var anchor: String
  public var id: String
  public var publisher: String
  public var year: String?
  public var title: String
  public var url: String
  /// The kind of publisher, as shown: `amtlich`, `Forschung`, `Fachverband`,
  /// `Kommune/Praxisbericht` or `Presse`.
  public var kind: String
  /// True for a source the knowledge base marks `ungeprüft`.
  public var unverified: Bool
  /// The address as a link target, only for `http` and `https` (never `javascript:` and the like).
  public var link: String?
}

/// Measures of one section of the advice.
public struct SectionGroup: Sendable {
  /// `Jetzt in der Lage` …; nil where the advice has no sections.
  public var title: String?
  public var measures: [MeasureEntry]
}
