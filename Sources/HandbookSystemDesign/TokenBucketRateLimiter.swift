import Dispatch
import Foundation
import Synchronization

/// A token bucket: up to `capacity` tokens, refilled continuously from
/// elapsed time, each request spending `cost` tokens or being told exactly
/// how long to wait.
///
/// ```swift
/// var bucket = try TokenBucket(capacity: 5, refill: 1, per: .seconds(1))
/// for _ in 1...5 { _ = bucket.tryAcquire(at: .zero) }     // a burst of 5 is allowed
/// bucket.tryAcquire(at: .zero).retryAfter                  // Optional(1.0 seconds): the 6th must wait
/// bucket.tryAcquire(at: .seconds(1)).isAllowed             // true: one token came back
///
/// let limiter = TokenBucketRateLimiter(template: bucket, clock: ContinuousClock())
/// let decision = try await limiter.acquire(key: "user-42", cost: 1)   // one bucket per key
/// ```
///
/// ## Why interviewers ask this
/// "Implement a rate limiter" is the classic warm-up system-design coding
/// question, and the token bucket is the answer most APIs (AWS, Stripe,
/// NGINX's `limit_req` in spirit) use: it allows bursts up to a capacity
/// while holding the long-run rate. It probes whether you can turn elapsed
/// time into state without a background timer, keep the check-and-spend
/// atomic under concurrency, bound memory when keys are user IDs, and test
/// time without sleeping.
///
/// ## Common pitfalls
/// - Forgetting the clamp: a bucket idle for an hour must hold `capacity`
///   tokens, not 3 600. Without `min(…, capacity)` a quiet client earns an
///   unbounded burst.
/// - A refill timer per key (a `Task` or Go ticker that adds a token every
///   second): thousands of timers, and the granularity is the tick. Refill
///   lazily from the elapsed time on each request instead.
/// - `Double` tokens drifting: `0.1 + 0.2 != 0.3`, so "exactly enough" can be
///   denied. Here the bucket stores *earned time* (`tokens × refillInterval`)
///   as a `Duration`, which is exact integer arithmetic, and exposes fractional
///   tokens only as a derived value.
/// - Check-then-act across a suspension: reading the tokens, awaiting
///   something (a database, another actor), then spending them over-admits,
///   because actors are re-entrant. The decision here is one synchronous
///   critical section; a SQL implementation does it in one statement or
///   transaction (`SELECT … FOR UPDATE`).
/// - Unbounded keys: one bucket per IP for ever is a memory leak. A bucket
///   that has refilled to full is indistinguishable from a new one, so it can
///   be dropped (``KeyedRateLimiter/evictIdleKeys()``) without changing any
///   future decision.
/// - Sleeping in tests. Inject `some Clock<Duration>`; a manual clock makes
///   "wait one second" instant and exact.
///
/// ## Key takeaway
/// A token bucket is two numbers and a pure function: `refill(elapsed)`
/// (clamped at capacity), then spend-or-deny with the deficit as the
/// `Retry-After`. Keep that function a value type you can test directly, and
/// wrap it in the thinnest possible actor or lock so that concurrent requests
/// can never be admitted beyond the capacity.
///
/// ## Go → Swift
/// The Go seed's `TokenBucket` stored `float64` tokens and `time.Time`, used a
/// `sync.Mutex`, read `time.Now()` directly, and its tests slept 1.1 s; it had
/// no per-key limiter, no concurrency test and no way to say how long to
/// wait. Here the state is a `Codable` value type keyed by `Duration`, the
/// clock is injected (`C: Clock<Duration>`), the limiter is an actor (or an
/// `NSLock` twin), every decision carries what the IETF `RateLimit` headers
/// need, and 1 000 concurrent requests on a capacity of 100 admit exactly 100.
///
/// ## Performance, measured
/// `cd Benchmarks && ./compare --target HandbookSystemDesignBenchmarks`: an
/// uncontended `LockedKeyedRateLimiter.tryAcquire` takes 290-510 ns and the
/// bare `TokenBucket` 190-300 ns, against a 60 ns goal. A profile puts the
/// time in exact time arithmetic: `Duration` is a 128-bit attosecond count, and
/// the refill multiplies and divides `Duration`s (generic `Int128` code, then a
/// conversion to `Double`); the keyed limiters also hash the `String` key and
/// read the clock per call. This lesson keeps `Duration` because refills
/// without floating-point drift are what it teaches (the interval
/// `period / tokens` is rounded down to whole attoseconds, the one rounding
/// there is). ``NanosecondTokenBucket`` (below) moves the hot path to integer
/// nanoseconds: 2.7-5 ns per decision for the value alone, and 64-70 ns
/// through ``NanosecondKeyedRateLimiter`` (70 in the saved run), most of it hashing the `String`
/// key, finding it in the dictionary and reading the clock.
public struct TokenBucket: RateLimitAlgorithmState, Codable, Hashable {
    /// The most tokens the bucket holds: the largest burst.
    public let capacity: Int
    /// How long it takes to earn one token (`period / tokens`).
    public let refillInterval: Duration
    /// Earned time: `tokens × refillInterval`, always in `0...capacity × refillInterval`.
    /// Kept as a `Duration` so refilling and spending are exact integer arithmetic.
    private var credit: Duration
    /// When `credit` was last brought up to date; `nil` for a bucket never used.
    private var refilledAt: Duration?

