import Logging
import ServiceLifecycle
import Synchronization

/// Graceful shutdown with swift-service-lifecycle: a `ServiceGroup` runs
/// its services together and, on SIGTERM, shuts them down one at a time in
/// reverse order: first readiness fails while the server still accepts
/// (the load balancer needs time to notice), then the server stops
/// accepting and drains what is in flight, and only then do the services
/// it depends on close.
///
/// ```swift
/// let group = ServiceGroup(configuration: .init(
///     services: [database, server, ReadinessDrain(health: health, events: events, propagationDelay: .seconds(5))],
///     gracefulShutdownSignals: [.sigterm],     // Kubernetes sends SIGTERM
///     logger: logger))
/// try await group.run()   // SIGTERM: not ready, 5 s later stop accepting, drain, then close the database
/// ```
///
/// ## Why interviewers ask this
/// "Implement graceful shutdown for a web server" is a classic: every
/// deploy and every autoscaler stops instances, and a careless stop drops
/// requests or corrupts work in flight. The interviewer wants the sequence
/// (fail readiness and keep serving while routing catches up → stop
/// accepting → drain in-flight work with a deadline → close dependencies
/// last), the difference between readiness and liveness, and how Swift
/// expresses it: a `ServiceGroup`, the graceful-shutdown signal each
/// service can observe, and cancellation as the hard stop.
///
/// ## Common pitfalls
/// - Refusing connections the moment SIGTERM arrives. Kubernetes removes the
///   pod from its endpoints *at the same time* as it sends SIGTERM, and
///   kube-proxies, ingresses and DNS catch up seconds later: requests keep
///   arriving meanwhile. Fail readiness, keep accepting for a propagation
///   delay (here ``ReadinessDrain``, or a `preStop` sleep), then stop.
/// - Closing the database (or the HTTP client, or the log flusher) before
///   the server has drained: the last requests fail. `ServiceGroup` shuts
///   services down in reverse order, waiting for each `run()` to return
///   before telling the next, so list dependencies first. (It *starts* them
///   all at once: the order does not make the database ready first.)
/// - Treating graceful shutdown as cancellation. Cancellation aborts work
///   in flight; graceful shutdown asks a service to finish it. Use
///   `cancelOnGracefulShutdown()` on the *accept* loop, never cancel the
///   handlers; long-lived ones (WebSockets, streams) should listen for the
///   shutdown and wind down themselves.
/// - Failing liveness during the drain. Liveness says "restart me"; the
///   process is healthy while it drains. Readiness says "send me traffic".
/// - Draining with no deadline. Kubernetes sends SIGKILL after its grace
///   period (30 s by default); set `maximumGracefulShutdownDuration` below
///   it, after which the group cancels what is left.
/// - A service whose `run()` returns early. By default
///   (`successTerminationBehavior: .cancelGroup`) the group treats that as a
///   failure (`ServiceGroupError.serviceFinishedUnexpectedly`) and cancels
///   the rest: `run()` must last as long as the service.
///
/// ## Key takeaway
/// A service's `run()` is its lifetime. On graceful shutdown, readiness
/// fails first while the server keeps serving for a propagation delay; then
/// the server stops taking new work, finishes what it has, and returns; the
/// `ServiceGroup` then shuts down the next service in reverse order.
/// Cancellation is the escalation, not the plan.
///
/// ## Go → Swift
/// Go's `http.Server.Shutdown(ctx)` closes the listeners, waits for active
/// connections until `ctx` expires, and leaves ordering to `main` (close the
/// database after `Shutdown` returns; sleep before calling it to let
/// routing catch up). `ServiceGroup` makes that order data (the array),
/// hands the graceful-shutdown signal to one service at a time in reverse
/// order, and turns its deadline into task cancellation.
public struct RequestServer: Service {
    /// One unit of work: `handle` runs to completion once accepted.
    public struct Request: Sendable {
        public var id: Int
        public var handle: @Sendable () async -> Void

        public init(id: Int, handle: @escaping @Sendable () async -> Void) {
            self.id = id
            self.handle = handle
        }
    }

    private let requests: AsyncStream<Request>
    private let health: Health
    private let events: LifecycleEvents

    /// - Parameters:
    ///   - requests: what clients send (a listener, in a real server).
    ///   - health: what the readiness and liveness probes read.
    ///   - events: an ordered record, for the lesson's tests.
    public init(requests: AsyncStream<Request>, health: Health, events: LifecycleEvents) {
        self.requests = requests
        self.health = health
        self.events = events
    }

