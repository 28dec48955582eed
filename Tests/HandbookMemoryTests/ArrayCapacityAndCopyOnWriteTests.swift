import HandbookMemory
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Array capacity and copy-on-write")
struct ArrayCapacityAndCopyOnWriteTests {
    typealias Lesson = ArrayCapacityAndCopyOnWrite
    typealias Buffer = Lesson.CoWBuffer<Int>

    @Test("appending 2000 Ints: capacity strictly increases, at least doubles each time, ≤ 12 reallocations")
    func capacityGrowsGeometrically() throws {
        let history = Lesson.capacityHistory(appending: 2_000)
        #expect(history.count <= 12, "reallocations: \(history)")
        #expect(Lesson.growsGeometrically(history), "not geometric: \(history)")
        #expect(try #require(history.last) >= 2_000)
        #expect(try #require(history.first) >= 1)
        // The hand-built buffer follows the same rule.
        var buffer = Buffer()
        var capacities: [Int] = []
        for value in 0..<2_000 {
            buffer.append(value)
            if capacities.last != buffer.capacity { capacities.append(buffer.capacity) }
        }
        #expect(capacities.count <= 12 && Lesson.growsGeometrically(capacities), "\(capacities)")
    }

    @Test("reserveCapacity(1000) then 1000 appends: capacity unchanged and the buffer never moves")
    func reservingAvoidsReallocation() {
        let report = Lesson.appendAfterReserving(1_000)
        #expect(report.capacityBefore >= 1_000)
        #expect(report.capacityAfter == report.capacityBefore)
        #expect(!report.bufferMoved)
    }

    @Test("removeAll(keepingCapacity: true) keeps the buffer; removeAll() and removeLast(n) differ")
    func removeAllKeepingCapacity() {
        var numbers = Array(0..<1_000)
        let capacity = numbers.capacity
        numbers.removeLast(900)  // shrinking the count never shrinks the buffer
        #expect(numbers.count == 100 && numbers.capacity == capacity)
        numbers.removeAll(keepingCapacity: true)
        #expect(numbers.isEmpty && numbers.capacity == capacity)
        numbers.removeAll()
        #expect(numbers.capacity == 0)
    }

    @Test(
        "Array(unsafeUninitializedCapacity:) fills one worst-case buffer and reports the initialised count",
        arguments: [[], [1], [1, 2, 3, 4, 5, 6], Array(-50...50)])
    func unsafeUninitializedCapacity(values: [Int]) {
        let evens = Lesson.filteredInPlace(values) { $0.isMultiple(of: 2) }
        #expect(evens == values.filter { $0.isMultiple(of: 2) })
        #expect(evens.capacity >= values.count || values.isEmpty)
    }

    @Test("var b = a shares a's buffer; writing to b copies it and leaves a unchanged")
    func arrayCopyOnWrite() {
        let a = Array(0..<100)
        var b = a
        #expect(Lesson.shareBuffer(a, b))
        b.append(100)
        #expect(!Lesson.shareBuffer(a, b))
        #expect(a == Array(0..<100))
        #expect(b.count == 101)
    }

    @Test("CoWBuffer: unique before the copy, shared after, exactly one storage copy for 101 appends")
    func handBuiltCopyOnWriteCopiesOnce() {
        // hasUniqueStorage() is mutating (isKnownUniquelyReferenced needs inout), so read it outside #expect.
        var a: Buffer = [1, 2, 3]
        let uniqueBeforeCopy = a.hasUniqueStorage()
        #expect(uniqueBeforeCopy)
        #expect(a.storageCopies == 0)
        var b = a
        let uniqueWhileShared = a.hasUniqueStorage()
        #expect(!uniqueWhileShared)
        b.append(4)
        #expect(b.storageCopies == 1)
        let bothUniqueAfterWrite = a.hasUniqueStorage() && b.hasUniqueStorage()
        #expect(bothUniqueAfterWrite)
        for value in 0..<100 { b.append(value) }
        #expect(b.storageCopies == 1, "appending to a uniquely owned buffer must not copy")
        #expect(Array(a) == [1, 2, 3])
        #expect(Array(b.prefix(4)) == [1, 2, 3, 4] && b.count == 104)
        #expect(a.storageCopies == 0)
    }

    @Test("CoWBuffer: subscript writes and removeLast on a copy never reach the original")
    func handBuiltCopyIsIndependent() {
        var original: Buffer = [10, 20, 30]
        var copy = original
        copy[0] = -1
        copy.removeLast()
        #expect(Array(original) == [10, 20, 30])
        #expect(Array(copy) == [-1, 20])
        original[2] = 99  // now unique again: written in place, no copy
        #expect(original.storageCopies == 0)
        #expect(Array(copy) == [-1, 20])
        #expect(original != copy && copy == [-1, 20])
    }

    @Test("a one-element ArraySlice keeps its 1M-element base buffer alive; Array(slice) does not")
    func sliceKeepsBaseAlive() {
        let (slice, baseBuffer) = Lesson.lastElementSlice(ofArrayWithCount: 1_000_000)
        #expect(slice.count == 1 && slice.first == 999_999)
        // The function's array is gone, yet the slice still reads from its buffer.
        #expect(baseBuffer.contains(Lesson.elementAddress(of: slice)))
        let detached = Array(slice)
        #expect(!baseBuffer.contains(Lesson.bufferAddress(of: detached)))
        #expect(detached.capacity < 1_000)
    }

    final class Tracked {}

    @Test("a slice keeps every element of its base alive, not just its own")
    func sliceRetainsAllElements() {
        weak var firstElement: Tracked?
        var kept: ArraySlice<Tracked>
        do {
            let objects = (0..<1_000).map { _ in Tracked() }
            firstElement = objects[0]
            kept = objects[999...]
        }
        #expect(firstElement != nil, "the slice holds the whole base buffer")
        let copy = Array(kept)
        kept = []
        #expect(firstElement == nil, "Array(slice) copied one element; the base buffer is gone")
        #expect(copy.count == 1)
    }

    @Test("property: CoWBuffer behaves like [Int] under random operations with copies (200 cases)")
    func behavesLikeArray() async {
        // Each step is (operation, value): 0-3 append, 4 removeLast, 5 write, 6-7 take a copy and keep it.
        let steps = zip(Gen.int(in: 0...7), Gen.int(in: -50...50)).array(of: 0...80)
        await propertyCheck(count: 200, input: steps) { steps in
            var buffer = Buffer()
            var oracle: [Int] = []
            var snapshots: [(buffer: Buffer, oracle: [Int])] = []
            for (operation, value) in steps {
                switch operation {
                case 0...3:
                    buffer.append(value)
                    oracle.append(value)
                case 4 where !oracle.isEmpty:
                    let removed = buffer.removeLast()
                    #expect(removed == oracle.removeLast())
                case 5 where !oracle.isEmpty:
                    let index = abs(value) % oracle.count
                    buffer[index] = value
                    oracle[index] = value
                case 6, 7:
                    snapshots.append((buffer, oracle))
                default:
                    break
                }
                #expect(Array(buffer) == oracle)
                #expect(buffer.count <= buffer.capacity)
            }
            for snapshot in snapshots {
                #expect(Array(snapshot.buffer) == snapshot.oracle, "a kept copy saw a later write")
            }
            // One copy at most per snapshot taken: copies happen only when shared.
            #expect(buffer.storageCopies <= snapshots.count)
        }
    }
}
