import Foundation
import HandbookPatterns
import HandbookServer
import HandbookSystemDesign
import Hummingbird
import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The service, assembled: stores on the configured database, the lessons'
/// primitives on top, routes and middleware, and the background services.
public struct ServiceApplication: Sendable {
    public let configuration: ServiceConfiguration
    public let database: any SQLDatabase
    public let postgres: PostgresClient?
    public let orders: OrderService
    public let idempotency: SQLIdempotencyStore
    public let cache: OrderCache
    public let limiter: any RateLimiter
    public let events: OrderEvents
    public let logger: Logger
    /// `GET /ready`: true once the service serves, false from the start of
    /// a graceful shutdown (before the server stops accepting).
    public let readiness: Readiness
    /// The `POST /orders` bulkhead (its statistics are the overload signal).
    public let ordersBulkhead: Bulkhead<ContinuousClock>
    let identity: ClientIdentity
    /// `GET /metrics`: RED per route and saga outcomes.
    public let metrics: ServiceMetrics
    /// A span per request and per payment call, W3C `traceparent` in and
    /// out; the lesson's in-memory tracer keeps the last 1,000 (a real
    /// deployment exports them, e.g. with swift-otel).
    public let tracer: W3CTracer
    /// Where the per-request lines go; `nil` sends them through `logger`.
    public var accessLog: AccessLog?

    /// Opens the database and builds every component; nothing is served yet.
    /// - Parameters:
    ///   - paymentBehaviour: replaces the simulated provider's behaviour
    ///     (tests script declines, failures and held charges with it).
    public static func make(
        configuration: ServiceConfiguration, logger: Logger, clock: ServiceClock = .system,
        paymentBehaviour: SimulatedPaymentProvider.Behaviour? = nil,
        paymentAfterCharge: SimulatedPaymentProvider.AfterCharge? = nil
    ) async throws -> ServiceApplication {
        let database: any SQLDatabase
        var postgres: PostgresClient?
        if let url = configuration.databaseURL {
            let client = PostgresClient(
                configuration: try PostgresDatabase.configuration(
                    url: url, poolSize: configuration.databasePoolSize, statementTimeout: configuration.databaseTimeout),
                backgroundLogger: logger)
            postgres = client
            database = PostgresDatabase(client: client, timeout: configuration.databaseTimeout, logger: logger)
        } else {
            database = try await SQLiteDatabase.open(
                path: configuration.sqlitePath, writerTimeout: configuration.databaseTimeout, logger: logger)
        }
        let store = OrderStore(database: database, clock: clock)
        let events = OrderEvents(postgres: postgres, logger: logger)
        var simulation = SimulatedPaymentProvider.Simulation()
        simulation.latency = configuration.paymentLatency
        simulation.failureRate = configuration.paymentFailureRate
        simulation.declineRate = configuration.paymentDeclineRate
        simulation.stallRate = configuration.paymentStallRate
        simulation.stall = configuration.paymentStall
        var provider = SimulatedPaymentProvider.simulated(
            database: database, clock: clock, simulation,
            logger: configuration.paymentStallRate > 0 ? logger : nil)
        if let paymentBehaviour {
            provider = SimulatedPaymentProvider(
                database: database, clock: clock, behaviour: paymentBehaviour,
                afterCharge: paymentAfterCharge ?? { _ in })
        }
        let metrics = ServiceMetrics()
        let tracer = W3CTracer(keepingLast: 1_000)
        let orders = try OrderService(
            store: store, provider: TracedPaymentProvider(base: provider, tracer: tracer), events: events,
            metrics: metrics,
            retry: try RetryPolicy(
                maxAttempts: configuration.paymentRetries, baseDelay: configuration.paymentRetryBase,
                maxDelay: configuration.paymentRetryBase * 8),
            breaker: try CircuitBreakerConfiguration(
                failureThreshold: 5, resetTimeout: .seconds(5),
                // Declines are answers, not failures: only "no answer" opens it.
                isFailure: { ($0 as? PaymentError)?.isTransient ?? false }),
            lease: configuration.sagaLease, leaseRenewal: configuration.sagaLeaseRenewal,
            providerTimeout: configuration.paymentTimeout,
            adoptionWindow: configuration.idempotencyTTL, logger: logger)
        let limiter: any RateLimiter
        if postgres != nil {
            limiter = try SQLRateLimiter(
                database: database, limit: configuration.rateLimit, window: configuration.rateLimitWindow, clock: clock)
        } else {
            // One process: the lesson's token bucket in memory, no query per
            // request, a bounded key set swept by maintenance (not by requests).
            limiter = try LockedKeyedRateLimiter(
                template: try TokenBucket(
                    capacity: configuration.rateLimit, refill: configuration.rateLimit,
                    per: configuration.rateLimitWindow),
                clock: ContinuousClock(), sweepInterval: nil, maximumKeys: configuration.rateLimitMaxClients)
        }
        return ServiceApplication(
            configuration: configuration, database: database, postgres: postgres, orders: orders,
            idempotency: try SQLIdempotencyStore(
                database: database, ttl: configuration.idempotencyTTL, lease: configuration.sagaLease, clock: clock),
            cache: try OrderCache(store: store, ttl: configuration.cacheTTL, capacity: 10_000),
            limiter: limiter, events: events, logger: logger, readiness: Readiness(),
            ordersBulkhead: try Bulkhead(
                maxConcurrent: configuration.ordersMaxConcurrent, queue: .bounded(configuration.ordersMaxQueued),
                queueTimeout: configuration.ordersQueueTimeout, clock: ContinuousClock()),
            identity: ClientIdentity(
                adminToken: configuration.adminToken, clientTokens: configuration.clientTokens,
                trustedProxies: configuration.trustedProxies),
            metrics: metrics, tracer: tracer)
    }

