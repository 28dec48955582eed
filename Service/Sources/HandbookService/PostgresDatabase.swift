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
    let logger: Logger
    /// How long a caller waits for a transaction, waiting for a pooled
    /// connection included, or less when the request's ``RequestDeadline``
    /// is nearer. The wait for a connection is cancelled at this bound; a
    /// statement already sent is not (postgres-nio does not cancel a running
    /// query): the server's `statement_timeout` ends it, and
    /// `idle_in_transaction_session_timeout` ends a transaction whose client
    /// stalled between statements (its row locks with it). So a transaction
    /// reported as timed out may still have committed, as with any timeout;
    /// every state change here is fenced and leased, so recovery settles it.
    private let timeout: Duration

    /// No connection (or no answer) within the database timeout.
    public struct TimedOut: Error, Equatable, CustomStringConvertible {
        public let timeout: Duration
        public var description: String { "no database answer within \(timeout) (pool exhausted or slow query)" }
    }

    public init(client: PostgresClient, timeout: Duration = .seconds(5), logger: Logger) {
        self.client = client
        self.timeout = timeout
        self.logger = logger
    }

    /// Parses `postgres://user[:password]@host[:port]/database[?sslmode=…]`.
    ///
    /// `sslmode` as in libpq, nearly: `disable`; `prefer` (and `allow`:
    /// TLS if the server offers it, unchecked); `require` (TLS, certificate
    /// not checked, as in libpq); `verify-full` (certificate and host name
    /// checked against the system's roots; `verify-ca` is taken as
    /// `verify-full`, which is stricter). Without it, a loopback host is
    /// `disable` and any other `verify-full`: data crossing a network is
    /// encrypted and authenticated unless the URL says otherwise. Other
    /// libpq parameters (`sslrootcert`…) are not read: a private CA needs
    /// its root in the system's trust store.
    /// - Parameters:
    ///   - poolSize: connections in the pool. By Little's law the pool holds
    ///     on average (transactions per second × seconds a connection is held
    ///     per transaction, round trips included) connections; size it with
    ///     headroom above that mean, below what the server runs well at
    ///     once, and keep instances × pool under `max_connections`. LISTEN
    ///     and the sweep's advisory lock each hold one.
    ///   - statementTimeout: sent as `statement_timeout` at connection start.
    /// - Throws: ``ServiceConfigurationError/invalid(_:_:)`` for anything else.
    public static func configuration(
        url: String, poolSize: Int = 16, statementTimeout: Duration = .seconds(5)
    ) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
            ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty,
            let user = components.user, !user.isEmpty
        else {
            throw ServiceConfigurationError.invalid(
                "DATABASE_URL", "expected postgres://user[:password]@host[:port]/database")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let tls: PostgresClient.Configuration.TLS
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value
        switch mode ?? (ServiceConfiguration.isLoopback(host) ? "disable" : "verify-full") {
        case "disable": tls = .disable
        case "prefer", "allow":
            var unchecked = TLSConfiguration.makeClientConfiguration()
            unchecked.certificateVerification = .none
            tls = .prefer(unchecked)
        case "require":
            var unchecked = TLSConfiguration.makeClientConfiguration()
            unchecked.certificateVerification = .none
            tls = .require(unchecked)
        case "verify-full", "verify-ca": tls = .require(.makeClientConfiguration())
        default:
            throw ServiceConfigurationError.invalid(
                "DATABASE_URL", "sslmode must be disable, prefer, require or verify-full (got \(mode ?? ""))")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? nil : database, tls: tls)
        configuration.options.maximumConnections = poolSize
        let milliseconds = String(max(1, statementTimeout.microseconds / 1000))
        configuration.options.additionalStartupParameters = [
            ("statement_timeout", milliseconds), ("idle_in_transaction_session_timeout", milliseconds),
        ]
        return configuration
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> T) async throws -> T {
        // Raced against the timeout: waiting for a pooled connection is
        // cancellable in postgres-nio, so an exhausted pool answers with
        // `TimedOut` instead of queueing the request without bound.
        // The request's deadline, if nearer, bounds it too.
        let bound = RequestDeadline.bound(timeout)
        guard bound > .zero else { throw TimedOut(timeout: timeout) }
        return try await withoutActuallyEscaping(body) { body in
            try await withThrowingTaskGroup(of: T.self) { group in
                group.addTask { try await self.run(body) }
                group.addTask { [timeout] in
                    try await Task.sleep(for: bound)
                    throw TimedOut(timeout: timeout)
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
        }
    }

    private func run<T: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> T) async throws -> T {
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
