/// Results of jobs that run at once (`DispatchQueue.concurrentPerform`), without locks: each job
/// writes only its own slot, and the caller reads them after all jobs are done.
final class Slots<Value>: @unchecked Sendable {
  private var values: UnsafeMutableBufferPointer<Value?>

  init(count: Int) {
    values = .allocate(capacity: count)
    values.initialize(repeating: nil)
  }

  deinit {
    values.deinitialize()
    values.deallocate()
  }

  /// Stores a job's result; each index is written by one job only.
  func put(_ value: Value, at index: Int) { values[index] = value }

  /// Moves a result out, leaving the slot empty.
  func take(_ index: Int) -> Value? {
    let slot = values.baseAddress! + index
    let value = slot.move()
    slot.initialize(to: nil)
    return value
  }
}

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
