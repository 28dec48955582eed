import Foundation
import HandbookPatterns
import HandbookSystemDesign
import Logging
import Synchronization

/// Creates orders with the lesson's ``Saga``: reserve stock → charge (retried
/// with jittered backoff under the request's deadline, behind a circuit
/// breaker) → confirm, compensating in reverse when a step fails, and settles
/// orders whose attempt died or stalled.
///
/// Correctness does not rest on timing. Every order carries a lease token:
/// `confirm` and `release` only change an order the caller's token still
/// owns, and recovery takes an order over with a new token before it asks the
/// provider. The provider is asked before any roll-back (an unknown outcome
/// is resolved, never guessed), and a roll-back voids the provider key first,
/// so a charge that arrives late is refused instead of creating a live one.
public final class OrderService: Sendable {
    /// What creating an order came to: the final answers, which the
    /// idempotency layer stores and replays. Transient failures are thrown
    /// (``PaymentUnavailable``), never stored.
    public enum Outcome: Sendable, Equatable {
        case confirmed(Order)
        /// The provider declined the payment: final (a stored 402).
        case paymentDeclined(Order, reason: String)
        case insufficientStock(item: String, available: Int)
    }

    /// The payment could not be completed now (provider unreachable or slow,
    /// breaker open, the order taken over by recovery). Nothing was charged
    /// that is not either confirmed or refunded; the client should retry
    /// after `retryAfter` (HTTP 503).
    public struct PaymentUnavailable: Error, Equatable, CustomStringConvertible {
        public let orderID: String
        public let retryAfter: Duration
        public let reason: String

        public var description: String { "payment unavailable for order \(orderID): \(reason)" }
    }

    struct Context: Sendable {
        var order: Order
        var idempotencyKey: String?
        var fingerprint: String?
        var leaseToken: String
        var chargeID: String?
    }

    /// The saga's steps and what they need: a value, so the saga's closures
    /// capture it instead of a half-initialised service.
    struct Steps: Sendable {
        let store: OrderStore
        let provider: any PaymentProvider
        let breaker: CircuitBreaker<ContinuousClock>
        let retrier: Retrier<ContinuousClock>
        let lease: Duration
        let providerTimeout: Duration

        func reserve(_ context: Context) async throws -> Context {
            try await store.reserve(
                context.order, idempotencyKey: context.idempotencyKey, fingerprint: context.fingerprint,
                leaseUntil: store.clock.nowMicros() + lease.microseconds, leaseToken: context.leaseToken)
            return context
        }

        /// The charge, bounded twice: by the request's deadline and by half
        /// the lease (so a healthy attempt finishes well inside its lease).
        /// When it fails without a final answer, the provider is asked
        /// before anything is rolled back: a timed-out charge may have gone
        /// through, and then the saga rolls forward.
        func charge(_ order: Order) async throws -> String {
            let deadline = RequestDeadline.bounded(by: lease / 2)
            do {
                let isTransient = { (error: any Error) in (error as? PaymentError)?.isTransient ?? false }
                return try await retrier.run(until: deadline, retryIf: isTransient) { _ in
                    let remaining = ContinuousClock.now.duration(to: deadline)
                    guard remaining > .zero else { throw PaymentError.timedOut(after: .zero) }
                    return try await breaker.run {
                        try await provider.charge(
                            key: order.id, amountCents: order.totalCents, timeout: min(providerTimeout, remaining))
                    }
                }
            } catch PaymentError.declined(let reason) {
                throw PaymentError.declined(reason: reason)
            } catch PaymentError.voided {
                throw PaymentError.voided
            } catch {
                // Unknown outcome: the void is atomic at the provider, so
                // either the charge is there (roll forward) or it never will be.
                if case .charged(let id) = try await provider.voidUnlessCharged(key: order.id) { return id }
                throw error
            }
        }

        /// The reserve step's compensation: void the provider key (a late
        /// charge is then refused), then return the stock, if the order is
        /// still this attempt's. If the provider cannot be reached this
        /// throws and the order stays pending for recovery: releasing stock
        /// while a charge may still land would be the double charge.
        func rollBack(_ context: Context) async throws {
            try await RequestDeadline.$current.withValue(nil) { try await rollBackUnbounded(context) }
        }

