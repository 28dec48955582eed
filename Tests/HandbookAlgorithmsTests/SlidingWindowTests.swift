import HandbookAlgorithms
import HandbookTestSupport
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

    @Test("no trap when the answer fits: differences and losing windows may leave Int's range")
    func extremeValuesDoNotTrap() {
        // The update Int.min - Int.max overflows; both windows, and the answer, fit.
        #expect(Lesson.maxSum(of: [Int.max, Int.min], windowSize: 1) == Int.max)
        #expect(Lesson.maxSum(of: [Int.min, Int.max], windowSize: 1) == Int.max)
        // The first window's partial sum Int.max + 1 overflows before -1 brings it back.
        #expect(Lesson.maxSum(of: [Int.max, 1, -1], windowSize: 3) == Int.max)
        // A losing window is below Int.min; the winner is Int.max - 1.
        #expect(Lesson.maxSum(of: [Int.min, -1, Int.max], windowSize: 2) == Int.max - 1)
        // The window's sum passes Int.max on its way to the answer, a length.
        #expect(Lesson.minSubarrayLength([Int.max - 1, 5], atLeast: Int.max) == 2)
        #expect(Lesson.minSubarrayLength([Int.max, Int.max, Int.max], atLeast: Int.max) == 1)
        #expect(Lesson.minSubarrayLength([1, Int.max, 1], atLeast: Int.min) == 1)
    }

    @Test("the pitfall: the window update in Int traps on Int.min - Int.max although the answer fits")
    func intWindowUpdateTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = SlidingWindow.maxSumInInt(of: [Int.max, Int.min], windowSize: 1)
        }
        #expect(Lesson.maxSumInInt(of: [2, 1, 5, 1, 3, 2], windowSize: 3) == 9, "fine for small numbers")
    }

    @Test("the only trap left is the documented one: the largest window sum beyond Int")
    func answerBeyondIntIsAPreconditionFailure() async {
        await #expect(processExitsWith: .failure) {
            _ = SlidingWindow.maxSum(of: [Int.max, 1], windowSize: 2)
        }
    }

    @Test("matches exact Int128 brute force on 1,000 seeded arrays of extreme values")
    func matchesExactOracleAtTheExtremes() async {
        let value = Gen.element(of: extremeIntegers).map { $0 ?? 0 }
        await propertyCheck(count: 1_000, input: value.array(of: 0...10), Gen.int(in: 1...4)) { numbers, k in
            let sums = Self.allWindows(numbers).filter { $0.count == k }.map(exactSum)
            // The precondition: the answer fits. Inputs whose best window does not are skipped.
            guard let best = sums.max(), let answer = Int(exactly: best) else { return }
            #expect(Lesson.maxSum(of: numbers, windowSize: k) == answer, "\(numbers), k \(k)")
        }
        let positive = Gen.element(of: extremePositiveIntegers).map { $0 ?? 1 }
        await propertyCheck(count: 1_000, input: positive.array(of: 0...10), value) { numbers, target in
            let lengths = Self.allWindows(numbers).filter { exactSum($0) >= Int128(target) }.map(\.count)
            #expect(Lesson.minSubarrayLength(numbers, atLeast: target) == lengths.min(), "\(numbers), \(target)")
        }
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
        // Pieces that recombine when joined (a lone accent, lone regional indicators,
        // Hangul jamo, a joiner): the text's own Characters are the unit, whatever
        // the pieces were.
        let alphabet = ["a", "b", "c", "é", "👍🏽", "\u{301}", "🇦", "🇧", "\u{1100}", "\u{1161}", "\u{200D}", "\u{A9}"]
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...11).array(of: 0...14), Gen.int(in: 0...3)) {
            codes, k in
            let text = codes.map { alphabet[$0] }.joined()
            let windows = Self.allWindows(Array(text))
            let unique = windows.filter { Set($0).count == $0.count }.map(\.count)
            #expect(Lesson.longestWithoutRepeating(text) == unique.max() ?? 0)
            let fewDistinct = windows.filter { Set($0).count <= k }.map(\.count)
            #expect(Lesson.longestWithAtMostKDistinct(text, k: k) == fewDistinct.max() ?? 0)
        }
        await propertyCheck(
            count: 1_000, input: Gen.int(in: 0...11).array(of: 0...14), Gen.int(in: 0...11).array(of: 1...3)
        ) {
            textCodes, patternCodes in
            let text = textCodes.map { alphabet[$0] }.joined()
            let pattern = patternCodes.map { alphabet[$0] }.joined()
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
