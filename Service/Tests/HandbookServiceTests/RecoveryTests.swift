import Foundation
import HTTPTypes
import HandbookSystemDesign
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Testing

@testable import HandbookService

/// What a process that died mid-saga leaves behind, and how it is settled:
/// roll back when nothing was charged, roll forward when the charge went
/// through, and never touch an order whose lease is still running.
@Suite("Crash recovery")
struct RecoveryTests {
    /// A service on a manual clock, stocked with 10 widgets.
    static func withStockedService(
        _ backend: Backend,
        _ body: @Sendable (ServiceApplication, ManualServiceClock, any TestClientProtocol) async throws -> Void
    ) async throws {
        var configuration = try await backend.freshConfiguration()
        defer { if configuration.databaseURL == nil { removeSQLiteFiles(configuration.sqlitePath) } }
        configuration.sagaLease = .seconds(30)
        let clock = ManualServiceClock()
        let service = try await ServiceApplication.make(
            configuration: configuration, logger: testLogger, clock: clock.clock)
        let app = try service.application()
        try await app.test(.router) { client in
            _ = try await service.orders.store.setStock(item: "widget", stock: 10, precondition: .none)
            try await body(service, clock, client)
        }
    }

    /// The state a crash between "reserve" and "confirm" leaves: a pending,
    /// leased order holding stock.
    static func orphan(
        _ service: ServiceApplication, id: String, quantity: Int, key: String? = nil,
        fingerprint: IdempotencyKeys.Fingerprint? = nil
    ) async throws {
        let now = service.orders.store.clock.nowMicros()
        try await service.orders.store.reserve(
            Order.pendingForTesting(id: id, item: "widget", quantity: quantity, priceCents: 500, createdAt: now),
            idempotencyKey: key, fingerprint: fingerprint?.rawValue, leaseUntil: now + 30_000_000,
            leaseToken: "dead-attempt")
    }

