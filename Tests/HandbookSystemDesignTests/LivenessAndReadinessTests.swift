import HandbookSystemDesign
import HandbookTestSupport
import Testing

@Suite("Liveness and readiness", .timeLimit(.minutes(1)))
struct LivenessAndReadinessTests {
    static func model(
        clock: ManualClock = ManualClock(), failureThreshold: Int = 3, successThreshold: Int = 2
    ) throws -> HealthModel<ManualClock> {
        try HealthModel(
            clock: clock, dependencies: ["cache", "database"], failureThreshold: failureThreshold,
            successThreshold: successThreshold, heartbeatTimeout: .seconds(5))
    }

    @Test("startup: live at once, but neither started nor ready until warm-up finishes")
    func notReadyUntilWarmedUp() throws {
        var health = try Self.model()
        #expect(health.liveness == .pass)
        #expect(health.startup == .fail(reason: "warming up"))
        #expect(health.readiness == .fail(reason: "warming up"))
        health.finishWarmUp()
        #expect(health.startup == .pass)
        #expect(health.readiness == .pass)
    }

    @Test("a dependency outage makes the instance unready but still live, and it comes back")
    func dependencyOutageIsUnreadyButLive() throws {
        var health = try Self.model()
        health.finishWarmUp()
        for _ in 1...3 { health.record("database", healthy: false) }
        #expect(!health.isUp("database"))
        #expect(health.readiness == .fail(reason: "database is down"))
        #expect(health.liveness == .pass)
        #expect(health.startup == .pass)
        for _ in 1...2 { health.record("database", healthy: true) }
        #expect(health.readiness == .pass)
    }

    @Test("a shared database outage fails the naive liveness probe on every instance at once: a restart storm")
    func databaseInLivenessRestartsTheFleet() throws {
        let clock = ManualClock()
        var fleet = try (1...3).map { _ in try Self.model(clock: clock) }
        for index in fleet.indices {
            fleet[index].finishWarmUp()
            for _ in 1...3 { fleet[index].record("database", healthy: false) }
        }
        // Every instance would be restarted, and a restart cannot fix the database.
        #expect(fleet.allSatisfy { $0.naiveLivenessIncludingDependencies == .fail(reason: "database is down") })
        // The heartbeat-based probe keeps them all running.
        #expect(fleet.allSatisfy { $0.liveness == .pass })
        // Readiness takes every one of them out of rotation together: the shared-dependency pitfall.
        #expect(fleet.allSatisfy { !$0.readiness.passed })
    }

    @Test("hysteresis: 3 consecutive failures to go unready, 2 consecutive successes to come back")
    func thresholdsPreventFlapping() throws {
        var health = try Self.model()
        health.finishWarmUp()
        let checks: [(healthy: Bool, readyAfter: Bool)] = [
            (false, true), (false, true),  // two failures: a blip
            (true, true),  // a success resets the streak
            (false, true), (false, true), (false, false),  // the third in a row: down
            (true, false),  // one success is not enough
            (false, false),  // and a failure resets the successes
            (true, false), (true, true),  // two in a row: up
        ]
        for (index, check) in checks.enumerated() {
            health.record("database", healthy: check.healthy)
            #expect(health.readiness.passed == check.readyAfter, "after check \(index)")
        }
    }

    /// The thresholds restated over the whole history: flip down when the
    /// last `failures` checks all failed, up when the last `successes` all
    /// succeeded.
    static func oracle(_ history: [Bool], failures: Int, successes: Int) -> [Bool] {
        var up = true
        var states: [Bool] = []
        for end in history.indices {
            let window = { (length: Int) in history[...end].suffix(length) }
            if up && window(failures).count == failures && window(failures).allSatisfy({ !$0 }) { up = false }
            if !up && window(successes).count == successes && window(successes).allSatisfy({ $0 }) { up = true }
            states.append(up)
        }
        return states
    }

