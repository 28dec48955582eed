/// A binary heap: a priority queue stored in an array, ordered by any
/// "comes first" predicate, so one type is both a min-heap and a max-heap.
///
/// ```swift
/// var tasks = BinaryHeap([5, 3, 8, 1, 9, 2])   // O(n) heapify; min-heap
/// tasks.min                                    // 1
/// tasks.insert(0)                              // O(log n)
/// tasks.popMin()                               // 0, then 1, 2, 3…; nil when empty
/// var largest = BinaryHeap([5, 3, 8], by: >)   // the same type as a max-heap
/// largest.popMin()                             // 8: "min" means "orders first"
/// ```
///
/// - Invariant: for every index `i`, neither child (`2i + 1`, `2i + 2`)
///   orders before `storage[i]`; so `storage[0]` is the element that orders
///   first. `_checkInvariants()` verifies this after every mutation in debug
///   builds.
///
/// ## Why interviewers ask this
/// "Top k", "k-th largest", "merge k sorted lists", schedulers and Dijkstra
/// all reduce to a priority queue, and writing one from scratch tests index
/// arithmetic (`2i + 1`, `(i - 1) / 2`), sift-up versus sift-down, and
/// whether you know that building a heap from n elements is O(n), not
/// O(n log n). Swift adds a design question: one generic type ordered by a
/// predicate instead of Go's copy-pasted `MinHeap` and `MaxHeap`.
///
/// ## Common pitfalls
/// - Heapifying top-down (sift-down from index 0 forwards). Sift-down assumes
///   both subtrees are already heaps, so the loop must run from the last
///   parent (`count / 2 - 1`) back to 0.
/// - Building by n inserts: correct, but O(n log n) comparisons where
///   `init(_:)` needs at most 2n (the tests count them).
/// - Sifting down into the first child instead of the child that orders
///   first: the parent ends up above a smaller sibling.
/// - Solving "k-th largest" with a max-heap of all n elements (O(n) memory)
///   instead of a min-heap of size k (O(k) memory, O(n log k) time).
/// - Expecting iteration in priority order: `unordered` is the array as
///   stored; only repeated `popMin()` yields sorted output.
/// - A predicate that is not a strict weak ordering (`<=` instead of `<`)
///   still "works" here but breaks algorithms that rely on it, such as
///   `sort(by:)`.
///
/// ## Key takeaway
/// A heap is an array plus one invariant: each parent orders no later than
/// its children. Insert sifts up, pop moves the last element to the root and
/// sifts down (both O(log n)); heapify sifts down from the last parent
/// backwards (O(n)). The predicate makes min or max a parameter, not a type.
///
/// ## Edges, audited
/// - Overflow: only index arithmetic (`2i + 1`, `(i − 1) / 2`), bounded by
///   `count`; elements are only compared, so `Int.min` and `Int.max` are
///   ordinary keys (tested in ``kthLargest(_:k:)`` and ``mergeKSorted(_:)``).
/// - Unicode: elements are generic and only compared.
/// - Depth: sift up and sift down are loops.
///
/// ## Go → Swift
/// The Go seed wrote int-only `MinHeap` and `MaxHeap` twins (`Peek`, `Pop`
/// returning `(int, bool)`). Here one `BinaryHeap<Element>` takes
/// `areInIncreasingOrder` (`<` by default for `Comparable`, `>` for a max
/// heap); `popMin()` returns an Optional and `removeMin()` traps, the
/// standard library's naming. The struct wraps an `Array`, so it gets value
/// semantics and copy-on-write for free. In production use swift-collections'
/// `Heap` (a min-max heap over `Comparable` elements, `Sendable` when its
/// elements are); this type stores a non-`@Sendable` closure, which is why it
/// is not `Sendable`.
public struct BinaryHeap<Element> {
    /// The elements in heap order: `storage[0]` orders first.
    @usableFromInline var storage: [Element]

    /// `true` when the first argument must be popped before the second.
    /// Must be a strict weak ordering, as for `sort(by:)`.
    public let areInIncreasingOrder: (Element, Element) -> Bool

    /// An empty heap ordered by `areInIncreasingOrder`.
    /// - Complexity: O(1).
    public init(by areInIncreasingOrder: @escaping (Element, Element) -> Bool) {
        self.storage = []
        self.areInIncreasingOrder = areInIncreasingOrder
    }

    /// Builds a heap from `elements` in O(n) by sifting down every parent,
    /// from the last one back to the root (Floyd's heapify).
    ///
    /// Leaves (the last half of the array) are already heaps; each sift-down
    /// then joins two heaps under their parent. Most nodes sit near the
    /// bottom and move at most a level or two, so the total work is bounded
    /// by 2n comparisons rather than n log n.
    /// - Complexity: O(n).
    public init(_ elements: some Sequence<Element>, by areInIncreasingOrder: @escaping (Element, Element) -> Bool) {
        self.storage = Array(elements)
        self.areInIncreasingOrder = areInIncreasingOrder
        for parent in stride(from: storage.count / 2 - 1, through: 0, by: -1) {
            siftDown(from: parent)
        }
        #if HANDBOOK_INTERNAL_CHECKS
            _checkInvariants()
        #endif
    }

