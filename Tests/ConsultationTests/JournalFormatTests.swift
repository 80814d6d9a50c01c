import Consultation
import Foundation
import KnowledgeBase
import RuleEngine
import Testing
import _ResilienzTestSupport

/// The journal's format versions: every record round-trips, journals of format 1 (written before
/// the typed records) keep reading, and lines this version cannot read are reported and skipped.
@Suite struct JournalFormatTests {
  static let shipped: KnowledgeBase? = KnowledgeBaseLoader.load(directory: Fixture.repositoryRoot).knowledgeBase

  /// A journal of format 1 as the shell wrote it on 2026-12-05 (a consultation, a load, then the
  /// whole exercise „cyberangriff-dienstleister“: every kind of record). It stays as committed.
  static let formatOnePath = Fixture.repositoryRoot + "/Tests/ConsultationTests/Fixtures/journal-v1.journal"

  static func lines(_ records: [JournalRecord]) throws -> String {
    try records.map { String(decoding: try JournalCodec.encode($0), as: UTF8.self) + "\n" }.joined()
  }

  static func read(_ text: String, label: String) throws -> JournalContents {
    let folder = try Fixture.temporaryDirectory("journal-format-\(label)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return try Journal.read(path: path)
  }

  // MARK: - Round trip

  /// Text with what JSON must escape, umlauts and more than one line.
  static func text(_ random: inout SplitMix64) -> String {
    let pieces = ["S4 Versorgung", "„Übung“", "Straße \"Am Mühlbach\"", "a\\b/c", "zweite\nZeile", "ß", "🚒", "", " "]
    return (0..<Int(random.next() % 3 + 1)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
      .joined(separator: " ")
  }

  static func optional<T>(_ random: inout SplitMix64, _ make: (inout SplitMix64) -> T) -> T? {
    random.next() % 3 == 0 ? nil : make(&random)
  }

  static func pick<T>(_ values: [T], _ random: inout SplitMix64) -> T {
    values[Int(random.next() % UInt64(values.count))]
  }

  /// A record of each kind, with payloads drawn from the seed.
  static func sample(_ kind: JournalEntry.Kind, _ r: inout SplitMix64) -> JournalEntry {
    let id = { (r: inout SplitMix64) in pick(["lage.art", "reservepool", "zusatz-1", "information", "x"], &r) }
    let time = { (r: inout SplitMix64) in ExerciseTime(minutes: Int(r.next() % 20_000)) }
    switch kind {
    case .start: return .start(knowledgeBase: id(&r), version: text(&r))
    case .set: return .set(.init(question: id(&r), answer: text(&r), source: optional(&r, text)))
    case .unset: return .unset(question: id(&r))
    case .reset: return .reset
    case .loaded: return .loaded
    case .back: return .back
    case .skip: return .skip(question: id(&r))
    case .confirm: return .confirm(question: id(&r))
    case .term: return .term(term: id(&r), text: optional(&r, text))
    case .header: return .header(field: pick(HeaderField.allCases, &r), text: optional(&r, text))
    case .task:
      let change: JournalEntry.TaskChange = pick(
        [.assign(owner: text(&r), due: optional(&r, text)), .postpone(reason: text(&r)), .done, .reopen], &r)
      return .task(measure: id(&r), change: change)
    case .report:
      var patterns: [String: PatternState] = [:]
      for _ in 0..<r.next() % 3 { patterns[id(&r)] = pick(PatternState.allCases, &r) }
      return .report(measures: (0..<r.next() % 4).map { _ in id(&r) }, patterns: patterns)
    case .exercise: return .exercise(id: id(&r), blind: r.next() % 2 == 0)
    case .inject: return .inject(exercise: id(&r), inject: optional(&r, id))
    case .injectControl: return .injectControl(inject: id(&r), yes: r.next() % 2 == 0)
    case .injectSkip: return .injectSkip(inject: id(&r))
    case .injectDelay: return .injectDelay(inject: id(&r), to: time(&r))
    case .injectEdit: return .injectEdit(inject: id(&r), text: text(&r))
    case .injectAdd:
      let added = AdHocInject(
        id: id(&r), title: text(&r), text: text(&r), from: text(&r), to: id(&r), channel: text(&r))
      return .injectAdd(added, at: optional(&r, time))
    case .decide:
      return .decide(
        .init(
          measure: id(&r), decision: pick(StaffDecision.allCases, &r), reason: optional(&r, text),
          observer: optional(&r, text)))
    case .note: return .note(text: text(&r))
    case .log:
      return .log(
        .init(
          kind: pick(LogEntry.Kind.allCases, &r), text: text(&r), measure: optional(&r, id),
          observer: optional(&r, text)))
    case .undo: return .undo
    case .debrief: return .debrief
    case .exerciseRole: return .exerciseRole(optional(&r, text))
    case .exerciseClock: return .exerciseClock(compression: optional(&r) { Int($0.next() % 60) + 1 })
    case .exerciseInfo:
      return .exerciseInfo(
        ExerciseHeader(
          date: optional(&r, text), place: optional(&r, text), participants: optional(&r, text),
          director: optional(&r, text), observers: (0..<r.next() % 3).map { _ in text(&r) }))
    case .rating:
      return .rating(
        .init(
          objective: id(&r), rating: pick(ObjectiveRating.allCases, &r), comment: optional(&r, text),
          observer: optional(&r, text)))
    case .plan:
      return .plan(
        PlanItem(
          action: text(&r), owner: text(&r), deadline: text(&r), status: pick(PlanStatus.allCases, &r),
          objective: optional(&r, id)))
    case .planStatus: return .planStatus(row: Int(r.next() % 40) + 1, status: pick(PlanStatus.allCases, &r))
    }
  }

  @Test(arguments: JournalEntry.Kind.allCases)
  func everyKindEncodesAndDecodesToItself(kind: JournalEntry.Kind) throws {
    var random = SplitMix64(seed: 0x13_0005 &+ UInt64(kind.rawValue.utf8.count))
    for _ in 0..<40 {
      let entry = Self.sample(kind, &random)
      #expect(entry.kind == kind)
      let time = Self.optional(&random) { Date(timeIntervalSince1970: TimeInterval($0.next() % 4_000_000_000)) }
      let record = JournalRecord(entry, time: time, by: Self.optional(&random, Self.text))
      let line = try JournalCodec.encode(record)
      #expect(!line.contains(UInt8(ascii: "\n")), "one record, one line")
      #expect(String(decoding: line, as: UTF8.self).contains(#""v":2"#))
      #expect(JournalCodec.decode(line) == .success(record), "\(String(decoding: line, as: UTF8.self))")
    }
  }

  /// A whole journal through the file: written with `append`, read back equal.
  @Test func recordsOfEveryKindReadBackFromTheFile() throws {
    var random = SplitMix64(seed: 0x13_0055)
    let records = JournalEntry.Kind.allCases.map {
      JournalRecord(Self.sample($0, &random), time: Date(timeIntervalSince1970: 1_796_461_200), by: "S2 Lage")
    }
    let folder = try Fixture.temporaryDirectory("journal-format-file")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    try Journal(path: path).append(records)
    let contents = try Journal.read(path: path)
    #expect(contents.problems.isEmpty, "\(contents.problems)")
    #expect(contents.records == records)
  }

  /// Format 2 as written: fixed here so that a change to it is a decision, not an accident.
  @Test func formatTwoLinesAreAsDocumented() throws {
    let time = Date(timeIntervalSince1970: 1_796_461_200)
    let records = [
      JournalRecord(.start(knowledgeBase: "resilienz-standard", version: "2026.11.0"), time: time),
      JournalRecord(
        .task(measure: "fruehwarnung-hochwasser", change: .assign(owner: "S1 Personal", due: "9 Uhr")), time: time,
        by: "S2 Lage"),
      JournalRecord(.injectDelay(inject: "erpressung", to: ExerciseTime(minutes: 480)), time: time),
      JournalRecord(.planStatus(row: 1, status: .inProgress), time: time),
    ]
    #expect(
      try Self.lines(records) == """
        {"format":"resilienz-journal","knowledgeBase":"resilienz-standard","op":"start","time":"2026-12-05T09:00:00Z","v":2,"version":"2026.11.0"}
        {"by":"S2 Lage","due":"9 Uhr","measure":"fruehwarnung-hochwasser","op":"task","owner":"S1 Personal","task":"assign","time":"2026-12-05T09:00:00Z","v":2}
        {"at":"T+8h","inject":"erpressung","op":"inject-delay","time":"2026-12-05T09:00:00Z","v":2}
        {"op":"plan-status","row":1,"status":"in_arbeit","time":"2026-12-05T09:00:00Z","v":2}

        """)
  }

  // MARK: - Format 1

  /// The committed journal of format 1 reads without a problem, record by record as it meant.
  @Test func formatOneJournalReads() throws {
    let contents = try Journal.read(path: Self.formatOnePath)
    #expect(contents.problems.isEmpty, "\(contents.problems)")
    #expect(contents.records.count == 53)
    #expect(Set(contents.records.map(\.entry.kind)) == Set(JournalEntry.Kind.allCases), "every kind of record")
    let entries = contents.records.map(\.entry)
    #expect(contents.records.allSatisfy { $0.time == Date(timeIntervalSince1970: 1_796_461_200) })
    #expect(entries.first == .start(knowledgeBase: "resilienz-standard", version: "2026.11.0"))
    #expect(
      contents.records[1]
        == JournalRecord(
          .set(.init(question: "lage.art", answer: "hochwasser", source: "Meldung Stadtwerke")),
          time: Date(timeIntervalSince1970: 1_796_461_200), by: "S2 Lage"))
    #expect(entries.contains(.header(field: .einstufung, text: "VS – NUR FÜR DEN DIENSTGEBRAUCH")))
    #expect(entries.contains(.term(term: "stab", text: "Verwaltungsstab der Stadt Musterstadt")))
    #expect(
      entries.contains(
        .task(measure: "fruehwarnung-hochwasser", change: .assign(owner: "S1 Personal", due: "morgen 9 Uhr"))))
    #expect(
      entries.contains(
        .task(measure: "einrichtungen-direkt-informieren", change: .postpone(reason: "erst nach der Lagebesprechung"))))
    #expect(entries.contains(.task(measure: "evakuierung-gefahrenbereich", change: .reopen)))
    #expect(entries.contains(.exercise(id: "cyberangriff-dienstleister", blind: false)))
    #expect(entries.contains(.exerciseClock(compression: 4)))
    #expect(entries.contains(.exerciseClock(compression: nil)))
    #expect(entries.contains(.exerciseRole("Koordinierungsgruppe des Stabes")))
    #expect(entries.contains(.exerciseRole(nil)))
    #expect(entries.contains(.injectControl(inject: "darknet-vorbereitet", yes: true)))
    #expect(entries.contains(.injectDelay(inject: "erpressung", to: ExerciseTime(minutes: 480))))
    #expect(
      entries.contains(
        .injectAdd(
          AdHocInject(
            id: "zusatz-1", title: "Presse", text: "Anfrage des Lokalradios zum Datenleck", from: "Übungsleitung",
            to: "buerger-medienarbeit", channel: "mündlich"), at: ExerciseTime(minutes: 24 * 60))))
    #expect(
      entries.contains(
        .decide(.init(measure: "cyber-eindaemmen-melden", decision: .accept, reason: "sofort umsetzen"))))
    #expect(
      entries.contains(
        .log(
          .init(
            kind: .decision, text: "Notbetrieb der Bürgerbüros mit Papierformularen", measure: "papier-notbetrieb",
            observer: "Weber"))))
    #expect(
      entries.contains(
        .rating(
          .init(
            objective: "information", rating: .achieved, comment: "Bürgerinformation am ersten Tag", observer: "Weber"))
      ))
    #expect(
      entries.contains(
        .plan(
          PlanItem(
            action: "Notfallhandbuch IT-Ausfall schreiben", owner: "Hauptamt", deadline: "30.06.2027",
            objective: "information"))))
    #expect(entries.contains(.planStatus(row: 1, status: .inProgress)))
    #expect(entries.contains(.exerciseInfo(ExerciseHeader(date: "12.03.2027", observers: ["Weber", "Öztürk"]))))
    guard case .report(let measures, let patterns) = entries.first(where: { $0.kind == .report }) else {
      Issue.record("no report record")
      return
    }
    #expect(measures.count == 10 && measures.first == "fruehwarnung-hochwasser")
    #expect(patterns == ["hochwasser": .suspected])
  }

  /// Resumed, the committed journal of format 1 gives the consultation it recorded.
  @Test func formatOneJournalResumes() throws {
    let kb = try #require(Self.shipped)
    let contents = try Journal.read(path: Self.formatOnePath)
    let (consultation, allProblems) = try Consultation.replay(knowledgeBase: kb, contents: contents)
    // Only a newer version of the shipped knowledge base may be said; nothing else may be lost.
    let problems = allProblems.filter { !$0.hasPrefix("Das Journal wurde mit der Wissensbasis") }
    #expect(problems.isEmpty, "\(problems)")
    #expect(consultation.log == contents.records)
    #expect(consultation.author == "S2 Lage")
    #expect(consultation.header == [.kommune: "Stadt Musterstadt", .einstufung: "VS – NUR FÜR DEN DIENSTGEBRAUCH"])
    #expect(consultation.ownTermTexts == ["stab": "Verwaltungsstab der Stadt Musterstadt"])
    let tasks = Dictionary(uniqueKeysWithValues: consultation.tasks.map { (kb.measures[$0.key].id, $0.value) })
    #expect(tasks["fruehwarnung-hochwasser"]?.owner == "S1 Personal")
    #expect(tasks["fruehwarnung-hochwasser"]?.due == "morgen 9 Uhr")
    #expect(tasks["fruehwarnung-hochwasser"]?.done == true)
    #expect(tasks["einrichtungen-direkt-informieren"]?.deferral == "erst nach der Lagebesprechung")
    #expect(tasks["evakuierung-gefahrenbereich"]?.owner == "S4 Versorgung")
    #expect(tasks["evakuierung-gefahrenbereich"]?.done == false)
    #expect(consultation.lastReport?.patterns == ["hochwasser": .suspected])
    #expect(consultation.lastReport?.time == "2026-12-05T09:00:00Z")

    let run = try #require(consultation.exercise)
    #expect(run.exercise.id == "cyberangriff-dienstleister")
    #expect(!run.blind && run.debriefed)
    #expect(run.role == nil && run.clockCompression == nil)
    #expect(run.schedule.released == ["verbindungen-getrennt", "schlangen", "erpressung", "darknet-vorbereitet"])
    #expect(run.schedule.entry("monatszahlungen")?.state == .skipped)
    #expect(run.schedule.entry("darknet")?.inject.text == "Ein Forum bietet Daten der Bürgerinnen und Bürger an.")
    #expect(run.schedule.entry("zusatz-1")?.added == true)
    #expect(run.schedule.entry("erpressung")?.inject.at == ExerciseTime(minutes: 480))
    #expect(
      run.entries.map(\.text) == [
        "sofort umsetzen", "Notbetrieb der Bürgerbüros mit Papierformularen", "Ruhig im Stabsraum.",
      ])
    #expect(
      run.entries.map(\.role) == ["Koordinierungsgruppe des Stabes", "Koordinierungsgruppe des Stabes", "S2 Lage"])
    #expect(run.evaluation.header == ExerciseHeader(date: "12.03.2027", observers: ["Weber", "Öztürk"]))
    #expect(run.evaluation.ratings.map(\.rating) == [.achieved])
    #expect(run.evaluation.plan.map(\.status) == [.inProgress])
  }

  /// Read in format 1 and written again, the journal is in format 2 and means the same.
  @Test func formatOneRewrittenInFormatTwoMeansTheSame() throws {
    let records = try Journal.read(path: Self.formatOnePath).records
    let text = try Self.lines(records)
    #expect(text.split(separator: "\n").allSatisfy { $0.contains(#""v":2"#) })
    let contents = try Self.read(text, label: "rewritten")
    #expect(contents.problems.isEmpty, "\(contents.problems)")
    #expect(contents.records == records)
  }

  // MARK: - Lines this version does not read

  @Test func unreadableLinesAreReportedWithTheirNumberAndSkipped() throws {
    let text = """
      {"format":"resilienz-journal","knowledgeBase":"shell-test","op":"start","v":2,"version":"1.0"}
      {"op":"lagekarte","v":2,"karte":"nord"}
      {"answer":"keine","op":"set","question":"personal.reserve","v":3}
      {"op":"set","v":2,"answer":"keine"}
      {"answer":"vielleicht","op":"decide","question":"reservepool"}
      {"op":"plan-status","v":2,"row":1,"status":"bald"}
      {"op":"exercise-info","text":"{kein json"}
      {"op":"set","question":"personal.reserve","v":0}
      {"op":"exercise-clock","v":2,"compression":9223372036854775807}
      {"answer":"0","op":"exercise-clock"}
      {"answer":"8","op":"set","question":"lage.dauer_wochen","v":2}

      """
    let contents = try Self.read(text, label: "unreadable")
    #expect(
      contents.problems == [
        "Zeile 2 des Journals ist ein Eintrag der unbekannten Art „lagekarte“ (etwa von einer neueren Version von resilienz) und wird übergangen.",
        "Zeile 3 des Journals ist im Format 3 geschrieben, das diese Version von resilienz nicht kennt (sie liest bis Format 2), und wird übergangen.",
        "Zeile 4 des Journals („set“) fehlt die Angabe „question“; sie wird übergangen.",
        "Zeile 5 des Journals („decide“) hat in „answer“ den ungültigen Wert „vielleicht“ und wird übergangen.",
        "Zeile 6 des Journals („plan-status“) hat in „status“ den ungültigen Wert „bald“ und wird übergangen.",
        "Zeile 7 des Journals („exercise-info“) hat in „text“ den ungültigen Wert „{kein json“ und wird übergangen.",
        "Zeile 8 des Journals ist beschädigt und wird übergangen.",
        // A clock factor `übung uhr` never accepts would make the exercise clock overflow.
        "Zeile 9 des Journals („exercise-clock“) hat in „compression“ den ungültigen Wert „9223372036854775807“ und wird übergangen.",
        "Zeile 10 des Journals („exercise-clock“) hat in „answer“ den ungültigen Wert „0“ und wird übergangen.",
      ])
    #expect(
      contents.records.map(\.entry) == [
        .start(knowledgeBase: "shell-test", version: "1.0"),
        .set(.init(question: "lage.dauer_wochen", answer: "8")),
      ])
    // Such lines keep the file a journal: it opens for writing and they stay as they are.
    let folder = try Fixture.temporaryDirectory("journal-format-kept")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("j.journal").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    try Journal(path: path).append(JournalRecord(.back))
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(text))
  }
}
