/// Top K Frequent Elements (LeetCode 347): count with a dictionary, then
/// bucket the values by count, so the k most frequent come out in O(n)
/// without sorting.
///
/// ```swift
/// TopKFrequentElements.topK([1, 1, 1, 2, 2, 3], k: 2)  // [1, 2]
/// TopKFrequentElements.topK([4, 5, 5, 4, 6], k: 1)     // [4]: tied with 5, seen first
/// ```
///
/// ## The problem
/// Given an integer array and `k`, return the `k` most frequent values.
/// LeetCode guarantees a unique answer and accepts any order; this version
/// defines one: **most frequent first, and among equal counts the value that
/// first appears earlier in the input first**. With that rule the result is
/// the same on every run, even though `Dictionary` iteration order is not.
///
/// ## Approach
/// 1. Count each value (`counts[value, default: 0] += 1`) and remember the
///    order in which distinct values first appear.
/// 2. Make `n + 1` buckets, where bucket `c` holds the values seen exactly
///    `c` times; fill them in first-appearance order (that is the tie-break).
/// 3. Walk the buckets from `n` down to 1, taking values until `k` are taken.
/// A count is at most `n`, so the buckets replace an O(n log n) sort.
/// - Complexity: O(n) time, O(n) space. A size-k heap gives
///   O(n log k) time and O(k) extra space, better when the data streams.
///
/// ## Why interviewers ask this
/// The obvious answer (count, then sort by count) is O(n log n), and the
/// interviewer asks "can you beat that?": the bucket trick (counts are
/// bounded by n) or a heap of size k. It also probes whether you notice that
/// dictionary order is unspecified, so ties need a rule if the output must
/// be reproducible (tests, caches, pagination).
///
/// ## Common pitfalls
/// - Filling buckets by iterating the `counts` dictionary: its order changes
///   from run to run (Swift seeds hashing per process), so ties come out in
///   a different order every time.
/// - Sorting inside each bucket to break ties by value: correct, but the
///   O(n) bound is gone.
/// - Allocating `n` buckets instead of `n + 1`: a value that fills the whole
///   array has count `n` and indexes past the end.
/// - Returning `k` elements when fewer than `k` distinct values exist. Here
///   `k` larger than the number of distinct values returns them all, like
///   `prefix(k)`; a negative `k` is a programmer error and traps.
///
/// ## Key takeaway
/// Counting is O(n); when the keys are bounded counts, bucket them instead
/// of sorting. Make ties deterministic on purpose: first appearance is free,
/// sorting by value is not.
///
/// ## Edges, audited
/// - Overflow: counts are at most n; values are only hashed (`Int.min` and
///   `Int.max` tested).
/// - Unicode: elements are generic `Hashable`s. Depth: no recursion.
///
/// ## Go → Swift
/// Go's `map[int]int` with `counts[v]++` relies on the zero value; Swift
/// spells the default: `counts[v, default: 0] += 1`. Go randomises map
/// iteration deliberately and Swift's order is unspecified and per-process
/// seeded, so in both languages the tie-break must come from the input, not
/// the map. `make([][]int, n+1)` is `Array(repeating: [], count: n + 1)`.
public enum TopKFrequentElements {
    /// The `k` most frequent values, most frequent first; equal counts are
    /// ordered by first appearance in `nums`.
    /// - Precondition: `k >= 0`.
    /// - Returns: `min(k, number of distinct values)` values.
    /// - Complexity: O(n) time, O(n) space.
    public static func topK(_ nums: [Int], k: Int) -> [Int] {
        precondition(k >= 0, "k must not be negative, got \(k)")
        var counts: [Int: Int] = [:]
        var firstAppearance: [Int] = []
        for value in nums {
            counts[value, default: 0] += 1
            if counts[value] == 1 { firstAppearance.append(value) }
        }
        var buckets = Array(repeating: [Int](), count: nums.count + 1)
        for value in firstAppearance {
            buckets[counts[value]!].append(value)  // every value in firstAppearance was counted
        }
        var result: [Int] = []
        result.reserveCapacity(min(k, firstAppearance.count))
        for bucket in buckets.reversed() {
            for value in bucket {
                guard result.count < k else { return result }
                result.append(value)
            }
        }
        return result
    }

    /// The oracle: sort the distinct values by (count descending, first
    /// appearance ascending) and take the first `k`.
    /// - Complexity: O(n log n) time, O(n) space.
    public static func topKBySorting(_ nums: [Int], k: Int) -> [Int] {
        var counts: [Int: Int] = [:]
        var firstIndex: [Int: Int] = [:]
        for (index, value) in nums.enumerated() {
            counts[value, default: 0] += 1
            if firstIndex[value] == nil { firstIndex[value] = index }
        }
        let ordered = counts.keys.sorted { a, b in
            counts[a]! != counts[b]! ? counts[a]! > counts[b]! : firstIndex[a]! < firstIndex[b]!
        }
        return Array(ordered.prefix(k))
    }
}
