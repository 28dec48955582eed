/// Binary search over any sorted `RandomAccessCollection`, in the
/// collection's own indices: lower and upper bound, first and last
/// occurrence, rotated arrays, peaks and an integer square root that cannot
/// overflow.
///
/// ```swift
/// let a = [1, 3, 3, 3, 5, 8]
/// BinarySearch.lowerBound(of: 3, in: a)       // 1: first index with a[i] >= 3
/// BinarySearch.upperBound(of: 3, in: a)       // 4: first index with a[i] > 3
/// BinarySearch.firstIndex(of: 3, in: a[2...]) // 2, in a's coordinates
/// BinarySearch.isqrt(Int.max)                 // 3037000499, no overflow
/// ```
///
/// ## Why interviewers ask this
/// Binary search is twenty lines that almost everyone gets wrong at the
/// edges: `lo <= hi` vs `lo < hi`, `hi = mid` vs `mid - 1`, the first of
/// several duplicates, the empty input, and the midpoint that overflows. The
/// robust answer is one primitive, ``partitioningIndex(in:where:)`` (the
/// first index whose element satisfies a monotone predicate), with every
/// other search written on top of it. In Swift the interviewer also watches
/// whether you respect a collection's indices instead of assuming `0..<count`.
///
/// ## Common pitfalls
/// - Assuming indices start at 0. `a[3...]` is an `ArraySlice` whose
///   `startIndex` is 3; a search that returns an offset instead of an index
///   answers in the wrong coordinates. Everything here returns `C.Index`.
/// - `(lo + hi) / 2` on `Int`. Go silently wraps and searches garbage; Swift
///   traps with "arithmetic overflow". Use `lo + (hi - lo) / 2`, or, on
///   indices, `index(lo, offsetBy: distance / 2)` as the generic code does.
/// - `mid * mid <= n` in an integer square root overflows as soon as `mid`
///   exceeds 3037000499; searching `1...n`, that happens for any `n` above
///   about 6 × 10⁹, and Swift traps (``isqrtNaive(_:)``). Compare
///   `mid <= n / mid` instead (``isqrt(_:)``).
/// - Returning "some" matching index when the question asks for the first
///   or last one; with duplicates, plain search is not a lower bound.
/// - Searching unsorted input: the precondition is the caller's job and is
///   not checked (checking would cost O(n)).
///
/// ## Key takeaway
/// Write one loop: the first index in a half-open range where a monotone
/// predicate becomes true, halving a *count* so nothing can overflow.
/// Lower bound, upper bound, insertion point, first and last occurrence are
/// all one-liners on top of it, and they work on slices for free.
///
/// ## Edges, audited
/// - Overflow: every search halves a count (`low + (high − low) / 2` on
///   indices); ``isqrt(_:)`` compares `middle <= n / middle` and is exact up
///   to `Int.max`; ``midpoint(_:_:)`` is exact for any bounds `low <= high`, opposite
///   signs included (property-tested against `Int128`). ``naiveMidpoint(_:_:)``
///   and ``isqrtNaive(_:)`` trap on purpose; tests show it.
/// - Unicode: elements are generic and only compared.
/// - Depth: ``recursiveSearch(for:in:)`` recurses O(log n) deep; every other
///   function is a loop.
///
/// ## Go → Swift
/// Go's `binary_search.go` searches `[]int` by `int` offsets, and Go's
/// library primitive is `sort.Search(n, f)`; here the primitive is generic
/// over `RandomAccessCollection` and returns indices (swift-algorithms calls
/// it `partitioningIndex(where:)`; the lesson writes its own so the module
/// stays toolchain-only). A Go square root that squares `mid` wraps silently
/// on overflow and returns garbage; Swift traps, so the overflow-safe
/// comparison is not optional.
public enum BinarySearch {
    // MARK: The one primitive

