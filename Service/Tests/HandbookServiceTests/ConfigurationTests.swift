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
    }

    @Test("values are read and converted")
    func reads() throws {
        let configuration = try ServiceConfiguration(environment: [
            "PORT": "0", "DATABASE_URL": "postgres://u@h/db", "RATE_LIMIT_REQUESTS": "5", "SAGA_LEASE_MS": "2000",
            "PAYMENT_LATENCY_MS": "5", "LOG_LEVEL": "NOTICE", "EVENTS_HEARTBEAT_MS": "250",
        ])
        #expect(configuration.port == 0 && configuration.databaseURL == "postgres://u@h/db")
        #expect(configuration.rateLimit == 5 && configuration.sagaLease == .milliseconds(2000))
        #expect(configuration.logLevel == .notice && configuration.eventsHeartbeat == .milliseconds(250))
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

    @Test("a lease shorter than twice the worst-case payment time is refused")
    func leaseMustOutlastTheSaga() {
        // 3 attempts × 1 s latency + backoffs of up to 8 × 50 ms: about 3.8 s.
        #expect(throws: ServiceConfigurationError.self) {
            try ServiceConfiguration(environment: ["PAYMENT_LATENCY_MS": "1000", "SAGA_LEASE_MS": "5000"])
        }
        #expect(throws: Never.self) {
            try ServiceConfiguration(environment: ["PAYMENT_LATENCY_MS": "1000", "SAGA_LEASE_MS": "8000"])
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
