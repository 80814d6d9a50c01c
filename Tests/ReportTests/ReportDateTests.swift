import Foundation
import Report
import Testing

struct ReportDateTests {
  @Test(arguments: [
    ("2026-03-14", "14. März 2026"), ("2024-02-29", "29. Februar 2024"), ("2000-12-01", "1. Dezember 2000"),
  ])
  func isoDatesInGerman(iso: String, german: String) throws {
    let date = try #require(ReportDate(iso: iso))
    #expect(date.german == german)
    #expect(date.iso == iso)
  }

  @Test(arguments: [
    "2026-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "14.03.2026", "", "2026-03-14x", "２０２６-03-14",
  ])
  func invalidDates(text: String) {
    #expect(ReportDate(iso: text) == nil)
  }

  @Test func todayInAGivenTimeZone() throws {
    // 2026-03-14 23:30 UTC is already the 15th in Berlin.
    let instant = Date(timeIntervalSince1970: 1_773_531_000)
    let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
    let utc = try #require(TimeZone(identifier: "UTC"))
    #expect(ReportDate.today(now: instant, timeZone: utc).iso == "2026-03-14")
    #expect(ReportDate.today(now: instant, timeZone: berlin).iso == "2026-03-15")
  }
}
