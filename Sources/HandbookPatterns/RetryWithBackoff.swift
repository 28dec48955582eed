/// Retry with capped exponential backoff and full jitter, inside a deadline, forwarding the last error.
///
/// ```swift
/// let retrier = Retrier(
///     policy: try RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .seconds(2)),
///     clock: ContinuousClock())
/// let receipt = try await retrier.run(retryIf: \GatewayError.isTransient) { attempt in
///     try await gateway.charge(order)   // throws(GatewayError)
/// }
/// ```
///
/// ## Why interviewers ask this
/// Every network call fails sometimes, and a naive retry loop turns a blip
/// into an outage: clients retry in lockstep, the load doubles exactly when
/// the server is weakest, and a request outlives the user who made it.
/// Interviewers want the three fixes (exponential growth with a cap, jitter
/// to spread clients apart, a budget in attempts *and* time) and the
/// judgement of what is safe to retry at all.
///
/// ## Common pitfalls
/// - Small symmetric jitter (`±10 %`) keeps clients synchronised; full jitter,
///   `random(0...ceiling)`, spreads them over the whole window (AWS's
///   "Exponential Backoff and Jitter" measured it as the cheapest in total work).
/// - No cap: `base·2^i` reaches hours after twenty retries, and overflows after a few dozen.
/// - Retrying everything. A `400`, a validation error or a non-idempotent
///   `POST` without an idempotency key must not be retried: pass `retryIf`.
/// - Sleeping past the caller's deadline, or starting an attempt that cannot
///   finish in time. Here no backoff starts whose end would reach the deadline.
/// - Swallowing cancellation: `try? await clock.sleep(...)` turns "the user
///   went away" into another attempt. The sleep must throw, and the loop must stop.
/// - Throwing a generic "retries exhausted" error that hides the cause;
///   forward the last error so callers can still `catch` it by type.
/// - Retrying at several layers at once (client, gateway, service): 3 × 3 × 3 = 27 calls.
///
/// ## Key takeaway
/// Retry = a loop of *attempt, classify, wait*, where the wait is
/// `random(0...min(cap, base·2^i))` drawn from an injected generator, slept
/// on an injected clock (so cancellation and tests both work), and bounded by
/// `maxAttempts` and a deadline. Put the policy in a validated value
/// (``RetryPolicy``) and keep the loop (``Retrier``) small.
///
/// ## Go → Swift
/// The Go seed's comment promises "±10 % jitter" but the code adds 0–10 %
/// (``seedStyleDelay(baseDelay:retry:using:)`` reproduces it), never caps
/// the delay, and its tests check only attempt counts: the backoff and the
/// cancellation path are never asserted. Go waits in a `select` on
/// `ctx.Done()` and `time.After`; Swift's `clock.sleep` is the same wait and
/// throws `CancellationError` on cancellation. A typed `throws(E)` operation
/// lets `retryIf` see the concrete error type, and the seeded generator and
/// manual clock make every delay in the tests exact.
public enum RetryWithBackoff {
    /// The Go seed's delay, kept as the pitfall: `base·2^retry` plus 0–10 %,
    /// with no cap.
    ///
    /// The jitter only ever adds, so every client waits at least
    /// `base·2^retry` and they stay bunched together; nothing stops the
    /// growth. Use ``RetryPolicy/delay(forRetry:using:)`` instead.
    ///
    /// - Precondition: `base·2^retry·1.1` fits in a `Duration` (it traps otherwise).
    public static func seedStyleDelay(
        baseDelay: Duration,
        retry: Int,
        using random: inout some RandomNumberGenerator
    ) -> Duration {
        let backoff = baseDelay * (1 << retry)
        return backoff + backoff * Double.random(in: 0..<0.1, using: &random)
    }

    /// The deadline had passed before the first attempt, so nothing ran.
    public struct DeadlineExceededError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The error; it carries no data.
        public init() {}

        public var description: String { "the retry deadline had passed before the first attempt" }
    }
}

/// How many times to try and how long to wait between tries: a validated value.
public struct RetryPolicy: Hashable, Sendable {
    /// A setting that would make the policy meaningless.
    public enum ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
        case maxAttemptsBelowOne(Int)
        case negativeBaseDelay(Duration)
        case maxDelayBelowBaseDelay(baseDelay: Duration, maxDelay: Duration)

