import Foundation
import KnowledgeBase
import RuleEngine

/// The municipality's standing answers (*Kommunenprofil*): organisation, staff, networks,
/// preparation and after-action practice, each with the day it was given, kept between
/// consultations so that a consultation in a running crisis asks only what is missing or old.
public struct MunicipalProfile: Codable, Equatable, Sendable {
  /// One standing answer: the answer as the journal writes it, and the day it was given.
  public struct Entry: Codable, Equatable, Sendable {
    public var answer: String
    public var date: String
  }

  /// Marks the file as a profile, so that no other file is taken for one.
  public var format = "resilienz-kommunenprofil"
  public var version = 1
  /// By question id.
  public var answers: [String: Entry] = [:]

  /// How old a standing answer may be before it is asked again.
  public static let maximumAgeInDays = 365

  public init() {}

  /// The profile in a file; an empty one when the file does not exist.
  public static func load(path: String) throws -> MunicipalProfile {
    guard FileManager.default.fileExists(atPath: path) else { return MunicipalProfile() }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ProfileError.unreadable(path: path)
    }
    guard let profile = try? JSONDecoder().decode(MunicipalProfile.self, from: data),
      profile.format == "resilienz-kommunenprofil"
    else { throw ProfileError.notAProfile(path: path) }
    guard profile.version == 1 else { throw ProfileError.unsupportedVersion(path: path, version: profile.version) }
    return profile
  }

  /// Writes the profile whole or not at all.
  public func save(path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else {
      throw ProfileError.unwritable(path: path, reason: "nicht kodierbar")
    }
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    do {
      try AtomicFile.write(data + Data("\n".utf8), to: path)
    } catch {
      throw ProfileError.unwritable(path: path, reason: String(describing: error))
    }
  }

  /// Takes the consultation's answers to profile questions (not *weiß nicht*), dated `today`.
  public mutating func update(from consultation: Consultation, today: String) -> Int {
    let kb = consultation.knowledgeBase
    var changed = 0
    for (index, question) in kb.questions.entries where question.profile {
      guard let answer = consultation.answer(index), answer != .unknown else { continue }
      let text = AnswerParser.format(answer, for: question)
      if answers[question.id]?.answer != text {
        answers[question.id] = Entry(answer: text, date: today)
        changed += 1
      } else if answers[question.id]?.date != today {
        answers[question.id]?.date = today
      }
    }
    return changed
  }

  /// Whether an entry given on `date` is too old on `today` (both `YYYY-MM-DD`).
  public static func isOutdated(_ date: String, today: String) -> Bool {
    guard let given = day(date), let now = day(today) else { return true }
    return now - given > maximumAgeInDays
  }

  /// Days since 1970 of a `YYYY-MM-DD` date, without the calendar of the machine.
  static func day(_ text: String) -> Int? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    var components = DateComponents()
    (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    guard let date = calendar.date(from: components) else { return nil }
    return Int(date.timeIntervalSince1970 / 86_400)
  }
}

/// Why a profile could not be read or written; German, for users.
public enum ProfileError: Error, CustomStringConvertible, Equatable {
  case unreadable(path: String)
  case notAProfile(path: String)
  case unsupportedVersion(path: String, version: Int)
  case unwritable(path: String, reason: String)

  public var description: String {
    switch self {
    case .unreadable(let path): "Das Kommunenprofil „\(path)“ lässt sich nicht lesen."
    case .notAProfile(let path): "„\(path)“ ist kein Kommunenprofil von resilienz; es bleibt unverändert."
    case .unsupportedVersion(let path, let version):
      "Das Kommunenprofil „\(path)“ hat die Version \(version), die dieses Programm nicht kennt."
    case .unwritable(let path, let reason): "Das Kommunenprofil „\(path)“ lässt sich nicht schreiben: \(reason)."
    }
  }
}

/// What taking answers from the profile did.
public struct ProfileApplication: Equatable, Sendable {
  /// Questions answered from the profile.
  public var taken: [QuestionID] = []
  /// Questions whose profile answer is too old and will be asked again.
  public var outdated: [QuestionID] = []
  /// Profile entries that no longer fit the knowledge base (question gone, answer not allowed).
  public var misfits: [String] = []
}

extension Consultation {
  /// Answers the unanswered profile questions from the profile, journal first, as if the
  /// crisis manager had given them; old entries are left to be asked again.
  public mutating func apply(_ profile: MunicipalProfile, today: String) throws -> ProfileApplication {
    var result = ProfileApplication()
    for (id, entry) in profile.answers.sorted(by: { $0.key < $1.key }) {
      guard let index = knowledgeBase.questionIndex[id], knowledgeBase.questions[index].profile else {
        result.misfits.append(id)
        continue
      }
      guard engine.answers[index] == nil else { continue }
      if MunicipalProfile.isOutdated(entry.date, today: today) {
        result.outdated.append(index)
        continue
      }
      guard case .success(let answer) = AnswerParser.parse(entry.answer, for: knowledgeBase.questions[index]) else {
        result.misfits.append(id)
        continue
      }
      try set(index, to: answer)
      result.taken.append(index)
    }
    result.taken.sort()
    result.outdated.sort()
    return result
  }
}