    /// A full bucket that earns `tokens` tokens every `period`.
    ///
    /// - Throws: ``RateLimiterConfigurationError`` for a capacity below 1 or a
    ///   rate that is not positive.
    public init(capacity: Int, refill tokens: Int, per period: Duration = .seconds(1))
        throws(RateLimiterConfigurationError)
    {
        guard capacity >= 1 else { throw .nonPositiveLimit(capacity) }
        guard tokens >= 1, period > .zero, period / tokens > .zero else {
            throw .nonPositiveRate(tokens: tokens, per: period)
        }
        self.capacity = capacity
        self.refillInterval = period / tokens
        self.credit = refillInterval * capacity
        self.refilledAt = nil
    }

    public var limit: Int { capacity }

    private var fullCredit: Duration { refillInterval * capacity }

    /// The tokens available at `now`, fractions included (2 per second after
    /// 250 ms from empty is 0.5).
    public func tokens(at now: Duration) -> Double {
        var copy = self
        copy.refill(at: now)
        return copy.credit / refillInterval
    }

    /// Adds the tokens earned since the last refill, clamped at capacity.
    ///
    /// A time earlier than the last refill (two callers reading the clock in
    /// one order and arriving in the other) earns nothing rather than
    /// taking tokens away.
    ///
    /// - Complexity: O(1).
    public mutating func refill(at now: Duration) {
        guard let last = refilledAt else {
            refilledAt = now
            return
        }
        guard now > last else { return }
        credit = min(credit + (now - last), fullCredit)
        refilledAt = now
    }

    /// Refills, then spends `cost` tokens if there are enough.
    ///
    /// A denial spends nothing and carries `retryAfter`: exactly the time
    /// until `cost` tokens will have been earned.
    ///
    /// - Precondition: `1 <= cost <= capacity` (``KeyedRateLimiter`` checks
    ///   this and throws instead).
    /// - Complexity: O(1).
    public mutating func tryAcquire(cost: Int = 1, at now: Duration) -> RateLimitDecision {
        precondition(cost >= 1 && cost <= capacity, "cost \(cost) is outside 1...\(capacity)")
        refill(at: now)
        let needed = refillInterval * cost
        guard credit >= needed else { return decision(retryAfter: needed - credit) }
        credit -= needed
        return decision(retryAfter: nil)
    }

    /// A full bucket behaves exactly like a new one, so it can be forgotten.
    public func isIdle(at now: Duration) -> Bool {
        var copy = self
        copy.refill(at: now)
        return copy.credit == copy.fullCredit
    }

    /// The earned time and the last refill instant: O(1) whatever the rate.
    public var storedValueCount: Int { 2 }

    private func decision(retryAfter: Duration?) -> RateLimitDecision {
        RateLimitDecision(
            isAllowed: retryAfter == nil,
            limit: capacity,
            window: fullCredit,
            remaining: RateLimitMath.floorQuotient(credit, refillInterval),
            resetAfter: fullCredit - credit,
            retryAfter: retryAfter)
    }
}

/// Something that decides whether the request identified by `key` may run
/// now. The handbook's capstone HTTP service implements it over
/// SQLite or PostgreSQL; the in-memory ``KeyedRateLimiter`` is the reference.
///
/// Conformances promise what ``RateLimiterContract/checks`` verify: a fresh
/// key admits a burst of exactly the limit; a denial spends nothing and its
/// `retryAfter` is enough; keys are independent; invalid keys and costs throw
/// ``RateLimiterConfigurationError``; and concurrent calls never admit more
/// than the limit.
///
/// A SQL implementation here takes the time from an injected clock, passed
/// to its statement as a parameter (`$now`), not from the database's
/// `now()`, so that the contract can drive it with a manual clock. That is
/// testability, not one notion of time: each instance then reads its *own*
/// clock, and skew between instances moves their windows. The database's
/// clock (`clock_timestamp()`) is the one clock all instances share.
public protocol RateLimiter: Sendable {
    /// Decides at once, never waiting: either spends `cost` units for `key`
    /// or reports how long until it could.
    ///
    /// - Throws: ``RateLimiterConfigurationError`` for an empty key or a
    ///   cost outside `1...limit`; a storage error from a database-backed
    ///   implementation.
    func acquire(key: String, cost: Int) async throws -> RateLimitDecision
}

extension RateLimiter {
    /// Decides for one unit.
    public func acquire(key: String) async throws -> RateLimitDecision {
        try await acquire(key: key, cost: 1)
    }
}

/// A rate limiter's answer, with what an HTTP response needs: 429 or not,
/// and the `RateLimit-Policy`, `RateLimit` and `Retry-After` header values.
public struct RateLimitDecision: Sendable, Hashable, Codable {
    /// Whether the request may proceed (its cost has been spent).
    public var isAllowed: Bool
    /// The name of the quota policy, echoed in both `RateLimit` fields so a
    /// client can match them (`"default"` unless the service names it, e.g.
    /// `"per-user"` and `"per-ip"` when several limiters apply).
    public var policy: String
    /// The quota (`q`): a bucket's capacity or a window's limit.
    public var limit: Int
    /// The time the quota refers to (`w`): a window's length, or the time a
    /// token bucket takes to refill from empty to full.
    public var window: Duration
    /// Whole units still available after this decision (`r`).
    public var remaining: Int
    /// Time until the quota is fully restored (`t`).
    public var resetAfter: Duration
    /// For a denial, the time after which the same request will be allowed
    /// (`Retry-After`); `nil` when allowed.
    public var retryAfter: Duration?

