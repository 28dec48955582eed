import Foundation
import HandbookPatterns
import HandbookSystemDesign
import Logging
import Synchronization

/// Creates orders with the lesson's ``Saga``: reserve stock → charge (retried
/// with backoff, behind a circuit breaker) → confirm, compensating in
/// reverse when a step fails, and settles orders whose process died.
public final class OrderService: Sendable {
    /// What creating an order came to; every case is a final answer that the
    /// idempotency layer stores and replays.
    public enum Outcome: Sendable, Equatable {
        case confirmed(Order)
        case paymentFailed(Order)
        case insufficientStock(item: String, available: Int)
    }

    struct Context: Sendable {
        var order: Order
        var idempotencyKey: String?
        var fingerprint: String?
        var chargeID: String?
    }

    public let store: OrderStore
    public let gateway: PaymentGateway
    public let events: OrderEvents
    public let breaker: CircuitBreaker<ContinuousClock>
    let retrier: Retrier<ContinuousClock>
    let lease: Duration
    /// How far back ``adopt(key:)`` looks: the idempotency store's replay window.
    let adoptionWindow: Duration
    let logger: Logger
    /// Orders this process is running: recovery never settles them, even
    /// once their lease has passed.
    private let inFlight = Mutex<Set<String>>([])
    private let saga: Saga<Context>

    public init(
        store: OrderStore, gateway: PaymentGateway, events: OrderEvents, retry: RetryPolicy,
        breaker: CircuitBreakerConfiguration, lease: Duration, adoptionWindow: Duration, logger: Logger
    ) throws {
        self.store = store
        self.gateway = gateway
        self.events = events
        self.breaker = CircuitBreaker(breaker, clock: ContinuousClock())
        self.retrier = Retrier(policy: retry)
        self.lease = lease
        self.adoptionWindow = adoptionWindow
        self.logger = logger
        let leaseMicros = lease.microseconds
        let retrier = self.retrier
        let circuit = self.breaker
        saga = try Saga(steps: [
            .init(
                name: "reserve stock",
                action: { context in
                    try await store.reserve(
                        context.order, idempotencyKey: context.idempotencyKey, fingerprint: context.fingerprint,
                        leaseUntil: store.clock.nowMicros() + leaseMicros)
                    return context
                },
                compensate: { context in try await store.release(orderID: context.order.id, as: .paymentFailed) }),
            .init(
                name: "charge payment",
                action: { context in
                    var context = context
                    // Each attempt passes the breaker; an open breaker is not retried (fail fast).
                    context.chargeID = try await retrier.run(retryIf: { !($0 is CircuitBreakerError) }) { _ in
                        try await circuit.run {
                            try await gateway.charge(orderID: context.order.id, amountCents: context.order.totalCents)
                        }
                    }
                    return context
                },
                // The refund is not a separate step: `release` (the reserve
                // step's compensation, which runs next) refunds in the same
                // transaction that moves the order out of `pending`, so an
                // order that recovery confirmed meanwhile is never refunded.
                compensate: { _ in }),
            .init(
                name: "confirm",
                action: { context in
                    guard let chargeID = context.chargeID else {
                        throw OrderStore.NotPending(orderID: context.order.id)
                    }
                    try await store.confirm(orderID: context.order.id, chargeID: chargeID)
                    var context = context
                    context.order.status = .confirmed
                    context.order.chargeID = chargeID
                    return context
                },
                compensate: { _ in }),
        ])
    }

    /// Runs the saga for a new order, unless an earlier attempt with the same
    /// idempotency key already produced one (see ``adopt(key:)``).
    /// - Throws: an infrastructure error (database down), after compensating;
    ///   business outcomes are returned, not thrown.
    public func create(_ request: NewOrder, idempotencyKey: String? = nil, fingerprint: String? = nil) async throws
        -> Outcome
    {
        if let idempotencyKey, let adopted = try await adopt(key: idempotencyKey, fingerprint: fingerprint) {
            return .confirmed(adopted)
        }
        let order = Order(
            id: UUID().uuidString.lowercased(), item: request.item, quantity: request.quantity,
            priceCents: request.priceCents, status: .pending, createdAt: store.clock.nowMicros())
        inFlight.withLock { _ = $0.insert(order.id) }
        defer { inFlight.withLock { _ = $0.remove(order.id) } }
        let store = self.store
        do {
            let context = Context(order: order, idempotencyKey: idempotencyKey, fingerprint: fingerprint)
            let done = try await saga.run(context) { state, context in
                // The saga's log: its state stored next to the order after every event.
                try await store.saveSaga(orderID: context.order.id, state: String(describing: state.phase))
            }
            await events.publish(OrderEvent(done.order))
            return .confirmed(done.order)
        } catch let error as SagaError {
            // The rollback is guarded by the order's status, so if another
            // instance's recovery confirmed this order first (its charge went
            // through), nothing was undone: the truth is in the row.
            if let current = try await store.order(id: order.id), current.status == .confirmed {
                return .confirmed(current)
            }
            switch (error, error.original.error) {
            case (.stepFailed, let shortage as OrderStore.InsufficientStock):
                return .insufficientStock(item: shortage.item, available: shortage.available)
            case (.stepFailed(step: "charge payment", let underlying), _)
            where underlying is PaymentGateway.Unavailable || underlying is CircuitBreakerError:
                // Only the provider's refusal (after retries) or an open breaker
                // is a payment failure; a database error here is not, and is
                // rethrown so the key is released instead of replaying a 402.
                var failed = order
                failed.status = .paymentFailed
                logger.warning("payment failed", metadata: ["order": "\(order.id)", "error": "\(underlying)"])
                await events.publish(OrderEvent(failed))
                return .paymentFailed(failed)
            default:
                throw error
            }
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
        guard let confirmed = settled.first(where: { $0.order.status == .confirmed }) else { return nil }
        // A dead attempt's key was released, so the store accepted this body
        // even if it differs: the order decides.
        guard confirmed.fingerprint == fingerprint else { throw IdempotencyError.keyReuseMismatch }
        return confirmed.order
    }

    /// Settles one pending order whose attempt died: confirmed if the charge
    /// went through (roll forward), else cancelled with its stock released.
    /// - Returns: the status it ended in (`nil` if someone settled it first).
    @discardableResult
    func settle(_ order: Order) async throws -> Order.Status? {
        if let chargeID = try await gateway.existingCharge(orderID: order.id) {
            do {
                try await store.confirm(orderID: order.id, chargeID: chargeID)
                return .confirmed
            } catch is OrderStore.NotPending {
                return nil
            }
        }
        return try await store.release(orderID: order.id, as: .cancelled) ? .cancelled : nil
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
            switch try await settle(order) {
            case .confirmed: confirmed += 1
            case .cancelled: cancelled += 1
            default: break
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
