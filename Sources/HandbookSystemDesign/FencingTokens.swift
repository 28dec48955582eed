/// Fencing tokens: a lease alone is not mutual exclusion, because its holder
/// can pause past the lease's end and then act. So every lease carries a
/// number that only grows, and the protected resource refuses any token
/// lower than the highest it has seen.
///
/// ```swift
/// let leases = try FencingTokens.LeaseStore(clock: ContinuousClock(), duration: .seconds(10))
/// let reports = FencingTokens.FencedStorage<String>()
/// if let lease = await leases.acquire(holder: "worker-7f3a") {
///     // … a 30 s stall (a VM migration, SIGSTOP, a slow await) may happen anywhere here …
///     try await reports.write(report, forKey: "daily", token: lease.token)  // StaleToken if someone took over since
/// }
/// ```
///
/// ## Why interviewers ask this
/// "Only one worker may run this job" invites "take a lock in Redis or the
/// database". The follow-up is the real question: the holder checks its
/// lease, then pauses for longer than the lease (a stop-the-world pause, a
/// VM migration, SIGSTOP, a slow network call); the lease expires, another
/// worker takes over, and the first one resumes and writes. Interviewers
/// want to hear that no check on the holder's side closes that window (the
/// pause can come after the check, or while the write is in flight), that
/// the *resource* must refuse the stale holder, and the lease mechanics
/// around it: compare-and-set on a lease row, renewal, a term that grows on
/// every takeover, and what clocks have to do with it. It is Martin
/// Kleppmann's argument in "How to do distributed locking" (2016).
///
/// ## What the in-memory model stands for
/// - ``LeaseTable`` is the row `leases(name, holder, term, expires_at)` and
///   ``LeaseStore`` the database around it: one call is one statement, atomic
///   because the actor runs one call at a time. Acquire is
///   `UPDATE leases SET holder = $me, term = term + 1, expires_at = now() + $ttl WHERE name = $n AND expires_at <= now() RETURNING term`;
///   renew is `… SET expires_at = now() + $ttl WHERE name = $n AND holder = $me AND term = $t AND expires_at > now()`.
///   The store's injected clock is that `now()`: ONE clock decides every
///   takeover.
/// - ``FencedStorage`` is the resource (a table, a file store): one call is
///   one transaction that checks the token against the fence and raises it.
/// - A paused holder is a task parked (on a test gate) between its last
///   lease check and its write. Each holder judges its own lease with its own
///   clock; tests give a holder a second `ManualClock` to model a clock that lags.
///
/// ## Common pitfalls
/// - Checking the lease before acting (`if lease.isLive(at: clock.now) { write }`):
///   the pause falls between the check and the write, or inside the write.
///   Without a token the storage accepts the late write over the new
///   holder's (``UnfencedStorage``, test `unfencedStorageTakesTheStaleWrite`).
/// - A token the resource cannot order. A random lease id tells "same lease
///   or not" only to someone who knows the current one. The capstone's orders
///   use exactly that, and it works there because the lease token lives in
///   the row it guards (`WHERE id = $1 AND lease_token = $mine`). A resource
///   that is separate from the lock needs a number that only grows, so it can
///   refuse "older than the newest I have seen" without asking anyone.
/// - Not bumping the term on takeover, or resetting it (deleting the lease
///   row on release and inserting it again at term 1): tokens repeat and
///   the resource cannot tell old from new. ``LeaseTable/release(_:)`` keeps
///   the term.
/// - Fencing per key when the lock guards many keys: a stale holder could
///   still write a key the new holder has not touched yet. The fence here is
///   one number per storage, that is, per lock.
/// - Unfenced reads: a new holder that reads, decides, then writes must read
///   with its token too, or a stale write can land after that read and be
///   overwritten unseen. ``FencedStorage/read(_:token:)`` raises the fence.
/// - Renewing at the last moment. Renew early (every third of the lease is
///   common), so one slow or lost renewal does not lose leadership. A renewal
///   that arrives after expiry is refused even if nobody took over: the
///   holder must acquire again, and gets a new token.
/// - Trusting clocks for safety. The holder decides whether it may still act
///   with its own clock; if that lags the store's by δ, it believes in its
///   lease δ longer than the store does, and a takeover overlaps (test
///   `laggingHolderClockOverlapsTheTakeover`). Leases with an absolute
///   `expiresAt` assume bounded clock *skew* (offset between clocks; local
///   durations assume bounded *drift*, rate error): stop a margin of at
///   least the worst lag before `expiresAt`
///   (``Lease/isLive(at:margin:)``). That removes the overlap that skew
///   causes, not the one a pause causes (the pause can follow the check), so
///   the token is still what keeps the data correct. (When each app server
///   passes its own clock as `now` into the SQL, as the capstone does for
///   testability, takeovers depend on the contender's clock as well; `now()`
///   or `clock_timestamp()` in the statement would make it one clock.)
/// - Treating a PostgreSQL advisory lock as a lease. `pg_advisory_lock` is
///   held by the *session*: it survives `COMMIT` and has no expiry (a
///   SIGSTOPped holder keeps it as long as its session lives). The server
///   releases it when the session ends: at once if the client's process dies
///   while idle (its kernel closes the socket), but only when the running
///   query finishes if the client dies mid-query (unless
///   `client_connection_check_interval`, new in PostgreSQL 14, is set). And
///   when the server ends the session itself (`pg_terminate_backend`; an
///   `idle_session_timeout` or a failover ends it too), the next taker gets
///   the lock while the old client process runs on: it learns only when its
///   next query on that connection fails, and may act as leader meanwhile.
///   (Probed on PostgreSQL 15.18 with `pg_terminate_backend`, SIGSTOP and
///   SIGKILL. Not probed: a host that vanishes without closing its socket
///   holds the lock until TCP keepalive gives up, and PgBouncer's
///   documentation lists session-level advisory locks as unsupported in
///   transaction pooling.) An advisory-lock leader needs a fencing token
///   too, for example a term row it increments when it takes the lock. The
///   capstone takes `pg_try_advisory_lock` only to choose the instance that
///   runs the expiry sweeps, which are safe to run twice; settling an order,
///   which is not, is fenced by that order's lease token.
///
/// ## Key takeaway
/// A lease makes it *likely* that one worker acts; the resource makes it
/// *safe*. Issue a token with every lease (the lease row's term, bumped by
/// every takeover, never reset), and have the resource refuse a token lower
/// than the highest it has seen, on the writes and on the reads that
/// decisions depend on. Take over only after expiry, judged by one clock;
/// renew at a fraction of the lease; and count on bounded clock drift to keep
/// a second worker idle, never to keep the data correct.
public enum FencingTokens {
    /// A fencing token: the term of the lease that issued it. Later leases
    /// have larger tokens.
    public struct Token: Hashable, Comparable, Sendable, CustomStringConvertible {
        public let rawValue: UInt64

