import Synchronization

/// Dictionary capacity: pre-size with `minimumCapacity`, know that removal
/// never shrinks, rebuild to give memory back, and hash well or every
/// operation becomes a linear scan.
///
/// ```swift
/// var sessions = [String: Int](minimumCapacity: 10_000)  // one allocation
/// // … 9 000 sessions expire and are removed: capacity is still ≥ 10 000
/// sessions = DictionaryCapacity.compacted(sessions)       // now sized for what is left
/// ```
///
/// ## Why interviewers ask this
/// Go's `make(map[K]V, n)` hint and the fact that Go maps never shrink are a
/// classic memory-leak story (a cache that once held a million keys). Swift's
/// `Dictionary` behaves the same way, and interviewers ask whether you know
/// it, how you would fix it, and what a bad `hash(into:)` does to the O(1)
/// you are promising.
///
/// ## Common pitfalls
/// - Expecting `removeValue(forKey:)` or `removeAll(keepingCapacity: true)`
///   to release memory: the hash table keeps its size. Long-lived maps that
///   spike and drain hold their peak forever unless rebuilt (``compacted(_:)``).
/// - Growing a large dictionary one insert at a time when the size is known:
///   each growth allocates a table twice as large and rehashes every key.
///   `Dictionary(minimumCapacity:)` or `reserveCapacity(_:)` does it once.
/// - A `hash(into:)` that ignores the fields `==` compares
///   (``ConstantHashKey``): still *correct*, because equality decides, but every
///   key lands in one probe run and lookups compare against all of them, O(n).
/// - Hashing fewer fields than `==` compares is legal; hashing *more* (or
///   different) fields breaks the contract: equal keys must hash equally.
/// - Asserting iteration order: it depends on a per-process random seed
///   (`SWIFT_DETERMINISTIC_HASHING=1` turns it off, for debugging only).
///
/// ## Key takeaway
/// Capacity only grows: it doubles when the table is full (load factor ¾), so
/// inserts are amortized O(1); removal leaves the table as large as it ever
/// was. Pre-size when you know n, rebuild when a long-lived map drains, and
/// let the compiler synthesise `Hashable` unless you have a reason not to.
///
/// ## Go → Swift
/// Go's `make(map[string]int, 1000)` is `Dictionary(minimumCapacity: 1000)`.
/// Go's `map_allocation.go` only says in a comment that maps never shrink;
/// here a test asserts it, and the Go fix (copy into a new map) is the Swift
/// fix. Unlike a Go map, a Swift dictionary is a value: a
/// copy is independent (copy-on-write, see `memory.array-capacity-and-copy-on-write`).
/// Go rejects non-comparable keys at compile time; Swift asks for `Hashable`,
/// which you can get badly wrong at run time, as the constant-hash key shows.
public enum DictionaryCapacity {
    /// Capacity before and after filling a pre-sized dictionary.
    public struct Presized: Equatable, Sendable {
        public var initialCapacity: Int
        public var finalCapacity: Int
    }

    /// Creates `Dictionary(minimumCapacity: count)` and inserts `count` keys.
    /// - Complexity: one table allocation, O(count) inserts, no rehashing.
    public static func presized(count: Int) -> Presized {
        var squares = [Int: Int](minimumCapacity: count)
        let initialCapacity = squares.capacity
        for key in 0..<count { squares[key] = key * key }
        return Presized(initialCapacity: initialCapacity, finalCapacity: squares.capacity)
    }

    /// The `(count, capacity)` pairs at which a growing dictionary resized
    /// while `count` keys were inserted one by one.
    /// - Complexity: O(count) amortized; O(log count) resizes.
    public static func growthPoints(inserting count: Int) -> [(count: Int, capacity: Int)] {
        var table: [Int: Int] = [:]
        var points: [(count: Int, capacity: Int)] = []
        for key in 0..<count {
            let before = table.capacity
            table[key] = key
            if table.capacity != before { points.append((table.count, table.capacity)) }
        }
        return points
    }

    /// Capacity of a dictionary of `count` keys before and after removing
    /// the first `removing` of them.
    public static func capacityAfterRemoval(count: Int, removing: Int) -> (before: Int, after: Int) {
        var table = Dictionary(uniqueKeysWithValues: (0..<count).map { ($0, $0) })
        let before = table.capacity
        for key in 0..<removing { table.removeValue(forKey: key) }
        return (before, table.capacity)
    }

    /// A copy of `dictionary` in a table sized for its current count: the
    /// only way to give a drained dictionary's memory back.
    /// - Complexity: O(n), one allocation.
    public static func compacted<Key: Hashable, Value>(_ dictionary: [Key: Value]) -> [Key: Value] {
        var compact = [Key: Value](minimumCapacity: dictionary.count)
        for (key, value) in dictionary { compact[key] = value }
        return compact
    }

    // MARK: Hash quality

    /// Counts `==` calls, so tests can see how many keys a lookup compared
    /// against. `Sendable` through `Atomic`, so keys that share it stay
    /// `Sendable` too.
    public final class EqualityCounter: Sendable {
        private let calls = Atomic(0)

        public init() {}

        public var count: Int { calls.load(ordering: .relaxed) }

        func record() {
            calls.add(1, ordering: .relaxed)
        }
    }

    /// The fix: hashes exactly what `==` compares, so keys spread over the
    /// table and a lookup compares against O(1) keys on average.
    public struct WellHashedKey: Hashable, Sendable {
        public let id: Int
        let counter: EqualityCounter

        public init(_ id: Int, counter: EqualityCounter) {
            self.id = id
            self.counter = counter
        }

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.counter.record()
            return lhs.id == rhs.id
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(id)
        }
    }

    /// The pitfall: a legal but degenerate hash. Every key collides, so the
    /// dictionary is still correct but degrades to a linear scan: inserting n
    /// keys costs at least n(n−1)/2 comparisons.
    public struct ConstantHashKey: Hashable, Sendable {
        public let id: Int
        let counter: EqualityCounter

        public init(_ id: Int, counter: EqualityCounter) {
            self.id = id
            self.counter = counter
        }

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.counter.record()
            return lhs.id == rhs.id
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(0)  // ignores `id`: equal keys still hash equally, so this is legal, and slow
        }
    }

    /// Inserts `count` keys made by `makeKey`, then looks every one up, and
    /// returns how many `==` calls that took and whether every lookup found its value.
    public static func insertAndLookUp<Key: Hashable>(
        count: Int, counter: EqualityCounter, makeKey: (Int) -> Key
    ) -> (comparisons: Int, allFound: Bool) {
        var table: [Key: Int] = [:]
        for id in 0..<count { table[makeKey(id)] = id }
        let allFound = (0..<count).allSatisfy { table[makeKey($0)] == $0 }
        return (counter.count, allFound && table.count == count)
    }
}
