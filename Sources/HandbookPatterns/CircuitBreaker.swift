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
/// - Trusting "consecutive failures" alone. A dependency failing every
///   other call (50 %) never strings 5 failures together, so the breaker
///   never opens while half the requests fail. Production breakers trip on
///   a *failure rate* with a minimum number of calls before any verdict (3
///   failures out of 4 calls at startup is noise): resilience4j over a
///   count- or time-based window with `minimumNumberOfCalls`, and also on a
///   *slow-call rate* (a dependency that answers in 5 s instead of 50 ms is
///   sick even when it answers); Hystrix on an error percentage over a 10 s
///   rolling window with a request-volume minimum. ``FailureRatePolicy``
///   adds a count-based failure rate and a slow-call rate.
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
        /// The rate rule, if any: a closed machine also opens when the last
        /// calls fail (or are slow) too often.
        public let failureRate: FailureRatePolicy?
        /// The outcomes of the current closed period's last calls; emptied
        /// whenever the machine closes again.
        public private(set) var window: OutcomeWindow

        /// A closed machine with no failures.
        public init(_ configuration: CircuitBreakerConfiguration) {
            state = .closed(failures: 0)
            failureThreshold = configuration.failureThreshold
            resetTimeout = configuration.resetTimeout
            probeTimeout = configuration.probeTimeout
            failureRate = configuration.failureRate
            window = OutcomeWindow(size: configuration.failureRate?.windowSize ?? 1)
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
            onSuccess(permit, duration: .zero, at: nil)
        }

        /// A call admitted with `permit` succeeded at `now` after `duration`.
        ///
        /// With a ``FailureRatePolicy`` a success slower than its
        /// `slowCallDuration` counts as slow, and enough slow calls open the
        /// machine even though every one of them succeeded.
        public mutating func onSuccess(_ permit: Permit, duration: Duration, at now: C.Instant?) {
            guard permit.generation == generation else { return }
            switch (state, permit) {
            case (.closed, _):
                state = .closed(failures: 0)
                recordInWindow(failed: false, duration: duration, at: now)
            case (.halfOpen, .probe):
                close()
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
            onFailure(permit, duration: .zero, at: now)
        }

        /// ``onFailure(_:at:)`` for a call that took `duration`; with a
        /// ``FailureRatePolicy`` the failure also enters the rate window.
        public mutating func onFailure(_ permit: Permit, duration: Duration, at now: C.Instant) {
            guard permit.generation == generation else { return }
            switch (state, permit) {
            case (.closed(let failures), _):
                if failures + 1 >= failureThreshold {
                    trip(at: now)
                } else {
                    state = .closed(failures: failures + 1)
                    recordInWindow(failed: true, duration: duration, at: now)
                }
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

        /// A new closed period starts with an empty window: the failures that
        /// opened the breaker are not held against the recovered dependency.
        private mutating func close() {
            state = .closed(failures: 0)
            window.removeAll()
        }

        /// Adds a closed-state outcome to the window and opens the machine
        /// when the rate rule says so. Without a time (`now == nil`) nothing
        /// can open: the legacy ``onSuccess(_:)`` has no instant to open until.
        private mutating func recordInWindow(failed: Bool, duration: Duration, at now: C.Instant?) {
            guard let policy = failureRate else { return }
            let slow = policy.slowCallDuration.map { duration > $0 } ?? false
            window.append(failed: failed, slow: slow)
            guard let now, policy.trips(on: window) else { return }
            trip(at: now)
        }

        /// Opens a closed machine until `now + resetTimeout`.
        private mutating func trip(at now: C.Instant) {
            let probeAllowedAt = now.advanced(by: resetTimeout)
            state = .open(until: probeAllowedAt)
            window.removeAll()
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
        let started = clock.now
        let value: T
        do {
            value = try await operation()
        } catch {
            await record(
                configuration.isFailure(error) ? .failure : .ignored, for: permit,
                duration: started.duration(to: clock.now))
            throw error
        }
        await record(.success, for: permit, duration: started.duration(to: clock.now))
        return value
    }

    private enum Outcome { case success, failure, ignored }

    private func admit() throws(CircuitBreakerError) -> Permit {
        switch machine.admit(at: clock.now) {
        case .allowed(let permit): return permit
        case .rejected(let error): throw error
        }
    }

    private func record(_ outcome: Outcome, for permit: Permit, duration: Duration) {
        switch outcome {
        case .success: machine.onSuccess(permit, duration: duration, at: clock.now)
        case .failure: machine.onFailure(permit, duration: duration, at: clock.now)
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
        case windowSizeBelowOne(Int)
        case minimumCallsOutOfRange(minimumCalls: Int, windowSize: Int)
        case rateOutOfRange(Double)
        case slowCallDurationNotPositive(Duration)

        public var description: String {
            switch self {
            case .failureThresholdBelowOne(let value):
                "failureThreshold must be at least 1 (got \(value)): the breaker could never close"
            case .resetTimeoutNotPositive(let value):
                "resetTimeout must be positive (got \(value)): an open breaker would probe on every call"
            case .probeTimeoutNotPositive(let value):
                "probeTimeout must be positive (got \(value)): every caller would replace the probe"
            case .windowSizeBelowOne(let value):
                "windowSize must be at least 1 (got \(value))"
            case .minimumCallsOutOfRange(let minimumCalls, let windowSize):
                "minimumCalls must be in 1...windowSize (\(windowSize)), got \(minimumCalls): the rate could never be judged"
            case .rateOutOfRange(let value):
                "a rate threshold must be in (0, 1] (got \(value))"
            case .slowCallDurationNotPositive(let value):
                "slowCallDuration must be positive (got \(value)): every call would be slow"
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
    /// An optional second rule: open on a failure or slow-call *rate*.
    public let failureRate: FailureRatePolicy?

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
        failureRate: FailureRatePolicy? = nil,
        isFailure: @escaping @Sendable (any Error) -> Bool = { !($0 is CancellationError) }
    ) throws(ConfigurationError) {
        guard failureThreshold >= 1 else { throw .failureThresholdBelowOne(failureThreshold) }
        guard resetTimeout > .zero else { throw .resetTimeoutNotPositive(resetTimeout) }
        let probeTimeout = probeTimeout ?? resetTimeout
        guard probeTimeout > .zero else { throw .probeTimeoutNotPositive(probeTimeout) }
        self.failureThreshold = failureThreshold
        self.resetTimeout = resetTimeout
        self.probeTimeout = probeTimeout
        self.failureRate = failureRate
        self.isFailure = isFailure
    }
}

/// Open a closed breaker when too many of the last `windowSize` calls failed
/// or were slow, once at least `minimumCalls` calls are in the window.
///
/// The consecutive rule still applies alongside it; set `failureThreshold`
/// high to rely on the rate alone.
public struct FailureRatePolicy: Hashable, Sendable {
    /// How many recent calls the rate is computed over (a count-based window).
    public let windowSize: Int
    /// No verdict before this many calls: 3 failures out of 4 is noise.
    public let minimumCalls: Int
    /// Open when `failures / calls >= failureRateThreshold`.
    public let failureRateThreshold: Double
    /// A call slower than this counts as slow, whether it succeeded or not;
    /// `nil` disables the slow-call rule.
    public let slowCallDuration: Duration?
    /// Open when `slow calls / calls >= slowCallRateThreshold`.
    public let slowCallRateThreshold: Double

    /// - Throws: ``CircuitBreakerConfiguration/ConfigurationError`` for a
    ///   window below 1, `minimumCalls` outside `1...windowSize`, a threshold
    ///   outside `(0, 1]` or a slow-call duration that is not positive.
    public init(
        windowSize: Int, minimumCalls: Int, failureRateThreshold: Double,
        slowCallDuration: Duration? = nil, slowCallRateThreshold: Double = 1
    ) throws(CircuitBreakerConfiguration.ConfigurationError) {
        guard windowSize >= 1 else { throw .windowSizeBelowOne(windowSize) }
        guard (1...windowSize).contains(minimumCalls) else {
            throw .minimumCallsOutOfRange(minimumCalls: minimumCalls, windowSize: windowSize)
        }
        for rate in [failureRateThreshold, slowCallRateThreshold] where !(rate > 0 && rate <= 1) {
            throw .rateOutOfRange(rate)
        }
        if let slowCallDuration, slowCallDuration <= .zero { throw .slowCallDurationNotPositive(slowCallDuration) }
        self.windowSize = windowSize
        self.minimumCalls = minimumCalls
        self.failureRateThreshold = failureRateThreshold
        self.slowCallDuration = slowCallDuration
        self.slowCallRateThreshold = slowCallRateThreshold
    }

    /// Whether `window` is enough evidence to open the breaker.
    ///
    /// Rates are compared as integers (`failures ≥ threshold × calls` would
    /// round); `failures × 1 000 000 ≥ threshold × 1 000 000 × calls` keeps
    /// 0.5 of 10 exactly 5.
    public func trips(on window: OutcomeWindow) -> Bool {
        guard window.count >= minimumCalls else { return false }
        func reached(_ part: Int, _ threshold: Double) -> Bool {
            part * 1_000_000 >= Int((threshold * 1_000_000).rounded()) * window.count
        }
        return reached(window.failures, failureRateThreshold)
            || (slowCallDuration != nil && reached(window.slowCalls, slowCallRateThreshold))
    }
}

/// The last `size` call outcomes in a ring buffer, with running counts.
///
/// - Complexity: O(1) per ``append(failed:slow:)``; O(`size`) memory.
public struct OutcomeWindow: Hashable, Sendable {
    private var outcomes: [UInt8]  // bit 0: failed, bit 1: slow
    private var next = 0
    /// Calls in the window (at most `size`).
    public private(set) var count = 0
    /// Failed calls in the window.
    public private(set) var failures = 0
    /// Slow calls in the window.
    public private(set) var slowCalls = 0

    /// An empty window of `size` calls.
    ///
    /// - Precondition: `size >= 1`.
    public init(size: Int) {
        precondition(size >= 1, "an outcome window needs at least one slot, got \(size)")
        outcomes = Array(repeating: 0, count: size)
    }

    /// Records one call, evicting the oldest when the window is full.
    public mutating func append(failed: Bool, slow: Bool) {
        if count == outcomes.count {
            let evicted = outcomes[next]
            failures -= Int(evicted & 1)
            slowCalls -= Int(evicted >> 1 & 1)
        } else {
            count += 1
        }
        outcomes[next] = (failed ? 1 : 0) | (slow ? 2 : 0)
        failures += failed ? 1 : 0
        slowCalls += slow ? 1 : 0
        next = (next + 1) % outcomes.count
    }

    /// Forgets every call.
    public mutating func removeAll() {
        self = OutcomeWindow(size: outcomes.count)
    }
}
