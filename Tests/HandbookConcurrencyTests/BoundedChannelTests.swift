import AsyncAlgorithms
import HandbookConcurrency
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Bounded channel from scratch", .timeLimit(.minutes(1)))
struct BoundedChannelTests {
    typealias Machine = BoundedChannel<Int>.StateMachine<String, String>

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

    static func sentCount(_ log: EventLog<Transfer>) -> Int {
        log.events.count { if case .sent = $0 { true } else { false } }
    }

    @Test("state machine: buffer up to capacity, park the next sender, a receive moves its element in")
    func stateMachineParksSenderWhenFull() {
        var machine = Machine(capacity: 1)
        guard case .buffered = machine.send(1, id: 1, sender: "s1", isCancelled: false) else {
            Issue.record("the first send should fit the buffer")
            return
        }
        guard case .suspended = machine.send(2, id: 2, sender: "s2", isCancelled: false) else {
            Issue.record("the second send should park: the buffer is full")
            return
        }
        #expect(machine.bufferedElements == [1] && machine.suspendedSenderCount == 1)
        guard case .element(1, resumeSender: "s2") = machine.receive(id: 3, receiver: "r", isCancelled: false) else {
            Issue.record("receive should return 1 and release s2")
            return
        }
        #expect(machine.bufferedElements == [2] && machine.suspendedSenderCount == 0)
        guard case .element(2, resumeSender: nil) = machine.receive(id: 4, receiver: "r", isCancelled: false),
            case .suspended = machine.receive(id: 5, receiver: "r5", isCancelled: false)
        else {
            Issue.record("then 2, then the receiver parks on an empty channel")
            return
        }
        // A parked receiver gets the next value directly, bypassing the buffer.
        guard case .resumeReceiver("r5") = machine.send(3, id: 6, sender: "s6", isCancelled: false) else {
            Issue.record("a send should go straight to the parked receiver")
            return
        }
        #expect(machine.bufferedElements == [])
    }

    @Test("state machine: rendezvous hand-off, cancellation removes the waiter, finish keeps buffered values")
    func stateMachineRendezvousCancelAndFinish() {
        var rendezvous = Machine(capacity: 0)
        guard case .suspended = rendezvous.send(7, id: 1, sender: "s1", isCancelled: false),
            case .element(7, resumeSender: "s1") = rendezvous.receive(id: 2, receiver: "r", isCancelled: false)
        else {
            Issue.record("capacity 0: the sender parks until a receiver takes its value")
            return
        }
        guard case .suspended = rendezvous.send(8, id: 3, sender: "s3", isCancelled: false) else { return }
        #expect(rendezvous.cancelSender(id: 3) == "s3")
        #expect(rendezvous.cancelSender(id: 3) == nil, "cancelling twice finds nothing")
        guard case .rejectCancelled = rendezvous.send(9, id: 4, sender: "s4", isCancelled: true),
            case .cancelled = rendezvous.receive(id: 5, receiver: "r5", isCancelled: true),
            case .suspended = rendezvous.receive(id: 6, receiver: "r6", isCancelled: false)
        else {
            Issue.record("a cancelled task neither sends nor receives; 8 was withdrawn, so r6 parks")
            return
        }
        #expect(rendezvous.cancelReceiver(id: 6) == "r6")

        var buffered = Machine(capacity: 2)
        _ = buffered.send(1, id: 1, sender: "s1", isCancelled: false)
        _ = buffered.send(2, id: 2, sender: "s2", isCancelled: false)
        _ = buffered.send(3, id: 3, sender: "s3", isCancelled: false)
        let parked = buffered.finish()
        #expect(parked.senders == ["s3"] && parked.receivers == [])
        guard case .rejectFinished = buffered.send(4, id: 4, sender: "s4", isCancelled: false),
            case .element(1, resumeSender: nil) = buffered.receive(id: 5, receiver: "r", isCancelled: false),
            case .element(2, resumeSender: nil) = buffered.receive(id: 6, receiver: "r", isCancelled: false),
            case .finished = buffered.receive(id: 7, receiver: "r", isCancelled: false)
        else {
            Issue.record("after finish: sends fail, buffered values drain, then receive reports finished")
            return
        }
    }

    @Test("with no consumer, exactly `capacity` sends complete and the next one parks", arguments: [0, 1, 3])
    func exactlyCapacitySendsCompleteBeforeAConsumer(capacity: Int) async throws {
        try await Self.exactlyCapacitySendsComplete(BoundedChannel<Int>(capacity: capacity))
        try await Self.exactlyCapacitySendsComplete(FastBoundedChannel<Int>(capacity: capacity))
    }

    static func exactlyCapacitySendsComplete(_ channel: some TestableChannel) async throws {
        let capacity = channel.capacity
        let log = EventLog<Transfer>()
        let producer = Task {
            for value in 0..<10 {
                try await channel.send(value)
                log.append(.sent(value))
            }
            channel.finish()  // only reached if sends never wait: the waits below then return
        }
        await channel.waitForSuspendedSenders(count: 1)
        #expect(Self.sentCount(log) == capacity, "\(type(of: channel))")
        var received: [Int] = []
        for await value in channel { received.append(value) }
        try await producer.value
        #expect(received == Array(0..<10), "FIFO: values arrive in send order")
    }

