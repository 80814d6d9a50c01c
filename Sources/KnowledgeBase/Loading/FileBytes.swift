import Foundation

/// Reading whole files.
enum FileBytes {
  /// The bytes of the regular file at `path`, read straight into the array: `FileManager`'s
  /// `Data` would be copied once more, which for a large rule file costs a copy of megabytes.
  /// Nil for anything but a regular file (opened without waiting, so a named pipe cannot block)
  /// and when the file cannot be read. A file that changes while it is read gives what was read
  /// up to its end.
  static func contents(of path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(status.st_size)
    var failed = false
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      failed = !readToEnd(descriptor, into: buffer, count: &count)
    }
    guard !failed else { return nil }
    // Shrunk since `fstat`: what there was. Otherwise one byte more tells whether it grew.
    guard bytes.count == size else { return bytes }
    var chunk = [UInt8](repeating: 0, count: 1)
    while true {
      var count = 0
      guard chunk.withUnsafeMutableBufferPointer({ readToEnd(descriptor, into: $0, count: &count) }) else { return nil }
      bytes += chunk.prefix(count)
      if count < chunk.count { return bytes }
      // Grown: read on until the end, in larger pieces.
      if chunk.count == 1 { chunk = [UInt8](repeating: 0, count: 64 * 1024) }
    }
  }

  /// What is at a path, links followed.
  enum Kind {
    case regularFile, folder, other
    /// Nothing, or nothing this process may look at.
    case missing
  }

  /// What is at `path`, from one `stat`.
  static func kind(of path: String) -> Kind {
    var status = stat()
    guard stat(path, &status) == 0 else { return .missing }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return .regularFile
    case S_IFDIR: return .folder
    default: return .other
    }
  }

  /// Reads until the buffer is full or the file ends; false on an error.
  private static func readToEnd(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, count: inout Int)
    -> Bool
  {
    while count < buffer.count {
      let got = read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
      if got < 0, errno == EINTR { continue }
      guard got >= 0 else { return false }
      if got == 0 { break }
      count += got
    }
    return true
  }
}
