import HandbookDataStructures
import PropertyBased
import Testing

@Suite("Binary heap")
struct BinaryHeapTests {
    /// Pops until empty: the heap's elements in priority order.
    static func drain<T>(_ heap: BinaryHeap<T>) -> [T] {
        var heap = heap
        var popped: [T] = []
        while let next = heap.popMin() { popped.append(next) }
        return popped
    }

    @Test("popping everything gives sorted output from a min-heap and reverse-sorted from a max-heap, duplicates kept")
    func drainingSortsBothWays() {
        let numbers = [5, 3, 8, 1, 9, 2, 8, -4, 0, 3]
        #expect(Self.drain(BinaryHeap(numbers)) == numbers.sorted())
        #expect(Self.drain(BinaryHeap(numbers, by: >)) == numbers.sorted(by: >))
        #expect(Self.drain(BinaryHeap(insertingOneByOne: numbers, by: <)) == numbers.sorted())
        #expect(Self.drain(["pear", "apple", "fig"] as BinaryHeap) == ["apple", "fig", "pear"])
    }

    @Test("heapify of [5,3,8,1,9,2] puts 1 at the root and every a[i] <= a[2i+1], a[2i+2]")
    func heapifyEstablishesTheHeapProperty() {
        let heap = BinaryHeap([5, 3, 8, 1, 9, 2])
        #expect(heap.min == 1)
        #expect(heap.count == 6)
        let a = heap.unordered
        for i in a.indices {
            for child in [2 * i + 1, 2 * i + 2] where child < a.count {
                #expect(a[i] <= a[child], "a[\(i)] = \(a[i]) > a[\(child)] = \(a[child])")
            }
        }
        #expect(a.sorted() == [1, 2, 3, 5, 8, 9])
    }

    @Test("heapify makes O(n) comparisons; n inserts of a descending sequence make O(n log n)")
    func heapifyIsLinearInsertionIsNot() {
        final class Counter { var comparisons = 0 }
        let n = 1_024
        let descending = Array((0..<n).reversed())  // the worst case for inserts: each one sifts to the root

        let heapify = Counter()
        let built = BinaryHeap(descending) {
            heapify.comparisons += 1
            return $0 < $1
        }
        let inserts = Counter()
        let inserted = BinaryHeap(insertingOneByOne: descending) {
            inserts.comparisons += 1
            return $0 < $1
        }

        #expect(built.min == 0 && inserted.min == 0)
        // 2n for the sift-downs, plus n - 1 for the debug-build invariant check.
        #expect(heapify.comparisons <= 3 * n)
        // Each insert sifts up about log2(i) levels: over 8,000 comparisons for n = 1,024.
        #expect(inserts.comparisons > 8 * n)
    }

    @Test("popMin and min on an empty heap give nil")
    func emptyHeapGivesNil() {
        var heap = BinaryHeap<Int>()
        #expect(heap.isEmpty)
        #expect(heap.min == nil)
        #expect(heap.popMin() == nil)
        heap.insert(42)
        #expect(heap.popMin() == 42)
        #expect(heap.popMin() == nil)
    }

    @Test("removeMin on an empty heap traps with a message naming the problem")
    func removeMinOnEmptyTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var heap = BinaryHeap<Int>()
            heap.removeMin()
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("empty BinaryHeap"))
    }

    @Test("a copy is independent: popping from it leaves the original intact")
    func copiesAreIndependent() {
        let original: BinaryHeap = [4, 1, 3]
        var copy = original
        #expect(copy.removeMin() == 1)
        copy.insert(0)
        #expect(Self.drain(original) == [1, 3, 4])
        #expect(Self.drain(copy) == [0, 3, 4])
    }

    @Test(
        "k-th largest keeps a size-k min-heap",
        arguments: [
            ([3, 2, 1, 5, 6, 4], 2, 5),  // LeetCode 215, example 1
            ([3, 2, 3, 1, 2, 4, 5, 5, 6], 4, 4),  // LeetCode 215, example 2
            ([7], 1, 7),
            ([2, 2, 2], 2, 2),
            ([-1, -5, -3], 1, -1),
            ([Int.max, Int.min, 0], 3, Int.min),
        ])
    func kthLargest(numbers: [Int], k: Int, expected: Int) {
        #expect(HeapProblems.kthLargest(numbers, k: k) == expected)
    }

    @Test(
        "merge K sorted lists equals the sorted concatenation",
        arguments: [
            [[1, 4, 5], [1, 3, 4], [2, 6]],  // LeetCode 23
            [],
            [[], [], []],
            [[], [1]],
            [[-3, -3, 0], [Int.min, Int.max]],
        ])
    func mergeKSorted(lists: [[Int]]) {
        #expect(HeapProblems.mergeKSorted(lists) == lists.joined().sorted())
    }

    @Test("property: heapify then popping everything equals sorted() (1,000 random arrays)")
    func drainMatchesSorted() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -20...20).array(of: 0...40)) { numbers in
            #expect(Self.drain(BinaryHeap(numbers)) == numbers.sorted())
            #expect(Self.drain(BinaryHeap(numbers, by: >)) == numbers.sorted(by: >))
        }
    }

    @Test("property: random insert/pop sequences agree with a sorted-Array oracle (1,000 cases)")
    func randomOperationsMatchOracle() async {
        // Each step is (operation code, value): 0...1 insert, 2 popMin. Invariants are checked after every mutation.
        let steps = zip(Gen.int(in: 0...2), Gen.int(in: -10...10)).array(of: 0...60)
        await propertyCheck(count: 1_000, input: steps) { steps in
            var heap = BinaryHeap<Int>()
            var oracle: [Int] = []  // kept sorted
            for (operation, value) in steps {
                if operation < 2 {
                    heap.insert(value)
                    oracle.insert(value, at: oracle.firstIndex { $0 > value } ?? oracle.endIndex)
                } else {
                    #expect(heap.popMin() == (oracle.isEmpty ? nil : oracle.removeFirst()))
                }
                #expect(heap.count == oracle.count)
                #expect(heap.min == oracle.first)
            }
        }
    }
}
