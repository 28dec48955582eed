import HandbookSystemDesign
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Deadline retry orchestrator", .timeLimit(.minutes(1)))
struct DeadlineRetryOrchestratorTests {
    typealias Event = DeadlineRetry.Event

    struct Transient: Error, Equatable {
        let attempt: Int
    }

    struct Fatal: Error {}

    static func policy(
        maxAttempts: Int = 5, overall: Duration = .seconds(1), attempt: Duration = .milliseconds(100),
        backoff: Duration = .milliseconds(10), maxBackoff: Duration? = nil, jitter: DeadlineRetry.Jitter = .none
    ) throws -> DeadlineRetry.Policy {
        // No jitter unless a test asks: the timing tests read exact backoffs from the event log.
        try DeadlineRetry.Policy(
            maxAttempts: maxAttempts, overallTimeout: overall, attemptTimeout: attempt,
            initialBackoff: backoff, maxBackoff: maxBackoff, jitter: jitter)
    }

    /// Starts `run` in a task, forwarding every event to a log and to a
    /// stream the test waits on (events are the synchronisation points: no
    /// guessing when the orchestrator has reached its next sleep).
    static func start<T: Sendable>(
        _ orchestrator: DeadlineRetryOrchestrator<ManualClock>,
        isRetryable: @escaping @Sendable (any Error) -> Bool = { _ in true },
        _ operation: @escaping @Sendable (DeadlineRetry.Attempt) async throws -> T
    ) -> (task: Task<T, any Error>, log: EventLog<Event>, events: AsyncStream<Event>) {
        let log = EventLog<Event>()
        let (events, sink) = AsyncStream.makeStream(of: Event.self)
        let task = Task {
            defer { sink.finish() }
            return try await orchestrator.run(
                isRetryable: isRetryable,
                onEvent: { event in
                    log.append(event)
                    sink.yield(event)
                },
                operation)
        }
        return (task, log, events)
    }

    /// Consumes events up to and including `expected`; false if the stream ended first.
    @discardableResult
    static func waitFor(_ expected: Event, in iterator: inout AsyncStream<Event>.Iterator) async -> Bool {
        while let event = await iterator.next(isolation: #isolation) {
            if event == expected { return true }
        }
        Issue.record("the orchestrator finished without \(expected)")
        return false
    }

    /// An attempt that hangs on the clock until it is cancelled, recording the cancellation.
    static func hang(_ attempt: Int, clock: ManualClock, cancellations: EventLog<Int>) async throws {
        try await withTaskCancellationHandler {
            try await clock.sleep(for: .seconds(3600))
        } onCancel: {
            cancellations.append(attempt)
        }
    }

    static func startTimes(_ events: [Event]) -> [Duration] {
        events.compactMap { if case .attemptStarted(_, let elapsed) = $0 { elapsed } else { nil } }
    }

    @Test("a transient failure is retried after the backoff and the second attempt's value is returned")
    func succeedsOnTheSecondAttempt() async throws {
        let clock = ManualClock()
        let orchestrator = DeadlineRetryOrchestrator(policy: try Self.policy(), clock: clock)
        let (task, log, events) = Self.start(orchestrator) { attempt in
            if attempt.number == 1 { throw Transient(attempt: 1) }
            return "ok on attempt \(attempt.number)"
        }
        var iterator = events.makeAsyncIterator()
        await Self.waitFor(.backingOff(after: 1, delay: .milliseconds(10), elapsed: .zero), in: &iterator)
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .milliseconds(10))

