import Logging
import NIOCore
import SQLiteNIO

/// ``SQLDatabase`` on one SQLite file (sqlite-nio, which vendors SQLite).
///
/// One connection, and one transaction at a time through an ``AsyncLock``:
/// SQLite allows a single writer anyway, and statements from two
/// transactions must never interleave on one connection. WAL journaling
/// keeps committed transactions when the process is killed.
public final class SQLiteDatabase: SQLDatabase {
    public let kind = DatabaseKind.sqlite
    private let connection: SQLiteConnection
    private let lock = AsyncLock()
    private let fileLock: ExclusiveFileLock?
    /// The longest a transaction waits for its turn at the one writer.
    private let writerTimeout: Duration

    private init(connection: SQLiteConnection, fileLock: ExclusiveFileLock?, writerTimeout: Duration) {
        self.connection = connection
        self.fileLock = fileLock
        self.writerTimeout = writerTimeout
    }

    /// How many transactions wait for the writer (for tests).
    var waitingTransactions: Int {
        get async { await lock.waiting }
    }

    /// Another process serves from this file already.
    public struct FileInUse: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "\(path) is in use by another process: SQLite mode serves from one process only "
                + "(start-up recovery would take its in-flight orders for orphans); "
                + "use DATABASE_URL=postgres://… for several instances"
        }
    }

    /// Opens (or creates) the database at `path`; `":memory:"` for a private
    /// in-memory database.
    ///
    /// A file database is locked for this process (`flock` on `<path>-lock`)
    /// until ``close()``, so a second process on the same file fails here.
    /// - Throws: ``FileInUse`` if another process holds the file.
    public static func open(path: String, writerTimeout: Duration = .seconds(5), logger: Logger) async throws
        -> SQLiteDatabase
    {
        var fileLock: ExclusiveFileLock?
        if path != ":memory:" {
            do {
                fileLock = try ExclusiveFileLock(path: path + "-lock")
            } catch is ExclusiveFileLock.Held {
                throw FileInUse(path: path)
            }
        }
        let storage: SQLiteConnection.Storage = path == ":memory:" ? .memory : .file(path: path)
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: storage, logger: logger)
        } catch {
            fileLock?.release()
            throw error
        }
        let database = SQLiteDatabase(connection: connection, fileLock: fileLock, writerTimeout: writerTimeout)
        do {
            _ = try await connection.query("PRAGMA journal_mode=WAL", [])
            _ = try await connection.query("PRAGMA synchronous=NORMAL", [])
            _ = try await connection.query("PRAGMA busy_timeout=5000", [])
        } catch {
            try? await database.close()
            throw error
        }
        return database
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> T) async throws -> T {
        // Waiting for the writer is bounded (AsyncLock.TimedOut), by the
        // request's deadline too if it is nearer, and cancellable.
        try await lock.withLock(timeout: max(.zero, RequestDeadline.bound(writerTimeout))) {
            let executor = Executor(connection: connection)
            _ = try await connection.query("BEGIN IMMEDIATE", [])
            // COMMIT and ROLLBACK run in fresh tasks: sqlite-nio refuses to run
            // a query in a cancelled task, and a transaction left open would
            // make every later BEGIN fail on this one connection.
            let connection = self.connection
            do {
                let value = try await body(executor)
                try await Task { _ = try await connection.query("COMMIT", []) }.value
                return value
            } catch {
                _ = try? await Task { try await connection.query("ROLLBACK", []) }.value
                throw error
            }
        }
    }

    public func close() async throws {
        defer { fileLock?.release() }
        try await lock.withLock(timeout: nil) { try await connection.close() }
    }

    struct Executor: SQLExecutor {
        let connection: SQLiteConnection

        func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
            let rows = try await connection.query(Self.sqliteSQL(sql), binds.map(Self.sqliteData))
            return rows.map { row in
                var columns: [String: SQLValue] = [:]
                for column in row.columns {
                    switch column.data {
                    case .integer(let value): columns[column.name] = .integer(Int64(value))
                    case .text(let value): columns[column.name] = .text(value)
                    case .null: columns[column.name] = .null
                    case .float(let value): columns[column.name] = .integer(Int64(value))
                    case .blob(let buffer): columns[column.name] = .text(String(buffer: buffer))
                    }
                }
                return SQLRow(columns: columns)
            }
        }

        static func sqliteData(_ value: SQLValue) -> SQLiteData {
            switch value {
            case .integer(let value): .integer(SQLiteInt64(value))
            case .text(let value): .text(value)
            case .null: .null
            }
        }

        /// `$12` → `?12`: SQLite's numbered parameter, bound by position like
        /// PostgreSQL's. (SQLite reads `$12` as a *named* parameter whose
        /// index is its order of first appearance, which would silently bind
        /// the wrong values when a query mentions `$2` before `$1`.)
        static func sqliteSQL(_ sql: String) -> String {
            var result = ""
            result.reserveCapacity(sql.utf8.count)
            var previous: Character = " "
            for character in sql {
                if previous == "$", character.isNumber {
                    result.removeLast()
                    result.append("?")
                }
                result.append(character)
                previous = character
            }
            return result
        }
    }
}
