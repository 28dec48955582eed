import HandbookPatterns
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Circuit breaker", .timeLimit(.minutes(1)))
struct CircuitBreakerTests {
    typealias Breaker = CircuitBreaker<ManualClock>
    typealias Machine = Breaker.StateMachine

    struct DependencyDown: Error, Equatable {}
    struct BadRequest: Error {}

    /// Counts how often the protected operation really ran.
    final class CallCounter: Sendable {
        private let count = Locked(0)
        var value: Int { count.withLock { $0 } }

        func succeed() -> String {
            count.withLock { $0 += 1 }
            return "ok"
        }

        func fail() throws -> String {
            count.withLock { $0 += 1 }
            throw DependencyDown()
        }
    }

    static let resetTimeout = Duration.seconds(30)

    static func makeBreaker(threshold: Int = 2, clock: ManualClock) throws -> Breaker {
        try Breaker(failureThreshold: threshold, resetTimeout: resetTimeout, clock: clock)
    }

    /// Drives a fresh breaker to `.open` with `threshold` failures.
    static func trip(_ breaker: Breaker, counter: CallCounter, threshold: Int = 2) async {
        for _ in 0..<threshold {
            await #expect(throws: DependencyDown.self) { try await breaker.run { try counter.fail() } }
        }
    }