    @Test(
        "a retry after a crash between charge and confirm answers with the charged order, not a second one",
        arguments: Backend.databases)
    func retryAdoptsChargedOrder(_ backend: Backend) async throws {
        try await Self.withStockedService(backend) { service, clock, client in
            // The dead attempt: it held the key, reserved, charged, and died before confirming.
            let fingerprint = IdempotencyKeys.Fingerprint(
                method: "POST", path: "/orders", body: Array(#"{"item":"widget","priceCents":500,"quantity":1}"#.utf8))
            _ = try await service.idempotency.begin(key: try .init("crash-key"), fingerprint: fingerprint)
            try await Self.orphan(
                service, id: "charged-order", quantity: 1, key: "crash-key", fingerprint: fingerprint)
            _ = try await service.orders.provider.charge(key: "charged-order", amountCents: 500, timeout: .seconds(30))
            #expect(try await client.order(key: "crash-key").status == .conflict, "the dead attempt's lease still runs")
            clock.advance(by: .seconds(31))
            let retry = try await client.order(key: "crash-key")
            #expect(retry.status == .created)
            #expect(try decode(Order.self, retry).id == "charged-order")
            #expect(try await service.count("SELECT COUNT(*) AS n FROM orders") == 1)
            #expect(try await service.count("SELECT COUNT(*) AS n FROM charges WHERE kind = 'charge'") == 1)
            let level = try #require(try await service.orders.store.inventory(item: "widget"))
            #expect(level.stock == 9 && level.reserved == 1)
        }
    }

    @Test(
        "after a crash, the same key with a different body is 422, not the other body's order",
        arguments: Backend.databases)
    func adoptionChecksTheBody(_ backend: Backend) async throws {
        try await Self.withStockedService(backend) { service, clock, client in
            let fingerprint = IdempotencyKeys.Fingerprint(
                method: "POST", path: "/orders", body: Array(#"{"item":"widget","priceCents":500,"quantity":1}"#.utf8))
            try await Self.orphan(
                service, id: "charged-order-2", quantity: 1, key: "crash-key-3", fingerprint: fingerprint)
            _ = try await service.orders.provider.charge(
                key: "charged-order-2", amountCents: 500, timeout: .seconds(30))
            clock.advance(by: .seconds(31))
            #expect(try await client.order(key: "crash-key-3", quantity: 5).status == .unprocessableContent)
            #expect(try await client.order(key: "crash-key-3", quantity: 1).status == .created)
            #expect(try await service.count("SELECT COUNT(*) AS n FROM orders") == 1)
        }
    }

    @Test(
        "a retry after a crash before the charge orders again; the dead attempt's stock comes back",
        arguments: Backend.databases)
    func retryReplacesUnchargedOrder(_ backend: Backend) async throws {
        try await Self.withStockedService(backend) { service, clock, client in
            try await Self.orphan(service, id: "uncharged-order", quantity: 1, key: "crash-key-2")
            clock.advance(by: .seconds(31))
            let retry = try await client.order(key: "crash-key-2")
            #expect(retry.status == .created)
            #expect(try decode(Order.self, retry).id != "uncharged-order")
            #expect(try await service.orders.store.order(id: "uncharged-order")?.status == .cancelled)
            let level = try #require(try await service.orders.store.inventory(item: "widget"))
            #expect(level.stock == 9 && level.reserved == 1)
        }
    }

    @Test("an expired pending order without a charge is cancelled and its stock released", arguments: Backend.databases)
    func rollsBack(_ backend: Backend) async throws {
        try await Self.withStockedService(backend) { service, clock, _ in
            try await Self.orphan(service, id: "orphan-1", quantity: 3)
            try await service.maintain()
            #expect(try await service.orders.store.order(id: "orphan-1")?.status == .pending, "the lease still runs")
            clock.advance(by: .seconds(31))
            try await service.maintain()
            #expect(try await service.orders.store.order(id: "orphan-1")?.status == .cancelled)
            let level = try #require(try await service.orders.store.inventory(item: "widget"))
            #expect(level.stock == 10 && level.reserved == 0)
        }
    }

    @Test("an expired pending order whose charge went through is confirmed", arguments: Backend.databases)
    func rollsForward(_ backend: Backend) async throws {
        try await Self.withStockedService(backend) { service, clock, _ in
            try await Self.orphan(service, id: "orphan-2", quantity: 2)
            let chargeID = try await service.orders.provider.charge(
                key: "orphan-2", amountCents: 200, timeout: .seconds(30))
            clock.advance(by: .seconds(31))
            try await service.maintain()
            let order = try #require(try await service.orders.store.order(id: "orphan-2"))
            #expect(order.status == .confirmed && order.chargeID == chargeID)
            let level = try #require(try await service.orders.store.inventory(item: "widget"))
            #expect(level.stock == 8 && level.reserved == 2)
        }
    }

    @Test("settling is idempotent: a second pass and a late compensation change nothing", arguments: Backend.databases)
    func settlesOnce(_ backend: Backend) async throws {
        try await Self.withStockedService(backend) { service, clock, _ in
            try await Self.orphan(service, id: "orphan-3", quantity: 4)
            clock.advance(by: .seconds(31))
            try await service.maintain()
            try await service.maintain()
            #expect(
                try await service.orders.store.release(
                    orderID: "orphan-3", as: .paymentFailed, leaseToken: "dead-attempt") == false)
            let level = try #require(try await service.orders.store.inventory(item: "widget"))
            #expect(level.stock == 10 && level.reserved == 0)
        }
    }

    @Test(
        "a taken-over order is fenced by its token alone: the old attempt cannot confirm, release or renew it",
        arguments: Backend.databases)
    func leaseTokenFences(_ backend: Backend) async throws {
        try await Self.withStockedService(backend) { service, clock, _ in
            let store = service.orders.store
            try await Self.orphan(service, id: "fenced", quantity: 1)
            clock.advance(by: .seconds(31))
            let now = store.clock.nowMicros()
            let newToken = try #require(try await store.takeOver(orderID: "fenced", now: now, until: now + 30_000_000))
            // Still pending, now under the new token: only the token tells them apart.
            #expect(try await store.order(id: "fenced")?.status == .pending)
            await #expect(throws: OrderStore.NotOwned(orderID: "fenced")) {
                try await store.confirm(orderID: "fenced", chargeID: "ch_x", leaseToken: "dead-attempt")
            }
            #expect(try await store.release(orderID: "fenced", as: .cancelled, leaseToken: "dead-attempt") == false)
            #expect(try await store.renewLease(orderID: "fenced", leaseToken: "dead-attempt", until: .max) == false)
            #expect(try await store.takeOver(orderID: "fenced", now: now, until: now) == nil, "the new lease runs")
            #expect(try await store.renewLease(orderID: "fenced", leaseToken: newToken, until: now + 1))
            try await store.confirm(orderID: "fenced", chargeID: "ch_x", leaseToken: newToken)
        }
    }

    @Test(
        "one live order per idempotency key: a second attempt cannot reserve while the first order is pending or confirmed",
        arguments: Backend.databases)
    func oneLiveOrderPerKey(_ backend: Backend) async throws {
        try await Self.withStockedService(backend) { service, _, _ in
            let store = service.orders.store
            try await Self.orphan(service, id: "first", quantity: 1, key: "one-key")
            // An attempt that paused between claiming the key and reserving
            // (its claim long taken over) wakes up and reserves: refused.
            await #expect(throws: OrderStore.KeyHasLiveOrder(idempotencyKey: "one-key")) {
                try await Self.orphan(service, id: "second", quantity: 1, key: "one-key")
            }
            let level = try #require(try await store.inventory(item: "widget"))
            #expect(level.stock == 9 && level.reserved == 1, "the refused reservation moved no stock")
            #expect(try await store.release(orderID: "first", as: .cancelled, leaseToken: "dead-attempt"))
            try await Self.orphan(service, id: "third", quantity: 1, key: "one-key")  // an ended order frees the key
        }
    }

    @Test("SQLite mode serves from one process: a second open of the file is refused until the first closes")
    func sqliteIsSingleProcess() async throws {
        let configuration = try await Backend.sqlite.freshConfiguration()
        defer { removeSQLiteFiles(configuration.sqlitePath) }
        let first = try await SQLiteDatabase.open(path: configuration.sqlitePath, logger: testLogger)
        // flock is per open file description, so a second open in this
        // process stands in for a second process.
        await #expect(throws: SQLiteDatabase.FileInUse.self) {
            let second = try await SQLiteDatabase.open(path: configuration.sqlitePath, logger: testLogger)
            try await second.close()
        }
        try await first.close()
        let reopened = try await SQLiteDatabase.open(path: configuration.sqlitePath, logger: testLogger)
        try await reopened.close()
    }

