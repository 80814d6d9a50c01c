import Foundation
import Testing
import _ResilienzTestSupport

/// The Kommunenprofil: standing answers kept between consultations, with their date.
struct MunicipalProfileTests {
  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("resilienz-profil-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func aSecondConsultationStartsFromTheSavedProfile() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let profile = folder.appendingPathComponent("profil.json").path
    let today = ["RESILIENZ_HEUTE": "2026-12-04"]
    let first = try CommandLineTests.run(
      ["--kb", ".", "--profil", profile], environment: today,
      input: """
        setze kommune.land = nw
        setze kommune.typ = kreis
        setze org.stabsstelle = ja
        setze stab.einberufen = ja
        setze lage.phase = Bewältigung
        kommunenprofil speichern
        kommunenprofil

        """)
    #expect(first.status == 0, "\(first.output)")
    #expect(
      first.output.contains("Kommunenprofil gespeichert: 3 Antworten, davon 3 neu oder geändert."), "\(first.output)")
    #expect(
      first.output.collapsingWhitespace.contains(
        "In welchem Land liegt Ihre Kommune? – Nordrhein-Westfalen (Stand 2026-12-04)"))
    let saved = try String(contentsOfFile: profile, encoding: .utf8)
    #expect(saved.contains("\"org.stabsstelle\""))
    #expect(!saved.contains("stab.einberufen"), "a situational answer stays out of the profile")
    #expect(!saved.contains("lage.phase"))

    // Next month: a new consultation takes the standing answers and does not ask them again.
    let second = try CommandLineTests.run(
      ["--kb", ".", "--profil", profile], environment: ["RESILIENZ_HEUTE": "2027-01-10"],
      input: "antworten\nexpect next lage.art\n")
    #expect(second.status == 0, "\(second.output)")
    #expect(second.output.contains("Aus dem Kommunenprofil übernommen: 3 Antworten."), "\(second.output)")
    #expect(second.output.contains("kommune.land = Nordrhein-Westfalen"))
  }

  @Test func anOldAnswerIsAskedAgain() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let profile = folder.appendingPathComponent("profil.json")
    try """
    {"answers":{"kommune.land":{"answer":"by","date":"2026-11-01"},"org.stabsstelle":{"answer":"nein","date":"2024-06-30"}},"format":"resilienz-kommunenprofil","version":1}
    """.write(to: profile, atomically: true, encoding: .utf8)
    let run = try CommandLineTests.run(
      ["--kb", ".", "--profil", profile.path], environment: ["RESILIENZ_HEUTE": "2026-12-04"], input: "kommunenprofil\n"
    )
    #expect(run.status == 0, "\(run.output)")
    #expect(
      run.output.collapsingWhitespace.contains(
        "Aus dem Kommunenprofil übernommen: 1 Antwort. 1 Antwort ist älter als ein Jahr und wird neu gefragt."),
      "\(run.output)")
    #expect(
      run.output.collapsingWhitespace.contains("(Stand 2024-06-30 – veraltet, wird neu gefragt)"), "\(run.output)")
  }

  @Test func aFileThatIsNotAProfileIsLeftAlone() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let other = folder.appendingPathComponent("notizen.json")
    try "{\"answers\": 3}".write(to: other, atomically: true, encoding: .utf8)
    let run = try CommandLineTests.run(
      ["--kb", ".", "--profil", other.path], environment: ["RESILIENZ_HEUTE": "2026-12-04"],
      input: "kommunenprofil speichern\n")
    #expect(run.status == 1)
    #expect(
      run.output.collapsingWhitespace.contains("ist kein Kommunenprofil von resilienz; es bleibt unverändert."),
      "\(run.output)")
    #expect(try String(contentsOf: other, encoding: .utf8) == "{\"answers\": 3}")
  }
}