        private func rollBackUnbounded(_ context: Context) async throws {
            let order = context.order
            if case .charged = try await provider.voidUnlessCharged(key: order.id) {
                // A charge landed after all (a confirm that failed). Refund it
                // BEFORE ending the order, and only while this attempt still
                // owns it (renewing proves that, and keeps recovery away while
                // the refund runs): if the refund fails, the order stays
                // pending and recovery rolls it forward with that charge; the
                // reverse order could leave a live charge on an ended order
                // that nothing revisits.
                let now = store.clock.nowMicros()
                guard
                    try await store.renewLease(
                        orderID: order.id, leaseToken: context.leaseToken, until: now + lease.microseconds)
                else { return }  // not ours: its owner decides, with this charge
                try await provider.refund(key: order.id)
            }
            try await store.release(orderID: order.id, as: .paymentFailed, leaseToken: context.leaseToken)
        }

        func confirm(_ context: Context) async throws -> Context {
            guard let chargeID = context.chargeID else { throw OrderStore.NotOwned(orderID: context.order.id) }
            try await store.confirm(orderID: context.order.id, chargeID: chargeID, leaseToken: context.leaseToken)
            var context = context
            context.order.status = .confirmed
            context.order.chargeID = chargeID
            return context
        }

        /// The charge step's compensation (its confirm failed: the order was
        /// taken over). A charge whose order ended unconfirmed is refunded;
        /// one whose order is pending under another owner is left to it
        /// (recovery asks the provider and confirms with this very charge).
        func refundUnlessConfirmed(_ context: Context) async throws {
            try await RequestDeadline.$current.withValue(nil) { try await refundUnlessConfirmedUnbounded(context) }
        }

        private func refundUnlessConfirmedUnbounded(_ context: Context) async throws {
            guard let current = try await store.order(id: context.order.id) else { return }
            switch current.status {
            case .cancelled, .paymentFailed: try await provider.refund(key: context.order.id)
            case .pending, .confirmed: break
            }
        }
    }

    public let store: OrderStore
    public let provider: any PaymentProvider
    public let events: OrderEvents
    public let breaker: CircuitBreaker<ContinuousClock>
    /// Where saga outcomes are counted (`nil`: nowhere).
    let metrics: ServiceMetrics?
    let lease: Duration
    /// How often a running saga renews its lease.
    let leaseRenewal: Duration
    /// How far back ``adopt(key:fingerprint:)`` looks: the idempotency store's replay window.
    let adoptionWindow: Duration
    let logger: Logger
    /// Orders this process is running: recovery never settles them, even
    /// once their lease has passed (their heartbeat renews it).
    private let inFlight = Mutex<Set<String>>([])
    private let steps: Steps
    private let saga: Saga<Context>

    public init(
        store: OrderStore, provider: any PaymentProvider, events: OrderEvents, metrics: ServiceMetrics? = nil,
        retry: RetryPolicy,
        breaker: CircuitBreakerConfiguration, lease: Duration, leaseRenewal: Duration? = nil, providerTimeout: Duration,
        adoptionWindow: Duration, logger: Logger
    ) throws {
        self.leaseRenewal = leaseRenewal ?? lease / 3
        self.store = store
        self.provider = provider
        self.events = events
        self.metrics = metrics
        self.breaker = CircuitBreaker(breaker, clock: ContinuousClock())
        self.lease = lease
        self.adoptionWindow = adoptionWindow
        self.logger = logger
        let steps = Steps(
            store: store, provider: provider, breaker: self.breaker, retrier: Retrier(policy: retry), lease: lease,
            providerTimeout: providerTimeout)
        self.steps = steps
        saga = try Saga(steps: [
            .init(name: "reserve stock", action: steps.reserve, compensate: steps.rollBack),
            .init(
                name: "charge payment",
                action: { context in
                    var context = context
                    context.chargeID = try await steps.charge(context.order)
                    return context
                },
                compensate: steps.refundUnlessConfirmed),
            .init(name: "confirm", action: steps.confirm, compensate: { _ in }),
        ])
    }

    /// Runs the saga for a new order, unless an earlier attempt with the same
    /// idempotency key already produced one (see ``adopt(key:fingerprint:)``).
    /// - Throws: ``PaymentUnavailable`` (transient: 503, not stored), or an
    ///   infrastructure error (database down), after compensating; final
    ///   business outcomes are returned, not thrown.
    /// - Parameter logger: the request's logger (its lines carry the request id).
    public func create(
        _ request: NewOrder, idempotencyKey: String? = nil, fingerprint: String? = nil, logger: Logger? = nil
    ) async throws -> Outcome {
        let logger = logger ?? self.logger
        if let idempotencyKey, let adopted = try await adopt(key: idempotencyKey, fingerprint: fingerprint) {
            metrics?.sagaOutcome("adopted")
            return .confirmed(adopted)
        }
        do {
            let outcome = try await runSaga(
                request, idempotencyKey: idempotencyKey, fingerprint: fingerprint, logger: logger)
            switch outcome {
            case .confirmed: metrics?.sagaOutcome("confirmed")
            case .paymentDeclined: metrics?.sagaOutcome("declined")
            case .insufficientStock: metrics?.sagaOutcome("insufficient_stock")
            }
            return outcome
        } catch let unavailable as PaymentUnavailable {
            metrics?.sagaOutcome("unavailable")
            throw unavailable
        } catch {
            metrics?.sagaOutcome("failed")
            throw error
        }
    }