    @Test(
        "a threshold below 1 or a timeout that is not positive is a thrown configuration error",
        arguments: [
            (0, Duration.seconds(1), CircuitBreakerConfiguration.ConfigurationError.failureThresholdBelowOne(0)),
            (-3, .seconds(1), .failureThresholdBelowOne(-3)),
            (1, .zero, .resetTimeoutNotPositive(.zero)),
            (1, .milliseconds(-5), .resetTimeoutNotPositive(.milliseconds(-5))),
        ])
    func invalidConfigurationThrows(
        threshold: Int, timeout: Duration, expected: CircuitBreakerConfiguration.ConfigurationError
    ) throws {
        #expect(throws: expected) {
            try CircuitBreakerConfiguration(failureThreshold: threshold, resetTimeout: timeout)
        }
        #expect(throws: expected) {
            try Breaker(failureThreshold: threshold, resetTimeout: timeout, clock: ManualClock())
        }
        #expect(expected.description.contains(threshold < 1 ? "failureThreshold" : "resetTimeout"))
    }

    @Test("the pure machine: the threshold-th consecutive failure opens it; a success in between resets the count")
    func machineCountsConsecutiveFailures() throws {
        let t0 = ManualClock.Instant(offset: .zero)
        var machine = Machine(try CircuitBreakerConfiguration(failureThreshold: 3, resetTimeout: .seconds(10)))
        let call = Breaker.Permit.call(generation: 0)
        #expect(machine.admit(at: t0) == .allowed(call))
        machine.onFailure(call, at: t0)
        machine.onFailure(call, at: t0)
        #expect(machine.state == .closed(failures: 2))
        machine.onSuccess(call)
        #expect(machine.state == .closed(failures: 0))
        #expect(machine.generation == 0, "counting failures does not start a new generation")
        for _ in 0..<3 { machine.onFailure(call, at: t0.advanced(by: .seconds(1))) }
        #expect(machine.state == .open(until: t0.advanced(by: .seconds(11))))
        #expect(machine.admit(at: t0.advanced(by: .seconds(4))) == .rejected(.open(retryAfter: .seconds(7))))
    }

    @Test("the pure machine: an expired open admits one probe, rejects the next, ignores stale results")
    func machineAdmitsOneProbe() throws {
        let t0 = ManualClock.Instant(offset: .zero)
        var machine = Machine(try CircuitBreakerConfiguration(failureThreshold: 1, resetTimeout: .seconds(10)))
        let slowCall = Breaker.Permit.call(generation: 0)
        machine.onFailure(.call(generation: 0), at: t0)
        let later = t0.advanced(by: .seconds(10))
        let probe = try #require(machine.admit(at: later).permit)
        #expect(probe == .probe(generation: 2))
        #expect(machine.state == .halfOpen(probeStartedAt: later))
        #expect(machine.admit(at: later) == .rejected(.halfOpenProbeInFlight))
        // A slow call admitted long ago must not decide the probe's verdict.
        machine.onSuccess(slowCall)
        machine.onFailure(slowCall, at: later)
        #expect(machine.state == .halfOpen(probeStartedAt: later))
        // A probe without a verdict (cancelled) hands the slot to the next caller.
        machine.onIgnored(probe)
        #expect(machine.state == .halfOpen(probeStartedAt: nil))
        let nextProbe = try #require(machine.admit(at: later).permit)
        machine.onSuccess(nextProbe)
        #expect(machine.state == .closed(failures: 0))
    }

    @Test(
        "the pure machine: a probe older than probeTimeout is abandoned, the next caller probes, the old one is ignored"
    )
    func machineReplacesAnAbandonedProbe() throws {
        let t0 = ManualClock.Instant(offset: .zero)
        var machine = Machine(
            try CircuitBreakerConfiguration(failureThreshold: 1, resetTimeout: .seconds(10), probeTimeout: .seconds(5)))
        machine.onFailure(.call(generation: 0), at: t0)
        let probeStart = t0.advanced(by: .seconds(10))
        let hungProbe = try #require(machine.admit(at: probeStart).permit)
        #expect(machine.admit(at: probeStart.advanced(by: .milliseconds(4_999))) == .rejected(.halfOpenProbeInFlight))

        let replacedAt = probeStart.advanced(by: .seconds(5))
        let newProbe = try #require(machine.admit(at: replacedAt).permit)
        #expect(newProbe != hungProbe)
        #expect(machine.state == .halfOpen(probeStartedAt: replacedAt))
        #expect(machine.admit(at: replacedAt) == .rejected(.halfOpenProbeInFlight))
        // The hung probe finally fails: too late, it no longer speaks for the dependency.
        machine.onFailure(hungProbe, at: replacedAt)
        machine.onIgnored(hungProbe)
        #expect(machine.state == .halfOpen(probeStartedAt: replacedAt))
        machine.onSuccess(newProbe)
        #expect(machine.state == .closed(failures: 0))
    }

    @Test("the pure machine: failures of calls admitted before the breaker opened do not count after it closes again")
    func machineIgnoresOutcomesFromAnEarlierClosedPeriod() throws {
        let t0 = ManualClock.Instant(offset: .zero)
        var machine = Machine(try CircuitBreakerConfiguration(failureThreshold: 2, resetTimeout: .seconds(10)))
        // Three calls are admitted; two fail and open the breaker, the third is still running.
        let calls = (0..<3).compactMap { _ in machine.admit(at: t0).permit }
        machine.onFailure(calls[0], at: t0)
        machine.onFailure(calls[1], at: t0)
        let probeAt = t0.advanced(by: .seconds(10))
        machine.onSuccess(try #require(machine.admit(at: probeAt).permit))
        #expect(machine.state == .closed(failures: 0))
        // The third call times out now. It says nothing about the recovered dependency.
        machine.onFailure(calls[2], at: probeAt)
        #expect(machine.state == .closed(failures: 0))
        let fresh = try #require(machine.admit(at: probeAt).permit)
        #expect(fresh.generation == machine.generation && fresh.generation != calls[2].generation)
        machine.onFailure(fresh, at: probeAt)
        #expect(machine.state == .closed(failures: 1), "a call of the current period still counts")
    }

    @Test("probeTimeout defaults to resetTimeout, and one that is not positive is a thrown configuration error")
    func probeTimeoutConfiguration() throws {
        #expect(
            try CircuitBreakerConfiguration(failureThreshold: 1, resetTimeout: .seconds(7)).probeTimeout == .seconds(7))
        #expect(throws: CircuitBreakerConfiguration.ConfigurationError.probeTimeoutNotPositive(.zero)) {
            try CircuitBreakerConfiguration(failureThreshold: 1, resetTimeout: .seconds(1), probeTimeout: .zero)
        }
        #expect(
            CircuitBreakerConfiguration.ConfigurationError.probeTimeoutNotPositive(.seconds(-1)).description
                .contains("probeTimeout"))
    }

    @Test("a probe that never returns is abandoned after probeTimeout: the next call probes and closes the breaker")
    func hungProbeIsReplaced() async throws {
        let clock = ManualClock()
        let breaker = try Self.makeBreaker(clock: clock)
        let counter = CallCounter()
        await Self.trip(breaker, counter: counter)
        clock.advance(by: Self.resetTimeout)
        let probeStarted = Gate()
        let releaseHungProbe = Gate()
        let hung = Task {
            try await breaker.run { () async throws -> String in
                probeStarted.open()
                await releaseHungProbe.wait()
                throw DependencyDown()
            }
        }
        await probeStarted.wait()
        await #expect(throws: CircuitBreakerError.halfOpenProbeInFlight) { try await breaker.run { counter.succeed() } }

        clock.advance(by: Self.resetTimeout)  // probeTimeout defaults to resetTimeout
        #expect(try await breaker.run { counter.succeed() } == "ok")
        #expect(await breaker.state == .closed(failures: 0))
        releaseHungProbe.open()
        await #expect(throws: DependencyDown.self) { try await hung.value }
        #expect(await breaker.state == .closed(failures: 0), "the abandoned probe's failure is stale")
    }

    @Test("after threshold failures it opens, and calls fail fast without invoking the operation")
    func openFailsFastWithoutCalling() async throws {
        let clock = ManualClock()
        let breaker = try Self.makeBreaker(clock: clock)
        let counter = CallCounter()
        await Self.trip(breaker, counter: counter)
        #expect(await breaker.state == .open(until: clock.now.advanced(by: Self.resetTimeout)))
        #expect(counter.value == 2)

        clock.advance(by: .seconds(10))
        for _ in 0..<5 {
            await #expect(throws: CircuitBreakerError.open(retryAfter: .seconds(20))) {
                try await breaker.run { counter.succeed() }
            }
        }
        #expect(counter.value == 2, "an open breaker must not call the dependency")
    }

    @Test("after resetTimeout + 1 ms one call is allowed, and its success closes the breaker with failures reset")
    func probeSuccessCloses() async throws {
        let clock = ManualClock()
        let breaker = try Self.makeBreaker(clock: clock)
        let counter = CallCounter()
        await Self.trip(breaker, counter: counter)
        clock.advance(by: Self.resetTimeout + .milliseconds(1))
        #expect(try await breaker.run { counter.succeed() } == "ok")
        #expect(counter.value == 3)
        #expect(await breaker.state == .closed(failures: 0))
        // Closed again: one failure is not enough to reopen a threshold-2 breaker.
        await #expect(throws: DependencyDown.self) { try await breaker.run { try counter.fail() } }
        #expect(await breaker.state == .closed(failures: 1))
    }

    @Test("a failure in half-open reopens the breaker with a fresh timer")
    func probeFailureReopens() async throws {
        let clock = ManualClock()
        let breaker = try Self.makeBreaker(clock: clock)
        let counter = CallCounter()
        await Self.trip(breaker, counter: counter)
        clock.advance(by: Self.resetTimeout + .milliseconds(1))
        await #expect(throws: DependencyDown.self) { try await breaker.run { try counter.fail() } }
        let reopenedAt = clock.now
        #expect(await breaker.state == .open(until: reopenedAt.advanced(by: Self.resetTimeout)))

        clock.advance(by: Self.resetTimeout - .milliseconds(1))
        await #expect(throws: CircuitBreakerError.open(retryAfter: .milliseconds(1))) {
            try await breaker.run { counter.succeed() }
        }
        #expect(counter.value == 3)
        clock.advance(by: .milliseconds(1))
        #expect(try await breaker.run { counter.succeed() } == "ok")
    }

    @Test("while one half-open probe is in flight, 10 concurrent calls are rejected and exactly 1 probe runs")
    func exactlyOneProbe() async throws {
        let clock = ManualClock()
        let breaker = try Self.makeBreaker(clock: clock)
        let counter = CallCounter()
        await Self.trip(breaker, counter: counter)
        clock.advance(by: Self.resetTimeout + .milliseconds(1))

        let probes = Locked(0)
        let probeStarted = Gate()
        let releaseProbe = Gate()
        let probe = Task {
            try await breaker.run {
                probes.withLock { $0 += 1 }
                probeStarted.open()
                await releaseProbe.wait()
                return "probe"
            }
        }
        await probeStarted.wait()
        #expect(await breaker.state == .halfOpen(probeStartedAt: clock.now))

        let rejections = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    do {
                        _ = try await breaker.run {
                            probes.withLock { $0 += 1 }
                            return "extra"
                        }
                        return false
                    } catch {
                        return error as? CircuitBreakerError == .halfOpenProbeInFlight
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(rejections == 10)
        #expect(probes.withLock { $0 } == 1, "the Go seed lets all 11 through")

        releaseProbe.open()
        #expect(try await probe.value == "probe")
        #expect(await breaker.state == .closed(failures: 0))
    }

    @Test("a success in closed resets the failure count, so failures must be consecutive to open")
    func successResetsCount() async throws {
        let clock = ManualClock()
        let breaker = try Self.makeBreaker(threshold: 3, clock: clock)
        let counter = CallCounter()
        for _ in 0..<4 {
            await #expect(throws: DependencyDown.self) { try await breaker.run { try counter.fail() } }
            await #expect(throws: DependencyDown.self) { try await breaker.run { try counter.fail() } }
            #expect(await breaker.state == .closed(failures: 2))
            _ = try await breaker.run { counter.succeed() }
            #expect(await breaker.state == .closed(failures: 0))
        }
        #expect(counter.value == 12, "8 failures, never 3 in a row: the breaker never opened")
    }

    @Test("errors the predicate does not count (bad requests, cancellation) neither open it nor block the probe")
    func predicateDecidesWhatCounts() async throws {
        let clock = ManualClock()
        let configuration = try CircuitBreakerConfiguration(
            failureThreshold: 1, resetTimeout: Self.resetTimeout,
            isFailure: { !($0 is BadRequest) && !($0 is CancellationError) })
        let breaker = Breaker(configuration, clock: clock)
        for _ in 0..<5 {
            await #expect(throws: BadRequest.self) { try await breaker.run { () throws -> Int in throw BadRequest() } }
        }
        #expect(await breaker.state == .closed(failures: 0))

        await #expect(throws: DependencyDown.self) {
            try await breaker.run { () throws -> Int in throw DependencyDown() }
        }
        clock.advance(by: Self.resetTimeout)
        // The probe is cancelled: no verdict, so the slot goes to the next caller.
        await #expect(throws: CancellationError.self) {
            try await breaker.run { () throws -> Int in throw CancellationError() }
        }
        #expect(await breaker.state == .halfOpen(probeStartedAt: nil))
        #expect(try await breaker.run { 42 } == 42)
        #expect(await breaker.state == .closed(failures: 0))
    }
}

