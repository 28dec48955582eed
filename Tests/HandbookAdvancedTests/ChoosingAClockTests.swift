import Foundation
import HandbookAdvanced
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Choosing a clock", .timeLimit(.minutes(1)))
struct ChoosingAClockTests {
    typealias Lesson = ChoosingAClock
    typealias Deadline = DeadlinesAndTimeouts.Deadline

    static var isLinux: Bool {
        #if os(Linux)
            true
        #else
            false
        #endif
    }

    #if os(Linux)
        /// `clock_gettime(id)` as a duration since that clock's zero.
        static func posixTime(_ id: clockid_t) -> Duration {
            var now = timespec()
            clock_gettime(id, &now)
            return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
        }
    #endif

    /// Advances `clock` in 10 ms steps, only while the loop under test
    /// sleeps (so the loop's own `advance`, its simulated work, never races
    /// the test's), until the loop has logged `count` runs; then cancels it.
    /// Each loop parks in a long sleep after its last run, so this returns
    /// even if a broken ticker never sleeps at all.
    static func drive(
        _ clock: ManualClock, until ranAt: EventLog<Duration>, reaches count: Int, loop: Task<Void, any Error>
    ) async -> [Duration] {
        while ranAt.events.count < count {
            await clock.waitForSleepers(count: 1)
            if ranAt.events.count >= count { break }
            clock.advance(by: .milliseconds(10))
        }
        loop.cancel()
        _ = await loop.result
        return Array(ranAt.events.prefix(count))
    }

    @Test(
        "on Linux ContinuousClock reads CLOCK_BOOTTIME, SuspendingClock CLOCK_MONOTONIC and Date CLOCK_REALTIME",
        .enabled(if: Self.isLinux, "POSIX clock ids; Darwin uses CLOCK_MONOTONIC_RAW and CLOCK_UPTIME_RAW"))
    func clocksReadTheirPOSIXClocks() {
        #if os(Linux)
            for _ in 0..<100 {
                let bootBefore = Self.posixTime(CLOCK_BOOTTIME)
                let continuous = ContinuousClock().systemEpoch.duration(to: .now)
                let bootAfter = Self.posixTime(CLOCK_BOOTTIME)
                #expect(bootBefore <= continuous && continuous <= bootAfter)

                let monotonicBefore = Self.posixTime(CLOCK_MONOTONIC)
                let suspending = SuspendingClock().systemEpoch.duration(to: .now)
                let monotonicAfter = Self.posixTime(CLOCK_MONOTONIC)
                #expect(monotonicBefore <= suspending && suspending <= monotonicAfter)

                // Date is a Double of seconds: allow a microsecond of rounding.
                let realBefore = Self.posixTime(CLOCK_REALTIME) - .microseconds(1)
                let date = Duration.seconds(Date().timeIntervalSince1970)
                let realAfter = Self.posixTime(CLOCK_REALTIME) + .microseconds(1)
                #expect(realBefore <= date && date <= realAfter)

                // BOOTTIME and MONOTONIC differ by the time this host has spent
                // suspended: zero on a server that never was (this one), and
                // then the brackets above cannot tell the clocks apart.
                let suspendedFor = Self.posixTime(CLOCK_BOOTTIME) - Self.posixTime(CLOCK_MONOTONIC)
                if suspendedFor > .milliseconds(1) {
                    #expect(!(monotonicBefore <= continuous && continuous <= monotonicAfter))
                }
            }
        #endif
    }

    @Test("ContinuousClock and SuspendingClock never go backwards between successive reads")
    func monotonicClocksNeverGoBackwards() {
        var continuous = ContinuousClock.now
        var suspending = SuspendingClock.now
        for _ in 0..<10_000 {
            let nextContinuous = ContinuousClock.now
            let nextSuspending = SuspendingClock.now
            #expect(nextContinuous >= continuous)
            #expect(nextSuspending >= suspending)
            continuous = nextContinuous
            suspending = nextSuspending
        }
        #expect(ContinuousClock().measure { _ = (0..<1_000).reduce(0, +) } >= .zero)
    }

    @Test("a wall-clock step back makes a Date timer's elapsed time negative; a monotonic deadline still expires")
    func wallClockStepsFoolADateTimer() {
        let wall = Locked(Date(timeIntervalSince1970: 1_800_000_000))
        let clock = ManualClock()
        func pass(_ seconds: Int) {
            wall.withLock { $0 += TimeInterval(seconds) }
            clock.advance(by: .seconds(seconds))
        }
        let timer = Lesson.WallClockTimer(timeout: .seconds(30)) { wall.withLock { $0 } }
        let deadline = Deadline(after: .seconds(30), clock: clock)
        pass(10)
        wall.withLock { $0 -= 3_600 }  // NTP (or an operator) steps the wall clock back an hour
        #expect(timer.elapsed == .seconds(-3_590))
        pass(25)
        #expect(deadline.hasPassed, "35 s have passed on the monotonic clock")
        #expect(!timer.hasExpired, "the Date timer will wait another hour")

        let laterTimer = Lesson.WallClockTimer(timeout: .seconds(30)) { wall.withLock { $0 } }
        let laterDeadline = Deadline(after: .seconds(30), clock: clock)
        pass(1)
        wall.withLock { $0 += 3_600 }  // and forwards
        #expect(laterTimer.hasExpired, "fires after 1 s")
        #expect(!laterDeadline.hasPassed)
    }

