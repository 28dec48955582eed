/// A hash map with open addressing, the design of Swift's own `Dictionary`:
/// every entry lives in one flat array of slots, and a key that finds its
/// home slot taken tries the next one (linear probing). The production
/// sibling of ``ChainedHashMap`` (the chaining lesson): same API, same
/// oracle tests, within 2x of `Dictionary` at 1k, 100k and 1M keys (borderline
/// at 10k) where chaining is 4-8x.
///
/// ```swift
/// var ages = OpenAddressingHashMap<String, Int>()
/// ages["ada"] = 36
/// ages["alan"] = 41
/// ages.removeValue(forKey: "ada")      // 36; the probe run behind it is repaired
/// ages["alan"]                         // 41
/// ```
///
/// ## Why interviewers ask this
/// "How does `Dictionary` (or Go's map, or Java's `HashMap`) actually store
/// entries?" separates candidates who know chaining from those who know why
/// production tables avoid it: one flat allocation, neighbouring probes in
/// the same cache line, no pointer per entry. The follow-up is deletion:
/// with open addressing you cannot simply empty a slot.
///
/// ## Common pitfalls
/// - Emptying a slot on delete. A lookup stops at the first empty slot, so
///   every key further along the same probe run becomes unreachable: still
///   stored, never found. Use tombstones (marked "deleted, keep probing") or
///   backward-shift deletion (here).
/// - Tombstones that are never cleaned: they count as occupied for probing,
///   so a delete-heavy workload lengthens every probe until a rehash.
/// - A load factor near 1: with linear probing, a miss's expected probe
///   length grows like 1/(1 − α)², so keep α ≤ ¾ and double.
/// - Masking a weak hash: `h & (capacity − 1)` keeps only the low bits;
///   Swift's `Hasher` mixes every bit, a hand-rolled `h*31` does not.
/// - A full table: with no empty slot, an unsuccessful lookup never stops.
///   The load-factor bound is what guarantees termination.
/// - Copying one table into another in iteration order. Iteration visits
///   slots in order, so a smaller table receives the keys grouped by home
///   slot: once the source's later slots wrap onto the homes its earlier
///   slots filled, the runs there grow long and every insert probes past
///   them. `Dictionary` prevents this with a hash seed per table; this map
///   uses `hashValue` unseeded, for clarity, so copy it with `var copy = map`
///   (which shares the table until a write) rather than by re-inserting.
///
/// ## Key takeaway
/// Open addressing is a single array of slots probed in order: fast because
/// it is flat, tricky only on delete. Backward shift keeps runs gap-free
/// without tombstones; a ¾ load factor keeps probes short. In real code use
/// `Dictionary`, which is this design plus an occupancy bitmap and a hash
/// seed per table.
///
/// ## Edges, audited
/// - Overflow: the home slot masks `hashValue` (`& (capacity − 1)`), so a
///   negative hash is never a negative index, and each probe step wraps with
///   the same mask; `(count + 1) * 4` would need more than `Int.max / 4`
///   entries to overflow.
/// - Unicode: `String` keys hash and compare by canonical equivalence, as in
///   ``ChainedHashMap``.
/// - Depth: no recursion. Every probe is a loop that ends at an empty slot,
///   which the ¾ load factor guarantees exists.
///
/// ## Performance, measured
/// `cd Benchmarks && ./compare --target HandbookDataStructuresBenchmarks`, n
/// inserts of random `Int` keys then n lookups, over four runs: 0.95-1.3x
/// `Dictionary` at 1k keys, 0.85-1.1x at 100k, 0.87-1.12x at 1M, where
/// ``ChainedHashMap`` takes 5.5-7.6x at 100k. At 10k it varies most,
/// 1.0-2.2x (above 2x in two runs of four); a likely cause, not profiled, is
/// the slot size: `(key, value)?` takes 24 bytes where `Dictionary` spends 16
/// and an occupancy bit, and at 16,384 slots that decides whether the table
/// stays in the L2 cache. From 10k keys up both this map and `Dictionary`
/// take 20-25 times as long for 10 times the keys: the table outgrows the
/// caches and most probes become cache misses. What changed from
/// ``ChainedHashMap``:
/// - **One allocation for the whole table** instead of one array per bucket:
///   100k inserts allocate 16 times (the first table, then 15 doublings),
///   not ~295k times.
/// - **Probing neighbours instead of chasing pointers**: the next slot to
///   try is usually in the same cache line.
/// - **Deletion by backward shift, not tombstones**: each later entry of the
///   run moves back into the hole when the hole lies between its home and
///   its slot, so the table never holds a gap inside a run, and no tombstone
///   lengthens later probes.
///
/// - Invariant: `capacity` is a power of two, at least
///   ``minimumCapacity``; `count * 4 <= capacity * 3`; `count` slots are
///   occupied; every slot from a key's home slot to its own is occupied; no
///   key appears twice. Debug builds check the run each mutation touched
///   (``_checkInvariants(aroundSlot:)``), and everything after a resize.
public struct OpenAddressingHashMap<Key: Hashable, Value> {
    /// One entry.
    public typealias Element = (key: Key, value: Value)

