/// The tables, in SQL that SQLite and PostgreSQL both accept.
///
/// Times are `BIGINT` microseconds since 1970 (``ServiceClock``). Every
/// statement is idempotent, so each instance runs the list at start-up.
public enum ServiceSchema {
    static let statements = [
        """
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            key TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            state TEXT NOT NULL,
            token TEXT NOT NULL,
            status BIGINT,
            headers TEXT,
            body TEXT,
            expires_at BIGINT NOT NULL
        )
        """,
        // The expiry sweep's range scan (without it, every pass reads the table).
        "CREATE INDEX IF NOT EXISTS idempotency_keys_expiry ON idempotency_keys (expires_at)",
        """
        CREATE TABLE IF NOT EXISTS inventory (
            item TEXT PRIMARY KEY,
            stock BIGINT NOT NULL CHECK (stock >= 0),
            reserved BIGINT NOT NULL DEFAULT 0 CHECK (reserved >= 0),
            version BIGINT NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS orders (
            id TEXT PRIMARY KEY,
            item TEXT NOT NULL,
            quantity BIGINT NOT NULL,
            price_cents BIGINT NOT NULL,
            status TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            lease_until BIGINT NOT NULL,
            charge_id TEXT,
            saga TEXT,
            idempotency_key TEXT,
            request_fingerprint TEXT,
            lease_token TEXT
        )
        """,
        "CREATE INDEX IF NOT EXISTS orders_idempotency_key ON orders (idempotency_key)",
        "CREATE INDEX IF NOT EXISTS orders_keyset ON orders (created_at, id)",
        "CREATE INDEX IF NOT EXISTS orders_pending ON orders (status, lease_until)",
        // The key-level fence: at most one live (pending or confirmed) order
        // per idempotency key, whatever the timing of the attempts. An
        // attempt that paused before reserving cannot add a second one.
        """
        CREATE UNIQUE INDEX IF NOT EXISTS orders_one_live_per_key ON orders (idempotency_key)
        WHERE status IN ('pending', 'confirmed')
        """,
        """
        CREATE TABLE IF NOT EXISTS charges (
            id TEXT PRIMARY KEY,
            order_id TEXT NOT NULL UNIQUE,
            amount_cents BIGINT NOT NULL,
            refunded BIGINT NOT NULL DEFAULT 0,
            created_at BIGINT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'charge'
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS rate_limits (
            client TEXT NOT NULL,
            window_start BIGINT NOT NULL,
            count BIGINT NOT NULL,
            PRIMARY KEY (client, window_start)
        )
        """,
        "CREATE INDEX IF NOT EXISTS rate_limits_expiry ON rate_limits (window_start)",
    ]

    /// Columns added after the first release: a database created by an
    /// older version gets them at start-up (nothing is dropped or rewritten).
    static let addedColumns: [(table: String, column: String, definition: String)] = [
        ("inventory", "version", "BIGINT NOT NULL DEFAULT 0"),
        ("orders", "lease_token", "TEXT"),
        ("charges", "kind", "TEXT NOT NULL DEFAULT 'charge'"),
    ]

    /// Creates what is missing. On PostgreSQL an advisory lock serialises
    /// instances that start together (concurrent `CREATE TABLE IF NOT
    /// EXISTS` can fail on PostgreSQL's catalogue).
    public static func migrate(_ database: any SQLDatabase) async throws {
        try await database.transaction { sql in
            if database.kind == .postgres { try await sql.query("SELECT pg_advisory_xact_lock(720401)") }
            // Tables first (as they were), then the new columns, then the indexes.
            let (indexes, tables) = (
                statements.filter { $0.hasPrefix("CREATE INDEX") }, statements.filter { !$0.hasPrefix("CREATE INDEX") }
            )
            for statement in tables { try await sql.query(statement) }
            for added in addedColumns {
                let exists: Bool
                switch database.kind {
                case .sqlite:
                    exists = try await !sql.query(
                        "SELECT name FROM pragma_table_info($1) WHERE name = $2", .text(added.table),
                        .text(added.column)
                    ).isEmpty
                case .postgres:
                    exists = try await !sql.query(
                        """
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2
                        """,
                        .text(added.table), .text(added.column)
                    ).isEmpty
                }
                if !exists {
                    try await sql.query("ALTER TABLE \(added.table) ADD COLUMN \(added.column) \(added.definition)")
                }
            }
            for statement in indexes { try await sql.query(statement) }
        }
    }
}
