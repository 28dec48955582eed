import HandbookLeetCode
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("LeetCode 215: kth largest element in an array")
struct KthLargestElementInAnArrayTests {
    typealias Lesson = KthLargestElementInAnArray

    /// A terrible generator: 1, 2, 3, … With such small values
    /// `Int.random(in: low...high)` keeps returning `low`, so the pivot is the
    /// first element of the range, the worst case for sorted input. (A
    /// generator stuck at 0 would hang: the stdlib rejects 0 and draws again.)
    struct CountingGenerator: RandomNumberGenerator {
        var state: UInt64 = 0
        mutating func next() -> UInt64 {
            state &+= 1
            return state
        }
    }

    @Test(
        "LeetCode's published examples, both methods",
        arguments: [([3, 2, 1, 5, 6, 4], 2, 5), ([3, 2, 3, 1, 2, 4, 5, 5, 6], 4, 4)])
    func publishedExamples(numbers: [Int], k: Int, expected: Int) throws {
        var generator = SeededRandomNumberGenerator(seed: 215)
        #expect(try Lesson.quickselect(numbers, k: k, using: &generator) == expected)
        #expect(try Lesson.quickselect(numbers, k: k) == expected)
        #expect(try Lesson.usingHeap(numbers, k: k) == expected)
    }

    @Test(
        "edge cases: one element, all duplicates, negatives, Int extremes, k = 1 and k = n",
        arguments: [
            ([7], 1, 7), ([4, 4, 4, 4], 3, 4), ([-1, -5, -3], 1, -1), ([-1, -5, -3], 3, -5),
            ([Int.max, Int.min, 0], 1, Int.max), ([Int.max, Int.min, 0], 3, Int.min), ([5, 5, 1], 2, 5),
        ])
    func edgeCases(numbers: [Int], k: Int, expected: Int) throws {
        var generator = SeededRandomNumberGenerator(seed: 42)
        #expect(try Lesson.quickselect(numbers, k: k, using: &generator) == expected)
        #expect(try Lesson.usingHeap(numbers, k: k) == expected)
    }

    @Test(
        "invalid k throws a typed error: k = 0, k > count, empty input",
        arguments: [([1, 2], 0), ([1, 2], 3), ([], 1)])
    func invalidKThrows(numbers: [Int], k: Int) {
        #expect(throws: Lesson.Failure.invalidK(k: k, count: numbers.count)) {
            try Lesson.quickselect(numbers, k: k)
        }
        #expect(throws: Lesson.Failure.invalidK(k: k, count: numbers.count)) {
            try Lesson.usingHeap(numbers, k: k)
        }
    }

    @Test("the injected generator makes quickselect reproducible, and even the worst pivot stays correct")
    func injectedGenerator() throws {
        let sorted = Array(1...200)
        var worst = CountingGenerator()  // always picks the first element: O(n²) rounds, same answer
        #expect(try Lesson.quickselect(sorted, k: 10, using: &worst) == 191)
        var first = SeededRandomNumberGenerator(seed: 7)
        var second = SeededRandomNumberGenerator(seed: 7)
        _ = try Lesson.quickselect(sorted.shuffled(using: &first), k: 3, using: &first)
        _ = try Lesson.quickselect(sorted.shuffled(using: &second), k: 3, using: &second)
        #expect(first.next() == second.next(), "same seed, same draws")
    }

    @Test("quickselect leaves the caller's array untouched")
    func doesNotReorderInput() throws {
        let numbers = [9, 1, 8, 2, 7, 3]
        _ = try Lesson.quickselect(numbers, k: 2)
        #expect(numbers == [9, 1, 8, 2, 7, 3])
    }

    @Test("MinHeap: popMin returns nil when empty, removeMin traps")
    func heapEmptyBehaviour() async {
        var heap = Lesson.MinHeap<Int>()
        #expect(heap.popMin() == nil)
        #expect(heap.isEmpty && heap.min == nil)
        await #expect(processExitsWith: .failure) {
            var empty = KthLargestElementInAnArray.MinHeap<Int>()
            empty.removeMin()
        }
    }

    @Test("MinHeap matches a sorted-array oracle over 1,000 random operation sequences")
    func heapMatchesOracle() async {
        // nil pops the minimum, a number inserts it.
        await propertyCheck(count: 1_000, input: Gen.int(in: -20...20).optional().array(of: 0...40)) { operations in
            var heap = Lesson.MinHeap<Int>()
            var oracle: [Int] = []
            for operation in operations {
                if let value = operation {
                    heap.insert(value)
                    oracle.append(value)
                    oracle.sort()
                } else {
                    #expect(heap.popMin() == (oracle.isEmpty ? nil : oracle.removeFirst()))
                }
                #expect(heap.count == oracle.count)
                #expect(heap.min == oracle.first)
            }
        }
    }

    @Test("both methods match sorting on 1,000 random arrays and k")
    func matchesSortingOracle() async {
        let input = zip(Gen.int(in: -30...30).array(of: 1...25), Gen.int(in: 1...25), Gen.uint64())
        await propertyCheck(count: 1_000, input: input) { numbers, rawK, seed in
            let k = min(rawK, numbers.count)
            let expected = numbers.sorted(by: >)[k - 1]
            var generator = SeededRandomNumberGenerator(seed: seed)
            #expect((try? Lesson.quickselect(numbers, k: k, using: &generator)) == expected)
            #expect((try? Lesson.usingHeap(numbers, k: k)) == expected)
        }
    }
}
