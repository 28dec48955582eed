import HandbookLeetCode
import PropertyBased
import Testing

@Suite("Merge Intervals (LeetCode 56)")
struct MergeIntervalsTests {
    @Test(
        "LeetCode's published examples",
        arguments: [
            ([1...3, 2...6, 8...10, 15...18], [1...6, 8...10, 15...18]),  // LeetCode example 1
            ([1...4, 4...5], [1...5]),  // LeetCode example 2: touching intervals merge
            ([4...7, 1...4], [1...7]),  // LeetCode example 3: unsorted input
        ])
    func publishedExamples(intervals: [ClosedRange<Int>], expected: [ClosedRange<Int>]) {
        #expect(MergeIntervals.merge(intervals) == expected)
    }

    @Test("empty, a single interval and a single point")
    func emptyAndSingle() {
        #expect(MergeIntervals.merge([]) == [])
        #expect(MergeIntervals.merge([3...7]) == [3...7])
        #expect(MergeIntervals.merge([5...5]) == [5...5])
        #expect(MergeIntervals.merge([5...5, 5...5]) == [5...5], "duplicates collapse")
    }

    @Test("an interval inside another keeps the outer end (max, not the last end)")
    func containmentKeepsTheLargerEnd() {
        #expect(MergeIntervals.merge([1...10, 2...3]) == [1...10])
        #expect(MergeIntervals.merge([1...10, 2...3, 4...12]) == [1...12])
    }

    @Test("disjoint intervals stay apart and come back sorted by start; adjacent integers are not touching")
    func disjointIntervalsAreSorted() {
        #expect(MergeIntervals.merge([8...9, (-5)...(-1), 0...2]) == [(-5)...(-1), 0...2, 8...9])
        #expect(MergeIntervals.merge([1...2, 3...4]) == [1...2, 3...4], "[1, 2] and [3, 4] share no point")
    }

    @Test("the whole Int range: no arithmetic, so no overflow")
    func extremeBounds() {
        #expect(MergeIntervals.merge([0...Int.max, Int.min...0]) == [Int.min...Int.max])
        #expect(
            MergeIntervals.merge([Int.max...Int.max, Int.min...Int.min]) == [Int.min...Int.min, Int.max...Int.max])
    }

    @Test("matches repeated pairwise merging on 1,000 random interval lists")
    func matchesRepeatedPairingOracle() async {
        let interval = zip(Gen.int(in: -20...20), Gen.int(in: 0...6)).map { start, length in start...(start + length) }
        await propertyCheck(count: 1_000, input: interval.array(of: 0...10)) { intervals in
            let merged = MergeIntervals.merge(intervals)
            #expect(merged == MergeIntervals.mergeByRepeatedPairing(intervals), "\(intervals)")
            // Disjoint and sorted: each interval ends before the next one starts.
            #expect(zip(merged, merged.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
        }
    }
}
