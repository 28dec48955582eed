/// LeetCode 3, Longest Substring Without Repeating Characters: the longest
/// run of consecutive characters in a string in which no character occurs
/// twice, found with a sliding window and a last-seen index map.
///
/// ```swift
/// typealias Lesson = LongestSubstringWithoutRepeatingCharacters
/// Lesson.length(of: "abcabcbb")    // 3 ("abc")
/// Lesson.longest(in: "pwwkew")     // "wke", a Substring of the input
/// Lesson.length(of: "👍🏽👍🏽")        // 1: one Character repeated
/// Lesson.lengthOverUTF8Bytes("éé") // 2: the byte answer a Go solution gives
/// ```
///
/// **Problem.** Given a string, return the length of its longest substring
/// (contiguous, not a subsequence) whose characters are all distinct.
///
/// **Approach.** Keep a window `[start, i]` with no repeats and remember the
/// last offset at which each character was seen. When the character at `i`
/// was last seen *inside* the window, the window's start jumps just past that
/// occurrence; a stale entry from before the window is ignored. Every
/// character enters and leaves the window once.
///
/// - Complexity: O(n) time, O(k) space, where n is the number of Characters
///   and k the number of distinct Characters.
///
/// ## Why interviewers ask this
/// It is the canonical sliding-window problem: the interviewer wants the
/// O(n) window instead of the O(n³) "check every substring", and the one
/// subtle line, moving `start` only forward (`"abba"` breaks solutions that
/// jump back to a stale index). In Swift it also tests whether you know what
/// a "character" is: a `String` is a collection of grapheme clusters, so
/// `"👍🏽"` (two scalars, eight UTF-8 bytes) is one `Character`, and
/// `"é"` and `"e\u{301}"` are the same `Character`.
///
/// ## Common pitfalls
/// - Jumping the window back to a stale occurrence: `start = last[c] + 1`
///   without checking `last[c] >= start` gives 3 for `"abba"` instead of 2.
/// - Counting bytes or scalars instead of Characters
///   (``lengthOverUTF8Bytes(_:)``): `"éé"` has two distinct bytes in a row,
///   so a byte window answers 2 for a string whose answer is 1.
/// - Integer-indexing a `String` (`s[i]` does not compile) and reaching for
///   `s.index(s.startIndex, offsetBy: i)` inside the loop, which is O(i) per
///   call and makes the whole solution O(n²). Walk the indices once, or copy
///   to `Array(s)` once.
/// - Returning the substring by offsets and re-deriving indices later; keep
///   the `String.Index` range you already have and slice once.
///
/// ## Key takeaway
/// A sliding window plus a last-seen map is O(n); the start pointer only ever
/// moves forward. In Swift, iterate `Character`s (or hold `String.Index`
/// values) and never integer-index a `String`.
///
/// ## Edges, audited
/// - Unicode: the window walks the string's own `Character`s and returns a
///   slice of the input, never a re-joined string, so a lone combining mark,
///   a regional indicator or a Hangul jamo stays the grapheme it was
///   (property-tested with such pieces).
/// - Overflow: only lengths. Depth: no recursion.
///
/// ## Go → Swift
/// The usual Go answer indexes bytes (`s[i]`, a `[128]int` or
/// `map[byte]int`), which is right only for ASCII; `for i, r := range s`
/// gives runes (scalars), still not user-perceived characters, and `i` is a
/// byte offset. Go's missing map key reads as the zero value `0`, which the
/// Go answer often conflates with "seen at index 0"; Swift's dictionary
/// returns an Optional, so "never seen" and "seen at 0" are different states.
public enum LongestSubstringWithoutRepeatingCharacters {
    /// The longest substring of `text` without a repeated `Character`; the
    /// first one when several tie. Empty for an empty string.
    /// - Complexity: O(n) time, O(k) space (n Characters, k distinct).
    public static func longest(in text: String) -> Substring {
        // Offsets compare window positions; the index after each occurrence
        // lets the start jump there in O(1) and slice the answer at the end.
        var lastSeen: [Character: (offset: Int, after: String.Index)] = [:]
        var windowStart = (offset: 0, index: text.startIndex)
        var best = (length: 0, range: text.startIndex..<text.startIndex)
        var offset = 0
        var index = text.startIndex
        while index != text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if let seen = lastSeen[character], seen.offset >= windowStart.offset {
                windowStart = (seen.offset + 1, seen.after)
            }
            lastSeen[character] = (offset, next)
            let length = offset - windowStart.offset + 1
            if length > best.length {
                best = (length, windowStart.index..<next)
            }
            offset += 1
            index = next
        }
        return text[best.range]
    }

    /// The length, in `Character`s, of the longest substring without a
    /// repeated `Character`.
    /// - Complexity: O(n) time, O(k) space.
    public static func length(of text: String) -> Int {
        longest(in: text).count
    }

    /// The pitfall: the same window over UTF-8 bytes, which is what a Go
    /// solution indexing `s[i]` computes. Correct for ASCII only.
    /// - Complexity: O(n) time in bytes, O(1) space (a 256-entry table).
    public static func lengthOverUTF8Bytes(_ text: String) -> Int {
        var lastSeen = [Int](repeating: -1, count: 256)
        var start = 0
        var best = 0
        for (offset, byte) in text.utf8.enumerated() {
            start = max(start, lastSeen[Int(byte)] + 1)
            lastSeen[Int(byte)] = offset
            best = max(best, offset - start + 1)
        }
        return best
    }
}
