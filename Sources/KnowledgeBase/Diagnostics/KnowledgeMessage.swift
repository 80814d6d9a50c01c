import RuleLanguage

/// Every message the knowledge loader and checker can report, in alphabetical order.
enum KnowledgeMessage {
  case aggregatorSource(host: String, domain: String)
  case comparisonNotAllowed(op: String, question: String, type: String, use: String)
  case duplicateID(kind: String, String)
  case duplicateKey(String)
  case duplicateSection(String)
  case emptyKnowledgeFile
  case emptyList(String)
  case emptyText(String)
  case expectedBoolean(String)
  case expectedList(String)
  case expectedMap(String)
  case expectedNumber(String)
  case expectedScalarKey
  case expectedText(String)
  case expectedWholeNumber(String)
  case invalidDuration(String)
  case factAsQuestion(String)
  case factorNeverAssessed(String)
  case injectOutOfOrder(String, time: String, previous: String)
  case fieldNotAllowed(String, type: String)
  case includeCycle(String)
  case includeOutside(String, folder: String)
  case invalidAnswer(String, question: String, problem: String)
  case selfConflict(String)
  case invalidChoice(String, field: String, allowed: [String], suggestion: String?)
  case invalidBranch(String)
  case invalidDomain(String)
  case invalidExerciseTime(String)
  case invalidID(String)
  case invalidRange(min: String, max: String)
  case invalidReviewDate(String)
  case invalidURL(String)
  case invalidUTF8
  case linkOutside(String)
  case measureWithoutBacking(String)
  case tooFewAcuteMeasures(String, count: Int, minimum: Int)
  case missingDirectory(String)
  case missingField(String, in: String)
  case missingInclude(String)
  case missingSection(String)
  case negationCycle(String)
  case noRuleFiles
  case numberExpected(question: String, found: String)
  case phaseQuestionInvalid(String)
  case questionAsFact(String)
  case sourceKindMismatch(declared: String, listed: String, domain: String)
  case ruleNeverFires(rule: String, reason: String)
  case scriptUsage(command: String, usage: String)
  case termQuestionNotChoice(String)
  case thresholdNotPositive
  case thresholdOrder(suspected: String, established: String)
  case tooManyValues(String)
  case uncitedSource(String)
  case underivedFact(String)
  case undeclaredRole(String, declared: [String], suggestion: String?)
  case unknownCommand(String, suggestion: String?)
  case unknownExpectation(String, allowed: [String], suggestion: String?)
  case unknownField(String, in: String, suggestion: String?)
  case unknownReference(kind: String, String, suggestion: String?)
  case unknownSection(String, suggestion: String?)
  case unknownSourceDomain(host: String)
  case unreachableThreshold(pattern: String, threshold: String, needed: String, possible: String)
  case placeholderInTerm(String)
  case tooManyProblems(Int, shown: Int)
  case unreadable(String, reason: String)
  case unrecommendedMeasure(String)
  case unusedQuestion(String)
  case untestedObjective(String)
  case valueNotAllowed(String, question: String, allowed: [String], suggestion: String?)
  case valueOutOfRange(String, question: String, min: String, max: String)
  case yamlSyntax(String)

