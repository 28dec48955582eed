import HandbookPatterns
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Retry with backoff", .timeLimit(.minutes(1)))
struct RetryWithBackoffTests {
    /// A manual clock that also records every sleep it is asked for, so a
    /// test can say "no sleep was requested" or "it slept exactly d".
    ///
    /// With `jumpsToWakeUp`, a sleep moves time to its end at once instead of
    /// waiting for `advance(by:)`: a whole retry schedule plays out without
    /// the test driving it, and a wrong schedule fails instead of hanging.
    struct RecordingClock: Clock {
        let manual = ManualClock()
        let requestedSleeps = Locked<[Duration]>([])
        var jumpsToWakeUp = false

        var now: ManualClock.Instant { manual.now }
        var minimumResolution: Duration { .zero }

        func sleep(until deadline: ManualClock.Instant, tolerance: Duration?) async throws {
            requestedSleeps.withLock { $0.append(manual.now.duration(to: deadline)) }
            if jumpsToWakeUp {
                try Task.checkCancellation()
                manual.advance(by: max(.zero, manual.now.duration(to: deadline)))
            } else {
                try await manual.sleep(until: deadline, tolerance: tolerance)
            }
        }
    }

    enum GatewayError: Error, Equatable {
        case unavailable(attempt: Int)
        case declined
    }

