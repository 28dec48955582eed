import Foundation

/// A least-recently-used cache with O(1) `value(forKey:)` and
/// `setValue(_:forKey:)`: a `[Key: Node]` dictionary finds an entry, a doubly
/// linked list between two sentinels keeps the recency order.
///
/// ```swift
/// let cache = LRUCache<String, Int>(capacity: 2)
/// cache.setValue(1, forKey: "a")
/// cache.setValue(2, forKey: "b")
/// _ = cache.value(forKey: "a")            // "a" is now the newest
/// let evicted = cache.setValue(3, forKey: "c")
/// // evicted?.key == "b": the least recently *used*, not the oldest written
/// ```
///
/// ## Why interviewers ask this
/// It combines two structures so that each covers the other's weak spot: the
/// hash map gives O(1) lookup but no order, the linked list gives O(1)
/// reordering and removal but no lookup. Follow-ups probe the details: why a
/// *doubly* linked list (unlinking needs the predecessor), why sentinels (no
/// empty-list or end-of-list branches), why the node stores its key (eviction
/// must delete the map entry), and "now make it thread-safe" — where a read
/// lock is the wrong answer because every `get` reorders the list.
///
/// ## Common pitfalls
/// - Forgetting that a read is a use: `value(forKey:)` must move the entry to
///   the front, or the cache degrades to FIFO (experiment
///   `lru-cache.forget-move-to-front-on-get`).
/// - Strong `previous` *and* `next` pointers. Go's garbage collector frees
///   cycles; ARC does not, so every node of a dropped cache would leak. Here
///   `next` owns the successor and `previous` is `unowned` (experiment
///   `lru-cache.strong-back-pointer`).
/// - Guarding `get` with a shared (read) lock. `get` writes the list, so two
///   concurrent readers corrupt it; it needs the exclusive lock
///   (``LockedLRUCache``) or an actor (``LRUCacheActor``).
/// - Check-then-act across calls: `if cache.value(forKey: k) == nil {
///   cache.setValue(compute(), forKey: k) }` is two critical sections, so two
///   tasks can both miss and both compute, even with a perfectly locked cache.
/// - Updating an existing key as if it were new: it must overwrite and
///   refresh, not insert a duplicate node or evict anything.
///
/// ## Key takeaway
/// Map for lookup, list for order, the node holds its key. In Swift, decide
/// who owns whom: the cache owns the head sentinel, each node owns its
/// successor, back-pointers are `unowned`, so dropping the cache frees every
/// node with no cycle to break. Thread safety is a wrapper: one lock (or one
/// actor) around the whole single-threaded structure.
///
/// ## Go → Swift
/// The Go seed's cache is a `map` of `*node` plus a sentinel-bounded doubly
/// linked list with get/put/delete and oldest/newest, and it is not
/// thread-safe although the README asks for it. Swift keeps the shape but
/// makes it generic, returns `nil` for a miss, traps on a non-positive
/// capacity, makes the back-pointer `unowned` (ARC, not a tracing GC), and
/// adds the two thread-safe variants: a lock-based class and an actor.
///
/// Why class nodes and not an index arena (`[Slot]` with `Int` links)? The
/// arena has no cycles to get wrong and better locality, but it needs a free
/// list and must clear a vacated slot or it keeps the old value alive. Class
/// nodes are the answer interviewers expect and make the ARC ownership
/// question explicit, which is the Swift-specific part of this lesson.
///
/// The cache is a `final class`, not a copy-on-write struct: copying a linked
/// list means cloning every node, and a cache is shared, identity-bearing
/// state anyway. It is not `Sendable`; share it through ``LockedLRUCache`` or
/// ``LRUCacheActor``.
///
/// - Invariant: the dictionary and the list hold the same nodes, in the same
///   number, never more than `capacity`; walking the list forward and
///   backward visits the same nodes (see ``_checkInvariants()``).
///
/// ## Performance, measured
/// `cd Benchmarks && ./compare --target HandbookDataStructuresBenchmarks`: 100k
/// get+put cost about 17x a bare `Dictionary` lookup plus insert, with ~52k
/// allocations against 15. On top of the same dictionary work, every miss
/// allocates a class node, every hit relinks two or three nodes (ARC traffic on
/// each pointer write) and the back pointer is `unowned` (a second reference
/// count). Within 3x is not reachable with node objects; the production fix is
/// an index-linked list: nodes as slots of one array, `prev`/`next` as `Int`
/// indices, freed slots reused, so the only allocations are the array's growth.
public final class LRUCache<Key: Hashable, Value> {
    /// A position in the list. The two sentinels are bare links, so a cast to
    /// ``Node`` doubles as the "is this a sentinel?" test.
    class Link {
        /// Owns the successor: the chain head → … → tail keeps nodes alive.
        var next: Link?
        /// Does not own: the predecessor owns *this* link through its `next`,
        /// so it outlives it while both are in the list. A strong reference
        /// here would form a cycle with every neighbour.
        unowned var previous: Link?

