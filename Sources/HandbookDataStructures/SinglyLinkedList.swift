/// A singly linked list of `final class` nodes with head and tail pointers:
/// Go's operations, in-place reversal, Floyd's cycle detection, the middle
/// node and a stable, allocation-free merge of sorted lists.
///
/// ```swift
/// let list: SinglyLinkedList = [1, 2, 3]
/// list.prepend(0)                 // [0, 1, 2, 3]   O(1)
/// list.append(4)                  // [0, 1, 2, 3, 4] O(1) thanks to tail
/// list.insert(9, at: 7)           // false: no position 7
/// list.reverse()                  // [4, 3, 2, 1, 0]
/// list.middle                     // 2
/// ```
///
/// ## Why interviewers ask this
/// Linked lists test pointer discipline under pressure: every operation has an
/// edge case at the head, at the tail and on the one-element list, and the
/// classic questions (reverse in place, detect a cycle, find the middle, merge
/// two sorted lists) are all "two or three pointers walking the chain". In
/// Swift there is a second layer: nodes are reference-counted, so the
/// interviewer may ask who owns a node, when it is freed, and why a list is a
/// class while `Array` is a value.
///
/// ## Common pitfalls
/// - Forgetting the tail: `popLast()`, `removeFirstOccurrence(of:)` of the
///   last element, `reverse()` and `removeAll()` must all update it, or the
///   next `append` links onto a detached node (and a stale tail keeps it
///   alive).
/// - The one-element list: removing its only node must clear *both* head and
///   tail.
/// - `popLast()` on a singly linked list is O(n): the new tail is the old
///   tail's predecessor, which only a walk from the head can find.
/// - Floyd's loop must test `fast?.next` before stepping twice, and compare
///   nodes by identity (`===`), never by value (duplicates are not cycles).
/// - Middle of an even-length list: the slow/fast walk below returns the
///   *second* middle ([1…6] → 4), LeetCode 876's convention. Say which one you
///   return.
/// - Merging with `<=` instead of "take the second list only if strictly
///   smaller" loses stability: equal keys from the first list must come first.
///
/// ## Key takeaway
/// Keep the invariants explicit (count matches the chain, tail is the last
/// node, head and tail are nil together) and check them after every
/// operation. Pointer problems are solved by a fixed number of references
/// walking at different speeds: prev/current/next to reverse, slow/fast for
/// cycles and middles, a spliced tail to merge without allocating.
///
/// ## Edges, audited
/// - Depth: every operation is a loop. Freeing is tested, not assumed: a
///   chain of single-link class nodes (this list's, ``ConsList``'s) frees a
///   million nodes without deep recursion (the compiler's loop for a class
///   with one self-typed stored property); an `indirect enum` list
///   (``IndirectEnumList``) does not, and a test shows its crash.
/// - Overflow: only `count` and positions, bounded by the list's length.
/// - Unicode: elements are generic and never re-joined.
///
/// ## Go → Swift
/// Go's `linked_list.go` links `*Node` pointers, and Go's tracing GC frees
/// unreachable nodes, cycles included. Swift's nodes are
/// `final class` objects freed by ARC the moment their last strong reference
/// goes: a list of n nodes is freed as a chain when the head is dropped
/// (a class with one stored property of its own type gets a compiler-made
/// destructor that frees the chain in a loop; a test drops a million-node
/// list), but a
/// *cycle* of strong `next` references is never freed, so Floyd's cycle tests
/// break their cycle by hand. Operations that return `bool` in Go return
/// `Bool` (invalid position) or an Optional (empty list) here. The list is a
/// class, like Go's `*LinkedList`: its nodes have identity, and the
/// value-semantic alternative is ``ConsList``, whose copies share structure
/// (built on class cells, not the `indirect enum` a functional programmer
/// would reach for first: that one overflows the stack when a long list is
/// freed).
public final class SinglyLinkedList<Element> {
    /// One link of the chain. Public so that tests and learners can build
    /// chains by hand (for example a cycle, which a `SinglyLinkedList` itself
    /// never contains).
    public final class Node {
        public var value: Element
        public var next: Node?

        public init(_ value: Element, next: Node? = nil) {
            self.value = value
            self.next = next
        }
    }

    private var head: Node?
    private var tail: Node?
    /// The number of elements.
    /// - Complexity: O(1).
    public private(set) var count = 0

    /// An empty list.
    public init() {}

