import Foundation
import Logging
import Synchronization

/// What a payment provider knows about one idempotency key.
public enum ChargeState: Sendable, Equatable {
    /// A live charge: the customer paid.
    case charged(id: String)
    /// It was charged, then refunded.
    case refunded(id: String)
    /// Voided before any charge: a charge with this key is refused from now on.
    case voided
}

/// Why a charge did not go through, in the three outcomes a real provider has:
/// it said no (final), it was not reached (nothing happened), or nobody knows.
public enum PaymentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The provider refused this payment (a card decline). Final: not
    /// retried, not counted by the circuit breaker, answered with a stored 402.
    case declined(reason: String)
    /// The provider could not be reached or refused to work (5xx): nothing
    /// was charged. Retried; transient (503).
    case unavailable
    /// No answer in time. The outcome is UNKNOWN: the provider may have
    /// charged. Retrying with the same key is safe (the provider is
    /// idempotent by key); rolling back is not, until the provider has been
    /// asked (``PaymentProvider/voidUnlessCharged(key:)``).
    case timedOut(after: Duration)
    /// The key was voided (or refunded) before this charge arrived: the
    /// fence that stops a late charge from creating a live one.
    case voided

    public var description: String {
        switch self {
        case .declined(let reason): "declined: \(reason)"
        case .unavailable: "the payment provider is unavailable"
        case .timedOut(let after): "no answer from the payment provider within \(after): outcome unknown"
        case .voided: "the payment was voided before this charge arrived"
        }
    }

    /// Whether another attempt with the same key may succeed.
    var isTransient: Bool {
        switch self {
        case .unavailable, .timedOut: true
        case .declined, .voided: false
        }
    }
}

/// A payment provider (Stripe, Adyen…), seen from the service: a separate
/// system, reached over a network, idempotent by key. Every call may fail;
/// a charge may time out after the provider charged.
///
/// The service uses the order id as the key, so only that order's saga ever
/// charges it; recovery never charges, it asks
/// (``voidUnlessCharged(key:)``) and then rolls forward or back.
public protocol PaymentProvider: Sendable {
    /// Charges `amountCents` once per `key`; a repeat returns the first charge.
    /// Gives up waiting after `timeout` (the provider may still charge).
    /// - Throws: ``PaymentError``.
    func charge(key: String, amountCents: Int, timeout: Duration) async throws -> String

    /// Atomically: if `key` has a charge, reports it; otherwise voids the key,
    /// so a charge that arrives later is refused with ``PaymentError/voided``.
    /// This is how recovery resolves an unknown outcome before a roll-back.
    func voidUnlessCharged(key: String) async throws -> ChargeState

    /// Refunds the charge made with `key`, if there is a live one.
    func refund(key: String) async throws
}

/// A simulated provider whose ledger is the `charges` table.
///
/// In production the ledger lives at the provider; it is in the service's
/// database here only so that two instances (and the tests) see the same
/// provider. The service never reads or writes the table itself: every call
/// goes through this type, which behaves like a remote system. A charge runs
/// "at the provider" in a task of its own, which does NOT stop when the
/// caller stops waiting: a caller that times out leaves a charge that may
/// still land (the unknown outcome), as it would over a network.
public struct SimulatedPaymentProvider: PaymentProvider {
    /// What happens at the provider before it writes its ledger: it may
    /// wait (latency, a stall) or throw (``PaymentError/unavailable``,
    /// ``PaymentError/declined(reason:)``). Tests script it.
    public typealias Behaviour = @Sendable (_ key: String) async throws -> Void
    /// What happens after the ledger write and before the answer leaves:
    /// a stall here is "charged, but the response was lost".
    public typealias AfterCharge = @Sendable (_ key: String) async -> Void

    public let database: any SQLDatabase
    public let clock: ServiceClock
    let behaviour: Behaviour
    let afterCharge: AfterCharge
    let timer: any Clock<Duration>
    let logger: Logger?

    public init(
        database: any SQLDatabase, clock: ServiceClock, timer: any Clock<Duration> = ContinuousClock(),
        behaviour: @escaping Behaviour, afterCharge: @escaping AfterCharge = { _ in }, logger: Logger? = nil
    ) {
        self.logger = logger
        self.database = database
        self.clock = clock
        self.timer = timer
        self.behaviour = behaviour
        self.afterCharge = afterCharge
    }

    /// Settings for the simulated provider (from the environment).
    public struct Simulation: Sendable {
        public var latency = Duration.zero
        /// Share of charges that fail with ``PaymentError/unavailable`` (nothing charged).
        public var failureRate = 0.0
        /// Share of charges declined (a final 402).
        public var declineRate = 0.0
        /// Share of charges that stall for `stall`, half of them before the
        /// ledger write (the charge lands late) and half after it (charged,
        /// answer late).
        public var stallRate = 0.0
        public var stall = Duration.zero

        public init() {}
    }

