import Foundation

/// Which clock? `ContinuousClock` for timeouts and deadlines, a monotonic
/// clock for measured durations, `Date` only for timestamps that people or
/// other machines read.
///
/// ```swift
/// let clock = ContinuousClock()                   // inject `some Clock<Duration>`; tests pass a ManualClock
/// let deadline = DeadlinesAndTimeouts.Deadline(after: .seconds(2), clock: clock)
/// let wire = ChoosingAClock.TimeBudget(remainingUntil: deadline)  // crosses a process boundary
/// var ticker = ChoosingAClock.Ticker(every: .seconds(1), clock: clock)
/// while true {
///     let tick = try await ticker.nextTick()      // 1 s, 2 s, 3 s… after start, however long flush() takes
///     await flush(missed: tick.missedTicks)
/// }
/// ```
///
/// ## Why interviewers ask this
/// "Our 30-second timeout fired instantly" and "the cron job drifted by a
/// minute a day" are clock bugs. On Linux the runtime reads (from Swift
/// 6.3.1's `Clock.cpp` and swift-foundation; the tests can tell the two
/// monotonic clocks apart only on a host that has been suspended):
/// - `ContinuousClock`: `CLOCK_BOOTTIME`. Never steps, keeps counting while
///   the machine is suspended, starts at boot. `Task.sleep(for:)` uses it.
/// - `SuspendingClock`: `CLOCK_MONOTONIC`. Never steps, stops while the
///   machine is suspended.
/// - `Date()`: `CLOCK_REALTIME`, the wall clock. An NTP step, an operator or
///   a restored VM snapshot can set it forwards or *backwards* at any time.
///
/// On Darwin the two clocks are `CLOCK_MONOTONIC_RAW` and `CLOCK_UPTIME_RAW`:
/// the same suspend behaviour, OS-specific clock ids (and, unlike Linux's,
/// not slewed by NTP). A candidate should say which one
/// a timeout lives on, why not `Date`, and how the code is tested without
/// sleeping.
///
/// ## Common pitfalls
/// - Timeouts or elapsed time from `Date`: a wall-clock step makes
///   "elapsed" negative (the timeout never fires) or huge (it fires at once).
///   ``WallClockTimer`` shows both; a monotonic deadline is unaffected.
/// - Mixing clocks. A deadline is an instant of *one* clock: comparing it
///   with another clock's reading, or measuring a budget on `SuspendingClock`
///   and sleeping it off on `ContinuousClock`, goes wrong by exactly the time
///   spent suspended. Keep the clock in the type (`Deadline<C>`).
/// - Sending an instant to another process. `ContinuousClock.Instant` is
///   `Codable`, but its value is time since *this* machine booted; after a
///   restart or on another host it means nothing. Send the remaining budget
///   (``TimeBudget``, like gRPC's `grpc-timeout` header) and rebuild a
///   deadline on the receiver's clock.
/// - Periodic work with `sleep(for: period)` after each round: every
///   iteration starts `work + period` after the last, so the schedule drifts
///   by the work's duration each tick (``DriftingTicker``). Sleep *until*
///   the previous deadline plus the period (``Ticker``), and decide what an
///   overrun does (here: skip the missed ticks and report them).
/// - Reading `Date()` or `ContinuousClock.now` inside logic: the only way to
///   test it is to sleep. Take `some Clock<Duration>` and pass a manual clock
///   in tests.
///
/// ## Key takeaway
/// Deadlines, timeouts, backoff and rate limits live on `ContinuousClock`,
/// injected as `some Clock<Duration>`. A deadline is an instant of one clock;
/// across a process boundary it travels as a duration. `Date` is for
/// records and humans. Periodic loops sleep until a computed deadline, not
/// for a period.
///
/// ## Go → Swift
/// Go's `time.Time` carries a monotonic reading next to the wall reading,
/// and `Sub`/`Since` use it when both times have one, so `time.Now()` is
/// safe for timeouts until the monotonic part is stripped (`t.Round(0)`,
/// serialisation). Swift makes the choice a type: `Date` or a `Clock`'s
/// `Instant`. Go's `time.Ticker` also "adjusts the intervals or drops ticks
/// to make up for slow receivers"; its one-slot buffer hands a late
/// receiver one stale tick at once, where ``Ticker`` skips to the next slot
/// and counts the ticks it missed.
public enum ChoosingAClock {
    /// The pitfall: a timeout measured on the wall clock.
    ///
    /// `now` defaults to `Date.init`; tests pass a wall clock they can step.
    public struct WallClockTimer: Sendable {
        public let start: Date
        public let timeout: Duration
        private let now: @Sendable () -> Date

