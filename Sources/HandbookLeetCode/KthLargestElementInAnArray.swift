/// LeetCode 215, Kth Largest Element in an Array: quickselect with an
/// injected random number generator (expected O(n)), against a size-k
/// min-heap (O(n log k)) written in this file.
///
/// ```swift
/// typealias Lesson = KthLargestElementInAnArray
/// try Lesson.quickselect([3, 2, 1, 5, 6, 4], k: 2)  // 5
/// try Lesson.usingHeap([3, 2, 3, 1, 2, 4, 5, 5, 6], k: 4)  // 4: duplicates count
/// var generator = SystemRandomNumberGenerator()
/// try Lesson.quickselect([1, 2], k: 1, using: &generator)  // 2
/// try Lesson.quickselect([1, 2], k: 3)  // throws Failure.invalidK(k: 3, count: 2)
/// ```
///
/// **Problem.** Given an array of integers and `k`, return the k-th largest
/// element in sorted order (not the k-th distinct one), ideally without
/// sorting.
///
/// **Approach.** *Quickselect*: partition around a random pivot into
/// `< pivot | == pivot | > pivot` (three-way, so runs of duplicates finish in
/// one round) and continue only in the part holding ascending position
/// `n - k`. *Heap*: keep the k largest seen so far in a min-heap; its
/// minimum is the answer.
///
/// - Complexity: quickselect O(n) expected time (O(n²) worst case, made
///   vanishingly unlikely by the random pivot), O(n) space for the working
///   copy. Heap O(n log k) time, O(k) space, one pass: it works on a stream.
///
/// ## Why interviewers ask this
/// It has three honest answers (sort, heap, quickselect) with different
/// trade-offs, so it shows whether you can compare them: quickselect wins on
/// average, the heap wins on streams and small k, sorting wins on simplicity.
/// The follow-ups are the worst case (why the pivot must be random, or
/// median-of-medians), duplicates, and testing a randomized algorithm, which
/// is why the generator is a parameter here.
///
/// ## Common pitfalls
/// - Off-by-one between "k-th largest" (position `n - k` ascending) and
///   "k-th smallest" (position `k - 1`).
/// - A fixed pivot (first or last element): sorted input makes every round
///   remove one element, O(n²).
/// - A Lomuto (two-way, `<` vs `>=`) partition on many equal elements: it also degrades to O(n²);
///   Hoare's partition and the three-way (Dutch national flag) partition do not.
/// - Writing a max-heap of all n elements: O(n log n) and O(n) space, no
///   better than sorting. The point is a *min*-heap capped at k.
/// - Ignoring invalid k: here it throws ``Failure/invalidK(k:count:)``
///   instead of trapping or returning a sentinel.
/// - Calling `Int.random(in:)` inside the algorithm: untestable. Inject the
///   `RandomNumberGenerator` (`inout some RandomNumberGenerator`).
///
/// ## Key takeaway
/// Quickselect is quicksort that recurses into one side only: expected O(n)
/// with a random pivot and a three-way partition. A min-heap of size k is
/// the streaming alternative. Make randomness a parameter.
///
/// ## Edges, audited
/// - Overflow: values are only compared (`Int.min`/`Int.max` tested); index
///   arithmetic stays inside the array.
/// - Unicode: none. Depth: quickselect and the heap are loops.
///
/// ## Go → Swift
/// A Go answer uses `container/heap` with a hand-written `Len/Less/Swap/
/// Push/Pop` adapter over `[]int` and `rand.Intn`, a global source that
/// tests cannot seed per call. Swift has no heap in the standard library
/// (swift-collections has `Heap`), so the interview answer is the small
/// ``MinHeap`` below; randomness is an `inout` generator. Go returns `-1` or
/// panics on bad k; Swift throws a typed error (`throws(Failure)`).
public enum KthLargestElementInAnArray {
    /// Why a k-th largest query cannot be answered.
    public enum Failure: Error, Hashable, Sendable {
        /// `k` must be in `1...count`.
        case invalidK(k: Int, count: Int)
    }

