import Synchronization

/// Object pooling without a garbage collector: reuse objects whose creation is
/// expensive, and let a noncopyable lease guarantee each one comes back once.
///
/// ```swift
/// let pool = try ObjectPool(maxIdle: 4, factory: { ScratchBuffer(reserving: 1024) }, reset: { $0.reset() })
/// do {
///     let lease = pool.lease()        // reuses an idle buffer or makes one
///     lease.object.append([1, 2, 3])
/// }                                   // lease's deinit resets and returns it
/// ```
///
/// ## Why interviewers ask this
/// Go's `sync.Pool` exists to take pressure off the garbage collector. Swift
/// has no collector, so the interviewer checks that you do not cargo-cult the
/// pattern: in Swift a pool only pays when creating the object is expensive
/// (a database connection, a TLS context, a large zeroed buffer) or when
/// malloc/free and retain/release traffic shows up in a profile. They then
/// probe the hard parts: bounding the idle list, resetting state so one
/// request never sees another's data, and making "return exactly once" hard
/// to get wrong.
///
/// ## Common pitfalls
/// - Pooling cheap objects. A pool costs a lock round trip per get and put;
///   a small class allocation is often cheaper, and a contended pool is a
///   scalability bottleneck that per-task allocation does not have.
/// - Forgetting to reset on return: the next borrower sees stale data (a
///   classic cross-request data leak).
/// - An unbounded idle list: a burst of 10 000 requests leaves 10 000 idle
///   objects behind for ever. Keep at most `maxIdle`.
/// - Returning an object twice, so two borrowers share it. A `~Copyable`
///   ``ObjectPool/Lease`` makes that a compile error ("'lease' consumed more
///   than once"); a reference copied out of `lease.object` can still escape,
///   so do not keep it after the lease ends.
/// - Pooling value types: `Array`, `String` and NIO's `ByteBuffer` are
///   copy-on-write values; `removeAll(keepingCapacity: true)` on one you own
///   already reuses its storage without any pool.
///
/// ## Key takeaway
/// Pool only what is expensive to create, measure first (allocation and
/// retain counts, not GC pauses), bound the idle list, reset on return and
/// tie the return to a scope: a `~Copyable` lease whose `deinit` gives the
/// object back. Real servers pool connections, not buffers: PostgresNIO's
/// `PostgresClient` keeps a bounded set of connections, leases one per query
/// (`client.withConnection { … }`), returns it when the closure ends and
/// opens new ones only up to its maximum; this type is the same idea with the
/// toolchain alone.
///
/// ## Go → Swift
/// Go's `object_pooling.go` uses `sync.Pool` (unbounded, emptied by the GC:
/// since Go 1.13 an object survives one collection in a victim cache and is
/// dropped at the next,
/// `Get` returns `any` that you type-assert) and a channel-based bounded pool,
/// and must remember to `Put` and to reset. Here the pool is generic (no
/// casts), bounded by `maxIdle`, never cleared behind your back, resets on
/// return, and the lease returns the object when it goes out of scope, which
/// Go can only approximate with `defer pool.Put(x)`.
public final class ObjectPool<Object: AnyObject & Sendable>: Sendable {
    /// A borrowed object. It goes back to the pool exactly once: when the
    /// lease is released or goes out of scope, whichever comes first.
    ///
    /// Noncopyable, so it cannot be duplicated and returned twice, and it
    /// cannot be used after ``release()`` consumed it.
    public struct Lease: ~Copyable, Sendable {
        /// The borrowed object. Valid until the lease ends.
        public let object: Object
        private let pool: ObjectPool<Object>

        fileprivate init(object: Object, pool: ObjectPool<Object>) {
            self.object = object
            self.pool = pool
        }

        /// Returns the object now instead of at the end of the scope.
        public consuming func release() {}

        deinit { pool.put(object) }
    }

    private struct State {
        var idle: [Object] = []
        var created = 0
        var checkedOut = 0
        var peakCheckedOut = 0
        var dropped = 0
    }

    /// The most idle objects kept for reuse; extra returns are freed.
    public let maxIdle: Int
    private let factory: @Sendable () -> Object
    private let reset: @Sendable (Object) -> Void
    private let state = Mutex(State())

    /// Creates an empty pool; objects are made lazily, on demand.
    ///
    /// - Parameters:
    ///   - maxIdle: how many returned objects to keep for reuse (≥ 1).
    ///   - factory: makes a new object when no idle one is available.
    ///   - reset: clears an object's state when it is returned, outside
    ///     the pool's lock.
    /// - Throws: ``ObjectPoolError/invalidMaxIdle(_:)`` if `maxIdle < 1`.
    public init(
        maxIdle: Int,
        factory: @escaping @Sendable () -> Object,
        reset: @escaping @Sendable (Object) -> Void = { _ in }
    ) throws(ObjectPoolError) {
        guard maxIdle >= 1 else { throw .invalidMaxIdle(maxIdle) }
        self.maxIdle = maxIdle
        self.factory = factory
        self.reset = reset
    }

