import HandbookSystemDesign
import HandbookTestSupport
import Testing

@Suite("Transactional outbox", .timeLimit(.minutes(1)))
struct TransactionalOutboxTests {
    typealias Outbox = TransactionalOutbox

    /// The consumer's state: a shipping service's view of each order, and
    /// every effect in the order it was applied.
    struct Shipping: Sendable, Equatable {
        var timelines: [String: [String]] = [:]
        var applied: [String] = []
    }

    struct Unparseable: Error {}

    /// Appends the event to its order's timeline; "poison" can never be applied.
    static let ship: Outbox.Consumer<Shipping>.Effect = { state, message in
        guard message.payload != "poison" else { throw Unparseable() }
        state.timelines[message.key, default: []].append(message.payload)
        state.applied.append("\(message.key):\(message.payload)")
    }

    static func consumer(
        _ deduplication: Outbox.Consumer<Shipping>.Deduplication = .inbox,
        crashPoints: Set<Outbox.CrashPoint> = [],
        database: Outbox.Database<Outbox.InboxTables<Shipping>> = .init(.init(state: Shipping()))
    ) -> Outbox.Consumer<Shipping> {
        Outbox.Consumer(database: database, deduplication: deduplication, crashPoints: crashPoints, effect: ship)
    }

    static func id(_ row: Int) -> Outbox.MessageID { Outbox.MessageID(rawValue: "outbox-\(row)") }

    @Test("the dual write: commit-then-publish loses the event in a crash; publish-then-commit invents one")
    func dualWriteLosesOrInventsEvents() async throws {
        let database = Outbox.Database(Outbox.ServiceTables())
        let broker = Outbox.Broker(maxDeliveries: 3)
        let commitFirst = Outbox.DualWrite(
            database: database, broker: broker, order: .commitThenPublish, crashPoints: [.betweenTheTwoWrites])
        await #expect(throws: Outbox.SimulatedCrash(point: .betweenTheTwoWrites)) { try await commitFirst.place("o-1") }
        #expect(await database.committed.orders == ["o-1": "placed"])
        #expect(await broker.published.isEmpty)  // and nothing durable says an event is owed
        #expect(await database.committed.outbox.isEmpty)

        let publishFirst = Outbox.DualWrite(
            database: database, broker: broker, order: .publishThenCommit, crashPoints: [.betweenTheTwoWrites])
        await #expect(throws: Outbox.SimulatedCrash.self) { try await publishFirst.place("o-2") }
        #expect(await database.committed.orders["o-2"] == nil)
        #expect(await broker.published.map(\.key) == ["o-2"])  // an event about an order that does not exist

        // No crash needed: the commit can fail after the publish (here, a duplicate order).
        let noCrash = Outbox.DualWrite(database: database, broker: broker, order: .publishThenCommit)
        await #expect(throws: Outbox.OrderError.alreadyExists("o-1")) { try await noCrash.place("o-1") }
        #expect(await broker.published.map(\.key) == ["o-2", "o-1"])
    }

    @Test("the order row and its outbox row commit together: a failed transaction leaves neither")
    func stateAndEventCommitAtomically() async throws {
        let database = Outbox.Database(Outbox.ServiceTables())
        let service = Outbox.OrderService(database: database)
        let placed = try await service.place("o-1")
        #expect(placed == Outbox.Message(id: Self.id(1), key: "o-1", payload: "placed"))
        await #expect(throws: Outbox.OrderError.alreadyExists("o-1")) { try await service.place("o-1") }
        await #expect(throws: Outbox.OrderError.notFound("o-9")) { try await service.update("o-9", to: "paid") }
        let committed = await database.committed
        #expect(committed.orders == ["o-1": "placed"])
        #expect(committed.outbox.map(\.message) == [placed])
        #expect(committed.outbox.map(\.isSent) == [false])
    }

    @Test("the relay crashes after the commit, before publishing: after a restart the event goes out (nothing lost)")
    func relayCrashBeforePublishLosesNothing() async throws {
        let database = Outbox.Database(Outbox.ServiceTables())
        let broker = Outbox.Broker(maxDeliveries: 3)
        try await Outbox.OrderService(database: database).place("o-1")
        let crashing = Outbox.Relay(database: database, broker: broker, crashPoints: [.relayBeforePublish(Self.id(1))])
        await #expect(throws: Outbox.SimulatedCrash(point: .relayBeforePublish(Self.id(1)))) {
            try await crashing.publishPending()
        }
        #expect(await broker.published.isEmpty)