    public init(
        isAllowed: Bool, policy: String = "default", limit: Int, window: Duration, remaining: Int,
        resetAfter: Duration, retryAfter: Duration?
    ) {
        self.isAllowed = isAllowed
        self.policy = policy
        self.limit = limit
        self.window = window
        self.remaining = remaining
        self.resetAfter = resetAfter
        self.retryAfter = retryAfter
    }

    /// The header fields of the IETF draft `draft-ietf-httpapi-ratelimit-headers`
    /// (its current form, Structured Fields items named by the policy), plus
    /// `Retry-After` on a denial (a 429):
    ///
    /// ```
    /// RateLimit-Policy: "default";q=100;w=60
    /// RateLimit: "default";r=0;t=30
    /// Retry-After: 30
    /// ```
    ///
    /// Seconds are rounded up, so a client that obeys them is never early.
    /// The early `RateLimit-Limit`/`-Remaining`/`-Reset` trio is obsolete.
    ///
    /// A service computes these on every response, so they are built directly
    /// (no intermediate arrays, no per-character work for an ordinary name).
    public var headerFields: [(name: String, value: String)] {
        let name = Self.structuredFieldString(policy)
        var fields: [(name: String, value: String)] = []
        fields.reserveCapacity(retryAfter == nil ? 2 : 3)
        fields.append(
            (name: "RateLimit-Policy", value: "\(name);q=\(limit);w=\(RateLimitMath.wholeSecondsRoundingUp(window))"))
        fields.append(
            (name: "RateLimit", value: "\(name);r=\(remaining);t=\(RateLimitMath.wholeSecondsRoundingUp(resetAfter))"))
        if let retryAfter {
            fields.append((name: "Retry-After", value: "\(RateLimitMath.wholeSecondsRoundingUp(retryAfter))"))
        }
        return fields
    }

    /// An RFC 8941 sf-string: quoted, with `"` and `\` escaped. Characters
    /// outside printable ASCII are not allowed there and are dropped.
    static func structuredFieldString(_ text: String) -> String {
        // The usual name ("default", "per-user") needs no escaping.
        let plain = text.utf8.allSatisfy { byte in
            (0x20...0x7E).contains(byte) && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
        }
        if plain { return "\"" + text + "\"" }
        var escaped = "\""
        for scalar in text.unicodeScalars where (0x20...0x7E).contains(scalar.value) {
            if scalar == "\"" || scalar == "\\" { escaped.append("\\") }
            escaped.unicodeScalars.append(scalar)
        }
        return escaped + "\""
    }
}

/// Bad rate-limiter configuration or arguments: thrown, never trapped and
/// never silently replaced by a default.
public enum RateLimiterConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case nonPositiveLimit(Int)
    case nonPositiveRate(tokens: Int, per: Duration)
    case nonPositiveWindow(Duration)
    case nonPositiveSweepInterval(Duration)
    case emptyKey
    case costOutOfRange(cost: Int, limit: Int)
    /// ``NanosecondTokenBucket`` counts whole nanoseconds: the period must be
    /// one, and `capacity × period` in nanoseconds must fit in an `Int`.
    case notRepresentableInNanoseconds(capacity: Int, per: Duration)

    public var description: String {
        switch self {
        case .nonPositiveLimit(let limit):
            "a rate limit needs a capacity of at least 1, got \(limit)"
        case .nonPositiveRate(let tokens, let period):
            "a refill rate must be positive, got \(tokens) per \(period)"
        case .nonPositiveWindow(let window):
            "a rate-limit window must be longer than zero, got \(window)"
        case .nonPositiveSweepInterval(let interval):
            "the idle-key sweep interval must be longer than zero, got \(interval)"
        case .emptyKey:
            "a rate-limit key must not be empty"
        case .costOutOfRange(let cost, let limit):
            "a request cost must be in 1...\(limit) (the limit), got \(cost): it could never be allowed"
        case .notRepresentableInNanoseconds(let capacity, let period):
            "a nanosecond token bucket needs a whole number of nanoseconds per period and capacity × period "
                + "within Int.max nanoseconds, got capacity \(capacity) per \(period)"
        }
    }
}

/// The per-key state of one rate-limiting algorithm: a value type whose
/// transitions are pure functions of the time, so they can be tested
/// directly and stored in a database row.
///
/// Times are `Duration`s since an epoch the owner chooses (the limiter's
/// creation instant in memory, the Unix epoch in a database).
public protocol RateLimitAlgorithmState: Sendable {
    /// The quota reported in decisions; costs above it are rejected.
    var limit: Int { get }
    /// Spends `cost` at `now` or denies without spending.
    ///
    /// - Precondition: `1 <= cost <= limit`.
    mutating func tryAcquire(cost: Int, at now: Duration) -> RateLimitDecision
    /// True when this state would make the same decisions as a fresh one
    /// from `now` on, so forgetting it changes nothing.
    func isIdle(at now: Duration) -> Bool
    /// How many numbers the state keeps: the memory-per-key story in one count.
    var storedValueCount: Int { get }
}

/// The keyed core shared by ``KeyedRateLimiter`` and ``LockedKeyedRateLimiter``:
/// validation, one state per key, and the idle-key sweep. Pure: whoever owns
/// it supplies the time and the mutual exclusion.
struct RateLimitKeyTable<State: RateLimitAlgorithmState>: Sendable {
    let template: State
    let sweepInterval: Duration
    var states: [String: State] = [:]
    var lastSweep: Duration = .zero

    init(template: State, sweepInterval: Duration) throws(RateLimiterConfigurationError) {
        guard sweepInterval > .zero else { throw .nonPositiveSweepInterval(sweepInterval) }
        self.template = template
        self.sweepInterval = sweepInterval
    }