        public var description: String {
            switch self {
            case .maxAttemptsBelowOne(let value):
                "maxAttempts must be at least 1 (got \(value)): the operation would never run"
            case .negativeBaseDelay(let value):
                "baseDelay must not be negative (got \(value))"
            case .maxDelayBelowBaseDelay(let base, let max):
                "maxDelay (\(max)) must be at least baseDelay (\(base)): the cap would undercut the first backoff"
            }
        }
    }

    /// Total attempts, the first one included (1 means "never retry").
    public let maxAttempts: Int
    /// The ceiling of the first backoff; each retry doubles it.
    public let baseDelay: Duration
    /// The cap: no backoff ceiling exceeds it.
    public let maxDelay: Duration

    /// - Throws: ``ConfigurationError`` for `maxAttempts < 1`, a negative
    ///   `baseDelay`, or `maxDelay < baseDelay`.
    public init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration) throws(ConfigurationError) {
        guard maxAttempts >= 1 else { throw .maxAttemptsBelowOne(maxAttempts) }
        guard baseDelay >= .zero else { throw .negativeBaseDelay(baseDelay) }
        guard maxDelay >= baseDelay else { throw .maxDelayBelowBaseDelay(baseDelay: baseDelay, maxDelay: maxDelay) }
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The upper bound of the backoff before retry `retry` (0 is the wait
    /// after the first failure): `min(maxDelay, baseDelay·2^retry)`.
    ///
    /// Doubling stops at the cap, so a large `retry` cannot overflow.
    ///
    /// - Precondition: `retry >= 0`.
    /// - Complexity: O(min(retry, log₂(maxDelay / baseDelay))).
    public func backoffCeiling(forRetry retry: Int) -> Duration {
        precondition(retry >= 0, "retry index must not be negative (got \(retry))")
        var ceiling = baseDelay
        for _ in 0..<retry {
            if ceiling == .zero || ceiling >= maxDelay { break }
            ceiling = ceiling * 2
        }
        return min(ceiling, maxDelay)
    }

    /// Full jitter: a delay drawn uniformly, to the nanosecond, from
    /// `0...backoffCeiling(forRetry: retry)`.
    ///
    /// - Precondition: `retry >= 0`.
    public func delay(forRetry retry: Int, using random: inout some RandomNumberGenerator) -> Duration {
        let ceiling = Self.wholeNanoseconds(in: backoffCeiling(forRetry: retry))
        return .nanoseconds(Int64.random(in: 0...ceiling, using: &random))
    }

    /// `duration` in whole nanoseconds, rounded down, saturating at `Int64.max` (292 years).
    static func wholeNanoseconds(in duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (nanos, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return .max }
        let (total, overflowAgain) = nanos.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflowAgain ? .max : total
    }
}

/// Runs an operation under a ``RetryPolicy``, sleeping on an injected clock.
///
/// A `Retrier` is a plain `Sendable` value: store one per dependency and
/// share it. Randomness is passed per call, so tests can seed it and
/// production uses `SystemRandomNumberGenerator`.
public struct Retrier<C: Clock<Duration>>: Sendable {
    /// Attempts and backoff bounds.
    public let policy: RetryPolicy
    /// Where backoffs sleep: `ContinuousClock` in production, a manual clock in tests.
    public let clock: C

    /// A retrier that sleeps on `clock`.
    public init(policy: RetryPolicy, clock: C) {
        self.policy = policy
        self.clock = clock
    }

    /// Calls `operation` (with the 1-based attempt number) until it
    /// succeeds, fails with an error `retryIf` rejects, runs out of attempts,
    /// or the next backoff would reach `deadline`.
    ///
    /// Before retry `i` it sleeps ``RetryPolicy/delay(forRetry:using:)`` on
    /// `clock`. It never begins a sleep whose end is at or after `deadline`,
    /// so every attempt starts strictly before it (how long an attempt itself
    /// may take is the caller's per-call timeout).
    ///
    /// - Throws: the last error of `operation`, unchanged, when it gives up;
    ///   `CancellationError` if the task is cancelled during a backoff (no
    ///   further attempt starts); ``RetryWithBackoff/DeadlineExceededError``
    ///   if `deadline` has passed before the first attempt.
    public func run<T, E: Error>(
        until deadline: C.Instant? = nil,
        using random: inout some RandomNumberGenerator,
        retryIf isRetryable: (E) -> Bool = { _ in true },
        _ operation: (_ attempt: Int) async throws(E) -> T
    ) async throws -> T {
        if let deadline, clock.now >= deadline { throw RetryWithBackoff.DeadlineExceededError() }
        var attempt = 1
        while true {
            do {
                return try await operation(attempt)
            } catch {
                guard attempt < policy.maxAttempts, isRetryable(error) else { throw error }
                let delay = policy.delay(forRetry: attempt - 1, using: &random)
                let wakeUp = clock.now.advanced(by: delay)
                if let deadline, wakeUp >= deadline { throw error }
                try await clock.sleep(until: wakeUp, tolerance: nil)
                try Task.checkCancellation()
                attempt += 1
            }
        }
    }

    /// ``run(until:using:retryIf:_:)`` with the system's random number generator.
    public func run<T, E: Error>(
        until deadline: C.Instant? = nil,
        retryIf isRetryable: (E) -> Bool = { _ in true },
        _ operation: (_ attempt: Int) async throws(E) -> T
    ) async throws -> T {
        var random = SystemRandomNumberGenerator()
        return try await run(until: deadline, using: &random, retryIf: isRetryable, operation)
    }
}

extension Retrier where C == ContinuousClock {
    /// A retrier that sleeps on the system's monotonic clock.
    public init(policy: RetryPolicy) {
        self.init(policy: policy, clock: ContinuousClock())
    }
}
