import Synchronization

/// Unsafe pointers: borrowed views of memory that live only inside a closure,
/// and manual memory you must initialise, deinitialise and free yourself.
///
/// ```swift
/// let total = unsafe numbers.withUnsafeBufferPointer { buffer in
///     var sum = 0
///     for unsafe value in unsafe buffer { sum += value }
///     return sum  // return a value, never the pointer
/// }
/// ```
///
/// ## Why interviewers ask this
/// Server code meets raw memory at every boundary: parsing bytes off a
/// socket, calling C (zlib, OpenSSL, SQLite), hashing a buffer without
/// copying it. Interviewers check that you know which guarantees you give up
/// (bounds checks, lifetimes, initialisation, type safety), which rules you
/// take on instead (the pointer's scope, alignment, memory binding), and
/// that Swift 6.2's strict memory safety makes every such place greppable
/// with the `unsafe` keyword.
///
/// ## Common pitfalls
/// - Returning or storing the pointer a `withUnsafe…` closure hands you. It
///   compiles, but the pointer is only valid inside the closure: after it,
///   the array may move or die (``escapingBaseAddress(of:)``).
/// - `load(fromByteOffset:as:)` at a misaligned address (in a byte array,
///   an offset that is not a multiple of the type's alignment) traps in
///   debug builds with "load from misaligned raw pointer" and is undefined
///   behaviour in release builds. Byte streams need `loadUnaligned`
///   (``loadUInt32AssumingAlignment(from:atByteOffset:)``).
/// - `deallocate()` without `deinitialize(count:)` frees the slots but never
///   releases the objects in them: the +1 retain that `initialize(to:)`
///   stored in each slot is never released, so the objects never die
///   (``leakingRoundTrip(count:counter:)``).
/// - `assumingMemoryBound(to:)` is a promise, not a conversion: using it on
///   memory bound to another type is undefined behaviour. Read bytes with
///   `load`/`loadUnaligned`, or `withMemoryRebound` for a scoped rebind.
/// - Expecting a `String` made from bytes to follow later changes to those
///   bytes, as Go's `unsafe.String` does. `String(decoding:as:)` copies.
///
/// ## Key takeaway
/// Do the work inside the closure and return a value. Pair every
/// `allocate` with `deallocate` and every `initialize` with `deinitialize`.
/// Read unaligned bytes with `loadUnaligned`. Mark each unsafe expression
/// with `unsafe`, so a reviewer can find all of them with one search.
///
/// ## Go → Swift
/// Go's `unsafe_pointer.go` turns `[]byte` into a `string` with no copy via
/// `unsafe.String`, so a later write to the bytes changes the "immutable"
/// string. The seed's tests never show that danger. In Swift, `withUTF8`
/// lends you a string's bytes with no copy, but only for the closure's
/// duration, and `String(decoding:as:)` always copies (and repairs invalid
/// UTF-8 with U+FFFD), so the aliasing bug cannot happen. Go's `new(T)`
/// returns zeroed, garbage-collected memory. Swift's raw counterpart,
/// `UnsafeMutablePointer<T>.allocate(capacity:)`, returns *uninitialised*
/// memory that you must free yourself. Everyday Swift never needs it:
/// initialisers do both of Go's jobs, `Point()` for `new` and
/// `[Int](repeating: 0, count: n)` or `reserveCapacity(_:)` for `make`.
public enum UnsafePointers {
    // MARK: Borrowed views

    /// Sums `numbers` through a buffer pointer: no bounds checks in the loop
    /// of a release build (debug builds still check the subscript).
    ///
    /// The pointer exists only inside the closure. The closure returns the
    /// sum, a value, which is the safe way out.
    /// - Complexity: O(*n*).
    public static func sum(_ numbers: [Int]) -> Int {
        unsafe numbers.withUnsafeBufferPointer { buffer in
            var total = 0
            // `for unsafe value in unsafe buffer` is the direct form, but
            // swift-format 6.3 rewrites it to `for unsafevalue …`; indices avoid that.
            for index in buffer.indices { total &+= unsafe buffer[index] }
            return total
        }
    }