    mutating func acquire(key: String, cost: Int, at now: Duration) throws(RateLimiterConfigurationError)
        -> RateLimitDecision
    {
        guard !key.isEmpty else { throw .emptyKey }
        guard cost >= 1, cost <= template.limit else { throw .costOutOfRange(cost: cost, limit: template.limit) }
        // Amortised: one O(keys) sweep per interval bounds memory by the keys
        // active in the last interval plus the time they take to go idle.
        if now - lastSweep >= sweepInterval { evictIdle(at: now) }
        var state = states[key] ?? template
        let decision = state.tryAcquire(cost: cost, at: now)
        states[key] = state
        return decision
    }

    @discardableResult
    mutating func evictIdle(at now: Duration) -> Int {
        let before = states.count
        states = states.filter { !$0.value.isIdle(at: now) }
        lastSweep = now
        return before - states.count
    }
}

/// The shared-token-bucket limiter generic over the clock.
public typealias TokenBucketRateLimiter<C: Clock<Duration>> = KeyedRateLimiter<TokenBucket, C>

/// An in-memory ``RateLimiter``: one algorithm state per key behind an actor.
///
/// Every decision is one synchronous actor-isolated call (no `await` between
/// reading and spending), so concurrent callers are serialised and can never
/// over-admit. Keys whose state has gone idle are swept every
/// `sweepInterval`, so memory is bounded by the recently active keys.
public actor KeyedRateLimiter<State: RateLimitAlgorithmState, C: Clock<Duration>>: RateLimiter {
    public nonisolated let clock: C
    private let epoch: C.Instant
    private var table: RateLimitKeyTable<State>

    /// A limiter whose every new key starts as a copy of `template`.
    ///
    /// - Throws: ``RateLimiterConfigurationError`` for a non-positive sweep interval.
    public init(template: State, clock: C, sweepInterval: Duration = .seconds(60))
        throws(RateLimiterConfigurationError)
    {
        self.clock = clock
        self.epoch = clock.now
        self.table = try RateLimitKeyTable(template: template, sweepInterval: sweepInterval)
    }

    /// - Complexity: O(1) amortised (plus an O(keys) sweep once per interval).
    public func acquire(key: String, cost: Int) throws -> RateLimitDecision {
        try table.acquire(key: key, cost: cost, at: epoch.duration(to: clock.now))
    }

    /// Waits on the clock until `cost` units are available for `key`, then
    /// spends them: sleeps exactly the deficit each time it is denied.
    ///
    /// Not fair: a caller that arrives while this one sleeps can take the
    /// tokens first, and then this one sleeps again.
    ///
    /// - Throws: `CancellationError` if cancelled while waiting, or
    ///   ``RateLimiterConfigurationError``.
    public func acquireWaiting(key: String, cost: Int = 1) async throws -> RateLimitDecision {
        while true {
            let decision = try acquire(key: key, cost: cost)
            guard let wait = decision.retryAfter else { return decision }
            try await clock.sleep(for: wait)
        }
    }

    /// Forgets every key whose state is idle; returns how many went.
    @discardableResult
    public func evictIdleKeys() -> Int {
        table.evictIdle(at: epoch.duration(to: clock.now))
    }

    /// How many keys currently hold state.
    public var trackedKeyCount: Int { table.states.count }

    /// The number of values stored for `key` (0 when it holds no state).
    public func storedValueCount(forKey key: String) -> Int {
        table.states[key]?.storedValueCount ?? 0
    }
}

extension KeyedRateLimiter where State == TokenBucket, C == ContinuousClock {
    /// A per-key token-bucket limiter on the continuous clock.
    public init(capacity: Int, refill tokens: Int, per period: Duration = .seconds(1)) throws {
        try self.init(
            template: TokenBucket(capacity: capacity, refill: tokens, per: period), clock: ContinuousClock())
    }
}

/// The same limiter behind a lock, with a synchronous `tryAcquire` for code
/// that cannot suspend (a NIO handler, a synchronous middleware).
///
/// `@unchecked Sendable` because every mutable property is read and written
/// only inside `lock.withLock`. `NSLock` rather than `Synchronization.Mutex`
/// because ThreadSanitizer on Linux cannot see `Mutex` and reports false races.
public final class LockedKeyedRateLimiter<State: RateLimitAlgorithmState, C: Clock<Duration>>: RateLimiter,
    @unchecked Sendable
{
    public let clock: C
    private let epoch: C.Instant
    private let lock = NSLock()
    private var table: RateLimitKeyTable<State>

    /// The key that every new key shares once ``maximumKeys`` are tracked.
    public static var overflowKey: String { "\u{0}overflow" }
    /// At most this many keys hold state (plus ``overflowKey``); `nil`: no bound.
    public let maximumKeys: Int?

    /// - Parameters:
    ///   - sweepInterval: how often a decision also sweeps idle keys (an
    ///     O(keys) pass under the lock, on a caller's path); `nil` never
    ///     sweeps there: the owner calls ``evictIdleKeys()`` off the request
    ///     path (a server's maintenance task).
    ///   - maximumKeys: once this many keys are tracked, a NEW key shares one
    ///     overflow bucket until idle keys are evicted: memory stays bounded
    ///     however many keys a client invents, and the limit still holds for
    ///     them all together.
    public init(template: State, clock: C, sweepInterval: Duration? = .seconds(60), maximumKeys: Int? = nil)
        throws(RateLimiterConfigurationError)
    {
        self.clock = clock
        self.epoch = clock.now
        self.maximumKeys = maximumKeys
        // "Never" on the caller's path: an interval no uptime reaches.
        self.table = try RateLimitKeyTable(template: template, sweepInterval: sweepInterval ?? .seconds(Int64.max / 4))
    }

    /// Decides synchronously. The clock is read inside the lock so decisions
    /// see time in the order they are made.
    ///
    /// - Complexity: O(1) amortised.
    public func tryAcquire(key: String, cost: Int = 1) throws -> RateLimitDecision {
        try lock.withLock {
            var key = key
            if let maximumKeys, table.states.count >= maximumKeys, table.states[key] == nil { key = Self.overflowKey }
            return try table.acquire(key: key, cost: cost, at: epoch.duration(to: clock.now))
        }
    }

    /// Forgets every key whose state is idle; returns how many went. O(keys),
    /// under the lock: call it from a background task, not per request.
    @discardableResult
    public func evictIdleKeys() -> Int {
        lock.withLock { table.evictIdle(at: epoch.duration(to: clock.now)) }
    }

    public func acquire(key: String, cost: Int) async throws -> RateLimitDecision {
        try tryAcquire(key: key, cost: cost)
    }

    public var trackedKeyCount: Int { lock.withLock { table.states.count } }
}

