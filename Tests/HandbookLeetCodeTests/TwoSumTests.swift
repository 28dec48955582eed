import HandbookLeetCode
import PropertyBased
import Testing

@Suite("Two Sum (LeetCode 1)")
struct TwoSumTests {
    /// Tuples are not Equatable; compare pairs as two-element arrays.
    static func pair(_ nums: [Int], _ target: Int) -> [Int]? {
        TwoSum.indices(of: nums, summingTo: target).map { [$0.0, $0.1] }
    }

    @Test(
        "LeetCode's published examples and the Go seed's cases",
        arguments: [
            ([2, 7, 11, 15], 9, [0, 1] as [Int]?),  // LeetCode example 1
            ([3, 2, 4], 6, [1, 2]),  // LeetCode example 2: 3 must not pair with itself
            ([3, 3], 6, [0, 1]),  // LeetCode example 3: two equal elements are two positions
            ([-3, 4, 3, 90], 0, [0, 2]),  // negatives
            ([1, 2, 3], 7, nil),  // no pair: nil, not an error
            ([], 0, nil),  // empty
        ])
    func publishedExamples(nums: [Int], target: Int, expected: [Int]?) {
        #expect(Self.pair(nums, target) == expected)
    }

    @Test("an element is never paired with itself, even when it is exactly half the target")
    func sameElementIsNotUsedTwice() {
        #expect(Self.pair([3, 2, 4], 6) == [1, 2])
        #expect(Self.pair([3], 6) == nil)
        #expect(Self.pair([5, 1, 5], 10) == [0, 2])
    }

    @Test("edge cases: one element, duplicates, negatives, zero")
    func edgeCases() {
        #expect(Self.pair([7], 7) == nil)
        #expect(Self.pair([0, 0], 0) == [0, 1])
        #expect(Self.pair([-1, -2, -3, -4, -5], -8) == [2, 4])
        #expect(Self.pair([2, 2, 2, 2], 4) == [0, 1])
        // Several pairs: the earliest second index wins, then the earliest first index.
        #expect(Self.pair([1, 4, 1, 4], 5) == [0, 1])
        #expect(Self.pair([3, 3, 4], 7) == [0, 2], "the first 3 is kept, not overwritten by the second")
    }

    @Test("near Int.max and Int.min the complement is computed without trapping")
    func extremeValuesDoNotTrap() {
        #expect(Self.pair([-1, Int.max - 1, 1], Int.max) == [1, 2])
        #expect(Self.pair([-1, Int.max], Int.max) == nil)
        #expect(Self.pair([Int.min, 0], Int.min) == [0, 1])
        #expect(Self.pair([Int.min, -1, 1], Int.min) == nil)
        #expect(Self.pair([Int.max, Int.min], -1) == [0, 1])
    }

    @Test("the pitfall: a plain target - number traps when the complement overflows")
    func plainSubtractionTraps() async {
        // An overflow trap prints no message (it is a bare trap instruction); the exit is the evidence.
        await #expect(processExitsWith: .failure) {
            _ = TwoSum.indicesTrappingOnOverflow(of: [-1, Int.max - 1, 1], summingTo: Int.max)
        }
        // For small numbers the pitfall and the fix agree: the bug hides until production.
        #expect(TwoSum.indicesTrappingOnOverflow(of: [3, 2, 4], summingTo: 6).map { [$0.0, $0.1] } == [1, 2])
    }

    @Test("matches the O(n²) brute force on 1,000 random small arrays")
    func matchesBruteForceOracle() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -20...20).array(of: 0...12), Gen.int(in: -40...40)) {
            nums, target in
            let fast = TwoSum.indices(of: nums, summingTo: target).map { [$0.0, $0.1] }
            let slow = TwoSum.indicesByBruteForce(of: nums, summingTo: target).map { [$0.0, $0.1] }
            #expect(fast == slow, "nums \(nums), target \(target)")
        }
    }

    @Test("matches the brute force on 1,000 arrays built from Int.min, Int.max and their neighbours")
    func matchesBruteForceOracleAtTheExtremes() async {
        let extremes = [Int.min, Int.min + 1, -1, 0, 1, Int.max - 1, Int.max]
        let value = Gen.element(of: extremes).map { $0 ?? 0 }
        await propertyCheck(count: 1_000, input: value.array(of: 0...8), value) { nums, target in
            let fast = TwoSum.indices(of: nums, summingTo: target).map { [$0.0, $0.1] }
            let slow = TwoSum.indicesByBruteForce(of: nums, summingTo: target).map { [$0.0, $0.1] }
            #expect(fast == slow, "nums \(nums), target \(target)")
        }
    }
}
