import AsyncAlgorithms
import HandbookConcurrency
import HandbookTestSupport
import Testing

@Suite("AsyncSequence backpressure", .timeLimit(.minutes(1)))
struct AsyncSequenceBackpressureTests {
    typealias Lesson = AsyncSequenceBackpressure

    enum Flow: Equatable, Sendable {
        case produced(Int)
        case consumed(Int)
    }

    /// The largest `produced − consumed` at any point of the log.
    static func maximumLead(_ events: [Flow]) -> Int {
        var lead = 0
        var maximum = 0
        for event in events {
            if case .produced = event { lead += 1 } else { lead -= 1 }
            maximum = max(maximum, lead)
        }
        return maximum
    }

    @Test("a pull-based sequence produces nothing until next() and never more than one ahead")
    func pullSequenceProducesOnDemand() async {
        let log = EventLog<Flow>()
        let numbers = Lesson.OnDemandNumbers(count: 50) { log.append(.produced($0)) }
        var iterator = numbers.makeAsyncIterator()
        #expect(log.events.isEmpty, "making the iterator did no work")
        while let value = await iterator.next() {
            #expect(log.events.last == .produced(value), "exactly one value was made for this request")
            log.append(.consumed(value))
        }
        #expect(Self.maximumLead(log.events) == 1)
        #expect(log.events.count == 100)
    }

    @Test("an .unbounded AsyncStream accepts 10 000 yields before the consumer starts: no backpressure at all")
    func unboundedStreamNeverPushesBack() async {
        let (stream, enqueued) = Lesson.produceWithoutWaiting(10_000)
        #expect(enqueued == 10_000, "every yield reported .enqueued; the producer was never slowed")
        var count = 0
        var sum = 0
        for await value in stream {
            count += 1
            sum += value
        }
        #expect(count == 10_000 && sum == 9_999 * 10_000 / 2)
    }

    enum BufferImplementation: String, Sendable, CaseIterable {
        case handBuilt, asyncAlgorithms
    }

    @Test(
        "a bounded buffer of 4 fills to 4 ahead while the consumer is busy, and never exceeds 4 + 1",
        arguments: BufferImplementation.allCases)
    func boundedBufferLimitsTheLead(_ implementation: BufferImplementation) async throws {
        let limit = 4
        let log = EventLog<Flow>()
        let filled = Gate()
        let release = Gate()
        let base = Lesson.OnDemandNumbers(count: 30) { value in
            log.append(.produced(value))
            if value == limit { filled.open() }  // value 0 is being consumed, 1...limit are buffered
        }
        let consume: @Sendable (Int) async -> Void = { value in
            log.append(.consumed(value))
            if value == 0 { await release.wait() }
        }
        async let run: Void = {
            switch implementation {
            case .handBuilt:
                try await Lesson.forEach(base, bufferingUpTo: limit) { await consume($0) }
            case .asyncAlgorithms:
                for await value in base.buffer(policy: .bounded(limit)) { await consume(value) }
            }
        }()
        await filled.wait()
        release.open()
        try await run
        let events = log.events
        #expect(Self.maximumLead(events) >= limit, "the buffer did fill")
        #expect(Self.maximumLead(events) <= limit + 1, "…but the producer never ran further ahead")
        #expect(events.compactMap { if case .consumed(let v) = $0 { v } else { nil } } == Array(0..<30))
    }

    @Test("a consumer error stops the bounded pump: the error surfaces and production stops near the failure")
    func consumerErrorStopsTheProducer() async {
        struct Rejected: Error, Equatable {}
        let produced = EventLog<Int>()
        let base = Lesson.OnDemandNumbers(count: 1_000) { produced.append($0) }
        await #expect(throws: Rejected()) {
            try await Lesson.forEach(base, bufferingUpTo: 2) { value in
                if value == 5 { throw Rejected() }
            }
        }
        // forEach returned, so its producer task has ended (structured concurrency).
        #expect(produced.events.count <= 5 + 1 + 2, "at most the limit (+ the failing element) beyond the failure")
    }

    @Test("debounce state: every value pushes the deadline back; only a quiet interval lets the last one out")
    func debounceStateRestartsTheQuietPeriod() {
        typealias Instant = ManualClock.Instant
        func at(_ milliseconds: Int64) -> Instant { Instant(offset: .milliseconds(milliseconds)) }
        var state = Lesson.DebounceState<String, Instant>(interval: .milliseconds(100))
        state.submit("a", at: at(0))
        state.submit("ab", at: at(50))
        #expect(state.fire(at: at(100)) == nil, "50 ms after the last keystroke is not quiet yet")
        #expect(state.deadline == at(150))
        #expect(state.fire(at: at(150)) == "ab")
        #expect(state.fire(at: at(1_000)) == nil, "emitted once")
        state.submit("abc", at: at(2_000))
        #expect(state.flush() == "abc" && state.deadline == nil)
    }

    @Test("Debouncer with a manual clock emits only the last value of each burst; finish() flushes the pending one")
    func debouncerEmitsTheLastOfABurst() async {
        let clock = ManualClock()
        let debouncer = Lesson.Debouncer<Int, ManualClock>(for: .milliseconds(100), clock: clock)
        var emitted = debouncer.values.makeAsyncIterator()

        for value in 1...3 { await debouncer.submit(value) }  // a burst at t = 0
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .milliseconds(99))
        #expect(clock.sleeperCount == 1, "99 ms of quiet is not enough")
        clock.advance(by: .milliseconds(1))
        #expect(await emitted.next() == 3)

        await debouncer.submit(4)  // a second burst, spread out: each value restarts the window
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .milliseconds(60))
        await debouncer.submit(5)
        clock.advance(by: .milliseconds(40))  // t = 100 ms after 4, but only 40 ms after 5
        await clock.waitForSleepers(count: 1)  // the timer woke, saw the moved deadline, slept again
        clock.advance(by: .milliseconds(60))
        #expect(await emitted.next() == 5)

        await debouncer.submit(6)
        await debouncer.finish()
        #expect(await emitted.next() == 6)
        #expect(await emitted.next() == nil)
    }

    @Test("a bounded buffer with a limit below 1 is a programmer error and traps")
    func zeroLimitTraps() async {
        await #expect(processExitsWith: .failure) {
            try await AsyncSequenceBackpressure.forEach(
                AsyncSequenceBackpressure.OnDemandNumbers(count: 1), bufferingUpTo: 0
            ) { _ in }
        }
    }
}
