import HandbookLeetCode
import PropertyBased
import Testing

@Suite("LeetCode 3: longest substring without repeating characters")
struct LongestSubstringWithoutRepeatingCharactersTests {
    typealias Lesson = LongestSubstringWithoutRepeatingCharacters

    /// O(n³) oracle: every substring, checked with a Set.
    static func bruteForceLength(_ text: String) -> Int {
        let characters = Array(text)
        var best = 0
        for start in characters.indices {
            for end in start..<characters.count where Set(characters[start...end]).count == end - start + 1 {
                best = max(best, end - start + 1)
            }
        }
        return best
    }

    @Test(
        "LeetCode's published examples",
        arguments: [("abcabcbb", 3, "abc"), ("bbbbb", 1, "b"), ("pwwkew", 3, "wke")])
    func publishedExamples(text: String, expected: Int, substring: String) {
        #expect(Lesson.length(of: text) == expected)
        #expect(Lesson.longest(in: text) == substring)
    }

    @Test(
        "edge cases: empty, one character, all distinct, repeats at the ends",
        arguments: [
            ("", 0), (" ", 1), ("a", 1), ("au", 2), ("dvdf", 3), ("tmmzuxt", 5), ("abcdef", 6), ("aab", 2),
        ])
    func edgeCases(text: String, expected: Int) {
        #expect(Lesson.length(of: text) == expected)
    }

    @Test("the window start never moves back to a stale occurrence: \"abba\" is 2, not 3")
    func startOnlyMovesForward() {
        #expect(Lesson.length(of: "abba") == 2)
        #expect(Lesson.longest(in: "abba") == "ab")
        #expect(Lesson.length(of: "abcba") == 3)
    }

    @Test("the answer is a Substring of the input sharing its indices; ties keep the first window")
    func returnsASubstringOfTheInput() {
        let text = "xyzxyz"
        let window = Lesson.longest(in: text)
        #expect(window == "xyz")
        #expect(window.startIndex == text.startIndex)
        #expect(Lesson.longest(in: "").isEmpty)
    }

    @Test("Characters, not bytes: emoji with modifiers and canonically equivalent accents are one Character each")
    func countsGraphemeClusters() {
        #expect(Lesson.length(of: "👍🏽👍🏽") == 1)
        #expect(Lesson.length(of: "👍🏽👍🏿👍") == 3)  // three different Characters
        #expect(Lesson.length(of: "é\u{65}\u{301}") == 1)  // precomposed é == e + combining acute
    }

    @Test("the pitfall: a byte window (Go's s[i]) disagrees as soon as the text is not ASCII")
    func byteWindowIsWrongBeyondASCII() {
        #expect(Lesson.lengthOverUTF8Bytes("abcabcbb") == 3)  // agrees on ASCII
        #expect(Lesson.lengthOverUTF8Bytes("éé") == 2)  // C3 A9 C3 A9: two distinct bytes in a row
        #expect(Lesson.length(of: "éé") == 1)
        #expect(Lesson.lengthOverUTF8Bytes("👍🏽") == 6)  // eight bytes, one Character
    }

    @Test("matches the brute force on 1,000 seeded strings of pieces that recombine when joined")
    func matchesBruteForceOnRecombiningPieces() async {
        // A lone accent, lone regional indicators, Hangul jamo, a joiner and a
        // newline: joined, they form graphemes that no single piece is.
        let pieces = ["a", "\u{301}", "🇦", "🇧", "🇨", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{200D}", "👩", "\r", "\n"]
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...11).array(of: 0...16)) { choices in
            let text = choices.map { pieces[$0] }.joined()
            let window = Lesson.longest(in: text)
            #expect(window.count == Self.bruteForceLength(text), "\(choices)")
            #expect(Set(window).count == window.count, "the window repeats a Character")
        }
    }

    @Test("matches an O(n³) brute-force oracle on 1,000 random strings")
    func matchesBruteForce() async {
        let pieces = ["a", "b", "c", "d", "é", "e\u{301}", "👍", "👍🏽"]
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...7).array(of: 0...16)) { choices in
            let text = choices.map { pieces[$0] }.joined()
            let window = Lesson.longest(in: text)
            #expect(window.count == Self.bruteForceLength(text))
            #expect(Set(window).count == window.count, "the window repeats a Character")
        }
    }
}