// MARK: - The production hot path: integer nanoseconds

/// The token bucket with its hot path in integer nanoseconds: the decisions
/// of ``TokenBucket`` (a property test replays random schedules through both)
/// at a fraction of the cost. ``TokenBucket`` stays the lesson and the
/// reference; this is what a gateway would run on every request.
///
/// ```swift
/// var bucket = try NanosecondTokenBucket(capacity: 2, refill: 1, per: .seconds(1))
/// bucket.tryAcquire(atNanoseconds: 0)              // true
/// bucket.tryAcquire(atNanoseconds: 0)              // true
/// bucket.tryAcquire(atNanoseconds: 0)              // false: empty
/// bucket.tryAcquire(atNanoseconds: 1_000_000_000)  // true: one token earned
/// ```
///
/// What changed, and why it is faster:
/// - **`Int` nanoseconds instead of `Duration`.** `Duration` is a 128-bit
///   count of attoseconds; every add, compare and multiply is two-word
///   arithmetic, and `TokenBucket` also divides (`period / tokens`, the
///   remaining-token count for headers). Here a refill is one subtraction,
///   one multiplication and one comparison on 64-bit integers.
/// - **The rate is kept as a fraction, never divided.** A token costs
///   `periodNanoseconds` units of credit and each nanosecond earns
///   `tokensPerPeriod` units, so 3 tokens per second is exact (a token is
///   1e9/3 ns, which no integer count of nanoseconds is) and nothing drifts.
/// - **A `Bool`, not a ``RateLimitDecision``.** Building the decision
///   (remaining tokens, reset and retry times for the headers) costs more
///   than deciding; ask ``nanosecondsUntilAvailable(cost:)`` only on a denial.
///
/// Same decisions as ``TokenBucket`` whenever `period / tokens` is a whole
/// number of attoseconds (any rate whose token interval is a whole number of
/// nanoseconds: 100 per second, 1 per minute, 4 per millisecond): then both
/// are exact, and a property test replays random schedules through both.
/// For other rates (3 per second) `TokenBucket` truncates the interval to
/// whole attoseconds, so each token costs it up to 1 attosecond *less* than
/// the exact rate, and that difference adds up for as long as the bucket
/// never fills. After about 10⁹ / r back-to-back tokens at the limit, where
/// r = (period in attoseconds) mod `tokensPerPeriod` (between 10⁹ /
/// `tokensPerPeriod` and 10⁹ tokens; 10⁹ for 3 per second), `TokenBucket`
/// can allow a request a nanosecond before this exact bucket does.
public struct NanosecondTokenBucket: Sendable, Hashable {
    /// The most tokens the bucket holds: the largest burst.
    public let capacity: Int
    /// Tokens earned per period.
    public let tokensPerPeriod: Int
    /// The period, in nanoseconds.
    public let periodNanoseconds: Int
    /// `capacity × periodNanoseconds`: the credit of a full bucket.
    private let fullCredit: Int
    /// In units where a token costs `periodNanoseconds` and a nanosecond
    /// earns `tokensPerPeriod`; always in `0...fullCredit`.
    private var credit: Int
    /// When the bucket last earned credit; `nil` until the first call.
    private var refilledAt: Int?

