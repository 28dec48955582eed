import Foundation
import HandbookSystemDesign
import PostgresNIO
import Testing

@testable import HandbookService

/// Housekeeping stays cheap: indexed, in bounded batches, on one instance,
/// and an old database is upgraded in place.
@Suite("Maintenance")
struct MaintenanceTests {
    @Test("the expiry sweeps have their indexes", arguments: Backend.databases)
    func sweepIndexesExist(_ backend: Backend) async throws {
        try await withService(backend) { _, service in
            let sql =
                switch backend {
                case .postgres: "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()"
                default: "SELECT name FROM sqlite_master WHERE type = 'index'"
                }
            let names = Set(try await service.database.query(sql).map { try $0.text("name") })
            #expect(names.isSuperset(of: ["idempotency_keys_expiry", "rate_limits_expiry"]), "\(names)")
        }
    }

    @Test(
        "expired idempotency keys go in bounded batches: a backlog takes several passes", arguments: Backend.databases)
    func sweepIsBatched(_ backend: Backend) async throws {
        let clock = ManualServiceClock()
        try await withService(backend, clock: clock) { _, service in
            let now = clock.clock.nowMicros()
            try await service.database.transaction { sql in
                for index in 0..<250 {
                    try await sql.query(
                        """
                        INSERT INTO idempotency_keys (key, fingerprint, state, token, expires_at)
                        VALUES ($1, 'f', 'completed', 't', $2)
                        """,
                        .text("old-\(index)"), .integer(now - 1))
                }
                try await sql.query(
                    """
                    INSERT INTO idempotency_keys (key, fingerprint, state, token, expires_at)
                    VALUES ('live', 'f', 'completed', 't', $1)
                    """, .integer(now + 1_000_000))
            }
            #expect(try await service.idempotency.removeExpired(batchSize: 100, maximumBatches: 2) == 200)
            #expect(try await service.idempotency.removeExpired(batchSize: 100, maximumBatches: 2) == 50)
            #expect(try await service.count("SELECT COUNT(*) AS n FROM idempotency_keys") == 1)
        }
    }

    @Test(
        "PostgreSQL: only the instance holding the sweep's advisory lock sweeps; the others skip the pass",
        .enabled(if: Backend.postgresURL != nil, "needs HANDBOOK_SERVICE_TEST_POSTGRES_URL"))
    func oneLeaderSweeps() async throws {
        try await withService(.postgres) { _, service in
            let postgres = try #require(service.postgres)
            let (holding, release) = (TimeBoundsTests.Signal(), TimeBoundsTests.Signal())
            // Another instance's session holds the lock.
            async let other: Void = postgres.withConnection { connection in
                _ = try await connection.query("SELECT pg_advisory_lock(\(Maintenance.sweepLock))", logger: testLogger)
                holding.fire()
                await release.wait()
                _ = try await connection.query(
                    "SELECT pg_advisory_unlock(\(Maintenance.sweepLock))", logger: testLogger)
            }
            await holding.wait()
            #expect(try await service.maintain() == false)
            release.fire()
            try await other
            #expect(try await service.maintain() == true)
        }
    }

    @Test(
        "a database made by the first release gets the new columns at start-up, its rows kept",
        arguments: Backend.databases)
    func upgradesAnOldSchema(_ backend: Backend) async throws {
        var configuration = try await backend.freshConfiguration()
        defer { if configuration.databaseURL == nil { removeSQLiteFiles(configuration.sqlitePath) } }
        configuration.logLevel = .error
        let service = try await ServiceApplication.make(configuration: configuration, logger: testLogger)
        // PostgreSQL's pool is a service: it serves only while it runs.
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let postgres = service.postgres { group.addTask { await postgres.run() } }
            defer { group.cancelAll() }
            try await Self.upgrade(service)
        }
    }

    static func upgrade(_ service: ServiceApplication) async throws {
        // The first release's tables, one row each.
        try await service.database.transaction { sql in
            try await sql.query(
                "CREATE TABLE inventory (item TEXT PRIMARY KEY, stock BIGINT NOT NULL, reserved BIGINT NOT NULL DEFAULT 0)"
            )
            try await sql.query(
                """
                CREATE TABLE orders (id TEXT PRIMARY KEY, item TEXT NOT NULL, quantity BIGINT NOT NULL,
                    price_cents BIGINT NOT NULL, status TEXT NOT NULL, created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL, lease_until BIGINT NOT NULL, charge_id TEXT, saga TEXT,
                    idempotency_key TEXT, request_fingerprint TEXT)
                """)
            try await sql.query(
                """
                CREATE TABLE charges (id TEXT PRIMARY KEY, order_id TEXT NOT NULL UNIQUE, amount_cents BIGINT NOT NULL,
                    refunded BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL)
                """)
            try await sql.query("INSERT INTO inventory (item, stock, reserved) VALUES ('widget', 7, 1)")
            try await sql.query("INSERT INTO charges VALUES ('ch_1', 'o-1', 500, 0, 1)")
        }
        do {
            try await ServiceSchema.migrate(service.database)
            try await ServiceSchema.migrate(service.database)  // and again: idempotent
            let level = try #require(try await service.orders.store.inventory(item: "widget"))
            #expect(level == InventoryLevel(item: "widget", stock: 7, reserved: 1, version: 0))
            let provider = try #require(
                (service.orders.provider as? TracedPaymentProvider)?.base as? SimulatedPaymentProvider)
            #expect(try await provider.state(key: "o-1") == .charged(id: "ch_1"))
            #expect(try await service.count("SELECT COUNT(*) AS n FROM orders WHERE lease_token IS NULL") == 0)
        } catch {
            try? await service.database.close()
            throw error
        }
        try await service.database.close()
    }
}
