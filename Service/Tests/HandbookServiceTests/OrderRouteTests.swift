import Foundation
import HTTPTypes
import HandbookPatterns
import HandbookService
import HandbookSystemDesign
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Testing

/// `POST /orders`: validation, the saga's outcomes and the idempotency
/// draft's statuses, on every backend.
@Suite("POST /orders")
struct OrderRouteTests {
    @Test("an order reserves stock, charges once and answers 201 with Location", arguments: Backend.available)
    func createsOrder(_ backend: Backend) async throws {
        try await withService(backend) { client, service in
            #expect(try await client.setStock("widget", 10).status == .ok)
            let response = try await client.order(key: "k-1", quantity: 3)
            #expect(response.status == .created)
            let order = try decode(Order.self, response)
            #expect(order.status == .confirmed && order.quantity == 3 && order.chargeID != nil)
            #expect(response.headers[.location] == "/orders/\(order.id)")
            let level = try decode(InventoryLevel.self, try await client.get("/inventory/widget"))
            #expect(level.stock == 7 && level.reserved == 3)
            #expect(try await service.count("SELECT COUNT(*) AS n FROM charges WHERE kind = 'charge'") == 1)
        }
    }

    @Test("the same key and body again replays the stored response; nothing runs twice", arguments: Backend.available)
    func replaysSameRequest(_ backend: Backend) async throws {
        try await withService(backend) { client, service in
            _ = try await client.setStock("widget", 10)
            let first = try await client.order(key: "k-2", quantity: 2)
            let second = try await client.order(key: "k-2", quantity: 2)
            #expect(first.status == .created && second.status == .created)
            #expect(second.body == first.body)
            #expect(second.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(first.headers[HTTPField.Name("Idempotent-Replayed")!] == nil)
            #expect(try await service.count("SELECT COUNT(*) AS n FROM orders") == 1)
            #expect(try await service.count("SELECT COUNT(*) AS n FROM charges WHERE kind = 'charge'") == 1)
        }
    }

