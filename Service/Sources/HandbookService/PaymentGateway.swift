import Foundation

/// A simulated payment provider with a ledger in the service's database.
/// (Refunds are written by `OrderStore.release`, in the transaction that
/// settles the order, so a refund and a confirmation can never both happen.)
///
/// `charge` is idempotent by order id, the way real providers take an
/// idempotency key: a retry after a lost response, or recovery after a
/// crash, finds the charge already made instead of charging twice. Failures
/// are injected before the ledger write (the request never reached the
/// provider), at `failureRate`, after `latency`; tests replace that with
/// their own ``Attempt`` hook (fail on cue, or hold a charge in flight).
public struct PaymentGateway: Sendable {
    /// The provider refused or could not be reached (retried).
    public struct Unavailable: Error, Equatable {
        public let orderID: String

        public init(orderID: String) {
            self.orderID = orderID
        }
    }

    public let database: any SQLDatabase
    public let clock: ServiceClock
    /// Runs before each charge reaches the ledger: it may wait (latency) or
    /// throw (the provider failed).
    public typealias Attempt = @Sendable (_ orderID: String) async throws -> Void
    let attempt: Attempt

    public init(database: any SQLDatabase, clock: ServiceClock, attempt: @escaping Attempt) {
        self.database = database
        self.clock = clock
        self.attempt = attempt
    }

    /// The simulated provider: waits `latency`, then fails at `failureRate`.
    public static func simulated(latency: Duration, failureRate: Double) -> Attempt {
        { orderID in
            if latency > .zero { try await Task.sleep(for: latency) }
            if failureRate > 0 && Double.random(in: 0..<1) < failureRate { throw Unavailable(orderID: orderID) }
        }
    }

    /// Charges `amountCents` for `orderID` once; returns the charge id.
    /// - Throws: ``Unavailable`` (nothing was charged).
    public func charge(orderID: String, amountCents: Int) async throws -> String {
        try await attempt(orderID)
        return try await database.transaction { sql in
            try await sql.query(
                """
                INSERT INTO charges (id, order_id, amount_cents, refunded, created_at) VALUES ($1, $2, $3, 0, $4)
                ON CONFLICT (order_id) DO NOTHING
                """,
                .text("ch_" + UUID().uuidString.lowercased()), .text(orderID), .integer(Int64(amountCents)),
                .integer(clock.nowMicros()))
            guard let row = try await sql.query("SELECT id FROM charges WHERE order_id = $1", .text(orderID)).first
            else { throw SQLDecodingError(column: "id", row: SQLRow(columns: [:])) }
            return try row.text("id")
        }
    }

    /// The live (unrefunded) charge for `orderID`, if one was made.
    public func existingCharge(orderID: String) async throws -> String? {
        try await database.query("SELECT id FROM charges WHERE order_id = $1 AND refunded = 0", .text(orderID))
            .first?.text("id")
    }
}
