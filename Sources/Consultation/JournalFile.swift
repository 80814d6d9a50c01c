import Foundation

/// The few operations a journal performs on its file, behind a seam so that tests can put a disk
/// underneath that fails after a number of bytes (full, or broken) and check that no answer is
/// acknowledged that is not completely on disk.
public protocol JournalFile: AnyObject {
  /// Appends bytes at the end of the file; how many were written, and the error (errno) that
  /// stopped the write early, 0 when all were written.
  func append(_ bytes: UnsafeRawBufferPointer) -> (written: Int, error: Int32)
  /// Waits until everything written is on disk; 0 or an errno.
  func synchronize() -> Int32
  /// Cuts the file to `length` bytes; 0 or an errno.
  func truncate(to length: Int) -> Int32
  /// The file's length now, or nil when it cannot be determined.
  func length() -> Int?
}

/// A journal file on disk: an open descriptor in append mode.
public final class DescriptorJournalFile: JournalFile {
  public let descriptor: Int32

  public init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit {
    close(descriptor)
  }

  public func append(_ bytes: UnsafeRawBufferPointer) -> (written: Int, error: Int32) {
    guard let base = bytes.baseAddress else { return (0, 0) }
    var offset = 0
    while offset < bytes.count {
      let result = write(descriptor, base.advanced(by: offset), bytes.count - offset)
      if result < 0 {
        if errno == EINTR { continue }
        return (offset, errno)
      }
      // A write of zero bytes would loop forever; the disk takes nothing more.
      if result == 0 { return (offset, ENOSPC) }
      offset += result
    }
    return (offset, 0)
  }

  public func synchronize() -> Int32 {
    fsync(descriptor) == 0 ? 0 : errno
  }

  public func truncate(to length: Int) -> Int32 {
    ftruncate(descriptor, off_t(length)) == 0 ? 0 : errno
  }

  public func length() -> Int? {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    return Int(status.st_size)
  }

  /// The file's device and inode, to recognise it under any other name.
  public var identity: FileIdentity? {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
  }
}

/// A file as the system knows it: the same device and inode is the same file, whatever the path
/// (relative, through a link, with `./` or `..`).
public struct FileIdentity: Equatable, Hashable, Sendable {
  public var device: UInt64
  public var inode: UInt64

  public init(device: UInt64, inode: UInt64) {
    self.device = device
    self.inode = inode
  }

  /// The identity of the file at `path` (following links); nil when there is none.
  public init?(path: String) {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
  }
}
