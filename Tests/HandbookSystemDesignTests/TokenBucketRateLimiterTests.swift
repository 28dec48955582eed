import HandbookSystemDesign
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Token bucket rate limiter", .timeLimit(.minutes(1)))
struct TokenBucketRateLimiterTests {
    /// The two ways to guard the keyed table: an actor, or an NSLock.
    enum Guard: String, CaseIterable, Sendable {
        case actor, lock

        func make(_ bucket: TokenBucket, clock: ManualClock) throws -> any RateLimiter {
            switch self {
            case .actor: try KeyedRateLimiter(template: bucket, clock: clock)
            case .lock: try LockedKeyedRateLimiter(template: bucket, clock: clock)
            }
        }
    }

    @Test("a burst of 5 is allowed and the 6th is denied with a 1 s retry-after")
    func burstThenDeny() throws {
        var bucket = try TokenBucket(capacity: 5, refill: 1, per: .seconds(1))
        let burst = (1...5).map { _ in bucket.tryAcquire(at: .zero) }
        #expect(burst.allSatisfy { $0.isAllowed })
        #expect(burst.map(\.remaining) == [4, 3, 2, 1, 0])
        let sixth = bucket.tryAcquire(at: .zero)
        #expect(!sixth.isAllowed)
        #expect(sixth.retryAfter == .seconds(1))
        #expect(sixth.resetAfter == .seconds(5))
    }

    @Test("one second later exactly one more request is allowed")
    func oneSecondRefillsOneToken() throws {
        var bucket = try TokenBucket(capacity: 5, refill: 1, per: .seconds(1))
        for _ in 1...5 { _ = bucket.tryAcquire(at: .zero) }
        #expect(bucket.tryAcquire(at: .seconds(1)).isAllowed)
        let next = bucket.tryAcquire(at: .seconds(1))
        #expect(!next.isAllowed)
        #expect(next.retryAfter == .seconds(1))
    }

    @Test("an hour idle still caps the bucket at its capacity")
    func idleBucketIsClamped() throws {
        var bucket = try TokenBucket(capacity: 5, refill: 1, per: .seconds(1))
        for _ in 1...5 { _ = bucket.tryAcquire(at: .zero) }
        #expect(bucket.tokens(at: .seconds(3600)) == 5)
        let burst = (1...6).map { _ in bucket.tryAcquire(at: .seconds(3600)).isAllowed }
        #expect(burst == [true, true, true, true, true, false])
    }

    @Test("fractional refill at 2 per second: 250 ms is half a token (denied), 500 ms is one (allowed)")
    func fractionalTokens() throws {
        var bucket = try TokenBucket(capacity: 1, refill: 2, per: .seconds(1))
        #expect(bucket.tryAcquire(at: .zero).isAllowed)
        #expect(bucket.tokens(at: .milliseconds(250)) == 0.5)
        let early = bucket.tryAcquire(at: .milliseconds(250))
        #expect(!early.isAllowed)
        #expect(early.retryAfter == .milliseconds(250))
        #expect(bucket.tryAcquire(at: .milliseconds(500)).isAllowed)
    }

    @Test(
        "bad configuration is a thrown error with a clear message",
        arguments: [
            (0, 1, Duration.seconds(1), RateLimiterConfigurationError.nonPositiveLimit(0)),
            (-3, 1, .seconds(1), .nonPositiveLimit(-3)),
            (5, 0, .seconds(1), .nonPositiveRate(tokens: 0, per: .seconds(1))),
            (5, -2, .seconds(1), .nonPositiveRate(tokens: -2, per: .seconds(1))),
            (5, 1, .zero, .nonPositiveRate(tokens: 1, per: .zero)),
            (5, 1, .seconds(-1), .nonPositiveRate(tokens: 1, per: .seconds(-1))),
        ])
    func badConfigurationThrows(capacity: Int, tokens: Int, period: Duration, expected: RateLimiterConfigurationError) {
        #expect(throws: expected) { try TokenBucket(capacity: capacity, refill: tokens, per: period) }
        #expect(!expected.description.isEmpty)
    }