        init() {}
    }

    /// An entry. It stores its key so that evicting it can delete the map entry.
    final class Node: Link {
        let key: Key
        var value: Value

        init(key: Key, value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// The maximum number of entries.
    public let capacity: Int
    private var nodes: [Key: Node] = [:]
    /// `head.next` is the most recently used entry.
    private let head = Link()
    /// `tail.previous` is the least recently used entry, the next to evict.
    private let tail = Link()

    /// Creates an empty cache that holds at most `capacity` entries.
    ///
    /// - Precondition: `capacity > 0`. A cache that can hold nothing is a
    ///   programmer error, not a runtime condition, so it traps rather than
    ///   throws.
    /// - Complexity: O(1).
    public init(capacity: Int) {
        precondition(capacity > 0, "LRUCache capacity must be positive, got \(capacity)")
        self.capacity = capacity
        head.next = tail
        tail.previous = head
    }

    /// The number of entries. Complexity: O(1).
    public var count: Int { nodes.count }

    /// Whether the cache is empty. Complexity: O(1).
    public var isEmpty: Bool { nodes.isEmpty }

    /// Returns the value for `key` and marks it as the most recently used.
    ///
    /// - Complexity: O(1) on average (one hash lookup, four pointer writes).
    public func value(forKey key: Key) -> Value? {
        guard let node = nodes[key] else { return nil }
        moveToFront(node)  // a read is a use: the reason `get` needs an exclusive lock
        checkInvariantsIfEnabled()
        return node.value
    }

    /// Stores `value` for `key` as the most recently used entry, evicting the
    /// least recently used entry if the cache was full.
    ///
    /// Updating an existing key refreshes it and never evicts.
    ///
    /// - Returns: The evicted entry, or `nil` if nothing was evicted.
    /// - Complexity: O(1) on average.
    @discardableResult
    public func setValue(_ value: Value, forKey key: Key) -> (key: Key, value: Value)? {
        if let node = nodes[key] {
            node.value = value
            moveToFront(node)
            checkInvariantsIfEnabled()
            return nil
        }
        let node = Node(key: key, value: value)
        nodes[key] = node
        insertAtFront(node)
        var evicted: (key: Key, value: Value)?
        if nodes.count > capacity, let oldest = tail.previous as? Node {
            unlink(oldest)
            nodes[oldest.key] = nil
            evicted = (oldest.key, oldest.value)
        }
        checkInvariantsIfEnabled()
        return evicted
    }

    /// Removes the entry for `key` (Go's `Delete`).
    ///
    /// - Returns: The removed value, or `nil` if `key` was absent.
    /// - Complexity: O(1) on average.
    @discardableResult
    public func removeValue(forKey key: Key) -> Value? {
        guard let node = nodes.removeValue(forKey: key) else { return nil }
        unlink(node)
        checkInvariantsIfEnabled()
        return node.value
    }

    /// Whether `key` is cached. Does not count as a use.
    ///
    /// - Complexity: O(1) on average.
    public func contains(_ key: Key) -> Bool {
        nodes[key] != nil
    }

    /// The least recently used entry (the next to be evicted). Does not count
    /// as a use.
    ///
    /// - Complexity: O(1).
    public var oldest: (key: Key, value: Value)? {
        (tail.previous as? Node).map { ($0.key, $0.value) }
    }

    /// The most recently used entry. Does not count as a use.
    ///
    /// - Complexity: O(1).
    public var newest: (key: Key, value: Value)? {
        (head.next as? Node).map { ($0.key, $0.value) }
    }

    /// Every entry from least to most recently used: the eviction order.
    ///
    /// - Complexity: O(*n*).
    public var entries: [(key: Key, value: Value)] {
        var result: [(key: Key, value: Value)] = []
        result.reserveCapacity(count)
        var link = tail.previous
        while let node = link as? Node {
            result.append((node.key, node.value))
            link = node.previous
        }
        return result
    }

    // MARK: - List surgery

    /// Complexity: O(1).
    private func insertAtFront(_ node: Node) {
        let first = head.next!
        node.previous = head
        node.next = first
        first.previous = node
        head.next = node
    }

    /// Complexity: O(1).
    private func unlink(_ node: Node) {
        let before = node.previous!
        let after = node.next!
        before.next = after
        after.previous = before
    }

    /// Complexity: O(1).
    private func moveToFront(_ node: Node) {
        unlink(node)
        insertAtFront(node)
    }

    @inline(__always)
    private func checkInvariantsIfEnabled() {
        #if HANDBOOK_INTERNAL_CHECKS
            _checkInvariants()
        #endif
    }

    /// Traps unless the list and the dictionary agree: the same count, never
    /// above `capacity`, every node reachable forward and backward, and each
    /// node filed under its own key.
    ///
    /// Runs after every mutation in debug builds (`HANDBOOK_INTERNAL_CHECKS`).
    ///
    /// - Complexity: O(*n*).
    public func _checkInvariants() {
        precondition(nodes.count <= capacity, "LRUCache holds \(nodes.count) entries, capacity \(capacity)")
        var forward = 0
        var link: Link = head
        while let next = link.next {
            precondition(next.previous === link, "LRUCache: next.previous does not point back")
            if let node = next as? Node {
                precondition(nodes[node.key] === node, "LRUCache: a listed node is not in the dictionary")
                forward += 1
            } else {
                precondition(next === tail, "LRUCache: a sentinel in the middle of the list")
            }
            link = next
        }
        precondition(link === tail, "LRUCache: the forward walk did not end at the tail")
        var backward = 0
        link = tail
        while let previous = link.previous {
            if previous is Node { backward += 1 }
            link = previous
        }
        precondition(link === head, "LRUCache: the backward walk did not end at the head")
        precondition(
            forward == nodes.count && backward == nodes.count,
            "LRUCache: list has \(forward) nodes forward, \(backward) backward, dictionary \(nodes.count)")
    }
}

/// An ``LRUCache`` behind one `NSLock`: every operation, including
/// `value(forKey:)`, is a single critical section.
///
/// Synchronous and cheap; use it where callers are not `async` or where the
/// cache sits on a hot path. The lock is never held across an `await`, so it
/// never blocks the cooperative thread pool for longer than one O(1) update.
///
/// Why `NSLock` and not `Synchronization.Mutex`? `Mutex` is the idiomatic
/// choice and is `Sendable` with no `@unchecked` at all, but on Linux with
/// Swift 6.3.1 ThreadSanitizer does not see its futex-based locking and
/// reports false "Swift access race"s on the protected state. `NSLock` is a
/// pthread mutex, which TSan intercepts, so the lesson's concurrency tests
/// stay TSan-clean. The price is `@unchecked Sendable`, which is the lesson:
/// a hand-locked type is exactly what the compiler cannot check.
public final class LockedLRUCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    // @unchecked is sound: `cache` (a non-Sendable class) is private, never
    // escapes, and is touched only inside `withLock`, which holds `lock`.
    // Keys and values cross threads, hence `Key, Value: Sendable`.
    private let lock = NSLock()
    private let cache: LRUCache<Key, Value>

