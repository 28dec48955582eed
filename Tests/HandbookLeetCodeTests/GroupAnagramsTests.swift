import HandbookLeetCode
import PropertyBased
import Testing

@Suite("Group Anagrams (LeetCode 49)")
struct GroupAnagramsTests {
    @Test(
        "LeetCode's published examples, in the documented order",
        arguments: [
            (["eat", "tea", "tan", "ate", "nat", "bat"], [["eat", "tea", "ate"], ["tan", "nat"], ["bat"]]),
            ([""], [[""]]),  // LeetCode example 2: one empty word
            (["a"], [["a"]]),  // LeetCode example 3
        ])
    func publishedExamples(words: [String], expected: [[String]]) {
        #expect(GroupAnagrams.group(words) == expected)
    }

    @Test("groups follow their first word's position; words keep input order inside a group")
    func outputOrderIsDeterministic() {
        #expect(GroupAnagrams.group(["bat", "eat", "tab", "tea"]) == [["bat", "tab"], ["eat", "tea"]])
        #expect(GroupAnagrams.group(["tea", "bat", "eat", "tab"]) == [["tea", "eat"], ["bat", "tab"]])
    }

    @Test("edge cases: no words, duplicates, empty words, case matters, repeated letters count")
    func edgeCases() {
        #expect(GroupAnagrams.group([]) == [])
        #expect(GroupAnagrams.group(["ab", "ab", "ba"]) == [["ab", "ab", "ba"]])
        #expect(GroupAnagrams.group(["", "", "a"]) == [["", ""], ["a"]])
        #expect(GroupAnagrams.group(["Tea", "eat"]) == [["Tea"], ["eat"]], "T and t are different characters")
        #expect(GroupAnagrams.group(["aab", "abb"]) == [["aab"], ["abb"]], "same letters, different counts")
    }

    @Test("Unicode: é is one character however it is encoded, so café and face\u{301} are anagrams")
    func canonicallyEquivalentCharactersMatch() {
        let precomposed = "caf\u{E9}"  // é as one scalar
        let decomposed = "face\u{301}"  // e + combining acute accent
        #expect(GroupAnagrams.group([precomposed, decomposed]) == [[precomposed, decomposed]])
        #expect(GroupAnagrams.group(["🇫🇷🇩🇪", "🇩🇪🇫🇷", "🇫🇩🇷🇪"]).count == 2, "flags are single characters")
    }

    @Test("the pitfall: a Unicode-scalar key (Go's rune sort) splits canonically equal words")
    func scalarKeySplitsEquivalentWords() {
        let precomposed = "caf\u{E9}"
        let decomposed = "face\u{301}"
        #expect(GroupAnagrams.keyByUnicodeScalars(precomposed) != GroupAnagrams.keyByUnicodeScalars(decomposed))
        #expect(GroupAnagrams.keyByUnicodeScalars("tea") == GroupAnagrams.keyByUnicodeScalars("eat"), "fine for ASCII")
    }

    @Test(
        "characters that would recombine if re-joined stay apart: words that are not anagrams never share a group",
        arguments: [
            ("\u{301}e", "\u{E9}"),  // lone accent + e  vs  é: sorted and joined, the accent lands on the e
            ("\u{1161}\u{1100}", "\u{AC00}"),  // Hangul vowel + consonant jamo  vs  the syllable 가
            ("🇦x🇧🇨🇩", "x🇦🇧🇨🇩"),  // 🇦, x, 🇧🇨, 🇩  vs  x, 🇦🇧, 🇨🇩: the same scalars, paired differently
            ("\u{200D}\u{A9}\u{203C}", "\u{A9}\u{200D}\u{203C}"),  // a lone joiner sorts between © and ‼ and joins them
        ])
    func recombiningCharactersStayApart(first: String, second: String) {
        #expect(GroupAnagrams.groupByPairwiseComparison([first, second]).count == 2, "not anagrams")
        #expect(GroupAnagrams.group([first, second]) == [[first], [second]])
        #expect(GroupAnagrams.group([first, second]) == GroupAnagrams.groupByPairwiseComparison([first, second]))
    }

    @Test("the pitfall: a key joined back into a String merges characters that sorting put side by side")
    func joinedKeyMergesGraphemes() {
        #expect(
            GroupAnagrams.keyByJoiningSortedCharacters("\u{301}e")
                == GroupAnagrams.keyByJoiningSortedCharacters("\u{E9}"))
        #expect(
            GroupAnagrams.keyByJoiningSortedCharacters("\u{301}e").count == 1, "two characters went in, one came out")
        #expect(
            GroupAnagrams.keyByJoiningSortedCharacters("tea") == GroupAnagrams.keyByJoiningSortedCharacters("eat"),
            "fine for ASCII")
    }

    @Test("matches pairwise character counting on 1,000 seeded word lists of recombining pieces")
    func matchesPairwiseOracleOnRecombiningPieces() async {
        // Pieces chosen to merge with their neighbours: lone combining marks, lone
        // regional indicators, Hangul jamo (leading, vowel, trailing), a zero-width
        // joiner, a variation selector, and their precomposed counterparts.
        let pieces: [String] = [
            "e", "\u{301}", "\u{E9}", "\u{327}", "c", "🇦", "🇧", "🇨", "\u{1100}", "\u{1161}", "\u{11A8}",
            "\u{AC00}", "\u{200D}", "\u{A9}", "\u{203C}", "👩", "\u{FE0F}", "❤", "a",
        ]
        let word = Gen.element(of: pieces).map { $0 ?? "a" }.array(of: 0...5).map { $0.joined() }
        await propertyCheck(count: 1_000, input: word.array(of: 0...8)) { words in
            #expect(GroupAnagrams.group(words) == GroupAnagrams.groupByPairwiseComparison(words), "\(words)")
        }
    }

    @Test("matches pairwise character counting on 1,000 random word lists, Unicode included")
    func matchesPairwiseOracle() async {
        let pieces: [String] = ["a", "b", "c", "\u{E9}", "e\u{301}", "e", "🇫🇷"]
        let word = Gen.element(of: pieces).map { $0 ?? "a" }.array(of: 0...4).map { $0.joined() }
        await propertyCheck(count: 1_000, input: word.array(of: 0...8)) { words in
            #expect(GroupAnagrams.group(words) == GroupAnagrams.groupByPairwiseComparison(words), "\(words)")
        }
    }
}
