import HandbookAlgorithms
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Sorting")
struct SortingTests {
    typealias Lesson = Sorting
    typealias Record = Sorting.Record

    static let goArrays: [[Int]] = [
        [64, 34, 25, 12, 22, 11, 90],
        [5, 2, 8, 1, 9],
        [5, -3, 0, -3, 8, 1, -10],
        [3, 3, 3, 3],
        [1, 2, 3, 4, 5],
        [5, 4, 3, 2, 1],
        [Int.max, Int.min, 0, -1, Int.max],
        [2, 1],
        [42],
        [],
    ]

    @Test(
        "every algorithm sorts the classic arrays, negatives and duplicates included",
        arguments: Sorting.Algorithm.allCases, goArrays)
    func sortsGoArrays(_ algorithm: Sorting.Algorithm, _ numbers: [Int]) {
        #expect(algorithm.sorted(numbers) == numbers.sorted())
        #expect(algorithm.sorted(numbers, by: >) == numbers.sorted(by: >))
    }

    @Test("stability shown: merge, insertion and bubble keep equal keys in their original order")
    func stableAlgorithmsKeepTies() {
        let records = Record.tagging([3, 1, 3, 2, 1, 3])
        let expected = [(1, 1), (1, 4), (2, 3), (3, 0), (3, 2), (3, 5)].map { Record(key: $0.0, originalIndex: $0.1) }
        for algorithm in Sorting.Algorithm.allCases where algorithm.isStable {
            #expect(algorithm.sorted(records) { $0.key < $1.key } == expected, "\(algorithm)")
        }
        // The standard library's sort is documented stable, so it is the oracle.
        #expect(records.sorted { $0.key < $1.key } == expected)
        #expect(Record.isStablySorted(expected))
    }

    @Test("heapsort, selection sort and quicksort are not stable: concrete counterexamples")
    func unstableAlgorithmsHaveCounterexamples() {
        var twoEqual = Record.tagging([1, 1])
        Lesson.heapSort(&twoEqual) { $0.key < $1.key }
        #expect(twoEqual.map(\.originalIndex) == [1, 0])  // the root swaps to the end

        var selection = Record.tagging([1, 1, 0])
        Lesson.selectionSort(&selection) { $0.key < $1.key }
        #expect(selection.map(\.originalIndex) == [2, 1, 0])  // swapping 0 to the front jumps #0 past #1

        // Exhaustively, over every key sequence of length <= 6 drawn from 0...2,
        // the stable algorithms never reorder ties and each unstable one does for some input.
        // Introsort hands ranges this short to insertion sort, so it needs longer input (below).
        let inputs = Self.allKeySequences(maxLength: 6, keys: 0...2).map(Record.tagging)
        for algorithm in Sorting.Algorithm.allCases where algorithm != .intro {
            let broken = inputs.filter { !Record.isStablySorted(algorithm.sorted($0) { $0.key < $1.key }) }
            #expect(broken.isEmpty == algorithm.isStable, "\(algorithm): \(broken.first ?? [])")
        }
        let longer = (0..<20).map { seed in
            var generator = SeededRandomNumberGenerator(seed: UInt64(seed))
            return Record.tagging((0..<100).map { _ in Int.random(in: 0...2, using: &generator) })
        }
        #expect(longer.contains { !Record.isStablySorted(Sorting.Algorithm.intro.sorted($0) { $0.key < $1.key }) })
    }

    static func allKeySequences(maxLength: Int, keys: ClosedRange<Int>) -> [[Int]] {
        var all: [[Int]] = [[]]
        var layer: [[Int]] = [[]]
        for _ in 0..<maxLength {
            layer = layer.flatMap { prefix in keys.map { prefix + [$0] } }
            all += layer
        }
        return all
    }

    @Test("`<=` is not a strict weak ordering: it reverses ties, in merge sort and in the standard library")
    func lessOrEqualBreaksStability() {
        let records = Record.tagging([7, 7])
        #expect(Lesson.mergeSorted(records) { $0.key <= $1.key }.map(\.originalIndex) == [1, 0])
        #expect(records.sorted { $0.key <= $1.key }.map(\.originalIndex) == [1, 0])
        #expect(records.sorted { $0.key < $1.key }.map(\.originalIndex) == [0, 1])
    }