    /// The capacity of an empty map; always a power of two.
    public static var minimumCapacity: Int { 8 }

    private var slots: ContiguousArray<Element?>

    /// The number of key-value pairs.
    /// - Complexity: O(1).
    public private(set) var count: Int

    /// An empty map with ``minimumCapacity`` slots.
    /// - Complexity: O(1).
    public init() {
        slots = ContiguousArray(repeating: nil, count: Self.minimumCapacity)
        count = 0
    }

    /// Whether the map has no entries.
    /// - Complexity: O(1).
    public var isEmpty: Bool { count == 0 }

    /// The number of slots; doubles whenever `count` would exceed ¾ of it.
    /// - Complexity: O(1).
    public var capacity: Int { slots.count }

    /// The slot where a probe for `key` starts.
    private func home(of key: Key, mask: Int) -> Int {
        key.hashValue & mask
    }

    /// The slot holding `key`, or the empty slot that ends its probe run
    /// (where an insert would put it). The load factor bound guarantees an
    /// empty slot, so the loop ends.
    private func find(_ key: Key) -> (slot: Int, found: Bool) {
        let mask = slots.count &- 1
        var slot = home(of: key, mask: mask)
        while let entry = slots[slot] {
            if entry.key == key { return (slot, true) }
            slot = (slot &+ 1) & mask
        }
        return (slot, false)
    }

