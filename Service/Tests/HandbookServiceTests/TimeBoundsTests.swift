import Foundation
import HandbookSystemDesign
import PostgresNIO
import Synchronization
import Testing

@testable import HandbookService

/// Nothing waits without bound: the SQLite writer, the PostgreSQL pool and
/// statements, a slow `/events` reader.
@Suite("Time bounds", .timeLimit(.minutes(1)))
struct TimeBoundsTests {
    /// A one-shot signal a test waits on.
    final class Signal: Sendable {
        private let stream: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation

        init() { (stream, continuation) = AsyncStream.makeStream() }

        func fire() { continuation.finish() }

        func wait() async { for await _ in stream {} }
    }

    @Test("a transaction waiting for the SQLite writer gives up after the writer timeout, and the queue moves on")
    func sqliteWriterWaitIsBounded() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bound-\(UUID()).sqlite").path
        defer { removeSQLiteFiles(path) }
        let database = try await SQLiteDatabase.open(path: path, writerTimeout: .milliseconds(50), logger: testLogger)
        let (holding, release) = (Signal(), Signal())
        async let holder: Void = database.transaction { _ in
            holding.fire()
            await release.wait()
        }
        await holding.wait()
        await #expect(throws: AsyncLock.TimedOut(timeout: .milliseconds(50))) {
            try await database.query("SELECT 1 AS one")
        }
        #expect(await database.waitingTransactions == 0, "a timed-out waiter leaves the queue")
        release.fire()
        try await holder
        #expect(try await database.query("SELECT 1 AS one").count == 1)
        try await database.close()
    }

    @Test("a cancelled transaction leaves the writer's queue at once, without running")
    func sqliteWriterWaitIsCancellable() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cancel-\(UUID()).sqlite").path
        defer { removeSQLiteFiles(path) }
        let database = try await SQLiteDatabase.open(path: path, writerTimeout: .seconds(3600), logger: testLogger)
        let (holding, release) = (Signal(), Signal())
        async let holder: Void = database.transaction { _ in
            holding.fire()
            await release.wait()
        }
        await holding.wait()
        let ran = Mutex(false)
        let waiter = Task {
            try await database.transaction { _ in ran.withLock { $0 = true } }
        }
        while await database.waitingTransactions == 0 { await Task.yield() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(await database.waitingTransactions == 0)
        release.fire()
        try await holder
        #expect(!ran.withLock { $0 })
        try await database.close()
    }

    @Test(
        "PostgreSQL: with the pool exhausted, a query fails after the database timeout instead of queueing",
        .enabled(if: Backend.postgresURL != nil, "needs HANDBOOK_SERVICE_TEST_POSTGRES_URL"))
    func postgresPoolWaitIsBounded() async throws {
        let url = try await Backend.createDatabase()
        try await Self.withDatabase(url: url, poolSize: 1, statementTimeout: .seconds(30)) { client in
            // Connected first, with time to spare (a loaded machine may take a while).
            let patient = HandbookService.PostgresDatabase(client: client, timeout: .seconds(30), logger: testLogger)
            _ = try await patient.query("SELECT 1 AS one")
            let database = HandbookService.PostgresDatabase(
                client: client, timeout: .milliseconds(200), logger: testLogger)
            // The pool's one connection, leased outside the service's (bounded) transactions.
            let (holding, release) = (Signal(), Signal())
            async let holder: Void = database.client.withConnection { _ in
                holding.fire()
                await release.wait()
            }
            await holding.wait()
            await #expect(throws: HandbookService.PostgresDatabase.TimedOut(timeout: .milliseconds(200))) {
                try await database.query("SELECT 1 AS one")
            }
            release.fire()
            try await holder
            #expect(try await patient.query("SELECT 1 AS one").count == 1, "the pool still works")
        }
    }

    @Test(
        "PostgreSQL: statement_timeout stops a slow statement on the server",
        .enabled(if: Backend.postgresURL != nil, "needs HANDBOOK_SERVICE_TEST_POSTGRES_URL"))
    func postgresStatementTimeout() async throws {
        let url = try await Backend.createDatabase()
        // 2 s, not less: the bound applies to every statement on these connections,
        // and on a loaded machine (the whole suite in parallel) a 300 ms bound hung
        // this test now and then. pg_sleep(5) still outlasts it.
        try await Self.withDatabase(url: url, poolSize: 2, statementTimeout: .seconds(2)) { client in
            // The client-side bound is far away: the server must be the one to stop it.
            let database = HandbookService.PostgresDatabase(client: client, timeout: .seconds(30), logger: testLogger)
            let setting = try await database.query("SELECT current_setting('statement_timeout') AS t").first
            #expect(try setting?.text("t") == "2s")
            await #expect(throws: (any Error).self) { try await database.query("SELECT pg_sleep(5)::text AS slept") }
        }
    }

    static func withDatabase(
        url: String, poolSize: Int, statementTimeout: Duration, _ body: @Sendable (PostgresClient) async throws -> Void
    ) async throws {
        let client = PostgresClient(
            configuration: try HandbookService.PostgresDatabase.configuration(
                url: url, poolSize: poolSize, statementTimeout: statementTimeout),
            backgroundLogger: testLogger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await body(client)
        }
    }
}

/// `GET /orders/{id}`'s coalescer keeps nothing: no value outlives its load.
@Suite("Read coalescing", .timeLimit(.minutes(1)))
struct CoalescerTests {
    @Test("a cancelled reader leaves no flight behind, and the next read after a load loads again")
    func coalescesWithoutKeeping() async throws {
        let (started, startedSignal) = AsyncStream<Void>.makeStream()
        let (gate, opened) = AsyncStream<Void>.makeStream()
        let loads = Mutex(0)
        let coalescer = Coalescer<String, Int> { _ in
            let number = loads.withLock {
                $0 += 1
                return $0
            }
            startedSignal.yield()
            for await _ in gate {}
            return number
        }
        let first = Task { try await coalescer.value(forKey: "order") }
        for await _ in started { break }
        #expect(await coalescer.flightCount == 1)
        first.cancel()  // a client that went away
        opened.finish()
        #expect(try await first.value == 1)
        #expect(await coalescer.flightCount == 0)
        // Nothing kept: a new read after the load ended is a new load.
        #expect(try await coalescer.value(forKey: "order") == 2)
        #expect(await coalescer.loadCount == 2)
    }
}
