import Foundation

/// Reading whole files.
enum FileBytes {
  /// The bytes of the regular file at `path`, read straight into the array: `FileManager`'s
  /// `Data` would be copied once more, which for a large rule file costs a copy of megabytes.
  /// Nil for anything but a regular file (a pipe is not even opened: it could block) and when the
  /// file cannot be read. A file that changes while it is read gives what was read up to its end.
  static func contents(of path: String) -> [UInt8]? {
    guard isRegularFile(path) else { return nil }
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

  /// Whether `path`, links followed, is a regular file.
  static func isRegularFile(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
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
