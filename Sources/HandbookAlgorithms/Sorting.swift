/// Comparison sorts written out: quicksort (randomized three-way, and
/// Lomuto with a fixed pivot), merge sort, heapsort, insertion, selection
/// and bubble sort, plus quickselect — and which of them are stable.
///
/// ```swift
/// Sorting.mergeSorted([5, -3, 0, -3, 8])              // [-3, -3, 0, 5, 8]
/// var a = [3, 1, 2]
/// var rng = SystemRandomNumberGenerator()
/// Sorting.quickSort(&a, using: &rng, by: <)           // [1, 2, 3]
/// Sorting.kthLargest(in: [3, 2, 1, 5, 6, 4], k: 2)    // 5
/// let people = [(key: 30, name: "Ann"), (key: 25, name: "Bob"), (key: 30, name: "Cy")]
/// Sorting.mergeSorted(people) { $0.key < $1.key }     // Bob, Ann, Cy: Ann stays before Cy
/// ```
///
/// ## Why interviewers ask this
/// Nobody ships a hand-written sort, but sorting is how interviewers test
/// divide and conquer, in-place partitioning, heaps, complexity (average vs
/// worst case, O(n log n) lower bound for comparisons) and *stability*:
/// sorting orders by one key while keeping an earlier order by another,
/// which is everyday backend work ("by date, then by priority"). The
/// Swift-specific follow-ups: is `sort()` stable (yes, documented), and what
/// does `by:` require (a strict weak ordering: `<`, never `<=`).
///
/// ## Common pitfalls
/// - Breaking stability with the merge tie-break: on equal keys the left
///   run must win (take `right` only if it is *strictly* smaller). The usual
///   `if left[i] <= right[j]` is right; `<` silently makes it unstable.
///   Integers cannot show the difference; `(key, originalIndex)` records can.
/// - Passing `<=` as `by:`. It is not a strict weak ordering (`a <= a`), so
///   equal elements are treated as out of order: ``mergeSorted(_:by:)``
///   reverses ties, and `sorted(by:)` gives them an unspecified order (a
///   two-element array comes out reversed). Either way stability is lost.
/// - A fixed pivot (first or last, as in Lomuto) on sorted input: still
///   correct, but O(n²) time and, with naive recursion, O(n) stack. Pick a
///   random pivot, partition three ways so duplicates do not degrade it, and
///   recurse on the smaller side only (O(log n) stack).
/// - Believing quicksort, heapsort or selection sort are stable: their long
///   swaps jump equal elements over each other. The tests show concrete
///   counterexamples.
/// - Untestable randomness: the randomized quicksort takes an injected
///   `RandomNumberGenerator`, so a test can replay a seed.
///
/// ## Key takeaway
/// Know the table: merge O(n log n) always, stable, O(n) extra space;
/// quick O(n log n) expected, O(n²) worst, in place, unstable; heap
/// O(n log n) always, in place, unstable; insertion O(n²) but O(n) on
/// nearly sorted input and stable (the standard library uses it for short
/// runs). In Swift production code call `sort()`/`sorted(by:)`: stable,
/// O(n log n), and the predicate must be a strict `<`.
///
/// ## Edges, audited
/// - Overflow: elements are only compared (`Int.min` and `Int.max` are
///   ordinary keys, tested); index arithmetic is bounded by `count`.
/// - Unicode: `String`s sort by the standard library's order (scalar order
///   after canonical equivalence), never by re-joined pieces.
/// - Depth: quicksort recurses into the smaller part and loops on the larger,
///   so its depth is at most log₂ n on every input (sorted, reversed and
///   all-equal included); merge sort's depth is log₂ n; the rest are loops.
///
/// ## Go → Swift
/// Go's `sorting.go` sorts `[]int` in place and its
/// `TestMergeSort_Stability` cannot observe stability on plain ints; here
/// every algorithm is generic with a `by:` predicate, and stability is
/// tested on ``Record`` values. Go's `sort.Slice` is not stable (its
/// `sort.SliceStable` is), while Swift's `sort()` is documented stable.
/// A Go quickselect on a slice rearranges the caller's backing array;
/// ``kthLargest(in:k:using:)`` partitions a copy, because Swift arrays are
/// values.
///
/// ## Performance, measured
/// `cd Benchmarks && ./compare --target HandbookAlgorithmsBenchmarks`, 1M
/// random `Int`s: `quickSort` about 2.2-2.4x the standard library's `sort()`,
/// `mergeSorted` about 3.1-3.2x, `heapSort` about 4-5x (30-60x before the lesson
/// modules were compiled with `-cross-module-optimization`). The lesson code is
/// written to be read: quicksort draws a random pivot per partition all the way
/// down and compares up to twice per element in its three-way partition, with
/// no insertion-sort cutoff for short ranges; `mergeSorted` allocates a new
/// array for every merge and every one-element leaf (2M allocations at 1M
/// elements); heap sort jumps around memory.
/// The standard library's sort is a stable merge sort that finds existing runs,
/// sorts short ones by insertion and merges through one scratch buffer.
public enum Sorting {
    /// A record sorted by `key` whose `originalIndex` records where it was
    /// before sorting: a sort is stable iff equal keys keep their
    /// `originalIndex` order.
    public struct Record: Hashable, Sendable, CustomStringConvertible {
        public var key: Int
        public var originalIndex: Int

