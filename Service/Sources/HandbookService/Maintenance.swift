import PostgresNIO

/// Housekeeping that one instance at a time should do.
enum Maintenance {
    /// The advisory lock id of the sweep (the schema's migration uses 720401).
    static let sweepLock: Int64 = 720_402

    /// Runs `body` if this instance leads this pass: on PostgreSQL, the one
    /// that holds a session advisory lock (`pg_try_advisory_lock`, never
    /// waited for: the others skip the pass); on SQLite, the one process.
    /// - Returns: whether `body` ran.
    static func asLeader(_ database: any SQLDatabase, _ body: () async throws -> Void) async throws -> Bool {
        guard let postgres = database as? PostgresDatabase else {
            try await body()
            return true
        }
        return try await postgres.withTryAdvisoryLock(sweepLock, body)
    }
}

extension PostgresDatabase {
    /// Runs `body` while holding session advisory lock `id` on one pooled
    /// connection, if no other session holds it; `body`'s own queries use
    /// other connections. The lock is released when `body` ends (or with
    /// the connection, if the process dies).
    /// - Returns: whether the lock was free (and `body` ran).
    func withTryAdvisoryLock(_ id: Int64, _ body: () async throws -> Void) async throws -> Bool {
        try await client.withConnection { connection in
            let rows = try await connection.query("SELECT pg_try_advisory_lock(\(id)) AS got", logger: logger)
            var got = false
            for try await value in rows.decode(Bool.self) { got = value }
            guard got else { return false }
            do {
                try await body()
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(id))", logger: logger)
                throw error
            }
            _ = try await connection.query("SELECT pg_advisory_unlock(\(id))", logger: logger)
            return true
        }
    }
}