    @Test("Ticker keeps the schedule start + n × period; sleeping for a period after the work drifts by the work")
    func tickerDoesNotDrift() async {
        let steady = ManualClock()
        let steadyRuns = EventLog<Duration>()
        let steadyLoop = Task {
            var ticker = Lesson.Ticker(every: .milliseconds(100), clock: steady)
            for _ in 0..<5 {
                _ = try await ticker.nextTick()
                steadyRuns.append(steady.now.offset)
                steady.advance(by: .milliseconds(30))  // the work
            }
            try await steady.sleep(for: .seconds(3_600))  // parked: the driver sees a sleeper
        }
        let steadyTimes = await Self.drive(steady, until: steadyRuns, reaches: 5, loop: steadyLoop)
        #expect(steadyTimes == [100, 200, 300, 400, 500].map { .milliseconds($0) })

        let drifting = ManualClock()
        let driftingRuns = EventLog<Duration>()
        let driftingLoop = Task {
            let ticker = Lesson.DriftingTicker(every: .milliseconds(100), clock: drifting)
            for _ in 0..<5 {
                _ = try await ticker.nextTick()
                driftingRuns.append(drifting.now.offset)
                drifting.advance(by: .milliseconds(30))
            }
            try await drifting.sleep(for: .seconds(3_600))
        }
        let driftingTimes = await Self.drive(drifting, until: driftingRuns, reaches: 5, loop: driftingLoop)
        #expect(driftingTimes == [100, 230, 360, 490, 620].map { .milliseconds($0) })
    }

    @Test("when the work overruns, Ticker skips the missed ticks instead of firing them in a burst")
    func tickerSkipsMissedTicks() async {
        let clock = ManualClock()
        let runs = EventLog<Duration>()
        let ticks = EventLog<Lesson.Ticker<ManualClock>.Tick>()
        let loop = Task {
            var ticker = Lesson.Ticker(every: .milliseconds(100), clock: clock)
            for _ in 0..<3 {
                ticks.append(try await ticker.nextTick())
                runs.append(clock.now.offset)
                clock.advance(by: .milliseconds(250))  // longer than a period
            }
            try await clock.sleep(for: .seconds(3_600))
        }
        let times = await Self.drive(clock, until: runs, reaches: 3, loop: loop)
        #expect(times == [100, 400, 700].map { .milliseconds($0) })
        #expect(ticks.events.prefix(3).map(\.missedTicks) == [0, 2, 2])
        #expect(ticks.events.prefix(3).map(\.deadline.offset) == times, "each tick ran exactly when it was due")
    }

    @Test("nextDeadline is the first start + k × period at or after now, for random schedules")
    func nextDeadlineMatchesTheDefinition() async {
        await propertyCheck(
            count: 500, input: Gen.int(in: 0...1_000_000), Gen.int(in: 1...5_000_000),
            Gen.int(in: -3_000_000...90_000_000)
        ) { previousMicros, periodNanos, lateNanos in
            let previous = ManualClock.Instant(offset: .microseconds(previousMicros))
            let period = Duration.nanoseconds(periodNanos)
            let now = previous.advanced(by: .nanoseconds(lateNanos))
            let (deadline, missed) = Lesson.Ticker<ManualClock>.nextDeadline(after: previous, period: period, now: now)
            let offset = previous.duration(to: deadline)
            let (periods, remainder) = offset.attoseconds.quotientAndRemainder(dividingBy: period.attoseconds)
            #expect(remainder == 0, "on the grid: no drift")
            #expect(periods >= 1 && missed == Int(periods) - 1)
            #expect(deadline >= now, "never a deadline already behind now")
            #expect(periods == 1 || deadline.advanced(by: .zero - period) < now, "skips no further than needed")
        }
    }

    @Test("a deadline crosses a process boundary as its remaining budget and is rebuilt on the receiver's clock")
    func budgetTravelsAsADuration() throws {
        let sender = ManualClock()
        sender.advance(by: .seconds(1_000))  // the sender's clock has its own zero (its boot)
        let deadline = Deadline(after: .seconds(5), clock: sender)
        sender.advance(by: .seconds(2))
        let wire = try JSONEncoder().encode(Lesson.TimeBudget(remainingUntil: deadline))
        let budget = try JSONDecoder().decode(Lesson.TimeBudget.self, from: wire)
        #expect(budget.remaining == .seconds(3))

        let receiver = ManualClock()
        receiver.advance(by: .seconds(7))
        let local = budget.deadline(on: receiver, allowance: .milliseconds(100))
        #expect(local.instant.offset == .seconds(7) + .milliseconds(2_900))
        #expect(local.remaining == .milliseconds(2_900))

        sender.advance(by: .seconds(10))
        #expect(Lesson.TimeBudget(remainingUntil: deadline).remaining == .zero, "an expired budget is zero")
        #expect(budget.deadline(on: receiver, allowance: .seconds(5)).hasPassed)
    }

    @Test("a zero period and a negative budget are rejected with a precondition")
    func badInputTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = ChoosingAClock.Ticker(every: .zero, clock: ContinuousClock())
        }
        await #expect(processExitsWith: .failure) {
            _ = ChoosingAClock.TimeBudget(remaining: .seconds(-1))
        }
    }
}
