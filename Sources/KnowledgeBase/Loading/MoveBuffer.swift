/// Elements that one job appends and that are then moved, never copied, into one array with those
/// of the other jobs: a copy would retain every reference in every element, and release it again.
final class MoveBuffer<Element>: @unchecked Sendable {
  private let base: UnsafeMutablePointer<Element>
  private let capacity: Int
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = max(0, capacity)
    base = .allocate(capacity: max(1, capacity))
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  func append(_ element: consuming Element) {
    precondition(count < capacity, "more elements than the buffer was made for")
    (base + count).initialize(to: element)
    count += 1
  }

  /// The elements of all buffers in order; the buffers are left empty.
  static func joined(_ buffers: [MoveBuffer]) -> [Element] {
    let total = buffers.reduce(0) { $0 + $1.count }
    guard total > 0 else { return [] }
    return Array(unsafeUninitializedCapacity: total) { target, initialized in
      for buffer in buffers {
        (target.baseAddress! + initialized).moveInitialize(from: buffer.base, count: buffer.count)
        initialized += buffer.count
        buffer.count = 0
      }
    }
  }
}
