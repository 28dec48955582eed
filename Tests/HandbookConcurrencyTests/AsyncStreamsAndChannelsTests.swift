import AsyncAlgorithms
import HandbookConcurrency
import HandbookTestSupport
import Testing

@Suite("AsyncStream and channels", .timeLimit(.minutes(1)))
struct AsyncStreamsAndChannelsTests {
    typealias Lesson = AsyncStreamsAndChannels
    typealias Outcome = AsyncStreamsAndChannels.YieldOutcome

    enum Transfer: Equatable, Sendable {
        case sent(Int)
        case received(Int)
    }

    /// The largest `sent − received` at any point of the log.
    static func maximumLead(_ events: [Transfer]) -> Int {
        var lead = 0
        var maximum = 0
        for event in events {
            if case .sent = event { lead += 1 } else { lead -= 1 }
            maximum = max(maximum, lead)
        }
        return maximum
    }

    struct PolicyCase: Sendable, CustomTestStringConvertible {
        var name: String
        var policy: AsyncStream<Int>.Continuation.BufferingPolicy
        var outcomes: [Outcome]
        var received: [Int]
        var testDescription: String { name }
    }

    static let policies: [PolicyCase] = [
        PolicyCase(
            name: ".bufferingNewest(2) keeps the last two; each yield past the limit drops the oldest",
            policy: .bufferingNewest(2),
            outcomes: [.enqueued(remaining: 1), .enqueued(remaining: 0), .dropped(0), .dropped(1), .dropped(2)],
            received: [3, 4]),
        PolicyCase(
            name: ".bufferingOldest(2) keeps the first two; each yield past the limit drops the new value",
            policy: .bufferingOldest(2),
            outcomes: [.enqueued(remaining: 1), .enqueued(remaining: 0), .dropped(2), .dropped(3), .dropped(4)],
            received: [0, 1]),
    ]

    @Test(
        "a bounded AsyncStream drops instead of waiting, and yield's result says which value went", arguments: policies)
    func boundedPoliciesDrop(_ scenario: PolicyCase) async {
        let (outcomes, received) = await Lesson.yieldThenDrain(Array(0..<5), policy: scenario.policy)
        #expect(outcomes == scenario.outcomes)
        #expect(received == scenario.received)
    }

    @Test("yield never suspends: 1000 yields complete before any consumer exists, then finish() drains them in order")
    func unboundedYieldNeverSuspendsAndFinishDrains() async {
        let (outcomes, received) = await Lesson.yieldThenDrain(Array(0..<1_000), policy: .unbounded)
        #expect(outcomes.allSatisfy { if case .enqueued = $0 { true } else { false } })
        #expect(received == Array(0..<1_000), "finish() ends for-await only after every buffered value (Go range)")
    }

    @Test("yield after finish() returns .terminated instead of panicking, and onTermination ran once with .finished")
    func yieldAfterFinishIsTerminated() async {
        let terminations = EventLog<String>()
        let (stream, continuation) = Lesson.makeObservedStream { terminations.append("\($0)") }
        #expect(Outcome(continuation.yield(1)) == .enqueued(remaining: .max))
        continuation.finish()
        #expect(Outcome(continuation.yield(2)) == .terminated)
        continuation.finish()  // finishing twice is harmless too (Go: close of closed channel panics)
        #expect(await stream.reduce(into: [Int]()) { $0.append($1) } == [1])
        #expect(terminations.events == ["finished"])
    }

    @Test("cancelling the consumer fires onTermination(.cancelled); later yields are .terminated")
    func consumerCancellationReachesTheProducer() async {
        let terminations = EventLog<String>()
        let (stream, continuation) = Lesson.makeObservedStream { terminations.append("\($0)") }
        let gotFirst = Gate()
        let consumer = Task {
            var received: [Int] = []
            for await value in stream {
                received.append(value)
                gotFirst.open()
            }
            return received
        }
        continuation.yield(1)
        await gotFirst.wait()  // the consumer is inside its loop
        consumer.cancel()
        #expect(await consumer.value == [1])
        #expect(terminations.events == ["cancelled"])
        #expect(Outcome(continuation.yield(2)) == .terminated, "the producer can see that nobody listens")
    }

    @Test("two consumers of one stream split the values: disjoint, 100 in total, not a broadcast of 200")
    func twoConsumersSplitTheValues() async {
        let (first, second) = await Lesson.splitBetweenTwoConsumers(Array(0..<100))
        #expect(first.count + second.count == 100)
        #expect(Set(first).isDisjoint(with: second))
        #expect((first + second).sorted() == Array(0..<100))
        // Each consumer still sees its share in stream order.
        #expect(first == first.sorted() && second == second.sorted())
    }

    @Test("generate → square pipeline yields [1, 4, 9, 16] and ends because each stage finishes its output")
    func pipelineSquares() async {
        #expect(await Lesson.squaredPipeline([1, 2, 3, 4]) == [1, 4, 9, 16])
        #expect(await Lesson.squaredPipeline([]) == [])
    }

    @Test("unbuffered AsyncChannel: sent − received ≤ 1 at every point; AsyncStream lets the producer run 100 ahead")
    func unbufferedVersusBuffered() async {
        // Unbuffered: `send` returns only once a consumer has taken the value.
        let channel = AsyncChannel<Int>()
        let channelLog = EventLog<Transfer>()
        async let consumed: Void = {
            for await value in channel { channelLog.append(.received(value)) }
        }()
        for value in 0..<100 {
            await channel.send(value)
            channelLog.append(.sent(value))
        }
        channel.finish()
        await consumed
        #expect(Self.maximumLead(channelLog.events) <= 1)
        #expect(channelLog.events.compactMap { if case .received(let v) = $0 { v } else { nil } } == Array(0..<100))

        // Buffered without backpressure: a consumer is already waiting to read, held by a gate, and
        // the producer still runs 100 ahead: every yield is enqueued, nothing waits, nothing is dropped.
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let streamLog = EventLog<Transfer>()
        let consumerMayRead = Gate()
        let reader = Task {
            await consumerMayRead.wait()
            for await value in stream { streamLog.append(.received(value)) }
        }
        var enqueued = 0
        for value in 0..<100 {
            if case .enqueued = continuation.yield(value) { enqueued += 1 }
            streamLog.append(.sent(value))
        }
        continuation.finish()
        consumerMayRead.open()
        await reader.value
        #expect(enqueued == 100, "the default policy is unbounded: the buffer grows instead of pushing back")
        #expect(Self.maximumLead(streamLog.events) == 100)
        #expect(streamLog.events.compactMap { if case .received(let v) = $0 { v } else { nil } } == Array(0..<100))
    }
}
