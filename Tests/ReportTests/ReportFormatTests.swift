import Report
import Testing

@Test(arguments: [
  ("lage.md", ReportFormat.md), ("LAGE.HTML", .html), ("bericht.htm", .html), ("x.markdown", .md),
  ("Lage.PDF", .pdf),
])
func formatFromFileName(name: String, format: ReportFormat) {
  #expect(ReportFormat(fileName: name) == format)
}

@Test func noFormatFromOtherNames() {
  #expect(ReportFormat(fileName: "bericht.odt") == nil)
  #expect(ReportFormat(fileName: "bericht") == nil)
}
