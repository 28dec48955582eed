/// A generic last-in, first-out stack with value semantics, backed by a
/// contiguous array whose end is the top.
///
/// ```swift
/// var stack: ArrayStack = [1, 2, 3]   // 3 is on top
/// stack.push(4)
/// stack.peek()                        // 4, still on the stack
/// stack.pop()                         // 4
/// Array(stack)                        // [3, 2, 1]: iteration is LIFO
/// var copy = stack
/// copy.push(99)                       // stack is unchanged: copies are independent
/// ```
///
/// ## Why interviewers ask this
/// A stack is the warm-up that shows whether you know your language's
/// collection costs: pushing and popping at the *end* of an array is amortized
/// O(1), at the front it is O(n). It is also the building block of bracket
/// matching, undo, iterative DFS and monotonic-stack problems, so interviewers
/// check the empty case (what does `pop` on an empty stack return?) and what a
/// copy of a stack shares.
///
/// ## Common pitfalls
/// - Calling `Array.removeLast()` on an empty array traps. The stack's `pop()`
///   is `popLast()`-style and returns `nil`; ``removeTop()`` is the trapping
///   variant for callers who know the stack is not empty.
/// - Iterating the backing array gives bottom-to-top order. A stack's
///   `Sequence` conformance must iterate top to bottom, the order `pop` gives.
/// - Growing at the front (`insert(_:at: 0)`, `removeFirst()`): every call
///   shifts all elements, so a loop of n pushes becomes O(n²).
/// - `removeAll()` frees the buffer. A stack reused in a loop (one per request
///   or per DFS) should call `removeAll(keepingCapacity: true)`.
/// - Wrapping the storage in a class to "avoid copies" makes every copy share
///   the same stack. A struct over `Array` is already copy-on-write: copying is
///   O(1) and the first mutation of a shared buffer copies it once.
///
/// ## Key takeaway
/// A Swift stack is a struct around an `Array` using `append` and `popLast`:
/// amortized O(1), `nil` instead of errors for the empty case, independent
/// copies for free through copy-on-write, and iteration in LIFO order.
///
/// ## Edges, audited
/// - Overflow: no arithmetic on elements; `count` is the array's.
/// - Unicode: elements are generic; nothing is re-joined.
/// - Depth: no recursion; storage is one contiguous array, freed at once.
///
/// ## Go → Swift
/// Go's `stack.go` has an `interface{}` stack plus a separate `IntStack`, and
/// `Pop` returns `(value, ok)` or `nil` for empty. Swift uses one generic type
/// and an Optional; heterogeneous values are an explicit
/// `ArrayStack<any Sendable>` (or an enum) instead of `interface{}` plus type
/// assertions. A Go pop written as `s.items = s.items[:n-1]` leaves the popped
/// pointer in the backing array, keeping the object reachable; Swift's
/// `popLast` destroys the slot, so a popped object is freed as soon as the
/// caller drops it. Copying a Go struct that holds a slice copies a header
/// that still aliases the same backing array; copying an `ArrayStack` gives an
/// independent stack.
public struct ArrayStack<Element> {
    /// Bottom at index 0, top at the end: both ends we touch are O(1).
    @usableFromInline internal var storage: ContiguousArray<Element>

    /// An empty stack.
    /// - Complexity: O(1).
    public init() {
        storage = []
    }

    /// A stack holding `elements` pushed in order: the last one is on top.
    /// - Complexity: O(n).
    public init(_ elements: some Sequence<Element>) {
        storage = ContiguousArray(elements)
        checkInvariantsInDebug()
    }

    /// The number of elements on the stack.
    /// - Complexity: O(1).
    public var count: Int { storage.count }

    /// Whether the stack is empty.
    /// - Complexity: O(1).
    public var isEmpty: Bool { storage.isEmpty }

    /// How many elements fit before the buffer must grow.
    /// - Complexity: O(1).
    public var capacity: Int { storage.capacity }

    /// Pushes `element` on top.
    /// - Complexity: amortized O(1); O(n) when the buffer grows or is shared
    ///   with a copy and must be copied first.
    public mutating func push(_ element: Element) {
        storage.append(element)
        checkInvariantsInDebug()
    }

    /// Removes and returns the top element, or `nil` when the stack is empty.
    /// - Complexity: O(1) (O(n) once if the buffer is shared with a copy).
    @discardableResult
    public mutating func pop() -> Element? {
        let top = storage.popLast()
        checkInvariantsInDebug()
        return top
    }

    /// Removes and returns the top element.
    /// - Precondition: the stack is not empty.
    /// - Complexity: O(1).
    @discardableResult
    public mutating func removeTop() -> Element {
        precondition(!storage.isEmpty, "removeTop() on an empty ArrayStack; use pop() to get nil instead")
        let top = storage.removeLast()
        checkInvariantsInDebug()
        return top
    }

    /// The top element without removing it, or `nil` when the stack is empty.
    /// - Complexity: O(1).
    public func peek() -> Element? {
        storage.last
    }

    /// Removes every element.
    /// - Parameter keepingCapacity: keep the buffer for reuse, so that the
    ///   next pushes do not reallocate.
    /// - Complexity: O(n) to destroy the elements.
    public mutating func removeAll(keepingCapacity: Bool = false) {
        storage.removeAll(keepingCapacity: keepingCapacity)
        checkInvariantsInDebug()
    }

    /// Verifies the stack's invariant: the count is the backing array's count,
    /// which never exceeds its capacity, and `peek()` is the last element
    /// pushed. A stack over `Array` has little state of its own; this is the
    /// hook where a hand-managed buffer would check its bounds.
    public func _checkInvariants() {
        precondition(storage.count <= storage.capacity, "count \(storage.count) > capacity \(storage.capacity)")
        precondition(isEmpty == (peek() == nil), "isEmpty disagrees with peek()")
    }

    @inline(__always)
    private func checkInvariantsInDebug() {
        #if HANDBOOK_INTERNAL_CHECKS
            _checkInvariants()
        #endif
    }
}

extension ArrayStack: Sequence {
    /// Iterates from the top to the bottom: the order in which `pop()` would
    /// return the elements.
    public struct Iterator: IteratorProtocol {
        @usableFromInline internal var base: ReversedCollection<ContiguousArray<Element>>.Iterator

        public mutating func next() -> Element? {
            base.next()
        }
    }

    /// An iterator from the top of the stack to the bottom.
    /// - Complexity: O(1).
    public func makeIterator() -> Iterator {
        Iterator(base: storage.reversed().makeIterator())
    }

    /// - Complexity: O(1).
    public var underestimatedCount: Int { storage.count }
}

extension ArrayStack: ExpressibleByArrayLiteral {
    /// `[1, 2, 3]` pushes 1, then 2, then 3: the last element is on top.
    /// - Complexity: O(n).
    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

extension ArrayStack: Equatable where Element: Equatable {
    /// Two stacks are equal when they hold equal elements in the same order.
    /// - Complexity: O(n).
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage == rhs.storage
    }
}

extension ArrayStack: Hashable where Element: Hashable {
    /// - Complexity: O(n).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage)
    }
}

extension ArrayStack: Sendable where Element: Sendable {}

extension ArrayStack: CustomStringConvertible {
    /// Bottom to top, with the top marked: `ArrayStack([1, 2, 3] <- top)`.
    public var description: String {
        "ArrayStack(\(Array(storage)) <- top)"
    }
}