    /// A list holding `elements` in order.
    /// - Complexity: O(n).
    public convenience init(_ elements: some Sequence<Element>) {
        self.init()
        for element in elements { append(element) }
    }

    /// Whether the list is empty.
    /// - Complexity: O(1).
    public var isEmpty: Bool { head == nil }

    /// The first element, or `nil` when empty.
    /// - Complexity: O(1).
    public var first: Element? { head?.value }

    /// The last element, or `nil` when empty.
    /// - Complexity: O(1): the point of keeping a tail pointer.
    public var last: Element? { tail?.value }

    // MARK: Insertion

    /// Inserts `value` at the front (Go's `InsertAtHead`).
    /// - Complexity: O(1).
    public func prepend(_ value: Element) {
        let node = Node(value, next: head)
        head = node
        if tail == nil { tail = node }
        count += 1
        checkInvariantsInDebug()
    }

    /// Inserts `value` at the back (Go's `InsertAtTail`).
    /// - Complexity: O(1).
    public func append(_ value: Element) {
        let node = Node(value)
        if let tail { tail.next = node } else { head = node }
        tail = node
        count += 1
        checkInvariantsInDebug()
    }

    /// Inserts `value` so that it ends up at `position` (Go's
    /// `InsertAtPosition`): 0 prepends, `count` appends.
    /// - Returns: `false`, leaving the list unchanged, when `position` is not
    ///   in `0...count`.
    /// - Complexity: O(position).
    @discardableResult
    public func insert(_ value: Element, at position: Int) -> Bool {
        guard (0...count).contains(position) else { return false }
        if position == 0 {
            prepend(value)
        } else if position == count {
            append(value)
        } else {
            let previous = node(at: position - 1)
            previous.next = Node(value, next: previous.next)
            count += 1
            checkInvariantsInDebug()
        }
        return true
    }

    // MARK: Removal

    /// Removes and returns the first element, or `nil` when empty (Go's
    /// `DeleteHead`).
    /// - Complexity: O(1).
    @discardableResult
    public func popFirst() -> Element? {
        guard let first = head else { return nil }
        head = first.next
        if head == nil { tail = nil }
        count -= 1
        checkInvariantsInDebug()
        return first.value
    }

    /// Removes and returns the last element, or `nil` when empty (Go's
    /// `DeleteTail`).
    /// - Complexity: O(n): a singly linked node does not know its
    ///   predecessor, so the new tail is found by walking from the head.
    @discardableResult
    public func popLast() -> Element? {
        guard let last = tail else { return nil }
        if count == 1 { return popFirst() }
        let newTail = node(at: count - 2)
        newTail.next = nil
        tail = newTail
        count -= 1
        checkInvariantsInDebug()
        return last.value
    }

    /// Removes every element. Each node is unlinked in a loop (a plain chain
    /// frees fine on this toolchain; the loop keeps that true even if a node
    /// type ever gains a `deinit` that touches `next`).
    /// - Complexity: O(n).
    public func removeAll() {
        while let node = head {
            head = node.next
            node.next = nil
        }
        tail = nil
        count = 0
        checkInvariantsInDebug()
    }

    // MARK: Reordering

    /// Reverses the list in place by re-pointing every `next` (three
    /// references: previous, current, next). No node is allocated.
    /// - Complexity: O(n) time, O(1) extra space.
    public func reverse() {
        var previous: Node? = nil
        var current = head
        tail = head
        while let node = current {
            current = node.next
            node.next = previous
            previous = node
        }
        head = previous
        checkInvariantsInDebug()
    }