    /// The maximum number of entries.
    public let capacity: Int

    /// - Precondition: `capacity > 0`.
    /// - Complexity: O(1).
    public init(capacity: Int) {
        cache = LRUCache(capacity: capacity)
        self.capacity = capacity
    }

    private func withLock<Result>(_ body: (LRUCache<Key, Value>) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(cache)
    }

    /// The number of entries (a snapshot). Complexity: O(1).
    public var count: Int { withLock { $0.count } }

    /// Returns the value and marks it as the most recently used. It takes the
    /// exclusive lock: a read reorders the list.
    ///
    /// - Complexity: O(1) on average, plus the lock.
    public func value(forKey key: Key) -> Value? {
        withLock { $0.value(forKey: key) }
    }

    /// Stores the value as the most recently used entry.
    ///
    /// - Returns: The evicted entry, if any.
    /// - Complexity: O(1) on average, plus the lock.
    @discardableResult
    public func setValue(_ value: Value, forKey key: Key) -> (key: Key, value: Value)? {
        withLock { $0.setValue(value, forKey: key) }
    }

    /// Removes the entry for `key`.
    ///
    /// - Returns: The removed value, if any.
    /// - Complexity: O(1) on average, plus the lock.
    @discardableResult
    public func removeValue(forKey key: Key) -> Value? {
        withLock { $0.removeValue(forKey: key) }
    }

