import HandbookSystemDesign
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Token bucket in integer nanoseconds (the production hot path)")
struct NanosecondTokenBucketTests {
    @Test("a burst of capacity, then one token per interval; a denial spends nothing")
    func burstThenRefill() throws {
        var bucket = try NanosecondTokenBucket(capacity: 2, refill: 1, per: .seconds(1))
        let burst = (0..<3).map { _ in bucket.tryAcquire(atNanoseconds: 0) }
        #expect(burst == [true, true, false])
        #expect(bucket.nanosecondsUntilAvailable() == 1_000_000_000)
        let early = bucket.tryAcquire(atNanoseconds: 999_999_999)
        let onTime = bucket.tryAcquire(atNanoseconds: 1_000_000_000)
        #expect(!early && onTime)
        #expect(bucket.tokens(atNanoseconds: 10_000_000_000) == 2, "capped at capacity, however long the wait")
    }

    @Test("3 tokens per second is exact: the rate is a fraction, not a rounded nanosecond interval")
    func fractionalRatesAreExact() throws {
        var bucket = try NanosecondTokenBucket(capacity: 3, refill: 3, per: .seconds(1))
        let burst = (0..<3).map { _ in bucket.tryAcquire(atNanoseconds: 0) }
        // One token takes 333,333,333⅓ ns: not yet at 333,333,333, earned at 333,333,334.
        let early = bucket.tryAcquire(atNanoseconds: 333_333_333)
        let earned = bucket.tryAcquire(atNanoseconds: 333_333_334)
        // Three tokens take exactly one second from the start, with no drift.
        let twoMore = bucket.tryAcquire(cost: 2, atNanoseconds: 1_000_000_000)
        #expect(burst == [true, true, true] && !early && earned && twoMore)
    }

    @Test("a key idle for 2⁶² ns is full, not wrapped around: the multiplication checks for overflow")
    func longIdleDoesNotOverflow() throws {
        var bucket = try NanosecondTokenBucket(capacity: 5, refill: 4, per: .nanoseconds(1))
        let emptied = bucket.tryAcquire(cost: 5, atNanoseconds: 0)
        #expect(emptied)
        // 2⁶² ns × 4 tokens per ns is exactly 2⁶⁴: wrapping arithmetic would make it 0.
        #expect(bucket.tokens(atNanoseconds: 1 << 62) == 5)
    }

    @Test(
        "configurations that integer nanoseconds cannot hold throw, as do TokenBucket's own errors",
        arguments: [
            (
                1, 1, Duration.nanoseconds(1) / 2,
                RateLimiterConfigurationError.notRepresentableInNanoseconds(
                    capacity: 1, per: .nanoseconds(1) / 2)
            ),
            (
                1_000, 1, Duration.seconds(Int64.max / 1_000),
                .notRepresentableInNanoseconds(
                    capacity: 1_000, per: .seconds(Int64.max / 1_000))
            ),
            (0, 1, .seconds(1), .nonPositiveLimit(0)),
            (5, 0, .seconds(1), .nonPositiveRate(tokens: 0, per: .seconds(1))),
        ])
    func badConfigurationThrows(capacity: Int, tokens: Int, period: Duration, expected: RateLimiterConfigurationError) {
        #expect(throws: expected) { try NanosecondTokenBucket(capacity: capacity, refill: tokens, per: period) }
    }

    /// The reference check: random configurations and schedules (gaps in whole
    /// nanoseconds, times that sometimes go backwards, random costs) through
    /// `TokenBucket` and `NanosecondTokenBucket`. Every decision must match.
    /// Periods are multiples of `tokens` nanoseconds, so `period / tokens` is
    /// exact in both (see the type's documentation for the other rates).
    @Test("property: on 1,000 random schedules it decides exactly as the Duration TokenBucket does")
    func decidesLikeTheDurationReference() async {
        await propertyCheck(
            count: 1_000, input: Gen.int(in: 1...1_000), Gen.int(in: 1...1_000), Gen.int(in: 1...10_000_000),
            Gen.int(in: 0...1_000_000).array(of: 1...200)
        ) { capacity, tokens, intervalNanoseconds, codes in
            do {
                let period = Duration.nanoseconds(intervalNanoseconds * tokens)
                var reference = try TokenBucket(capacity: capacity, refill: tokens, per: period)
                var fast = try NanosecondTokenBucket(capacity: capacity, refill: tokens, per: period)
                var now = 1_000_000
                var mismatch: String?
                for (step, code) in codes.enumerated() where mismatch == nil {
                    // Gaps scale with the refill interval so both full and empty buckets occur.
                    now += (code % 1_000) * (intervalNanoseconds + 1) / 100 - (code % 97 == 0 ? 5 : 0)
                    let cost = code % capacity + 1
                    let expected = reference.tryAcquire(cost: cost, at: .nanoseconds(now)).isAllowed
                    if fast.tryAcquire(cost: cost, atNanoseconds: now) != expected {
                        mismatch = "step \(step) at \(now) ns, cost \(cost): reference says \(expected)"
                    }
                }
                #expect(mismatch == nil, "capacity \(capacity), \(tokens) per \(period): \(mismatch ?? "")")
            } catch {
                Issue.record("unexpected error \(error)")  // propertyCheck swallows thrown errors
            }
        }
    }

    @Test("the wait it reports is rounded up: at 3 per second, 333,333,334 ns, and one nanosecond less is too early")
    func reportedWaitIsEnough() throws {
        var bucket = try NanosecondTokenBucket(capacity: 3, refill: 3, per: .seconds(1))
        let burst = bucket.tryAcquire(cost: 3, atNanoseconds: 0)
        let wait = bucket.nanosecondsUntilAvailable()
        var early = bucket
        let tooEarly = early.tryAcquire(atNanoseconds: wait - 1)
        let onTime = bucket.tryAcquire(atNanoseconds: wait)
        #expect(burst && wait == 333_333_334 && !tooEarly && onTime)
    }

    @Test("the keyed limiter: keys are independent, time comes from the injected clock, idle keys are swept")
    func keyedLimiter() throws {
        let clock = ManualClock()
        let limiter = try NanosecondKeyedRateLimiter(
            template: NanosecondTokenBucket(capacity: 2, refill: 2, per: .seconds(1)), clock: clock,
            sweepInterval: .seconds(10))
        #expect(try limiter.allow(key: "a") && limiter.allow(key: "a"))
        #expect(try !limiter.allow(key: "a"))
        #expect(try limiter.allow(key: "b", cost: 2))
        clock.advance(by: .milliseconds(500))
        #expect(try limiter.allow(key: "a"), "one token earned in half a second")
        #expect(limiter.trackedKeyCount == 2)
        clock.advance(by: .seconds(10))
        #expect(try limiter.allow(key: "c"))
        #expect(limiter.trackedKeyCount == 1, "a and b were full again, so the sweep dropped them")
        #expect(throws: RateLimiterConfigurationError.emptyKey) { try limiter.allow(key: "") }
        #expect(throws: RateLimiterConfigurationError.costOutOfRange(cost: 3, limit: 2)) {
            try limiter.allow(key: "a", cost: 3)
        }
    }
}