    /// The provider the service runs with outside tests.
    /// - Parameter logger: stalls are logged when they start and end, so a
    ///   fault test can wait until every late charge has landed or been refused.
    public static func simulated(
        database: any SQLDatabase, clock: ServiceClock, _ settings: Simulation, logger: Logger? = nil
    ) -> SimulatedPaymentProvider {
        // Each charge draws once whether (and where) it stalls.
        let stallsAfter = Mutex<Set<String>>([])
        return SimulatedPaymentProvider(
            database: database, clock: clock,
            behaviour: { key in
                if settings.latency > .zero { try await Task.sleep(for: settings.latency) }
                if settings.stallRate > 0, Double.random(in: 0..<1) < settings.stallRate {
                    if Bool.random() {
                        logger?.notice("provider stall", metadata: ["key": "\(key)", "where": "before the charge"])
                        try? await Task.sleep(for: settings.stall)
                        // The ledger write that follows decides; its outcome is logged by `charge`.
                    } else {
                        stallsAfter.withLock { _ = $0.insert(key) }
                    }
                }
                if settings.failureRate > 0, Double.random(in: 0..<1) < settings.failureRate {
                    throw PaymentError.unavailable
                }
                if settings.declineRate > 0, Double.random(in: 0..<1) < settings.declineRate {
                    throw PaymentError.declined(reason: "card declined (simulated)")
                }
            },
            afterCharge: { key in
                guard stallsAfter.withLock({ $0.remove(key) != nil }) else { return }
                logger?.notice("provider stall", metadata: ["key": "\(key)", "where": "after the charge"])
                try? await Task.sleep(for: settings.stall)
                logger?.notice("provider stall over", metadata: ["key": "\(key)", "outcome": "charged, answered late"])
            },
            logger: logger)
    }

    public func charge(key: String, amountCents: Int, timeout: Duration) async throws -> String {
        let timer = self.timer
        return try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask {
                // The provider's side runs to its end whatever the caller
                // does; only the waiting is cancelled (by the timer below).
                try await abandonedOnCancellation { try await providerSide(key: key, amountCents: amountCents) }
            }
            group.addTask {
                try await timer.sleep(for: timeout)
                throw PaymentError.timedOut(after: timeout)
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }

    /// What happens at the provider for one charge request.
    private func providerSide(key: String, amountCents: Int) async throws -> String {
        try await behaviour(key)
        let id: String
        do {
            id = try await record(key: key, amountCents: amountCents)
        } catch {
            logger?.notice("provider charge", metadata: ["key": "\(key)", "outcome": "refused: \(error)"])
            throw error
        }
        logger?.notice("provider charge", metadata: ["key": "\(key)", "outcome": "charged"])
        await afterCharge(key)
        return id
    }

    /// The ledger write: one row per key. A key that already has a row
    /// returns that charge, unless the row is a void or a refund (the fence).
    func record(key: String, amountCents: Int) async throws -> String {
        try await database.transaction { sql in
            try await sql.query(
                """
                INSERT INTO charges (id, order_id, amount_cents, refunded, created_at, kind)
                VALUES ($1, $2, $3, 0, $4, 'charge') ON CONFLICT (order_id) DO NOTHING
                """,
                .text("ch_" + UUID().uuidString.lowercased()), .text(key), .integer(Int64(amountCents)),
                .integer(clock.nowMicros()))
            guard
                let row = try await sql.query("SELECT id, refunded FROM charges WHERE order_id = $1", .text(key)).first
            else { throw SQLDecodingError(column: "id", row: SQLRow(columns: [:])) }
            guard try row.integer("refunded") == 0 else { throw PaymentError.voided }
            return try row.text("id")
        }
    }

    public func voidUnlessCharged(key: String) async throws -> ChargeState {
        try await database.transaction { sql in
            try await sql.query(
                """
                INSERT INTO charges (id, order_id, amount_cents, refunded, created_at, kind)
                VALUES ($1, $2, 0, 1, $3, 'void') ON CONFLICT (order_id) DO NOTHING
                """,
                .text("void_" + UUID().uuidString.lowercased()), .text(key), .integer(clock.nowMicros()))
            guard let state = try await Self.state(key: key, in: sql) else {
                throw SQLDecodingError(column: "id", row: SQLRow(columns: [:]))
            }
            return state
        }
    }

    public func refund(key: String) async throws {
        try await database.query(
            "UPDATE charges SET refunded = 1 WHERE order_id = $1 AND kind = 'charge'", .text(key))
    }

    /// What the ledger says about `key` (`nil`: never seen). For tests and tools.
    public func state(key: String) async throws -> ChargeState? {
        try await database.transaction { sql in try await Self.state(key: key, in: sql) }
    }

    /// The ledger row of `key`, read in `sql`'s transaction.
    static func state(key: String, in sql: any SQLExecutor) async throws -> ChargeState? {
        guard
            let row = try await sql.query("SELECT id, refunded, kind FROM charges WHERE order_id = $1", .text(key))
                .first
        else { return nil }
        if try row.text("kind") == "void" { return .voided }
        let id = try row.text("id")
        return try row.integer("refunded") == 0 ? .charged(id: id) : .refunded(id: id)
    }
}