    /// The router with its middleware, outermost first: request id,
    /// tracing (so the access line carries the trace id), access log, RED
    /// metrics (outside the problem mapping, so errors arrive as responses),
    /// the request deadline, rate limit (its headers go on every response,
    /// errors included), problem mapping, routes.
    public func router() throws -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        // One statically typed stack (Hummingbird's result builder) rather than
        // an `add(middleware:)` per layer, each a separate type-erased responder
        // on every request's path.
        router.addMiddleware {
            RequestIDMiddleware()
            TracingMiddleware(tracer: tracer)
            RequestLogMiddleware(accessLog: accessLog)
            REDMiddleware(metrics: metrics.red)
            DeadlineMiddleware(timeout: configuration.requestTimeout)
            RateLimitMiddleware(limiter: limiter, identity: identity)
            ProblemMiddleware()
        }
        // Liveness: the process answers. Never rate limited, never touches the database.
        router.get("/health") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        // What Prometheus scrapes: RED per route and saga outcomes.
        router.get("/metrics") { [metrics] _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.exposition)))
        }
        // The contract: the OpenAPI document the spec-first lesson's server
        // code is generated from, and what CI's API fuzzer checks every
        // response against. Rate limited like any route.
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml"],
                body: .init(byteBuffer: ByteBuffer(string: SpecFirstAPIs.document)))
        }
        // Readiness: send me traffic. Turns 503 when a graceful shutdown
        // begins, `DRAIN_DELAY_MS` before the server stops accepting.
        router.get("/ready") { [readiness] _, _ in
            let ready = readiness.isReady
            return Response(
                status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: ready ? #"{"status":"ready"}"# : #"{"status":"draining"}"#)))
        }
        OrderRoutes(
            orders: orders, coordinator: IdempotencyKeys.Coordinator(store: idempotency, duplicates: .reject),
            cache: cache, maxBodyBytes: configuration.maxBodyBytes,
            cursors: try CursorCodec(secret: configuration.cursorSecret), bulkhead: ordersBulkhead
        ).register(on: router)
        InventoryRoutes(
            store: orders.store, identity: identity, adminRoutesEnabled: configuration.adminRoutesEnabled,
            requiresToken: configuration.adminToken != nil, maxBodyBytes: configuration.maxBodyBytes
        ).register(on: router)
        EventRoutes(events: events, heartbeat: configuration.eventsHeartbeat).register(on: router)
        return router
    }

    /// The Hummingbird application: migrations and crash recovery run
    /// before the server accepts a connection; on graceful shutdown the
    /// server drains first, then the background services stop and the
    /// database closes (a service group stops its services in reverse).
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws
        -> some ApplicationProtocol
    {
        var services: [any Service] = []
        if let postgres { services.append(postgres) }
        services.append(DatabaseService(database: database))
        services.append(OrderEventsService(events: events, logger: logger))
        services.append(MaintenanceService(application: self))
        var app = Application(
            router: try router(),
            // An idle connection (no request, nothing read) is closed: a
            // client that opens sockets and sends nothing cannot hold them.
            server: .http1(
                configuration: .init(
                    idleTimeout: .nanoseconds(Int64(configuration.httpIdleTimeout.microseconds * 1000)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        app.beforeServerStarts {
            try await prepare()
            readiness.set(true)
        }
        return app
    }

    /// Runs the application until SIGTERM or SIGINT, then shuts down in
    /// order: `/ready` turns 503 and the service keeps serving for
    /// `drainDelay` (a load balancer stops sending), the server drains
    /// in-flight requests, the background services stop, the database
    /// closes. The whole shutdown is bounded by `shutdownTimeout`; what is
    /// left then is cancelled.
    public func runService(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = try application(onServerRunning: onServerRunning)
        var group = ServiceGroupConfiguration(
            services: [
                .init(service: app),
                // Last, so it is the first told to shut down (a group stops in reverse).
                .init(
                    service: ReadinessGate(readiness: readiness, drainDelay: configuration.drainDelay, logger: logger)),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = configuration.shutdownTimeout
        // The backstop: if something ignores the cancellation that follows,
        // the process still ends (ServiceLifecycle then traps: exit by signal).
        group.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: group).run()
    }

    /// Creates the tables, settles what a dead process left behind, and
    /// waits for the event relay.
    public func prepare() async throws {
        try await ServiceSchema.migrate(database)
        switch database.kind {
        case .sqlite:
            // One process owns the file: everything in flight belonged to a dead one.
            let recovered = try await orders.recoverExpired(now: .max)
            let released = try await idempotency.releaseAllInProgress()
            logger.notice(
                "recovered after restart",
                metadata: [
                    "idempotency_claims_released": "\(released)", "orders_confirmed": "\(recovered.confirmed)",
                    "orders_cancelled": "\(recovered.cancelled)",
                ])
        case .postgres:
            // Other instances may be running: only expired leases are taken over.
            try await orders.recoverExpired(now: orders.store.clock.nowMicros())
        }
        await events.waitUntilListening()
    }

    /// One maintenance pass: settle expired sagas (every instance: takeover
    /// is fenced), then, on one instance at a time (the leader of this pass),
    /// drop expired records in bounded batches; and evict idle in-memory
    /// rate-limit keys.
    /// - Returns: whether this instance ran the sweep.
    @discardableResult
    public func maintain() async throws -> Bool {
        try await orders.recoverExpired(now: orders.store.clock.nowMicros())
        if let local = limiter as? LockedKeyedRateLimiter<TokenBucket, ContinuousClock> { local.evictIdleKeys() }
        return try await Maintenance.asLeader(database) {
            try await idempotency.removeExpired()
            if let limiter = limiter as? SQLRateLimiter { try await limiter.removeExpiredWindows() }
        }
    }
}

/// Whether the instance wants traffic (`GET /ready`).
public final class Readiness: Sendable {
    private let state = Mutex(false)

    public init() {}

    public var isReady: Bool { state.withLock { $0 } }

    public func set(_ ready: Bool) { state.withLock { $0 = ready } }
}

/// Turns readiness off when a graceful shutdown begins, then holds the rest
/// of the shutdown for `drainDelay`, while the server still serves.
struct ReadinessGate: Service, CustomStringConvertible {
    var description: String { "ReadinessGate" }
    let readiness: Readiness
    let drainDelay: Duration
    let logger: Logger

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            readiness.set(false)  // cancelled, not drained: no delay to hold
            return
        }
        readiness.set(false)
        logger.notice("draining", metadata: ["delay_ms": "\(drainDelay.microseconds / 1000)"])
        if drainDelay > .zero { try? await Task.sleep(for: drainDelay) }
    }
}

/// Closes the database once everything after it in the group has stopped.
struct DatabaseService: Service, CustomStringConvertible {
    var description: String { "DatabaseService" }
    let database: any SQLDatabase

    func run() async throws {
        try? await gracefulShutdown()
        // In a fresh task: if the group was cancelled rather than shut down
        // gracefully, this task is cancelled and sqlite-nio's close would
        // refuse to run, leaving the file open (cancellation is sticky).
        try await Task { try await database.close() }.value
    }
}

/// Runs ``ServiceApplication/maintain()`` every maintenance interval until
/// graceful shutdown.
/// (Described by name only: ServiceLifecycle logs services at debug level,
/// and the default description would print the configuration's secrets.)
struct MaintenanceService: Service, CustomStringConvertible {
    var description: String { "MaintenanceService" }
    let application: ServiceApplication

    func run() async throws {
        let interval = application.configuration.maintenanceInterval
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                break
            }
            do {
                try await application.maintain()
            } catch {
                application.logger.error("maintenance failed", metadata: ["error": "\(error)"])
            }
        }
        await application.cache.shutdown()
    }
}