        public init(key: Int, originalIndex: Int) {
            self.key = key
            self.originalIndex = originalIndex
        }

        /// `keys` tagged with their positions.
        public static func tagging(_ keys: [Int]) -> [Record] {
            keys.enumerated().map { Record(key: $0.element, originalIndex: $0.offset) }
        }

        /// Whether `records` is sorted by key with ties in original order.
        public static func isStablySorted(_ records: [Record]) -> Bool {
            zip(records, records.dropFirst()).allSatisfy { previous, next in
                previous.key < next.key || (previous.key == next.key && previous.originalIndex < next.originalIndex)
            }
        }

        public var description: String { "(\(key), #\(originalIndex))" }
    }

    /// Every algorithm of the lesson, for tables and benchmarks.
    public enum Algorithm: String, CaseIterable, Sendable, CustomStringConvertible {
        case quick, lomutoQuick, merge, heap, insertion, selection, bubble

        /// Whether equal elements keep their relative order.
        public var isStable: Bool {
            switch self {
            case .merge, .insertion, .bubble: true
            case .quick, .lomutoQuick, .heap, .selection: false
            }
        }

        /// `elements` sorted by `areInIncreasingOrder` with this algorithm.
        /// The randomized quicksort uses the system generator here.
        public func sorted<T>(_ elements: [T], by areInIncreasingOrder: (T, T) -> Bool) -> [T] {
            var result = elements
            switch self {
            case .quick:
                var generator = SystemRandomNumberGenerator()
                Sorting.quickSort(&result, using: &generator, by: areInIncreasingOrder)
            case .lomutoQuick: Sorting.lomutoQuickSort(&result, by: areInIncreasingOrder)
            case .merge: result = Sorting.mergeSorted(elements, by: areInIncreasingOrder)
            case .heap: Sorting.heapSort(&result, by: areInIncreasingOrder)
            case .insertion: Sorting.insertionSort(&result, by: areInIncreasingOrder)
            case .selection: Sorting.selectionSort(&result, by: areInIncreasingOrder)
            case .bubble: Sorting.bubbleSort(&result, by: areInIncreasingOrder)
            }
            return result
        }

        /// `elements` in ascending order.
        public func sorted<T: Comparable>(_ elements: [T]) -> [T] {
            sorted(elements, by: <)
        }

        public var description: String { rawValue }
    }

    // MARK: Quicksort

    /// Randomized quicksort with a three-way ("Dutch flag") partition.
    ///
    /// The random pivot makes sorted input an average case; the three-way
    /// partition puts every element equal to the pivot in its final place
    /// at once, so many duplicates do not degrade it; recursing into the
    /// smaller part and looping on the larger bounds the stack by O(log n).
    /// - Complexity: O(n log n) expected, O(n²) worst case; O(log n) stack.
    ///   Not stable.
    public static func quickSort<T, G: RandomNumberGenerator>(
        _ elements: inout [T], using generator: inout G, by areInIncreasingOrder: (T, T) -> Bool
    ) {
        quickSort(&elements, elements.indices, using: &generator, by: areInIncreasingOrder)
    }

    private static func quickSort<T, G: RandomNumberGenerator>(
        _ elements: inout [T], _ range: Range<Int>, using generator: inout G, by areInIncreasingOrder: (T, T) -> Bool
    ) {
        var range = range
        while range.count > 1 {
            let pivot = elements[Int.random(in: range, using: &generator)]
            let (less, greater) = partitionThreeWay(&elements, range, around: pivot, by: areInIncreasingOrder)
            let lower = range.lowerBound..<less
            let upper = greater..<range.upperBound
            if lower.count < upper.count {
                quickSort(&elements, lower, using: &generator, by: areInIncreasingOrder)
                range = upper
            } else {
                quickSort(&elements, upper, using: &generator, by: areInIncreasingOrder)
                range = lower
            }
        }
    }