    /// A full bucket of `capacity` tokens that earns `tokens` per `period`.
    /// - Throws: the same errors as ``TokenBucket``, and
    ///   ``RateLimiterConfigurationError/notRepresentableInNanoseconds(capacity:per:)``
    ///   for a period with a fraction of a nanosecond, or a capacity × period
    ///   beyond `Int.max` nanoseconds (about 292 years).
    public init(capacity: Int, refill tokens: Int, per period: Duration = .seconds(1))
        throws(RateLimiterConfigurationError)
    {
        guard capacity >= 1 else { throw .nonPositiveLimit(capacity) }
        guard tokens >= 1, period > .zero else { throw .nonPositiveRate(tokens: tokens, per: period) }
        let (seconds, attoseconds) = period.components
        let (secondsInNanoseconds, secondsOverflow) = Int(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        let (nanoseconds, sumOverflow) = secondsInNanoseconds.addingReportingOverflow(
            Int(attoseconds / 1_000_000_000))
        let (full, fullOverflow) = capacity.multipliedReportingOverflow(by: nanoseconds)
        guard attoseconds % 1_000_000_000 == 0, !secondsOverflow, !sumOverflow, !fullOverflow else {
            throw .notRepresentableInNanoseconds(capacity: capacity, per: period)
        }
        self.capacity = capacity
        self.tokensPerPeriod = tokens
        self.periodNanoseconds = nanoseconds
        self.fullCredit = full
        self.credit = full
        self.refilledAt = nil
    }

    /// Credits the time since the last refill, up to a full bucket. The first
    /// call only records the time (the bucket starts full); a `now` earlier
    /// than the last refill is ignored.
    /// - Complexity: O(1): no division.
    public mutating func refill(atNanoseconds now: Int) {
        guard let last = refilledAt else {
            refilledAt = now
            return
        }
        guard now > last else { return }
        let (elapsed, elapsedOverflow) = now.subtractingReportingOverflow(last)
        let (earned, earnedOverflow) = elapsed.multipliedReportingOverflow(by: tokensPerPeriod)
        // Compared with what is missing, so the sum can never overflow.
        credit =
            elapsedOverflow || earnedOverflow || earned >= fullCredit &- credit ? fullCredit : credit &+ earned
        refilledAt = now
    }

    /// Spends `cost` tokens if the bucket holds them at `now` (nanoseconds on
    /// a monotonic clock); a denial spends nothing.
    /// - Precondition: `1 <= cost <= capacity`: a larger cost could never be
    ///   allowed (the keyed limiter checks it and throws instead).
    /// - Complexity: O(1).
    public mutating func tryAcquire(cost: Int = 1, atNanoseconds now: Int) -> Bool {
        precondition(cost >= 1 && cost <= capacity, "cost \(cost) is outside 1...\(capacity)")
        refill(atNanoseconds: now)
        let price = cost &* periodNanoseconds  // cost <= capacity, so at most fullCredit
        if credit < price { return false }
        credit &-= price
        #if DEBUG
            _checkInvariants()
        #endif
        return true
    }

    /// Traps unless the credit is within `0...capacity × periodNanoseconds`.
    /// Debug builds check it after every spend.
    public func _checkInvariants() {
        precondition(fullCredit == capacity * periodNanoseconds, "full credit \(fullCredit) is not capacity × period")
        precondition(credit >= 0 && credit <= fullCredit, "credit \(credit) outside 0...\(fullCredit)")
    }

    /// Whole tokens held at `now`, without changing the bucket.
    public func tokens(atNanoseconds now: Int) -> Int {
        var copy = self
        copy.refill(atNanoseconds: now)
        return copy.credit / periodNanoseconds
    }

    /// How long after the last call a request of `cost` would be allowed:
    /// 0 when it would be now. For a `Retry-After` header, on a denial only.
    /// - Precondition: `1 <= cost <= capacity`.
    public func nanosecondsUntilAvailable(cost: Int = 1) -> Int {
        precondition(cost >= 1 && cost <= capacity, "cost \(cost) is outside 1...\(capacity)")
        let missing = cost * periodNanoseconds - credit  // both within 0...fullCredit
        guard missing > 0 else { return 0 }
        // Rounded up without `missing + tokensPerPeriod - 1`, which can overflow.
        let (quotient, remainder) = missing.quotientAndRemainder(dividingBy: tokensPerPeriod)
        return remainder == 0 ? quotient : quotient + 1
    }

    /// Whether a full bucket would be indistinguishable from this one at `now`.
    public func isIdle(atNanoseconds now: Int) -> Bool {
        var copy = self
        copy.refill(atNanoseconds: now)
        return copy.credit == fullCredit
    }
}

/// ``LockedKeyedRateLimiter``'s job with ``NanosecondTokenBucket``s: one
/// bucket per key behind one `Mutex`, and the bucket updated in place in the
/// dictionary (one hash lookup, where read-modify-write through
/// `states[key]` costs two). The `Mutex` also makes the class `Sendable`
/// without `@unchecked`; note that ThreadSanitizer on Linux does not model
/// `Mutex` (see the README), so a TSan test of this type from several threads
/// would report a false race.
///
/// Time is a function returning integer nanoseconds, read before taking the
/// lock. The default reads the monotonic clock as an integer
/// (``monotonicNanoseconds()``); the initializer that takes
/// any `Clock<Duration>` (tests use a manual one) computes
/// `epoch.duration(to: clock.now)` and splits the `Duration` into whole
/// nanoseconds, which cost another 20-100 ns per call in these benchmark
/// runs (a different clock, and the 128-bit attosecond count has to be
/// divided).
public final class NanosecondKeyedRateLimiter: Sendable {
    /// What the lock guards. Kept inside the `Mutex`, not as stored `var`s of
    /// the class (whose accesses are checked for exclusivity at run time
    /// unless the optimizer proves no overlap).
    private struct State {
        var buckets: [String: NanosecondTokenBucket] = [:]
        var lastSweep: Int
    }

    private let now: @Sendable () -> Int
    private let template: NanosecondTokenBucket
    private let sweepIntervalNanoseconds: Int
    private let state: Mutex<State>