    private func runSaga(
        _ request: NewOrder, idempotencyKey: String?, fingerprint: String?, logger: Logger
    ) async throws -> Outcome {
        let order = Order(
            id: UUID().uuidString.lowercased(), item: request.item, quantity: request.quantity,
            priceCents: request.priceCents, status: .pending, createdAt: store.clock.nowMicros())
        let token = UUID().uuidString.lowercased()
        inFlight.withLock { _ = $0.insert(order.id) }
        defer { inFlight.withLock { _ = $0.remove(order.id) } }
        do {
            let context = Context(
                order: order, idempotencyKey: idempotencyKey, fingerprint: fingerprint, leaseToken: token)
            let done = try await runRenewingLease(context)
            await events.publish(OrderEvent(done.order))
            return .confirmed(done.order)
        } catch let error as SagaError {
            // Settling the answer is part of the way back: it runs on its own
            // bounds, not the request's (which may be what just ran out).
            return try await RequestDeadline.$current.withValue(nil) {
                try await outcome(after: error, order: order, token: token, logger: logger)
            }
        }
    }

    /// The answer after the saga failed and compensated.
    private func outcome(after error: SagaError, order: Order, token: String, logger: Logger) async throws -> Outcome {
        // Whatever failed, if the order ended confirmed (recovery found
        // this attempt's charge and rolled forward), that is the answer.
        if let current = try await store.order(id: order.id), current.status == .confirmed {
            return .confirmed(current)
        }
        var failed = order
        failed.status = .paymentFailed
        switch (error, error.original.error) {
        case (.stepFailed, let shortage as OrderStore.InsufficientStock):
            return .insufficientStock(item: shortage.item, available: shortage.available)
        case (.stepFailed, is OrderStore.KeyHasLiveOrder):
            throw IdempotencyError.inProgress
        case (.stepFailed(step: "charge payment", _), PaymentError.declined(let reason)):
            await events.publish(OrderEvent(failed))
            return .paymentDeclined(failed, reason: reason)
        case (.compensationFailed, _):
            // The roll-back could not reach the provider: the outcome is
            // unknown, so the order stays pending and recovery settles it
            // now instead of after the lease (`adopt` on the client's retry too).
            try? await store.abandonLease(orderID: order.id, leaseToken: token)
            throw unavailable(order, "the payment's outcome is not known yet", error.original.error, logger)
        case (.stepFailed(step: "charge payment", let underlying), _):
            await events.publish(OrderEvent(failed))
            throw unavailable(order, "the payment could not be completed", underlying, logger)
        case (.stepFailed(step: "confirm", let underlying as OrderStore.NotOwned), _):
            throw unavailable(order, "the order was settled by recovery", underlying, logger)
        case (_, let timeout as PostgresDatabase.TimedOut):
            throw timeout  // the database's own 503, not a 500
        case (_, let timeout as AsyncLock.TimedOut):
            throw timeout
        default:
            throw error
        }
    }

    private func unavailable(_ order: Order, _ reason: String, _ underlying: any Error, _ logger: Logger)
        -> PaymentUnavailable
    {
        logger.warning(
            "payment unavailable",
            metadata: ["order": "\(order.id)", "reason": "\(reason)", "error": "\(underlying)"])
        var retryAfter = Duration.seconds(1)
        if case CircuitBreakerError.open(let remaining) = underlying { retryAfter = max(retryAfter, remaining) }
        return PaymentUnavailable(orderID: order.id, retryAfter: retryAfter, reason: "\(reason): \(underlying)")
    }

    /// The saga, with a heartbeat that renews the order's lease every third
    /// of it while the saga runs: a healthy attempt keeps its order however
    /// long its bounded steps take, and an attempt that stalls (a paused VM)
    /// stops renewing, so recovery can take the order over. (If it then
    /// resumes, its token no longer matches: it is fenced, not trusted.)
    private func runRenewingLease(_ context: Context) async throws -> Context {
        let saga = self.saga
        let store = self.store
        let lease = self.lease
        let renewal = self.leaseRenewal
        return try await withThrowingTaskGroup(of: Context?.self) { group in
            group.addTask { try await saga.run(context) }
            group.addTask {
                // Until the saga ends (the group then cancels this). A renewal
                // that changes nothing is harmless: before the reserve step
                // commits there is no row yet, and after a takeover the token
                // no longer matches; the fence, not this loop, decides.
                while true {
                    try await Task.sleep(for: renewal)
                    _ = try? await store.renewLease(
                        orderID: context.order.id, leaseToken: context.leaseToken,
                        until: store.clock.nowMicros() + lease.microseconds)
                }
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let done = result { return done }
            }
            preconditionFailure("the saga's child always returns or throws")
        }
    }