    @Test("an empty key, a cost above capacity and a zero sweep interval throw", arguments: Guard.allCases)
    func badArgumentsThrow(guarding: Guard) async throws {
        let limiter = try guarding.make(try TokenBucket(capacity: 5, refill: 1), clock: ManualClock())
        await #expect(throws: RateLimiterConfigurationError.emptyKey) { try await limiter.acquire(key: "") }
        await #expect(throws: RateLimiterConfigurationError.costOutOfRange(cost: 6, limit: 5)) {
            try await limiter.acquire(key: "k", cost: 6)
        }
        #expect(
            RateLimiterConfigurationError.costOutOfRange(cost: 6, limit: 5).description
                == "a request cost must be in 1...5 (the limit), got 6: it could never be allowed")
        #expect(throws: RateLimiterConfigurationError.nonPositiveSweepInterval(.zero)) {
            try KeyedRateLimiter(
                template: try TokenBucket(capacity: 5, refill: 1), clock: ManualClock(), sweepInterval: .zero)
        }
    }

    @Test("1,000 concurrent acquires on a capacity of 100 admit exactly 100", arguments: Guard.allCases)
    func concurrentAcquiresNeverOverAdmit(guarding: Guard) async throws {
        let limiter = try guarding.make(try TokenBucket(capacity: 100, refill: 10), clock: ManualClock())
        let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<1_000 { group.addTask { try await limiter.acquire(key: "hot").isAllowed } }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(allowed == 100)
    }

    @Test("keys have independent buckets")
    func keysAreIndependent() async throws {
        let limiter = try KeyedRateLimiter(template: try TokenBucket(capacity: 2, refill: 1), clock: ManualClock())
        #expect(try await limiter.acquire(key: "alice", cost: 2).isAllowed)
        #expect(try await !limiter.acquire(key: "alice").isAllowed)
        #expect(try await limiter.acquire(key: "bob", cost: 2).isAllowed)
        #expect(await limiter.trackedKeyCount == 2)
    }

    @Test("acquireWaiting sleeps exactly the deficit on the clock")
    func waitingAcquireSleepsTheDeficit() async throws {
        let clock = ManualClock()
        let limiter = try KeyedRateLimiter(template: try TokenBucket(capacity: 1, refill: 2), clock: clock)
        #expect(try await limiter.acquire(key: "k").isAllowed)
        let waiter = Task { try await limiter.acquireWaiting(key: "k") }
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .milliseconds(499))
        #expect(clock.sleeperCount == 1)  // 1 ms short of the 500 ms deficit: still asleep
        clock.advance(by: .milliseconds(1))
        let decision = try await waiter.value
        #expect(decision.isAllowed && decision.remaining == 0)
    }

    @Test("idle keys are swept, bounding memory, and a swept key behaves like a new one")
    func idleKeysAreEvicted() async throws {
        let clock = ManualClock()
        let limiter = try KeyedRateLimiter(
            template: try TokenBucket(capacity: 3, refill: 1), clock: clock, sweepInterval: .seconds(10))
        for user in 0..<1_000 { _ = try await limiter.acquire(key: "user-\(user)", cost: 3) }
        #expect(await limiter.trackedKeyCount == 1_000)
        #expect(await limiter.storedValueCount(forKey: "user-7") == 2)
        clock.advance(by: .seconds(10))  // every bucket has refilled to full: idle
        let fresh = try await limiter.acquire(key: "user-7", cost: 3)
        #expect(fresh.isAllowed)
        #expect(await limiter.trackedKeyCount == 1)
    }

    @Test(
        "a denial renders RateLimit-Policy, RateLimit and Retry-After in the current draft's form, seconds rounded up")
    func headerFields() throws {
        var bucket = try TokenBucket(capacity: 2, refill: 2, per: .seconds(3))
        let allowed = bucket.tryAcquire(cost: 2, at: .zero)
        #expect(allowed.headerFields.map(\.name) == ["RateLimit-Policy", "RateLimit"])  // no Retry-After on a 2xx
        let denial = bucket.tryAcquire(at: .zero)
        #expect(denial.retryAfter == .milliseconds(1500))
        #expect(denial.window == .seconds(3))  // empty to full
        let fields = denial.headerFields
        #expect(fields.map(\.name) == ["RateLimit-Policy", "RateLimit", "Retry-After"])
        #expect(fields.map(\.value) == [#""default";q=2;w=3"#, #""default";r=0;t=3"#, "2"])
    }

    @Test("the policy name is a quoted Structured Fields string, escaped, shared by both RateLimit fields")
    func headerPolicyName() throws {
        var window = try SlidingWindowRateLimiter.FixedWindow(limit: 100, window: .seconds(60))
        var decision = window.tryAcquire(cost: 50, at: .seconds(30))
        decision.policy = #"per-"user"\1"#
        #expect(
            decision.headerFields.map(\.value) == [
                #""per-\"user\"\\1";q=100;w=60"#, #""per-\"user\"\\1";r=50;t=30"#,
            ])
    }

    @Test("random arrivals and costs match a millisecond-by-millisecond oracle")
    func matchesTickOracle() async {
        // op code → (gap in ms, cost seed); rates divide 1000 so the oracle is exact in milli-tokens.
        await propertyCheck(
            count: 200, input: Gen.element(of: [1, 2, 4, 5, 10, 20]), Gen.int(in: 1...8),
            Gen.int(in: 0...1_999).array(of: 1...40)
        ) { rate, capacity, codes in
            do {
                let rate = rate ?? 1
                var bucket = try TokenBucket(capacity: capacity, refill: rate, per: .seconds(1))
                var oracle = TickOracle(capacity: capacity, rate: rate)
                var now = 0
                var actual: [Outcome] = []
                var expected: [Outcome] = []  // one #expect per case: a failure shows the whole timeline
                for code in codes {
                    now += code % 250
                    let cost = (code / 250) % capacity + 1
                    let decision = bucket.tryAcquire(cost: cost, at: .milliseconds(now))
                    actual.append(Outcome(decision.isAllowed, decision.remaining, decision.retryAfter))
                    let modelled = oracle.acquire(cost: cost, at: now)
                    expected.append(
                        Outcome(modelled.allowed, modelled.remaining, modelled.retryAfterMS.map(Duration.milliseconds)))
                }
                #expect(actual == expected, "rate \(rate) capacity \(capacity)")
            } catch {
                Issue.record("unexpected error \(error)")  // propertyCheck swallows thrown errors
            }
        }
    }

    @Test("every RateLimiter contract check passes", arguments: Guard.allCases, RateLimiterContract.checks)
    func contract(guarding: Guard, check: RateLimiterContract.Check) async throws {
        try await check.run { limit, window in
            let clock = ManualClock()
            let limiter = try guarding.make(try TokenBucket(capacity: limit, refill: limit, per: window), clock: clock)
            return .init(limiter: limiter, advance: { clock.advance(by: $0) })
        }
    }

    @Test("tryAcquire with a cost above capacity is a programmer error that traps")
    func pureCostAboveCapacityTraps() async {
        await #expect(processExitsWith: .failure) {
            var bucket = try TokenBucket(capacity: 2, refill: 1)
            _ = bucket.tryAcquire(cost: 3, at: .zero)
        }
    }
}