    @Test("fixed-pivot quicksort is still correct on sorted, reversed and all-equal input")
    func fixedPivotOnSortedInput() {
        let sorted = Array(-1_000..<1_000)
        for input in [sorted, sorted.reversed(), Array(repeating: 5, count: 1_000)] {
            var numbers = input
            Lesson.lomutoQuickSort(&numbers, by: <)
            #expect(numbers == input.sorted())
        }
    }

    @Test("the randomized quicksort takes an injected generator, so a seed replays it exactly")
    func injectedGeneratorReplays() {
        let records = Record.tagging([2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2])
        func run(seed: UInt64) -> [Record] {
            var generator = SeededRandomNumberGenerator(seed: seed)
            var copy = records
            Lesson.quickSort(&copy, using: &generator) { $0.key < $1.key }
            return copy
        }
        #expect(run(seed: 7) == run(seed: 7))  // ties land in the same (unstable) order every time
        #expect(run(seed: 7).map(\.key) == records.map(\.key).sorted())
    }

    @Test(
        "quickselect: k-th largest (published examples)",
        arguments: [
            ([3, 2, 1, 5, 6, 4], 2, 5), ([3, 2, 3, 1, 2, 4, 5, 5, 6], 4, 4), ([1], 1, 1), ([7, 7, 7], 2, 7),
            ([-1, -5, 3, 0], 1, 3), ([-1, -5, 3, 0], 4, -5), ([Int.min, Int.max], 2, Int.min),
        ])
    func kthLargestTable(_ numbers: [Int], _ k: Int, _ expected: Int) {
        var generator = SeededRandomNumberGenerator(seed: 1)
        #expect(Lesson.kthLargest(in: numbers, k: k, using: &generator) == expected)
        #expect(Lesson.kthLargest(in: numbers, k: k) == expected)
    }

