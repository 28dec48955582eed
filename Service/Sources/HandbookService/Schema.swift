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
        """
        CREATE TABLE IF NOT EXISTS inventory (
            item TEXT PRIMARY KEY,
            stock BIGINT NOT NULL CHECK (stock >= 0),
            reserved BIGINT NOT NULL DEFAULT 0 CHECK (reserved >= 0)
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
            request_fingerprint TEXT
        )
        """,
        "CREATE INDEX IF NOT EXISTS orders_idempotency_key ON orders (idempotency_key)",
        "CREATE INDEX IF NOT EXISTS orders_keyset ON orders (created_at, id)",
        "CREATE INDEX IF NOT EXISTS orders_pending ON orders (status, lease_until)",
        """
        CREATE TABLE IF NOT EXISTS charges (
            id TEXT PRIMARY KEY,
            order_id TEXT NOT NULL UNIQUE,
            amount_cents BIGINT NOT NULL,
            refunded BIGINT NOT NULL DEFAULT 0,
            created_at BIGINT NOT NULL
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
    ]

    /// Creates what is missing. On PostgreSQL an advisory lock serialises
    /// instances that start together (concurrent `CREATE TABLE IF NOT
    /// EXISTS` can fail on PostgreSQL's catalogue).
    public static func migrate(_ database: any SQLDatabase) async throws {
        try await database.transaction { sql in
            if database.kind == .postgres { try await sql.query("SELECT pg_advisory_xact_lock(720401)") }
            for statement in statements { try await sql.query(statement) }
        }
    }
}
