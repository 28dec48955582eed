/// The three probe answers of one instance (startup, liveness, readiness),
/// computed from what it knows: warm-up done, dependency checks, the event
/// loop's heartbeat, draining.
///
/// ```swift
/// var health = try HealthModel(clock: ContinuousClock(), dependencies: ["connection pool"],
///                              failureThreshold: 3, successThreshold: 2, heartbeatTimeout: .seconds(10))
/// health.finishWarmUp()                          // GET /startup and /ready → 200
/// health.recordHeartbeat()                       // every tick of the event loop
/// health.record("connection pool", healthy: false)  // one failed check: still ready
/// // … two more failures: GET /ready → 503 ("connection pool is down"), GET /health → still 200
/// ```
///
/// ## Why interviewers ask this
/// "What should `/health` check?" has a wrong answer that causes outages:
/// the database. Liveness asks "can this process still make progress, or
/// should it be restarted?"; readiness asks "should this instance get
/// traffic right now?"; a startup probe asks "has it finished starting?".
/// Mixing them up turns a database blip into every instance restarting at
/// once, and forgetting readiness during shutdown drops requests on every
/// deploy.
///
/// ## Common pitfalls
/// - Checking a dependency in liveness
///   (``naiveLivenessIncludingDependencies``). When the database goes down,
///   every instance fails the probe together and the orchestrator restarts
///   all of them: a restart storm. A restart cannot fix the database, and the
///   restarted instances come back with cold caches and reconnect at the
///   same moment, to a database that is trying to recover. Liveness should
///   fail only on what a restart fixes: a stuck event loop, a deadlock, a
///   heartbeat that stopped advancing (``liveness``).
/// - One failed check flipping readiness. Probes time out now and then; an
///   instance that leaves and rejoins the pool on every blip flaps. A
///   dependency counts as down after `failureThreshold` consecutive failures
///   and as up again only after `successThreshold` consecutive successes
///   (Kubernetes uses the same two names for its probes).
/// - Failing readiness for a dependency every instance shares. All of them
///   go unready together and the load balancer has nowhere to send (an AWS
///   ALB that health-checks `/ready` itself then fails open and sends to all
///   of them anyway; with Kubernetes readiness the pods simply leave the
///   endpoints). Readiness works
///   best for what differs between instances (this one's warm-up, its
///   connection pool, its drain); during a shared outage staying in
///   rotation and answering fast 503s can be the better choice.
/// - Stopping the listener the moment SIGTERM arrives. The load balancer
///   still sends requests until it learns, and those requests are refused.
///   Drain in order (``GracefulShutdownSequence``): fail readiness, keep
///   serving for a drain delay (for a load balancer that learns only from
///   health checks, at least its probe interval times its failure
///   threshold, plus the time it takes to act; in Kubernetes a deleted pod
///   is unready at once, and the delay covers endpoint propagation to
///   kube-proxy, ingresses and load balancers, often a `preStop` sleep),
///   then stop accepting, then let in-flight requests finish, and cancel
///   what is left at a deadline. The capstone service drains in this order:
///   `ReadinessGate` turns `/ready` to 503 and waits `DRAIN_DELAY_MS` while
///   `/health` keeps answering 200, and `SHUTDOWN_TIMEOUT_SECONDS` bounds
///   the rest.
/// - Letting liveness kill a slow start. Before warm-up ends the instance is
///   live but not ready; a startup probe (``startup``) keeps Kubernetes from
///   running the other two probes until it passes.
///
/// ## Key takeaway
/// Liveness: "restart me", and only for faults a restart fixes, judged by
/// the instance's own progress (a heartbeat). Readiness: "route to me", false
/// while warming up, while this instance has lost a dependency that the
/// others still have (its own pool, its cache), with thresholds so it does
/// not flap, and from the first moment of a graceful shutdown. The value type holds the rules; the clock is injected, so every
/// transition is tested without sleeping.
public struct HealthModel<C: Clock<Duration>>: Sendable {
    /// One probe's answer: HTTP 200 or 503 with a reason.
    public enum ProbeResult: Hashable, Sendable, CustomStringConvertible {
        case pass
        case fail(reason: String)

