import HandbookAlgorithms
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Binary search")
struct BinarySearchTests {
    typealias Lesson = BinarySearch

    struct Case: Sendable, CustomTestStringConvertible {
        var numbers: [Int]
        var target: Int
        var first: Int?
        var last: Int?
        var insertion: Int
        var testDescription: String { "\(target) in \(numbers)" }
    }

    @Test(
        "published examples: first and last occurrence and the insertion point",
        arguments: [
            Case(numbers: [1, 3, 5, 7, 9], target: 5, first: 2, last: 2, insertion: 2),
            Case(numbers: [1, 3, 5, 7, 9], target: 1, first: 0, last: 0, insertion: 0),
            Case(numbers: [1, 3, 5, 7, 9], target: 9, first: 4, last: 4, insertion: 4),
            Case(numbers: [1, 3, 5, 7, 9], target: 4, first: nil, last: nil, insertion: 2),
            Case(numbers: [1, 3, 5, 7, 9], target: 10, first: nil, last: nil, insertion: 5),
            Case(numbers: [1, 3, 5, 7, 9], target: 0, first: nil, last: nil, insertion: 0),
            Case(numbers: [5, 7, 7, 8, 8, 10], target: 8, first: 3, last: 4, insertion: 3),
            Case(numbers: [5, 7, 7, 8, 8, 10], target: 6, first: nil, last: nil, insertion: 1),
            Case(numbers: [2, 2, 2, 2, 2], target: 2, first: 0, last: 4, insertion: 0),
            Case(numbers: [-10, -3, 0, 0, 4], target: -3, first: 1, last: 1, insertion: 1),
            Case(numbers: [Int.min, 0, Int.max], target: Int.max, first: 2, last: 2, insertion: 2),
            Case(numbers: [42], target: 42, first: 0, last: 0, insertion: 0),
            Case(numbers: [], target: 1, first: nil, last: nil, insertion: 0),
        ])
    func goTables(_ example: Case) {
        #expect(Lesson.firstIndex(of: example.target, in: example.numbers) == example.first)
        #expect(Lesson.lastIndex(of: example.target, in: example.numbers) == example.last)
        #expect(Lesson.insertionPoint(of: example.target, in: example.numbers) == example.insertion)
        let found = Lesson.recursiveSearch(for: example.target, in: example.numbers)
        #expect(found.map { example.numbers[$0] == example.target } ?? (example.first == nil))
        let occurrences = Lesson.equalRange(of: example.target, in: example.numbers)
        #expect(occurrences.count == example.numbers.filter { $0 == example.target }.count)
    }

    @Test("on a slice, results are indices of the base array, not offsets from 0")
    func sliceResultsAreInBaseCoordinates() {
        let numbers = [1, 3, 5, 7, 9, 11, 13]
        let tail = numbers[3...]  // [7, 9, 11, 13], indices 3..<7
        #expect(Lesson.firstIndex(of: 9, in: tail) == 4)
        #expect(Lesson.lowerBound(of: 0, in: tail) == 3)  // startIndex, not 0
        #expect(Lesson.upperBound(of: 100, in: tail) == 7)  // endIndex
        #expect(Lesson.firstIndex(of: 3, in: tail) == nil)  // 3 is in the base, outside the slice
        #expect(Lesson.recursiveSearch(for: 13, in: tail) == 6)
        #expect(tail[Lesson.lastIndex(of: 11, in: tail)!] == 11)
    }

    @Test("rotated search (LeetCode 33) and peak finding (LeetCode 162)")
    func rotatedAndPeak() {
        let rotated = [4, 5, 6, 7, 0, 1, 2]
        #expect(Lesson.searchRotated(rotated, for: 0) == 4)
        #expect(Lesson.searchRotated(rotated, for: 4) == 0)
        #expect(Lesson.searchRotated(rotated, for: 2) == 6)
        #expect(Lesson.searchRotated(rotated, for: 3) == nil)
        #expect(Lesson.searchRotated([1], for: 0) == nil)
        #expect(Lesson.searchRotated([], for: 5) == nil)
        #expect(Lesson.searchRotated([3, 1], for: 1) == 1)

        #expect(Lesson.peakIndex([1, 2, 3, 1]) == 2)
        #expect([1, 5].contains(Lesson.peakIndex([1, 2, 1, 3, 5, 6, 4])))
        #expect(Lesson.peakIndex([7]) == 0)
        #expect(Lesson.peakIndex([1, 2, 3]) == 2)
        #expect(Lesson.peakIndex([3, 2, 1]) == 0)
        #expect(Lesson.peakIndex([]) == nil)
    }

    @Test(
        "isqrt is exact up to Int.max without overflowing",
        arguments: [
            (0, 0), (1, 1), (3, 1), (4, 2), (8, 2), (9, 3), (2_147_395_599, 46_339),
            (3_037_000_499 * 3_037_000_499, 3_037_000_499), (Int.max, 3_037_000_499),
        ])
    func isqrtTable(_ n: Int, _ root: Int) {
        #expect(Lesson.isqrt(n) == root)
    }

