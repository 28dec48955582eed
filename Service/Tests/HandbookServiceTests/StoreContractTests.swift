import Foundation
import HTTPTypes
import HandbookService
import HandbookSystemDesign
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Testing

/// The lessons' store contracts, run against the service's SQL stores: the
/// same promises the in-memory versions keep, now on SQLite and PostgreSQL.
@Suite("SQL stores keep the lessons' contracts")
struct StoreContractTests {
    /// Runs `body` with a fresh, migrated database of `backend`.
    static func withDatabase(_ backend: Backend, _ body: @Sendable (any SQLDatabase) async throws -> Void) async throws
    {
        let configuration = try await backend.freshConfiguration()
        switch backend {
        case .sqlite, .sqliteLive:
            // 500 writers queue behind one: the contract is about counting, so
            // the writer's wait bound (5 s by default) is lifted here.
            let database = try await SQLiteDatabase.open(
                path: configuration.sqlitePath, writerTimeout: .seconds(300), logger: testLogger)
            defer { removeSQLiteFiles(configuration.sqlitePath) }
            do {
                try await ServiceSchema.migrate(database)
                try await body(database)
            } catch {
                // A connection must be closed before it is released, failure or not.
                try await database.close()
                throw error
            }
            try await database.close()
        case .postgres:
            try await Backend.withPostgres(url: try #require(configuration.databaseURL)) { client in
                // The tests' database bound (60 s), not the default 5 s: 500 concurrent
                // requests on a loaded machine waited past 5 s for a connection here.
                let database = PostgresDatabase(
                    client: client, timeout: configuration.databaseTimeout, logger: testLogger)
                try await ServiceSchema.migrate(database)
                try await body(database)
            }
        }
    }

    static var idempotencyCases: [(Backend, IdempotencyStoreContract.Check)] {
        Backend.databases.flatMap { backend in IdempotencyStoreContract.checks.map { (backend, $0) } }
    }

    @Test("SQLIdempotencyStore", arguments: idempotencyCases)
    func idempotencyContract(_ backend: Backend, _ check: IdempotencyStoreContract.Check) async throws {
        try await Self.withDatabase(backend) { database in
            try await check.run {
                try await database.query("DELETE FROM idempotency_keys")
                let clock = ManualServiceClock()
                let store = try SQLIdempotencyStore(
                    database: database, ttl: .seconds(60), lease: .seconds(10), clock: clock.clock)
                return .init(store: store, ttl: .seconds(60), lease: .seconds(10), advance: { clock.advance(by: $0) })
            }
        }
    }

    static var rateLimiterCases: [(Backend, RateLimiterContract.Check)] {
        Backend.databases.flatMap { backend in RateLimiterContract.checks.map { (backend, $0) } }
    }

    @Test("SQLRateLimiter", arguments: rateLimiterCases)
    func rateLimiterContract(_ backend: Backend, _ check: RateLimiterContract.Check) async throws {
        try await Self.withDatabase(backend) { database in
            try await check.run { limit, window in
                try await database.query("DELETE FROM rate_limits")
                let clock = ManualServiceClock()
                let limiter = try SQLRateLimiter(database: database, limit: limit, window: window, clock: clock.clock)
                return .init(limiter: limiter, advance: { clock.advance(by: $0) })
            }
        }
    }
}
