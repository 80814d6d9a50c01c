import Foundation
import Glibc

/// The real binary on a pseudo-terminal, as a person at a terminal would run it: the child is a
/// session leader whose controlling terminal is the pty, so readline edits lines and Ctrl-C
/// reaches it as a signal. Every read has a timeout; the child is killed when this goes away.
final class TerminalChild {
  enum Failure: Error {
    case pseudoTerminal(String)
    case spawn(Int32)
  }

  let master: Int32
  let pid: pid_t
  private var bytes: [UInt8] = []
  /// Where the next `expect` starts searching.
  private var mark = 0
  private(set) var exitStatus: Int32?

  init(arguments: [String], environment: [String: String]) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var name = [CChar](repeating: 0, count: 4096)
    var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, &name, nil, &size) == 0 else {
      throw Failure.pseudoTerminal("openpty: \(errno)")
    }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
    // The child opens the slave by name; ours is not needed once it runs.
    defer { close(slave) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Opened after setsid and without O_NOCTTY, the slave becomes the controlling terminal.
    posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    // Other tests' pipes must not leak into the child (glibc ≥ 2.34; looked up because Swift
    // does not import it).
    typealias AddCloseFrom =
      @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    if let symbol = dlsym(
      UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
    {
      _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    let setSessionID: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc), not imported into Swift
    posix_spawnattr_setflags(
      &attributes, Int16(setSessionID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let executable = ShellFixture.binary.path
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] =
      environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard result == 0 else {
      close(master)
      throw Failure.spawn(result)
    }
    self.master = master
    self.pid = pid
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(master)
  }

  /// Everything the terminal showed so far, escape sequences included.
  var screen: String { String(decoding: bytes, as: UTF8.self) }

  /// What arrived after the last matched `expect`.
  var recent: String { String(decoding: bytes[mark...], as: UTF8.self) }

  /// Types `text` as keys (`\r` is Enter, `\u{03}` Ctrl-C, `\u{04}` Ctrl-D, `\t` Tab).
  func type(_ text: String) {
    let data = Array(text.utf8)
    var offset = 0
    while offset < data.count {
      let written = data[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return
      }
      offset += written
    }
  }

  /// Reads until `needle` appears after the mark, then moves the mark behind it; false after the
  /// timeout or when the child has closed the terminal.
  @discardableResult
  func expect(_ needle: String, timeout: Double = 20) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let range = recent.range(of: needle) {
        let consumed = recent[..<range.upperBound].utf8.count
        mark += consumed
        return true
      }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0, readSome(waiting: min(remaining, 0.2)) else {
        if remaining <= 0 { return false }
        return recent.contains(needle)
      }
    }
  }

  /// Waits a little and collects whatever arrives; false when the terminal is closed.
  private func readSome(waiting seconds: Double) -> Bool {
    var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ready = poll(&request, 1, Int32(seconds * 1000))
    if ready <= 0 { return ready == 0 }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = read(master, &buffer, buffer.count)
    if count <= 0 { return false }
    bytes += buffer[0..<count]
    return true
  }

  /// Waits for the child to end; its exit status, or nil (after killing it) on timeout.
  func waitForExit(timeout: Double = 20) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    while Date() < deadline {
      _ = readSome(waiting: 0.05)
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid {
        // WIFEXITED / WEXITSTATUS are macros that Swift does not import.
        exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return exitStatus
      }
    }
    kill(pid, SIGKILL)
    waitpid(pid, &status, 0)
    exitStatus = -1
    return nil
  }
}