    /// A limiter that gives each new key a copy of `template`, drops the
    /// buckets that are full again once per `sweepInterval`, and reads time
    /// from `nanoseconds` (monotonic, in nanoseconds).
    /// - Throws: ``RateLimiterConfigurationError/nonPositiveSweepInterval(_:)``.
    public init(
        template: NanosecondTokenBucket, sweepInterval: Duration = .seconds(60),
        nanoseconds: @escaping @Sendable () -> Int = NanosecondKeyedRateLimiter.monotonicNanoseconds
    ) throws(RateLimiterConfigurationError) {
        guard sweepInterval > .zero else { throw .nonPositiveSweepInterval(sweepInterval) }
        self.now = nanoseconds
        self.template = template
        // An interval beyond Int.max nanoseconds (292 years) means "never".
        self.sweepIntervalNanoseconds = Swift.max(1, Self.nanoseconds(sweepInterval) ?? .max)
        self.state = Mutex(State(lastSweep: nanoseconds()))
    }

    /// The same limiter on any clock: time is `clock.now` measured from the
    /// moment the limiter is created.
    public convenience init<C: Clock<Duration>>(
        template: NanosecondTokenBucket, clock: C, sweepInterval: Duration = .seconds(60)
    ) throws(RateLimiterConfigurationError) {
        let epoch = clock.now
        try self.init(template: template, sweepInterval: sweepInterval) {
            // Past 292 years of uptime the count would not fit: saturate.
            Self.nanoseconds(epoch.duration(to: clock.now)) ?? .max
        }
    }

    /// Whether a request of `cost` for `key` is allowed now.
    /// - Throws: ``RateLimiterConfigurationError/emptyKey`` or
    ///   ``RateLimiterConfigurationError/costOutOfRange(cost:limit:)``.
    /// - Complexity: O(1) on average (one O(keys) sweep per interval).
    public func allow(key: String, cost: Int = 1) throws(RateLimiterConfigurationError) -> Bool {
        guard !key.isEmpty else { throw .emptyKey }
        guard cost >= 1, cost <= template.capacity else {
            throw .costOutOfRange(cost: cost, limit: template.capacity)
        }
        let now = self.now()
        return state.withLock { state in
            if now &- state.lastSweep >= sweepIntervalNanoseconds {
                state.buckets = state.buckets.filter { !$0.value.isIdle(atNanoseconds: now) }
                state.lastSweep = now
            }
            return state.buckets[key, default: template].tryAcquire(cost: cost, atNanoseconds: now)
        }
    }

    /// The number of keys with a bucket.
    public var trackedKeyCount: Int {
        state.withLock { $0.buckets.count }
    }

    /// Nanoseconds on the system's monotonic clock, as Dispatch reads it
    /// (`CLOCK_MONOTONIC` on Linux): never jumps backwards, and does not count
    /// time the machine spends suspended.
    @Sendable public static func monotonicNanoseconds() -> Int {
        Int(truncatingIfNeeded: DispatchTime.now().uptimeNanoseconds)
    }

    /// Whole nanoseconds in `duration`, rounded towards zero; `nil` beyond
    /// `Int` (about ±292 years).
    static func nanoseconds(_ duration: Duration) -> Int? {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = Int(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        let (total, sumOverflow) = whole.addingReportingOverflow(Int(attoseconds / 1_000_000_000))
        return overflow || sumOverflow ? nil : total
    }
}

/// Exact arithmetic on `Duration`s for the limiters.
enum RateLimitMath {
    /// ⌊x / unit⌋ for `x >= 0`, `unit > 0`, exact (the `Double` quotient is
    /// only a first guess: it rounds for long durations).
    static func floorQuotient(_ x: Duration, _ unit: Duration) -> Int {
        var quotient = max(0, Int((x / unit).rounded(.down)))
        while unit * (quotient + 1) <= x { quotient += 1 }
        while quotient > 0, unit * quotient > x { quotient -= 1 }
        return quotient
    }

    /// ⌈x / unit⌉ for `x >= 0`, `unit > 0`, exact.
    static func ceilingQuotient(_ x: Duration, _ unit: Duration) -> Int {
        let quotient = floorQuotient(x, unit)
        return unit * quotient < x ? quotient + 1 : quotient
    }

    /// `d / n` rounded up to the attosecond, so waiting it is always enough.
    static func dividedRoundingUp(_ duration: Duration, by divisor: Int) -> Duration {
        let quotient = duration / divisor
        return quotient * divisor < duration
            ? quotient + Duration(secondsComponent: 0, attosecondsComponent: 1) : quotient
    }

    static func wholeSecondsRoundingUp(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(0, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}

/// The promises of ``RateLimiter`` as executable checks, for every
/// implementation: the in-memory limiters here, and the service's SQL stores.
///
/// ```swift
/// @Test(arguments: RateLimiterContract.checks)
/// func contract(_ check: RateLimiterContract.Check) async throws {
///     try await check.run { limit, window in
///         let clock = ManualClock()
///         let limiter = try KeyedRateLimiter(template: TokenBucket(capacity: limit, refill: limit, per: window), clock: clock)
///         return .init(limiter: limiter, advance: { clock.advance(by: $0) })
///     }
/// }
/// ```
public enum RateLimiterContract {
    /// A fresh limiter under test and a way to move its clock.
    public struct Subject: Sendable {
        public var limiter: any RateLimiter
        public var advance: @Sendable (Duration) async -> Void

        public init(limiter: any RateLimiter, advance: @escaping @Sendable (Duration) async -> Void) {
            self.limiter = limiter
            self.advance = advance
        }
    }

    /// Makes a fresh, empty limiter that admits `limit` units per `window`
    /// (a token bucket: capacity `limit`, refilled `limit` per `window`), on
    /// a clock that only ``Subject/advance`` moves.
    public typealias Factory = @Sendable (_ limit: Int, _ window: Duration) async throws -> Subject

    /// One named promise.
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        public let run: @Sendable (_ factory: Factory) async throws -> Void

        public init(_ name: String, run: @escaping @Sendable (_ factory: Factory) async throws -> Void) {
            self.name = name
            self.run = run
        }

        public var description: String { name }
    }

    /// An implementation broke a promise.
    public struct ContractViolation: Error, CustomStringConvertible {
        public let message: String

        public init(_ message: String) { self.message = message }

        public var description: String { "rate limiter contract violated: \(message)" }
    }

    static func ensure(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw ContractViolation(message()) }
    }