extension CircuitBreaker.Admission {
    /// The permit of an allowed call, `nil` for a rejection.
    fileprivate var permit: CircuitBreaker.Permit? {
        if case .allowed(let permit) = self { return permit }
        return nil
    }
}

// MARK: - Failure-rate and slow-call rules (review L15)

extension CircuitBreakerTests {
    static func rateMachine(
        window: Int = 10, minimumCalls: Int = 10, rate: Double = 0.5, slow: Duration? = nil, slowRate: Double = 1
    ) throws -> Machine {
        Machine(
            try CircuitBreakerConfiguration(
                failureThreshold: 1_000, resetTimeout: resetTimeout,
                failureRate: try FailureRatePolicy(
                    windowSize: window, minimumCalls: minimumCalls, failureRateThreshold: rate,
                    slowCallDuration: slow, slowCallRateThreshold: slowRate)))
    }

    /// Feeds outcomes to a closed machine; returns the index of the call that opened it, if any.
    static func feed(_ machine: inout Machine, _ failed: [Bool], clock: ManualClock) -> Int? {
        for (index, fails) in failed.enumerated() {
            guard let permit = machine.admit(at: clock.now).permit else { return nil }
            if fails {
                machine.onFailure(permit, duration: .zero, at: clock.now)
            } else {
                machine.onSuccess(permit, duration: .zero, at: clock.now)
            }
            if case .open = machine.state { return index }
        }
        return nil
    }

