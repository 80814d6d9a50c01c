import Consultation
import Report

extension Shell {
  /// The journal this consultation writes to, as the files no command may replace.
  var openJournals: [FileIdentity] { [consultation.journal?.identity].compactMap { $0 } }

  /// Writes a file the user named; every command that writes one comes here. Never over the
  /// journal of this consultation (or any other in use); an existing file only after a yes at
  /// the terminal, or with `--force` in scripts (`retry` is the command line that says so).
  /// Returns whether the file was written; every failure is reported.
  @discardableResult
  func writeUserFile(_ path: String, force: Bool, retry: String, declined: String, _ write: () throws -> Void) -> Bool {
    do {
      try AtomicFile.checkTarget(path, overwrite: force, journals: openJournals)
    } catch .exists where options.interactive && confirm != nil {
      guard let confirm, confirm("„\(path)“ gibt es schon. Überschreiben? [j/N] ") else {
        line(declined)
        return false
      }
    } catch .exists {
      fail("„\(path)“ gibt es schon. Zum Überschreiben: \(retry)")
      return false
    } catch {
      fail(error.description)
      return false
    }
    do {
      try write()
    } catch let error as ReportError {
      fail(error.message)
      return false
    } catch let error as AtomicFileError {
      fail("„\(path)“ kann nicht geschrieben werden: \(error).")
      return false
    } catch {
      fail(String(describing: error))
      return false
    }
    return true
  }
}