    public func run() async {
        health.setLive(true)
        health.setReady(true)
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { inFlight in
                // Stops taking requests at graceful shutdown; the handlers
                // already started are not cancelled: the group waits for them.
                for await request in requests.cancelOnGracefulShutdown() {
                    events.record("accepted \(request.id)")
                    inFlight.addTask {
                        await request.handle()
                        events.record("finished \(request.id)")
                    }
                }
                events.record("stopped accepting")
            }
        } onGracefulShutdown: {
            // First: the load balancer stops sending traffic here.
            health.setReady(false)
            events.record("not ready")
        }
        events.record("server stopped")
        health.setLive(false)
    }
}

/// The first service to shut down (list it last): on graceful shutdown it
/// fails readiness and waits while load balancers and proxies stop routing
/// here, with the server still accepting; when it returns, the server's
/// turn comes. Outside a `ServiceGroup` no shutdown ever arrives: `run()`
/// then waits until its task is cancelled.
public struct ReadinessDrain: Service {
    private let health: Health
    private let events: LifecycleEvents
    private let propagation: @Sendable () async -> Void

    /// - Parameter propagation: returns when routing has caught up (tests
    ///   pass a gate; production waits a delay).
    public init(health: Health, events: LifecycleEvents, propagation: @escaping @Sendable () async -> Void) {
        self.health = health
        self.events = events
        self.propagation = propagation
    }

    /// Waits `propagationDelay` on `clock` (a few seconds: the time an
    /// endpoint removal takes to reach every proxy).
    public init(
        health: Health, events: LifecycleEvents, propagationDelay: Duration,
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.init(health: health, events: events) { try? await clock.sleep(for: propagationDelay) }
    }

    public func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return  // cancelled: no drain to prepare
        }
        health.setReady(false)
        events.record("readiness failed")
        await propagation()
        events.record("routing caught up")
    }
}

/// A dependency that must outlive the server (a connection pool, a log
/// flusher): it runs until graceful shutdown reaches it, then closes.
public struct DependencyService: Service {
    public let name: String
    private let events: LifecycleEvents

    public init(name: String, events: LifecycleEvents) {
        self.name = name
        self.events = events
    }

    public func run() async throws {
        events.record("\(name) started")
        // Returns when this service's turn to shut down comes (or throws
        // CancellationError when the group is cancelled instead).
        do {
            try await gracefulShutdown()
            events.record("\(name) closed")
        } catch {
            events.record("\(name) cancelled")
            throw error
        }
    }
}

/// What the probes read. Liveness: "the process works; do not restart it".
/// Readiness: "send me traffic". They differ exactly while draining.
public final class Health: Sendable {
    private let ready = Atomic<Bool>(false)
    private let live = Atomic<Bool>(false)

    public init() {}

    public var isReady: Bool { ready.load(ordering: .acquiring) }
    public var isLive: Bool { live.load(ordering: .acquiring) }
    func setReady(_ value: Bool) { ready.store(value, ordering: .releasing) }
    func setLive(_ value: Bool) { live.store(value, ordering: .releasing) }
}

/// An ordered, thread-safe record of lifecycle events, which a test (or a
/// probe) can wait on instead of sleeping.
public final class LifecycleEvents: Sendable {
    private struct State {
        var events: [String] = []
        var waiters: [(event: String, continuation: CheckedContinuation<Void, Never>)] = []
    }
    private let state = Mutex(State())

    public init() {}

    public var recorded: [String] { state.withLock { $0.events } }

    public func record(_ event: String) {
        let ready = state.withLock { state in
            state.events.append(event)
            let (ready, waiting) = state.waiters.partitioned { $0.event == event }
            state.waiters = waiting
            return ready
        }
        for waiter in ready { waiter.continuation.resume() }
    }

    /// Returns once `event` has been recorded (at once if it already was).
    public func waitFor(_ event: String) async {
        await withCheckedContinuation { continuation in
            let recorded = state.withLock { state in
                if state.events.contains(event) { return true }
                state.waiters.append((event, continuation))
                return false
            }
            if recorded { continuation.resume() }
        }
    }
}

extension Array {
    /// (matching, the rest), each in order.
    fileprivate func partitioned(by belongs: (Element) -> Bool) -> ([Element], [Element]) {
        var matching: [Element] = []
        var rest: [Element] = []
        for element in self {
            if belongs(element) { matching.append(element) } else { rest.append(element) }
        }
        return (matching, rest)
    }
}