        #expect(try await Outbox.Relay(database: database, broker: broker).publishPending() == 1)
        #expect(await broker.published.map(\.id) == [Self.id(1)])
        #expect(await database.committed.outbox.allSatisfy(\.isSent))
        let consumer = Self.consumer()
        #expect(try await consumer.drain(broker) == Outbox.DrainReport(applied: 1))
        #expect(await consumer.database.committed.state.timelines == ["o-1": ["placed"]])
    }

    @Test(
        "the relay crashes after publishing, before marking sent: the event goes out twice, the inbox applies it once")
    func crashAfterPublishRedeliversAndTheInboxAppliesOnce() async throws {
        let database = Outbox.Database(Outbox.ServiceTables())
        let broker = Outbox.Broker(maxDeliveries: 3)
        try await Outbox.OrderService(database: database).place("o-1")
        let crashing = Outbox.Relay(database: database, broker: broker, crashPoints: [.relayAfterPublish(Self.id(1))])
        await #expect(throws: Outbox.SimulatedCrash.self) { try await crashing.publishPending() }
        #expect(await database.committed.outbox.map(\.isSent) == [false])
        try await Outbox.Relay(database: database, broker: broker).publishPending()
        let published = await broker.published
        #expect(published.map(\.id) == [Self.id(1), Self.id(1)])  // at least once, not exactly once

        let consumer = Self.consumer()
        #expect(try await consumer.drain(broker) == Outbox.DrainReport(applied: 1, duplicates: 1))
        let tables = await consumer.database.committed
        #expect(tables.state.timelines == ["o-1": ["placed"]])
        #expect(tables.inbox == [Self.id(1)])

        // The same two deliveries to a consumer without an inbox: the effect happens twice.
        let replay = Outbox.Broker(maxDeliveries: 3)
        for message in published { await replay.publish(message) }
        let naive = Self.consumer(.none)
        #expect(try await naive.drain(replay) == Outbox.DrainReport(applied: 2))
        #expect(await naive.database.committed.state.timelines == ["o-1": ["placed", "placed"]])
    }

    @Test("the consumer crashes after its commit, before the ack: the broker redelivers, the inbox skips it")
    func consumerCrashBeforeAcknowledgeIsDeduplicated() async throws {
        let database = Outbox.Database(Outbox.ServiceTables())
        let broker = Outbox.Broker(maxDeliveries: 3)
        try await Outbox.OrderService(database: database).place("o-1")
        try await Outbox.Relay(database: database, broker: broker).publishPending()
        let shipping = Outbox.Database(Outbox.InboxTables(state: Shipping()))
        let crashing = Self.consumer(crashPoints: [.consumerBeforeAcknowledge(Self.id(1))], database: shipping)
        await #expect(throws: Outbox.SimulatedCrash.self) { try await crashing.drain(broker) }
        #expect(await broker.receive() == nil)  // still out for delivery to the dead consumer
        await broker.redeliverUnacknowledged()
        #expect(try await Self.consumer(database: shipping).drain(broker) == Outbox.DrainReport(duplicates: 1))
        #expect(await shipping.committed.state.applied == ["o-1:placed"])
    }

    @Test("per-order event order survives relay crashes, restarts and duplicates")
    func perKeyOrderSurvivesCrashes() async throws {
        let database = Outbox.Database(Outbox.ServiceTables())
        let broker = Outbox.Broker(maxDeliveries: 3)
        let service = Outbox.OrderService(database: database)
        let script: [(String, String)] = [
            ("A", "placed"), ("B", "placed"), ("A", "paid"), ("C", "placed"), ("B", "paid"),
            ("A", "shipped"), ("C", "paid"), ("B", "shipped"), ("C", "shipped"),
        ]
        for (order, status) in script {
            if status == "placed" {
                try await service.place(order)
            } else {
                try await service.update(order, to: status)
            }
        }
        let shipping = Outbox.Database(Outbox.InboxTables(state: Shipping()))
        let consumer = Self.consumer(database: shipping)
        var report = try await consumer.drain(broker)
        // Relay 1 publishes rows 1-3, then dies after publishing row 4, before marking it sent.
        try await Outbox.Relay(database: database, broker: broker).publishPending(limit: 3)
        await #expect(throws: Outbox.SimulatedCrash(point: .relayAfterPublish(Self.id(4)))) {
            try await Outbox.Relay(database: database, broker: broker, crashPoints: [.relayAfterPublish(Self.id(4))])
                .publishPending()
        }
        let first = try await consumer.drain(broker)
        // Relay 2 publishes row 4 again, then 5 and 6, and dies before publishing row 7.
        await #expect(throws: Outbox.SimulatedCrash(point: .relayBeforePublish(Self.id(7)))) {
            try await Outbox.Relay(database: database, broker: broker, crashPoints: [.relayBeforePublish(Self.id(7))])
                .publishPending()
        }
        let second = try await consumer.drain(broker)
        // Relay 3 finishes the job.
        #expect(try await Outbox.Relay(database: database, broker: broker).publishPending() == 3)
        let third = try await consumer.drain(broker)
        for drained in [first, second, third] {
            report.applied += drained.applied
            report.duplicates += drained.duplicates
        }
        #expect(report == Outbox.DrainReport(applied: 9, duplicates: 1))
        let expected = ["placed", "paid", "shipped"]
        #expect(await shipping.committed.state.timelines == ["A": expected, "B": expected, "C": expected])
        for key in ["A", "B", "C"] {
            let ids = await broker.published.filter { $0.key == key }.map { Int($0.id.rawValue.dropFirst(7))! }
            #expect(ids == ids.sorted(), "\(key): \(ids)")
        }
    }

    @Test("a poison message is retried maxDeliveries times, then dead-lettered; other orders flow meanwhile")
    func poisonMessageIsDeadLetteredWithoutBlockingOthers() async throws {
        let database = Outbox.Database(Outbox.ServiceTables())
        let broker = Outbox.Broker(maxDeliveries: 3)
        let service = Outbox.OrderService(database: database)
        try await service.place("A")
        try await service.update("A", to: "poison")
        try await service.place("B")
        try await service.update("A", to: "shipped")
        try await service.update("B", to: "paid")
        try await Outbox.Relay(database: database, broker: broker).publishPending()

        let shipping = Outbox.Database(Outbox.InboxTables(state: Shipping()))
        let report = try await Self.consumer(database: shipping).drain(broker)
        #expect(report == Outbox.DrainReport(applied: 4, failures: 3))
        let tables = await shipping.committed
        // B's events went through while A's poison was still being retried.
        #expect(tables.state.applied == ["A:placed", "B:placed", "B:paid", "A:shipped"])
        #expect(tables.state.timelines["A"] == ["placed", "shipped"])  // A's order gave way to its liveness
        let poison = Outbox.Message(id: Self.id(2), key: "A", payload: "poison")
        #expect(await broker.deadLetters == [poison])
        #expect(!tables.inbox.contains(poison.id))

        // After a fix, an operator replays the dead letter: applied once.
        let fixed = Outbox.Consumer(database: shipping) { state, message in
            state.timelines[message.key, default: []].append("repaired \(message.payload)")
        }
        let replay = Outbox.Broker(maxDeliveries: 3)
        await replay.publish(poison)
        await replay.publish(poison)
        #expect(try await fixed.drain(replay) == Outbox.DrainReport(applied: 1, duplicates: 1))
        #expect(await shipping.committed.state.timelines["A"] == ["placed", "shipped", "repaired poison"])
    }

    @Test("the broker: per-key FIFO, one delivery in flight per key, reject redelivers, ack removes")
    func brokerDeliversPerKeyInOrder() async throws {
        let broker = Outbox.Broker(maxDeliveries: 2)
        let a1 = Outbox.Message(id: .init(rawValue: "a1"), key: "A", payload: "1")
        let a2 = Outbox.Message(id: .init(rawValue: "a2"), key: "A", payload: "2")
        await broker.publish(a1)
        await broker.publish(a2)
        let first = try #require(await broker.receive())
        #expect(first.message == a1 && first.attempt == 1)
        #expect(await broker.receive() == nil)  // a2 waits behind a1
        await broker.reject(first)
        let again = try #require(await broker.receive())
        #expect(again.message == a1 && again.attempt == 2)
        await broker.acknowledge(again)
        let second = try #require(await broker.receive())
        #expect(second.message == a2 && second.attempt == 1)
        await broker.acknowledge(first)  // a stale ack for a1 changes nothing
        #expect(await broker.receive() == nil)
        await broker.redeliverUnacknowledged()
        #expect(await broker.receive()?.message == a2)
    }
}
