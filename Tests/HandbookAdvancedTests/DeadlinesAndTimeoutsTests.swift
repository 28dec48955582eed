import HandbookAdvanced
import HandbookTestSupport
import Testing

@Suite("Deadlines and timeouts", .timeLimit(.minutes(1)))
struct DeadlinesAndTimeoutsTests {
    typealias Lesson = DeadlinesAndTimeouts

    /// An operation that sleeps `duration` on `clock` and records what
    /// happened to it: cancelled (its handler ran) and finished (its `defer`).
    static func slowOperation(
        _ duration: Duration, clock: ManualClock, events: EventLog<String>
    ) -> @Sendable () async throws -> String {
        {
            defer { events.append("finished") }
            try await withTaskCancellationHandler {
                try await clock.sleep(for: duration)
            } onCancel: {
                events.append("cancelled")
            }
            return "value"
        }
    }

    @Test("a 2 s operation under a 50 ms timeout throws TimeoutError, cancelled and finished before return")
    func slowOperationTimesOut() async {
        let clock = ManualClock()
        let events = EventLog<String>()
        async let result = Lesson.withTimeout(
            .milliseconds(50), clock: clock, operation: Self.slowOperation(.seconds(2), clock: clock, events: events))
        await clock.waitForSleepers(count: 2)  // the operation and the timer
        clock.advance(by: .milliseconds(50))
        do {
            let value = try await result
            Issue.record("expected TimeoutError, got \(value)")
        } catch {
            #expect(error is Lesson.TimeoutError)
        }
        // Structured: by the time withTimeout threw, the loser had been
        // cancelled *and* had run its defer. Nothing is still sleeping.
        #expect(events.events == ["cancelled", "finished"])
        #expect(clock.sleeperCount == 0)
    }

    @Test("a 30 ms operation under a 3 s timeout returns its value and the timer is cancelled")
    func fastOperationReturnsItsValue() async throws {
        let clock = ManualClock()
        let events = EventLog<String>()
        async let result = Lesson.withTimeout(
            .seconds(3), clock: clock, operation: Self.slowOperation(.milliseconds(30), clock: clock, events: events))
        await clock.waitForSleepers(count: 2)
        clock.advance(by: .milliseconds(30))
        #expect(try await result == "value")
        #expect(events.events == ["finished"])
        #expect(clock.sleeperCount == 0, "the 3 s timer did not keep the call waiting")
        #expect(clock.now.offset == .milliseconds(30))
    }

    @Test("an error from the operation passes through unchanged")
    func operationErrorsPassThrough() async {
        struct Refused: Error, Equatable {}
        await #expect(throws: Refused()) {
            try await Lesson.withTimeout(.seconds(1), clock: ManualClock()) { () async throws -> Int in
                throw Refused()
            }
        }
    }

    @Test("a deadline that has already passed throws before the operation starts")
    func pastDeadlineThrowsAtOnce() async {
        let clock = ManualClock()
        clock.advance(by: .seconds(10))
        let calls = EventLog<String>()
        for deadline in [ManualClock.Instant(offset: .seconds(9)), clock.now] {
            await #expect(throws: Lesson.TimeoutError()) {
                try await Lesson.withDeadline(deadline, clock: clock) {
                    calls.append("called")
                    return 42
                }
            }
        }
        #expect(calls.events.isEmpty, "the operation never ran")
    }

    @Test("the remaining budget shrinks as time passes and never goes negative")
    func remainingBudgetShrinks() {
        let clock = ManualClock()
        let deadline = Lesson.Deadline(after: .milliseconds(100), clock: clock)
        #expect(deadline.remaining == .milliseconds(100))
        clock.advance(by: .milliseconds(30))
        #expect(deadline.remaining == .milliseconds(70))
        #expect(!deadline.hasPassed)
        clock.advance(by: .milliseconds(100))
        #expect(deadline.remaining == .zero)
        #expect(deadline.hasPassed)
    }

    @Test(
        "a child deadline is the earlier of its own timeout and its parent's deadline",
        arguments: [
            (Duration.seconds(1), Duration.milliseconds(100)),
            (.milliseconds(10), .milliseconds(10)),
            (.milliseconds(100), .milliseconds(100)),
        ])
    func nestedDeadlinesTakeTheMinimum(requested: Duration, granted: Duration) {
        let clock = ManualClock()
        let parent = Lesson.Deadline(after: .milliseconds(100), clock: clock)
        #expect(parent.child(timeout: requested).remaining == granted)
    }

    @Test("a child asking for 1 s inside a 100 ms request times out at 100 ms")
    func nestedRunTimesOutAtTheParentDeadline() async {
        let clock = ManualClock()
        let request = Lesson.Deadline(after: .milliseconds(100), clock: clock)
        async let result = request.run { deadline in
            try await deadline.child(timeout: .seconds(1)).run { child in
                #expect(child.remaining == .milliseconds(100))
                try await clock.sleep(for: .seconds(1))
                return "too late"
            }
        }
        await clock.waitForSleepers(count: 3)  // two timers and the operation
        clock.advance(by: .milliseconds(100))
        do {
            let value = try await result
            Issue.record("expected TimeoutError, got \(value)")
        } catch {
            #expect(error is Lesson.TimeoutError)
        }
        #expect(clock.sleeperCount == 0)
    }

    @Test("the pitfall: a select-style timeout built from unstructured tasks leaves the work running")
    func leakyTimeoutLeavesTheOperationRunning() async {
        let clock = ManualClock()
        let events = EventLog<String>()
        let leakedWorkFinished = Gate()
        let operation = Self.slowOperation(.seconds(2), clock: clock, events: events)
        async let result = Lesson.leakyTimeout(.milliseconds(50), clock: clock) {
            defer { leakedWorkFinished.open() }
            return try await operation()
        }
        await clock.waitForSleepers(count: 2)
        clock.advance(by: .milliseconds(50))
        do {
            let value = try await result
            Issue.record("expected TimeoutError, got \(value)")
        } catch {
            #expect(error is Lesson.TimeoutError)
        }
        // The caller has its error, but the work was neither cancelled nor
        // finished: it is still asleep, holding whatever it holds.
        #expect(events.events.isEmpty)
        #expect(clock.sleeperCount == 1)
        // Let the leaked work run out so it does not outlive this test.
        clock.advance(by: .seconds(2))
        await leakedWorkFinished.wait()
        #expect(events.events == ["finished"])
    }
}
