import HandbookLeetCode
import PropertyBased
import Testing

@Suite("LeetCode 42: trapping rain water")
struct TrappingRainWaterTests {
    typealias Lesson = TrappingRainWater

    /// O(n²) oracle: for every cell, scan both sides for the highest bar.
    static func bruteForce(_ heights: [Int]) -> Int {
        heights.indices.reduce(0) { water, index in
            let left = heights[...index].max()!
            let right = heights[index...].max()!
            return water + min(left, right) - heights[index]
        }
    }

    @Test(
        "LeetCode's published examples, both methods",
        arguments: [([0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1], 6), ([4, 2, 0, 3, 2, 5], 9)])
    func publishedExamples(heights: [Int], expected: Int) {
        #expect(Lesson.twoPointers(heights) == expected)
        #expect(Lesson.prefixMaxima(heights) == expected)
    }

    @Test(
        "edge cases: empty, one bar, two bars, flat, rising, falling, V, equal walls",
        arguments: [
            ([], 0), ([5], 0), ([5, 5], 0), ([3, 3, 3], 0), ([1, 2, 3, 4], 0), ([4, 3, 2, 1], 0),
            ([3, 0, 3], 3), ([2, 0, 2, 0, 2], 4), ([5, 0, 0, 0, 3], 9),
        ])
    func edgeCases(heights: [Int], expected: Int) {
        #expect(Lesson.twoPointers(heights) == expected)
        #expect(Lesson.prefixMaxima(heights) == expected)
    }

    @Test("negative heights work: the maxima start at Int.min, not Go's zero value")
    func negativeHeights() {
        #expect(Lesson.twoPointers([-1, -3, -1]) == 2)
        #expect(Lesson.prefixMaxima([-1, -3, -1]) == 2)
        #expect(Lesson.twoPointers([-5, -5]) == 0)  // starting the maxima at 0 would invent 5 units here
    }

    @Test("Int.max walls: a total that fits is exact")
    func intMaxWalls() {
        #expect(Lesson.twoPointers([Int.max, 0, Int.max]) == Int.max)
        #expect(Lesson.prefixMaxima([Int.max, 0, Int.max]) == Int.max)
    }

    @Test("a total that does not fit in Int traps rather than wrapping as Go would")
    func overflowingTotalTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = TrappingRainWater.twoPointers([Int.max, 0, 0, Int.max])
        }
        await #expect(processExitsWith: .failure) {
            _ = TrappingRainWater.prefixMaxima([Int.max, 0, 0, Int.max])
        }
    }

    @Test("both methods match an O(n²) brute force on 1,000 random elevation maps")
    func matchesBruteForce() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -5...8).array(of: 0...20)) { heights in
            let expected = Self.bruteForce(heights)
            #expect(Lesson.twoPointers(heights) == expected)
            #expect(Lesson.prefixMaxima(heights) == expected)
        }
    }
}