    /// The first index whose element satisfies `belongsInSecondPartition`,
    /// or `endIndex` if none does.
    ///
    /// The predicate must be monotone over the collection: false for a
    /// prefix, then true for the rest (`{ $0 >= target }` on sorted input).
    ///
    /// The loop halves a *count*, not a sum of two indices, so it cannot
    /// overflow, and it moves with `index(_:offsetBy:)`, so it works on any
    /// index type and in the collection's own coordinates.
    /// - Complexity: O(log n) predicate calls.
    public static func partitioningIndex<C: RandomAccessCollection>(
        in elements: C, where belongsInSecondPartition: (C.Element) throws -> Bool
    ) rethrows -> C.Index {
        var low = elements.startIndex
        var remaining = elements.count
        while remaining > 0 {
            let half = remaining / 2
            let middle = elements.index(low, offsetBy: half)
            if try belongsInSecondPartition(elements[middle]) {
                remaining = half
            } else {
                low = elements.index(after: middle)
                remaining -= half + 1
            }
        }
        return low
    }

    // MARK: Bounds and occurrences

    /// The first index whose element is not less than `target`: where
    /// `target` would be inserted to keep the collection sorted, before any
    /// equal elements (C++'s `lower_bound`, Python's `bisect_left`).
    /// - Precondition: `elements` is sorted ascending.
    /// - Complexity: O(log n).
    public static func lowerBound<C: RandomAccessCollection>(of target: C.Element, in elements: C) -> C.Index
    where C.Element: Comparable {
        partitioningIndex(in: elements) { $0 >= target }
    }

    /// The first index whose element is greater than `target`: the insertion
    /// point after any equal elements (`bisect_right`).
    /// - Precondition: `elements` is sorted ascending.
    /// - Complexity: O(log n).
    public static func upperBound<C: RandomAccessCollection>(of target: C.Element, in elements: C) -> C.Index
    where C.Element: Comparable {
        partitioningIndex(in: elements) { $0 > target }
    }

    /// Where `target` belongs in sorted `elements` (LeetCode 35, "search
    /// insert position"): the lower bound.
    /// - Complexity: O(log n).
    public static func insertionPoint<C: RandomAccessCollection>(of target: C.Element, in elements: C) -> C.Index
    where C.Element: Comparable {
        lowerBound(of: target, in: elements)
    }

    /// The index of the first element equal to `target`, or `nil`.
    /// - Precondition: `elements` is sorted ascending.
    /// - Complexity: O(log n), even when every element equals `target`.
    public static func firstIndex<C: RandomAccessCollection>(of target: C.Element, in elements: C) -> C.Index?
    where C.Element: Comparable {
        let index = lowerBound(of: target, in: elements)
        return index != elements.endIndex && elements[index] == target ? index : nil
    }

    /// The index of the last element equal to `target`, or `nil`.
    /// - Precondition: `elements` is sorted ascending.
    /// - Complexity: O(log n).
    public static func lastIndex<C: RandomAccessCollection>(of target: C.Element, in elements: C) -> C.Index?
    where C.Element: Comparable {
        let end = upperBound(of: target, in: elements)
        guard end != elements.startIndex else { return nil }
        let candidate = elements.index(before: end)
        return elements[candidate] == target ? candidate : nil
    }

    /// The range of indices holding `target` (empty at the insertion point
    /// when absent); its `count` is the number of occurrences.
    /// - Complexity: O(log n).
    public static func equalRange<C: RandomAccessCollection>(of target: C.Element, in elements: C) -> Range<C.Index>
    where C.Element: Comparable {
        lowerBound(of: target, in: elements)..<upperBound(of: target, in: elements)
    }

    /// The classic recursive search, as in the Go seed: some index holding
    /// `target`, or `nil`. Kept to show the recursion; prefer
    /// ``firstIndex(of:in:)``, which is iterative and deterministic with
    /// duplicates.
    /// - Complexity: O(log n) time and O(log n) stack.
    public static func recursiveSearch<C: RandomAccessCollection>(for target: C.Element, in elements: C) -> C.Index?
    where C.Element: Comparable {
        guard !elements.isEmpty else { return nil }
        let middle = elements.index(elements.startIndex, offsetBy: elements.count / 2)
        if elements[middle] == target { return middle }
        return elements[middle] < target
            ? recursiveSearch(for: target, in: elements[elements.index(after: middle)...])
            : recursiveSearch(for: target, in: elements[..<middle])
    }

