import Testing

@testable import KnowledgeBase

/// The unsafe containers the loader's parallel jobs hand their results over in: every element
/// is released exactly once, whether it is taken, moved out or left behind.
struct MoveBufferTests {
  final class Counted {
    let value: Int
    let released: Released
    init(_ value: Int, _ released: Released) {
      self.value = value
      self.released = released
    }
    deinit { released.values.append(value) }
  }

  final class Released {
    var values: [Int] = []
  }

  @Test func joinedMovesEveryElementOnceInOrder() {
    let released = Released()
    do {
      let buffers = [MoveBuffer<Counted>(capacity: 3), MoveBuffer(capacity: 0), MoveBuffer(capacity: 2)]
      for value in 0..<3 { buffers[0].append(Counted(value, released)) }
      buffers[2].append(Counted(3, released))
      let joined = MoveBuffer.joined(buffers)
      #expect(joined.map(\.value) == [0, 1, 2, 3])
      #expect(buffers.map(\.count) == [0, 0, 0])
      #expect(released.values.isEmpty)
    }
    #expect(released.values.sorted() == [0, 1, 2, 3])
  }

  @Test func elementsLeftInABufferAreReleasedWithIt() {
    let released = Released()
    do {
      let buffer = MoveBuffer<Counted>(capacity: 2)
      buffer.append(Counted(7, released))
      #expect(buffer.count == 1)
    }
    #expect(released.values == [7])
  }

  @Test func slotsGiveEachValueOnce() {
    let released = Released()
    do {
      let slots = Slots<Counted>(count: 3)
      slots.put(Counted(1, released), at: 0)
      slots.put(Counted(2, released), at: 2)
      #expect(slots.take(0)?.value == 1)
      #expect(slots.take(0) == nil)
      #expect(slots.take(1) == nil)
      #expect(released.values == [1])
    }
    // The value never taken goes with the slots.
    #expect(released.values.sorted() == [1, 2])
  }
}
