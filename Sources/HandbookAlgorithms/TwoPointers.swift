/// Two pointers: two indices that walk an array (or a string) toward each
/// other, or one behind the other, so an O(n²) pair search becomes O(n).
///
/// ```swift
/// TwoPointers.twoSumSorted([2, 7, 11, 15], target: 9)  // (0, 1)
/// TwoPointers.threeSum([-1, 0, 1, 2, -1, -4])          // [[-1, -1, 2], [-1, 0, 1]]
/// var a = [0, 1, 0, 3, 12]
/// TwoPointers.moveZeroes(&a)                           // [1, 3, 12, 0, 0]
/// TwoPointers.isPalindrome("e\u{301}ke\u{301}")        // true: "éké"
/// TwoPointers.isPalindromeByBytes("e\u{301}ke\u{301}") // false
/// ```
///
/// ## Why interviewers ask this
/// Two pointers is the step from brute force to linear time on sorted input
/// (pair sums, 3-sum, container with most water) and the standard way to
/// rewrite an array in place with O(1) extra space (remove duplicates, move
/// zeroes, reverse). The follow-ups are where candidates slip: duplicate
/// triplets, keeping the relative order, and what "a character" means.
///
/// ## Common pitfalls
/// - 3-sum without skipping equal neighbours returns the same triplet
///   several times; the skip must happen for the anchor and for at least
///   one inner pointer (skipping both is the usual, symmetric form).
/// - Moving zeroes by swapping with the end is O(n) but scrambles the
///   non-zero order (``moveZeroesBySwappingWithEnd(_:)``); the read/write
///   pointer version keeps it.
/// - Comparing UTF-8 bytes from both ends, as Go's `s[i] != s[j]` does:
///   `"e\u{301}ke\u{301}"` ("éké") is a palindrome to a reader but not as
///   bytes, because the combining accent follows its letter.
///   Walk `String.Index` from both ends and compare `Character`s.
/// - Integer-indexing a `String`: it does not compile. Either walk
///   `String.Index` (``isPalindrome(_:)``) or copy to `[Character]` once.
/// - Adding three `Int`s in 3-sum: a triplet that is *not* the answer can
///   overflow (`[1, 1, Int.max]` has no answer, and its only triplet is past
///   `Int.max`) and Swift traps. Compare the
///   sum in `Int128` (or with `addingReportingOverflow`, as `twoSumSorted`
///   does for pairs).
/// - `twoSumSorted` on unsorted input: the pointer moves are only sound
///   because the array is sorted.
///
/// ## Key takeaway
/// Each step must discard a whole row of candidates: on sorted input, if
/// `a[lo] + a[hi]` is too small, no pair with `a[lo]` can work, so `lo`
/// moves. In-place rewrites use a slow *write* pointer and a fast *read*
/// pointer, with `swapAt`. For text, the pointers walk `Character`s.
///
/// ## Edges, audited
/// - Overflow: ``twoSumSorted(_:target:)`` and ``threeSum(_:)`` never trap,
///   from `Int.min` to `Int.max` (overflow-reporting pair sums, `Int128`
///   triplet sums; property-tested with extreme values). ``maxArea(_:)``
///   multiplies a width by a height: its precondition is that the answer
///   (the largest area) fits in `Int`; heights are non-negative by definition.
/// - Unicode: the palindromes compare `Character`s, so recombining and
///   multi-scalar characters are single units.
/// - Depth: no recursion.
///
/// ## Go → Swift
/// Go's `two_pointers.go` checks palindromes by byte (`s[i]` on a Go string
/// is a byte), which is right for ASCII and wrong for "éké" or emoji; even
/// `[]rune` only gets code points, not graphemes. Swift's `String` is not
/// integer-indexable and its `Character` is a grapheme cluster, so the
/// correct version is also the natural one. In-place algorithms take
/// `inout [Int]` (a Go function mutates the caller's backing array through
/// the slice); `swapAt(_:_:)` replaces `a[i], a[j] = a[j], a[i]`. Where Go
/// idiom returns `-1` sentinels for "not found", Swift returns an optional
/// tuple.
public enum TwoPointers {
    // MARK: Pair and triplet sums

    /// Indices `(i, j)`, `i < j`, of two elements of ascending `numbers`
    /// that sum to `target`, or `nil` (LeetCode 167, zero-based).
    /// - Precondition: `numbers` is sorted ascending.
    /// - Complexity: O(n) time, O(1) space.
    public static func twoSumSorted(_ numbers: [Int], target: Int) -> (Int, Int)? {
        guard !numbers.isEmpty else { return nil }
        var low = 0
        var high = numbers.count - 1
        while low < high {
            // a + b can overflow near Int.max. On overflow both operands share a
            // sign, and the true sum lies beyond Int's range on that side.
            let (sum, overflow) = numbers[low].addingReportingOverflow(numbers[high])
            if !overflow && sum == target { return (low, high) }
            let tooSmall = overflow ? numbers[low] < 0 : sum < target
            if tooSmall { low += 1 } else { high -= 1 }
        }
        return nil
    }