    /// Takes an idle object (the most recently returned one, which is the
    /// likeliest to be warm in cache) or makes a new one.
    ///
    /// Prefer ``lease()``: a bare `get` must be paired with exactly one ``put(_:)``.
    /// - Complexity: O(1) plus one `factory` call when the pool is empty.
    public func get() -> Object {
        let reused: Object? = state.withLock { state in
            state.checkedOut += 1
            state.peakCheckedOut = max(state.peakCheckedOut, state.checkedOut)
            if let object = state.idle.popLast() { return object }
            state.created += 1
            return nil
        }
        // The factory may be slow (that is why we pool): never run it under the lock.
        return reused ?? factory()
    }

    /// Resets `object` and keeps it for reuse, unless `maxIdle` objects are
    /// already idle, in which case it is dropped (and freed by ARC).
    ///
    /// - Precondition: `object` came from ``get()`` and was not put back yet.
    /// - Complexity: O(1) plus one `reset` call.
    public func put(_ object: Object) {
        reset(object)
        state.withLock { state in
            precondition(state.checkedOut > 0, "put(_:) without a matching get(): \(state.checkedOut) checked out")
            state.checkedOut -= 1
            guard state.idle.count < maxIdle else {
                state.dropped += 1
                return
            }
            state.idle.append(object)
        }
    }

    /// Borrows an object for the lifetime of the returned lease.
    public func lease() -> Lease {
        Lease(object: get(), pool: self)
    }

    /// Runs `body` with a borrowed object and returns it afterwards, even if
    /// `body` throws.
    public func withLease<Result, Failure: Error>(
        _ body: (Object) async throws(Failure) -> Result
    ) async throws(Failure) -> Result {
        let lease = lease()
        return try await body(lease.object)
    }

    /// Objects waiting for reuse.
    public var idleCount: Int { state.withLock { $0.idle.count } }
    /// How many times `factory` has been called.
    public var createdCount: Int { state.withLock { $0.created } }
    /// Objects handed out and not yet returned.
    public var checkedOutCount: Int { state.withLock { $0.checkedOut } }
    /// The most objects ever checked out at once. Because the factory runs
    /// only when no object is idle, `createdCount` equals this number (as
    /// long as nothing was dropped): creations track peak concurrency, not
    /// the total number of requests.
    public var peakCheckedOutCount: Int { state.withLock { $0.peakCheckedOut } }
    /// Returned objects freed because `maxIdle` were already idle.
    public var droppedCount: Int { state.withLock { $0.dropped } }
}

/// Bad pool configuration.
public enum ObjectPoolError: Error, Equatable, CustomStringConvertible {
    case invalidMaxIdle(Int)

    public var description: String {
        switch self {
        case .invalidMaxIdle(let value): "maxIdle must be at least 1, got \(value)"
        }
    }
}

/// A reusable byte buffer: the kind of object worth pooling when it is large
/// and must be zeroed or sized up front.
///
/// Its bytes sit behind a `Mutex` only so that the class is `Sendable` and
/// can cross tasks through the pool; a lease gives one task exclusive use,
/// so the lock is never contended.
public final class ScratchBuffer: Sendable {
    private let bytes: Mutex<[UInt8]>
    private let inUse = Atomic(false)

    /// - Parameter capacity: bytes reserved up front (the expensive part).
    public init(reserving capacity: Int) {
        var storage: [UInt8] = []
        storage.reserveCapacity(capacity)
        bytes = Mutex(storage)
    }

    public func append(_ newBytes: [UInt8]) {
        bytes.withLock { $0.append(contentsOf: newBytes) }
    }

    public var count: Int { bytes.withLock { $0.count } }
    public var capacity: Int { bytes.withLock { $0.capacity } }

    /// Empties the buffer and keeps its storage: what a pool does on return.
    public func reset() {
        bytes.withLock { $0.removeAll(keepingCapacity: true) }
    }

    /// Marks the buffer as being used; returns `false` if someone else
    /// already is (which a correct pool never allows).
    public func beginExclusiveUse() -> Bool {
        inUse.exchange(true, ordering: .acquiringAndReleasing) == false
    }

    public func endExclusiveUse() {
        inUse.store(false, ordering: .releasing)
    }
}
