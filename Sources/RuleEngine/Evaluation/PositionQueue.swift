/// A min-heap of places in the decision order, holding each place at most once.
struct PositionQueue {
  private var heap: [Int32] = []
  private var queued: [Bool]

  init(capacity: Int) {
    queued = Array(repeating: false, count: capacity)
  }

  mutating func push(_ place: Int32) {
    guard !queued[Int(place)] else { return }
    queued[Int(place)] = true
    heap.append(place)
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child] < heap[parent] else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  /// The place `pop` returns next.
  var first: Int32? { heap.first }

  mutating func pop() -> Int32? {
    guard let top = heap.first else { return nil }
    let last = heap.removeLast()
    if !heap.isEmpty {
      heap[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < heap.count else { break }
        var smallest = left
        if left + 1 < heap.count, heap[left + 1] < heap[left] { smallest = left + 1 }
        guard heap[smallest] < heap[parent] else { break }
        heap.swapAt(smallest, parent)
        parent = smallest
      }
    }
    queued[Int(top)] = false
    return top
  }
}
