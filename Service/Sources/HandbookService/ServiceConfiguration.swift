import Foundation
import Logging

/// A setting that cannot work: thrown at start-up, never replaced by a default.
public enum ServiceConfigurationError: Error, Equatable, CustomStringConvertible {
    case invalid(String, String)

    public var description: String {
        switch self {
        case .invalid(let name, let reason): "\(name): \(reason)"
        }
    }
}

/// Everything the service reads from its environment (see the README's table).
public struct ServiceConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port; the service logs the one it bound.
    public var port = 8080
    /// `postgres://…` switches every store to PostgreSQL.
    public var databaseURL: String?
    public var sqlitePath = "handbook-service.sqlite"
    public var rateLimit = 600
    public var rateLimitWindow = Duration.seconds(60)
    /// `PUT /inventory/{item}` needs `Authorization: Bearer <adminToken>`.
    /// Unset, the route is open only on a loopback address; set, it is at
    /// least 32 bytes. Never empty.
    public var adminToken: String?
    /// `ADMIN_ROUTES=disabled`: the admin route answers 404 whatever is sent.
    public var adminRoutesEnabled = true
    /// Named clients: `Authorization: Bearer <token>` makes the request that
    /// client's (its own rate-limit bucket and idempotency-key scope).
    public var clientTokens: [String: String] = [:]
    /// Peers whose `X-Forwarded-For` is believed (the load balancers);
    /// anyone else's is ignored, or a client could pick its own rate-limit key.
    public var trustedProxies: Set<String> = []
    /// The most clients the in-memory rate limiter tracks; idle ones are
    /// evicted by maintenance, off the request path.
    public var rateLimitMaxClients = 100_000
    public var cursorSecret = Self.developmentCursorSecret
    static let developmentCursorSecret = "handbook-service-development-cursor-secret!"
    public var paymentFailureRate = 0.0
    public var paymentDeclineRate = 0.0
    public var paymentLatency = Duration.zero
    /// The simulated provider stalls this share of charges for `paymentStall`
    /// (fault tests: a provider slower than the lease).
    public var paymentStallRate = 0.0
    public var paymentStall = Duration.zero
    /// The longest the service waits for one answer from the provider; the
    /// outcome of a call cut here is unknown and is resolved before any roll-back.
    public var paymentTimeout = Duration.seconds(2)
    /// Every request's deadline, passed down to the provider and the retries.
    public var requestTimeout = Duration.seconds(10)
    /// `POST /orders` runs at most this many sagas at once…
    public var ordersMaxConcurrent = 64
    /// …with at most this many waiting, each for at most `ordersQueueTimeout`;
    /// beyond that the answer is 503 with `Retry-After`, not a longer queue.
    public var ordersMaxQueued = 128
    public var ordersQueueTimeout = Duration.milliseconds(500)
    /// A connection with no request in flight and nothing read for this long is closed.
    public var httpIdleTimeout = Duration.seconds(60)
    /// How long `GET /ready` answers 503 before the server stops accepting
    /// (time for a load balancer to notice), on graceful shutdown.
    public var drainDelay = Duration.zero
    /// The most a graceful shutdown may take before the rest is cancelled.
    public var shutdownTimeout = Duration.seconds(30)
    /// PostgreSQL: connections in the pool, how long a query waits for one,
    /// and `statement_timeout`.
    public var databasePoolSize = 16
    public var databaseTimeout = Duration.seconds(5)
    public var paymentRetries = 3
    public var paymentRetryBase = Duration.milliseconds(50)
    public var maxBodyBytes = 16 * 1024
    public var idempotencyTTL = Duration.seconds(24 * 3600)
    /// How long an order's saga and its idempotency claim are held before
    /// another instance may settle them (keep it above the saga's duration).
    public var sagaLease = Duration.seconds(30)
    /// How often a running saga renews its lease (`nil`: a third of it).
    public var sagaLeaseRenewal: Duration?
    public var cacheTTL = Duration.seconds(30)
    public var maintenanceInterval = Duration.seconds(5)
    /// How often a quiet `/events` stream writes a heartbeat comment, which
    /// is how a client that went away is noticed.
    public var eventsHeartbeat = Duration.seconds(15)
    public var logLevel = Logger.Level.info

    public init() {}

    /// Reads the environment.
    /// - Throws: ``ServiceConfigurationError`` naming the first bad variable.
    public init(environment: [String: String]) throws {
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
            guard let text = value(name) else { return nil }
            guard let number = Int(text), range.contains(number) else {
                throw ServiceConfigurationError.invalid(name, "expected an integer in \(range), got \"\(text)\"")
            }
            return number
        }
        func share(_ name: String) throws -> Double? {
            guard let text = value(name) else { return nil }
            guard let rate = Double(text), (0...1).contains(rate) else {
                throw ServiceConfigurationError.invalid(name, "expected a number in 0...1, got \"\(text)\"")
            }
            return rate
        }
        func milliseconds(_ name: String, in range: ClosedRange<Int>) throws -> Duration? {
            try integer(name, in: range).map { .milliseconds($0) }
        }
        if let host = value("HOST") { self.host = host }
        if let port = try integer("PORT", in: 0...65_535) { self.port = port }
        databaseURL = value("DATABASE_URL")
        if let path = value("SQLITE_PATH") { sqlitePath = path }
        if let limit = try integer("RATE_LIMIT_REQUESTS", in: 1...1_000_000_000) { rateLimit = limit }
        if let window = try integer("RATE_LIMIT_WINDOW_SECONDS", in: 1...86_400) { rateLimitWindow = .seconds(window) }
        if let token = environment["ADMIN_TOKEN"] {
            // Set but empty is a mistake (an unset variable in a template), never "open".
            guard token.utf8.count >= 32 else {
                throw ServiceConfigurationError.invalid(
                    "ADMIN_TOKEN", "needs at least 32 bytes (it is never optional once set)")
            }
            adminToken = token
        }
        if let routes = value("ADMIN_ROUTES") {
            guard ["enabled", "disabled"].contains(routes) else {
                throw ServiceConfigurationError.invalid(
                    "ADMIN_ROUTES", "expected enabled or disabled, got \"\(routes)\"")
            }
            adminRoutesEnabled = routes == "enabled"
        }
        if let secret = environment["CURSOR_SECRET"] {
            guard secret.utf8.count >= 32 else {
                throw ServiceConfigurationError.invalid("CURSOR_SECRET", "needs at least 32 bytes")
            }
            cursorSecret = secret
        }
        if let list = value("CLIENT_TOKENS") {
            for entry in list.split(separator: ",") {
                let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, parts[1].utf8.count >= 32 else {
                    throw ServiceConfigurationError.invalid(
                        "CLIENT_TOKENS", "expected name:token pairs, each token at least 32 bytes")
                }
                guard clientTokens.updateValue(parts[0], forKey: parts[1]) == nil, parts[1] != adminToken else {
                    throw ServiceConfigurationError.invalid("CLIENT_TOKENS", "a token is used twice")
                }
            }
        }
        if let list = value("TRUSTED_PROXIES") {
            trustedProxies = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        if let clients = try integer("RATE_LIMIT_MAX_CLIENTS", in: 1...10_000_000) { rateLimitMaxClients = clients }
        if let rate = try share("PAYMENT_FAILURE_RATE") { paymentFailureRate = rate }
        if let rate = try share("PAYMENT_DECLINE_RATE") { paymentDeclineRate = rate }
        if let rate = try share("PAYMENT_STALL_RATE") { paymentStallRate = rate }
        if let stall = try milliseconds("PAYMENT_STALL_MS", in: 0...600_000) { paymentStall = stall }
        if let timeout = try milliseconds("PAYMENT_TIMEOUT_MS", in: 1...60_000) { paymentTimeout = timeout }
        if let timeout = try milliseconds("REQUEST_TIMEOUT_MS", in: 10...600_000) { requestTimeout = timeout }
        if let slots = try integer("ORDERS_MAX_CONCURRENT", in: 1...100_000) { ordersMaxConcurrent = slots }
        if let queued = try integer("ORDERS_MAX_QUEUED", in: 0...1_000_000) { ordersMaxQueued = queued }
        if let wait = try milliseconds("ORDERS_QUEUE_TIMEOUT_MS", in: 1...600_000) { ordersQueueTimeout = wait }
        if let idle = try integer("HTTP_IDLE_TIMEOUT_SECONDS", in: 1...86_400) { httpIdleTimeout = .seconds(idle) }
        if let delay = try milliseconds("DRAIN_DELAY_MS", in: 0...600_000) { drainDelay = delay }
        if let timeout = try integer("SHUTDOWN_TIMEOUT_SECONDS", in: 1...3_600) { shutdownTimeout = .seconds(timeout) }
        if let size = try integer("DATABASE_POOL_SIZE", in: 1...1_000) { databasePoolSize = size }
        if let timeout = try milliseconds("DATABASE_TIMEOUT_MS", in: 10...600_000) { databaseTimeout = timeout }
        if let latency = try milliseconds("PAYMENT_LATENCY_MS", in: 0...60_000) { paymentLatency = latency }
        if let retries = try integer("PAYMENT_ATTEMPTS", in: 1...10) { paymentRetries = retries }
        if let base = try milliseconds("PAYMENT_RETRY_BASE_MS", in: 1...10_000) { paymentRetryBase = base }
        if let bytes = try integer("MAX_BODY_BYTES", in: 64...10_485_760) { maxBodyBytes = bytes }
        if let ttl = try integer("IDEMPOTENCY_TTL_SECONDS", in: 1...604_800) { idempotencyTTL = .seconds(ttl) }
        if let lease = try milliseconds("SAGA_LEASE_MS", in: 100...3_600_000) { sagaLease = lease }
        if let ttl = try integer("CACHE_TTL_SECONDS", in: 1...86_400) { cacheTTL = .seconds(ttl) }
        if let interval = try milliseconds("MAINTENANCE_INTERVAL_MS", in: 10...3_600_000) {
            maintenanceInterval = interval
        }
        if let heartbeat = try milliseconds("EVENTS_HEARTBEAT_MS", in: 10...3_600_000) {
            eventsHeartbeat = heartbeat
        }
        if let level = value("LOG_LEVEL") {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw ServiceConfigurationError.invalid(
                    "LOG_LEVEL", "expected trace, debug, info, notice, warning, error or critical")
            }
            logLevel = parsed
        }
        // The lease is not what makes the saga correct (the lease token
        // fences it); it decides how soon a stalled attempt's order is
        // settled. The charge is bounded by half the lease and by the request
        // deadline, so a healthy attempt never needs to be taken over.
        guard requestTimeout < sagaLease else {
            throw ServiceConfigurationError.invalid(
                "SAGA_LEASE_MS",
                "must exceed REQUEST_TIMEOUT_MS (\(requestTimeout)): a request outliving the lease of its order gets fenced out"
            )
        }
        guard paymentTimeout <= requestTimeout else {
            throw ServiceConfigurationError.invalid("PAYMENT_TIMEOUT_MS", "must not exceed REQUEST_TIMEOUT_MS")
        }
        guard sagaLease <= idempotencyTTL else {
            throw ServiceConfigurationError.invalid("SAGA_LEASE_MS", "must not exceed IDEMPOTENCY_TTL_SECONDS")
        }
        // Fail closed: a service reachable from other machines needs real
        // secrets. Behind a proxy on the same host (TRUSTED_PROXIES set) a
        // loopback HOST is reachable from the network too.
        if !Self.isLoopback(host) || !trustedProxies.isEmpty {
            guard adminToken != nil || !adminRoutesEnabled else {
                throw ServiceConfigurationError.invalid(
                    "ADMIN_TOKEN",
                    "required when HOST (\(host)) is not a loopback address or TRUSTED_PROXIES is set "
                        + "(or set ADMIN_ROUTES=disabled)")
            }
            guard environment["CURSOR_SECRET"] != nil else {
                throw ServiceConfigurationError.invalid(
                    "CURSOR_SECRET",
                    "required when HOST (\(host)) is not a loopback address or TRUSTED_PROXIES is set "
                        + "(the default is public)")
            }
        }
    }

    /// Whether `host` only accepts connections from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        // An IPv4 literal in 127.0.0.0/8, not a name like "127.example.com".
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

extension ServiceConfiguration: CustomStringConvertible {
    /// Every setting, secrets redacted: configurations end up in logs
    /// (ServiceLifecycle describes services at debug level, crash reports…).
    public var description: String {
        let secrets: Set<String> = ["adminToken", "cursorSecret", "clientTokens", "databaseURL"]
        let fields = Mirror(reflecting: self).children.map { child in
            let name = child.label ?? "?"
            return "\(name): \(secrets.contains(name) ? "<redacted>" : String(describing: child.value))"
        }
        return "ServiceConfiguration(\(fields.joined(separator: ", ")))"
    }
}