    /// Every distinct triplet summing to zero, each sorted ascending, the
    /// list sorted (LeetCode 15).
    ///
    /// A triplet that sums to zero always fits in `Int`, but the pointers also
    /// add up triplets that do not (`Int.max + Int.max + …`), so the sum is
    /// taken in `Int128`, where three `Int`s cannot overflow: safe for any
    /// input from `Int.min` to `Int.max`.
    /// - Complexity: O(n²) time; O(n) extra space for the sorted copy.
    public static func threeSum(_ numbers: [Int]) -> [[Int]] {
        let sorted = numbers.sorted()
        var triplets: [[Int]] = []
        for anchor in sorted.indices {
            if anchor > 0 && sorted[anchor] == sorted[anchor - 1] { continue }
            var low = anchor + 1
            var high = sorted.count - 1
            while low < high {
                let sum = Int128(sorted[anchor]) + Int128(sorted[low]) + Int128(sorted[high])
                if sum < 0 {
                    low += 1
                } else if sum > 0 {
                    high -= 1
                } else {
                    triplets.append([sorted[anchor], sorted[low], sorted[high]])
                    low += 1
                    high -= 1
                    while low < high && sorted[low] == sorted[low - 1] { low += 1 }
                    while low < high && sorted[high] == sorted[high + 1] { high -= 1 }
                }
            }
        }
        return triplets
    }

    /// The most water two of the vertical lines can hold (LeetCode 11).
    /// Always move the shorter line: keeping it can only shrink the width.
    ///
    /// Every area it computes is a real container, no larger than the
    /// answer, so it overflows only when the answer does.
    /// - Precondition: every height is non-negative (checked), and the
    ///   largest area fits in `Int`.
    /// - Complexity: O(n) time, O(1) space.
    public static func maxArea(_ heights: [Int]) -> Int {
        precondition(heights.allSatisfy { $0 >= 0 }, "a line cannot have a negative height")
        guard !heights.isEmpty else { return 0 }
        var low = 0
        var high = heights.count - 1
        var best = 0
        while low < high {
            best = max(best, (high - low) * min(heights[low], heights[high]))
            if heights[low] < heights[high] { low += 1 } else { high -= 1 }
        }
        return best
    }

    // MARK: In place, with a read and a write pointer

    /// Removes duplicates from ascending `numbers` in place and returns the
    /// number of unique values, which now occupy the front (LeetCode 26).
    /// The array is truncated to that prefix, so it is also the result.
    /// - Precondition: `numbers` is sorted ascending.
    /// - Complexity: O(n) time, O(1) extra space.
    @discardableResult
    public static func removeDuplicates(_ numbers: inout [Int]) -> Int {
        guard !numbers.isEmpty else { return 0 }
        var write = 1
        for read in 1..<numbers.count where numbers[read] != numbers[write - 1] {
            numbers[write] = numbers[read]
            write += 1
        }
        numbers.removeSubrange(write...)
        return write
    }

    /// Reverses `numbers` in place by swapping the ends inward; the same
    /// result as the standard library's `reverse()`.
    /// - Complexity: O(n) time, O(1) space.
    public static func reverse(_ numbers: inout [Int]) {
        guard !numbers.isEmpty else { return }
        var low = 0
        var high = numbers.count - 1
        while low < high {
            numbers.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    /// Moves every zero to the end, keeping the order of the other values
    /// (LeetCode 283): non-zeros are swapped down to a write pointer.
    /// - Complexity: O(n) time, O(1) space.
    public static func moveZeroes(_ numbers: inout [Int]) {
        var write = 0
        for read in numbers.indices where numbers[read] != 0 {
            numbers.swapAt(write, read)
            write += 1
        }
    }

    /// The pitfall: swapping each zero with the last unprocessed element is
    /// also O(n), but it reorders the non-zero values.
    public static func moveZeroesBySwappingWithEnd(_ numbers: inout [Int]) {
        var low = 0
        var high = numbers.count - 1
        while low < high {
            if numbers[low] == 0 {
                numbers.swapAt(low, high)
                high -= 1
            } else {
                low += 1
            }
        }
    }

    // MARK: Palindromes: Characters, not bytes

    /// Whether `text` reads the same backwards, comparing `Character`s
    /// (grapheme clusters) while walking `String.Index` from both ends.
    /// - Complexity: O(n) time, O(1) space (no array copy).
    public static func isPalindrome(_ text: String) -> Bool {
        guard !text.isEmpty else { return true }
        var low = text.startIndex
        var high = text.index(before: text.endIndex)
        while low < high {
            if text[low] != text[high] { return false }
            low = text.index(after: low)
            high = text.index(before: high)
        }
        return true
    }

    /// The pitfall, Go's version: compares UTF-8 bytes from both ends. Right
    /// for ASCII; wrong as soon as a character is more than one byte.
    /// - Complexity: O(n) in bytes.
    public static func isPalindromeByBytes(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return true }
        var low = 0
        var high = bytes.count - 1
        while low < high {
            if bytes[low] != bytes[high] { return false }
            low += 1
            high -= 1
        }
        return true
    }

    /// LeetCode 125: a palindrome after dropping everything that is not a
    /// letter or a number and ignoring case ("A man, a plan, a canal:
    /// Panama"). Both pointers skip independently.
    /// - Complexity: O(n) time, O(1) space.
    public static func isSentencePalindrome(_ text: String) -> Bool {
        func keeps(_ character: Character) -> Bool { character.isLetter || character.isNumber }
        guard !text.isEmpty else { return true }
        var low = text.startIndex
        var high = text.index(before: text.endIndex)
        while low < high {
            if !keeps(text[low]) {
                low = text.index(after: low)
            } else if !keeps(text[high]) {
                high = text.index(before: high)
            } else {
                if text[low].lowercased() != text[high].lowercased() { return false }
                low = text.index(after: low)
                high = text.index(before: high)
            }
        }
        return true
    }
}
