/// Sliding windows: a contiguous range `[left, right)` that grows on the
/// right and shrinks on the left, carrying a running sum or a
/// `[Character: Int]` count, so each element enters and leaves once.
///
/// ```swift
/// SlidingWindow.maxSum(of: [2, 1, 5, 1, 3, 2], windowSize: 3)  // 9
/// SlidingWindow.longestWithoutRepeating("abcabcbb")            // 3
/// SlidingWindow.minWindow(in: "ADOBECODEBANC", containing: "ABC") // "BANC"
/// SlidingWindow.longestWithoutRepeating("👨‍👩‍👧👨‍👩‍👧")    // 1: one Character each
/// ```
///
/// ## Why interviewers ask this
/// "Longest/shortest contiguous run such that…" is one of the most common
/// screening shapes, and the brute force is O(n²) or O(n³). The window turns
/// it into O(n) when the condition is monotone: if a window is valid, so is
/// every window inside it (or every window containing it). Interviewers
/// listen for that argument, then probe the left-pointer update and, in
/// Swift, what a "character" is.
///
/// ## Common pitfalls
/// - Moving `left` backwards. With a last-seen map, a repeat seen *before*
///   the window must be ignored: `left = max(left, last + 1)`, not
///   `last + 1` ("abba" gives 3 instead of 2).
/// - Shrinking with `if` instead of `while`: one step may not restore the
///   condition.
/// - Updating a window sum with `sum += entering - leaving` in `Int`
///   (``maxSumInInt(of:windowSize:)``): the difference of two valid elements
///   can overflow (`Int.min - Int.max`), and so can a window that is not the
///   answer. Swift traps where Go would wrap to a wrong answer. Keep the sum
///   in a wider type (`Int128`) or use `addingReportingOverflow`.
/// - Using a variable window on negative numbers for "minimum length with
///   sum ≥ target": shrinking no longer makes the sum smaller, so the
///   greedy argument fails (use prefix sums with a monotonic deque).
///   ``minSubarrayLength(_:atLeast:)`` requires positive values.
/// - Counting the wrong unit. `Array(s.utf8)` or `unicodeScalars` splits an
///   emoji or an accented letter into several "characters"
///   (``longestWithoutRepeatingScalars(_:)``: the family emoji is five
///   scalars with a repeated zero-width joiner). Window over `[Character]`.
/// - Indexing a `String` with `Int` in the loop: it does not compile, and
///   `index(_:offsetBy:)` inside the loop is O(n) per step. Copy to
///   `[Character]` once.
///
/// ## Key takeaway
/// Keep an invariant about the window (its sum, its counts, "no repeats"),
/// extend `right` every step, and shrink `left` while the invariant is
/// broken (or while it still holds, when minimising). Both pointers only
/// move forward, so the work is O(n) however many times the inner loop runs.
///
/// ## Edges, audited
/// - Overflow: ``maxSum(of:windowSize:)`` and ``minSubarrayLength(_:atLeast:)``
///   sum in `Int128`, so they never trap when the answer fits in `Int`, from
///   `Int.min` to `Int.max` (property-tested with extreme values). The only
///   trap left is ``maxSum(of:windowSize:)``'s documented one: the largest
///   window sum itself beyond `Int`.
/// - Unicode: the string windows work on `[Character]` and return slices of
///   the original characters (``minWindow(in:containing:)``), so a returned
///   substring is the same graphemes, never a recombination.
/// - Depth: no recursion.
///
/// ## Go → Swift
/// Indexing a Go string gives bytes, and `[]rune` gives code points; here
/// the element is `Character`, with `[Character: Int]` counts, which is
/// correct for any text and still O(n). Where "no window" and "zero"
/// differ, the Swift versions return `nil` or `""` instead of a 0 that
/// could be a real answer. The seed README lists minimum window substring
/// without implementing it: it is here.
public enum SlidingWindow {
    // MARK: Fixed window

    /// The largest sum of `windowSize` consecutive elements, or `nil` when
    /// there are fewer than `windowSize` elements.
    ///
    /// The running sum is an `Int128`: with 64-bit elements, a window's
    /// partial sum, the entering-minus-leaving difference (`Int.max - Int.min`)
    /// or a window that is not the answer can leave `Int`'s range even when
    /// the answer fits, and `Int` arithmetic traps there. A sum of at most
    /// `Int.max` elements of 64 bits cannot leave `Int128`'s range.
    /// - Precondition: `windowSize > 0`, and the largest window sum fits in
    ///   `Int` (it is the answer; other windows may overflow `Int` freely).
    /// - Complexity: O(n) time, O(1) space: add the entering element,
    ///   subtract the leaving one.
    public static func maxSum(of numbers: [Int], windowSize: Int) -> Int? {
        precondition(windowSize > 0, "window size must be positive, got \(windowSize)")
        guard numbers.count >= windowSize else { return nil }
        var sum: Int128 = 0
        for number in numbers[..<windowSize] { sum += Int128(number) }
        var best = sum
        for right in windowSize..<numbers.count {
            sum += Int128(numbers[right]) - Int128(numbers[right - windowSize])
            best = max(best, sum)
        }
        guard let answer = Int(exactly: best) else {
            preconditionFailure("the largest window sum \(best) does not fit in Int")
        }
        return answer
    }