    @Test("a dependency failing every other call never trips a consecutive-only breaker; a 50 % rate rule opens it")
    func halfOfCallsFailingTripsOnlyTheRateRule() async throws {
        let clock = ManualClock()
        let alternating = (0..<100).map { $0.isMultiple(of: 2) }
        var consecutiveOnly = Machine(
            try CircuitBreakerConfiguration(failureThreshold: 5, resetTimeout: Self.resetTimeout))
        #expect(
            Self.feed(&consecutiveOnly, alternating, clock: clock) == nil, "50 % errors for 100 calls, still closed")
        var rated = try Self.rateMachine()
        #expect(Self.feed(&rated, alternating, clock: clock) == 9, "opens at the 10th call: 5 of 10 failed")
        #expect(rated.state == .open(until: clock.now.advanced(by: Self.resetTimeout)))
    }

    @Test("no verdict before minimumCalls: 4 failures out of 4 calls at startup do not open the breaker")
    func minimumCallsGateTheVerdict() throws {
        let clock = ManualClock()
        var machine = try Self.rateMachine(window: 10, minimumCalls: 5)
        #expect(Self.feed(&machine, [true, true, true, true], clock: clock) == nil)
        #expect(machine.window.failures == 4)
        #expect(Self.feed(&machine, [true], clock: clock) == 0, "the 5th call is the first verdict")
    }

    @Test("the window slides: for random outcome streams the machine opens exactly when the last-N oracle says so")
    func rateRuleMatchesASlidingWindowOracle() async {
        await propertyCheck(
            count: 200, input: Gen.int(in: 1...12), Gen.int(in: 1...12), Gen.int(in: 1...4), Gen.bool.array(of: 0...60)
        ) { windowSize, minimum, quarter, outcomes in
            let minimumCalls = min(minimum, windowSize)
            let rate = Double(quarter) / 4
            guard var machine = try? Self.rateMachine(window: windowSize, minimumCalls: minimumCalls, rate: rate)
            else {
                Issue.record("valid policy rejected")
                return
            }
            let opened = Self.feed(&machine, outcomes, clock: ManualClock())
            // Oracle: the first prefix whose last `windowSize` outcomes reach the rate with enough calls.
            let expected = outcomes.indices.first { end in
                let recent = outcomes[max(0, end - windowSize + 1)...end]
                return recent.count >= minimumCalls
                    && Double(recent.filter { $0 }.count) >= rate * Double(recent.count)
            }
            #expect(opened == expected, "window \(windowSize), minimum \(minimumCalls), rate \(rate)")
        }
    }

    @Test("calls that succeed slowly open the breaker by the slow-call rate; fast successes do not")
    func slowSuccessesTripTheSlowCallRule() async throws {
        let clock = ManualClock()
        let configuration = try CircuitBreakerConfiguration(
            failureThreshold: 1_000, resetTimeout: Self.resetTimeout,
            failureRate: try FailureRatePolicy(
                windowSize: 4, minimumCalls: 4, failureRateThreshold: 1, slowCallDuration: .seconds(1),
                slowCallRateThreshold: 0.75))
        let breaker = Breaker(configuration, clock: clock)
        for _ in 0..<4 { #expect(try await breaker.run { "fast" } == "fast") }
        #expect(await breaker.state == .closed(failures: 0))
        for call in 0..<3 {
            let answer = try await breaker.run { () -> String in
                clock.advance(by: .seconds(2))  // the dependency answers, after 2 s
                return "slow"
            }
            #expect(answer == "slow")
            if call < 2 { #expect(await breaker.state == .closed(failures: 0)) }
        }
        #expect(
            await breaker.state == .open(until: clock.now.advanced(by: Self.resetTimeout)), "3 of the last 4 were slow")
    }

    @Test("a recovered dependency starts with an empty window: the failures that opened the breaker are forgotten")
    func closingAgainEmptiesTheWindow() throws {
        let clock = ManualClock()
        var machine = try Self.rateMachine(window: 4, minimumCalls: 2, rate: 0.5)
        #expect(Self.feed(&machine, [false, true], clock: clock) == 1)
        clock.advance(by: Self.resetTimeout)
        let probe = try #require(machine.admit(at: clock.now).permit)
        machine.onSuccess(probe, duration: .zero, at: clock.now)
        #expect(machine.state == .closed(failures: 0))
        #expect(machine.window.count == 0)
        #expect(Self.feed(&machine, [false, false, true], clock: clock) == nil, "1 of 3 since recovery: below 50 %")
    }

    @Test(
        "rate policies that could never judge are a thrown ConfigurationError",
        arguments: [
            (0, 1, 0.5, CircuitBreakerConfiguration.ConfigurationError.windowSizeBelowOne(0)),
            (10, 0, 0.5, .minimumCallsOutOfRange(minimumCalls: 0, windowSize: 10)),
            (10, 11, 0.5, .minimumCallsOutOfRange(minimumCalls: 11, windowSize: 10)),
            (10, 5, 0, .rateOutOfRange(0)),
            (10, 5, 1.5, .rateOutOfRange(1.5)),
        ])
    func invalidRatePoliciesThrow(
        window: Int, minimumCalls: Int, rate: Double, expected: CircuitBreakerConfiguration.ConfigurationError
    ) {
        #expect(throws: expected) {
            try FailureRatePolicy(windowSize: window, minimumCalls: minimumCalls, failureRateThreshold: rate)
        }
    }
}
