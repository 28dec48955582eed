/// Collection internals: `Array`, `Dictionary` and `String` are one or two
/// words on the stack pointing at a heap buffer, with a few representation
/// tricks worth knowing in an interview.
///
/// ```swift
/// MemoryLayout<[Int]>.size          // 8: one pointer to a header + inline elements
/// MemoryLayout<String>.size         // 16: up to 15 UTF-8 bytes stored inline, no heap
/// MemoryLayout<Substring>.size      // 32: the base String plus a range of indices
/// var d: [Int: Int] = [:]           // capacities 0, 1, 3, 6, 12, 24, …: ⌊2^k · ¾⌋
/// ```
///
/// ## Why interviewers ask this
/// Go candidates are asked what a slice header and a map bucket look like;
/// the Swift version is "what is an `Array` in memory, why does copying it cost
/// nothing, and why doesn't my dictionary shrink?". Knowing that an array is a
/// single reference to `_ContiguousArrayStorage` (object header, count,
/// capacity, then the elements), that every empty array shares one static
/// object, that `Dictionary` is an open-addressing table that keeps a load
/// factor of ¾ and never shrinks on removal, and that short strings never touch
/// the heap, lets you reason about allocations without a profiler.
///
/// ## Common pitfalls
/// - Expecting `removeValue(forKey:)` or `removeAll(keepingCapacity: true)` to
///   give memory back. Capacity only grows; rebuild the collection
///   (``rebuiltToFit(_:)``) or `removeAll()` to release it.
/// - Assuming iteration order: `Dictionary` and `Set` hash with a per-process
///   random seed (and a per-instance one, so two equal sets may iterate
///   differently). `SWIFT_DETERMINISTIC_HASHING=1` fixes the seed for
///   debugging only; code must never depend on the order.
/// - Storing `Substring`s long-term: a 32-byte view that keeps the whole base
///   string's buffer alive. Convert with `String(substring)`.
/// - Thinking a 16-character identifier is "just a small string": past 15
///   UTF-8 bytes the string needs a heap allocation (runtime-built strings;
///   literals point at constant data in the binary).
///
/// ## Key takeaway
/// The standard collections are tiny handles onto reference-counted buffers:
/// copying a handle is a retain, and copy-on-write defers the real copy. Know
/// the growth policy (geometric for arrays, powers of two at ¾ load for hash
/// tables) and that nothing shrinks automatically.
///
/// ## Go → Swift
/// A Go slice header is three words (pointer, len, cap) and a Go map is a
/// pointer to a hash table: since Go 1.24 a Swiss table (groups of 8 slots
/// with control bytes, load factor 7/8), before it an `hmap` with 8-entry
/// buckets, load factor 6.5 and incremental growth; Go randomises map
/// iteration on purpose. Swift's `Array`
/// keeps count and capacity in the heap header (so the handle is one word),
/// `Dictionary` uses linear probing with a bitmap and grows all at once, and
/// iteration order follows from per-instance hash seeds. A Go `string` is two
/// words (pointer, length) and always points at bytes; Swift's `String` is
/// 16 bytes and stores short strings inline.
public enum CollectionInternals {
    /// The longest string, in UTF-8 bytes, stored inside the `String` value
    /// itself on 64-bit platforms.
    public static let smallStringCapacity = 15

    /// Handle sizes in bytes, read with `MemoryLayout`.
    public struct HandleSizes: Equatable, Sendable {
        public var array: Int
        public var dictionary: Int
        public var set: Int
        public var string: Int
        public var substring: Int
        public var character: Int
    }

    /// The handle sizes on this platform.
    public static func handleSizes() -> HandleSizes {
        HandleSizes(
            array: MemoryLayout<[Int]>.size,
            dictionary: MemoryLayout<[String: Int]>.size,
            set: MemoryLayout<Set<Int>>.size,
            string: MemoryLayout<String>.size,
            substring: MemoryLayout<Substring>.size,
            character: MemoryLayout<Character>.size)
    }

    /// The address of `array`'s first element slot (non-nil even when empty:
    /// an empty array points into the shared empty-array object).
    public static func elementsAddress<Element>(_ array: [Element]) -> UInt {
        array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    /// The array handle's single word: the address of its storage object.
    ///
    /// - Important: Educational, not API (it reinterprets the handle).
    public static func storageObjectAddress<Element>(_ array: [Element]) -> UInt {
        unsafeBitCast(array, to: UInt.self)
    }

    /// Empties `array` and gives its buffer back, so it points at the shared
    /// empty storage again.
    public static func emptyAndRelease(_ array: inout [Int]) {
        array.removeAll()
    }

    /// Every distinct capacity a dictionary passes through while `count`
    /// keys are inserted one by one, in order.
    /// - Complexity: O(`count`).
    public static func dictionaryCapacities(inserting count: Int) -> [Int] {
        var dictionary: [Int: Int] = [:]
        var capacities = [dictionary.capacity]
        for key in 0..<count {
            dictionary[key] = key
            if dictionary.capacity != capacities.last { capacities.append(dictionary.capacity) }
        }
        return capacities
    }

    /// Whether `capacity` is a hash-table capacity: ⌊2^k · ¾⌋ for some k ≥ 0
    /// (0 is the empty singleton). Buckets are a power of two and the table
    /// grows once ¾ of them are full.
    public static func isHashTableCapacity(_ capacity: Int) -> Bool {
        (0..<Int.bitWidth - 2).contains { k in (1 << k) * 3 / 4 == capacity }
    }

    /// A copy of `dictionary` sized for its current count: the only way to
    /// shrink a hash table, since removals never do.
    /// - Complexity: O(*n*).
    public static func rebuiltToFit<Key, Value>(_ dictionary: [Key: Value]) -> [Key: Value] {
        Dictionary(uniqueKeysWithValues: dictionary.map { ($0.key, $0.value) })
    }

    /// Whether `string` keeps its UTF-8 bytes inside the 16-byte value (the
    /// small form) rather than behind a pointer.
    ///
    /// - Important: Educational, not API: it looks for the string's bytes in
    ///   the value's raw representation.
    public static func isStoredInline(_ string: String) -> Bool {
        var string = string
        let utf8 = Array(string.utf8)
        let raw = withUnsafeBytes(of: &string) { Array($0) }
        return raw.starts(with: utf8)
    }
}
