import Foundation

/// An order as the API shows it.
public struct Order: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        /// Stock reserved, payment not settled: the saga is running (or its
        /// process died and recovery has not run yet).
        case pending
        /// Paid and final.
        case confirmed
        /// Charging failed for good; the stock was released.
        case paymentFailed = "payment_failed"
        /// Its process died before charging; recovery released the stock.
        case cancelled
    }

    public var id: String
    public var item: String
    public var quantity: Int
    public var priceCents: Int
    public var status: Status
    /// Microseconds since 1970: the keyset's sort key.
    public var createdAt: Int64
    public var chargeID: String?

    /// Whether the order can still change (caches keep only final orders).
    public var isFinal: Bool { status != .pending }

    enum CodingKeys: String, CodingKey {
        case id, item, quantity, priceCents, status, createdAt
        case chargeID = "chargeId"
    }

    init(row: SQLRow) throws {
        guard let status = Status(rawValue: try row.text("status")) else {
            throw SQLDecodingError(column: "status", row: row)
        }
        self.id = try row.text("id")
        self.item = try row.text("item")
        self.quantity = Int(try row.integer("quantity"))
        self.priceCents = Int(try row.integer("price_cents"))
        self.status = status
        self.createdAt = try row.integer("created_at")
        self.chargeID = try row.optionalText("charge_id")
    }

    init(id: String, item: String, quantity: Int, priceCents: Int, status: Status, createdAt: Int64) {
        self.id = id
        self.item = item
        self.quantity = quantity
        self.priceCents = priceCents
        self.status = status
        self.createdAt = createdAt
    }
}

/// What an item may be called. Orders and `PUT /inventory/{item}` check the
/// same rule and store the same form, so every item an admin can stock is
/// one a client can order.
public enum ItemName {
    /// The rule, as a field error's message.
    public static let rule =
        "must be 1 to 100 characters (at most 400 bytes of UTF-8) without surrounding spaces or control characters"

    /// Whether `name` follows ``rule``: 1 to 100 characters (grapheme
    /// clusters) and at most 400 bytes, no leading or trailing whitespace, no
    /// control characters. A character can carry any number of combining
    /// marks: the byte bound keeps a name far below PostgreSQL's limit for a
    /// B-tree key (about 2.7 KB), past which the insert would fail as a 500.
    /// Control characters are no item's name, and PostgreSQL cannot store
    /// U+0000 in text at all.
    public static func isValid(_ name: String) -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let hasControl = name.unicodeScalars.contains { $0.properties.generalCategory == .control }
        return !trimmed.isEmpty && trimmed.count <= 100 && name.utf8.count <= 400 && trimmed == name && !hasControl
    }

    /// The form a name is stored and compared in: Unicode NFC. Swift says
    /// "café" (é as one scalar) == "café" (e + U+0301), but a database
    /// compares bytes, and without this the two would be two items.
    public static func normalized(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping
    }
}

/// `POST /orders`' body, validated field by field.
public struct NewOrder: Codable, Sendable, Hashable {
    public var item: String
    public var quantity: Int
    public var priceCents: Int

    /// Every problem with the fields, not just the first: the client fixes
    /// them in one round trip.
    public func fieldErrors() -> [Problem.FieldError] {
        var errors: [Problem.FieldError] = []
        if !ItemName.isValid(item) { errors.append(.init(field: "item", message: ItemName.rule)) }
        if !(1...1_000).contains(quantity) { errors.append(.init(field: "quantity", message: "must be in 1...1000")) }
        if !(1...100_000_000).contains(priceCents) {
            errors.append(.init(field: "priceCents", message: "must be in 1...100000000"))
        }
        return errors
    }
}

/// Stock of one item: `stock` is available, `reserved` is held by pending
/// and confirmed orders.
public struct InventoryLevel: Codable, Sendable, Hashable {
    public var item: String
    public var stock: Int
    public var reserved: Int
    /// Bumped by every change to the row (orders reserving and releasing
    /// stock included): the `ETag` that `PUT /inventory/{item}` must match.
    public var version: Int

    public init(item: String, stock: Int, reserved: Int, version: Int = 0) {
        self.item = item
        self.stock = stock
        self.reserved = reserved
        self.version = version
    }

    /// The strong entity tag of this version of the row.
    public var entityTag: String { "\"v\(version)\"" }
}

/// An order's outcome, published to `/events` subscribers.
public struct OrderEvent: Codable, Sendable, Hashable {
    public var type: String
    public var orderId: String
    public var item: String
    public var quantity: Int
    public var status: Order.Status

    init(_ order: Order) {
        self.type = "order.\(order.status.rawValue)"
        self.orderId = order.id
        self.item = order.item
        self.quantity = order.quantity
        self.status = order.status
    }
}

extension Order {
    /// A pending order as `reserve` stores it (tests build crash states with it).
    public static func pendingForTesting(id: String, item: String, quantity: Int, priceCents: Int, createdAt: Int64)
        -> Order
    {
        Order(id: id, item: item, quantity: quantity, priceCents: priceCents, status: .pending, createdAt: createdAt)
    }
}
