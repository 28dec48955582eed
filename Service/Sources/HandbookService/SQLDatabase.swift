import Foundation

/// A value bound to or read from SQL: the three types the service's schema
/// uses, so one store implementation runs on SQLite and PostgreSQL.
///
/// Times are `BIGINT` microseconds since 1970 (a wall-clock reading both
/// databases and every instance agree on), booleans are 0/1, bodies are text.
public enum SQLValue: Sendable, Hashable {
    case integer(Int64)
    case text(String)
    case null
}

/// A row as column name → value.
public struct SQLRow: Sendable {
    public var columns: [String: SQLValue]

    public init(columns: [String: SQLValue]) {
        self.columns = columns
    }

    /// The integer in `column`.
    /// - Throws: ``SQLDecodingError`` when the column is missing, null or not an integer.
    public func integer(_ column: String) throws -> Int64 {
        guard case .integer(let value) = columns[column] else { throw SQLDecodingError(column: column, row: self) }
        return value
    }

    /// The text in `column`.
    /// - Throws: ``SQLDecodingError`` when the column is missing, null or not text.
    public func text(_ column: String) throws -> String {
        guard case .text(let value) = columns[column] else { throw SQLDecodingError(column: column, row: self) }
        return value
    }

    /// The text in `column`, or `nil` for SQL `NULL`.
    public func optionalText(_ column: String) throws -> String? {
        if columns[column] == .null { return nil }
        return try text(column)
    }
}

/// A column had another type than the store expected: a schema bug, never
/// papered over with a default.
public struct SQLDecodingError: Error, CustomStringConvertible {
    public let column: String
    public let row: SQLRow

    public var description: String { "column \(column) is missing or has the wrong type in \(row.columns)" }
}

/// Runs statements inside one transaction. SQL uses PostgreSQL's `$1, $2…`
/// placeholders; the SQLite adapter rewrites them to `?1, ?2…`.
public protocol SQLExecutor {
    @discardableResult
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow]
}

extension SQLExecutor {
    @discardableResult
    public func query(_ sql: String, _ binds: SQLValue...) async throws -> [SQLRow] {
        try await query(sql, binds)
    }
}

/// Which engine is behind a ``SQLDatabase``: the few places that differ
/// (recovery at start-up, the rate limiter, events) switch on it.
public enum DatabaseKind: String, Sendable {
    /// One file, one process: everything in flight at start-up belonged to a
    /// dead process.
    case sqlite
    /// Shared by every instance: state must be claimed with leases.
    case postgres
}

/// The database the stores run on.
public protocol SQLDatabase: Sendable {
    var kind: DatabaseKind { get }

    /// Runs `body` in one transaction: committed if it returns, rolled back
    /// if it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> T) async throws -> T

    /// Closes the connections; no call may follow.
    func close() async throws
}

extension SQLDatabase {
    /// One statement in its own transaction.
    @discardableResult
    public func query(_ sql: String, _ binds: SQLValue...) async throws -> [SQLRow] {
        try await transaction { try await $0.query(sql, binds) }
    }
}

/// Microseconds since 1970 on the wall clock: the time every instance can
/// compare. Injected (``ServiceClock``) so tests can move it.
public struct ServiceClock: Sendable {
    public var nowMicros: @Sendable () -> Int64

    public init(nowMicros: @escaping @Sendable () -> Int64) {
        self.nowMicros = nowMicros
    }

    /// The system's wall clock.
    public static let system = ServiceClock { Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()) }
}

extension Duration {
    /// Whole microseconds, for `BIGINT` time columns.
    var microseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}