    /// The pitfall: the same window in `Int`. Correct while every partial
    /// sum fits, but `[Int.max, Int.min]` with window 1 traps on the update
    /// `Int.min - Int.max` although both windows, and the answer, fit.
    /// - Complexity: O(n) time, O(1) space.
    public static func maxSumInInt(of numbers: [Int], windowSize: Int) -> Int? {
        precondition(windowSize > 0, "window size must be positive, got \(windowSize)")
        guard numbers.count >= windowSize else { return nil }
        var sum = numbers[..<windowSize].reduce(0, +)
        var best = sum
        for right in windowSize..<numbers.count {
            sum += numbers[right] - numbers[right - windowSize]
            best = max(best, sum)
        }
        return best
    }

    // MARK: Variable windows over Characters

    /// The length, in `Character`s, of the longest substring with no
    /// repeated character (LeetCode 3).
    /// - Complexity: O(n) time, O(k) space for k distinct characters.
    public static func longestWithoutRepeating(_ text: String) -> Int {
        let characters = Array(text)
        var lastSeen: [Character: Int] = [:]
        var left = 0
        var best = 0
        for (right, character) in characters.enumerated() {
            if let last = lastSeen[character] {
                left = max(left, last + 1)
            }
            lastSeen[character] = right
            best = max(best, right - left + 1)
        }
        return best
    }

    /// The pitfall: the same algorithm over Unicode scalars. ASCII agrees;
    /// an emoji built from several scalars does not.
    /// - Complexity: O(n) in scalars.
    public static func longestWithoutRepeatingScalars(_ text: String) -> Int {
        var lastSeen: [Unicode.Scalar: Int] = [:]
        var left = 0
        var best = 0
        for (right, scalar) in text.unicodeScalars.enumerated() {
            if let last = lastSeen[scalar] {
                left = max(left, last + 1)
            }
            lastSeen[scalar] = right
            best = max(best, right - left + 1)
        }
        return best
    }

    /// The length of the longest substring with at most `k` distinct
    /// `Character`s (LeetCode 340).
    /// - Precondition: `k >= 0`.
    /// - Complexity: O(n) time, O(k) space.
    public static func longestWithAtMostKDistinct(_ text: String, k: Int) -> Int {
        precondition(k >= 0, "k must not be negative, got \(k)")
        let characters = Array(text)
        var counts: [Character: Int] = [:]
        var left = 0
        var best = 0
        for (right, character) in characters.enumerated() {
            counts[character, default: 0] += 1
            while counts.count > k {
                let leaving = characters[left]
                counts[leaving]! -= 1  // present: it is inside the window
                if counts[leaving] == 0 { counts[leaving] = nil }
                left += 1
            }
            best = max(best, right - left + 1)
        }
        return best
    }

    // MARK: Minimising windows

    /// The length of the shortest contiguous subarray whose sum is at least
    /// `target`, or `nil` if none (LeetCode 209).
    ///
    /// The answer is a length, so it always fits; the window's sum may not
    /// (`[Int.max - 1, 5]` with target `Int.max`), so it is kept in `Int128`,
    /// where a sum of `Int`s cannot overflow.
    /// - Precondition: every element is positive (that is what makes
    ///   shrinking monotone).
    /// - Complexity: O(n) time, O(1) space.
    public static func minSubarrayLength(_ numbers: [Int], atLeast target: Int) -> Int? {
        precondition(numbers.allSatisfy { $0 > 0 }, "the sliding window needs positive numbers")
        let target = Int128(target)
        var left = 0
        var sum: Int128 = 0
        var best: Int?
        for right in numbers.indices {
            sum += Int128(numbers[right])
            while sum >= target && left <= right {
                best = min(best ?? .max, right - left + 1)
                sum -= Int128(numbers[left])
                left += 1
            }
        }
        return best
    }

    /// The shortest substring of `text` that contains every `Character` of
    /// `pattern` with its multiplicity, leftmost on ties; `""` if none
    /// (LeetCode 76).
    ///
    /// `missing` counts pattern characters the window still lacks, so the
    /// validity check is O(1) instead of comparing two dictionaries.
    /// - Complexity: O(n + m) time, O(m) space.
    public static func minWindow(in text: String, containing pattern: String) -> String {
        let characters = Array(text)
        var needed: [Character: Int] = [:]
        for character in pattern { needed[character, default: 0] += 1 }
        guard !needed.isEmpty else { return "" }
        var missing = pattern.count
        var left = 0
        var best: Range<Int>?
        for (right, character) in characters.enumerated() {
            if let count = needed[character] {
                if count > 0 { missing -= 1 }
                needed[character] = count - 1  // negative: surplus inside the window
            }
            while missing == 0 {
                if right + 1 - left < best?.count ?? .max { best = left..<(right + 1) }
                let leaving = characters[left]
                if let count = needed[leaving] {
                    if count == 0 { missing += 1 }
                    needed[leaving] = count + 1
                }
                left += 1
            }
        }
        return best.map { String(characters[$0]) } ?? ""
    }
}