    @Test("for random check histories and thresholds, readiness matches the oracle")
    func thresholdsMatchTheOracle() throws {
        var random = SeededRandomNumberGenerator(seed: 2026)
        for run in 0..<300 {
            let failures = Int.random(in: 1...4, using: &random)
            let successes = Int.random(in: 1...4, using: &random)
            let history = (0..<Int.random(in: 1...40, using: &random)).map { _ in
                Double.random(in: 0..<1, using: &random) < 0.6
            }
            var health = try Self.model(failureThreshold: failures, successThreshold: successes)
            health.finishWarmUp()
            var observed: [Bool] = []
            for healthy in history {
                health.record("database", healthy: healthy)
                observed.append(health.readiness.passed)
            }
            #expect(
                observed == Self.oracle(history, failures: failures, successes: successes),
                "run \(run): thresholds \(failures)/\(successes), history \(history)")
        }
    }

    @Test("liveness fails only when the heartbeat stops advancing, whatever the dependencies and the drain")
    func livenessFollowsTheHeartbeat() throws {
        let clock = ManualClock()
        var health = try Self.model(clock: clock)
        // Not warmed up, database down, draining: none of it is liveness's business.
        for _ in 1...3 { health.record("database", healthy: false) }
        health.beginDraining()
        clock.advance(by: .seconds(5))
        #expect(health.liveness == .pass)  // exactly the timeout: still live
        clock.advance(by: .milliseconds(1))
        #expect(health.liveness == .fail(reason: "no heartbeat for 5.001 seconds"))
        health.recordHeartbeat()
        #expect(health.liveness == .pass)
        // A loop that keeps ticking stays live for ever.
        for _ in 1...10 {
            clock.advance(by: .seconds(4))
            health.recordHeartbeat()
            #expect(health.liveness == .pass)
        }
    }

    @Test("draining fails readiness first, keeps accepting for the drain delay, then refuses new work")
    func drainingFlipsReadinessBeforeRefusingWork() async throws {
        let clock = ManualClock()
        var health = try Self.model(clock: clock)
        health.finishWarmUp()
        let shutdown = try GracefulShutdownSequence(health: health, drainDelay: .seconds(5), deadline: .seconds(30))
        let slowRequestEnds = Gate()
        try await shutdown.submit { await slowRequestEnds.wait() }

        let running = Task { await shutdown.run() }
        await clock.waitForSleepers(count: 1)  // the drain delay
        #expect(await shutdown.steps == [.readinessFailed])
        #expect(await shutdown.health.readiness == .fail(reason: "draining"))
        #expect(await shutdown.health.liveness == .pass)
        // The load balancer has not noticed yet: its requests are still served.
        let served = Gate()
        try await shutdown.submit { served.open() }
        await served.wait()
        await shutdown.waitUntilInFlight(isAtMost: 1)

        clock.advance(by: .seconds(5))
        await clock.waitForSleepers(count: 1)  // now the deadline's timer
        #expect(await shutdown.steps == [.readinessFailed, .drainDelayElapsed, .stoppedAccepting(inFlight: 1)])
        await #expect(throws: GracefulShutdownSequence<ManualClock>.NotAccepting()) {
            try await shutdown.submit {}
        }
        // The event loop keeps ticking while it drains: still live, never restarted half-way.
        await shutdown.updateHealth { $0.recordHeartbeat() }
        clock.advance(by: .seconds(4))
        #expect(await shutdown.health.liveness == .pass)

        slowRequestEnds.open()
        #expect(await running.value == .init(finished: 1, cancelled: 0))
        #expect(
            await shutdown.steps == [.readinessFailed, .drainDelayElapsed, .stoppedAccepting(inFlight: 1), .stopped])
    }

    @Test("in-flight requests finish until the deadline; the rest are cancelled and counted")
    func deadlineCancelsTheRest() async throws {
        let clock = ManualClock()
        var health = try Self.model(clock: clock)
        health.finishWarmUp()
        let shutdown = try GracefulShutdownSequence(health: health, drainDelay: .seconds(5), deadline: .seconds(30))
        let outcomes = EventLog<String>()
        let quickEnds = Gate()
        try await shutdown.submit {
            await quickEnds.wait()
            outcomes.append("quick finished")
        }
        for name in ["stuck 1", "stuck 2"] {
            try await shutdown.submit {
                do {
                    try await clock.sleep(for: .seconds(3600))  // a hung dependency
                    outcomes.append("\(name) finished")
                } catch {
                    outcomes.append("\(name) cancelled")
                }
            }
        }
        await clock.waitForSleepers(count: 2)

        let running = Task { await shutdown.run() }
        await clock.waitForSleepers(count: 3)  // the two requests and the drain delay
        clock.advance(by: .seconds(5))
        await clock.waitForSleepers(count: 3)  // the two requests and the deadline
        quickEnds.open()
        await shutdown.waitUntilInFlight(isAtMost: 2)
        clock.advance(by: .seconds(25))  // 30 s after the shutdown began

        #expect(await running.value == .init(finished: 1, cancelled: 2))
        #expect(
            await shutdown.steps == [
                .readinessFailed, .drainDelayElapsed, .stoppedAccepting(inFlight: 3), .deadlineReached(cancelling: 2),
                .stopped,
            ])
        #expect(Set(outcomes.events) == ["quick finished", "stuck 1 cancelled", "stuck 2 cancelled"])
        #expect(await shutdown.inFlightCount == 0)
    }

    @Test("a configuration that cannot work is a thrown HealthModelConfigurationError")
    func invalidConfigurationsThrow() throws {
        let clock = ManualClock()
        #expect(throws: HealthModelConfigurationError("failureThreshold must be at least 1 (got 0)")) {
            try HealthModel(clock: clock, dependencies: [], failureThreshold: 0)
        }
        #expect(throws: HealthModelConfigurationError("successThreshold must be at least 1 (got 0)")) {
            try HealthModel(clock: clock, dependencies: [], successThreshold: 0)
        }
        #expect(throws: HealthModelConfigurationError("heartbeatTimeout must be positive (got 0.0 seconds)")) {
            try HealthModel(clock: clock, dependencies: [], heartbeatTimeout: .zero)
        }
        #expect(throws: HealthModelConfigurationError("dependency \"db\" is listed twice")) {
            try HealthModel(clock: clock, dependencies: ["db", "db"])
        }
        #expect(throws: HealthModelConfigurationError("dependency names must not be empty")) {
            try HealthModel(clock: clock, dependencies: [""])
        }
        let health = try Self.model(clock: clock)
        #expect(
            throws: HealthModelConfigurationError(
                "need 0 <= drainDelay < deadline (got drainDelay 5.0 seconds, deadline 5.0 seconds)")
        ) {
            try GracefulShutdownSequence(health: health, drainDelay: .seconds(5), deadline: .seconds(5))
        }
    }
}