    /// Merges `other`, sorted by `areInIncreasingOrder`, into this list, also
    /// sorted, by splicing the existing nodes (no allocation). The merge is
    /// stable: on ties, this list's elements come first. `other` is left
    /// empty.
    /// - Precondition: `other` is not this list.
    /// - Complexity: O(n + m) time, O(1) extra space.
    public func mergeSorted(
        with other: SinglyLinkedList, by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows {
        precondition(other !== self, "cannot merge a SinglyLinkedList with itself")
        var mine = head
        var theirs = other.head
        var mergedHead: Node? = nil
        var mergedTail: Node? = nil
        while let left = mine, let right = theirs {
            let taken: Node
            // Take from `other` only when strictly smaller: ties keep ours first.
            if try areInIncreasingOrder(right.value, left.value) {
                taken = right
                theirs = right.next
            } else {
                taken = left
                mine = left.next
            }
            if let mergedTail { mergedTail.next = taken } else { mergedHead = taken }
            mergedTail = taken
        }
        let rest = mine ?? theirs
        if let mergedTail { mergedTail.next = rest } else { mergedHead = rest }
        let restTail = mine != nil ? tail : (theirs != nil ? other.tail : nil)
        head = mergedHead
        tail = restTail ?? mergedTail
        count += other.count
        other.head = nil
        other.tail = nil
        other.count = 0
        checkInvariantsInDebug()
        other.checkInvariantsInDebug()
    }

    // MARK: Two-pointer questions

    /// The middle element, found with a slow and a fast pointer: the second
    /// middle for an even count ([1…6] → 4). `nil` when empty.
    /// - Complexity: O(n) time, O(1) space, one pass.
    public var middle: Element? {
        Self.middleNode(startingAt: head)?.value
    }

    /// The middle node of the chain starting at `head` (the second middle
    /// for an even length).
    /// - Precondition: the chain has no cycle.
    /// - Complexity: O(n) time, O(1) space.
    public static func middleNode(startingAt head: Node?) -> Node? {
        var slow = head
        var fast = head
        while let twoAhead = fast?.next {
            slow = slow?.next
            fast = twoAhead.next
        }
        return slow
    }

    /// Floyd's tortoise and hare: whether following `next` from `head` ever
    /// revisits a node. The hare moves two steps per turn, the tortoise one;
    /// inside a cycle the gap shrinks by one each turn, so they must meet.
    /// - Complexity: O(n) time, O(1) space (a `Set<ObjectIdentifier>` would
    ///   need O(n)).
    public static func hasCycle(startingAt head: Node?) -> Bool {
        var slow = head
        var fast = head
        while let twoAhead = fast?.next?.next {
            slow = slow?.next
            fast = twoAhead
            if slow === fast { return true }
        }
        return false
    }

    // MARK: Invariants

    /// Verifies the list's invariant: head and tail are nil together (and
    /// only when `count` is 0), the tail has no successor, and walking from
    /// the head reaches exactly `count` nodes, the last of which is the tail.
    /// The walk is skipped above 1,024 nodes so that building a long list in
    /// a debug build stays O(n) overall.
    public func _checkInvariants() {
        precondition((head == nil) == (tail == nil), "head and tail must be nil together")
        precondition((head == nil) == (count == 0), "count \(count) disagrees with head \(head == nil ? "nil" : "set")")
        precondition(tail?.next == nil, "the tail has a successor")
        guard count <= 1_024 else { return }
        var walked = 0
        var last: Node? = nil
        var current = head
        while let node = current, walked <= count {
            walked += 1
            last = node
            current = node.next
        }
        precondition(walked == count, "walked \(walked) nodes, count says \(count)")
        precondition(last === tail, "the tail is not the last node of the chain")
    }

    // MARK: Helpers

    /// The node at `offset` from the head.
    private func node(at offset: Int) -> Node {
        var current = head!
        for _ in 0..<offset { current = current.next! }
        return current
    }

    @inline(__always)
    private func checkInvariantsInDebug() {
        #if HANDBOOK_INTERNAL_CHECKS
            _checkInvariants()
        #endif
    }
}

extension SinglyLinkedList where Element: Comparable {
    /// Merges `other` (sorted ascending) into this sorted list; see
    /// ``mergeSorted(with:by:)``.
    /// - Complexity: O(n + m).
    public func mergeSorted(with other: SinglyLinkedList) {
        mergeSorted(with: other, by: <)
    }
}

extension SinglyLinkedList where Element: Equatable {
    /// Removes the first node holding `value` (Go's `DeleteValue`).
    /// - Returns: whether a node was removed.
    /// - Complexity: O(n).
    @discardableResult
    public func removeFirstOccurrence(of value: Element) -> Bool {
        guard let first = head else { return false }
        if first.value == value {
            popFirst()
            return true
        }
        var previous = first
        while let node = previous.next {
            if node.value == value {
                previous.next = node.next
                if node === tail { tail = previous }
                count -= 1
                checkInvariantsInDebug()
                return true
            }
            previous = node
        }
        return false
    }
}

extension SinglyLinkedList: Sequence {
    /// Walks the chain from the head.
    public struct Iterator: IteratorProtocol {
        fileprivate var current: Node?

        public mutating func next() -> Element? {
            defer { current = current?.next }
            return current?.value
        }
    }

