/// A circuit breaker: after repeated failures, stop calling a sick dependency
/// for a while, then let exactly one probe find out whether it has recovered.
///
/// ```swift
/// let breaker = try CircuitBreaker(failureThreshold: 5, resetTimeout: .seconds(30), clock: ContinuousClock())
/// do {
///     let receipt = try await breaker.run { try await gateway.charge(order) }
/// } catch let rejection as CircuitBreakerError {
///     // failed fast: the gateway was not called. Answer 503 with Retry-After.
/// }
/// ```
///
/// ## Why interviewers ask this
/// A slow or failing dependency turns into a cascading outage when every
/// request keeps waiting on it: threads, connections and retries pile up.
/// The breaker is the standard answer, and it is a small state machine
/// (closed → open → half-open) with a clock and concurrency in it, so it
/// shows whether you can keep state transitions correct under load.
///
/// ## Common pitfalls
/// - Letting every caller through in half-open. The point of half-open is to
///   send *one* probe to a service that may still be down; admitting all
///   callers at the moment the timer expires is a thundering herd (the Go
///   seed's bug). Here a second caller is rejected with
///   ``CircuitBreakerError/halfOpenProbeInFlight``.
/// - Calling the operation and then checking the state: when open, the
///   operation must not run at all (that is the "fail fast").
/// - Counting every error as a failure. A cancelled caller or a
///   `400 Bad Request` says nothing about the dependency's health; pass an
///   `isFailure` predicate. By default `CancellationError` is not counted.
/// - Forgetting to reset the count on success, so failures spread over a day
///   eventually trip the breaker ("consecutive", not "total").
/// - Letting a late result of an old call decide the state. Only the
///   probe's own outcome closes or reopens a half-open breaker, and a call
///   admitted in an earlier closed period must not count against the new
///   one (after open → half-open → closed, a timeout from before the outage
///   is old news). Each ``Permit`` carries the machine's ``StateMachine/generation``;
///   outcomes from an older generation are ignored.
/// - A probe that never returns (a hung connection, a lost task) leaving the
///   breaker half-open for ever, rejecting every call. The probe's start time
///   is recorded, and after `probeTimeout` it is treated as abandoned: the
///   next caller becomes the new probe.
/// - Reading the wall clock in the transitions, which makes them untestable.
///   The machine takes `now` as a parameter; the actor reads the injected clock.
///
/// ## Key takeaway
/// Keep the policy in a value type whose transitions are pure functions of
/// (state, event, now): ``StateMachine/admit(at:)``,
/// ``StateMachine/onSuccess(_:)``, ``StateMachine/onFailure(_:at:)``. Test
/// those directly, then wrap them in a thin actor that never holds its
/// isolation while the operation runs: the operation runs on the caller's
/// executor, between an `admit` and a `record`.
///
/// ## Go → Swift
/// The Go seed guards an integer state with a `sync.Mutex` and reads
/// `time.Now()`; its one test sleeps 150 ms, and half-open lets every
/// concurrent caller through. Here the state is an enum whose cases carry
/// their data (`open(until:)` cannot exist without a deadline), time comes
/// from an injected `Clock`, the rejection is a typed ``CircuitBreakerError``
/// rather than a sentinel `errors.New`, and a test with a `Gate` proves that
/// 10 concurrent calls during a probe run the operation exactly once.
///
/// ## Distributed circuit breakers
/// With N instances, each keeps its own breaker by default, and that is
/// usually right: each instance sees its own traffic, needs no coordination,
/// and a breaker must never depend on another network hop that can fail too.
/// The cost is slower detection (each instance needs its own `threshold`
/// failures) and N probes per recovery. Sharing state (counts in Redis,
/// a half-open lease acquired with `SET NX PX`) detects faster and probes
/// once cluster-wide, but adds latency to every call and a new failure mode,
/// so the breaker must fall back to local state when the store is
/// unreachable. In practice the job often moves to the service mesh (Envoy
/// outlier detection) or to the load balancer's health checks.
public actor CircuitBreaker<C: Clock<Duration>> {
    /// Where the breaker is, with the data each state needs.
    public enum State: Hashable, Sendable {
        /// Calls flow; `failures` consecutive failures so far.
        case closed(failures: Int)
        /// Calls fail fast until the clock reaches `until`.
        case open(until: C.Instant)
        /// The reset timeout has passed. The next call is the single probe;
        /// while it runs (started at `probeStartedAt`, `nil` when no probe is
        /// in flight), every other call is rejected, until the probe is
        /// `probeTimeout` old and counts as abandoned.
        case halfOpen(probeStartedAt: C.Instant?)
    }

    /// What a call was admitted as, and in which generation of the machine,
    /// so its outcome is judged correctly, or ignored when it is stale.
    public enum Permit: Hashable, Sendable {
        /// An ordinary call in the closed state.
        case call(generation: Int)
        /// The single half-open probe.
        case probe(generation: Int)

        /// The ``StateMachine/generation`` that admitted the call.
        public var generation: Int {
            switch self {
            case .call(let generation), .probe(let generation): generation
            }
        }
    }

    /// The answer of ``StateMachine/admit(at:)``.
    public enum Admission: Hashable, Sendable {
        /// Run the call, and report its outcome with this permit.
        case allowed(Permit)
        /// Fail fast with this error; the operation must not run.
        case rejected(CircuitBreakerError)
    }

    /// The breaker's policy as a value: pure transitions, no clock, no lock.
    ///
    /// - Invariant: `failures < failureThreshold` in `.closed(failures:)`.
    public struct StateMachine: Hashable, Sendable {
        /// Changed only by the transition methods below. Every change except
        /// a closed machine counting its failures starts a new generation
        /// (a new closed period, a new probe), which makes older permits stale.
        public private(set) var state: State {
            didSet {
                if case .closed = oldValue, case .closed = state { return }
                generation += 1
            }
        }
        /// Which period of the machine's life this is; permits from an older
        /// one are ignored by the `on…` methods.
        public private(set) var generation = 0
        /// Consecutive failures that open a closed machine.
        public let failureThreshold: Int
        /// How long the machine stays open before it admits a probe.
        public let resetTimeout: Duration
        /// How long a probe may run before it counts as abandoned.
        public let probeTimeout: Duration

        /// A closed machine with no failures.
        public init(_ configuration: CircuitBreakerConfiguration) {
            state = .closed(failures: 0)
            failureThreshold = configuration.failureThreshold
            resetTimeout = configuration.resetTimeout
            probeTimeout = configuration.probeTimeout
        }

        /// Decides whether a call may run at `now`. Moves an expired open
        /// breaker to half-open and hands out the one probe permit; replaces
        /// a probe older than `probeTimeout` (abandoned) with a new one.
        ///
        /// - Complexity: O(1).
        public mutating func admit(at now: C.Instant) -> Admission {
            switch state {
            case .closed:
                return .allowed(.call(generation: generation))
            case .open(let until):
                guard now >= until else { return .rejected(.open(retryAfter: now.duration(to: until))) }
                return startProbe(at: now)
            case .halfOpen(let probeStartedAt?):
                guard now >= probeStartedAt.advanced(by: probeTimeout) else {
                    return .rejected(.halfOpenProbeInFlight)
                }
                return startProbe(at: now)  // the old probe is abandoned; its permit is now stale
            case .halfOpen(nil):
                return startProbe(at: now)
            }
        }

        private mutating func startProbe(at now: C.Instant) -> Admission {
            state = .halfOpen(probeStartedAt: now)
            return .allowed(.probe(generation: generation))
        }

        /// A call admitted with `permit` succeeded.
        ///
        /// In closed it resets the failure count; the probe's success closes
        /// the breaker. Results of calls admitted in an earlier generation
        /// (before the breaker opened, an abandoned probe) are ignored.
        public mutating func onSuccess(_ permit: Permit) {
            guard permit.generation == generation else { return }
            switch (state, permit) {
            case (.closed, _):
                state = .closed(failures: 0)
            case (.halfOpen, .probe):
                state = .closed(failures: 0)
            case (.halfOpen, .call), (.open, _):
                break
            }
        }

        /// A call admitted with `permit` failed at `now`.
        ///
        /// The `failureThreshold`-th consecutive failure opens the breaker
        /// until `now + resetTimeout`; a failed probe reopens it with a fresh
        /// timer. A stale permit's failure is ignored.
        public mutating func onFailure(_ permit: Permit, at now: C.Instant) {
            guard permit.generation == generation else { return }
            switch (state, permit) {
            case (.closed(let failures), _):
                state =
                    failures + 1 >= failureThreshold
                    ? .open(until: now.advanced(by: resetTimeout)) : .closed(failures: failures + 1)
            case (.halfOpen, .probe):
                state = .open(until: now.advanced(by: resetTimeout))
            case (.halfOpen, .call), (.open, _):
                break
            }
        }

        /// A call ended without a verdict on the dependency (cancelled, or an
        /// error the predicate does not count). A probe gives its slot back so
        /// the next caller can probe.
        public mutating func onIgnored(_ permit: Permit) {
            guard permit.generation == generation, case .probe = permit, case .halfOpen = state else { return }
            state = .halfOpen(probeStartedAt: nil)
        }
    }

    /// The injected time source: `ContinuousClock` in production, a manual clock in tests.
    public nonisolated let clock: C
    /// The validated threshold, timeout and failure predicate.
    public nonisolated let configuration: CircuitBreakerConfiguration
    private var machine: StateMachine

    /// A closed breaker with a validated configuration.
    public init(_ configuration: CircuitBreakerConfiguration, clock: C) {
        self.clock = clock
        self.configuration = configuration
        machine = StateMachine(configuration)
    }

    /// A closed breaker that opens after `failureThreshold` consecutive
    /// failures and probes again after `resetTimeout`.
    ///
    /// - Throws: ``CircuitBreakerConfiguration/ConfigurationError`` for a
    ///   threshold below 1 or a timeout that is not positive.
    public init(
        failureThreshold: Int,
        resetTimeout: Duration,
        clock: C
    ) throws(CircuitBreakerConfiguration.ConfigurationError) {
        self.init(
            try CircuitBreakerConfiguration(failureThreshold: failureThreshold, resetTimeout: resetTimeout),
            clock: clock)
    }

    /// The current state, as last recorded (an expired `open` turns into
    /// half-open on the next call, not on its own).
    public var state: State { machine.state }

    /// Runs `operation` if the breaker admits it, and records its outcome.
    ///
    /// The operation runs on the caller's executor, not on the actor, so a
    /// slow call does not serialise other callers; the actor is entered only
    /// to admit and to record.
    ///
    /// - Throws: ``CircuitBreakerError`` without calling `operation` when the
    ///   breaker is open or a probe is already in flight; otherwise whatever
    ///   `operation` throws, unchanged.
    public nonisolated func run<T>(_ operation: () async throws -> T) async throws -> T {
        let permit = try await admit()
        let value: T
        do {
            value = try await operation()
        } catch {
            await record(configuration.isFailure(error) ? .failure : .ignored, for: permit)
            throw error
        }
        await record(.success, for: permit)
        return value
    }

    private enum Outcome { case success, failure, ignored }

    private func admit() throws(CircuitBreakerError) -> Permit {
        switch machine.admit(at: clock.now) {
        case .allowed(let permit): return permit
        case .rejected(let error): throw error
        }
    }

    private func record(_ outcome: Outcome, for permit: Permit) {
        switch outcome {
        case .success: machine.onSuccess(permit)
        case .failure: machine.onFailure(permit, at: clock.now)
        case .ignored: machine.onIgnored(permit)
        }
    }
}

