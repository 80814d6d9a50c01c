import Foundation

/// What the server's loop reacts to: messages from the reader thread and finished checks.
enum ServerEvent: Sendable {
  case incoming(IncomingMessage)
  case checked(CheckOutcome)
}

/// A queue of events that the loop waits on, with a deadline for debounced checks.
final class EventQueue: @unchecked Sendable {
  // Every access to `events` holds `condition`'s lock; that is what makes the class safe to share.
  private var events: [ServerEvent] = []
  private let condition = NSCondition()

  func push(_ event: ServerEvent) {
    condition.lock()
    events.append(event)
    condition.signal()
    condition.unlock()
  }

  /// The next event, or nil when `deadline` passes first.
  func pop(until deadline: Date?) -> ServerEvent? {
    condition.lock()
    defer { condition.unlock() }
    while events.isEmpty {
      if let deadline {
        if !condition.wait(until: deadline) && events.isEmpty { return nil }
      } else {
        condition.wait()
      }
    }
    return events.removeFirst()
  }

  /// Whether a message is waiting; a check is put off while the editor is still sending.
  var hasPendingMessage: Bool {
    condition.lock()
    defer { condition.unlock() }
    return events.contains {
      if case .incoming = $0 { return true }
      return false
    }
  }
}