        public var passed: Bool { self == .pass }

        public var description: String {
            switch self {
            case .pass: "pass"
            case .fail(let reason): "fail: \(reason)"
            }
        }
    }

    /// A dependency's state, with its streaks for the thresholds.
    private struct Dependency: Sendable {
        var isUp = true
        var consecutiveFailures = 0
        var consecutiveSuccesses = 0
    }

    public let clock: C
    /// Consecutive failed checks before a dependency counts as down.
    public let failureThreshold: Int
    /// Consecutive successful checks before a down dependency counts as up.
    public let successThreshold: Int
    /// Liveness fails once no heartbeat arrived for longer than this.
    public let heartbeatTimeout: Duration
    public private(set) var isWarmedUp = false
    public private(set) var isDraining = false
    private var dependencies: [String: Dependency]
    private var lastHeartbeat: C.Instant

    /// An instance that has just started: live, warming up, every dependency
    /// assumed up (warm-up is what connects to them), heartbeat at `clock.now`.
    /// - Throws: ``HealthModelConfigurationError`` for a threshold below 1, a
    ///   heartbeat timeout that is not positive, or an empty or repeated
    ///   dependency name.
    public init(
        clock: C, dependencies: [String], failureThreshold: Int = 3, successThreshold: Int = 2,
        heartbeatTimeout: Duration = .seconds(10)
    ) throws(HealthModelConfigurationError) {
        guard failureThreshold >= 1 else {
            throw HealthModelConfigurationError("failureThreshold must be at least 1 (got \(failureThreshold))")
        }
        guard successThreshold >= 1 else {
            throw HealthModelConfigurationError("successThreshold must be at least 1 (got \(successThreshold))")
        }
        guard heartbeatTimeout > .zero else {
            throw HealthModelConfigurationError("heartbeatTimeout must be positive (got \(heartbeatTimeout))")
        }
        var states: [String: Dependency] = [:]
        for name in dependencies {
            guard !name.isEmpty else { throw HealthModelConfigurationError("dependency names must not be empty") }
            guard states.updateValue(Dependency(), forKey: name) == nil else {
                throw HealthModelConfigurationError("dependency \"\(name)\" is listed twice")
            }
        }
        self.clock = clock
        self.failureThreshold = failureThreshold
        self.successThreshold = successThreshold
        self.heartbeatTimeout = heartbeatTimeout
        self.dependencies = states
        self.lastHeartbeat = clock.now
    }

    /// Caches loaded, connections opened: the instance may take traffic.
    public mutating func finishWarmUp() { isWarmedUp = true }

    /// The event loop (or a task on it) calls this on every tick; liveness
    /// watches that the ticks keep coming.
    public mutating func recordHeartbeat() { lastHeartbeat = clock.now }

    /// Records one check of `dependency`, applying the thresholds.
    /// - Precondition: `dependency` was listed at `init`.
    /// - Complexity: O(1) on average.
    public mutating func record(_ dependency: String, healthy: Bool) {
        guard var state = dependencies[dependency] else {
            preconditionFailure("unknown dependency \"\(dependency)\"; list it when making the HealthModel")
        }
        if healthy {
            state.consecutiveFailures = 0
            state.consecutiveSuccesses += 1
            if !state.isUp && state.consecutiveSuccesses >= successThreshold { state.isUp = true }
        } else {
            state.consecutiveSuccesses = 0
            state.consecutiveFailures += 1
            if state.isUp && state.consecutiveFailures >= failureThreshold { state.isUp = false }
        }
        dependencies[dependency] = state
    }

    /// The first step of a graceful shutdown: readiness fails from now on.
    public mutating func beginDraining() { isDraining = true }