        #expect(try await task.value == "ok on attempt 2")
        #expect(
            log.events == [
                .attemptStarted(1, elapsed: .zero), .attemptFailed(1, elapsed: .zero),
                .backingOff(after: 1, delay: .milliseconds(10), elapsed: .zero),
                .attemptStarted(2, elapsed: .milliseconds(10)), .succeeded(2, elapsed: .milliseconds(10)),
            ])
    }

    @Test("a 30 ms deadline with 20 ms backoff cuts the second attempt at 30 ms; nothing starts after it")
    func overallDeadlineCutsTheAttemptInFlight() async throws {
        let clock = ManualClock()
        let cancellations = EventLog<Int>()
        let policy = try Self.policy(overall: .milliseconds(30), attempt: .seconds(1), backoff: .milliseconds(20))
        let (task, log, events) = Self.start(DeadlineRetryOrchestrator(policy: policy, clock: clock)) { attempt in
            if attempt.number == 1 { throw Transient(attempt: 1) }
            try await Self.hang(attempt.number, clock: clock, cancellations: cancellations)
            return "never"
        }
        var iterator = events.makeAsyncIterator()
        await Self.waitFor(.backingOff(after: 1, delay: .milliseconds(20), elapsed: .zero), in: &iterator)
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .milliseconds(20))
        await Self.waitFor(.attemptStarted(2, elapsed: .milliseconds(20)), in: &iterator)
        await clock.waitForSleepers(count: 2)  // the attempt and its timer (clamped to the deadline)
        clock.advance(by: .milliseconds(9))
        #expect(clock.sleeperCount == 2, "at 29 ms the attempt is still allowed to run")
        clock.advance(by: .milliseconds(1))

        do {
            let value = try await task.value
            Issue.record("expected deadlineExceeded, got \(value)")
        } catch DeadlineRetry.OrchestrationError.deadlineExceeded(let lastError) {
            // The cut attempt had no error of its own: the last one is attempt 1's.
            #expect(lastError as? Transient == Transient(attempt: 1))
        }
        #expect(cancellations.events == [2])
        #expect(Self.startTimes(log.events) == [.zero, .milliseconds(20)])
        #expect(log.events.last == .gaveUp(.deadlineExceeded, elapsed: .milliseconds(30)))
        #expect(clock.sleeperCount == 0)
    }

    @Test("a backoff that would end past the deadline is not slept: the orchestrator gives up at once")
    func retryBudgetNeverExceedsTheRemainingTime() async throws {
        let clock = ManualClock()
        let policy = try Self.policy(overall: .milliseconds(30), backoff: .milliseconds(20))
        let (task, log, events) = Self.start(DeadlineRetryOrchestrator(policy: policy, clock: clock)) { attempt in
            throw Transient(attempt: attempt.number)
        }
        var iterator = events.makeAsyncIterator()
        await Self.waitFor(.backingOff(after: 1, delay: .milliseconds(20), elapsed: .zero), in: &iterator)
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .milliseconds(20))
        await Self.waitFor(.attemptFailed(2, elapsed: .milliseconds(20)), in: &iterator)

        // 20 ms + 20 ms of backoff ends at 40 ms, past the 30 ms deadline.
        let next = await iterator.next(isolation: #isolation)
        #expect(next == .gaveUp(.deadlineExceeded, elapsed: .milliseconds(20)))
        if next != .gaveUp(.deadlineExceeded, elapsed: .milliseconds(20)) { task.cancel() }
        await #expect(throws: DeadlineRetry.OrchestrationError.self) { try await task.value }
        #expect(Self.startTimes(log.events) == [.zero, .milliseconds(20)])
        #expect(clock.now.offset == .milliseconds(20))
    }

    @Test("a hung attempt is cut by its own timeout, cancelled, and the next attempt succeeds")
    func hungAttemptIsCutAndRetried() async throws {
        let clock = ManualClock()
        let cancellations = EventLog<Int>()
        let policy = try Self.policy(attempt: .milliseconds(50))
        let (task, log, events) = Self.start(DeadlineRetryOrchestrator(policy: policy, clock: clock)) { attempt in
            if attempt.number == 1 { try await Self.hang(1, clock: clock, cancellations: cancellations) }
            return attempt.number
        }
        var iterator = events.makeAsyncIterator()
        await Self.waitFor(.attemptStarted(1, elapsed: .zero), in: &iterator)
        await clock.waitForSleepers(count: 2)  // the hung attempt and its 50 ms timer
        clock.advance(by: .milliseconds(50))
        await Self.waitFor(.backingOff(after: 1, delay: .milliseconds(10), elapsed: .milliseconds(50)), in: &iterator)
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .milliseconds(10))

        #expect(try await task.value == 2)
        #expect(cancellations.events == [1])
        #expect(log.events.contains(.attemptTimedOut(1, elapsed: .milliseconds(50))))
        #expect(Self.startTimes(log.events) == [.zero, .milliseconds(60)])
    }

    @Test("cancelling the caller cancels the attempt in flight and starts no other")
    func cancellationReachesTheAttemptInFlight() async throws {
        let clock = ManualClock()
        let cancellations = EventLog<Int>()
        let (task, log, events) = Self.start(DeadlineRetryOrchestrator(policy: try Self.policy(), clock: clock)) {
            attempt in
            try await Self.hang(attempt.number, clock: clock, cancellations: cancellations)
        }
        var iterator = events.makeAsyncIterator()
        await Self.waitFor(.attemptStarted(1, elapsed: .zero), in: &iterator)
        await clock.waitForSleepers(count: 2)
        task.cancel()

        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(cancellations.events == [1])
        #expect(log.events == [.attemptStarted(1, elapsed: .zero)])
        #expect(clock.sleeperCount == 0)
    }

    @Test("cancelling during the backoff ends the sleep and starts no other attempt")
    func cancellationDuringBackoff() async throws {
        let clock = ManualClock()
        let (task, log, events) = Self.start(DeadlineRetryOrchestrator(policy: try Self.policy(), clock: clock)) {
            attempt in
            throw Transient(attempt: attempt.number)
        }
        var iterator = events.makeAsyncIterator()
        await Self.waitFor(.backingOff(after: 1, delay: .milliseconds(10), elapsed: .zero), in: &iterator)
        await clock.waitForSleepers(count: 1)
        task.cancel()

        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(Self.startTimes(log.events) == [.zero])
    }

    @Test("when every attempt fails, attemptsExhausted carries the count and the last error")
    func attemptsExhaustedReportsTheLastError() async throws {
        let clock = ManualClock()
        let policy = try Self.policy(maxAttempts: 3, backoff: .zero)
        let orchestrator = DeadlineRetryOrchestrator(policy: policy, clock: clock)
        do {
            let value: Int = try await orchestrator.run { attempt in throw Transient(attempt: attempt.number) }
            Issue.record("expected attemptsExhausted, got \(value)")
        } catch DeadlineRetry.OrchestrationError.attemptsExhausted(let attempts, let lastError) {
            #expect(attempts == 3)
            #expect(lastError as? Transient == Transient(attempt: 3))
        }
    }

    @Test("an error the caller marks non-retryable is rethrown after one attempt")
    func nonRetryableErrorsAreNotRetried() async throws {
        let clock = ManualClock()
        let orchestrator = DeadlineRetryOrchestrator(policy: try Self.policy(), clock: clock)
        let (task, log, _) = Self.start(
            orchestrator, isRetryable: { !($0 is Fatal) }, { _ -> Int in throw Fatal() })
        await #expect(throws: Fatal.self) { try await task.value }
        #expect(log.events == [.attemptStarted(1, elapsed: .zero)])
    }

    @Test(
        "a policy that cannot work is a thrown ConfigurationError naming the value",
        arguments: [
            (0, Duration.seconds(1), Duration.seconds(1), Duration.zero, Duration?.none, "maxAttempts"),
            (3, .zero, .seconds(1), .zero, nil, "overallTimeout"),
            (3, .seconds(1), .milliseconds(-1), .zero, nil, "attemptTimeout"),
            (3, .seconds(1), .seconds(1), .milliseconds(-5), nil, "initialBackoff"),
            (3, .seconds(1), .seconds(1), .milliseconds(50), .milliseconds(10), "maxBackoff"),
        ])
    func invalidPoliciesThrow(
        attempts: Int, overall: Duration, attempt: Duration, backoff: Duration, cap: Duration?, fragment: String
    ) {
        #expect {
            try DeadlineRetry.Policy(
                maxAttempts: attempts, overallTimeout: overall, attemptTimeout: attempt,
                initialBackoff: backoff, maxBackoff: cap)
        } throws: { error in
            (error as? DeadlineRetry.ConfigurationError)?.description.hasPrefix(fragment) == true
        }
    }

    @Test("the schedule's backoff doubles up to the cap and never overflows")
    func backoffDoublesUpToTheCap() throws {
        let policy = try Self.policy(backoff: .milliseconds(10), maxBackoff: .milliseconds(100))
        #expect((1...6).map(policy.backoff(afterAttempt:)) == [10, 20, 40, 80, 100, 100].map(Duration.milliseconds))
        #expect(policy.backoff(afterAttempt: 10_000) == .milliseconds(100))
    }

    @Test("the schedule clamps the last attempt's timeout to the deadline and refuses to start at it")
    func scheduleClampsToTheDeadline() throws {
        var schedule = DeadlineRetry.Schedule(
            policy: try Self.policy(overall: .milliseconds(30), attempt: .milliseconds(20)))
        #expect(
            schedule.beginAttempt(elapsed: .zero)
                == .attempt(.init(number: 1, timeout: .milliseconds(20), isLimitedByDeadline: false)))
        #expect(
            schedule.beginAttempt(elapsed: .milliseconds(25))
                == .attempt(.init(number: 2, timeout: .milliseconds(5), isLimitedByDeadline: true)))
        #expect(schedule.beginAttempt(elapsed: .milliseconds(30)) == .stop(.deadlineExceeded))
        #expect(schedule.attemptsStarted == 2)
    }

    @Test("no attempt starts, and no backoff is slept, with minimumAttemptTime or less left before the deadline")
    func minimumAttemptTimeIsRespected() throws {
        let policy = try DeadlineRetry.Policy(
            maxAttempts: 5, overallTimeout: .milliseconds(100), attemptTimeout: .milliseconds(50),
            initialBackoff: .milliseconds(10), minimumAttemptTime: .milliseconds(20), jitter: .none)
        var schedule = DeadlineRetry.Schedule(policy: policy)
        var random = SeededRandomNumberGenerator(seed: 1)
        #expect(
            schedule.beginAttempt(elapsed: .milliseconds(79))
                == .attempt(.init(number: 1, timeout: .milliseconds(21), isLimitedByDeadline: true)))
        #expect(schedule.beginAttempt(elapsed: .milliseconds(80)) == .stop(.deadlineExceeded), "20 ms left: refuse")
        #expect(schedule.beginAttempt(elapsed: .milliseconds(98)) == .stop(.deadlineExceeded), "the 2 ms case")
        // A 10 ms backoff at 69 ms would leave 21 ms: granted. At 70 ms it would leave 20: fail now, not in 10 ms.
        #expect(schedule.afterFailure(elapsed: .milliseconds(69), using: &random) == .backOff(.milliseconds(10)))
        #expect(schedule.afterFailure(elapsed: .milliseconds(70), using: &random) == .stop(.deadlineExceeded))
        #expect(schedule.attemptsStarted == 1)

        var lenient = DeadlineRetry.Schedule(policy: try Self.policy(overall: .milliseconds(100)))
        #expect(lenient.policy.minimumAttemptTime == .zero)
        #expect(lenient.beginAttempt(elapsed: .milliseconds(98)) != .stop(.deadlineExceeded), "by default 2 ms will do")
    }

    @Test(
        "a minimumAttemptTime that is negative or leaves no room for an attempt is a thrown ConfigurationError",
        arguments: [Duration.milliseconds(-1), .milliseconds(50), .milliseconds(80)])
    func invalidMinimumAttemptTimeThrows(minimum: Duration) {
        #expect {
            try DeadlineRetry.Policy(
                maxAttempts: 3, overallTimeout: .milliseconds(80), attemptTimeout: .milliseconds(50),
                initialBackoff: .zero, minimumAttemptTime: minimum)
        } throws: { error in
            (error as? DeadlineRetry.ConfigurationError)?.description.hasPrefix("minimumAttemptTime") == true
        }
    }

    @Test("full jitter draws each backoff uniformly from 0...ceiling; the default policy jitters")
    func fullJitterSpreadsBackoffsBelowTheCeiling() throws {
        let policy = try DeadlineRetry.Policy(
            maxAttempts: 5, overallTimeout: .seconds(10), attemptTimeout: .seconds(1),
            initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(100))
        #expect(policy.jitter == .full)
        var schedule = DeadlineRetry.Schedule(policy: policy)
        for _ in 0..<3 { _ = schedule.beginAttempt(elapsed: .zero) }  // the ceiling after attempt 3 is 40 ms
        var random = SeededRandomNumberGenerator(seed: 42)
        var delays: [Duration] = []
        for _ in 0..<1_000 {
            guard case .backOff(let delay) = schedule.afterFailure(elapsed: .zero, using: &random) else {
                Issue.record("expected a backoff")
                return
            }
            delays.append(delay)
        }
        #expect(delays.allSatisfy { $0 >= .zero && $0 <= .milliseconds(40) })
        #expect(Set(delays).count > 990, "drawn to the nanosecond: practically no two clients collide")
        #expect(delays.min()! < .milliseconds(2) && delays.max()! > .milliseconds(38), "the whole window is used")
        let mean = delays.reduce(Duration.zero, +) / delays.count
        #expect(mean > .milliseconds(17) && mean < .milliseconds(23), "uniform: the mean is half the ceiling")
    }

    @Test("100 clients that failed at the same instant: one retry instant without jitter, 100 with full jitter")
    func jitterDesynchronisesAThunderingHerd() throws {
        func retryInstants(_ jitter: DeadlineRetry.Jitter) throws -> Set<Duration> {
            let policy = try Self.policy(backoff: .milliseconds(20), jitter: jitter)
            var random = SeededRandomNumberGenerator(seed: 7)
            var instants: Set<Duration> = []
            for _ in 0..<100 {
                var client = DeadlineRetry.Schedule(policy: policy)
                _ = client.beginAttempt(elapsed: .zero)
                if case .backOff(let delay) = client.afterFailure(elapsed: .milliseconds(5), using: &random) {
                    instants.insert(.milliseconds(5) + delay)
                }
            }
            return instants
        }
        #expect(try retryInstants(.none) == [.milliseconds(25)], "the whole herd comes back at once")
        #expect(try retryInstants(.full).count == 100)
    }

    @Test("the orchestrator sleeps the jittered backoff that a generator with the same seed draws")
    func orchestratorUsesTheSeededJitter() async throws {
        let clock = ManualClock()
        let policy = try Self.policy(maxAttempts: 2, backoff: .milliseconds(40), jitter: .full)
        var expected = SeededRandomNumberGenerator(seed: 3)
        var schedule = DeadlineRetry.Schedule(policy: policy)
        _ = schedule.beginAttempt(elapsed: .zero)
        guard case .backOff(let delay) = schedule.afterFailure(elapsed: .zero, using: &expected) else {
            Issue.record("expected a backoff")
            return
        }
        let orchestrator = DeadlineRetryOrchestrator(policy: policy, clock: clock)
        let (events, sink) = AsyncStream.makeStream(of: Event.self)
        let task = Task {
            defer { sink.finish() }
            var random = SeededRandomNumberGenerator(seed: 3)
            return try await orchestrator.run(using: &random, onEvent: { sink.yield($0) }) { attempt in
                if attempt.number == 1 { throw Transient(attempt: 1) }
                return attempt.number
            }
        }
        var iterator = events.makeAsyncIterator()
        #expect(await Self.waitFor(.backingOff(after: 1, delay: delay, elapsed: .zero), in: &iterator))
        clock.advance(by: delay)
        #expect(try await task.value == 2)
    }

    @Test("for random policies and attempt durations, every attempt and backoff starts and ends within the deadline")
    func noAttemptStartsAfterTheDeadline() async {
        await propertyCheck(
            count: 200, input: Gen.int(in: 1...8), Gen.int(in: 1...200), Gen.int(in: 1...100), Gen.int(in: 0...60),
            Gen.int(in: 0...100), Gen.int(in: 0...150).array(of: 8), Gen.int(in: 0...1_000)
        ) { maxAttempts, overall, attemptTimeout, backoff, extraCap, durations, seed in
            do {
                let policy = try DeadlineRetry.Policy(
                    maxAttempts: maxAttempts, overallTimeout: .milliseconds(overall),
                    attemptTimeout: .milliseconds(attemptTimeout), initialBackoff: .milliseconds(backoff),
                    maxBackoff: .milliseconds(backoff + extraCap), jitter: seed.isMultiple(of: 2) ? .full : .none)
                var schedule = DeadlineRetry.Schedule(policy: policy)
                var random = SeededRandomNumberGenerator(seed: UInt64(seed))
                var elapsed = Duration.zero
                var starts: [Duration] = []
                simulation: while case .attempt(let attempt) = schedule.beginAttempt(elapsed: elapsed) {
                    starts.append(elapsed)
                    #expect(elapsed + attempt.timeout <= policy.overallTimeout, "an attempt outlives the deadline")
                    // Every attempt fails, after its duration or when its timeout cuts it.
                    let duration = Duration.milliseconds(durations[starts.count - 1])
                    elapsed += min(duration, attempt.timeout)
                    switch schedule.afterFailure(elapsed: elapsed, using: &random) {
                    case .backOff(let delay):
                        #expect(elapsed + delay < policy.overallTimeout, "a backoff ends after the deadline")
                        elapsed += delay
                    case .stop, .attempt:
                        break simulation
                    }
                }
                #expect(starts.allSatisfy { $0 < policy.overallTimeout })
                #expect(!starts.isEmpty && starts.count <= maxAttempts)
            } catch {
                Issue.record("unexpected error: \(error)")
            }
        }
    }
}