    /// What an attempt that died left for this key: the request that now
    /// holds the key first settles the dead attempt's orders (their leases
    /// ended: the key's claim, taken with the same lease, did too), and if one
    /// of them was charged and confirmed, answers with it instead of ordering
    /// again. Without this, a crash after the charge and a retry would buy
    /// twice.
    /// - Throws: ``IdempotencyError/inProgress`` if an earlier attempt's
    ///   order is still leased (that attempt may still be running);
    ///   ``IdempotencyError/keyReuseMismatch`` if the key already bought an
    ///   order with a different request (`fingerprint`).
    public func adopt(key: String, fingerprint: String? = nil) async throws -> Order? {
        let now = store.clock.nowMicros()
        let earlier = try await store.orders(idempotencyKey: key, since: now - adoptionWindow.microseconds)
        for (order, leaseUntil, _) in earlier where order.status == .pending {
            guard leaseUntil <= now else { throw IdempotencyError.inProgress }
            try await settle(order)
        }
        guard !earlier.isEmpty else { return nil }
        let settled = try await store.orders(idempotencyKey: key, since: now - adoptionWindow.microseconds)
        if settled.contains(where: { $0.order.status == .pending }) { throw IdempotencyError.inProgress }
        guard let confirmed = settled.first(where: { $0.order.status == .confirmed }) else { return nil }
        // A dead attempt's key was released, so the store accepted this body
        // even if it differs: the order decides.
        guard confirmed.fingerprint == fingerprint else { throw IdempotencyError.keyReuseMismatch }
        return confirmed.order
    }

    /// Settles one pending order whose lease ended: takes it over (fencing
    /// the attempt that held it), asks the provider, then confirms it if the
    /// charge went through (roll forward) or cancels it and releases its
    /// stock (roll back; the void makes a late charge fail).
    /// - Returns: The status it ended in (`nil` if it was still leased or
    ///   someone settled it first).
    /// - Throws: if the provider cannot be reached: the order stays pending
    ///   under this new lease, and is tried again once it ends.
    /// - Parameter now: whose leases count as ended (`Int64.max`: every
    ///   lease, at SQLite start-up); the store's clock if `nil`.
    @discardableResult
    public func settle(_ order: Order, now: Int64? = nil) async throws -> Order.Status? {
        let current = store.clock.nowMicros()
        guard
            let token = try await store.takeOver(
                orderID: order.id, now: now ?? current, until: current + lease.microseconds)
        else { return nil }
        switch try await provider.voidUnlessCharged(key: order.id) {
        case .charged(let chargeID):
            do {
                try await store.confirm(orderID: order.id, chargeID: chargeID, leaseToken: token)
                return .confirmed
            } catch is OrderStore.NotOwned {
                return nil
            }
        case .voided, .refunded:
            return try await store.release(orderID: order.id, as: .cancelled, leaseToken: token) ? .cancelled : nil
        }
    }

    /// Settles pending orders whose lease ended and that this process is not
    /// running: confirmed if the charge went through (roll forward), else
    /// cancelled with the stock released (roll back).
    /// - Parameter now: microseconds; `Int64.max` takes every pending order
    ///   not in flight here (SQLite at start-up).
    /// - Returns: How many orders were confirmed and cancelled.
    @discardableResult
    public func recoverExpired(now: Int64) async throws -> (confirmed: Int, cancelled: Int) {
        var confirmed = 0
        var cancelled = 0
        for order in try await store.expiredPending(now: now) where !isInFlight(order.id) {
            do {
                switch try await settle(order, now: now) {
                case .confirmed: confirmed += 1
                case .cancelled: cancelled += 1
                default: break
                }
            } catch {
                // One unreachable answer must not stop the others; this one is retried next pass.
                logger.warning("could not settle order", metadata: ["order": "\(order.id)", "error": "\(error)"])
            }
        }
        if confirmed + cancelled > 0 {
            logger.notice("recovered orders", metadata: ["confirmed": "\(confirmed)", "cancelled": "\(cancelled)"])
        }
        return (confirmed, cancelled)
    }

    func isInFlight(_ id: String) -> Bool {
        inFlight.withLock { $0.contains(id) }
    }
}

extension Order {
    /// quantity × unit price.
    var totalCents: Int { quantity * priceCents }
}
