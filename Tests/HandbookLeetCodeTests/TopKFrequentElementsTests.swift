import HandbookLeetCode
import PropertyBased
import Testing

@Suite("Top K Frequent Elements (LeetCode 347)")
struct TopKFrequentElementsTests {
    @Test(
        "LeetCode's published examples",
        arguments: [
            ([1, 1, 1, 2, 2, 3], 2, [1, 2]),  // LeetCode example 1
            ([1], 1, [1]),  // LeetCode example 2
            ([1, 2, 1, 2, 1, 2, 3, 1, 3, 2], 2, [1, 2]),  // LeetCode example 3
        ])
    func publishedExamples(nums: [Int], k: Int, expected: [Int]) {
        #expect(TopKFrequentElements.topK(nums, k: k) == expected)
    }

    @Test("ties are broken by first appearance, so the answer is the same on every run")
    func tiesFollowFirstAppearance() {
        #expect(TopKFrequentElements.topK([4, 5, 5, 4, 6], k: 1) == [4])
        #expect(TopKFrequentElements.topK([5, 4, 4, 5, 6], k: 1) == [5])
        #expect(TopKFrequentElements.topK([3, 1, 2], k: 3) == [3, 1, 2])
        #expect(TopKFrequentElements.topK([7, 8, 8, 9, 9, 9], k: 3) == [9, 8, 7], "counts first, then appearance")
        // With three keys a small Dictionary often iterates in insertion order by luck (collisions);
        // with 16 distinct, equally frequent values, hash order matching the input is practically impossible.
        let sixteenTies = [37, 2, 61, 14, 0, 48, 9, 33, 55, 21, 6, 42, 17, 60, 28, 3]
        #expect(TopKFrequentElements.topK(sixteenTies, k: sixteenTies.count) == sixteenTies)
        #expect(TopKFrequentElements.topK(sixteenTies.reversed(), k: sixteenTies.count) == sixteenTies.reversed())
    }

    @Test("edge cases: empty, k = 0, k above the distinct count, negatives, Int.min and Int.max")
    func edgeCases() {
        #expect(TopKFrequentElements.topK([], k: 0) == [])
        #expect(TopKFrequentElements.topK([], k: 3) == [])
        #expect(TopKFrequentElements.topK([1, 2, 2], k: 0) == [])
        #expect(TopKFrequentElements.topK([1, 2, 2], k: 10) == [2, 1], "like prefix(k): all distinct values")
        #expect(TopKFrequentElements.topK([-1, -1, -2], k: 1) == [-1])
        #expect(TopKFrequentElements.topK([Int.max, Int.min, Int.min], k: 2) == [Int.min, Int.max])
    }

    @Test("a value that fills the whole array lands in the last bucket (count n)")
    func oneValueEverywhere() {
        #expect(TopKFrequentElements.topK([6, 6, 6, 6], k: 1) == [6])
        #expect(TopKFrequentElements.topK([6], k: 1) == [6])
    }

    @Test("a negative k is a programmer error and traps with a message")
    func negativeKTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = TopKFrequentElements.topK([1, 2], k: -1)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("k must not be negative, got -1"))
    }

    @Test("matches sorting by (count, first appearance) on 1,000 random arrays")
    func matchesSortingOracle() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -5...5).array(of: 0...20), Gen.int(in: 0...12)) {
            nums, k in
            #expect(
                TopKFrequentElements.topK(nums, k: k) == TopKFrequentElements.topKBySorting(nums, k: k),
                "\(nums), k = \(k)")
        }
    }
}
