import Foundation
import HandbookSystemDesign

/// The lesson's ``IdempotencyStore`` on a SQL table: each transition of
/// `IdempotencyKeys.Record` becomes one atomic statement, so two instances on
/// one PostgreSQL database see one record per key.
///
/// `begin` is an upsert that only overwrites a record that is expired or
/// failed, with `RETURNING` telling whether this call won: on PostgreSQL a
/// concurrent upsert on the same key waits for the first to commit and then
/// re-checks the condition, so exactly one caller gets `.started`. The token
/// is the fence: `complete` and `fail` match on it.
public struct SQLIdempotencyStore: IdempotencyStore {
    public let database: any SQLDatabase
    public let ttl: Duration
    public let lease: Duration
    public let clock: ServiceClock

    /// - Throws: ``IdempotencyKeys/ConfigurationError`` as the in-memory store does.
    public init(database: any SQLDatabase, ttl: Duration, lease: Duration, clock: ServiceClock = .system)
        throws(IdempotencyKeys.ConfigurationError)
    {
        guard ttl > .zero else { throw .nonPositiveTTL(ttl) }
        guard lease > .zero else { throw .nonPositiveLease(lease) }
        guard lease <= ttl else { throw .leaseLongerThanTTL(lease: lease, ttl: ttl) }
        self.database = database
        self.ttl = ttl
        self.lease = lease
        self.clock = clock
    }

    public func begin(
        key: IdempotencyKeys.Key,
        fingerprint: IdempotencyKeys.Fingerprint
    ) async throws -> IdempotencyKeys.BeginOutcome {
        let now = clock.nowMicros()
        let token = IdempotencyKeys.ClaimToken.random()
        let expires = now + lease.microseconds
        return try await database.transaction { sql in
            let claimed = try await sql.query(
                """
                INSERT INTO idempotency_keys (key, fingerprint, state, token, status, headers, body, expires_at)
                VALUES ($1, $2, 'in_progress', $3, NULL, NULL, NULL, $4)
                ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, state = 'in_progress',
                    token = excluded.token, status = NULL, headers = NULL, body = NULL, expires_at = excluded.expires_at
                WHERE idempotency_keys.expires_at <= $5 OR idempotency_keys.state = 'failed'
                RETURNING token
                """,
                .text(key.rawValue), .text(fingerprint.rawValue), .text(token.rawValue), .integer(expires),
                .integer(now))
            if try claimed.first?.text("token") == token.rawValue { return .started(token) }
            guard
                let row = try await sql.query(
                    "SELECT fingerprint, state, status, headers, body FROM idempotency_keys WHERE key = $1",
                    .text(key.rawValue)
                ).first
            else { throw SQLDecodingError(column: "key", row: SQLRow(columns: [:])) }
            guard try row.text("fingerprint") == fingerprint.rawValue else { return .fingerprintMismatch }
            guard try row.text("state") == "completed" else { return .inProgress }
            return .completed(try Self.response(from: row))
        }
    }

    public func complete(
        key: IdempotencyKeys.Key,
        token: IdempotencyKeys.ClaimToken,
        response: IdempotencyKeys.StoredResponse
    ) async throws {
        let headers = String(decoding: try JSONEncoder().encode(response.headers), as: UTF8.self)
        let expires = clock.nowMicros() + ttl.microseconds
        // Recording the answer is bookkeeping after the work: it runs even
        // when the request's deadline has passed (else a done order would
        // be replayed as nothing).
        let updated = try await RequestDeadline.$current.withValue(nil) {
            try await database.query(
                """
                UPDATE idempotency_keys SET state = 'completed', status = $3, headers = $4, body = $5, expires_at = $6
                WHERE key = $1 AND token = $2 AND state = 'in_progress' RETURNING key
                """,
                .text(key.rawValue), .text(token.rawValue), .integer(Int64(response.status)), .text(headers),
                .text(Data(response.body).base64EncodedString()), .integer(expires))
        }
        guard !updated.isEmpty else { throw IdempotencyKeys.TransitionError.claimNotHeld }
    }

    public func fail(key: IdempotencyKeys.Key, token: IdempotencyKeys.ClaimToken) async throws {
        // Releasing the key runs even when the request is late: a claim left
        // held would answer the client's retries 409 until its lease ends.
        let updated = try await RequestDeadline.$current.withValue(nil) {
            try await database.query(
                "UPDATE idempotency_keys SET state = 'failed' WHERE key = $1 AND token = $2 AND state = 'in_progress' RETURNING key",
                .text(key.rawValue), .text(token.rawValue))
        }
        guard !updated.isEmpty else { throw IdempotencyKeys.TransitionError.claimNotHeld }
    }

    /// Releases every in-progress claim: at SQLite start-up, where the only
    /// process that could hold one has died. Returns how many were released.
    @discardableResult
    public func releaseAllInProgress() async throws -> Int {
        try await database.query(
            "UPDATE idempotency_keys SET state = 'failed' WHERE state = 'in_progress' RETURNING key"
        )
        .count
    }

    /// Deletes records whose replay window ended, `batchSize` rows per
    /// statement (a short transaction each, through the `expires_at`
    /// index), at most `maximumBatches` statements per call: a backlog is
    /// worked off over several passes instead of one long delete.
    /// - Returns: how many records went.
    @discardableResult
    public func removeExpired(batchSize: Int = 1_000, maximumBatches: Int = 20) async throws -> Int {
        let now = clock.nowMicros()
        var removed = 0
        for _ in 0..<maximumBatches {
            let batch = try await database.query(
                """
                DELETE FROM idempotency_keys WHERE key IN (
                    SELECT key FROM idempotency_keys WHERE expires_at <= $1 LIMIT $2) RETURNING 1 AS one
                """,
                .integer(now), .integer(Int64(batchSize))
            ).count
            removed += batch
            if batch < batchSize { break }
        }
        return removed
    }

    static func response(from row: SQLRow) throws -> IdempotencyKeys.StoredResponse {
        let headers = try JSONDecoder().decode([String: String].self, from: Data(try row.text("headers").utf8))
        guard let body = Data(base64Encoded: try row.text("body")) else {
            throw SQLDecodingError(column: "body", row: row)
        }
        return IdempotencyKeys.StoredResponse(
            status: Int(try row.integer("status")), headers: headers, body: Array(body))
    }
}
