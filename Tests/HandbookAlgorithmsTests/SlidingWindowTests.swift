import HandbookAlgorithms
import PropertyBased
import Testing

@Suite("Sliding window")
struct SlidingWindowTests {
    typealias Lesson = SlidingWindow

    @Test(
        "fixed window: max sum of k consecutive elements (published examples)",
        arguments: [
            ([2, 1, 5, 1, 3, 2], 3, 9), ([2, 3, 4, 1, 5], 2, 7), ([1, 4, 2, 10, 23, 3, 1, 0, 20], 4, 39),
            ([-1, -2, -3, -4], 2, -3), ([5], 1, 5), ([1, 2], 3, nil), ([], 1, nil),
        ] as [([Int], Int, Int?)])
    func maxSumOfK(_ numbers: [Int], _ k: Int, _ expected: Int?) {
        #expect(Lesson.maxSum(of: numbers, windowSize: k) == expected)
    }

    @Test(
        "longest substring without repeating characters (published examples)",
        arguments: [("abcabcbb", 3), ("bbbbb", 1), ("pwwkew", 3), ("", 0), (" ", 1), ("dvdf", 3), ("abba", 2)])
    func longestWithoutRepeating(_ text: String, _ length: Int) {
        #expect(Lesson.longestWithoutRepeating(text) == length)
    }

    @Test(
        "longest with at most k distinct, and min subarray with sum >= target (published examples)",
        arguments: [("eceba", 2, 3), ("aa", 1, 2), ("araaci", 2, 4), ("araaci", 1, 2), ("cbbebi", 3, 5), ("abc", 0, 0)])
    func atMostKDistinct(_ text: String, _ k: Int, _ length: Int) {
        #expect(Lesson.longestWithAtMostKDistinct(text, k: k) == length)
    }

    @Test("minimum subarray length with sum >= target")
    func minSubarray() {
        #expect(Lesson.minSubarrayLength([2, 3, 1, 2, 4, 3], atLeast: 7) == 2)
        #expect(Lesson.minSubarrayLength([1, 4, 4], atLeast: 4) == 1)
        #expect(Lesson.minSubarrayLength([1, 1, 1, 1, 1, 1, 1, 1], atLeast: 11) == nil)
        #expect(Lesson.minSubarrayLength([], atLeast: 1) == nil)
        #expect(Lesson.minSubarrayLength([Int.max / 2, Int.max / 2], atLeast: Int.max - 1) == 2)
    }

    @Test(
        "minimum window substring (LeetCode 76)",
        arguments: [
            ("ADOBECODEBANC", "ABC", "BANC"), ("a", "a", "a"), ("a", "aa", ""), ("aa", "aa", "aa"),
            ("ab", "b", "b"), ("abc", "", ""), ("", "a", ""), ("cabwefgewcwaefgcf", "cae", "cwae"),
        ])
    func minimumWindowSubstring(_ text: String, _ pattern: String, _ window: String) {
        #expect(Lesson.minWindow(in: text, containing: pattern) == window)
    }

    @Test("windows count Characters: an emoji or an accented letter is one element")
    func emojiAreOneCharacter() {
        let family = "👨‍👩‍👧"  // man, ZWJ, woman, ZWJ, girl: five scalars, one Character
        #expect(family.count == 1 && family.unicodeScalars.count == 5)
        #expect(Lesson.longestWithoutRepeating(family + family) == 1)
        #expect(Lesson.longestWithoutRepeatingScalars(family) == 3)  // the pitfall: ZWJ repeats
        #expect(Lesson.longestWithoutRepeating("👍🏽👍🏿👍🏽") == 2)  // skin tones make distinct Characters
        #expect(Lesson.longestWithAtMostKDistinct("🍎🍎🍌🍌🍒", k: 2) == 4)
        #expect(Lesson.minWindow(in: "x🍎y🍌z🍎🍌", containing: "🍌🍎") == "🍎🍌")
        #expect(Lesson.minWindow(in: "cafe\u{301} café", containing: "é") == "e\u{301}")  // canonically equal
    }

    /// The brute-force oracles: every window, O(n²) or worse.
    static func allWindows<T>(_ elements: [T]) -> [ArraySlice<T>] {
        elements.indices.flatMap { left in (left..<elements.count).map { elements[left...$0] } }
    }

    @Test("every window algorithm matches brute force on 1,000 random inputs")
    func matchesBruteForce() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: -9...9).array(of: 0...15), Gen.int(in: 1...5)) {
            numbers, k in
            let sums = Self.allWindows(numbers).filter { $0.count == k }.map { $0.reduce(0, +) }
            #expect(Lesson.maxSum(of: numbers, windowSize: k) == sums.max())
            let positive = numbers.map { abs($0) + 1 }
            let long = Self.allWindows(positive).filter { $0.reduce(0, +) >= k * 4 }.map(\.count)
            #expect(Lesson.minSubarrayLength(positive, atLeast: k * 4) == long.min())
        }
        let alphabet: [Character] = ["a", "b", "c", "é", "👍🏽"]
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...4).array(of: 0...14), Gen.int(in: 0...3)) {
            codes, k in
            let text = String(codes.map { alphabet[$0] })
            let windows = Self.allWindows(Array(text))
            let unique = windows.filter { Set($0).count == $0.count }.map(\.count)
            #expect(Lesson.longestWithoutRepeating(text) == unique.max() ?? 0)
            let fewDistinct = windows.filter { Set($0).count <= k }.map(\.count)
            #expect(Lesson.longestWithAtMostKDistinct(text, k: k) == fewDistinct.max() ?? 0)
        }
        await propertyCheck(
            count: 1_000, input: Gen.int(in: 0...3).array(of: 0...14), Gen.int(in: 0...3).array(of: 1...3)
        ) {
            textCodes, patternCodes in
            let text = String(textCodes.map { alphabet[$0] })
            let pattern = String(patternCodes.map { alphabet[$0] })
            var needed: [Character: Int] = [:]
            for character in pattern { needed[character, default: 0] += 1 }
            let covering = Self.allWindows(Array(text)).filter { window in
                var counts: [Character: Int] = [:]
                for character in window { counts[character, default: 0] += 1 }
                return needed.allSatisfy { counts[$0.key, default: 0] >= $0.value }
            }
            // Shortest first, then leftmost: the same tie-break the window uses.
            let expected = covering.min { ($0.count, $0.startIndex) < ($1.count, $1.startIndex) }
            #expect(Lesson.minWindow(in: text, containing: pattern) == expected.map { String($0) } ?? "")
        }
    }
}
