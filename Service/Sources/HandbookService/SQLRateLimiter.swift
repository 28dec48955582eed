import HandbookSystemDesign

/// The lesson's ``RateLimiter`` on a shared SQL table: a fixed window per
/// client, so two instances on one PostgreSQL database enforce one limit.
///
/// One conditional upsert decides: it adds the cost only if the window's
/// count stays within the limit, and `RETURNING` says whether it did.
/// PostgreSQL locks the row for concurrent upserts on the same key, so
/// concurrent requests never admit more than the limit. A denial spends
/// nothing. The trade-off against the in-memory token bucket: a database
/// round trip per request, and up to twice the limit across a window
/// boundary (`SlidingWindowRateLimiter.FixedWindow` explains why).
public struct SQLRateLimiter: RateLimiter {
    public let database: any SQLDatabase
    public let limit: Int
    public let window: Duration
    public let policy: String
    public let clock: ServiceClock

    /// - Throws: ``RateLimiterConfigurationError`` for a limit below 1 or a
    ///   window under a millisecond.
    public init(
        database: any SQLDatabase, limit: Int, window: Duration, policy: String = "default", clock: ServiceClock
    )
        throws(RateLimiterConfigurationError)
    {
        guard limit >= 1 else { throw .nonPositiveLimit(limit) }
        guard window >= .milliseconds(1) else { throw .nonPositiveWindow(window) }
        self.database = database
        self.limit = limit
        self.window = window
        self.policy = policy
        self.clock = clock
    }

    public func acquire(key: String, cost: Int) async throws -> RateLimitDecision {
        guard !key.isEmpty else { throw RateLimiterConfigurationError.emptyKey }
        guard (1...limit).contains(cost) else {
            throw RateLimiterConfigurationError.costOutOfRange(cost: cost, limit: limit)
        }
        let now = clock.nowMicros()
        let windowMicros = window.microseconds
        let start = now - now % windowMicros
        let untilNext = Duration.microseconds(start + windowMicros - now)
        let count: Int64 = try await database.transaction { sql in
            let admitted = try await sql.query(
                """
                INSERT INTO rate_limits (client, window_start, count) VALUES ($1, $2, $3)
                ON CONFLICT (client, window_start) DO UPDATE SET count = rate_limits.count + excluded.count
                WHERE rate_limits.count + excluded.count <= $4
                RETURNING count
                """,
                .text(key), .integer(start), .integer(Int64(cost)), .integer(Int64(limit)))
            if let row = admitted.first { return try row.integer("count") }
            let current = try await sql.query(
                "SELECT count FROM rate_limits WHERE client = $1 AND window_start = $2", .text(key), .integer(start))
            // -1 marks a denial; the count itself is read for `remaining`.
            return -1 - (try current.first?.integer("count") ?? 0)
        }
        let allowed = count >= 0
        let used = allowed ? Int(count) : Int(-1 - count)
        return RateLimitDecision(
            isAllowed: allowed, policy: policy, limit: limit, window: window, remaining: max(0, limit - used),
            resetAfter: used == 0 ? .zero : untilNext, retryAfter: allowed ? nil : untilNext)
    }

    /// Deletes windows that ended before the current one, in bounded
    /// batches through the `window_start` index (see
    /// ``SQLIdempotencyStore/removeExpired(batchSize:maximumBatches:)``).
    @discardableResult
    public func removeExpiredWindows(batchSize: Int = 1_000, maximumBatches: Int = 20) async throws -> Int {
        let now = clock.nowMicros()
        let windowMicros = window.microseconds
        var removed = 0
        for _ in 0..<maximumBatches {
            let batch = try await database.query(
                """
                DELETE FROM rate_limits WHERE (client, window_start) IN (
                    SELECT client, window_start FROM rate_limits WHERE window_start < $1 LIMIT $2) RETURNING 1 AS one
                """,
                .integer(now - now % windowMicros), .integer(Int64(batchSize))
            ).count
            removed += batch
            if batch < batchSize { break }
        }
        return removed
    }
}