    @Test("the same order with other spacing and key order is the same request", arguments: Backend.available)
    func fingerprintIgnoresFormatting(_ backend: Backend) async throws {
        try await withService(backend) { client, _ in
            _ = try await client.setStock("widget", 10)
            let first = try await client.order(key: "k-3")
            var headers = HTTPFields()
            headers[HTTPField.Name("Idempotency-Key")!] = "k-3"
            let reordered = try await client.execute(
                uri: "/orders", method: .post, headers: headers,
                body: ByteBuffer(string: #"{ "priceCents": 500, "quantity": 1, "item": "widget" }"#))
            #expect(reordered.status == .created && reordered.body == first.body)
        }
    }

    @Test("the same key with a different body is 422", arguments: Backend.available)
    func rejectsKeyReuse(_ backend: Backend) async throws {
        try await withService(backend) { client, service in
            _ = try await client.setStock("widget", 10)
            #expect(try await client.order(key: "k-4", quantity: 1).status == .created)
            let reused = try await client.order(key: "k-4", quantity: 2)
            #expect(reused.status == .unprocessableContent)
            #expect(reused.headers[.contentType] == "application/problem+json")
            #expect(try decode(ProblemBody.self, reused).type == "/problems/idempotency-key-reused")
            #expect(try await service.count("SELECT COUNT(*) AS n FROM orders") == 1)
        }
    }

    @Test("the same key while the first request is in flight in this process is 409", arguments: Backend.concurrent)
    func rejectsConcurrentDuplicate(_ backend: Backend) async throws {
        let payments = ScriptedPayments(hold: true)
        try await withService(backend, payments: payments) { client, service in
            _ = try await client.setStock("widget", 10)
            async let first = client.order(key: "k-5")
            await payments.waitUntilHolding()
            let duplicate = try await client.order(key: "k-5")
            #expect(duplicate.status == .conflict)
            #expect(try decode(ProblemBody.self, duplicate).type == "/problems/idempotency-in-progress")
            payments.release()
            #expect(try await first.status == .created)
            #expect(try await client.order(key: "k-5").status == .created)
            #expect(try await service.count("SELECT COUNT(*) AS n FROM charges WHERE kind = 'charge'") == 1)
        }
    }

    @Test(
        "100 concurrent POSTs with one key in one process: one order and one charge (the in-process coordinator answers most; the SQL claim is tested by the store contract and the fault tests)",
        arguments: Backend.concurrent)
    func concurrentDuplicatesRunOnce(_ backend: Backend) async throws {
        try await withService(backend) { client, service in
            _ = try await client.setStock("widget", 1_000)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<100 { group.addTask { try await client.order(key: "hot-key").status } }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            let unexpected = statuses.filter { $0 != .created && $0 != .conflict }
            #expect(unexpected.isEmpty, "statuses other than 201 and 409: \(unexpected)")
            #expect(statuses.contains(.created))
            #expect(try await service.count("SELECT COUNT(*) AS n FROM orders") == 1)
            #expect(try await service.count("SELECT COUNT(*) AS n FROM charges WHERE kind = 'charge'") == 1)
            let level = try decode(InventoryLevel.self, try await client.get("/inventory/widget"))
            #expect(level.reserved == 1 && level.stock == 999)
        }
    }

    @Test("a missing or empty Idempotency-Key is 400", arguments: Backend.available)
    func requiresKey(_ backend: Backend) async throws {
        try await withService(backend) { client, _ in
            let missing = try await client.order(key: nil)
            #expect(missing.status == .badRequest)
            #expect(missing.headers[.contentType] == "application/problem+json")
            #expect(try await client.order(key: "").status == .badRequest)
            #expect(try await client.order(key: String(repeating: "k", count: 256)).status == .badRequest)
        }
    }

    @Test("invalid fields are 400 with every field named", arguments: Backend.available)
    func validatesFields(_ backend: Backend) async throws {
        try await withService(backend) { client, service in
            let response = try await client.order(key: "k-6", item: "", quantity: 0, priceCents: -1)
            #expect(response.status == .badRequest)
            let fields = Set(try decode(ProblemBody.self, response).errors?.map(\.field) ?? [])
            #expect(fields == ["item", "quantity", "priceCents"])
            #expect(try await service.count("SELECT COUNT(*) AS n FROM idempotency_keys") == 0)
        }
    }

    // Found while preparing the API fuzzer (its strings include U+0000):
    // PostgreSQL cannot store U+0000 in text, and the insert failed as a 500
    // there; SQLite answered 409 (no such item).
    @Test(
        "an item with a control character (NUL, tab, escape) is 400 on every backend, not a 500",
        arguments: Backend.available, [#"wid\u0000get"#, #"wid\tget"#, #"wid\u001bget"#])
    func controlCharactersInItem(_ backend: Backend, item: String) async throws {
        try await withService(backend) { client, service in
            let response = try await client.order(key: "k-control", item: item)
            #expect(response.status == .badRequest)
            #expect(try decode(ProblemBody.self, response).errors?.map(\.field) == ["item"])
            #expect(try await service.count("SELECT COUNT(*) AS n FROM orders") == 0)
        }
    }

    @Test(
        "malformed JSON is 400",
        arguments: Backend.available,
        [#"{"item":"widget""#, #"{"item":"widget","quantity":"two","priceCents":1}"#, "[]", ""])
    func rejectsMalformedJSON(_ backend: Backend, body: String) async throws {
        try await withService(backend) { client, _ in
            var headers = HTTPFields()
            headers[HTTPField.Name("Idempotency-Key")!] = "k-7"
            let response = try await client.execute(
                uri: "/orders", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("a body over MAX_BODY_BYTES is 413", arguments: Backend.available)
    func rejectsLargeBody(_ backend: Backend) async throws {
        let setup: (inout ServiceConfiguration) -> Void = { $0.maxBodyBytes = 256 }
        try await withService(backend, configure: setup) { client, _ in
            let padding = String(repeating: " ", count: 300)
            var headers = HTTPFields()
            headers[HTTPField.Name("Idempotency-Key")!] = "k-8"
            let response = try await client.execute(
                uri: "/orders", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"item":"widget",\#(padding)"quantity":1,"priceCents":1}"#))
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("a declined payment is a stored 402, not retried; the stock is released", arguments: Backend.available)
    func declinedPaymentIsFinal(_ backend: Backend) async throws {
        let payments = ScriptedPayments(declineFirst: .max)
        let setup: (inout ServiceConfiguration) -> Void = { $0.paymentRetries = 3 }
        try await withService(backend, configure: setup, payments: payments) { client, service in
            _ = try await client.setStock("widget", 5)
            let response = try await client.order(key: "k-9", quantity: 2)
            #expect(response.status == paymentRequired)
            let problem = try decode(ProblemBody.self, response)
            #expect(problem.type == "/problems/payment-declined")
            #expect(payments.attempts == 1, "a decline is an answer: retrying it would not change it")
            let order = try decode(Order.self, try await client.get("/orders/\(try #require(problem.orderId))"))
            #expect(order.status == .paymentFailed)
            let level = try decode(InventoryLevel.self, try await client.get("/inventory/widget"))
            #expect(level.stock == 5 && level.reserved == 0)
            try await service.expectChargesMatchConfirmedOrders()
            // The decline is the request's final answer: a retry replays it.
            let retried = try await client.order(key: "k-9", quantity: 2)
            #expect(retried.status == paymentRequired && retried.body == response.body)
            #expect(payments.attempts == 1)
        }
    }

    @Test(
        "an unreachable provider is 503 with Retry-After, never stored: the retry runs again and succeeds",
        arguments: Backend.available)
    func unavailableProviderIsTransient(_ backend: Backend) async throws {
        let payments = ScriptedPayments(failFirst: 3)
        let setup: (inout ServiceConfiguration) -> Void = { $0.paymentRetries = 3 }
        try await withService(backend, configure: setup, payments: payments) { client, service in
            _ = try await client.setStock("widget", 5)
            let response = try await client.order(key: "k-9b", quantity: 2)
            #expect(response.status == .serviceUnavailable)
            #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(try decode(ProblemBody.self, response).type == "/problems/unavailable")
            #expect(payments.attempts == 3)
            let level = try decode(InventoryLevel.self, try await client.get("/inventory/widget"))
            #expect(level.stock == 5 && level.reserved == 0)
            try await service.expectChargesMatchConfirmedOrders()
            // Not replayed: the provider is back, so the same key now buys the order.
            #expect(try await client.order(key: "k-9b", quantity: 2).status == .created)
            #expect(payments.attempts == 4)
            try await service.expectChargesMatchConfirmedOrders()
        }
    }

    @Test("a payment that fails twice then succeeds is retried to one charge", arguments: Backend.available)
    func retriesTransientFailures(_ backend: Backend) async throws {
        let payments = ScriptedPayments(failFirst: 2)
        let setup: (inout ServiceConfiguration) -> Void = { $0.paymentRetries = 3 }
        try await withService(backend, configure: setup, payments: payments) { client, service in
            _ = try await client.setStock("widget", 5)
            #expect(try await client.order(key: "k-10").status == .created)
            #expect(payments.attempts == 3)
            #expect(try await service.count("SELECT COUNT(*) AS n FROM charges WHERE kind = 'charge'") == 1)
        }
    }

    @Test(
        "after five failed orders the breaker opens: 503 with Retry-After, no provider call",
        arguments: Backend.available)
    func breakerOpens(_ backend: Backend) async throws {
        let payments = ScriptedPayments(failFirst: .max)
        let setup: (inout ServiceConfiguration) -> Void = { $0.paymentRetries = 1 }
        try await withService(backend, configure: setup, payments: payments) { client, service in
            _ = try await client.setStock("widget", 50)
            for index in 0..<5 {
                #expect(try await client.order(key: "b-\(index)").status == .serviceUnavailable)
            }
            #expect(payments.attempts == 5)
            let open = try await client.order(key: "b-open")
            #expect(open.status == .serviceUnavailable)
            #expect(Int(open.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(payments.attempts == 5, "an open breaker must not call the provider")
            let state = await service.orders.breaker.state
            #expect(String(describing: state).hasPrefix("open"), "the breaker is \(state), expected open")
        }
    }

    @Test("not enough stock is 409 insufficient-stock and creates no order", arguments: Backend.available)
    func rejectsInsufficientStock(_ backend: Backend) async throws {
        try await withService(backend) { client, service in
            _ = try await client.setStock("widget", 1)
            let response = try await client.order(key: "k-11", quantity: 2)
            #expect(response.status == .conflict)
            #expect(try decode(ProblemBody.self, response).type == "/problems/insufficient-stock")
            #expect(try await client.order(key: "k-12", item: "unknown").status == .conflict)
            #expect(try await service.count("SELECT COUNT(*) AS n FROM orders") == 0)
            // Not stored: once stock arrives, the same key runs again instead of replaying 409.
            _ = try await client.setStock("widget", 5)
            #expect(try await client.order(key: "k-11", quantity: 2).status == .created)
        }
    }

    @Test(
        "if recovery confirms the order while its saga still runs, the saga's rollback refunds nothing",
        arguments: Backend.concurrent)
    func rollbackNeverUndoesAConfirmedOrder(_ backend: Backend) async throws {
        let payments = ScriptedPayments(hold: true)
        try await withService(backend, payments: payments) { client, service in
            _ = try await client.setStock("widget", 10)
            async let response = client.order(key: "race-key")
            await payments.waitUntilHolding()
            // The test's own charge below passes; only the saga's stays held.
            payments.stopHoldingNewCharges()
            // The saga's charge reached the provider (same key: the order id)…
            let pending = try #require(try await service.orders.store.expiredPending(now: .max).first)
            _ = try await service.orders.provider.charge(key: pending.id, amountCents: 500, timeout: .seconds(30))
            // …and another instance's recovery takes the order over, asks the
            // provider, finds the charge and rolls forward.
            #expect(try await service.orders.settle(pending, now: .max) == .confirmed)
            payments.release()
            // The saga's own confirm is fenced out and it rolls back; the
            // rollback must leave the confirmed order paid and answer 201.
            let answer = try await response
            #expect(answer.status == .created)
            #expect(try decode(Order.self, answer).id == pending.id)
            try await service.expectChargesMatchConfirmedOrders()
            let level = try decode(InventoryLevel.self, try await client.get("/inventory/widget"))
            #expect(level.stock == 9 && level.reserved == 1)
        }
    }

    @Test(
        "if recovery cancels the order while its charge is in flight, the late charge is refused and a retry charges once",
        arguments: Backend.concurrent)
    func lateChargeAfterRecoveryCancelsIsFenced(_ backend: Backend) async throws {
        // The review's H1 interleaving: a saga stalls at the provider past its
        // lease, recovery cancels the order, the charge then lands.
        let payments = ScriptedPayments(hold: true)
        try await withService(backend, payments: payments) { client, service in
            _ = try await client.setStock("widget", 10)
            async let response = client.order(key: "h1-key")
            await payments.waitUntilHolding()
            payments.stopHoldingNewCharges()
            let pending = try #require(try await service.orders.store.expiredPending(now: .max).first)
            #expect(try await service.orders.settle(pending, now: .max) == .cancelled)
            payments.release()
            // The held charge reaches the provider's ledger after the void: refused.
            let answer = try await response
            #expect(answer.status == .serviceUnavailable)
            #expect(try await service.orders.store.order(id: pending.id)?.status == .cancelled)
            try await service.expectChargesMatchConfirmedOrders()
            // The client's retry with the same key buys once.
            #expect(try await client.order(key: "h1-key").status == .created)
            try await service.expectChargesMatchConfirmedOrders()
            #expect(
                try await service.count("SELECT COUNT(*) AS n FROM charges WHERE kind = 'charge' AND refunded = 0") == 1
            )
            let level = try decode(InventoryLevel.self, try await client.get("/inventory/widget"))
            #expect(level.stock == 9 && level.reserved == 1)
        }
    }

    @Test(
        "a charge that lands on an order someone else ended unconfirmed is refunded", arguments: Backend.concurrent)
    func chargeOnAnEndedOrderIsRefunded(_ backend: Backend) async throws {
        let payments = ScriptedPayments(hold: true)
        try await withService(backend, payments: payments) { client, service in
            _ = try await client.setStock("widget", 10)
            async let response = client.order(key: "refund-key")
            await payments.waitUntilHolding()
            // An operator ends the order by hand, without voiding at the provider.
            let pending = try #require(try await service.orders.store.expiredPending(now: .max).first)
            let store = service.orders.store
            let token = try #require(try await store.takeOver(orderID: pending.id, now: .max, until: 0))
            #expect(try await store.release(orderID: pending.id, as: .cancelled, leaseToken: token))
            payments.release()
            #expect(try await response.status == .serviceUnavailable)
            let provider = try #require(
                (service.orders.provider as? TracedPaymentProvider)?.base as? SimulatedPaymentProvider)
            guard case .refunded = try await provider.state(key: pending.id) else {
                Issue.record("the late charge on a cancelled order was not refunded")
                return
            }
            try await service.expectChargesMatchConfirmedOrders()
        }
    }

    @Test(
        "a charge whose answer times out after the provider charged is confirmed, not rolled back",
        arguments: Backend.concurrent)
    func unknownOutcomeIsResolvedByAsking(_ backend: Backend) async throws {
        let payments = ScriptedPayments(holdAfterCharge: true)
        let setup: (inout ServiceConfiguration) -> Void = {
            $0.paymentRetries = 1
            // The held charge times out after this; the lookup that follows
            // must not, even on a loaded machine (50 ms failed 1 run in 3 here).
            $0.paymentTimeout = .milliseconds(500)
        }
        try await withService(backend, configure: setup, payments: payments) { client, service in
            _ = try await client.setStock("widget", 10)
            let response = try await client.order(key: "unknown-key")
            payments.release()
            #expect(response.status == .created)
            let order = try decode(Order.self, response)
            #expect(order.status == .confirmed && order.chargeID != nil)
            try await service.expectChargesMatchConfirmedOrders()
        }
    }

    @Test(
        "a saga that gives up on an unknown outcome voids the key first: a charge arriving later is refused",
        arguments: Backend.concurrent)
    func unknownOutcomeVoidsBeforeRollingBack(_ backend: Backend) async throws {
        let payments = ScriptedPayments(hold: true)
        let setup: (inout ServiceConfiguration) -> Void = {
            $0.paymentRetries = 1
            $0.paymentTimeout = .milliseconds(50)
        }
        try await withService(backend, configure: setup, payments: payments) { client, service in
            _ = try await client.setStock("widget", 10)
            // The charge is still in flight at the provider when the saga stops waiting.
            let response = try await client.order(key: "late-key")
            #expect(response.status == .serviceUnavailable)
            let orderID = try #require(try decode(ProblemBody.self, response).orderId)
            #expect(try await service.orders.store.order(id: orderID)?.status == .paymentFailed)
            // Whatever arrives for that key now (the stalled call, a retry) cannot charge.
            payments.stopHoldingNewCharges()
            await #expect(throws: PaymentError.voided) {
                try await service.orders.provider.charge(key: orderID, amountCents: 500, timeout: .seconds(30))
            }
            payments.release()
            try await service.expectChargesMatchConfirmedOrders()
        }
    }

    @Test(
        "the request's deadline reaches the provider: a hung provider is cut at the deadline, not retried past it",
        arguments: Backend.concurrent)
    func requestDeadlineBoundsThePayment(_ backend: Backend) async throws {
        let payments = ScriptedPayments(hold: true)
        let setup: (inout ServiceConfiguration) -> Void = {
            $0.requestTimeout = .seconds(2)
            $0.sagaLease = .seconds(600)  // so half the lease is no bound here: only the deadline is
            $0.paymentTimeout = .seconds(20)  // alone, 3 attempts would take a minute
            $0.paymentRetries = 3
            $0.paymentRetryBase = .milliseconds(50)
        }
        try await withService(backend, configure: setup, payments: payments) { client, service in
            _ = try await client.setStock("widget", 10)
            let response = try await client.order(key: "deadline-key")
            #expect(response.status == .serviceUnavailable)
            #expect(payments.attempts < 3, "\(payments.attempts) attempts: the retries outlived the request")
            // The way back ran although the deadline had passed: stock
            // released, order ended, key released (the retry runs, not 409).
            let orderID = try #require(try decode(ProblemBody.self, response).orderId)
            #expect(try await service.orders.store.order(id: orderID)?.status == .paymentFailed)
            let level = try decode(InventoryLevel.self, try await client.get("/inventory/widget"))
            #expect(level.stock == 10 && level.reserved == 0)
            payments.release()
            let retried = try await client.order(key: "deadline-key")
            #expect(retried.status == .created, "\(String(buffer: retried.body))")
            try await service.expectChargesMatchConfirmedOrders()
        }
    }

    @Test(
        "a confirmed order whose answer cannot be recorded for replay still answers 201 (not a 500)",
        arguments: Backend.concurrent)
    func unrecordedAnswerStillReachesTheClient(_ backend: Backend) async throws {
        let payments = ScriptedPayments(hold: true)
        let clock = ManualServiceClock()
        try await withService(backend, payments: payments, clock: clock) { client, service in
            _ = try await client.setStock("widget", 10)
            async let response = client.order(key: "unrecorded-key")
            await payments.waitUntilHolding()
            // The key's claim (not renewed) runs out and another attempt takes
            // it: the first attempt's answer can no longer be recorded.
            clock.advance(by: .seconds(31))
            let fingerprint = IdempotencyKeys.Fingerprint(
                method: "POST", path: "/orders",
                body: Array(#"{"item":"widget","priceCents":500,"quantity":1}"#.utf8))
            guard
                case .started = try await service.idempotency.begin(
                    key: try .init("unrecorded-key"), fingerprint: fingerprint)
            else {
                Issue.record("the expired claim was not taken over")
                return
            }
            payments.release()
            let answer = try await response
            #expect(answer.status == .created, "the order is confirmed and charged: the client must hear so")
            #expect(try decode(Order.self, answer).status == .confirmed)
            try await service.expectChargesMatchConfirmedOrders()
        }
    }

    @Test("a running saga renews its order's lease, so recovery cannot take it over", arguments: Backend.concurrent)
    func sagaRenewsItsLease(_ backend: Backend) async throws {
        let payments = ScriptedPayments(hold: true)
        let clock = ManualServiceClock()
        let setup: (inout ServiceConfiguration) -> Void = { $0.sagaLeaseRenewal = .milliseconds(5) }
        try await withService(backend, configure: setup, payments: payments, clock: clock) { client, service in
            _ = try await client.setStock("widget", 10)
            async let response = client.order(key: "renew-key")
            await payments.waitUntilHolding()
            let store = service.orders.store
            let pending = try #require(try await store.expiredPending(now: .max).first)
            // Time passes beyond the lease; the heartbeat moves the lease along.
            clock.advance(by: .seconds(60))
            let now = store.clock.nowMicros()
            let deadline = ContinuousClock.now.advanced(by: .seconds(20))
            while try await store.orders(idempotencyKey: "renew-key", since: 0).first?.leaseUntil ?? 0 <= now {
                #expect(ContinuousClock.now < deadline, "the lease was never renewed")
                if ContinuousClock.now >= deadline { break }
                await Task.yield()  // the heartbeat runs every 5 ms: no sleep, just let it in
            }
            #expect(try await store.takeOver(orderID: pending.id, now: now, until: now) == nil)
            payments.release()
            #expect(try await response.status == .created)
        }
    }

    @Test(
        "POST /orders beyond the bulkhead's slots and queue is 503 with Retry-After, at once",
        arguments: Backend.concurrent)
    func bulkheadSheds(_ backend: Backend) async throws {
        let payments = ScriptedPayments(hold: true)
        let setup: (inout ServiceConfiguration) -> Void = {
            $0.ordersMaxConcurrent = 1
            $0.ordersMaxQueued = 0
        }
        try await withService(backend, configure: setup, payments: payments) { client, service in
            _ = try await client.setStock("widget", 10)
            async let first = client.order(key: "slot-1")
            await payments.waitUntilHolding()
            let shed = try await client.order(key: "slot-2")
            #expect(shed.status == .serviceUnavailable)
            #expect(shed.headers[.retryAfter] == "1")
            #expect(await service.ordersBulkhead.statistics.rejected == 1)
            payments.release()
            #expect(try await first.status == .created)
            // Shed before it ran: the key was never claimed, so it simply works now.
            #expect(try await client.order(key: "slot-2").status == .created)
        }
    }
}
