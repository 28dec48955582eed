import HandbookDataStructures
import PropertyBased
import Testing

@Suite("Fast ring buffer queue (the production version)")
struct FastRingBufferQueueTests {
    /// Counts the deinits of the objects it hands out: the proof that a
    /// queue of uninitialized slots releases exactly what it holds.
    final class DeinitCounter {
        var count = 0

        final class Tracked {
            let counter: DeinitCounter
            let value: Int
            init(_ value: Int, _ counter: DeinitCounter) {
                self.value = value
                self.counter = counter
            }
            deinit { counter.count += 1 }
        }

        func make(_ value: Int) -> Tracked { Tracked(value, self) }
    }

    @Test("FIFO with Deque's names: append 1…5, popFirst gives 1…5, then nil; capacity is a power of two")
    func appendsAndPopsInOrder() {
        var queue = FastRingBufferQueue<Int>()
        #expect(queue.popFirst() == nil && queue.first == nil && queue.last == nil && queue.capacity == 0)
        for value in 1...5 { queue.append(value) }
        #expect(queue.first == 1 && queue.last == 5 && queue.count == 5 && queue.capacity == 8)
        for value in 6...9 { queue.append(value) }
        #expect(queue.capacity == 16)
        var popped: [Int] = []
        while let value = queue.popFirst() { popped.append(value) }
        #expect(popped == Array(1...9))
        #expect(queue.isEmpty)
    }

    @Test("growth while the contents wrap past the end moves them into logical order")
    func growthAcrossTheWrapKeepsOrder() {
        var queue = FastRingBufferQueue<Int>(1...8)  // full at capacity 8
        for _ in 0..<5 { queue.popFirst() }
        for value in 9...13 { queue.append(value) }  // wraps: head 5, count 8
        #expect(queue.capacity == 8)
        queue.append(14)  // full and wrapped: grows to 16
        #expect(queue.capacity == 16)
        #expect(Array(queue) == Array(6...14))
        queue._checkInvariants()
    }

    @Test("dropping a wrapped queue deinitializes exactly the live elements; popFirst moves an element out")
    func deinitReleasesExactlyTheLiveElements() {
        let counter = DeinitCounter()
        do {
            var queue = FastRingBufferQueue<DeinitCounter.Tracked>()
            for value in 0..<8 { queue.append(counter.make(value)) }
            for _ in 0..<5 { _ = queue.popFirst() }
            #expect(counter.count == 5, "a popped element is not kept alive by its old slot")
            for value in 8..<12 { queue.append(counter.make(value)) }  // 7 live, wrapped past the end
            #expect(queue.count == 7 && counter.count == 5)
        }
        #expect(counter.count == 12, "every element freed once: none leaked, none released twice")
    }

    @Test("copy-on-write: a copy shares storage until one side mutates, and never sees the other's writes")
    func copiesAreIndependent() {
        let counter = DeinitCounter()
        do {
            var original = FastRingBufferQueue<DeinitCounter.Tracked>()
            for value in 0..<3 { original.append(counter.make(value)) }
            var copy = original
            #expect(copy.sharesStorage(with: original))
            _ = copy.popFirst()
            copy.append(counter.make(99))
            #expect(!copy.sharesStorage(with: original))
            #expect(original.map(\.value) == [0, 1, 2])
            #expect(copy.map(\.value) == [1, 2, 99])
            #expect(counter.count == 0, "element 0 is still owned by the original")
        }
        #expect(counter.count == 4)
    }

    /// Op codes: 0 mod 4 pops, 1 mod 4 copies and mutates the copy, anything
    /// else appends. Checked against an Array after every step; one
    /// expectation per case (thousands of #expect calls slow ThreadSanitizer).
    @Test("1,000 random op sequences agree with an Array oracle, and with RingBufferQueue")
    func matchesArrayOracle() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...99).array(of: 0...60)) { codes in
            var queue = FastRingBufferQueue<Int>()
            var readable = RingBufferQueue<Int>()
            var oracle: [Int] = []
            var failure: String?
            for (step, code) in codes.enumerated() where failure == nil {
                switch code % 4 {
                case 0:
                    let expected = oracle.isEmpty ? nil : oracle.removeFirst()
                    let (got, reference) = (queue.popFirst(), readable.dequeue())
                    if got != expected || reference != expected {
                        failure = "step \(step): pop gave \(String(describing: got))"
                    }
                case 1:
                    var copy = queue
                    _ = copy.popFirst()
                    copy.append(-1)
                    if Array(queue) != oracle { failure = "step \(step): a copy's writes reached the original" }
                default:
                    queue.append(code)
                    readable.enqueue(code)
                    oracle.append(code)
                }
                if queue.count != oracle.count || queue.first != oracle.first || queue.last != oracle.last {
                    failure =
                        failure ?? "step \(step): count/first/last \(queue.count)/\(String(describing: queue.first))"
                }
                queue._checkInvariants()
            }
            let contents = (fast: Array(queue), readable: Array(readable))
            let agrees = failure == nil && contents.fast == oracle && contents.readable == oracle
            #expect(agrees, "\(failure ?? "final contents: \(contents), oracle \(oracle)")")
        }
    }

    /// The same op codes with reference-counted elements, plus `removeAll`
    /// (code 3 mod 4 when it is a multiple of 7): every element the oracle
    /// no longer holds must have been freed, exactly once, after every step,
    /// through growth of a wrapped ring, copies and clearing.
    @Test("1,000 random op sequences on class elements free exactly what the oracle dropped")
    func freesExactlyWhatTheOracleDropped() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...99).array(of: 0...60)) { codes in
            let counter = DeinitCounter()
            var created = 0
            var failure: String?
            do {
                var queue = FastRingBufferQueue<DeinitCounter.Tracked>()
                var oracle: [Int] = []
                for (step, code) in codes.enumerated() where failure == nil {
                    switch code % 4 {
                    case 0:
                        let expected = oracle.isEmpty ? nil : oracle.removeFirst()
                        if queue.popFirst()?.value != expected { failure = "step \(step): wrong element popped" }
                    case 1:
                        var copy = queue
                        _ = copy.popFirst()
                        copy.append(counter.make(-1))
                        created += 1
                    case 3 where code % 7 == 0:
                        queue.removeAll()
                        oracle.removeAll()
                    default:
                        queue.append(counter.make(code))
                        created += 1
                        oracle.append(code)
                    }
                    // Live objects are exactly the oracle's: the copy above is gone by now.
                    if created - counter.count != oracle.count || queue.map(\.value) != oracle {
                        failure = failure ?? "step \(step): \(created - counter.count) alive, oracle \(oracle.count)"
                    }
                }
            }
            let leaked = created - counter.count
            #expect(failure == nil && leaked == 0, "\(failure ?? "\(leaked) leaked after the queue was dropped")")
        }
    }
}
