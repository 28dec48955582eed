/// A read-through cache that loads each missing key once, however many
/// callers ask for it at the same time (Go's `singleflight`): the cure for a
/// cache stampede.
///
/// ```swift
/// let profiles = SingleFlightCache<UserID, Profile> { id in
///     try await database.profile(id)        // runs once per key, not once per caller
/// }
/// async let a = profiles.value(forKey: 42)
/// async let b = profiles.value(forKey: 42)  // joins the load started by `a`
/// let (first, second) = try await (a, b)
/// ```
///
/// ## Why interviewers ask this
/// A popular key expires and a thousand requests miss at once; each one asks
/// the database, which falls over (a *cache stampede*, or thundering herd).
/// The fix is request coalescing: the first miss starts the load, later misses
/// wait for it. In Swift the interesting part is that an actor does *not* give
/// you this for free: it is reentrant, so every `await` inside a method lets
/// another caller in.
///
/// ## Common pitfalls
/// - Check, then await, then fill (``NaiveReadThroughCache``): all callers
///   pass the check before the first load returns, so the loader runs once
///   per caller although the cache is an actor. The in-flight entry must be
///   recorded *before the first suspension* (experiment
///   `single-flight.no-in-flight-check`).
/// - Running the loader on the actor. Under `NonisolatedNonsendingByDefault`
///   a plain `@Sendable (Key) async throws -> Value` closure runs on its
///   *caller's* executor, and the load `Task` is isolated to the cache (it
///   calls `self.finish`), so the loader's synchronous work (decoding,
///   hashing) would hold the actor and stall every other key's hits.
///   ``Loader`` is `@concurrent`: it always runs on the global executor
///   (experiment `single-flight.loader-on-the-actor`).
/// - Caching a load that `invalidate` overtook: the value was read before the
///   write that prompted the invalidation, so filling it would serve stale
///   data until the next invalidation. ``invalidate(_:)`` detaches the running
///   load: its waiters still get its value, the cache does not keep it
///   (experiment `single-flight.invalidate-ignores-in-flight`).
/// - Letting callers *join* a load that `invalidate` overtook. A writer that
///   writes, invalidates, then reads must see its write (read-your-writes);
///   joining the old flight would hand it the value read before the write.
///   Go's `singleflight.Forget` exists for this: after ``invalidate(_:)`` the
///   next caller starts a fresh load
///   (experiment `single-flight.invalidate-keeps-the-flight-joinable`).
/// - Caching the failure: an error (a timeout, a brief outage) must reach the
///   callers waiting now, and the next caller must retry, not replay it.
/// - Letting one caller's cancellation cancel the shared load: the load runs
///   in its own unstructured `Task`, which no waiter owns. A cancelled waiter
///   returns `CancellationError` at once; the others still get the value.
/// - Forgetting to remove the in-flight entry when the load ends (success
///   *or* failure): every later caller would wait on a finished flight.
///
/// ## Key takeaway
/// Keep `[Key: in-flight load]` in an actor and insert the entry before any
/// `await`: the actor's mutual exclusion then makes "is a load running?" and
/// "start one" a single step. Run the load in a `Task` nobody's cancellation
/// reaches, fan its result out to every waiter, cache successes only.
///
/// ## Go → Swift
/// The Go seed's cache has no stampede protection (its README promises it);
/// Go's answer is `golang.org/x/sync/singleflight`, a mutex, a map of calls
/// and a `sync.WaitGroup`. In Swift the actor replaces the mutex, waiters are
/// continuations instead of a `WaitGroup`, and cancellation is per waiter
/// (Go's `DoChan` lets a caller stop waiting the same way).
public actor SingleFlightCache<Key: Hashable & Sendable, Value: Sendable> {
    /// Loads the value for a key from the slow source (a database, a service).
    ///
    /// `@concurrent` so it runs on the global executor, never on the cache
    /// actor: without it (the package enables `NonisolatedNonsendingByDefault`)
    /// the closure would inherit the isolation of the load task, the actor.
    public typealias Loader = @concurrent @Sendable (Key) async throws -> Value

    /// One running load, with an identity of its own: a flight that
    /// ``invalidate(_:)`` detached may still be running when a fresh flight
    /// for the same key starts, and each has its own waiters.
    private struct Flight {
        let id: Int
        let task: Task<Void, Never>
    }

    private let load: Loader
    private var values: [Key: Value] = [:]
    /// The joinable load of each key. Unstructured tasks on purpose: no waiter
    /// owns them, so no waiter's cancellation reaches them.
    private var inFlight: [Key: Flight] = [:]
    /// The callers waiting for each flight (detached ones included), by
    /// flight ID, then by waiter ID.
    private var waiters: [Int: [Int: CheckedContinuation<Value, any Error>]] = [:]
    private var nextWaiterID = 0
    private var nextFlightID = 0
    /// The key of every flight still running, detached ones included.
    private var flightKeys: [Int: Key] = [:]
    private var waiterObservers: [(key: Key, count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    /// How many times the loader has been started.
    public private(set) var loadCount = 0

    /// - Parameter load: Called at most once at a time per key.
    public init(load: @escaping Loader) {
        self.load = load
    }

    /// Returns the cached value for `key`, or joins (or starts) the load of it.
    ///
    /// - Throws: The loader's error (shared by every caller waiting for that
    ///   load; not cached), or `CancellationError` if *this* caller is
    ///   cancelled while waiting (the load goes on for the others).
    /// - Complexity: O(1) on average, plus the load.
    public func value(forKey key: Key) async throws -> Value {
        if let cached = values[key] { return cached }
        try Task.checkCancellation()
        // No `await` since entering the actor: "is a load running?" and
        // "start one" are a single step that no other caller can split.
        let isFirstMiss = inFlight[key] == nil
        if isFirstMiss { startLoad(forKey: key) }
        let flight = inFlight[key]!.id  // just started, or running
        let id = nextWaiterID
        nextWaiterID += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiters[flight, default: [:]][id] = continuation
                notifyObservers(of: key)
            }
        } onCancel: {
            Task { await self.cancelWaiter(id, ofFlight: flight) }
        }
    }

    /// Forgets the cached value for `key`; the next read loads it again.
    ///
    /// A load already running for `key` may have read the data before the
    /// change that prompted this call. It is detached: the callers already
    /// waiting for it get its value, the cache does not keep it, and the next
    /// caller starts a fresh load instead of joining it (Go's
    /// `singleflight.Forget`), so a writer that invalidates and then reads
    /// sees its write.
    public func invalidate(_ key: Key) {
        values[key] = nil
        inFlight[key] = nil
    }

    /// How many callers are waiting for a load of `key` right now (of any
    /// flight still running, detached ones included).
    /// - Complexity: O(running flights).
    public func waiterCount(forKey key: Key) -> Int {
        waiters.reduce(0) { total, entry in flightKeys[entry.key] == key ? total + entry.value.count : total }
    }

    /// Whether a load of `key` is running.
    public func isLoading(_ key: Key) -> Bool {
        inFlight[key] != nil
    }

    /// Suspends until at least `count` callers wait for the load of `key`.
    ///
    /// For tests and diagnostics: it lets a test hold a load open until every
    /// concurrent caller has joined, instead of sleeping and hoping.
    public func waitForWaiters(count: Int, forKey key: Key) async {
        if waiterCount(forKey: key) >= count { return }
        await withCheckedContinuation { continuation in
            waiterObservers.append((key, count, continuation))
        }
    }

    private func startLoad(forKey key: Key) {
        loadCount += 1
        let load = self.load
        let flight = nextFlightID
        nextFlightID += 1
        let task = Task {
            let result: Result<Value, any Error>
            do {
                result = .success(try await load(key))
            } catch {
                result = .failure(error)
            }
            self.finish(key, flight: flight, with: result)  // the task inherits the actor's isolation
        }
        inFlight[key] = Flight(id: flight, task: task)
        flightKeys[flight] = key
    }

    private func finish(_ key: Key, flight: Int, with result: Result<Value, any Error>) {
        // Success or failure, the next miss must not wait on a finished load;
        // a detached (invalidated) flight is no longer the key's to clear.
        let isCurrent = inFlight[key]?.id == flight
        if isCurrent { inFlight.removeValue(forKey: key) }
        if case .success(let value) = result, isCurrent {
            values[key] = value  // errors are not cached: the next caller starts a new load
        }
        flightKeys[flight] = nil
        for waiter in (waiters.removeValue(forKey: flight) ?? [:]).values {
            waiter.resume(with: result)
        }
    }

    private func cancelWaiter(_ id: Int, ofFlight flight: Int) {
        // Already resumed by `finish` if the load won the race.
        waiters[flight]?.removeValue(forKey: id)?.resume(throwing: CancellationError())
    }

    private func notifyObservers(of key: Key) {
        let waiting = waiterCount(forKey: key)
        var remaining: [(key: Key, count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        for observer in waiterObservers {
            if observer.key == key && observer.count <= waiting {
                observer.continuation.resume()
            } else {
                remaining.append(observer)
            }
        }
        waiterObservers = remaining
    }
}

/// The stampede, on purpose: an actor-based read-through cache that checks,
/// awaits the loader, then fills. Correct for one caller; with N concurrent
/// callers on a miss the loader runs N times, because the actor lets every
/// caller in while the first one is suspended in `load`.
public actor NaiveReadThroughCache<Key: Hashable & Sendable, Value: Sendable> {
    private let load: SingleFlightCache<Key, Value>.Loader
    private var values: [Key: Value] = [:]

    public init(load: @escaping SingleFlightCache<Key, Value>.Loader) {
        self.load = load
    }

    /// Returns the cached value or loads it; concurrent misses each load.
    public func value(forKey key: Key) async throws -> Value {
        if let cached = values[key] { return cached }
        let loaded = try await load(key)  // suspension: the next caller also misses
        values[key] = loaded
        return loaded
    }
}