  var message: DiagnosticMessage {
    switch self {
    case .aggregatorSource(let host, let domain):
      DiagnosticMessage(
        "aggregator-source", .error,
        "'\(host)' copies other publishers' documents ('\(domain)' is listed under 'aggregator'); cite the original publication"
      )
    case .comparisonNotAllowed(let op, let question, let type, let use):
      DiagnosticMessage(
        "comparison-not-allowed", .error,
        "'\(op)' does not fit question '\(question)' of type '\(type)'; use \(use)")
    case .duplicateID(let kind, let id):
      DiagnosticMessage("duplicate-id", .error, "duplicate \(kind) id '\(id)'")
    case .duplicateKey(let keys):
      DiagnosticMessage("duplicate-key", .error, "duplicate key '\(keys)' in a map")
    case .duplicateSection(let name):
      DiagnosticMessage(
        "duplicate-section", .error, "section '\(name)' is declared more than once")
    case .emptyKnowledgeFile:
      DiagnosticMessage("empty-file", .warning, "file contains no knowledge")
    case .emptyList(let key):
      DiagnosticMessage("empty-list", .error, "'\(key)' must not be empty")
    case .emptyText(let key):
      DiagnosticMessage("empty-text", .error, "'\(key)' must not be empty")
    case .expectedBoolean(let what):
      DiagnosticMessage("expected-boolean", .error, "expected true or false for \(what)")
    case .expectedList(let what):
      DiagnosticMessage("expected-list", .error, "expected \(what)")
    case .expectedMap(let what):
      DiagnosticMessage("expected-map", .error, "expected \(what) as a map of fields")
    case .expectedNumber(let what):
      DiagnosticMessage(
        "expected-number", .error, "expected a number with at most two decimals for \(what)")
    case .expectedScalarKey:
      DiagnosticMessage("expected-key", .error, "expected a plain name as key")
    case .expectedText(let what):
      DiagnosticMessage("expected-text", .error, "expected text for \(what)")
    case .expectedWholeNumber(let what):
      DiagnosticMessage("expected-whole-number", .error, "expected a whole number for \(what)")
    case .invalidDuration(let text):
      DiagnosticMessage(
        "invalid-duration", .error,
        "'\(text)' is not a duration; write a whole number with a unit: 30min, 6h, 3d or 2w")
    case .factAsQuestion(let fact):
      DiagnosticMessage(
        "fact-as-question", .error,
        "'\(fact)' is a derived fact, not a question; test it on its own, as in 'when \(fact)'")
    case .factorNeverAssessed(let factor):
      DiagnosticMessage(
        "factor-never-assessed", .warning, "factor '\(factor)' is never assessed by any rule")
    case .fieldNotAllowed(let field, let type):
      DiagnosticMessage(
        "field-not-allowed", .error, "a question of type '\(type)' has no '\(field)'")
    case .includeCycle(let chain):
      DiagnosticMessage("include-cycle", .error, "the includes form a cycle: \(chain)")
    case .includeOutside(let path, let folder):
      DiagnosticMessage(
        "include-outside", .error,
        "'\(path)' lies outside the folder '\(folder)'; a test may only include files inside it")
    case .selfConflict(let measure):
      DiagnosticMessage(
        "self-conflict", .error, "measure '\(measure)' cannot conflict with itself; name the other measure in 'with'")
    case .invalidAnswer(let text, let question, let problem):
      DiagnosticMessage(
        "invalid-answer", .error, "'\(text)' is not an answer to question '\(question)': \(problem)")
    case .invalidChoice(let text, let field, let allowed, let suggestion):
      DiagnosticMessage(
        "invalid-value", .error,
        "'\(text)' is not allowed for '\(field)'; expected \(Self.list(allowed))"
          + Self.hint(suggestion))
    case .invalidBranch(let problem):
      DiagnosticMessage("invalid-branch", .error, problem)
    case .invalidExerciseTime(let text):
      DiagnosticMessage(
        "invalid-exercise-time", .error,
        "'\(text)' is not an exercise time; write 'T+' and the time since the start, as in T+0, T+45min, T+2h, T+4h45, T+2d or T+3w"
      )
    case .injectOutOfOrder(let inject, let time, let previous):
      DiagnosticMessage(
        "inject-out-of-order", .error,
        "inject '\(inject)' at \(time) comes before the inject above it (\(previous)); list injects in the order of their time"
      )
    case .invalidDomain(let domain):
      DiagnosticMessage(
        "invalid-domain", .error,
        "'\(domain)' is not a domain; write it in lower case without scheme or path, as in 'bbk.bund.de'")
    case .invalidID(let id):
      DiagnosticMessage(
        "invalid-id", .error,
        "'\(id)' is not a valid id; use a letter, then letters, digits, '_', '-' or '.', and no keyword")
    case .invalidRange(let min, let max):
      DiagnosticMessage("invalid-range", .error, "'min' \(min) is greater than 'max' \(max)")
    case .invalidReviewDate(let text):
      DiagnosticMessage(
        "invalid-review-date", .error,
        "'\(text)' is not a review date; write the day of the review as YYYY-MM-DD, between 2000 and 2099")
    case .invalidURL(let url):
      DiagnosticMessage(
        "invalid-url", .error, "'\(url)' is not a URL; it must start with https:// or http://")
    case .invalidUTF8:
      DiagnosticMessage("invalid-utf8", .error, "file is not valid UTF-8 text")
    case .linkOutside(let path):
      DiagnosticMessage(
        "link-outside", .error, "'\(path)' is a link to a file outside the knowledge base folder; it is not read")
    case .tooFewAcuteMeasures(let id, let count, let minimum):
      DiagnosticMessage(
        "too-few-acute-measures", .warning,
        "situation kind '\(id)' has \(count) acute measure\(count == 1 ? "" : "s") (naming it, horizon sofort or kurzfristig in Bewältigung, with a verified amtlich, forschung or fachverband source); at least \(minimum) are needed"
      )
    case .measureWithoutBacking(let id):
      DiagnosticMessage(
        "measure-without-backing", .warning,
        "measure '\(id)' cites no verified source of kind amtlich, forschung or fachverband")
    case .missingDirectory(let path):
      DiagnosticMessage(
        "missing-directory", .error, "no folder '\(path)'; a knowledge base needs Rules/ and Knowledge/")
    case .missingField(let field, let what):
      DiagnosticMessage("missing-field", .error, "\(what) needs the field '\(field)'")
    case .missingInclude(let path):
      DiagnosticMessage(
        "missing-include", .error, "cannot include '\(path)': no such file (or a folder, or not readable)")
    case .missingSection(let name):
      DiagnosticMessage(
        "missing-section", .error, "the knowledge base declares no '\(name)' section")
    case .negationCycle(let description):
      DiagnosticMessage(
        "negation-cycle", .error, "cycle through negation or aggregation: \(description)")
    case .noRuleFiles:
      DiagnosticMessage("no-rule-files", .warning, "folder contains no '.rules' files")
    case .numberExpected(let question, let found):
      DiagnosticMessage(
        "expected-number-value", .error, "question '\(question)' takes numbers, not '\(found)'")
    case .phaseQuestionInvalid(let question):
      DiagnosticMessage(
        "invalid-phase-question", .error,
        "phase question '\(question)' must be of type 'choice' with values among vorsorge, bewaeltigung, nachbereitung")
    case .questionAsFact(let question):
      DiagnosticMessage(
        "question-as-fact", .error,
        "'\(question)' is a question, not a derived fact; compare its answer, as in '\(question) = ja'")
    case .ruleNeverFires(let rule, let reason):
      DiagnosticMessage("rule-never-fires", .warning, "rule '\(rule)' can never fire: \(reason)")
    case .scriptUsage(let command, let usage):
      DiagnosticMessage("script-usage", .error, "'\(command)' is written as: \(usage)")
    case .sourceKindMismatch(let declared, let listed, let domain):
      DiagnosticMessage(
        "source-kind-mismatch", .warning,
        "the source says kind '\(declared)', but '\(domain)' is listed as '\(listed)' in 'source_domains'")
    case .termQuestionNotChoice(let question):
      DiagnosticMessage(
        "invalid-term-question", .error, "a term needs a question of type 'choice'; '\(question)' is not one")
    case .thresholdNotPositive:
      DiagnosticMessage("invalid-threshold", .error, "'suspected' must be greater than 0")
    case .thresholdOrder(let suspected, let established):
      DiagnosticMessage(
        "threshold-order", .error,
        "'established' (\(established)) must not be below 'suspected' (\(suspected))")
    case .tooManyValues(let field):
      DiagnosticMessage("too-many-values", .error, "'\(field)' may have at most 64 entries")
    case .uncitedSource(let id):
      DiagnosticMessage("uncited-source", .warning, "source '\(id)' is never cited")
    case .underivedFact(let id):
      DiagnosticMessage("underived-fact", .warning, "no rule derives fact '\(id)'")
    case .undeclaredRole(let role, let declared, let suggestion):
      DiagnosticMessage(
        "undeclared-role", .error,
        "'\(role)' is not a role of this exercise; declare it under 'roles' or use one of \(Self.list(declared))"
          + Self.hint(suggestion))
    case .untestedObjective(let id):
      DiagnosticMessage(
        "untested-objective", .warning,
        "no inject tests objective '\(id)'; name it under 'objective' of the inject that tests it")
    case .unknownCommand(let word, let suggestion):
      DiagnosticMessage(
        "unknown-command", .error,
        "'\(word)' is neither a shell command nor an answer to any question" + Self.hint(suggestion))
    case .unknownExpectation(let word, let allowed, let suggestion):
      DiagnosticMessage(
        "unknown-expectation", .error,
        "unknown expectation '\(word)'; expected \(Self.list(allowed))" + Self.hint(suggestion))
    case .unknownField(let field, let what, let suggestion):
      DiagnosticMessage(
        "unknown-field", .error, "unknown field '\(field)' in \(what)" + Self.hint(suggestion))
    case .unknownReference(let kind, let id, let suggestion):
      DiagnosticMessage(
        "unknown-\(kind.replacingSpaces)", .error, "unknown \(kind) '\(id)'" + Self.hint(suggestion))
    case .unknownSection(let name, let suggestion):
      DiagnosticMessage(
        "unknown-section", .error, "unknown section '\(name)'" + Self.hint(suggestion))
    case .unknownSourceDomain(let host):
      DiagnosticMessage(
        "unclassified-source", .error,
        "'\(host)' is in no list of 'source_domains'; add its domain under the kind of its publisher")
    case .unreachableThreshold(let pattern, let threshold, let needed, let possible):
      DiagnosticMessage(
        "unreachable-threshold", .warning,
        "pattern '\(pattern)' can never be \(threshold): it needs \(needed) points, its rules give at most \(possible)")
    case .placeholderInTerm(let name):
      DiagnosticMessage(
        "placeholder-in-term", .error,
        "a term's text cannot contain the placeholder '{\(name)}'; terms are not filled inside terms")
    case .tooManyProblems(let more, let shown):
      DiagnosticMessage(
        "too-many-problems", .note,
        "\(more) more problem\(more == 1 ? "" : "s") in this file not shown (only the first \(shown) are); fix those and check again"
      )
    case .unreadable(let path, let reason):
      DiagnosticMessage("unreadable", .error, "cannot read '\(path)': \(reason)")
    case .unrecommendedMeasure(let id):
      DiagnosticMessage("unrecommended-measure", .warning, "no rule recommends measure '\(id)'")
    case .unusedQuestion(let id):
      DiagnosticMessage(
        "unused-question", .warning, "question '\(id)' is used by no rule and no relevance condition")
    case .valueNotAllowed(let value, let question, let allowed, let suggestion):
      DiagnosticMessage(
        "value-not-allowed", .error,
        "'\(value)' is not a value of question '\(question)'; allowed: \(allowed.joined(separator: ", "))"
          + Self.hint(suggestion))
    case .valueOutOfRange(let value, let question, let min, let max):
      DiagnosticMessage(
        "value-out-of-range", .error,
        "\(value) is outside the range \(min) to \(max) of question '\(question)'")
    case .yamlSyntax(let problem):
      DiagnosticMessage("yaml-syntax", .error, "invalid YAML: \(problem)")
    }
  }

  private static func hint(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }

  private static func list(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first.map { "'\($0)'" } ?? "nothing" }
    return items.dropLast().map { "'\($0)'" }.joined(separator: ", ") + " or '\(items[items.count - 1])'"
  }
}

extension String {
  fileprivate var replacingSpaces: String {
    String(map { $0 == " " ? "-" : $0 })
  }
}
