/// The after-action report of a staff exercise, as the templates `auswertung.md` and
/// `auswertung.html` see it. Every text is already filled for the consultation's answers.
public struct AfterActionModel: Sendable {
  public struct TimelineRow: Sendable {
    public var time: String
    public var event: String
    public var entries: [String]
    public init(time: String, event: String, entries: [String]) {
      self.time = time
      self.event = event
      self.entries = entries
    }
  }

  public struct ComparisonRow: Sendable {
    public var time: String
    public var measure: String
    public var verdict: String
    public var advised: String
    public init(time: String, measure: String, verdict: String, advised: String) {
      self.time = time
      self.measure = measure
      self.verdict = verdict
      self.advised = advised
    }
  }

  public struct Entry: Sendable {
    public var time: String
    public var title: String
    public var text: String
    public init(time: String, title: String, text: String) {
      self.time = time
      self.title = title
      self.text = text
    }
  }

  public struct PlanRow: Sendable {
    public var measure: String
    public var office: String
    public var horizon: String
    public init(measure: String, office: String, horizon: String) {
      self.measure = measure
      self.office = office
      self.horizon = horizon
    }
  }

  /// A line of the header: date, place, participants, Übungsleitung, observers.
  public struct HeaderField: Sendable {
    public var label: String
    public var value: String
  }

  /// An objective with the observers' ratings and the evidence the tool puts beside them.
  public struct ObjectiveRow: Sendable {
    public var number: Int
    public var text: String
    /// The Erwartungshorizont: what a good staff does.
    public var horizon: [String]
    /// „teilweise erreicht (Beobachterin Nord): Fachberater erst nach Einlage 2“
    public var ratings: [String]
    /// Decisions with their times, measures not decided, notes, and the tool's advice then.
    public var evidence: [String]
    public var hasRatings: Bool
    public var hasEvidence: Bool
  }

  /// A row of the improvement plan the staff agreed on.
  public struct ImprovementRow: Sendable {
    public var number: Int
    public var action: String
    public var owner: String
    public var deadline: String
    public var status: String
    /// The objective's number and text, or empty.
    public var objective: String
  }

  public var title: String
  public var type: String
  public var scenario: String
  public var knowledgeBase: String
  public var mode: String
  public var objectives: [String]
  public var municipality: String
  public var situation: String
  public var timeline: [TimelineRow]
  public var comparison: [ComparisonRow]
  public var totals: String
  public var takenNotAdvised: [Entry]
  public var observations: [Entry]
  public var plan: [PlanRow]
  /// Flags for the templates (stored: Mustache reads stored properties only).
  public var hasTakenNotAdvised: Bool
  public var hasObservations: Bool
  public var hasPlan: Bool
  /// Filled by `addEvaluation(of:knowledgeBase:fill:)`; empty for a report without it.
  public var header: [HeaderField] = []
  public var objectiveRows: [ObjectiveRow] = []
  public var improvements: [ImprovementRow] = []
  public var hasHeader = false
  public var hasObjectiveRows = false
  public var hasImprovements = false

  public init(
    title: String, type: String, scenario: String, knowledgeBase: String, mode: String, objectives: [String],
    municipality: String, situation: String, timeline: [TimelineRow], comparison: [ComparisonRow], totals: String,
    takenNotAdvised: [Entry], observations: [Entry], plan: [PlanRow]
  ) {
    self.title = title
    self.type = type
    self.scenario = scenario
    self.knowledgeBase = knowledgeBase
    self.mode = mode
    self.objectives = objectives
    self.municipality = municipality
    self.situation = situation
    self.timeline = timeline
    self.comparison = comparison
    self.totals = totals
    self.takenNotAdvised = takenNotAdvised
    self.observations = observations
    self.plan = plan
    self.hasTakenNotAdvised = !takenNotAdvised.isEmpty
    self.hasObservations = !observations.isEmpty
    self.hasPlan = !plan.isEmpty
  }
}