        public init(timeout: Duration, now: @escaping @Sendable () -> Date = { Date() }) {
            self.timeout = timeout
            self.now = now
            start = now()
        }

        /// Wall time since `start`: negative after a backwards step.
        public var elapsed: Duration { .seconds(now().timeIntervalSince(start)) }

        public var hasExpired: Bool { elapsed >= timeout }
    }

    /// The wire form of a deadline: the time it had left when it was sent.
    ///
    /// A duration means the same thing on every machine; an instant of a
    /// monotonic clock does not. The receiver's deadline ends up late by the
    /// transit time, so subtract an allowance if that matters.
    public struct TimeBudget: Codable, Hashable, Sendable {
        /// Never negative.
        public let remaining: Duration

        /// - Precondition: `remaining >= .zero`.
        public init(remaining: Duration) {
            precondition(remaining >= .zero, "a time budget cannot be negative, got \(remaining)")
            self.remaining = remaining
        }

        /// What is left of `deadline` now (zero once it has passed).
        public init<C: Clock<Duration>>(remainingUntil deadline: DeadlinesAndTimeouts.Deadline<C>) {
            self.init(remaining: deadline.remaining)
        }

        /// A deadline on the receiver's own clock: its `now` plus the budget,
        /// less `allowance` for the time the message spent in transit.
        public func deadline<C: Clock<Duration>>(
            on clock: C, allowance: Duration = .zero
        ) -> DeadlinesAndTimeouts.Deadline<C> {
            DeadlinesAndTimeouts.Deadline(after: max(remaining - allowance, .zero), clock: clock)
        }
    }

    /// A periodic schedule that does not drift: tick *n* is due at
    /// `start + n × period`, whatever the work in between costs.
    ///
    /// When work overruns, the ticks it missed are skipped, not fired in a
    /// burst, and ``Tick/missedTicks`` says how many.
    public struct Ticker<C: Clock<Duration>>: Sendable {
        /// One tick: when it was due, and how many earlier ticks were skipped
        /// because the previous round of work overran them.
        public struct Tick: Sendable, Equatable {
            public let deadline: C.Instant
            public let missedTicks: Int
        }

        public let period: Duration
        public let clock: C
        /// The deadline of the latest tick (the start before the first).
        public private(set) var lastDeadline: C.Instant

        /// - Precondition: `period > .zero`.
        public init(every period: Duration, clock: C, startingAt start: C.Instant? = nil) {
            precondition(period > .zero, "a ticker needs a positive period, got \(period)")
            self.period = period
            self.clock = clock
            lastDeadline = start ?? clock.now
        }

        /// Sleeps until the next tick is due and returns it.
        ///
        /// - Throws: `CancellationError` if the task is cancelled while waiting.
        public mutating func nextTick() async throws -> Tick {
            let (deadline, missed) = Self.nextDeadline(after: lastDeadline, period: period, now: clock.now)
            try await clock.sleep(until: deadline, tolerance: nil)
            lastDeadline = deadline
            return Tick(deadline: deadline, missedTicks: missed)
        }

        /// The first deadline `previous + k × period` (k ≥ 1) that is not
        /// already behind `now`, and the `k - 1` ticks skipped to reach it.
        ///
        /// - Complexity: O(1), in integer attoseconds: a long stall does not
        ///   loop once per missed tick.
        public static func nextDeadline(
            after previous: C.Instant, period: Duration, now: C.Instant
        ) -> (deadline: C.Instant, missedTicks: Int) {
            precondition(period > .zero, "a ticker needs a positive period, got \(period)")
            let late = previous.duration(to: now)
            guard late > period else { return (previous.advanced(by: period), 0) }
            // The smallest k with k × period ≥ late.
            let periods = (late.attoseconds + period.attoseconds - 1) / period.attoseconds
            return (previous.advanced(by: period * periods), Int(periods - 1))
        }
    }

    /// The pitfall: sleeps for one period after each round of work, so the
    /// work's duration is added to every interval.
    public struct DriftingTicker<C: Clock<Duration>>: Sendable {
        public let period: Duration
        public let clock: C

        public init(every period: Duration, clock: C) {
            precondition(period > .zero, "a ticker needs a positive period, got \(period)")
            self.period = period
            self.clock = clock
        }

        /// Sleeps for `period` from *now* and returns the time it woke up.
        public func nextTick() async throws -> C.Instant {
            try await clock.sleep(for: period)
            return clock.now
        }
    }
}