    /// Whether `dependency` currently counts as up (after the thresholds).
    /// - Precondition: `dependency` was listed at `init`.
    public func isUp(_ dependency: String) -> Bool {
        guard let state = dependencies[dependency] else { preconditionFailure("unknown dependency \"\(dependency)\"") }
        return state.isUp
    }

    /// The first dependency (by name) that counts as down.
    private var firstDownDependency: String? {
        dependencies.filter { !$0.value.isUp }.keys.min()
    }

    /// "Has it finished starting?" Until it has, an orchestrator should not
    /// judge the other two probes.
    public var startup: ProbeResult {
        isWarmedUp ? .pass : .fail(reason: "warming up")
    }

    /// "Can this process still make progress?" Fails only when the
    /// heartbeat stopped for longer than `heartbeatTimeout`: never because of
    /// a dependency, a warm-up or a drain, which a restart would not fix.
    public var liveness: ProbeResult {
        let silence = lastHeartbeat.duration(to: clock.now)
        return silence > heartbeatTimeout ? .fail(reason: "no heartbeat for \(silence)") : .pass
    }

    /// "Should this instance get traffic now?" Fails while draining, while
    /// warming up, and while a dependency counts as down.
    public var readiness: ProbeResult {
        if isDraining { return .fail(reason: "draining") }
        if !isWarmedUp { return .fail(reason: "warming up") }
        if let down = firstDownDependency { return .fail(reason: "\(down) is down") }
        return .pass
    }

    /// The pitfall, for comparison: a liveness probe that also fails when a
    /// dependency is down. During a shared outage every instance fails it at
    /// once, and the orchestrator restarts them all.
    public var naiveLivenessIncludingDependencies: ProbeResult {
        if let down = firstDownDependency { return .fail(reason: "\(down) is down") }
        return liveness
    }
}