    /// The alternative to ``init(_:by:)``: n inserts, each sifting up.
    /// Correct, but O(n log n); kept to compare against heapify.
    /// - Complexity: O(n log n).
    public init(
        insertingOneByOne elements: some Sequence<Element>,
        by areInIncreasingOrder: @escaping (Element, Element) -> Bool
    ) {
        self.init(by: areInIncreasingOrder)
        for element in elements { insert(element) }
    }

    /// The number of elements.
    /// - Complexity: O(1).
    public var count: Int { storage.count }

    /// Whether the heap has no elements.
    /// - Complexity: O(1).
    public var isEmpty: Bool { storage.isEmpty }

    /// The element that orders first (Go's `Peek`), or `nil` if empty. For a
    /// heap built with `>` this is the largest element.
    /// - Complexity: O(1).
    public var min: Element? { storage.first }

    /// The elements in storage (heap) order, not sorted.
    /// - Complexity: O(1).
    public var unordered: [Element] { storage }

    /// Adds `element`: append it as a leaf, then sift it up while it orders
    /// before its parent.
    /// - Complexity: O(log n).
    public mutating func insert(_ element: Element) {
        storage.append(element)
        siftUp(from: storage.count - 1)
        #if HANDBOOK_INTERNAL_CHECKS
            _checkInvariants()
        #endif
    }

    /// Removes and returns the element that orders first, or `nil` if the
    /// heap is empty.
    /// - Complexity: O(log n).
    public mutating func popMin() -> Element? {
        guard !storage.isEmpty else { return nil }
        return removeMin()
    }

    /// Removes and returns the element that orders first: the last leaf
    /// replaces the root and sifts down.
    /// - Precondition: the heap is not empty.
    /// - Complexity: O(log n).
    @discardableResult
    public mutating func removeMin() -> Element {
        precondition(!storage.isEmpty, "removeMin() called on an empty BinaryHeap; use popMin() to get nil instead")
        storage.swapAt(0, storage.count - 1)
        let first = storage.removeLast()
        if !storage.isEmpty { siftDown(from: 0) }
        #if HANDBOOK_INTERNAL_CHECKS
            _checkInvariants()
        #endif
        return first
    }

    // MARK: Sifting

    private mutating func siftUp(from index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard areInIncreasingOrder(storage[child], storage[parent]) else { return }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(from index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var first = parent
            if left < storage.count && areInIncreasingOrder(storage[left], storage[first]) { first = left }
            if right < storage.count && areInIncreasingOrder(storage[right], storage[first]) { first = right }
            guard first != parent else { return }
            storage.swapAt(parent, first)
            parent = first
        }
    }

    /// Traps unless every child orders no earlier than its parent.
    /// - Complexity: O(n); called after every mutation only in debug builds.
    public func _checkInvariants() {
        for child in storage.indices.dropFirst() {
            let parent = (child - 1) / 2
            precondition(
                !areInIncreasingOrder(storage[child], storage[parent]),
                "heap property violated: index \(child) orders before its parent at index \(parent)")
        }
    }
}

extension BinaryHeap where Element: Comparable {
    /// An empty min-heap: `popMin()` returns the smallest element.
    /// - Complexity: O(1).
    public init() {
        self.init(by: <)
    }

    /// A min-heap of `elements`, built by O(n) heapify.
    /// - Complexity: O(n).
    public init(_ elements: some Sequence<Element>) {
        self.init(elements, by: <)
    }
}

extension BinaryHeap: ExpressibleByArrayLiteral where Element: Comparable {
    /// A min-heap of the literal's elements, built by O(n) heapify.
    /// - Complexity: O(n).
    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

/// The two heap problems the Go seed's README asks for but does not solve.
public enum HeapProblems {
    /// The k-th largest element (k = 1 is the maximum), with a min-heap that
    /// never holds more than `k` elements: its root is always the k-th
    /// largest seen so far.
    /// - Precondition: `1 <= k <= numbers.count`.
    /// - Complexity: O(n log k) time, O(k) extra space.
    public static func kthLargest<T: Comparable>(_ numbers: [T], k: Int) -> T {
        precondition(k >= 1 && k <= numbers.count, "k must be in 1...\(numbers.count), got \(k)")
        var smallestOfTopK = BinaryHeap<T>()
        for number in numbers {
            smallestOfTopK.insert(number)
            if smallestOfTopK.count > k { smallestOfTopK.removeMin() }
        }
        return smallestOfTopK.min!  // count == k >= 1 here
    }

    /// Merges sorted arrays into one sorted array. A heap holds the head of
    /// each non-empty list, so every step picks the smallest head in
    /// O(log k). Ties go to the lower list index, so the merge is stable.
    /// - Precondition: each list is sorted ascending.
    /// - Complexity: O(N log k) for N elements in k lists.
    public static func mergeKSorted<T: Comparable>(_ lists: [[T]]) -> [T] {
        typealias Head = (value: T, list: Int, position: Int)
        var firstHeads: [Head] = []
        for (list, elements) in lists.enumerated() {
            if let first = elements.first { firstHeads.append((first, list, 0)) }
        }
        var heads = BinaryHeap(firstHeads) { (a: Head, b: Head) -> Bool in
            a.value < b.value || (a.value == b.value && a.list < b.list)
        }
        var merged: [T] = []
        merged.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        while let head = heads.popMin() {
            merged.append(head.value)
            let next = head.position + 1
            if next < lists[head.list].count {
                heads.insert((lists[head.list][next], head.list, next))
            }
        }
        return merged
    }
}