    /// The k-th largest element, by quickselect with a pivot drawn from
    /// `generator`. Duplicates count: the 2nd largest of `[5, 5, 1]` is 5.
    /// - Throws: ``Failure/invalidK(k:count:)`` unless `1 <= k <= numbers.count`.
    /// - Complexity: O(n) expected, O(n²) worst case; O(n) space for the copy
    ///   (the caller's array is not reordered).
    public static func quickselect(
        _ numbers: [Int], k: Int, using generator: inout some RandomNumberGenerator
    ) throws(Failure) -> Int {
        guard k >= 1, k <= numbers.count else {
            throw .invalidK(k: k, count: numbers.count)
        }
        var values = numbers
        let target = values.count - k  // ascending position of the k-th largest
        var low = 0
        var high = values.count - 1
        while low < high {
            let pivot = values[Int.random(in: low...high, using: &generator)]
            // Three-way partition of low...high: [low, less) < pivot,
            // [less, current) == pivot, (greater, high] > pivot.
            var less = low
            var current = low
            var greater = high
            while current <= greater {
                if values[current] < pivot {
                    values.swapAt(less, current)
                    less += 1
                    current += 1
                } else if values[current] > pivot {
                    values.swapAt(current, greater)
                    greater -= 1
                } else {
                    current += 1
                }
            }
            if target < less {
                high = less - 1
            } else if target > greater {
                low = greater + 1
            } else {
                return pivot
            }
        }
        return values[target]
    }

    /// ``quickselect(_:k:using:)`` with the system generator.
    /// - Throws: ``Failure/invalidK(k:count:)`` unless `1 <= k <= numbers.count`.
    /// - Complexity: O(n) expected.
    public static func quickselect(_ numbers: [Int], k: Int) throws(Failure) -> Int {
        var generator = SystemRandomNumberGenerator()
        return try quickselect(numbers, k: k, using: &generator)
    }

    /// The k-th largest element, keeping the k largest seen so far in a
    /// min-heap: works on any sequence, including one read once.
    /// - Throws: ``Failure/invalidK(k:count:)`` unless `1 <= k <= count`.
    /// - Complexity: O(n log k) time, O(k) space.
    public static func usingHeap(_ numbers: some Sequence<Int>, k: Int) throws(Failure) -> Int {
        guard k >= 1 else { throw .invalidK(k: k, count: Array(numbers).count) }
        var largest = MinHeap<Int>()
        var seen = 0
        for number in numbers {
            seen += 1
            if largest.count < k {
                largest.insert(number)
            } else if let smallest = largest.min, number > smallest {
                // Replace the smallest of the k largest: it is no longer among them.
                largest.removeMin()
                largest.insert(number)
            }
        }
        guard largest.count == k, let answer = largest.min else { throw .invalidK(k: k, count: seen) }
        return answer
    }

    /// A binary min-heap in an array: the smallest element at index 0, each
    /// parent no greater than its children (`elements[(i - 1) / 2] <=
    /// elements[i]`). The minimal structure this problem needs; a full
    /// library would use swift-collections' `Heap`.
    public struct MinHeap<Element: Comparable> {
        private var elements: [Element] = []

        public init() {}

        /// - Complexity: O(1).
        public var count: Int { elements.count }
        /// - Complexity: O(1).
        public var isEmpty: Bool { elements.isEmpty }
        /// The smallest element, or `nil` when empty.
        /// - Complexity: O(1).
        public var min: Element? { elements.first }

        /// - Complexity: O(log n).
        public mutating func insert(_ element: Element) {
            elements.append(element)
            var child = elements.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard elements[child] < elements[parent] else { break }
                elements.swapAt(child, parent)
                child = parent
            }
            #if HANDBOOK_INTERNAL_CHECKS
                _checkInvariants()
            #endif
        }

        /// Removes and returns the smallest element, or `nil` when empty.
        /// - Complexity: O(log n).
        public mutating func popMin() -> Element? {
            guard !elements.isEmpty else { return nil }
            return removeMin()
        }

        /// Removes and returns the smallest element.
        /// - Precondition: the heap is not empty.
        /// - Complexity: O(log n).
        @discardableResult
        public mutating func removeMin() -> Element {
            precondition(!elements.isEmpty, "removeMin() on an empty MinHeap")
            elements.swapAt(0, elements.count - 1)
            let smallest = elements.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallestChild = parent
                if left < elements.count, elements[left] < elements[smallestChild] { smallestChild = left }
                if right < elements.count, elements[right] < elements[smallestChild] { smallestChild = right }
                guard smallestChild != parent else { break }
                elements.swapAt(parent, smallestChild)
                parent = smallestChild
            }
            #if HANDBOOK_INTERNAL_CHECKS
                _checkInvariants()
            #endif
            return smallest
        }

        /// Traps unless every parent is no greater than its children.
        /// - Complexity: O(n).
        public func _checkInvariants() {
            for child in elements.indices.dropFirst() {
                precondition(
                    !(elements[child] < elements[(child - 1) / 2]),
                    "MinHeap invariant broken: child at \(child) is smaller than its parent")
            }
        }
    }
}

extension KthLargestElementInAnArray.MinHeap: Sendable where Element: Sendable {}