        public init(rawValue: UInt64) {
            self.rawValue = rawValue
        }

        public static func < (lhs: Token, rhs: Token) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String { "#\(rawValue)" }
    }

    /// What a holder gets from ``LeaseStore/acquire(holder:)`` or
    /// ``LeaseStore/renew(_:)``: who, which token, and until when (on the
    /// lease store's clock).
    public struct Lease<Instant: InstantProtocol>: Hashable, Sendable where Instant.Duration == Duration {
        /// Unique per process *start* (a UUID), not a host name: a restarted
        /// process must not look like its dead predecessor.
        public let holder: String
        public let token: Token
        public let expiresAt: Instant

        public init(holder: String, token: Token, expiresAt: Instant) {
            self.holder = holder
            self.token = token
            self.expiresAt = expiresAt
        }

        /// Whether the holder may still act at `now`, read from ITS clock,
        /// stopping `margin` early to absorb how far that clock may lag the
        /// lease store's. A `true` here is a belief, not a guarantee: it can
        /// be stale by the time the holder acts, which is what the token is for.
        /// - Precondition: `margin >= .zero`.
        public func isLive(at now: Instant, margin: Duration = .zero) -> Bool {
            precondition(margin >= .zero, "a safety margin cannot be negative (got \(margin))")
            return now < expiresAt.advanced(by: .zero - margin)
        }
    }

    /// The lease row and its transitions: a value type whose methods are the
    /// conditional `UPDATE`s, pure functions of (row, request, now).
    public struct LeaseTable<Instant: InstantProtocol>: Hashable, Sendable where Instant.Duration == Duration {
        /// The latest grant; it may have expired (`nil`: never held, or released).
        public private(set) var current: Lease<Instant>?
        /// The `term` column: the token of the latest grant. Never reset, so
        /// tokens never repeat.
        public private(set) var term: UInt64 = 0

        public init() {}

        /// Takes the lease if nobody holds it at `now` (never held, released,
        /// or expired: `now >= expiresAt`), with a token one higher than any
        /// before. A live lease, the caller's own included, is never taken:
        /// its holder renews instead.
        /// - Complexity: O(1).
        public mutating func acquire(holder: String, now: Instant, duration: Duration) -> Lease<Instant>? {
            if let current, now < current.expiresAt { return nil }
            term += 1
            let lease = Lease(holder: holder, token: Token(rawValue: term), expiresAt: now.advanced(by: duration))
            current = lease
            return lease
        }