    static func exhaust(_ limiter: any RateLimiter, key: String, limit: Int) async throws -> RateLimitDecision {
        for index in 1...limit {
            let decision = try await limiter.acquire(key: key, cost: 1)
            try ensure(decision.isAllowed, "request \(index) of \(limit) on a fresh key was denied")
        }
        let denial = try await limiter.acquire(key: key, cost: 1)
        try ensure(!denial.isAllowed, "request \(limit + 1) of a limit of \(limit) was allowed")
        return denial
    }

    public static let checks: [Check] = [
        Check("a fresh key admits a burst of exactly the limit, counting remaining down") { factory in
            let subject = try await factory(5, .seconds(1))
            for expected in (0..<5).reversed() {
                let decision = try await subject.limiter.acquire(key: "k", cost: 1)
                try ensure(decision.isAllowed && decision.retryAfter == nil, "burst request denied: \(decision)")
                try ensure(decision.limit == 5, "limit reported as \(decision.limit), configured 5")
                try ensure(decision.remaining == expected, "remaining \(decision.remaining), expected \(expected)")
            }
            let denial = try await subject.limiter.acquire(key: "k", cost: 1)
            try ensure(!denial.isAllowed && denial.remaining == 0, "6th request of 5: \(denial)")
            let wait = denial.retryAfter ?? .zero
            // Two windows at most: a sliding counter may have to wait for its previous window to fade.
            try ensure(wait > .zero && wait <= .seconds(2), "retryAfter \(wait) not in (0, 2 × window]")
        },
        Check("keys are independent") { factory in
            let subject = try await factory(3, .seconds(1))
            _ = try await exhaust(subject.limiter, key: "a", limit: 3)
            let other = try await subject.limiter.acquire(key: "b", cost: 3)
            try ensure(other.isAllowed && other.remaining == 0, "key b was affected by key a: \(other)")
        },
        Check("a denial spends nothing") { factory in
            let subject = try await factory(10, .seconds(1))
            let first = try await subject.limiter.acquire(key: "k", cost: 8)
            try ensure(first.isAllowed && first.remaining == 2, "cost 8 of 10: \(first)")
            let tooBig = try await subject.limiter.acquire(key: "k", cost: 5)
            try ensure(!tooBig.isAllowed && tooBig.remaining == 2, "cost 5 with 2 left: \(tooBig)")
            let fits = try await subject.limiter.acquire(key: "k", cost: 2)
            try ensure(fits.isAllowed && fits.remaining == 0, "cost 2 with 2 left after a denial: \(fits)")
        },
        Check("waiting retryAfter is enough for the same request") { factory in
            let subject = try await factory(4, .seconds(2))
            let denial = try await exhaust(subject.limiter, key: "k", limit: 4)
            await subject.advance(try require(denial.retryAfter))
            let retried = try await subject.limiter.acquire(key: "k", cost: 1)
            try ensure(retried.isAllowed, "denied again after waiting \(denial): \(retried)")
        },
        Check("two quiet windows restore the whole limit") { factory in
            let subject = try await factory(5, .seconds(1))
            _ = try await exhaust(subject.limiter, key: "k", limit: 5)
            await subject.advance(.seconds(2))
            let burst = try await subject.limiter.acquire(key: "k", cost: 5)
            try ensure(burst.isAllowed && burst.remaining == 0, "full burst after two windows: \(burst)")
        },
        Check("an empty key or a cost outside 1...limit throws RateLimiterConfigurationError") { factory in
            let subject = try await factory(5, .seconds(1))
            let bad: [(String, Int, RateLimiterConfigurationError)] = [
                ("", 1, .emptyKey), ("k", 0, .costOutOfRange(cost: 0, limit: 5)),
                ("k", -1, .costOutOfRange(cost: -1, limit: 5)), ("k", 6, .costOutOfRange(cost: 6, limit: 5)),
            ]
            for (key, cost, expected) in bad {
                do {
                    let decision = try await subject.limiter.acquire(key: key, cost: cost)
                    throw ContractViolation("key '\(key)' cost \(cost) returned \(decision) instead of throwing")
                } catch let error as RateLimiterConfigurationError {
                    try ensure(error == expected, "key '\(key)' cost \(cost) threw \(error), expected \(expected)")
                }
            }
        },
        Check("500 concurrent requests on a limit of 50 admit exactly 50") { factory in
            let subject = try await factory(50, .seconds(1))
            let limiter = subject.limiter
            let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<500 { group.addTask { try await limiter.acquire(key: "hot", cost: 1).isAllowed } }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            try ensure(allowed == 50, "\(allowed) of 500 concurrent requests admitted on a limit of 50")
        },
    ]
}

extension RateLimiterContract {
    // The contract lives in the library, where `#require` is not available.
    fileprivate static func require<T>(_ value: T?) throws -> T {
        guard let value else { throw ContractViolation("a denial carried no retryAfter") }
        return value
    }
}