    /// Rearranges `range` into `[< pivot][== pivot][> pivot]` and returns
    /// the bounds of the middle part.
    /// - Complexity: O(range.count), in place.
    static func partitionThreeWay<T>(
        _ elements: inout [T], _ range: Range<Int>, around pivot: T, by areInIncreasingOrder: (T, T) -> Bool
    ) -> (equalStart: Int, greaterStart: Int) {
        var less = range.lowerBound
        var current = range.lowerBound
        var greater = range.upperBound
        while current < greater {
            if areInIncreasingOrder(elements[current], pivot) {
                elements.swapAt(less, current)
                less += 1
                current += 1
            } else if areInIncreasingOrder(pivot, elements[current]) {
                greater -= 1
                elements.swapAt(current, greater)
            } else {
                current += 1
            }
        }
        return (less, greater)
    }

    /// Quicksort with Lomuto's partition and a fixed pivot, the last element
    /// (as in the Go seed). Correct on every input, but sorted or all-equal
    /// input takes O(n²) comparisons; the smaller-side recursion at least
    /// keeps the stack at O(log n).
    /// - Complexity: O(n log n) average, O(n²) on sorted input. Not stable.
    public static func lomutoQuickSort<T>(_ elements: inout [T], by areInIncreasingOrder: (T, T) -> Bool) {
        lomutoQuickSort(&elements, elements.indices, by: areInIncreasingOrder)
    }

    private static func lomutoQuickSort<T>(
        _ elements: inout [T], _ range: Range<Int>, by areInIncreasingOrder: (T, T) -> Bool
    ) {
        var range = range
        while range.count > 1 {
            let pivotIndex = lomutoPartition(&elements, range, by: areInIncreasingOrder)
            let lower = range.lowerBound..<pivotIndex
            let upper = (pivotIndex + 1)..<range.upperBound
            if lower.count < upper.count {
                lomutoQuickSort(&elements, lower, by: areInIncreasingOrder)
                range = upper
            } else {
                lomutoQuickSort(&elements, upper, by: areInIncreasingOrder)
                range = lower
            }
        }
    }

    /// Lomuto: everything smaller than the last element moves in front of a
    /// store pointer; the pivot is then swapped into place.
    static func lomutoPartition<T>(_ elements: inout [T], _ range: Range<Int>, by areInIncreasingOrder: (T, T) -> Bool)
        -> Int
    {
        let last = range.upperBound - 1
        var store = range.lowerBound
        for current in range.lowerBound..<last where areInIncreasingOrder(elements[current], elements[last]) {
            elements.swapAt(store, current)
            store += 1
        }
        elements.swapAt(store, last)
        return store
    }

    // MARK: Merge sort (stable)

    /// Top-down merge sort over `ArraySlice`s (no index arithmetic from 0:
    /// each half keeps its base's indices).
    /// - Complexity: O(n log n) time in every case, O(n) extra space.
    ///   Stable.
    public static func mergeSorted<T>(_ elements: [T], by areInIncreasingOrder: (T, T) -> Bool) -> [T] {
        mergeSorted(elements[...], by: areInIncreasingOrder)
    }

    /// Ascending merge sort.
    /// - Complexity: O(n log n). Stable.
    public static func mergeSorted<T: Comparable>(_ elements: [T]) -> [T] {
        mergeSorted(elements, by: <)
    }

    private static func mergeSorted<T>(_ slice: ArraySlice<T>, by areInIncreasingOrder: (T, T) -> Bool) -> [T] {
        guard slice.count > 1 else { return Array(slice) }
        let middle = slice.index(slice.startIndex, offsetBy: slice.count / 2)
        return merge(
            mergeSorted(slice[..<middle], by: areInIncreasingOrder),
            mergeSorted(slice[middle...], by: areInIncreasingOrder),
            by: areInIncreasingOrder)
    }

    /// Merges two sorted arrays; on ties the element from `left` comes first,
    /// which is what makes merge sort stable.
    /// - Complexity: O(left.count + right.count).
    public static func merge<T>(_ left: [T], _ right: [T], by areInIncreasingOrder: (T, T) -> Bool) -> [T] {
        var merged: [T] = []
        merged.reserveCapacity(left.count + right.count)
        var i = 0
        var j = 0
        while i < left.count && j < right.count {
            // Take from the right only when it is strictly smaller (the textbook `left[i] <= right[j]`).
            if areInIncreasingOrder(right[j], left[i]) {
                merged.append(right[j])
                j += 1
            } else {
                merged.append(left[i])
                i += 1
            }
        }
        merged += left[i...]
        merged += right[j...]
        return merged
    }