    /// - Complexity: O(1).
    public func makeIterator() -> Iterator {
        Iterator(current: head)
    }

    /// - Complexity: O(1).
    public var underestimatedCount: Int { count }
}

extension SinglyLinkedList: ExpressibleByArrayLiteral {
    public convenience init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

extension SinglyLinkedList: CustomStringConvertible {
    /// `1 -> 2 -> 3 -> nil`, Go's `Print` format.
    public var description: String {
        (map { "\($0)" } + ["nil"]).joined(separator: " -> ")
    }
}

/// An immutable, value-semantic singly linked list whose copies share their
/// tails (structural sharing), as in functional languages. Prepending is O(1)
/// and never changes an existing list, so no copy-on-write and no invariant
/// check is needed.
///
/// The textbook Swift spelling is an `indirect enum` (``IndirectEnumList``),
/// and it is the pitfall this type avoids: when the last reference to a long
/// enum list goes, each box is destroyed from inside the previous box's
/// destruction, one stack frame per element, and a long list overflows the
/// stack (on an 8 MB thread, about 90,000 elements in a debug build and
/// 120,000 in release; a test frees a million). An enum cannot have a
/// `deinit` to stop that. The cells here are `final class`es with exactly
/// one stored property of their own type, and for such a class the Swift
/// compiler (since 5.7) generates a destructor that frees the chain in a
/// loop: a million cells free on a 1 MB thread stack. A node with two links,
/// like a tree's, does not qualify (see ``BinaryTree``). That is a compiler
/// optimisation, not a language guarantee, so a test frees a
/// million-element list and would fail on a toolchain that dropped it.
public struct ConsList<Element> {
    /// One shared, immutable cell.
    fileprivate final class Cell {
        let element: Element
        let rest: Cell?

        init(_ element: Element, rest: Cell?) {
            self.element = element
            self.rest = rest
        }
    }

    fileprivate var head: Cell?

    private init(head: Cell?) { self.head = head }

    /// The empty list.
    public static var empty: ConsList { ConsList(head: nil) }

    /// `element` in front of `rest`, which the new list shares.
    /// - Complexity: O(1).
    public static func node(_ element: Element, _ rest: ConsList) -> ConsList {
        ConsList(head: Cell(element, rest: rest.head))
    }

    /// A list holding `elements` in order.
    /// - Complexity: O(n).
    public init(_ elements: some BidirectionalCollection<Element>) {
        var head: Cell?
        for element in elements.reversed() { head = Cell(element, rest: head) }
        self.head = head
    }

    /// Whether the list is empty.
    /// - Complexity: O(1).
    public var isEmpty: Bool { head == nil }

    /// A new list with `element` in front of this one, which it shares.
    /// - Complexity: O(1).
    public func prepending(_ element: Element) -> ConsList {
        .node(element, self)
    }

    /// The first element, or `nil` when empty.
    /// - Complexity: O(1).
    public var first: Element? { head?.element }

    /// Everything after the first element (`.empty` for an empty list).
    /// - Complexity: O(1).
    public var rest: ConsList { ConsList(head: head?.rest) }
}

extension ConsList: Sequence {
    public struct Iterator: IteratorProtocol {
        fileprivate var current: Cell?

        public mutating func next() -> Element? {
            guard let cell = current else { return nil }
            current = cell.rest
            return cell.element
        }
    }

    /// - Complexity: O(1).
    public func makeIterator() -> Iterator {
        Iterator(current: head)
    }
}

/// The pitfall, kept to show it: the `indirect enum` list. Correct and
/// idiomatic for short lists, but releasing the last reference to one frees
/// it recursively (box → payload → next box), so a long one overflows the
/// stack when it is dropped. Use ``ConsList``.
public indirect enum IndirectEnumList<Element> {
    case empty
    case node(Element, IndirectEnumList<Element>)

    /// A list holding `elements` in order.
    /// - Complexity: O(n) time; freeing it recurses once per element.
    public init(_ elements: some BidirectionalCollection<Element>) {
        self = elements.reversed().reduce(.empty) { list, element in .node(element, list) }
    }

    /// The number of elements, by an iterative walk.
    /// - Complexity: O(n).
    public var count: Int {
        var count = 0
        var current = self
        while case .node(_, let rest) = current {
            count += 1
            current = rest
        }
        return count
    }
}

extension ConsList.Cell: Sendable where Element: Sendable {}
extension ConsList: Sendable where Element: Sendable {}
