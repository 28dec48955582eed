/// Backpressure in Swift concurrency: a pull-based `AsyncSequence` has it for free, `AsyncStream` has none.
///
/// ```swift
/// // Pull: nothing is produced until the consumer asks.
/// for await n in AsyncSequenceBackpressure.OnDemandNumbers(count: 3) { print(n) }
/// // Push with a bound: the producer runs at most `limit` elements ahead.
/// try await AsyncSequenceBackpressure.forEach(OnDemandNumbers(count: 100), bufferingUpTo: 4) { await handle($0) }
/// ```
///
/// ## Why interviewers ask this
/// A fast producer and a slow consumer is the everyday server problem (a socket
/// faster than the database, a queue faster than the workers). The interviewer
/// wants to hear *where* the excess goes: nowhere (pull), into a bounded buffer
/// whose producer then waits, into memory without limit, or into the bin
/// (dropping, debouncing). Each is a choice with a cost.
///
/// ## Common pitfalls
/// - Bridging a fast producer with `AsyncStream` and assuming it slows down:
///   `yield` never suspends, so `.unbounded` grows memory without limit
///   (``produceWithoutWaiting(_:)``) and a bounded policy silently drops.
/// - Prefetching "for speed" in a custom iterator: that is an unbounded or
///   hidden buffer; a plain `next()` that produces one element keeps
///   produced − consumed ≤ 1 (``OnDemandNumbers``).
/// - Debouncing with sleeps and no injected clock: untestable without waiting
///   real time. Take a `Clock` and test with a manual one (``Debouncer``).
/// - Confusing debounce with throttle: debounce restarts the quiet period on
///   every event and emits only after the burst ends; throttle emits at most
///   once per window even while events keep coming.
///
/// ## Key takeaway
/// `AsyncIteratorProtocol.next()` is demand: a consumer that has not asked has
/// not caused any work. Add buffering deliberately, bounded (`send` waits when
/// full) or lossy (drop, debounce), and measure the lead with an event log.
///
/// ## Go → Swift
/// The Go seed has no backpressure lesson: a buffered channel is its only tool,
/// and a blocked `ch <- v` is the backpressure. Swift's pull model makes the
/// unbuffered case the default (`next()` is a request), swift-async-algorithms
/// adds `buffer(policy: .bounded(n))`, `debounce` and a throttle (only as the
/// underscored `_throttle` in 1.1.4, the version this package tests with), and
/// `MultiProducerSingleConsumerAsyncChannel` adds watermarks. Here the bounded
/// buffer is rebuilt on ``BoundedChannel`` (see concurrency.bounded-channel) and
/// debounce on a pure state machine plus an injected clock.
public enum AsyncSequenceBackpressure {
    /// The numbers `0..<count`, produced one at a time, only when asked.
    ///
    /// `onProduce` runs at the moment a value is made, so tests can log
    /// production against consumption.
    public struct OnDemandNumbers: AsyncSequence, Sendable {
        public let count: Int
        let onProduce: @Sendable (Int) -> Void

        public init(count: Int, onProduce: @escaping @Sendable (Int) -> Void = { _ in }) {
            self.count = count
            self.onProduce = onProduce
        }

        public struct AsyncIterator: AsyncIteratorProtocol {
            var nextValue = 0
            let count: Int
            let onProduce: @Sendable (Int) -> Void

            /// Makes exactly one value per call: the consumer's request is the
            /// only thing that causes work.
            public mutating func next() async -> Int? {
                guard nextValue < count else { return nil }
                defer { nextValue += 1 }
                onProduce(nextValue)
                return nextValue
            }
        }

        public func makeAsyncIterator() -> AsyncIterator {
            AsyncIterator(count: count, onProduce: onProduce)
        }
    }