    /// Reads `numbers[index]` by pointer arithmetic: `(base + index).pointee`.
    ///
    /// `base + index` advances by `index * MemoryLayout<Int>.stride` bytes;
    /// nothing checks that the result is still inside the array, so the
    /// precondition is ours to enforce.
    /// - Precondition: `numbers.indices.contains(index)`.
    /// - Complexity: O(1).
    public static func element(of numbers: [Int], at index: Int) -> Int {
        precondition(numbers.indices.contains(index), "index \(index) is outside 0..<\(numbers.count)")
        return unsafe numbers.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            return unsafe (base + index).pointee
        }
    }

    /// **Pitfall.** Returns the address of the array's storage *out of* the
    /// closure. It compiles, but the pointer is dangling as soon as the array
    /// is mutated (copy-on-write moves it) or freed. Never dereference it;
    /// the tests only compare it.
    public static func escapingBaseAddress(of numbers: [Int]) -> UnsafePointer<Int>? {
        unsafe numbers.withUnsafeBufferPointer { buffer in buffer.baseAddress }
    }

    // MARK: Raw bytes

    /// The bytes of `value` as they sit in memory: little-endian on x86_64
    /// and arm64, so `0x0403_0201` gives `[1, 2, 3, 4]`.
    public static func memoryBytes(of value: UInt32) -> [UInt8] {
        unsafe withUnsafeBytes(of: value) { bytes in unsafe Array(bytes) }
    }

    /// Reads a `UInt32` from any byte offset, aligned or not: what a protocol
    /// parser needs, since fields in a byte stream fall wherever they fall.
    /// - Precondition: `offset + 4 <= bytes.count` (the buffer checks it).
    public static func loadUInt32(from bytes: [UInt8], atByteOffset offset: Int) -> UInt32 {
        unsafe bytes.withUnsafeBytes { raw in
            unsafe raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        }
    }

    /// **Pitfall.** `load(fromByteOffset:as:)` requires the address to be a
    /// multiple of `MemoryLayout<UInt32>.alignment` (4). At an odd offset a
    /// debug build traps with "load from misaligned raw pointer"; a release
    /// build may skip the check, which makes it undefined behaviour.
    public static func loadUInt32AssumingAlignment(from bytes: [UInt8], atByteOffset offset: Int) -> UInt32 {
        unsafe bytes.withUnsafeBytes { raw in
            unsafe raw.load(fromByteOffset: offset, as: UInt32.self)
        }
    }

    // MARK: Manual memory

    /// Counts deinitialisations. Thread-safe, so parallel tests can each own one.
    public final class DeinitCounter: Sendable {
        private let deinits = Atomic<Int>(0)

        public init() {}

        /// How many ``Tracked`` objects reporting here have been destroyed.
        public var count: Int { deinits.load(ordering: .acquiring) }

        func recordDeinit() {
            deinits.add(1, ordering: .releasing)
        }
    }

    /// An object that reports its own destruction, to make leaks visible.
    public final class Tracked: Sendable {
        public let id: Int
        private let counter: DeinitCounter

        public init(id: Int, counter: DeinitCounter) {
            self.id = id
            self.counter = counter
        }

        deinit { counter.recordDeinit() }
    }

    /// Allocates room for `count` objects, initialises each slot, reads the
    /// ids back through the pointer, then deinitialises and frees the memory:
    /// the full life cycle ARC normally runs for you.
    /// - Returns: the ids read through the pointer, `0..<count`.
    /// - Precondition: `count > 0`.
    public static func manuallyManagedRoundTrip(count: Int, counter: DeinitCounter) -> [Int] {
        precondition(count > 0, "count must be positive, got \(count)")
        // Like Go's `new`, but the memory is uninitialised and not collected.
        let base = UnsafeMutablePointer<Tracked>.allocate(capacity: count)
        for index in 0..<count {
            unsafe (base + index).initialize(to: Tracked(id: index, counter: counter))
        }
        let ids = (0..<count).map { index in unsafe base[index].id }
        unsafe base.deinitialize(count: count)
        unsafe base.deallocate()
        return ids
    }

    /// **Pitfall.** The same round trip without `deinitialize(count:)`: the
    /// memory is freed, but the objects inside were never released, so they
    /// live forever and their `deinit` never runs.
    public static func leakingRoundTrip(count: Int, counter: DeinitCounter) -> [Int] {
        precondition(count > 0, "count must be positive, got \(count)")
        let base = UnsafeMutablePointer<Tracked>.allocate(capacity: count)
        for index in 0..<count {
            unsafe (base + index).initialize(to: Tracked(id: index, counter: counter))
        }
        let ids = (0..<count).map { index in unsafe base[index].id }
        unsafe base.deallocate()
        return ids
    }

    // MARK: Strings and bytes

    /// The UTF-8 bytes of `string`, read through `withUTF8`.
    ///
    /// `withUTF8` lends the string's own storage (no copy) for the closure's
    /// duration. It is `mutating` because a bridged or non-contiguous string
    /// is first made native and contiguous. Here the only copy is the
    /// `Array` we build on purpose.
    public static func utf8Bytes(of string: String) -> [UInt8] {
        var string = string
        return string.withUTF8 { bytes in unsafe Array(bytes) }
    }

    /// Counts ASCII digits by scanning the borrowed UTF-8 bytes in place: the
    /// zero-copy read that Go reaches for `unsafe` to get.
    /// - Complexity: O(*n*) in the UTF-8 length, no allocation for native strings.
    public static func asciiDigitCount(in string: String) -> Int {
        var string = string
        return string.withUTF8 { bytes in
            var digits = 0
            for index in bytes.indices where (0x30...0x39).contains(unsafe bytes[index]) { digits += 1 }
            return digits
        }
    }

    /// Makes a `String` from bytes. It **copies** them and replaces every
    /// invalid UTF-8 sequence with U+FFFD, so later writes to `bytes` cannot
    /// change the string (Go's `unsafe.String` would alias them).
    public static func decodedString(from bytes: UnsafeBufferPointer<UInt8>) -> String {
        unsafe String(decoding: bytes, as: UTF8.self)
    }

    /// Makes a `String` only if `bytes` are valid UTF-8; `nil` otherwise.
    /// Use it where garbage must be rejected rather than repaired.
    public static func validatedString(from bytes: [UInt8]) -> String? {
        String(validating: bytes, as: UTF8.self)
    }
}
