import RuleLanguage

/// What the knowledge base is called and which version it is.
public struct KnowledgeBaseInfo: Sendable, Equatable {
  public var id: String
  public var title: String
  public var version: String
  public var description: String?
}

/// A topic group of questions.
public struct QuestionGroup: Sendable, Equatable {
  public var id: String
  public var title: String
  /// Its questions are standing answers about the municipality, kept in the Kommunenprofil.
  public var profile = false
  /// How long an answer to its questions stays current, in seconds (`valid_for`); nil: no limit.
  public var validFor: Int? = nil
}

/// A level at which a resilience factor is assessed; levels are ordered worst first.
public struct FactorLevel: Sendable, Equatable {
  public var id: String
  public var title: String
  public var weakness: FixedDecimal
}

/// A resilience factor (PanReflex *Stellschraube*).
public struct Factor: Sendable, Equatable {
  public var id: String
  public var title: String
  public var finding: String
  public var undrr: [String]
  public var sourceIDs: [String]
}

/// A crisis pattern, recognised by evidence points.
public struct Pattern: Sendable, Equatable {
  public var id: String
  public var title: String
  public var description: String
  public var indicators: [String]
  public var failureModes: [String]
  public var suspected: FixedDecimal
  public var established: FixedDecimal
  public var factorIDs: [String]
  public var sourceIDs: [String]
}

/// How soon a measure takes effect; the advice is grouped by it.
public enum Horizon: String, Sendable, CaseIterable, Comparable {
  case sofort, kurzfristig, langfristig

  public static func < (lhs: Horizon, rhs: Horizon) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// How much a measure costs to put in place.
public enum Effort: String, Sendable, CaseIterable {
  case gering, mittel, hoch
}

/// A phase of crisis management.
public enum Phase: String, Sendable, CaseIterable {
  case vorsorge, vorbereitung, bewaeltigung, nachbereitung
}

/// A documented example of a measure in practice.
public struct PracticeExample: Sendable, Equatable {
  public var place: String
  public var year: Int?
  public var text: String
  public var sourceID: String
}

/// A measure the knowledge base can recommend.
public struct Measure: Sendable, Equatable {
  public var id: String
  public var title: String
  public var description: String
  public var prevents: String
  public var steps: [String]
  public var office: String
  public var horizon: Horizon
  public var effort: Effort
  public var phases: [Phase]
  public var factorIDs: [String]
  /// The crisis patterns (situation kinds) the measure answers; empty for a general measure.
  public var patternIDs: [String] = []
  public var sourceIDs: [String]
  public var examples: [PracticeExample]
  /// When the measure was last reviewed against its sources, as `YYYY-MM-DD`.
  public var reviewed: String
  /// What the measure says in a phase where it differs: prepared in Vorsorge, ordered and
  /// carried out in Bewältigung, evaluated in Nachbereitung.
  public var variants: [Phase: MeasureVariant] = [:]
  /// Measures that pull against this one when both are recommended, and what the staff must
  /// weigh (public drinking-water points during a water-use restriction).
  public var conflicts: [MeasureConflict] = []

  /// The measure as it reads in the phase: the variant's title, steps and horizon where it has
  /// them, the measure's own otherwise.
  public func inPhase(_ phase: Phase?) -> Measure {
    guard let phase, let variant = variants[phase] else { return self }
    var result = self
    result.title = variant.title ?? title
    result.steps = variant.steps ?? steps
    result.horizon = variant.horizon ?? horizon
    return result
  }
}

/// Two measures that pull against each other when both are recommended, and how to reconcile
/// them; German, shown beside both.
public struct MeasureConflict: Sendable, Equatable {
  /// The other measure's id.
  public var measureID: String
  public var text: String

  public init(measureID: String, text: String) {
    self.measureID = measureID
    self.text = text
  }
}

/// A measure's wording and horizon in one phase; a missing field keeps the measure's own.
public struct MeasureVariant: Sendable, Equatable {
  public var title: String?
  public var steps: [String]?
  public var horizon: Horizon?

  public init(title: String? = nil, steps: [String]? = nil, horizon: Horizon? = nil) {
    self.title = title
    self.steps = steps
    self.horizon = horizon
  }
}

/// What kind of publisher a source comes from; a staff weighs an authority's guidance
/// differently from a newspaper report.
public enum SourceKind: String, Sendable, CaseIterable {
  case amtlich, forschung, fachverband, kommune, presse

  /// The German name shown in reports.
  public var title: String {
    switch self {
    case .amtlich: "amtlich"
    case .forschung: "Forschung"
    case .fachverband: "Fachverband"
    case .kommune: "Kommune/Praxisbericht"
    case .presse: "Presse"
    }
  }

  /// Whether a verified source of this kind can carry a measure on its own.
  public var isAuthoritative: Bool {
    switch self {
    case .amtlich, .forschung, .fachverband: true
    case .kommune, .presse: false
    }
  }
}

/// An entry of the bibliography.
public struct Source: Sendable, Equatable {
  public var id: String
  public var title: String
  public var publisher: String
  public var year: Int?
  public var url: String
  /// Derived from the URL's host through the knowledge base's `source_domains`.
  public var kind: SourceKind
  /// False for a source marked `ungeprüft: true`: it is listed but never counts as backing.
  public var verified: Bool
}

/// A derived fact declared in a rule file.
public struct DerivedFact: Sendable, Equatable {
  public var id: String
  public var text: String
}

/// How factor weaknesses of a measure combine into one priority part.
public enum WeaknessMode: String, Sendable, CaseIterable {
  case max, sum
}

/// The parameters of the priority formula, declared by the knowledge base.
public struct PriorityFormula: Sendable, Equatable {
  /// Multiplier on the sum of the weights of the recommending rules.
  public var weight: FixedDecimal
  /// Index of the question whose answer is the current phase.
  public var phaseQuestion: QuestionID?
  /// Urgency points by horizon while the phase is unknown.
  public var defaultUrgency: [Horizon: FixedDecimal]
  /// Urgency points by horizon in each phase that declares its own.
  public var urgency: [Phase: [Horizon: FixedDecimal]]
  public var phaseMatch: FixedDecimal
  public var weakness: WeaknessMode
  public var effort: [Effort: FixedDecimal]
  /// Points for a measure whose pattern is suspected or established (the strongest counts).
  public var patternSuspected: FixedDecimal = .zero
  public var patternEstablished: FixedDecimal = .zero
}
