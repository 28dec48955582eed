import HandbookService
import Logging
import PostgresNIO
import Testing

/// The environment is parsed strictly: a bad value names its variable and
/// stops the start-up; nothing falls back to a default.
@Suite("Configuration from the environment")
struct ConfigurationTests {
    @Test("an empty environment gives the documented defaults")
    func defaults() throws {
        let configuration = try ServiceConfiguration(environment: [:])
        #expect(configuration.host == "127.0.0.1" && configuration.port == 8080)
        #expect(configuration.databaseURL == nil && configuration.sqlitePath == "handbook-service.sqlite")
        #expect(configuration.rateLimit == 600 && configuration.rateLimitWindow == .seconds(60))
        #expect(configuration.eventsHeartbeat == .seconds(15))
        // Time is bounded everywhere by default.
        #expect(configuration.requestTimeout == .seconds(10) && configuration.paymentTimeout == .seconds(2))
        #expect(configuration.httpIdleTimeout == .seconds(60) && configuration.shutdownTimeout == .seconds(30))
        #expect(configuration.databaseTimeout == .seconds(5) && configuration.ordersMaxQueued == 128)
        #expect(configuration.adminToken == nil && configuration.adminRoutesEnabled)
    }

    @Test("values are read and converted")
    func reads() throws {
        let configuration = try ServiceConfiguration(environment: [
            "PORT": "0", "DATABASE_URL": "postgres://u@h/db", "RATE_LIMIT_REQUESTS": "5", "SAGA_LEASE_MS": "2000",
            "PAYMENT_LATENCY_MS": "5", "LOG_LEVEL": "NOTICE", "EVENTS_HEARTBEAT_MS": "250",
            "REQUEST_TIMEOUT_MS": "1500", "PAYMENT_TIMEOUT_MS": "400", "ORDERS_MAX_CONCURRENT": "8",
            "TRUSTED_PROXIES": "10.0.0.1, 10.0.0.2", "DATABASE_POOL_SIZE": "4", "ADMIN_ROUTES": "disabled",
            "CURSOR_SECRET": String(repeating: "c", count: 32),
        ])
        #expect(configuration.port == 0 && configuration.databaseURL == "postgres://u@h/db")
        #expect(configuration.rateLimit == 5 && configuration.sagaLease == .milliseconds(2000))
        #expect(configuration.logLevel == .notice && configuration.eventsHeartbeat == .milliseconds(250))
        #expect(
            configuration.requestTimeout == .milliseconds(1500) && configuration.paymentTimeout == .milliseconds(400))
        #expect(configuration.ordersMaxConcurrent == 8 && configuration.databasePoolSize == 4)
        #expect(configuration.trustedProxies == ["10.0.0.1", "10.0.0.2"])
    }

    @Test(
        "a bad value throws, naming the variable",
        arguments: [
            ("PORT", "http"), ("PORT", "70000"), ("RATE_LIMIT_REQUESTS", "0"), ("PAYMENT_FAILURE_RATE", "1.5"),
            ("CURSOR_SECRET", "short"), ("LOG_LEVEL", "loud"), ("SAGA_LEASE_MS", "100"),
            ("EVENTS_HEARTBEAT_MS", "5"),
        ])
    func rejects(_ name: String, _ value: String) {
        #expect {
            _ = try ServiceConfiguration(environment: [name: value])
        } throws: { error in
            guard case ServiceConfigurationError.invalid(let variable, _) = error else { return false }
            return variable == name
        }
    }

    @Test("the lease must outlast the request deadline, and the provider timeout fit in it")
    func leaseMustOutlastTheRequest() {
        #expect(throws: ServiceConfigurationError.self) {
            try ServiceConfiguration(environment: ["SAGA_LEASE_MS": "5000"])  // the request may take 10 s
        }
        #expect(throws: ServiceConfigurationError.self) {
            try ServiceConfiguration(environment: ["REQUEST_TIMEOUT_MS": "1000", "PAYMENT_TIMEOUT_MS": "2000"])
        }
        #expect(throws: Never.self) {
            try ServiceConfiguration(environment: [
                "SAGA_LEASE_MS": "5000", "REQUEST_TIMEOUT_MS": "4000", "PAYMENT_TIMEOUT_MS": "1000",
            ])
        }
    }

    @Test("DATABASE_URL must be a postgres URL with a host and a user")
    func databaseURL() throws {
        let configuration = try PostgresDatabase.configuration(url: "postgres://me:pw@db.example:6543/orders")
        #expect(configuration.host == "db.example" && configuration.port == 6543)
        #expect(configuration.username == "me" && configuration.password == "pw" && configuration.database == "orders")
        for bad in ["mysql://me@h/db", "postgres://h/db", "not a url"] {
            #expect(throws: ServiceConfigurationError.self) { try PostgresDatabase.configuration(url: bad) }
        }
    }
}
