import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// ``SQLDatabase`` on PostgreSQL through postgres-nio's connection pool.
///
/// The pool (``client``) is a ServiceLifecycle `Service`: it must be run in
/// the service group, which the application does, and it closes its
/// connections when the group shuts down.
public final class PostgresDatabase: SQLDatabase {
    public let kind = DatabaseKind.postgres
    public let client: PostgresClient
    private let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Parses `postgres://user[:password]@host[:port]/database`.
    /// - Throws: ``ServiceConfigurationError/invalid(_:_:)`` for anything else.
    public static func configuration(url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
            ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty,
            let user = components.user, !user.isEmpty
        else {
            throw ServiceConfigurationError.invalid(
                "DATABASE_URL", "expected postgres://user[:password]@host[:port]/database")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? nil : database, tls: .disable)
        configuration.options.maximumConnections = 16
        return configuration
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(Executor(connection: connection, logger: logger))
            }
        } catch let error as PostgresTransactionError {
            // The body's own error (e.g. insufficient stock) after a clean
            // rollback is what callers match on; anything else stays wrapped.
            if let closureError = error.closureError, error.rollbackError == nil { throw closureError }
            throw error
        }
    }

    public func close() async throws {}

    struct Executor: SQLExecutor {
        let connection: PostgresConnection
        let logger: Logger

        func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
            var bindings = PostgresBindings(capacity: binds.count)
            for bind in binds {
                switch bind {
                case .integer(let value): bindings.append(value)
                case .text(let value): bindings.append(value)
                case .null: bindings.appendNull()
                }
            }
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
            var result: [SQLRow] = []
            for try await row in rows {
                var columns: [String: SQLValue] = [:]
                for cell in row {
                    if cell.bytes == nil {
                        columns[cell.columnName] = .null
                    } else {
                        switch cell.dataType {
                        case .int2, .int4, .int8: columns[cell.columnName] = .integer(try cell.decode(Int64.self))
                        default: columns[cell.columnName] = .text(try cell.decode(String.self))
                        }
                    }
                }
                result.append(SQLRow(columns: columns))
            }
            return result
        }
    }
}
