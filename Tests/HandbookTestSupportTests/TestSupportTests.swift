import HandbookTestSupport
import Testing

/// The helpers every lesson's tests lean on must themselves be right:
/// a manual clock that wakes too early would make a timeout test lie.
@Suite("Test support")
struct TestSupportTests {
    @Test("a gate holds waiters until it opens, and lets later waiters straight through")
    func gateReleasesWaiters() async {
        let gate = Gate()
        let log = EventLog<String>()
        let waiter = Task {
            await gate.wait()
            log.append("released")
        }
        log.append("opening")
        gate.open()
        await waiter.value
        await gate.wait()
        #expect(log.events == ["opening", "released"])
        #expect(gate.isOpen)
    }

    @Test("a manual clock wakes a sleeper only when advanced past its deadline")
    func manualClockWakesOnAdvance() async throws {
        let clock = ManualClock()
        let log = EventLog<String>()
        let sleeper = Task {
            try await clock.sleep(for: .seconds(10))
            log.append("woke at \(clock.now.offset)")
        }
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .seconds(9))
        #expect(clock.sleeperCount == 1)
        #expect(log.events.isEmpty)
        clock.advance(by: .seconds(1))
        try await sleeper.value
        #expect(log.events == ["woke at 10.0 seconds"])
        #expect(clock.sleeperCount == 0)
    }

    @Test("cancelling a task sleeping on the manual clock throws CancellationError at once")
    func manualClockSleepIsCancellable() async {
        let clock = ManualClock()
        let sleeper = Task { try await clock.sleep(for: .seconds(3600)) }
        await clock.waitForSleepers(count: 1)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test("sleeping until a deadline that has passed returns immediately")
    func manualClockPastDeadline() async throws {
        let clock = ManualClock()
        clock.advance(by: .seconds(5))
        try await clock.sleep(until: clock.now.advanced(by: .seconds(-1)), tolerance: nil)
        #expect(clock.now.offset == .seconds(5))
    }

    @Test("the gauge records the peak number in flight")
    func gaugeTracksPeak() {
        let gauge = ConcurrencyGauge()
        gauge.enter()
        gauge.enter()
        gauge.leave()
        gauge.enter()
        gauge.enter()
        #expect(gauge.peak == 3)
        #expect(gauge.inFlight == 3)
    }

    @Test("a seeded generator repeats its sequence for the same seed")
    func seededGeneratorIsDeterministic() {
        var first = SeededRandomNumberGenerator(seed: 42)
        var second = SeededRandomNumberGenerator(seed: 42)
        var other = SeededRandomNumberGenerator(seed: 43)
        let a = (0..<5).map { _ in first.next() }
        #expect(a == (0..<5).map { _ in second.next() })
        #expect(a != (0..<5).map { _ in other.next() })
    }

    @Test("the leak probe tells a freed object from one kept alive by a cycle")
    func leakProbe() {
        final class Node {
            var next: Node?
        }
        expectDeallocated { Node() }
        #expect(isStillAlive(after: { Node() }, use: { $0.next = $0 }))
    }

    @Test("the fixture runner reports a compile error and its message")
    func fixtureRunnerSeesErrors() throws {
        let outcome = try CompileFailFixture.compile("HandbookBasics/MutateParameter.swift")
        #expect(outcome.exitCode != 0)
        #expect(outcome.diagnostics.contains("error:"))
    }
}
