import Foundation
import HandbookSystemDesign

/// Orders and inventory in SQL. Every method that moves stock changes the
/// order's status in the SAME transaction, guarded by the status it expects,
/// so each move happens once however often it is retried or recovered.
public struct OrderStore: Sendable {
    public let database: any SQLDatabase
    public let clock: ServiceClock

    public init(database: any SQLDatabase, clock: ServiceClock) {
        self.database = database
        self.clock = clock
    }

    /// Not enough stock for an order (HTTP 409).
    public struct InsufficientStock: Error, Equatable {
        public let item: String
        public let available: Int
    }

    /// The idempotency key already has a live (pending or confirmed) order:
    /// another attempt with the same key got there first (HTTP 409).
    public struct KeyHasLiveOrder: Error, Equatable {
        public let idempotencyKey: String
    }

    /// The order was no longer pending: recovery settled it first.
    public struct NotPending: Error, Equatable {
        public let orderID: String
    }

    static let columns = "id, item, quantity, price_cents, status, created_at, charge_id"

    /// Moves `quantity` from stock to reserved and records the order as
    /// pending, leased until `leaseUntil` (microseconds), in one transaction.
    /// `idempotencyKey` links the order to the request that created it, so a
    /// retry after a crash finds it (``OrderService/adopt(key:)``).
    /// - Throws: ``InsufficientStock`` or ``KeyHasLiveOrder`` (nothing is written).
    public func reserve(
        _ order: Order, idempotencyKey: String?, fingerprint: String? = nil, leaseUntil: Int64,
        leaseToken: String
    ) async throws {
        let now = clock.nowMicros()
        try await database.transaction { sql in
            let moved = try await sql.query(
                """
                UPDATE inventory SET stock = stock - $2, reserved = reserved + $2, version = version + 1
                WHERE item = $1 AND stock >= $2 RETURNING item
                """,
                .text(order.item), .integer(Int64(order.quantity)))
            guard !moved.isEmpty else {
                let row = try await sql.query("SELECT stock FROM inventory WHERE item = $1", .text(order.item)).first
                throw InsufficientStock(item: order.item, available: Int(try row?.integer("stock") ?? 0))
            }
            // `ON CONFLICT DO NOTHING` against the one-live-order-per-key
            // index: no row back means another attempt holds the key.
            let inserted = try await sql.query(
                """
                INSERT INTO orders (id, item, quantity, price_cents, status, created_at, updated_at, lease_until,
                    idempotency_key, request_fingerprint, lease_token)
                VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9, $10)
                ON CONFLICT (idempotency_key) WHERE status IN ('pending', 'confirmed') DO NOTHING
                RETURNING id
                """,
                .text(order.id), .text(order.item), .integer(Int64(order.quantity)), .integer(Int64(order.priceCents)),
                .integer(order.createdAt), .integer(now), .integer(leaseUntil),
                idempotencyKey.map(SQLValue.text) ?? .null,
                fingerprint.map(SQLValue.text) ?? .null, .text(leaseToken))
            if inserted.isEmpty, let idempotencyKey {
                // Thrown inside the transaction, so the stock moved above is rolled back.
                throw KeyHasLiveOrder(idempotencyKey: idempotencyKey)
            }
        }
    }

    /// The order is no longer this attempt's: another attempt took its
    /// lease over, or settled it. (HTTP: 503, retry.)
    public struct NotOwned: Error, Equatable {
        public let orderID: String
    }