    @Test("on SQLite, start-up settles every pending order and releases in-progress idempotency claims")
    func sqliteStartupRecovery() async throws {
        let configuration = try await Backend.sqlite.freshConfiguration()
        defer { removeSQLiteFiles(configuration.sqlitePath) }
        let fingerprint = IdempotencyKeys.Fingerprint(method: "POST", path: "/orders", body: [])
        let first = try await ServiceApplication.make(configuration: configuration, logger: testLogger)
        do {
            try await first.prepare()
            _ = try await first.orders.store.setStock(item: "widget", stock: 10, precondition: .none)
            try await Self.orphan(first, id: "orphan-4", quantity: 5)
            _ = try await first.idempotency.begin(key: try .init("crashed-key"), fingerprint: fingerprint)
        } catch {
            try await first.database.close()
            throw error
        }
        try await first.database.close()
        // "Restart": a new process on the same file, lease not yet over.
        let second = try await ServiceApplication.make(configuration: configuration, logger: testLogger)
        let outcome: Result<(Order.Status?, IdempotencyKeys.BeginOutcome), any Error>
        do {
            try await second.prepare()
            let status = try await second.orders.store.order(id: "orphan-4")?.status
            let claim = try await second.idempotency.begin(key: try .init("crashed-key"), fingerprint: fingerprint)
            outcome = .success((status, claim))
        } catch {
            outcome = .failure(error)
        }
        try await second.database.close()
        let (status, claim) = try outcome.get()
        #expect(status == .cancelled)
        var started = false
        if case .started = claim { started = true }
        #expect(started, "the dead process's claim was not released: \(claim)")
    }
}