    static let policy = try! RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(1))

    /// The delays the policy draws from `seed`, in order: the oracle for the
    /// sleeps the retrier must request.
    static func delays(_ policy: RetryPolicy, seed: UInt64, count: Int) -> [Duration] {
        var random = SeededRandomNumberGenerator(seed: seed)
        return (0..<count).map { policy.delay(forRetry: $0, using: &random) }
    }

    @Test(
        "invalid policies are thrown configuration errors",
        arguments: [
            (0, Duration.milliseconds(10), Duration.seconds(1), RetryPolicy.ConfigurationError.maxAttemptsBelowOne(0)),
            (3, .milliseconds(-1), .seconds(1), .negativeBaseDelay(.milliseconds(-1))),
            (3, .seconds(2), .seconds(1), .maxDelayBelowBaseDelay(baseDelay: .seconds(2), maxDelay: .seconds(1))),
        ])
    func invalidPolicyThrows(attempts: Int, base: Duration, cap: Duration, expected: RetryPolicy.ConfigurationError) {
        #expect(throws: expected) { try RetryPolicy(maxAttempts: attempts, baseDelay: base, maxDelay: cap) }
        #expect(!expected.description.isEmpty)
    }

    @Test("success on the first try: 1 attempt and no sleep requested")
    func firstTrySucceeds() async throws {
        let clock = RecordingClock()
        var random = SeededRandomNumberGenerator(seed: 1)
        let attempts = Locked(0)
        let value = try await Retrier(policy: Self.policy, clock: clock).run(using: &random) { attempt in
            attempts.withLock { $0 = attempt }
            return "charged"
        }
        #expect(value == "charged")
        #expect(attempts.withLock { $0 } == 1)
        #expect(clock.requestedSleeps.withLock { $0 }.isEmpty)
    }

    @Test("success on the 2nd attempt happens when the clock has advanced by exactly the computed delay")
    func secondAttemptAfterExactDelay() async throws {
        let seed: UInt64 = 7
        let expected = try #require(Self.delays(Self.policy, seed: seed, count: 1).first)
        try #require(expected > .zero)
        let clock = RecordingClock()
        let attempts = Locked(0)
        let call = Task {
            var random = SeededRandomNumberGenerator(seed: seed)
            return try await Retrier(policy: Self.policy, clock: clock).run(using: &random) {
                (attempt: Int) throws(GatewayError) -> Int in
                attempts.withLock { $0 = attempt }
                if attempt == 1 { throw .unavailable(attempt: 1) }
                return attempt
            }
        }
        await clock.manual.waitForSleepers(count: 1)
        clock.manual.advance(by: expected - .nanoseconds(1))
        #expect(clock.manual.sleeperCount == 1, "one nanosecond early: still backing off")
        #expect(attempts.withLock { $0 } == 1)
        clock.manual.advance(by: .nanoseconds(1))
        #expect(try await call.value == 2)
        #expect(clock.requestedSleeps.withLock { $0 } == [expected])
    }

    @Test("three failing attempts rethrow the last error, after exactly the policy's delays")
    func exhaustedAttemptsRethrowTheLastError() async throws {
        let seed: UInt64 = 42
        let clock = RecordingClock()
        let call = Task {
            var random = SeededRandomNumberGenerator(seed: seed)
            return try await Retrier(policy: Self.policy, clock: clock).run(using: &random) {
                (attempt: Int) throws(GatewayError) -> Int in
                throw .unavailable(attempt: attempt)
            }
        }
        for _ in 0..<2 {
            await clock.manual.waitForSleepers(count: 1)
            clock.manual.advance(by: Self.policy.maxDelay)
        }
        await #expect(throws: GatewayError.unavailable(attempt: 3)) { try await call.value }
        #expect(clock.requestedSleeps.withLock { $0 } == Self.delays(Self.policy, seed: seed, count: 2))
    }

    @Test("a non-retryable error gives up after 1 attempt, without sleeping")
    func nonRetryableErrorIsNotRetried() async {
        let clock = RecordingClock()
        var random = SeededRandomNumberGenerator(seed: 3)
        let attempts = Locked(0)
        let isTransient = { (error: GatewayError) in error != .declined }
        await #expect(throws: GatewayError.declined) {
            try await Retrier(policy: Self.policy, clock: clock).run(using: &random, retryIf: isTransient) {
                (_: Int) throws(GatewayError) -> Int in
                attempts.withLock { $0 += 1 }
                throw .declined
            }
        }
        #expect(attempts.withLock { $0 } == 1)
        #expect(clock.requestedSleeps.withLock { $0 }.isEmpty)
    }

    @Test("every delay d_i lies in [0, min(cap, base·2^i)], and a seed always gives the same sequence")
    func delaysStayWithinTheCappedCeiling() async {
        await propertyCheck(
            count: 200, input: Gen.int(in: 0...1_000_000), Gen.int(in: 1...500), Gen.int(in: 1...64),
            Gen.int(in: 0...80)
        ) { seed, baseMilliseconds, capFactor, retry in
            do {
                let base = Duration.milliseconds(baseMilliseconds)
                let cap = base * capFactor
                let policy = try RetryPolicy(maxAttempts: 100, baseDelay: base, maxDelay: cap)
                // base·2^retry computed in Double: exact enough, cannot overflow.
                let uncapped = Double(baseMilliseconds) * Double(sign: .plus, exponent: retry, significand: 1)
                let ceiling = uncapped >= Double(baseMilliseconds * capFactor) ? cap : .milliseconds(Int(uncapped))
                #expect(policy.backoffCeiling(forRetry: retry) == ceiling)
                var random = SeededRandomNumberGenerator(seed: UInt64(seed))
                var again = SeededRandomNumberGenerator(seed: UInt64(seed))
                let delay = policy.delay(forRetry: retry, using: &random)
                #expect(delay >= .zero && delay <= ceiling, "retry \(retry): \(delay) outside [0, \(ceiling)]")
                #expect(delay == policy.delay(forRetry: retry, using: &again))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test("cancelling during backoff throws CancellationError at once, and no further attempt starts")
    func cancellationDuringBackoffStops() async {
        let clock = RecordingClock()
        let attempts = Locked(0)
        let call = Task {
            var random = SeededRandomNumberGenerator(seed: 5)
            return try await Retrier(policy: Self.policy, clock: clock).run(using: &random) {
                (attempt: Int) throws(GatewayError) -> Int in
                attempts.withLock { $0 += 1 }
                throw .unavailable(attempt: attempt)
            }
        }
        await clock.manual.waitForSleepers(count: 1)
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        #expect(attempts.withLock { $0 } == 1)
        #expect(clock.manual.sleeperCount == 0)
        #expect(clock.now.offset == .zero, "no time had to pass")
    }

    @Test("no backoff is begun that would end at or past the deadline: the last error comes back instead")
    func deadlineStopsRetries() async throws {
        let seed: UInt64 = 11
        let policy = try RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        let delays = Self.delays(policy, seed: seed, count: 2)
        try #require(delays[1] > .zero)
        let clock = RecordingClock(jumpsToWakeUp: true)
        // Room for the first backoff but not the second.
        let deadline = clock.now.advanced(by: delays[0] + delays[1] / 2)
        let attempts = Locked<[ManualClock.Instant]>([])
        var random = SeededRandomNumberGenerator(seed: seed)
        await #expect(throws: GatewayError.unavailable(attempt: 2)) {
            try await Retrier(policy: policy, clock: clock).run(until: deadline, using: &random) {
                (attempt: Int) throws(GatewayError) -> Int in
                attempts.withLock { $0.append(clock.now) }
                throw .unavailable(attempt: attempt)
            }
        }
        #expect(attempts.withLock { $0 }.allSatisfy { $0 < deadline })
        #expect(attempts.withLock { $0 }.count == 2)
        #expect(clock.requestedSleeps.withLock { $0 } == [delays[0]], "the second backoff was never begun")

        // A deadline already passed: nothing runs at all.
        await #expect(throws: RetryWithBackoff.DeadlineExceededError.self) {
            try await Retrier(policy: policy, clock: clock).run(until: clock.now, using: &random) { _ in
                attempts.withLock { $0.append(clock.now) }
            }
        }
        #expect(attempts.withLock { $0 }.count == 2)
    }

    @Test("the Go seed's delay: jitter only adds 0–10 %, so clients stay bunched, and nothing caps it")
    func seedStyleDelayIsTheBug() {
        var random = SeededRandomNumberGenerator(seed: 9)
        let base = Duration.milliseconds(100)
        for retry in 0..<20 {
            let floor = base * (1 << retry)
            let delay = RetryWithBackoff.seedStyleDelay(baseDelay: base, retry: retry, using: &random)
            #expect(delay >= floor && delay < floor * 1.1, "never below base·2^i: no spreading")
        }
        // Twenty retries in: about 29 hours. The capped policy never exceeds its 1 s cap.
        #expect(RetryWithBackoff.seedStyleDelay(baseDelay: base, retry: 20, using: &random) > .seconds(100_000))
        #expect(Self.policy.backoffCeiling(forRetry: 20) == .seconds(1))
        #expect(Self.policy.backoffCeiling(forRetry: 1_000_000) == .seconds(1), "doubling stops at the cap")
    }
}
