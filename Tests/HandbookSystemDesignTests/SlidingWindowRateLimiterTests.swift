import HandbookSystemDesign
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Sliding window rate limiters", .timeLimit(.minutes(1)))
struct SlidingWindowRateLimiterTests {
    typealias Window = SlidingWindowRateLimiter

    enum Algorithm: String, CaseIterable, Sendable {
        case fixedWindow, slidingLog, slidingCounter

        func state(limit: Int, window: Duration) throws -> any RateLimitAlgorithmState {
            switch self {
            case .fixedWindow: try Window.FixedWindow(limit: limit, window: window)
            case .slidingLog: try Window.Log(limit: limit, window: window)
            case .slidingCounter: try Window.Counter(limit: limit, window: window)
            }
        }

        func limiter(limit: Int, window: Duration, clock: ManualClock) throws -> any RateLimiter {
            switch self {
            case .fixedWindow:
                try KeyedRateLimiter(
                    template: Window.FixedWindow(limit: limit, window: window), clock: clock, sweepInterval: .seconds(1)
                )
            case .slidingLog:
                try KeyedRateLimiter(
                    template: Window.Log(limit: limit, window: window), clock: clock, sweepInterval: .seconds(1))
            case .slidingCounter:
                try KeyedRateLimiter(
                    template: Window.Counter(limit: limit, window: window), clock: clock, sweepInterval: .seconds(1))
            }
        }
    }

    @Test(
        "10 requests at t=0.9 s and 10 at t=1.1 s: fixed window admits all 20, the log 10, the counter 11",
        arguments: [(Algorithm.fixedWindow, 20), (.slidingLog, 10), (.slidingCounter, 11)])
    func boundaryBurst(algorithm: Algorithm, expectedAdmitted: Int) async throws {
        let clock = ManualClock()
        let limiter = try algorithm.limiter(limit: 10, window: .seconds(1), clock: clock)
        var admitted = 0
        clock.advance(by: .milliseconds(900))
        for _ in 0..<10 where try await limiter.acquire(key: "k").isAllowed { admitted += 1 }
        clock.advance(by: .milliseconds(200))
        for _ in 0..<10 where try await limiter.acquire(key: "k").isAllowed { admitted += 1 }
        #expect(admitted == expectedAdmitted)  // 20 within 0.2 s: the fixed window's 2× burst
    }

    @Test("the sliding log's retry-after is exactly when the oldest entry expires")
    func logRetryAfterIsExact() throws {
        var log = try Window.Log(limit: 10, window: .seconds(1))
        for _ in 0..<5 { _ = log.tryAcquire(at: .zero) }
        for _ in 0..<5 { _ = log.tryAcquire(at: .milliseconds(500)) }
        let denial = log.tryAcquire(at: .milliseconds(600))
        #expect(!denial.isAllowed && denial.retryAfter == .milliseconds(400))
        #expect(!log.tryAcquire(at: .milliseconds(999)).isAllowed)
        let atExpiry = (0..<6).map { _ in log.tryAcquire(at: .seconds(1)).isAllowed }
        #expect(atExpiry == [true, true, true, true, true, false])  // an entry exactly 1 s old has expired
    }

    @Test("the sliding counter weights the previous window by its remaining overlap")
    func counterWeightsPreviousWindow() throws {
        var counter = try Window.Counter(limit: 10, window: .seconds(1))
        _ = counter.tryAcquire(cost: 10, at: .zero)
        // At 1.25 s the previous 10 weigh 10 × 0.75 = 7.5, so 2 whole units fit.
        let first = counter.tryAcquire(cost: 2, at: .milliseconds(1_250))
        #expect(first.isAllowed && first.remaining == 0)
        let denial = counter.tryAcquire(at: .milliseconds(1_250))
        #expect(!denial.isAllowed)
        #expect(denial.retryAfter == .milliseconds(50))  // at 1.3 s: 10 × 0.7 + 2 + 1 = 10
        #expect(!counter.tryAcquire(at: .milliseconds(1_299)).isAllowed)
        #expect(counter.tryAcquire(at: .milliseconds(1_300)).isAllowed)
    }

    @Test("the log admits exactly what a brute-force count of the last window admits, never more than the limit")
    func logMatchesBruteForce() async {
        await propertyCheck(
            count: 200, input: Gen.int(in: 1...6), Gen.int(in: 1...20), Gen.int(in: 0...2_999).array(of: 1...60)
        ) { limit, windowMS, codes in
            do {
                var log = try Window.Log(limit: limit, window: .milliseconds(windowMS))
                var admitted: [Int] = []  // brute force: every admitted unit's time
                var now = 0
                var actual: [String] = []
                var expected: [String] = []  // one #expect per case: a failure shows the whole timeline
                var largestLog = 0
                for code in codes {
                    now += code % 10  // gaps of 0–9 ms against windows of 1–20 ms: both dense and sparse
                    let cost = (code / 10) % limit + 1
                    let inWindow = admitted.filter { $0 > now - windowMS }.count
                    let allowed = inWindow + cost <= limit
                    if allowed { admitted += Array(repeating: now, count: cost) }
                    expected.append("t=\(now) cost \(cost): \(allowed)")
                    actual.append(
                        "t=\(now) cost \(cost): \(log.tryAcquire(cost: cost, at: .milliseconds(now)).isAllowed)")
                    largestLog = max(largestLog, log.storedValueCount)
                }
                #expect(actual == expected, "limit \(limit) window \(windowMS) ms")
                #expect(largestLog <= limit)
                #expect(Self.busiestWindow(admitted, window: windowMS) <= limit)
            } catch {
                Issue.record("unexpected error \(error)")  // propertyCheck swallows thrown errors
            }
        }
    }

