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
    public var adminToken: String?
    public var cursorSecret = "handbook-service-development-cursor-secret!"
    public var paymentFailureRate = 0.0
    public var paymentLatency = Duration.zero
    public var paymentRetries = 3
    public var paymentRetryBase = Duration.milliseconds(50)
    public var maxBodyBytes = 16 * 1024
    public var idempotencyTTL = Duration.seconds(24 * 3600)
    /// How long an order's saga and its idempotency claim are held before
    /// another instance may settle them (keep it above the saga's duration).
    public var sagaLease = Duration.seconds(30)
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
        func milliseconds(_ name: String, in range: ClosedRange<Int>) throws -> Duration? {
            try integer(name, in: range).map { .milliseconds($0) }
        }
        if let host = value("HOST") { self.host = host }
        if let port = try integer("PORT", in: 0...65_535) { self.port = port }
        databaseURL = value("DATABASE_URL")
        if let path = value("SQLITE_PATH") { sqlitePath = path }
        if let limit = try integer("RATE_LIMIT_REQUESTS", in: 1...1_000_000_000) { rateLimit = limit }
        if let window = try integer("RATE_LIMIT_WINDOW_SECONDS", in: 1...86_400) { rateLimitWindow = .seconds(window) }
        adminToken = value("ADMIN_TOKEN")
        if let secret = value("CURSOR_SECRET") {
            guard secret.utf8.count >= 32 else {
                throw ServiceConfigurationError.invalid("CURSOR_SECRET", "needs at least 32 bytes")
            }
            cursorSecret = secret
        }
        if let text = value("PAYMENT_FAILURE_RATE") {
            guard let rate = Double(text), (0...1).contains(rate) else {
                throw ServiceConfigurationError.invalid(
                    "PAYMENT_FAILURE_RATE", "expected a number in 0...1, got \"\(text)\"")
            }
            paymentFailureRate = rate
        }
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
        // A lease must outlast the saga it protects, or another instance's
        // recovery settles an order whose saga is still charging.
        let worstCharge = paymentLatency * paymentRetries + paymentRetryBase * 8 * (paymentRetries - 1)
        guard worstCharge * 2 <= sagaLease else {
            throw ServiceConfigurationError.invalid(
                "SAGA_LEASE_MS",
                "must be at least twice the worst-case payment time (\(worstCharge): PAYMENT_ATTEMPTS × "
                    + "PAYMENT_LATENCY_MS + the backoffs)")
        }
        guard sagaLease <= idempotencyTTL else {
            throw ServiceConfigurationError.invalid("SAGA_LEASE_MS", "must not exceed IDEMPOTENCY_TTL_SECONDS")
        }
    }
}
