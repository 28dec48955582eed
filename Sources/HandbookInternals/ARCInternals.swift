/// ARC internals: every class instance starts with a two-word header (type
/// metadata and inline reference counts), and three counts decide when it is
/// deinitialised, freed and forgotten.
///
/// ```swift
/// let object = ARCInternals.Probe()
/// ARCInternals.strongCount(object)       // educational, not API: watch it move by +1/-1
/// var copy = object                      // strong +1: isKnownUniquelyReferenced is now false
/// weak var observer = object             // first weak ref: a side table is allocated
/// ```
///
/// ## Why interviewers ask this
/// "How does Swift manage memory without a GC?" is followed by "what does a
/// retain actually do?" The interviewer wants the object layout (isa/metadata
/// pointer plus a 64-bit refcount word), the three counts and what each
/// controls, why weak references need a side table, why
/// `isKnownUniquelyReferenced` is the copy-on-write primitive, and how
/// `Unmanaged` lets you move a reference through a C `void *` without losing
/// or leaking a count.
///
/// ## Common pitfalls
/// - Asserting absolute values of `_getRetainCount`. The underscored functions
///   are runtime debugging aids, not API: the optimiser removes or adds
///   retains, and temporaries count too. Compare *relative* changes only, and
///   only in debug builds (this lesson's tests do exactly that).
/// - Believing `deinit` frees the memory. Strong count 0 runs `deinit`; the
///   memory stays until the unowned count reaches 0 (which is why a stale
///   `unowned` read can trap with a clear message instead of reading garbage);
///   a weak reference keeps only the small side table alive.
/// - Treating `weak` as free. The first weak reference moves the counts into
///   a heap-allocated side table; every weak load is an atomic operation on it.
/// - Unbalanced `Unmanaged`: `passRetained` without a matching
///   `takeRetainedValue()`/`release()` leaks; `takeRetainedValue()` on a
///   `passUnretained` pointer over-releases and crashes later.
/// - Calling `isKnownUniquelyReferenced` on a copy (a `let`, or a value
///   passed by value): the copy itself is a second strong reference. It takes
///   the reference `inout`, and only class references (not `[Int]`).
///
/// ## Key takeaway
/// Retain and release are atomic increments and decrements of the refcount
/// word in the object header. Strong count 0 runs `deinit`; unowned count 0
/// frees the memory; weak references point at a side table that outlives
/// the object and answers `nil`. `isKnownUniquelyReferenced` reads "strong
/// count == 1", which is how `Array` and your own COW types decide whether a
/// write may mutate in place (`memory.array-capacity-and-copy-on-write` builds
/// one). `Unmanaged` is the manual-retain escape hatch for C callbacks.
///
/// ## Go → Swift
/// Go's collector is a concurrent tri-colour mark-and-sweep with write
/// barriers, tuned by `GOGC`; objects carry no counts and die some time after
/// they become unreachable. Swift's "collector" is the compiler inserting
/// retain/release around every copy and last use, with the counts stored in
/// the object itself: no pauses, no heap scan, deterministic `deinit`, and
/// no cycle collection (see `memory.arc-and-retain-cycles`).
public enum ARCInternals {
    /// A class instance that reports its deinitialisation.
    public final class Probe {
        public var value: Int
        private let onDeinit: () -> Void

        public init(value: Int = 0, onDeinit: @escaping () -> Void = {}) {
            self.value = value
            self.onDeinit = onDeinit
        }

        deinit { onDeinit() }
    }

    // MARK: Counts (educational, not API)

    /// The strong reference count, read with the runtime's debugging hook
    /// `_getRetainCount`.
    ///
    /// - Important: Educational, not API. The absolute value includes
    ///   temporaries and changes with optimisation; compare two readings
    ///   taken the same way, never a reading with a constant.
    public static func strongCount(_ object: AnyObject) -> Int {
        Int(_getRetainCount(object))
    }

    /// The weak reference count (`_getWeakRetainCount`). Educational, not API.
    public static func weakCount(_ object: AnyObject) -> Int {
        Int(_getWeakRetainCount(object))
    }

    /// The unowned reference count (`_getUnownedRetainCount`). Every object
    /// starts with one unowned count held on behalf of all its strong
    /// references; it is dropped after `deinit`. Educational, not API.
    public static func unownedCount(_ object: AnyObject) -> Int {
        Int(_getUnownedRetainCount(object))
    }

    // MARK: Layout

    /// The byte offset of `object`'s first stored property from the start of
    /// the object: the size of the header in front of it.
    ///
    /// On 64-bit platforms it is 16: an 8-byte pointer to the class metadata
    /// (Objective-C's `isa`) and an 8-byte inline refcount word.
    public static func headerSize(of object: Probe) -> Int {
        let objectAddress = UInt(bitPattern: Unmanaged.passUnretained(object).toOpaque())
        // `value` is a stored property of a final class, so `&object.value`
        // is the property's own address inside the object, not a temporary.
        let fieldAddress = withUnsafeMutablePointer(to: &object.value) { UInt(bitPattern: $0) }
        return Int(fieldAddress - objectAddress)
    }

    // MARK: Uniqueness, the copy-on-write primitive

    /// A tiny copy-on-write box: copies share one ``Probe`` until one of them
    /// writes, and the write copies only if the storage is shared.
    public struct CopyOnWriteBox {
        private var storage: Probe
        /// How many times a write had to copy shared storage.
        public private(set) var copies = 0

        public init(value: Int) { storage = Probe(value: value) }

        public var value: Int { storage.value }

        /// Whether this box is the only owner of its storage (strong count 1).
        public mutating func isUnique() -> Bool {
            isKnownUniquelyReferenced(&storage)
        }

        /// Writes in place when unique; otherwise copies first.
        /// - Complexity: O(1); the copy is O(1) here but O(n) for a real buffer.
        public mutating func set(_ newValue: Int) {
            if !isKnownUniquelyReferenced(&storage) {
                storage = Probe(value: storage.value)
                copies += 1
            }
            storage.value = newValue
        }
    }

    // MARK: Unmanaged: a reference through a C `void *`

    /// Simulates a C API that stores an opaque `void *context` and calls back
    /// later, the way `pthread_create`, libuv or a C HTTP parser do.
    ///
    /// Registering retains the object (`passRetained`) so it survives even if
    /// every Swift reference goes away; firing the callback balances that
    /// retain exactly once (`takeRetainedValue`).
    public final class CallbackRegistry {
        private var contexts: [UnsafeMutableRawPointer] = []

        public init() {}

        /// Stores `object` as an opaque, retained context pointer.
        public func register(_ object: Probe) {
            contexts.append(Unmanaged.passRetained(object).toOpaque())
        }

        /// Pending callbacks.
        public var pendingCount: Int { contexts.count }

        /// Calls `callback` for each registered object and releases the
        /// retain taken by ``register(_:)``.
        public func fireAll(_ callback: (Probe) -> Void) {
            let pending = contexts
            contexts.removeAll()
            for context in pending {
                let object = Unmanaged<Probe>.fromOpaque(context).takeRetainedValue()
                callback(object)
            }
        }
    }
}