extension CircuitBreaker where C == ContinuousClock {
    /// A closed breaker on the system's monotonic clock.
    public init(_ configuration: CircuitBreakerConfiguration) {
        self.init(configuration, clock: ContinuousClock())
    }
}

/// Why a ``CircuitBreaker`` refused a call without running it.
public enum CircuitBreakerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The breaker is open; the next probe is allowed after `retryAfter`
    /// (what an HTTP service puts in `Retry-After`).
    case open(retryAfter: Duration)
    /// The breaker is half-open and its single probe has not finished yet.
    case halfOpenProbeInFlight

    public var description: String {
        switch self {
        case .open(let retryAfter): "circuit open: failing fast, retry after \(retryAfter)"
        case .halfOpenProbeInFlight: "circuit half-open: a probe call is already in flight"
        }
    }
}

/// The validated settings of a ``CircuitBreaker``.
public struct CircuitBreakerConfiguration: Sendable {
    /// A setting that would make the breaker meaningless.
    public enum ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
        case failureThresholdBelowOne(Int)
        case resetTimeoutNotPositive(Duration)
        case probeTimeoutNotPositive(Duration)

        public var description: String {
            switch self {
            case .failureThresholdBelowOne(let value):
                "failureThreshold must be at least 1 (got \(value)): the breaker could never close"
            case .resetTimeoutNotPositive(let value):
                "resetTimeout must be positive (got \(value)): an open breaker would probe on every call"
            case .probeTimeoutNotPositive(let value):
                "probeTimeout must be positive (got \(value)): every caller would replace the probe"
            }
        }
    }

    /// Consecutive counted failures that open a closed breaker.
    public let failureThreshold: Int
    /// How long an open breaker fails fast before it allows a probe.
    public let resetTimeout: Duration
    /// How long a half-open probe may run before it counts as abandoned and
    /// the next caller may probe. Longer than the operation's own timeout.
    public let probeTimeout: Duration
    /// Whether an error says the dependency is unhealthy. Errors for which
    /// it returns false neither count nor reset the count.
    public let isFailure: @Sendable (any Error) -> Bool

    /// - Parameters:
    ///   - probeTimeout: defaults to `resetTimeout`.
    ///   - isFailure: defaults to "everything except `CancellationError`": a
    ///     caller giving up is not the dependency's fault.
    /// - Throws: ``ConfigurationError`` for `failureThreshold < 1`,
    ///   `resetTimeout <= .zero` or `probeTimeout <= .zero`.
    public init(
        failureThreshold: Int,
        resetTimeout: Duration,
        probeTimeout: Duration? = nil,
        isFailure: @escaping @Sendable (any Error) -> Bool = { !($0 is CancellationError) }
    ) throws(ConfigurationError) {
        guard failureThreshold >= 1 else { throw .failureThresholdBelowOne(failureThreshold) }
        guard resetTimeout > .zero else { throw .resetTimeoutNotPositive(resetTimeout) }
        let probeTimeout = probeTimeout ?? resetTimeout
        guard probeTimeout > .zero else { throw .probeTimeoutNotPositive(probeTimeout) }
        self.failureThreshold = failureThreshold
        self.resetTimeout = resetTimeout
        self.probeTimeout = probeTimeout
        self.isFailure = isFailure
    }
}
