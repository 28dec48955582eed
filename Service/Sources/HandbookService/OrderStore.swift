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

    /// The order was no longer pending: recovery settled it first.
    public struct NotPending: Error, Equatable {
        public let orderID: String
    }

    static let columns = "id, item, quantity, price_cents, status, created_at, charge_id"

    /// Moves `quantity` from stock to reserved and records the order as
    /// pending, leased until `leaseUntil` (microseconds), in one transaction.
    /// `idempotencyKey` links the order to the request that created it, so a
    /// retry after a crash finds it (``OrderService/adopt(key:)``).
    /// - Throws: ``InsufficientStock`` (nothing is written).
    public func reserve(_ order: Order, idempotencyKey: String?, fingerprint: String? = nil, leaseUntil: Int64)
        async throws
    {
        let now = clock.nowMicros()
        try await database.transaction { sql in
            let moved = try await sql.query(
                """
                UPDATE inventory SET stock = stock - $2, reserved = reserved + $2
                WHERE item = $1 AND stock >= $2 RETURNING item
                """,
                .text(order.item), .integer(Int64(order.quantity)))
            guard !moved.isEmpty else {
                let row = try await sql.query("SELECT stock FROM inventory WHERE item = $1", .text(order.item)).first
                throw InsufficientStock(item: order.item, available: Int(try row?.integer("stock") ?? 0))
            }
            try await sql.query(
                """
                INSERT INTO orders (id, item, quantity, price_cents, status, created_at, updated_at, lease_until,
                    idempotency_key, request_fingerprint)
                VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9)
                """,
                .text(order.id), .text(order.item), .integer(Int64(order.quantity)), .integer(Int64(order.priceCents)),
                .integer(order.createdAt), .integer(now), .integer(leaseUntil),
                idempotencyKey.map(SQLValue.text) ?? .null,
                fingerprint.map(SQLValue.text) ?? .null)
        }
    }

    /// Ends a pending order as `status`: returns its stock and refunds its
    /// charge, if one was made, in one transaction. A no-op for an order
    /// that is not pending, so the compensation is idempotent and can never
    /// undo an order that was confirmed in the meantime (both transitions
    /// update the same row, which serialises them).
    /// - Returns: Whether this call settled the order.
    @discardableResult
    public func release(orderID: String, as status: Order.Status) async throws -> Bool {
        let now = clock.nowMicros()
        return try await database.transaction { sql in
            guard
                let row = try await sql.query(
                    """
                    UPDATE orders SET status = $2, updated_at = $3 WHERE id = $1 AND status = 'pending'
                    RETURNING item, quantity
                    """,
                    .text(orderID), .text(status.rawValue), .integer(now)
                ).first
            else { return false }
            try await sql.query(
                "UPDATE inventory SET stock = stock + $2, reserved = reserved - $2 WHERE item = $1",
                .text(try row.text("item")), .integer(try row.integer("quantity")))
            try await sql.query("UPDATE charges SET refunded = 1 WHERE order_id = $1", .text(orderID))
            return true
        }
    }

    /// `pending → confirmed` with the charge that paid for it.
    /// - Throws: ``NotPending`` if recovery settled the order first.
    public func confirm(orderID: String, chargeID: String) async throws {
        let updated = try await database.query(
            """
            UPDATE orders SET status = 'confirmed', charge_id = $2, updated_at = $3
            WHERE id = $1 AND status = 'pending' RETURNING id
            """,
            .text(orderID), .text(chargeID), .integer(clock.nowMicros()))
        guard !updated.isEmpty else { throw NotPending(orderID: orderID) }
    }

    /// Stores the saga's state next to the order (the saga's log).
    public func saveSaga(orderID: String, state: String) async throws {
        try await database.query("UPDATE orders SET saga = $2 WHERE id = $1", .text(orderID), .text(state))
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
        try await database.query("SELECT item, stock, reserved FROM inventory WHERE item = $1", .text(item)).first
            .map(Self.level(from:))
    }

    /// Sets the available stock (an admin correction); `reserved` is kept.
    public func setStock(item: String, stock: Int) async throws -> InventoryLevel {
        let rows = try await database.query(
            """
            INSERT INTO inventory (item, stock, reserved) VALUES ($1, $2, 0)
            ON CONFLICT (item) DO UPDATE SET stock = excluded.stock RETURNING item, stock, reserved
            """,
            .text(item), .integer(Int64(stock)))
        guard let row = rows.first else { throw SQLDecodingError(column: "item", row: SQLRow(columns: [:])) }
        return try Self.level(from: row)
    }

    static func level(from row: SQLRow) throws -> InventoryLevel {
        InventoryLevel(
            item: try row.text("item"), stock: Int(try row.integer("stock")), reserved: Int(try row.integer("reserved"))
        )
    }
}
