/// Merge Intervals (LeetCode 56): sort the intervals by start, then sweep
/// once, extending the last merged interval while the next one overlaps it.
///
/// ```swift
/// MergeIntervals.merge([1...3, 2...6, 8...10, 15...18])  // [1...6, 8...10, 15...18]
/// MergeIntervals.merge([1...4, 4...5])                   // [1...5]: touching intervals merge
/// MergeIntervals.merge([1...10, 2...3])                  // [1...10]: containment
/// ```
///
/// ## The problem
/// Given a list of closed intervals `[start, end]`, merge every group of
/// overlapping intervals and return the non-overlapping intervals that cover
/// exactly the same points. Intervals that share an endpoint overlap
/// (`[1, 4]` and `[4, 5]` become `[1, 5]`). The result here is sorted by start.
///
/// ## Approach
/// Sort by `lowerBound`. Walk the sorted intervals, keeping the merged list:
/// if the next interval starts at or before the last merged interval's end,
/// extend that end to the larger of the two ends; otherwise it starts a new
/// merged interval. After sorting, an interval can only overlap the last
/// merged one, so one pass suffices.
/// - Complexity: O(n log n) time for the sort, O(n) space for the sorted
///   copy and the result.
///
/// ## Why interviewers ask this
/// "Sort, then sweep" is the pattern behind calendars, meeting rooms,
/// booking systems and log-range compaction, and the problem's two
/// off-by-one traps (touching endpoints, containment) show whether you test
/// your own code. It is also a chance to model the data well.
///
/// ## Common pitfalls
/// - Forgetting to sort: `[2...6, 1...3]` is then processed out of order.
/// - Setting the end to the next interval's end instead of the larger end:
///   `[1...10, 2...3]` collapses to `[1...3]`, losing points.
/// - Using `<` for the overlap test: touching closed intervals
///   (`1...4`, `4...5`) stay separate although they share the point 4.
/// - Representing intervals as `[[Int]]` pairs, LeetCode's format, and then
///   indexing `interval[1]` on a one-element array. Swift's `ClosedRange`
///   cannot even be built with `start > end`: `5...1` traps.
///
/// ## Key takeaway
/// Sort by start, then a single sweep compares each interval with the last
/// merged one only, extending with `max`. Let the type (`ClosedRange<Int>`)
/// carry the "start ≤ end" invariant.
///
/// ## Edges, audited
/// - Overflow: bounds are only compared and combined with `min`/`max` (no
///   `end + 1`), so the full `Int` range is fine (tested).
/// - Unicode: none. Depth: no recursion.
///
/// ## Go → Swift
/// A Go solution takes `[][]int`, sorts with `sort.Slice` and reads
/// `iv[0]`/`iv[1]`. Swift uses `[ClosedRange<Int>]`: `lowerBound` and
/// `upperBound` are named, the invariant is checked at construction, and
/// `sorted { $0.lowerBound < $1.lowerBound }` returns a new array instead of
/// sorting the caller's in place.
public enum MergeIntervals {
    /// Merges overlapping or touching closed intervals.
    /// - Returns: disjoint intervals, sorted by `lowerBound`, covering
    ///   exactly the input's points; `[]` for no intervals.
    /// - Complexity: O(n log n) time, O(n) space.
    public static func merge(_ intervals: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        let byStart = intervals.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<Int>] = []
        merged.reserveCapacity(byStart.count)
        for interval in byStart {
            if let last = merged.last, interval.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, interval.upperBound)
            } else {
                merged.append(interval)
            }
        }
        return merged
    }

    /// The oracle: repeatedly merge any two overlapping intervals until no
    /// pair overlaps, then sort. Obviously correct, and slow.
    /// - Complexity: O(n³) time, O(n) space.
    public static func mergeByRepeatedPairing(_ intervals: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var remaining = intervals
        var changed = true
        while changed {
            changed = false
            search: for i in remaining.indices {
                for j in remaining.indices where j > i && remaining[i].overlaps(remaining[j]) {
                    let combined =
                        min(
                            remaining[i].lowerBound, remaining[j].lowerBound)...max(
                            remaining[i].upperBound, remaining[j].upperBound)
                    remaining.remove(at: j)
                    remaining[i] = combined
                    changed = true
                    break search
                }
            }
        }
        return remaining.sorted { $0.lowerBound < $1.lowerBound }
    }
}