    /// Ends a pending order as `status` and returns its stock, in one
    /// transaction, if `leaseToken` still owns it. A no-op otherwise, so the
    /// compensation is idempotent and can never undo an order that another
    /// attempt confirmed or took over (both transitions update the same row,
    /// which serialises them). Money is not touched here: the provider is a
    /// separate system (see ``OrderService``).
    /// - Returns: Whether this call settled the order.
    @discardableResult
    public func release(orderID: String, as status: Order.Status, leaseToken: String) async throws -> Bool {
        let now = clock.nowMicros()
        return try await database.transaction { sql in
            guard
                let row = try await sql.query(
                    """
                    UPDATE orders SET status = $2, updated_at = $3, lease_token = NULL
                    WHERE id = $1 AND status = 'pending' AND lease_token = $4
                    RETURNING item, quantity
                    """,
                    .text(orderID), .text(status.rawValue), .integer(now), .text(leaseToken)
                ).first
            else { return false }
            try await sql.query(
                """
                UPDATE inventory SET stock = stock + $2, reserved = reserved - $2, version = version + 1
                WHERE item = $1
                """,
                .text(try row.text("item")), .integer(try row.integer("quantity")))
            return true
        }
    }

    /// `pending → confirmed` with the charge that paid for it, if
    /// `leaseToken` still owns the order: the fence that keeps an attempt
    /// whose lease was taken over from confirming.
    /// - Throws: ``NotOwned`` if the order is settled or owned by another attempt.
    public func confirm(orderID: String, chargeID: String, leaseToken: String) async throws {
        let updated = try await database.query(
            """
            UPDATE orders SET status = 'confirmed', charge_id = $2, updated_at = $3, lease_token = NULL
            WHERE id = $1 AND status = 'pending' AND lease_token = $4 RETURNING id
            """,
            .text(orderID), .text(chargeID), .integer(clock.nowMicros()), .text(leaseToken))
        guard !updated.isEmpty else { throw NotOwned(orderID: orderID) }
    }

    /// Extends the lease of an order `leaseToken` still owns (the saga's
    /// heartbeat). - Returns: `false` if the attempt lost the order.
    public func renewLease(orderID: String, leaseToken: String, until: Int64) async throws -> Bool {
        try await !database.query(
            """
            UPDATE orders SET lease_until = $3 WHERE id = $1 AND status = 'pending' AND lease_token = $2
            RETURNING id
            """,
            .text(orderID), .text(leaseToken), .integer(until)
        ).isEmpty
    }

    /// Takes over a pending order whose lease ended at or before `now`: a
    /// new token, leased until `until`. From here on the old attempt's
    /// `confirm` and `release` find nothing to change (they are fenced).
    /// - Returns: The new token, or `nil` if the order is settled or still leased.
    public func takeOver(orderID: String, now: Int64, until: Int64) async throws -> String? {
        let token = UUID().uuidString.lowercased()
        let updated = try await database.query(
            """
            UPDATE orders SET lease_token = $2, lease_until = $3
            WHERE id = $1 AND status = 'pending' AND lease_until <= $4 RETURNING id
            """,
            .text(orderID), .text(token), .integer(until), .integer(now))
        return updated.isEmpty ? nil : token
    }

    /// Ends an owned order's lease now: an attempt that cannot finish (its
    /// provider's answer is unknown) hands the order to recovery at once.
    public func abandonLease(orderID: String, leaseToken: String) async throws {
        try await database.query(
            "UPDATE orders SET lease_until = $3 WHERE id = $1 AND status = 'pending' AND lease_token = $2",
            .text(orderID), .text(leaseToken), .integer(clock.nowMicros()))
    }

    public func order(id: String) async throws -> Order? {
        try await database.query("SELECT \(Self.columns) FROM orders WHERE id = $1", .text(id)).first.map(
            Order.init(row:))
    }

    /// Up to `limit` orders after `cursor` in `(createdAt, id)` order, and the
    /// cursor of the next page: a keyset query that reads `limit + 1` rows
    /// through the `(created_at, id)` index, however deep the page.
    public func page(after cursor: KeysetCursor<Int64, String>?, limit: Int) async throws -> (
        items: [Order], next: KeysetCursor<Int64, String>?
    ) {
        let rows: [SQLRow]
        if let cursor {
            rows = try await database.query(
                "SELECT \(Self.columns) FROM orders WHERE (created_at, id) > ($1, $2) ORDER BY created_at, id LIMIT $3",
                .integer(cursor.lastSortKey), .text(cursor.lastID), .integer(Int64(limit + 1)))
        } else {
            rows = try await database.query(
                "SELECT \(Self.columns) FROM orders ORDER BY created_at, id LIMIT $1", .integer(Int64(limit + 1)))
        }
        var items = try rows.map(Order.init(row:))
        var next: KeysetCursor<Int64, String>?
        if items.count > limit {
            items.removeLast()
            next = items.last.map { KeysetCursor(lastSortKey: $0.createdAt, lastID: $0.id) }
        }
        return (items, next)
    }

