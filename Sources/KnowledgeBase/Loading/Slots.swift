/// Results of jobs that run at once (`DispatchQueue.concurrentPerform`), without locks: each job
/// writes only its own slot, and the caller reads them after all jobs are done.
final class Slots<Value>: @unchecked Sendable {
  private let values: UnsafeMutableBufferPointer<Value?>

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

  /// Moves a result out, leaving the slot empty; nil if the job stored none.
  func take(_ index: Int) -> Value? {
    let slot = values.baseAddress! + index
    let value = slot.move()
    slot.initialize(to: nil)
    return value
  }
}