    @Test(
        "each receive lets exactly one more send complete; sent − received ≤ capacity + 1 throughout",
        arguments: [0, 1, 3])
    func leadIsBoundedByCapacityPlusOne(capacity: Int) async throws {
        try await Self.leadIsBounded(BoundedChannel<Int>(capacity: capacity))
        try await Self.leadIsBounded(FastBoundedChannel<Int>(capacity: capacity))
    }

    static func leadIsBounded(_ channel: some TestableChannel) async throws {
        let capacity = channel.capacity
        let log = EventLog<Transfer>()
        let producer = Task {
            for value in 0..<20 {
                try await channel.send(value)
                log.append(.sent(value))
            }
            channel.finish()
        }
        await channel.waitForSuspendedSenders(count: 1)
        for taken in 1...5 {
            let value = try #require(await channel.receive())
            log.append(.received(value))
            await channel.waitForSuspendedSenders(count: 1)  // the producer ran until it parked again
            #expect(Self.sentCount(log) == capacity + taken, "\(type(of: channel))")
        }
        while let value = await channel.receive() { log.append(.received(value)) }
        try await producer.value
        #expect(Self.maximumLead(log.events) <= capacity + 1)
        #expect(log.events.compactMap { if case .received(let v) = $0 { v } else { nil } } == Array(0..<20))
    }

    @Test("finish(): parked receivers get nil, a parked sender and later sends throw, buffered values drain")
    func finishSemantics() async throws {
        try await Self.finishSemantics(BoundedChannel<Int>.self)
        try await Self.finishSemantics(FastBoundedChannel<Int>.self)
    }

    static func finishSemantics<Channel: TestableChannel>(_: Channel.Type) async throws {
        let empty = Channel(capacity: 2)
        let receiver = Task { await empty.receive() }
        await empty.waitForSuspendedReceivers(count: 1)
        empty.finish()
        #expect(await receiver.value == nil)

        let rendezvous = Channel(capacity: 0)
        let sender = Task { try await rendezvous.send(1) }
        await rendezvous.waitForSuspendedSenders(count: 1)
        rendezvous.finish()
        await #expect(throws: BoundedChannelError.finished) { try await sender.value }

        let buffered = Channel(capacity: 2)
        try await buffered.send(1)
        try await buffered.send(2)
        buffered.finish()
        buffered.finish()  // harmless, unlike Go's double close
        await #expect(throws: BoundedChannelError.finished) { try await buffered.send(3) }
        #expect(await buffered.reduce(into: [Int]()) { $0.append($1) } == [1, 2])
        #expect("\(BoundedChannelError.finished)".contains("not delivered"))
    }

    @Test("a cancelled waiting sender throws and its value is never delivered; a cancelled receiver takes nothing")
    func cancellationOfWaiters() async throws {
        try await Self.cancellationOfWaiters(BoundedChannel<Int>.self)
        try await Self.cancellationOfWaiters(FastBoundedChannel<Int>.self)
    }

    static func cancellationOfWaiters<Channel: TestableChannel>(_: Channel.Type) async throws {
        let channel = Channel(capacity: 1)
        try await channel.send(0)
        let sender = Task { try await channel.send(1) }
        await channel.waitForSuspendedSenders(count: 1)
        sender.cancel()  // runs the cancellation handler synchronously: the sender leaves the queue
        channel.finish()  // so finish() has no parked sender left to fail with .finished
        await #expect(throws: CancellationError.self) { try await sender.value }
        #expect(await channel.reduce(into: [Int]()) { $0.append($1) } == [0], "1 was withdrawn, never delivered")

        let other = Channel(capacity: 0)
        let receiver = Task { await other.receive() }
        await other.waitForSuspendedReceivers(count: 1)
        receiver.cancel()
        #expect(await receiver.value == nil)
        // Nothing was lost or stuck: the next value goes to the next receiver.
        let next = Task { await other.receive() }
        try await other.send(2)
        #expect(await next.value == 2)
    }

    @Test("a task cancelled before it sends or receives does neither, even when the buffer has room or a value")
    func cancelledTaskNeitherSendsNorReceives() async throws {
        try await Self.cancelledTaskNeitherSendsNorReceives(BoundedChannel<Int>.self)
        try await Self.cancelledTaskNeitherSendsNorReceives(FastBoundedChannel<Int>.self)
    }