    /// The most admissions in any half-open window `(end − window, end]`, for sorted times.
    static func busiestWindow<T: Comparable & AdditiveArithmetic>(_ times: [T], window: T) -> Int {
        var start = 0
        var busiest = 0
        for (end, time) in times.enumerated() {
            while times[start] <= time - window { start += 1 }
            busiest = max(busiest, end - start + 1)
        }
        return busiest
    }

    @Test(
        "on steady traffic the counter stays within 10 % of the exact log, per window and in total",
        arguments: [60, 100, 250, 1_000])
    func counterApproximatesLog(requestsPerSecond: Int) throws {
        let limit = 50
        var log = try Window.Log(limit: limit, window: .seconds(1))
        var counter = try Window.Counter(limit: limit, window: .seconds(1))
        let spacing = Duration.seconds(1) / requestsPerSecond
        var logAdmitted: [Duration] = []
        var counterAdmitted: [Duration] = []
        for index in 0..<(requestsPerSecond * 10) {
            let now = spacing * index
            if log.tryAcquire(at: now).isAllowed { logAdmitted.append(now) }
            if counter.tryAcquire(at: now).isAllowed { counterAdmitted.append(now) }
        }
        let worstWindow = Self.busiestWindow(counterAdmitted, window: .seconds(1))
        #expect(worstWindow <= limit + limit / 10, "worst 1 s window \(worstWindow)")
        let difference = abs(counterAdmitted.count - logAdmitted.count)
        #expect(difference * 10 <= logAdmitted.count, "log \(logAdmitted.count), counter \(counterAdmitted.count)")
    }

    @Test("memory per key: the log stores one value per admitted unit, the counters a constant")
    func memoryPerKey() async throws {
        for limit in [10, 1_000] {
            let clock = ManualClock()
            let log = try KeyedRateLimiter(template: Window.Log(limit: limit, window: .seconds(60)), clock: clock)
            let counter = try KeyedRateLimiter(
                template: Window.Counter(limit: limit, window: .seconds(60)), clock: clock)
            let fixed = try KeyedRateLimiter(
                template: Window.FixedWindow(limit: limit, window: .seconds(60)), clock: clock)
            for _ in 0..<limit {
                _ = try await log.acquire(key: "k")
                _ = try await counter.acquire(key: "k")
                _ = try await fixed.acquire(key: "k")
            }
            #expect(await log.storedValueCount(forKey: "k") == limit)
            #expect(await counter.storedValueCount(forKey: "k") == 3)
            #expect(await fixed.storedValueCount(forKey: "k") == 2)
        }
    }

    @Test("a key idle for a full window is swept from every algorithm", arguments: Algorithm.allCases)
    func idleKeysAreSwept(algorithm: Algorithm) async throws {
        let clock = ManualClock()
        let limiter = try algorithm.limiter(limit: 5, window: .seconds(1), clock: clock)
        for user in 0..<100 { _ = try await limiter.acquire(key: "user-\(user)", cost: 5) }
        clock.advance(by: .seconds(2))  // counters need two windows: the previous one still weighs
        #expect(try await limiter.acquire(key: "user-1", cost: 5).isAllowed)
        let keyed = try #require(limiter as? any TrackedKeys)
        #expect(await keyed.trackedKeys == 1)
    }

    @Test(
        "a limit below 1 or a window that is not positive throws",
        arguments: Algorithm.allCases, [(0, Duration.seconds(1)), (-1, .seconds(1)), (5, .zero), (5, .seconds(-1))])
    func badConfigurationThrows(algorithm: Algorithm, configuration: (limit: Int, window: Duration)) {
        let expected: RateLimiterConfigurationError =
            configuration.limit < 1 ? .nonPositiveLimit(configuration.limit) : .nonPositiveWindow(configuration.window)
        #expect(throws: expected) { try algorithm.state(limit: configuration.limit, window: configuration.window) }
    }

    @Test(
        "every window algorithm passes the RateLimiter contract",
        arguments: Algorithm.allCases, RateLimiterContract.checks)
    func contract(algorithm: Algorithm, check: RateLimiterContract.Check) async throws {
        try await check.run { limit, window in
            let clock = ManualClock()
            return .init(
                limiter: try algorithm.limiter(limit: limit, window: window, clock: clock),
                advance: { clock.advance(by: $0) })
        }
    }
}

/// Lets the test read the key count through `any RateLimiter`.
private protocol TrackedKeys: Sendable {
    var trackedKeys: Int { get async }
}

extension KeyedRateLimiter: TrackedKeys {
    fileprivate var trackedKeys: Int { get async { trackedKeyCount } }
}