    /// The orders created for `idempotencyKey` since `since` (microseconds),
    /// with their leases.
    public func orders(idempotencyKey: String, since: Int64) async throws -> [(
        order: Order, leaseUntil: Int64, fingerprint: String?
    )] {
        try await database.query(
            """
            SELECT \(Self.columns), lease_until, request_fingerprint FROM orders
            WHERE idempotency_key = $1 AND created_at >= $2
            """,
            .text(idempotencyKey), .integer(since)
        ).map { (try Order(row: $0), try $0.integer("lease_until"), try $0.optionalText("request_fingerprint")) }
    }

    /// Pending orders whose lease ended at or before `now`.
    public func expiredPending(now: Int64) async throws -> [Order] {
        try await database.query(
            "SELECT \(Self.columns) FROM orders WHERE status = 'pending' AND lease_until <= $1 ORDER BY created_at",
            .integer(now)
        ).map(Order.init(row:))
    }

    public func inventory(item: String) async throws -> InventoryLevel? {
        try await database.query(
            "SELECT item, stock, reserved, version FROM inventory WHERE item = $1", .text(item)
        ).first.map(Self.level(from:))
    }

    /// What an `If-Match` / `If-None-Match` precondition on a stock update asks for.
    public enum StockPrecondition: Sendable, Equatable {
        /// Only if the row is at this version (`If-Match: "v7"`).
        case version(Int)
        /// Only if the item does not exist yet (`If-None-Match: *`).
        case absent
        /// No precondition: only allowed for an item that does not exist yet.
        case none
    }

    /// The row changed since the version the client read (HTTP 412), or an
    /// existing row was written without a precondition (HTTP 428).
    public enum StockConflict: Error, Equatable {
        case versionMismatch(current: InventoryLevel?)
        case preconditionRequired
    }

    /// Sets the available stock (an admin correction); `reserved` is kept.
    /// Optimistic concurrency: the write happens only if the row is still at
    /// the version the caller read, so it cannot silently undo the
    /// reservations made since (a blind overwrite would).
    /// - Throws: ``StockConflict``.
    public func setStock(item: String, stock: Int, precondition: StockPrecondition) async throws -> InventoryLevel {
        let rows: [SQLRow]
        switch precondition {
        case .version(let version):
            rows = try await database.query(
                """
                UPDATE inventory SET stock = $2, version = version + 1 WHERE item = $1 AND version = $3
                RETURNING item, stock, reserved, version
                """,
                .text(item), .integer(Int64(stock)), .integer(Int64(version)))
        case .absent, .none:
            rows = try await database.query(
                """
                INSERT INTO inventory (item, stock, reserved, version) VALUES ($1, $2, 0, 1)
                ON CONFLICT (item) DO NOTHING RETURNING item, stock, reserved, version
                """,
                .text(item), .integer(Int64(stock)))
        }
        if let row = rows.first { return try Self.level(from: row) }
        let current = try await inventory(item: item)
        if precondition == .none, current != nil { throw StockConflict.preconditionRequired }
        throw StockConflict.versionMismatch(current: current)
    }

    static func level(from row: SQLRow) throws -> InventoryLevel {
        InventoryLevel(
            item: try row.text("item"), stock: Int(try row.integer("stock")),
            reserved: Int(try row.integer("reserved")),
            version: Int(try row.integer("version")))
    }
}