    /// Entries from least to most recently used (a snapshot).
    ///
    /// - Complexity: O(*n*), holding the lock.
    public var entries: [(key: Key, value: Value)] { withLock { $0.entries } }

    /// Checks the wrapped cache's invariants under the lock.
    ///
    /// - Complexity: O(*n*).
    public func _checkInvariants() { withLock { $0._checkInvariants() } }
}

/// An ``LRUCache`` owned by an actor: the compiler proves it is only touched
/// on the actor's executor, so there is no `@unchecked` anywhere.
///
/// Every call is an `await`, so use it where callers are already `async`.
/// Each method is atomic; a *sequence* of calls is not (another task may run
/// between two `await`s), so keep read-modify-write logic inside one method.
public actor LRUCacheActor<Key: Hashable & Sendable, Value: Sendable> {
    private let cache: LRUCache<Key, Value>

    /// The maximum number of entries.
    public nonisolated let capacity: Int

    /// - Precondition: `capacity > 0`.
    /// - Complexity: O(1).
    public init(capacity: Int) {
        cache = LRUCache(capacity: capacity)
        self.capacity = capacity
    }

    /// The number of entries. Complexity: O(1).
    public var count: Int { cache.count }

    /// Returns the value and marks it as the most recently used.
    ///
    /// - Complexity: O(1) on average, plus an actor hop.
    public func value(forKey key: Key) -> Value? {
        cache.value(forKey: key)
    }

    /// Stores the value as the most recently used entry.
    ///
    /// - Returns: The evicted entry, if any.
    /// - Complexity: O(1) on average, plus an actor hop.
    @discardableResult
    public func setValue(_ value: Value, forKey key: Key) -> (key: Key, value: Value)? {
        cache.setValue(value, forKey: key)
    }

    /// Removes the entry for `key`.
    ///
    /// - Returns: The removed value, if any.
    /// - Complexity: O(1) on average, plus an actor hop.
    @discardableResult
    public func removeValue(forKey key: Key) -> Value? {
        cache.removeValue(forKey: key)
    }

    /// Entries from least to most recently used.
    ///
    /// - Complexity: O(*n*).
    public var entries: [(key: Key, value: Value)] { cache.entries }

    /// Checks the wrapped cache's invariants.
    ///
    /// - Complexity: O(*n*).
    public func _checkInvariants() { cache._checkInvariants() }
}