    // MARK: Variations on Int arrays

    /// Searches an ascending array of distinct values that was rotated
    /// (`[4, 5, 6, 7, 0, 1, 2]`); LeetCode 33.
    ///
    /// One half around `mid` is always sorted; check whether `target` lies
    /// in that half's range and discard the other.
    /// - Precondition: the values are distinct.
    /// - Complexity: O(log n).
    public static func searchRotated(_ numbers: [Int], for target: Int) -> Int? {
        var low = 0
        var high = numbers.count - 1
        while low <= high {
            let middle = low + (high - low) / 2
            if numbers[middle] == target { return middle }
            if numbers[low] <= numbers[middle] {
                if numbers[low] <= target && target < numbers[middle] {
                    high = middle - 1
                } else {
                    low = middle + 1
                }
            } else {
                if numbers[middle] < target && target <= numbers[high] {
                    low = middle + 1
                } else {
                    high = middle - 1
                }
            }
        }
        return nil
    }

    /// The index of a peak: an element not smaller than its neighbours
    /// (LeetCode 162). `nil` for an empty array.
    ///
    /// If `numbers[mid] < numbers[mid + 1]` a peak lies to the right (the
    /// values rise and must stop rising before the end); otherwise one lies
    /// at `mid` or to its left.
    /// - Complexity: O(log n).
    public static func peakIndex(_ numbers: [Int]) -> Int? {
        guard !numbers.isEmpty else { return nil }
        var low = 0
        var high = numbers.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            if numbers[middle] < numbers[middle + 1] {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    // MARK: Integer square root (the overflow lesson)

    /// The largest `r` with `r * r <= n`, without ever computing a product
    /// that could overflow (LeetCode 69).
    ///
    /// The search range is `1...n`, so both the midpoint and the square are
    /// overflow hazards near `Int.max`: the midpoint is `low + (high - low) / 2`
    /// and the test is `middle <= n / middle`.
    /// - Precondition: `n >= 0`.
    /// - Complexity: O(log n).
    public static func isqrt(_ n: Int) -> Int {
        precondition(n >= 0, "isqrt of a negative number: \(n)")
        if n < 2 { return n }
        var low = 1
        var high = n
        var root = 1
        while low <= high {
            let middle = low + (high - low) / 2
            if middle <= n / middle {
                root = middle
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return root
    }

    /// The pitfall: squares `middle`. Correct for small `n`, but for large
    /// `n` the first `middle` is about `n / 2`, its square overflows, and
    /// Swift traps where Go would wrap and return a wrong answer.
    public static func isqrtNaive(_ n: Int) -> Int {
        precondition(n >= 0, "isqrt of a negative number: \(n)")
        if n < 2 { return n }
        var low = 1
        var high = n
        var root = 1
        while low <= high {
            let middle = low + (high - low) / 2
            if middle * middle <= n {
                root = middle
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return root
    }

    /// The textbook midpoint that overflows: `(low + high) / 2` traps when
    /// `low + high > Int.max`, for example `naiveMidpoint(1, Int.max)`.
    public static func naiveMidpoint(_ low: Int, _ high: Int) -> Int {
        (low + high) / 2
    }

    /// The overflow-safe midpoint of `low...high`, rounded down, for any
    /// bounds: `midpoint(Int.min, Int.max) == -1`.
    ///
    /// The interview form `low + (high - low) / 2` is safe for indices
    /// (`0 <= low <= high`), but `high - low` overflows once the bounds have
    /// opposite signs (`-1` and `Int.max`). The distance is at most
    /// `UInt.max`, so it is taken as a `UInt`, where it always fits; half of
    /// it fits in `Int`, and adding it to `low` cannot pass `high`.
    /// - Precondition: `low <= high`.
    /// - Complexity: O(1).
    public static func midpoint(_ low: Int, _ high: Int) -> Int {
        precondition(low <= high, "midpoint of an empty range \(low)...\(high)")
        let distance = UInt(bitPattern: high &- low)  // exact: 0 ≤ high − low ≤ UInt.max
        return low + Int(distance / 2)
    }
}