    @Test("the naive mid * mid square root traps on Int.max (Go would wrap silently)")
    func naiveSquareRootTraps() async {
        #expect(Lesson.isqrtNaive(1_000_000) == 1_000)  // fine while the squares fit
        // An overflow trap prints no message: the process just dies (SIGILL on x86_64).
        await #expect(processExitsWith: .failure) {
            _ = BinarySearch.isqrtNaive(Int.max)
        }
    }

    @Test("(low + high) / 2 traps near Int.max; low + (high - low) / 2 does not")
    func naiveMidpointTraps() async {
        #expect(Lesson.midpoint(1, Int.max) == Int.max / 2 + 1)
        #expect(Lesson.midpoint(Int.max - 1, Int.max) == Int.max - 1)
        await #expect(processExitsWith: .failure) {
            _ = BinarySearch.naiveMidpoint(1, Int.max)
        }
    }

    @Test("midpoint works for any bounds, including opposite signs where high - low overflows")
    func midpointOfAnyBounds() async {
        #expect(Lesson.midpoint(-1, Int.max) == Int.max / 2)
        #expect(Lesson.midpoint(Int.min, Int.max) == -1)  // rounded down from -0.5
        #expect(Lesson.midpoint(Int.min, Int.min) == Int.min)
        #expect(Lesson.midpoint(-3, 0) == -2)
        let value = Gen.element(of: extremeIntegers).map { $0 ?? 0 }
        await propertyCheck(count: 1_000, input: value, value) { a, b in
            let (low, high) = (min(a, b), max(a, b))
            let exact = (Int128(low) + Int128(high)) >> 1  // arithmetic shift: floor
            #expect(Int128(Lesson.midpoint(low, high)) == exact, "\(low)...\(high)")
        }
    }

    @Test("bounds and occurrences match a linear oracle on 1,000 sorted arrays and slices")
    func matchesLinearOracle() async {
        let input = Gen.int(in: -20...20).array(of: 0...30)
        await propertyCheck(count: 1_000, input: input, Gen.int(in: -22...22), Gen.int(in: 0...5)) {
            unsorted, target, drop in
            let numbers = unsorted.sorted()
            let slice = numbers.dropFirst(drop)  // startIndex may be > 0
            for elements in [numbers[...], slice] {
                #expect(Lesson.firstIndex(of: target, in: elements) == elements.firstIndex(of: target))
                #expect(Lesson.lastIndex(of: target, in: elements) == elements.lastIndex(of: target))
                let lower = elements.firstIndex { $0 >= target } ?? elements.endIndex
                let upper = elements.firstIndex { $0 > target } ?? elements.endIndex
                #expect(Lesson.lowerBound(of: target, in: elements) == lower)
                #expect(Lesson.upperBound(of: target, in: elements) == upper)
            }
        }
    }

    @Test("rotated search, peak and isqrt agree with brute force on 1,000 random inputs")
    func variationsMatchBruteForce() async {
        let distinct = Gen.int(in: -50...50).set(ofAtMost: 0...20).map { Array($0).sorted() }
        await propertyCheck(count: 1_000, input: distinct, Gen.int(in: 0...20), Gen.int(in: -52...52)) {
            sorted, shift, target in
            let pivot = sorted.isEmpty ? 0 : shift % sorted.count
            let rotated = Array(sorted[pivot...] + sorted[..<pivot])
            #expect(Lesson.searchRotated(rotated, for: target) == rotated.firstIndex(of: target))
        }
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...9).array(of: 0...20)) { numbers in
            guard let peak = Lesson.peakIndex(numbers) else {
                #expect(numbers.isEmpty)
                return
            }
            #expect(peak == 0 || numbers[peak - 1] <= numbers[peak])
            #expect(peak == numbers.count - 1 || numbers[peak + 1] <= numbers[peak])
        }
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...1_000_000)) { n in
            let root = Lesson.isqrt(n)
            #expect(root * root <= n && (root + 1) * (root + 1) > n)
        }
    }

    /// The documented O(log n), measured: the count halves every step.
    @Test(
        "partitioningIndex calls the predicate at most ⌊log2 n⌋ + 1 times, wherever the partition falls",
        arguments: [0, 1, 2, 3, 7, 8, 1_000, 1 << 20])
    func predicateCallsAreLogarithmic(count: Int) {
        let bound = Int.bitWidth - count.leadingZeroBitCount  // ⌊log2 n⌋ + 1, and 0 for n = 0
        for split in Set([0, count / 3, count / 2, count]) {
            var calls = 0
            let index = Lesson.partitioningIndex(in: 0..<count) { element in
                calls += 1
                return element >= split
            }
            #expect(index == split)
            #expect(calls <= bound, "n = \(count), split at \(split): \(calls) calls")
        }
    }
}
