import Foundation
import HandbookPatterns
import HandbookSystemDesign
import Hummingbird
import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle

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
    /// Where the per-request lines go; `nil` sends them through `logger`.
    public var accessLog: AccessLog?

    /// Opens the database and builds every component; nothing is served yet.
    public static func make(
        configuration: ServiceConfiguration, logger: Logger, clock: ServiceClock = .system,
        paymentAttempt: PaymentGateway.Attempt? = nil
    ) async throws -> ServiceApplication {
        let database: any SQLDatabase
        var postgres: PostgresClient?
        if let url = configuration.databaseURL {
            let client = PostgresClient(
                configuration: try PostgresDatabase.configuration(url: url), backgroundLogger: logger)
            postgres = client
            database = PostgresDatabase(client: client, logger: logger)
        } else {
            database = try await SQLiteDatabase.open(path: configuration.sqlitePath, logger: logger)
        }
        let store = OrderStore(database: database, clock: clock)
        let events = OrderEvents(postgres: postgres, logger: logger)
        let gateway = PaymentGateway(
            database: database, clock: clock,
            attempt: paymentAttempt
                ?? PaymentGateway.simulated(
                    latency: configuration.paymentLatency, failureRate: configuration.paymentFailureRate))
        let orders = try OrderService(
            store: store, gateway: gateway, events: events,
            retry: try RetryPolicy(
                maxAttempts: configuration.paymentRetries, baseDelay: configuration.paymentRetryBase,
                maxDelay: configuration.paymentRetryBase * 8),
            breaker: try CircuitBreakerConfiguration(
                failureThreshold: 5, resetTimeout: .seconds(5),
                isFailure: { $0 is PaymentGateway.Unavailable }),
            lease: configuration.sagaLease, adoptionWindow: configuration.idempotencyTTL, logger: logger)
        let limiter: any RateLimiter
        if postgres != nil {
            limiter = try SQLRateLimiter(
                database: database, limit: configuration.rateLimit, window: configuration.rateLimitWindow, clock: clock)
        } else {
            // One process: the lesson's token bucket in memory, no query per request.
            limiter = try LockedKeyedRateLimiter(
                template: try TokenBucket(
                    capacity: configuration.rateLimit, refill: configuration.rateLimit,
                    per: configuration.rateLimitWindow),
                clock: ContinuousClock())
        }
        return ServiceApplication(
            configuration: configuration, database: database, postgres: postgres, orders: orders,
            idempotency: try SQLIdempotencyStore(
                database: database, ttl: configuration.idempotencyTTL, lease: configuration.sagaLease, clock: clock),
            cache: try OrderCache(store: store, ttl: configuration.cacheTTL, capacity: 10_000),
            limiter: limiter, events: events, logger: logger)
    }

    /// The router with its middleware, outermost first: request id, log,
    /// rate limit (its headers go on every response, errors included),
    /// problem mapping, routes.
    public func router() throws -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        // One statically typed stack (Hummingbird's result builder) rather than
        // an `add(middleware:)` per layer, each a separate type-erased responder
        // on every request's path.
        router.addMiddleware {
            RequestIDMiddleware()
            RequestLogMiddleware(accessLog: accessLog)
            RateLimitMiddleware(limiter: limiter)
            ProblemMiddleware()
        }
        router.get("/health") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        OrderRoutes(
            orders: orders, coordinator: IdempotencyKeys.Coordinator(store: idempotency, duplicates: .reject),
            cache: cache, maxBodyBytes: configuration.maxBodyBytes,
            cursors: try CursorCodec(secret: configuration.cursorSecret)
        ).register(on: router)
        InventoryRoutes(
            store: orders.store, adminToken: configuration.adminToken, maxBodyBytes: configuration.maxBodyBytes
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
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        app.beforeServerStarts { try await prepare() }
        return app
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

    /// One maintenance pass: settle expired sagas, drop expired records.
    public func maintain() async throws {
        try await orders.recoverExpired(now: orders.store.clock.nowMicros())
        try await idempotency.removeExpired()
        if let limiter = limiter as? SQLRateLimiter { try await limiter.removeExpiredWindows() }
    }
}

/// Closes the database once everything after it in the group has stopped.
struct DatabaseService: Service {
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
struct MaintenanceService: Service {
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