    static func cancelledTaskNeitherSendsNorReceives<Channel: TestableChannel>(_: Channel.Type) async throws {
        let channel = Channel(capacity: 2)
        let cancelledSend = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await channel.send(1)  // the buffer has room: only the cancellation can refuse it
        }
        await #expect(throws: CancellationError.self) { try await cancelledSend.value }
        try await channel.send(2)
        let cancelledReceive = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await channel.receive()  // 2 is buffered: only the cancellation can refuse it
        }
        #expect(await cancelledReceive.value == nil)
        channel.finish()
        #expect(await channel.reduce(into: [Int]()) { $0.append($1) } == [2], "1 never entered; 2 is still there")
    }

    /// Runs `producers` × `perProducer` sends and `consumers` receive loops
    /// through any channel; returns what each consumer got.
    static func deliver<Channel: AsyncSequence & Sendable>(
        through channel: Channel,
        producers: Int,
        perProducer: Int,
        consumers: Int,
        send: @escaping @Sendable (Int) async throws -> Void,
        finish: @escaping @Sendable () -> Void
    ) async throws -> [[Int]] where Channel.Element == Int {
        try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<consumers {
                group.addTask {
                    var received: [Int] = []
                    for try await value in channel { received.append(value) }
                    return received
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { sending in
                for producer in 0..<producers {
                    sending.addTask {
                        for sequence in 0..<perProducer { try await send(producer * 1_000 + sequence) }
                    }
                }
                try await sending.waitForAll()
            }
            finish()
            var perConsumer: [[Int]] = []
            for try await received in group { perConsumer.append(received) }
            return perConsumer
        }
    }

    /// The oracle: every sent value arrives exactly once, and each consumer sees
    /// each producer's values in send order.
    static func expectExactlyOnce(
        _ perConsumer: [[Int]], producers: Int, perProducer: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let expected = (0..<producers).flatMap { p in (0..<perProducer).map { p * 1_000 + $0 } }
        #expect(perConsumer.flatMap(\.self).sorted() == expected, sourceLocation: sourceLocation)
        for received in perConsumer {
            for producer in 0..<producers {
                let mine = received.filter { $0 / 1_000 == producer }
                #expect(mine == mine.sorted(), "per-producer FIFO", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("property: any producers × consumers × capacity delivers every value exactly once")
    func multiProducerMultiConsumerExactlyOnce() async {
        await propertyCheck(count: 100, input: Gen.int(in: 1...4), Gen.int(in: 1...3), Gen.int(in: 0...3)) {
            producers, consumers, capacity in
            let channels: [any TestableChannel] = [
                BoundedChannel<Int>(capacity: capacity), FastBoundedChannel<Int>(capacity: capacity),
            ]
            for channel in channels {
                do {
                    let perConsumer = try await Self.deliver(
                        through: channel, producers: producers, perProducer: 25, consumers: consumers,
                        send: { try await channel.send($0) }, finish: { channel.finish() })
                    Self.expectExactlyOnce(perConsumer, producers: producers, perProducer: 25)
                } catch {
                    Issue.record("unexpected error: \(error)")
                }
            }
        }
    }

    @Test("oracle: the same scenario through AsyncChannel and BoundedChannel(capacity: 0) behaves the same")
    func matchesAsyncChannel() async throws {
        let reference = AsyncChannel<Int>()
        let referenceResult = try await Self.deliver(
            through: reference, producers: 3, perProducer: 50, consumers: 2,
            send: { await reference.send($0) }, finish: { reference.finish() })
        Self.expectExactlyOnce(referenceResult, producers: 3, perProducer: 50)

        let ours = BoundedChannel<Int>(capacity: 0)
        let ourResult = try await Self.deliver(
            through: ours, producers: 3, perProducer: 50, consumers: 2,
            send: { try await ours.send($0) }, finish: { ours.finish() })
        Self.expectExactlyOnce(ourResult, producers: 3, perProducer: 50)

        let fast = FastBoundedChannel<Int>(capacity: 0)
        let fastResult = try await Self.deliver(
            through: fast, producers: 3, perProducer: 50, consumers: 2,
            send: { try await fast.send($0) }, finish: { fast.finish() })
        Self.expectExactlyOnce(fastResult, producers: 3, perProducer: 50)

        // Both are rendezvous channels: one producer, one consumer, lead ≤ 1.
        for useReference in [true, false] {
            let log = EventLog<Transfer>()
            let channel = BoundedChannel<Int>(capacity: 0)
            let other = AsyncChannel<Int>()
            async let consumed: Void = {
                if useReference {
                    for await value in other { log.append(.received(value)) }
                } else {
                    for await value in channel { log.append(.received(value)) }
                }
            }()
            for value in 0..<100 {
                if useReference { await other.send(value) } else { try await channel.send(value) }
                log.append(.sent(value))
            }
            other.finish()
            channel.finish()
            await consumed
            #expect(Self.maximumLead(log.events) <= 1, "rendezvous (reference: \(useReference))")
        }
    }

    @Test("a negative capacity is a programmer error: it traps with a message naming the value")
    func negativeCapacityTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BoundedChannel<Int>(capacity: -1)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("capacity must be >= 0, got -1"))
    }
}

/// What the scenarios need from a channel: ``BoundedChannel`` and
/// ``FastBoundedChannel`` both provide it, so the same tests judge both.
protocol TestableChannel: AsyncSequence<Int, Never>, Sendable {
    init(capacity: Int)
    var capacity: Int { get }
    func send(_ element: Int) async throws
    func receive() async -> Int?
    func finish()
    func waitForSuspendedSenders(count: Int) async
    func waitForSuspendedReceivers(count: Int) async
}

extension BoundedChannel: TestableChannel where Element == Int {}
extension FastBoundedChannel: TestableChannel where Element == Int {}