/// A ``HealthModel`` or ``GracefulShutdownSequence`` that cannot work as configured.
public struct HealthModelConfigurationError: Error, Hashable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// One instance's graceful shutdown, in the order a load balancer needs,
/// recording each step as it happens.
///
/// 1. Readiness fails (``Step/readinessFailed``), but requests are still
///    accepted: the load balancer keeps sending until it learns (its probes,
///    or endpoint propagation in Kubernetes).
/// 2. After `drainDelay` (``Step/drainDelayElapsed``) new requests are
///    refused (``Step/stoppedAccepting(inFlight:)``).
/// 3. In-flight requests finish on their own until `deadline` after the
///    start; those still running then are cancelled
///    (``Step/deadlineReached(cancelling:)``), and the sequence ends when
///    they have returned (``Step/stopped``).
///
/// Liveness keeps passing throughout: an instance that is draining must not
/// be restarted half-way.
public actor GracefulShutdownSequence<C: Clock<Duration>> {
    /// A request: runs off the actor, and should return soon once cancelled.
    public typealias Request = @concurrent @Sendable () async -> Void

    public enum Step: Hashable, Sendable {
        case readinessFailed
        case drainDelayElapsed
        /// New requests are refused from now on; `inFlight` are still running.
        case stoppedAccepting(inFlight: Int)
        /// The deadline passed with `cancelling` requests still running.
        case deadlineReached(cancelling: Int)
        case stopped
    }

    /// How the in-flight requests ended.
    public struct Report: Hashable, Sendable {
        /// Running when accepting stopped, and finished before the deadline.
        public let finished: Int
        /// Still running at the deadline, and cancelled.
        public let cancelled: Int

        public init(finished: Int, cancelled: Int) {
            self.finished = finished
            self.cancelled = cancelled
        }
    }

    /// A request that arrived after the instance stopped accepting.
    public struct NotAccepting: Error, Hashable {
        public init() {}
    }

    public private(set) var health: HealthModel<C>
    public private(set) var steps: [Step] = []
    public let drainDelay: Duration
    /// The whole shutdown's bound, from the moment ``run()`` starts.
    public let deadline: Duration
    private var isAccepting = true
    private var inFlight: [Int: Task<Void, Never>] = [:]
    private var nextRequestID = 0
    private var cancelledCount = 0
    private var inFlightWaiters: [(atMost: Int, continuation: CheckedContinuation<Void, Never>)] = []

    /// - Throws: ``HealthModelConfigurationError`` unless
    ///   `0 <= drainDelay < deadline`.
    public init(health: HealthModel<C>, drainDelay: Duration, deadline: Duration)
        throws(HealthModelConfigurationError)
    {
        guard drainDelay >= .zero, drainDelay < deadline else {
            throw HealthModelConfigurationError(
                "need 0 <= drainDelay < deadline (got drainDelay \(drainDelay), deadline \(deadline))")
        }
        self.health = health
        self.drainDelay = drainDelay
        self.deadline = deadline
    }

    /// Feeds the health model (heartbeats, dependency checks, warm-up).
    public func updateHealth(_ update: (inout HealthModel<C>) -> Void) {
        update(&health)
    }

    /// How many requests are running.
    public var inFlightCount: Int { inFlight.count }

    /// Starts `request` in its own task and tracks it until it returns.
    /// - Throws: ``NotAccepting`` once the drain delay is over.
    public func submit(_ request: @escaping Request) throws(NotAccepting) {
        guard isAccepting else { throw NotAccepting() }
        let id = nextRequestID
        nextRequestID += 1
        // Isolated to this actor (it calls `finished`), so it cannot reach
        // `finished` before this method has registered it.
        inFlight[id] = Task {
            await request()
            self.finished(id)
        }
    }

    /// Suspends until at most `count` requests are running.
    public func waitUntilInFlight(isAtMost count: Int) async {
        if inFlight.count <= count { return }
        await withCheckedContinuation { inFlightWaiters.append((count, $0)) }
    }

    /// Runs the shutdown (see the type's steps) and reports how the in-flight
    /// requests ended.
    ///
    /// A request that ignores cancellation still holds the shutdown after the
    /// deadline; something outside must end the process then (the capstone
    /// sets ServiceLifecycle's `maximumCancellationDuration`, and Kubernetes
    /// sends SIGKILL after the pod's grace period).
    /// - Precondition: called once.
    public func run() async -> Report {
        precondition(steps.isEmpty, "a shutdown runs once")
        let start = health.clock.now
        health.beginDraining()
        steps.append(.readinessFailed)
        // Still serving: the load balancer sends until its probes see the 503.
        try? await health.clock.sleep(until: start.advanced(by: drainDelay), tolerance: nil)
        steps.append(.drainDelayElapsed)
        isAccepting = false
        let runningAtStop = inFlight.count
        steps.append(.stoppedAccepting(inFlight: runningAtStop))

        let deadlineTask = Task { [clock = health.clock, end = start.advanced(by: deadline)] in
            do {
                try await clock.sleep(until: end, tolerance: nil)
            } catch {
                return  // everything finished in time
            }
            self.cancelRemaining()
        }
        await waitUntilInFlight(isAtMost: 0)
        deadlineTask.cancel()
        await deadlineTask.value
        steps.append(.stopped)
        return Report(finished: runningAtStop - cancelledCount, cancelled: cancelledCount)
    }

    private func cancelRemaining() {
        guard !inFlight.isEmpty else { return }
        steps.append(.deadlineReached(cancelling: inFlight.count))
        cancelledCount = inFlight.count
        for task in inFlight.values { task.cancel() }
    }

    private func finished(_ id: Int) {
        inFlight[id] = nil
        let count = inFlight.count
        let ready = inFlightWaiters.filter { count <= $0.atMost }
        inFlightWaiters.removeAll { count <= $0.atMost }
        for waiter in ready { waiter.continuation.resume() }
    }
}