    // MARK: Heapsort

    /// Heapsort: build a max-heap in place (sift down from the last parent),
    /// then repeatedly swap the maximum to the end and restore the heap.
    /// - Complexity: O(n log n) time in every case, O(1) space. Not stable.
    public static func heapSort<T>(_ elements: inout [T], by areInIncreasingOrder: (T, T) -> Bool) {
        for parent in stride(from: elements.count / 2 - 1, through: 0, by: -1) {
            siftDown(&elements, from: parent, end: elements.count, by: areInIncreasingOrder)
        }
        for end in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(0, end)
            siftDown(&elements, from: 0, end: end, by: areInIncreasingOrder)
        }
    }

    private static func siftDown<T>(
        _ elements: inout [T], from start: Int, end: Int, by areInIncreasingOrder: (T, T) -> Bool
    ) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < end else { return }
            var largest = parent
            if areInIncreasingOrder(elements[largest], elements[left]) { largest = left }
            let right = left + 1
            if right < end && areInIncreasingOrder(elements[largest], elements[right]) { largest = right }
            if largest == parent { return }
            elements.swapAt(parent, largest)
            parent = largest
        }
    }

    // MARK: Quadratic sorts

    /// Insertion sort: shift larger elements right, then drop the element
    /// into the gap. Stops at an equal element, so it is stable.
    /// - Complexity: O(n²) worst case, O(n) on sorted input. Stable.
    public static func insertionSort<T>(_ elements: inout [T], by areInIncreasingOrder: (T, T) -> Bool) {
        guard elements.count > 1 else { return }
        for next in 1..<elements.count {
            let element = elements[next]
            var gap = next
            while gap > 0 && areInIncreasingOrder(element, elements[gap - 1]) {
                elements[gap] = elements[gap - 1]
                gap -= 1
            }
            elements[gap] = element
        }
    }

    /// Selection sort: swap the minimum of the rest into place. The long
    /// swap makes it unstable.
    /// - Complexity: O(n²) always, but only O(n) swaps. Not stable.
    public static func selectionSort<T>(_ elements: inout [T], by areInIncreasingOrder: (T, T) -> Bool) {
        for position in elements.indices {
            var smallest = position
            for candidate in (position + 1)..<elements.count
            where areInIncreasingOrder(elements[candidate], elements[smallest]) {
                smallest = candidate
            }
            elements.swapAt(position, smallest)
        }
    }

    /// Bubble sort with the early exit: a pass without swaps means sorted.
    /// - Complexity: O(n²) worst case, O(n) on sorted input. Stable.
    public static func bubbleSort<T>(_ elements: inout [T], by areInIncreasingOrder: (T, T) -> Bool) {
        var unsortedEnd = elements.count
        var swapped = true
        while swapped && unsortedEnd > 1 {
            swapped = false
            for index in 1..<unsortedEnd where areInIncreasingOrder(elements[index], elements[index - 1]) {
                elements.swapAt(index, index - 1)
                swapped = true
            }
            unsortedEnd -= 1
        }
    }

    // MARK: Quickselect

    /// The `k`-th largest element (`k == 1` is the maximum) by quickselect
    /// on a copy (LeetCode 215): partition, then continue only on the side
    /// that holds the answer.
    /// - Precondition: `1 <= k <= numbers.count`.
    /// - Complexity: O(n) expected, O(n²) worst case; O(n) space for the copy.
    public static func kthLargest<G: RandomNumberGenerator>(in numbers: [Int], k: Int, using generator: inout G) -> Int
    {
        precondition(k >= 1 && k <= numbers.count, "k must be in 1...\(numbers.count), got \(k)")
        var elements = numbers
        let target = elements.count - k  // its index in ascending order
        var range = elements.indices
        while true {
            let pivot = elements[Int.random(in: range, using: &generator)]
            let (less, greater) = partitionThreeWay(&elements, range, around: pivot, by: <)
            if target < less {
                range = range.lowerBound..<less
            } else if target >= greater {
                range = greater..<range.upperBound
            } else {
                return pivot
            }
        }
    }

    /// ``kthLargest(in:k:using:)`` with the system generator.
    public static func kthLargest(in numbers: [Int], k: Int) -> Int {
        var generator = SystemRandomNumberGenerator()
        return kthLargest(in: numbers, k: k, using: &generator)
    }
}