        /// Extends the caller's lease from `now`, keeping its token, if it is
        /// still the current one and has not expired. Refused after expiry
        /// even when nobody took over: a lapsed holder acquires again.
        /// - Complexity: O(1).
        public mutating func renew(_ lease: Lease<Instant>, now: Instant, duration: Duration) -> Lease<Instant>? {
            guard let current, current.holder == lease.holder, current.token == lease.token, now < current.expiresAt
            else { return nil }
            let renewed = Lease(holder: lease.holder, token: lease.token, expiresAt: now.advanced(by: duration))
            self.current = renewed
            return renewed
        }

        /// Gives the lease up early, if it is still the caller's; the term
        /// stays, so the next holder's token is higher still.
        /// - Returns: Whether the caller held it.
        public mutating func release(_ lease: Lease<Instant>) -> Bool {
            guard let current, current.holder == lease.holder, current.token == lease.token else { return false }
            self.current = nil
            return true
        }
    }

    /// A lease duration that is zero or negative.
    public struct InvalidLeaseDuration: Error, Hashable, Sendable, CustomStringConvertible {
        public let duration: Duration

        public init(duration: Duration) {
            self.duration = duration
        }

        public var description: String { "a lease must last longer than zero (got \(duration))" }
    }

    /// The lease row in a database: each method is one statement, and the
    /// injected clock is the database's `now()`.
    public actor LeaseStore<C: Clock<Duration>> {
        public nonisolated let clock: C
        public nonisolated let duration: Duration
        private var table = LeaseTable<C.Instant>()

        /// - Throws: ``InvalidLeaseDuration`` unless `duration > .zero`.
        public init(clock: C, duration: Duration) throws(InvalidLeaseDuration) {
            guard duration > .zero else { throw InvalidLeaseDuration(duration: duration) }
            self.clock = clock
            self.duration = duration
        }

        /// ``LeaseTable/acquire(holder:now:duration:)`` at the store's `now`.
        public func acquire(holder: String) -> Lease<C.Instant>? {
            table.acquire(holder: holder, now: clock.now, duration: duration)
        }

        /// ``LeaseTable/renew(_:now:duration:)`` at the store's `now`.
        public func renew(_ lease: Lease<C.Instant>) -> Lease<C.Instant>? {
            table.renew(lease, now: clock.now, duration: duration)
        }

        /// ``LeaseTable/release(_:)``.
        public func release(_ lease: Lease<C.Instant>) -> Bool {
            table.release(lease)
        }

        /// The lease that is live now, by the store's clock, if any.
        public var liveLease: Lease<C.Instant>? {
            guard let current = table.current, clock.now < current.expiresAt else { return nil }
            return current
        }
    }

    /// Thrown by the resource: the caller's token is older than one it has
    /// already seen, so a newer lease exists and the caller no longer holds
    /// the lock, whatever its own clock says.
    public struct StaleToken: Error, Hashable, Sendable, CustomStringConvertible {
        public let presented: Token
        public let highest: Token

        public init(presented: Token, highest: Token) {
            self.presented = presented
            self.highest = highest
        }

        public var description: String { "fencing token \(presented) is stale: \(highest) was already seen" }
    }

    /// The protected resource, checking tokens itself: a key-value store that
    /// one lock guards as a whole.
    ///
    /// In SQL the fence is a row per lock, read `FOR UPDATE` and raised in the
    /// same transaction as the write, or a `fence` column compared in the
    /// write's own `WHERE` (`… AND fence <= $token`) when one row is the whole
    /// resource.
    public actor FencedStorage<Value: Sendable> {
        private var values: [String: Value] = [:]
        /// The highest token seen, ONE for the whole storage: the lock guards
        /// every key, so a token is stale for all of them at once.
        public private(set) var highestToken: Token?

        public init() {}

        /// Stores `value` if `token` is not older than any seen before.
        /// - Throws: ``StaleToken``; nothing is written.
        /// - Complexity: O(1) on average.
        public func write(_ value: Value, forKey key: String, token: Token) throws(StaleToken) {
            try admit(token)
            values[key] = value
        }

        /// Reads under the lock: checks `token` and raises the fence, so no
        /// older holder can write after this read.
        /// - Throws: ``StaleToken``.
        public func read(_ key: String, token: Token) throws(StaleToken) -> Value? {
            try admit(token)
            return values[key]
        }

        /// What is stored, without a token: for observers (tests, monitoring),
        /// never for a decision made under the lock.
        public func value(forKey key: String) -> Value? {
            values[key]
        }

        private func admit(_ token: Token) throws(StaleToken) {
            if let highestToken, token < highestToken { throw StaleToken(presented: token, highest: highestToken) }
            highestToken = token
        }
    }

    /// The pitfall, kept for contrast: storage that trusts whoever calls it
    /// to hold the lock. The last write wins, a paused holder's included.
    public actor UnfencedStorage<Value: Sendable> {
        private var values: [String: Value] = [:]

        public init() {}

        public func write(_ value: Value, forKey key: String) {
            values[key] = value
        }

        public func value(forKey key: String) -> Value? {
            values[key]
        }
    }
}