private struct Outcome: Equatable, CustomStringConvertible {
    var allowed: Bool
    var remaining: Int
    var retryAfter: Duration?

    init(_ allowed: Bool, _ remaining: Int, _ retryAfter: Duration?) {
        (self.allowed, self.remaining, self.retryAfter) = (allowed, remaining, retryAfter)
    }

    var description: String { "\(allowed ? "allow" : "deny") \(remaining) \(retryAfter.map { "\($0)" } ?? "-")" }
}

/// The naive model: time advances one millisecond at a time, and each tick
/// adds `rate` milli-tokens (rate tokens per 1000 ms), clamped at capacity.
private struct TickOracle {
    let capacity: Int
    let rate: Int
    var milliTokens: Int
    var clockMS = 0

    init(capacity: Int, rate: Int) {
        self.capacity = capacity
        self.rate = rate
        self.milliTokens = capacity * 1_000
    }

    mutating func acquire(cost: Int, at ms: Int) -> (allowed: Bool, remaining: Int, retryAfterMS: Int?) {
        while clockMS < ms {
            clockMS += 1
            milliTokens = min(milliTokens + rate, capacity * 1_000)
        }
        let needed = cost * 1_000
        if milliTokens >= needed {
            milliTokens -= needed
            return (true, milliTokens / 1_000, nil)
        }
        return (false, milliTokens / 1_000, (needed - milliTokens) / rate)
    }

}

extension TokenBucketRateLimiterTests {
    @Test("the locked limiter with maximumKeys tracks at most that many keys; new keys then share one bucket")
    func lockedLimiterBoundsItsKeys() throws {
        let clock = ManualClock()
        let limiter = try LockedKeyedRateLimiter(
            template: try TokenBucket(capacity: 2, refill: 2, per: .seconds(10)), clock: clock, sweepInterval: nil,
            maximumKeys: 100)
        for index in 0..<100 { #expect(try limiter.tryAcquire(key: "k\(index)").isAllowed) }
        // 1,000 invented keys: memory stays at 100 + the overflow bucket, and
        // together they get that one bucket's 2 requests.
        let admitted = try (0..<1_000).filter { try limiter.tryAcquire(key: "new-\($0)").isAllowed }
        #expect(admitted.count == 2)
        #expect(limiter.trackedKeyCount == 101)
        #expect(try limiter.tryAcquire(key: "k0").isAllowed, "a tracked key keeps its own bucket")
    }

    @Test("with sweepInterval nil, decisions never sweep; evictIdleKeys (a background task's call) does")
    func lockedLimiterSweepsOffThePath() throws {
        let clock = ManualClock()
        let limiter = try LockedKeyedRateLimiter(
            template: try TokenBucket(capacity: 1, refill: 1, per: .seconds(1)), clock: clock, sweepInterval: nil)
        for index in 0..<50 { _ = try limiter.tryAcquire(key: "k\(index)") }
        clock.advance(by: .seconds(86_400))
        _ = try limiter.tryAcquire(key: "fresh")
        #expect(limiter.trackedKeyCount == 51, "a request must not pay for an O(keys) sweep")
        #expect(limiter.evictIdleKeys() == 50)
        #expect(limiter.trackedKeyCount == 1)
    }
}
