import HandbookDataStructures
import PropertyBased
import Testing

@Suite("Ring buffer queue")
struct RingBufferQueueTests {
    @Test("FIFO: enqueuing 1…5 dequeues 1…5, then nil")
    func dequeuesInArrivalOrder() {
        var queue = RingBufferQueue<Int>()
        for value in 1...5 { #expect(queue.enqueue(value) == true) }
        #expect(queue.first == 1)
        #expect(queue.last == 5)
        var dequeued: [Int] = []
        while let value = queue.dequeue() { dequeued.append(value) }
        #expect(dequeued == [1, 2, 3, 4, 5])
        #expect(queue.isEmpty)
    }

    @Test("an empty queue's dequeue, first and last give nil instead of Go's -1")
    func emptyQueueGivesNil() {
        var queue = RingBufferQueue<Int>()
        #expect(queue.dequeue() == nil)
        #expect(queue.first == nil)
        #expect(queue.last == nil)
        #expect(queue.count == 0)
        #expect(!queue.isFull)
    }

    @Test("Go's CircularQueue script: a bounded queue returns false when full and accepts again after a dequeue")
    func boundedQueueRefusesWhenFull() {
        var queue = RingBufferQueue<Int>(maximumCount: 3)
        #expect(queue.enqueue(1) == true)
        #expect(queue.enqueue(2) == true)
        #expect(queue.enqueue(3) == true)
        #expect(queue.enqueue(4) == false)
        #expect(queue.last == 3)
        #expect(queue.isFull)
        #expect(queue.dequeue() == 1)
        #expect(queue.enqueue(4) == true)
        #expect(queue.last == 4)
        #expect(Array(queue) == [2, 3, 4])
        #expect(queue.capacity == 3)  // a bounded ring never grows
    }

    @Test("wraparound: enqueue 3, dequeue 2, enqueue 2 keeps FIFO order without growing")
    func wraparoundKeepsOrder() {
        var queue = RingBufferQueue<Int>(maximumCount: 4)
        for value in 1...3 { queue.enqueue(value) }
        #expect(queue.dequeue() == 1)
        #expect(queue.dequeue() == 2)
        queue.enqueue(4)
        queue.enqueue(5)  // lands in slot 0: the ring has wrapped
        #expect(queue.capacity == 4)
        #expect(Array(queue) == [3, 4, 5])
        #expect(queue.first == 3)
        #expect(queue.last == 5)
        #expect([queue.dequeue(), queue.dequeue(), queue.dequeue(), queue.dequeue()] == [3, 4, 5, nil])
    }

    @Test("growth while the contents wrap past the end unrolls them and keeps FIFO order")
    func growthAcrossTheWrapKeepsOrder() {
        var queue = RingBufferQueue<Int>()
        for value in 1...4 { queue.enqueue(value) }
        #expect(queue.capacity == 4)
        queue.dequeue()
        queue.dequeue()
        queue.enqueue(5)
        queue.enqueue(6)  // full and wrapped: slots hold [5, 6, 3, 4]
        #expect(queue.capacity == 4)
        queue.enqueue(7)  // grows to 8
        #expect(queue.capacity == 8)
        #expect(Array(queue) == [3, 4, 5, 6, 7])
        #expect(queue == [3, 4, 5, 6, 7])
    }

    @Test("copy-on-write: a copy shares the buffer until one side mutates, and never sees the other's writes")
    func copiesAreIndependent() {
        var original: RingBufferQueue = [1, 2, 3]
        var copy = original
        #expect(copy.sharesStorage(with: original))
        copy.enqueue(4)
        #expect(!copy.sharesStorage(with: original))
        #expect(Array(original) == [1, 2, 3])
        #expect(Array(copy) == [1, 2, 3, 4])
        var another = original
        another.dequeue()
        #expect(Array(original) == [1, 2, 3])
        #expect(Array(another) == [2, 3])
        original.removeAll()
        #expect(Array(another) == [2, 3])
    }

    @Test("a dequeued object is freed: its slot is cleared, not just skipped")
    func dequeueReleasesTheElement() {
        final class Payload {}
        weak var probe: Payload?
        var queue = RingBufferQueue<Payload>()
        do {
            let payload = Payload()
            probe = payload
            queue.enqueue(payload)
            queue.enqueue(Payload())
        }
        #expect(probe != nil)
        _ = queue.dequeue()
        #expect(probe == nil)
        #expect(queue.count == 1)
    }

    @Test("Array.removeFirst shifts every remaining element down; ArraySlice.removeFirst only moves startIndex")
    func removeFirstOnArrayIsLinear() {
        var array = Array(0..<1_000)
        array.reserveCapacity(1_000)
        let before = array.withUnsafeBufferPointer { $0.baseAddress }
        array.removeFirst()
        // Same buffer, same first address, but element 1 now sits there: all
        // 999 elements were moved, which is O(n) per dequeue.
        #expect(array.withUnsafeBufferPointer { $0.baseAddress } == before)
        #expect(array.first == 1)
        #expect(array.startIndex == 0)

        var slice = Array(0..<1_000)[...]
        slice.removeFirst()
        // Nothing moved: the slice's window starts one index later (O(1)), but
        // the whole buffer stays alive and its front is never reused.
        #expect(slice.startIndex == 1)
        #expect(slice.first == 1)
    }

    @Test("a bounded queue with no room traps with a message naming the bad maximum")
    func zeroMaximumCountTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = RingBufferQueue<Int>(maximumCount: 0)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("maximumCount > 0, got 0"))
    }

    /// Op codes: 0 mod 4 dequeues, 1 mod 4 copies the queue and mutates the
    /// copy (the original must not change), anything else enqueues the code.
    /// Small maximum counts make the bounded variant hit "full" and wrap often.
    @Test("1,000 random op sequences (growable and bounded) agree with an Array oracle")
    func matchesArrayOracle() async {
        await propertyCheck(
            count: 1_000, input: Gen.int(in: 0...99).array(of: 0...40), Gen.int(in: 0...6)
        ) { codes, bound in
            var queue = bound == 0 ? RingBufferQueue<Int>() : RingBufferQueue<Int>(maximumCount: bound)
            var oracle: [Int] = []
            for code in codes {
                switch code % 4 {
                case 0:
                    #expect(queue.dequeue() == (oracle.isEmpty ? nil : oracle.removeFirst()))
                case 1:
                    var copy = queue
                    copy.dequeue()
                    copy.enqueue(-1)
                    #expect(Array(queue) == oracle)
                default:
                    let accepted = bound == 0 || oracle.count < bound
                    #expect(queue.enqueue(code) == accepted)
                    if accepted { oracle.append(code) }
                }
                #expect(queue.count == oracle.count)
                #expect(queue.first == oracle.first)
                #expect(queue.last == oracle.last)
            }
            #expect(Array(queue) == oracle)
        }
    }
}