    /// The pitfall: a producer bridged through an `.unbounded` `AsyncStream`.
    ///
    /// Every `yield` succeeds before anyone reads, so all `count` values sit in
    /// memory at once. Nothing ever told the producer to slow down.
    ///
    /// - Returns: the finished stream and how many yields reported `.enqueued`.
    /// - Complexity: O(`count`) time and memory, before any consumption.
    public static func produceWithoutWaiting(_ count: Int) -> (stream: AsyncStream<Int>, enqueued: Int) {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .unbounded)
        var enqueued = 0
        for value in 0..<count {
            if case .enqueued = continuation.yield(value) { enqueued += 1 }
        }
        continuation.finish()
        return (stream, enqueued)
    }

    /// The fix: consumes `base` through a bounded buffer of `limit` elements,
    /// filled by a producer child task, like async-algorithms'
    /// `base.buffer(policy: .bounded(limit))`.
    ///
    /// The pump holds one element while it waits for room, so a
    /// ``BoundedChannel`` with `limit − 1` slots plus that element is a buffer
    /// of `limit`: the producer is never more than `limit` elements ahead of
    /// the element `body` is working on.
    ///
    /// - Precondition: `limit >= 1`.
    /// - Throws: the first error of `base` or `body`; the producer is then
    ///   stopped, and no task outlives the call.
    public static func forEach<Base: AsyncSequence & Sendable>(
        _ base: Base,
        bufferingUpTo limit: Int,
        _ body: (Base.Element) async throws -> Void
    ) async throws where Base.Element: Sendable {
        precondition(limit >= 1, "a bounded buffer needs a limit >= 1, got \(limit)")
        let channel = BoundedChannel<Base.Element>(capacity: limit - 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { channel.finish() }
                for try await element in base { try await channel.send(element) }
            }
            do {
                for await element in channel { try await body(element) }
            } catch {
                channel.finish()  // a producer parked in send() throws .finished and stops
                throw error
            }
            try await group.waitForAll()
        }
    }

    /// Debounce as a pure state machine: keeps the latest value and a deadline
    /// that every new value pushes back.
    public struct DebounceState<Value, Instant: InstantProtocol> {
        /// The quiet period that must follow the last value.
        public let interval: Instant.Duration
        /// The latest value and when it may be emitted.
        public private(set) var pending: (value: Value, deadline: Instant)?

        public init(interval: Instant.Duration) {
            self.interval = interval
        }

        /// When the pending value is due, or `nil` if nothing is pending.
        public var deadline: Instant? { pending?.deadline }

        /// Records `value` at `now`; it replaces any pending value and restarts
        /// the quiet period.
        public mutating func submit(_ value: Value, at now: Instant) {
            pending = (value, now.advanced(by: interval))
        }

        /// The pending value if its quiet period has passed at `now`.
        public mutating func fire(at now: Instant) -> Value? {
            guard let pending, pending.deadline <= now else { return nil }
            self.pending = nil
            return pending.value
        }

        /// Takes the pending value regardless of time (used on shutdown).
        public mutating func flush() -> Value? {
            defer { pending = nil }
            return pending?.value
        }
    }

    /// Debounce from scratch: emits a value on ``values`` once `interval` has
    /// passed on `clock` without a newer ``submit(_:)``.
    ///
    /// One timer task at most, started by the first value of a burst; it
    /// re-sleeps while the deadline keeps moving. Time comes only from the
    /// injected clock, so a test drives it with a manual clock.
    public actor Debouncer<Value: Sendable, C: Clock> {
        private var state: DebounceState<Value, C.Instant>
        private let clock: C
        private let output: AsyncStream<Value>.Continuation
        private var timer: Task<Void, Never>?

        /// The debounced values; finishes after ``finish()``.
        public nonisolated let values: AsyncStream<Value>

        public init(for interval: C.Duration, clock: C) {
            self.state = DebounceState(interval: interval)
            self.clock = clock
            (values, output) = AsyncStream.makeStream(of: Value.self)
        }

        /// Records the newest value; it is emitted only if nothing newer comes
        /// within the interval.
        public func submit(_ value: Value) {
            state.submit(value, at: clock.now)
            if timer == nil {
                timer = Task { await self.runTimer() }
            }
        }

        private func runTimer() async {
            while let deadline = state.deadline {
                do {
                    try await clock.sleep(until: deadline, tolerance: nil)
                } catch {
                    break  // cancelled by finish()
                }
                // submit() may have pushed the deadline back while we slept.
                if let value = state.fire(at: clock.now) { output.yield(value) }
            }
            timer = nil
        }

        /// Emits a still-pending value at once (as async-algorithms' debounce
        /// does when its base ends), then finishes ``values``.
        public func finish() {
            timer?.cancel()
            timer = nil
            if let value = state.flush() { output.yield(value) }
            output.finish()
        }
    }
}