    /// The value for `key`; assigning `nil` removes it.
    /// - Complexity: O(1) on average; O(n) if every key shares one home slot.
    public subscript(key: Key) -> Value? {
        get {
            let (slot, found) = find(key)
            return found ? slots[slot]?.value : nil
        }
        set {
            if let newValue {
                updateValue(newValue, forKey: key)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Inserts or replaces the value for `key`.
    /// - Returns: the value it replaced, or `nil` if `key` was new.
    /// - Complexity: O(1) amortized on average.
    @discardableResult
    public mutating func updateValue(_ value: Value, forKey key: Key) -> Value? {
        var (slot, found) = find(key)
        if found {
            // Only the value changes: like `Dictionary`, the map keeps the key
            // it stored first (observable with keys that are equal but differ).
            let old = slots[slot]?.value
            slots[slot]?.value = value
            checkInvariantsInDebug(aroundSlot: slot)
            return old
        }
        if (count + 1) * 4 > slots.count * 3 {
            resize(to: slots.count * 2)
            #if HANDBOOK_INTERNAL_CHECKS
                _checkInvariants()  // O(capacity), like the resize itself
            #endif
            slot = find(key).slot
        }
        slots[slot] = (key, value)
        count += 1
        checkInvariantsInDebug(aroundSlot: slot)
        return nil
    }

    /// Removes `key` and its value, then shifts the rest of its probe run
    /// back so that no later key is cut off from its home slot.
    /// - Returns: the removed value, or `nil` if `key` was absent.
    /// - Complexity: O(1) on average (the length of one probe run).
    @discardableResult
    public mutating func removeValue(forKey key: Key) -> Value? {
        let (slot, found) = find(key)
        guard found, let removed = slots[slot] else { return nil }
        let mask = slots.count &- 1
        var hole = slot
        var next = (hole &+ 1) & mask
        while let entry = slots[next] {
            let entryHome = home(of: entry.key, mask: mask)
            // The entry may fill the hole only if the hole lies on its probe
            // path, between its home and where it sits (cyclically).
            if (next &- entryHome) & mask >= (next &- hole) & mask {
                slots[hole] = entry
                hole = next
            }
            next = (next &+ 1) & mask
        }
        slots[hole] = nil
        count -= 1
        checkInvariantsInDebug(aroundSlot: slot)
        checkInvariantsInDebug(aroundSlot: (hole &+ 1) & mask)
        return removed.value
    }

    /// Re-inserts every entry into `newCapacity` slots: a key's home depends
    /// on the capacity.
    /// - Complexity: O(n + newCapacity).
    private mutating func resize(to newCapacity: Int) {
        var newSlots = ContiguousArray<Element?>(repeating: nil, count: newCapacity)
        let mask = newCapacity &- 1
        for case let entry? in slots {
            var slot = home(of: entry.key, mask: mask)
            while newSlots[slot] != nil { slot = (slot &+ 1) & mask }
            newSlots[slot] = entry
        }
        slots = newSlots
    }

    @inline(__always)
    private func checkInvariantsInDebug(aroundSlot slot: Int) {
        #if HANDBOOK_INTERNAL_CHECKS
            _checkInvariants(aroundSlot: slot)
        #endif
    }

    /// The invariants one mutation can break: the global bounds, and the
    /// probe run that holds `slot` (or, if `slot` is empty, the run right
    /// after it): every entry of the run is reachable from its home slot
    /// without crossing an empty one, and no key appears twice in it. Called
    /// after every mutation in debug builds; a full check after each of
    /// 10,000 inserts would be quadratic.
    /// - Complexity: O(r²) for a run of r entries: O(1) with a good hash.
    public func _checkInvariants(aroundSlot slot: Int) {
        let capacity = slots.count
        precondition(
            capacity >= Self.minimumCapacity && capacity & (capacity - 1) == 0,
            "capacity \(capacity) is not a power of two >= \(Self.minimumCapacity)")
        precondition(count * 4 <= capacity * 3, "load factor \(count)/\(capacity) exceeds 3/4")
        let mask = capacity - 1
        // The load factor leaves an empty slot, so both walks end.
        var start = slot & mask
        if slots[start] == nil { start = (start + 1) & mask }
        while slots[(start - 1) & mask] != nil { start = (start - 1) & mask }
        var run: [Key] = []
        var position = start
        while let entry = slots[position] {
            let entryHome = home(of: entry.key, mask: mask)
            precondition(
                (position - entryHome) & mask <= (position - start) & mask,
                "key \(entry.key) in slot \(position) is cut off from its home slot \(entryHome)")
            precondition(!run.contains(entry.key), "key \(entry.key) appears twice")
            run.append(entry.key)
            position = (position + 1) & mask
        }
    }

    /// Traps unless the invariants listed on the type hold.
    /// - Complexity: O(capacity × longest probe run).
    public func _checkInvariants() {
        let capacity = slots.count
        precondition(
            capacity >= Self.minimumCapacity && capacity & (capacity - 1) == 0,
            "capacity \(capacity) is not a power of two >= \(Self.minimumCapacity)")
        precondition(count * 4 <= capacity * 3, "load factor \(count)/\(capacity) exceeds 3/4")
        precondition(slots.count { $0 != nil } == count, "count \(count) differs from the occupied slots")
        let mask = capacity - 1
        for (slot, entry) in slots.enumerated() {
            guard let entry else { continue }
            var probe = home(of: entry.key, mask: mask)
            while probe != slot {
                guard let other = slots[probe] else {
                    preconditionFailure(
                        "key \(entry.key) in slot \(slot) is cut off from its home by empty slot \(probe)")
                }
                precondition(other.key != entry.key, "key \(entry.key) appears twice")
                probe = (probe + 1) & mask
            }
        }
    }
}

extension OpenAddressingHashMap: Sequence {
    /// Visits every entry once, in slot order (which depends on the hash seed).
    /// - Complexity: O(capacity) for a full iteration.
    public func makeIterator() -> Iterator {
        Iterator(slots: slots)
    }

    /// Walks the slots, skipping the empty ones.
    public struct Iterator: IteratorProtocol {
        let slots: ContiguousArray<Element?>
        var position = 0

        public mutating func next() -> Element? {
            while position < slots.count {
                defer { position += 1 }
                if let entry = slots[position] { return entry }
            }
            return nil
        }
    }

    /// - Complexity: O(1).
    public var underestimatedCount: Int { count }
}

extension OpenAddressingHashMap: ExpressibleByDictionaryLiteral {
    /// A map of the literal's pairs; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (Key, Value)...) {
        self.init()
        for (key, value) in elements { updateValue(value, forKey: key) }
    }
}