    @Test("k outside 1...count is a programmer error: it traps")
    func kthLargestOutOfRangeTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Sorting.kthLargest(in: [1, 2, 3], k: 4)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("k must be in 1...3"))
    }

    @Test("each algorithm matches sorted() on 1,000 random arrays", arguments: Sorting.Algorithm.allCases)
    func matchesSortedOracle(_ algorithm: Sorting.Algorithm) async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -50...50).array(of: 0...40)) { numbers in
            #expect(algorithm.sorted(numbers) == numbers.sorted())
        }
    }

    @Test("stable algorithms match the stable standard library on 1,000 record arrays; quickselect matches sorting")
    func stableAlgorithmsMatchStandardLibrary() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...4).array(of: 0...30), Gen.int(in: 1...30)) {
            keys, k in
            let records = Record.tagging(keys)
            let expected = records.sorted { $0.key < $1.key }
            for algorithm in Sorting.Algorithm.allCases where algorithm.isStable {
                #expect(algorithm.sorted(records) { $0.key < $1.key } == expected)
            }
            if k <= keys.count {
                #expect(Lesson.kthLargest(in: keys, k: k) == keys.sorted(by: >)[k - 1])
            }
        }
    }

    /// The documented costs, measured in comparisons: merge sort's n log n
    /// in every case, insertion sort's n on sorted input and n²/2 reversed.
    @Test("merge sort: at most n⌈log2 n⌉ comparisons; insertion sort: n − 1 sorted, n(n − 1)/2 reversed")
    func comparisonCounts() {
        for count in [2, 10, 1_000, 4_096] {
            let ceilingLog = Int.bitWidth - (count - 1).leadingZeroBitCount  // ⌈log2 n⌉ for n ≥ 2
            for input in [
                Array(0..<count), Array((0..<count).reversed()), Array((0..<count).map { ($0 * 7_919) % count }),
            ] {
                var comparisons = 0
                let sorted = Lesson.mergeSorted(input) { a, b in
                    comparisons += 1
                    return a < b
                }
                #expect(sorted == input.sorted())
                #expect(comparisons <= count * ceilingLog, "n = \(count): \(comparisons)")
            }
            var ascending = Array(0..<count)
            var onSorted = 0
            Lesson.insertionSort(&ascending) { a, b in
                onSorted += 1
                return a < b
            }
            #expect(onSorted == count - 1)
            var descending = Array((0..<count).reversed())
            var onReversed = 0
            Lesson.insertionSort(&descending) { a, b in
                onReversed += 1
                return a < b
            }
            #expect(onReversed == count * (count - 1) / 2)
        }
    }

    // MARK: The production versions

    @Test("introsort and the one-buffer merge sort match sorted() on 1,000 arrays up to 300 elements")
    func productionSortsMatchTheStandardLibrary() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -20...20).array(of: 0...300)) { numbers in
            var intro = numbers
            Lesson.introSort(&intro)
            var merged = numbers
            Lesson.mergeSort(&merged)
            #expect(intro == numbers.sorted() && merged == numbers.sorted())
        }
    }

    @Test("the one-buffer merge sort is stable past the insertion-sort cutoff (1,000 record arrays up to 300)")
    func bufferedMergeSortIsStable() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...4).array(of: 0...300)) { keys in
            var records = Record.tagging(keys)
            Lesson.mergeSort(&records) { $0.key < $1.key }
            #expect(records == Record.tagging(keys).sorted { $0.key < $1.key })
        }
    }

    @Test("sorted, reversed, all-equal and organ-pipe inputs of 10,000: both production sorts agree with sorted()")
    func productionSortsOnStructuredInput() {
        let count = 10_000
        let inputs = [
            Array(0..<count), Array((0..<count).reversed()), Array(repeating: 7, count: count),
            Array(0..<count / 2) + Array((0..<count / 2).reversed()), (0..<count).map { $0 % 3 },
        ]
        for input in inputs {
            var intro = input
            Lesson.introSort(&intro)
            var merged = input
            Lesson.mergeSort(&merged)
            #expect(intro == input.sorted() && merged == input.sorted())
        }
    }

    /// McIlroy's "A Killer Adversary for Quicksort" (1999): the comparator
    /// decides the values as the sort asks about them. Every element starts as
    /// "gas" (larger than any decided value); comparing two gas elements
    /// freezes one of them as the next smallest value, preferring the element
    /// that looks like the pivot candidate. Any quicksort that picks its pivot
    /// from a few elements is driven to O(n²) comparisons this way.
    final class KillerAdversary {
        private var values: [Int]
        private let gas: Int
        private var frozen = 0
        private var candidate = 0
        private(set) var comparisons = 0

        init(count: Int) {
            gas = count
            values = Array(repeating: count, count: count)
        }

        func less(_ x: Int, _ y: Int) -> Bool {
            comparisons += 1
            if values[x] == gas && values[y] == gas {
                if x == candidate { freeze(x) } else { freeze(y) }
            }
            if values[x] == gas {
                candidate = x
            } else if values[y] == gas {
                candidate = y
            }
            return values[x] < values[y]
        }

        private func freeze(_ index: Int) {
            values[index] = frozen
            frozen += 1
        }

        func value(of index: Int) -> Int { values[index] }
    }

    @Test("against McIlroy's adversary introsort stays O(n log n): its depth limit hands the range to heapsort")
    func introSortSurvivesTheKillerAdversary() {
        let count = 4_096
        let adversary = KillerAdversary(count: count)
        var items = Array(0..<count)
        Lesson.introSort(&items) { adversary.less($0, $1) }
        let decided = items.map(adversary.value(of:))
        #expect(decided == decided.sorted(), "the adversary's answers were consistent, so the result is sorted")
        // n log2 n = 49,152. With the depth limit: 291,362 here, about a third of them the debug build's
        // partition checks (they call the same comparator). Without it: millions.
        #expect(adversary.comparisons <= 10 * count * 12, "\(adversary.comparisons) comparisons")
    }
}

extension SortingTests {
    @Test("the production sorts move reference-counted elements correctly: Strings sort like sorted()")
    func productionSortsOnStrings() {
        var generator = SeededRandomNumberGenerator(seed: 5)
        let words = (0..<2_000).map { _ in "word-\(Int.random(in: 0..<500, using: &generator))" }
        var intro = words
        Sorting.introSort(&intro)
        var merged = words
        Sorting.mergeSort(&merged)
        #expect(intro == words.sorted() && merged == words.sorted())
    }

    @Test("a `<=` predicate is a programmer error: debug builds name it (release builds stay in bounds)")
    func lessOrEqualIsNamedInDebugBuilds() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var equal = Array(repeating: 7, count: 1_000)
            Sorting.introSort(&equal, by: <=)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("strict weak ordering"))
        let merge = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var equal = Array(repeating: 7, count: 1_000)
            Sorting.mergeSort(&equal, by: <=)
        }
        #expect(String(decoding: merge.standardErrorContent, as: UTF8.self).contains("strict weak ordering"))
    }
}
