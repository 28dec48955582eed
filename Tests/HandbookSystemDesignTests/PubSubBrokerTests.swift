import HandbookSystemDesign
import HandbookTestSupport
import Testing

@Suite("Pub-sub broker: one bounded stream per subscriber", .timeLimit(.minutes(1)))
struct PubSubBrokerTests {
    typealias Broker = PubSubBroker.InMemory<String>

    @Test("the in-memory broker keeps the PubSub contract", arguments: PubSubContract.checks)
    func contract(_ check: PubSubContract.Check) async throws {
        try await check.run { Broker() }
    }

    @Test("two subscribers both receive \"Breaking News\"")
    func everySubscriberReceives() async throws {
        let broker = Broker()
        let alice = try await broker.subscribe(to: "news", policy: .dropOldest(keepingNewest: 10))
        let bob = try await broker.subscribe(to: "news", policy: .dropOldest(keepingNewest: 10))
        let report = await broker.publish("Breaking News", to: "news")
        #expect(report == PubSubBroker.PublishReport(delivered: 2))
        await broker.closeTopic("news")
        for subscription in [alice, bob] {
            var received: [String] = []
            for try await message in subscription { received.append(message) }
            #expect(received == ["Breaking News"])
        }
    }

    @Test("pitfall: two consumers of ONE stream split the messages (100 arrive once in total, not twice)")
    func sharedStreamIsNotABroadcast() async {
        let broadcast = PubSubBroker.SingleStreamBroadcast<Int>()
        let consumers = (0..<2).map { _ in
            let stream = broadcast.subscribe()
            return Task {
                var received: [Int] = []
                for await value in stream { received.append(value) }
                return received
            }
        }
        for value in 0..<100 { broadcast.publish(value) }
        broadcast.close()
        var all: [Int] = []
        for consumer in consumers { all += await consumer.value }
        #expect(all.count == 100)  // a broadcast would deliver 200
        #expect(all.sorted() == Array(0..<100))  // each element reached exactly one consumer
    }

    @Test("cancelling the subscriber's task unsubscribes it: the topic's count drops to 0")
    func cancellingTheConsumerUnsubscribes() async throws {
        let unsubscribed = Gate()
        let broker = Broker { event in
            if case .unsubscribed = event { unsubscribed.open() }
        }
        let subscription = try await broker.subscribe(to: "news", policy: .dropOldest(keepingNewest: 10))
        #expect(await broker.subscriberCount(of: "news") == 1)
        let consumer = Task {
            for try await _ in subscription {}
        }
        consumer.cancel()
        await unsubscribed.wait()  // onTermination → broker.remove: an explicit signal, no sleep
        #expect(await broker.subscriberCount(of: "news") == 0)
        #expect(await broker.publish("anyone?", to: "news") == PubSubBroker.PublishReport())
    }

    @Test("newest-10 buffer, 15 publishes unread: the subscriber gets 6…15 and the broker reports 5 dropped")
    func slowSubscriberDropsOldestAndCounts() async throws {
        let broker = Broker()
        let slow = try await broker.subscribe(to: "ticks", policy: .dropOldest(keepingNewest: 10))
        var reportedDrops = 0
        for tick in 1...15 {
            let report = await broker.publish("\(tick)", to: "ticks")
            #expect(report.delivered == 1)  // the new tick is always kept
            reportedDrops += report.dropped.count
        }
        #expect(reportedDrops == 5)
        #expect(await broker.droppedCount(for: slow.id, on: "ticks") == 5)
        await broker.closeTopic("ticks")
        var received: [String] = []
        for try await tick in slow { received.append(tick) }
        #expect(received == (6...15).map(String.init))
    }

    @Test("oldest-10 buffer: ticks 11…15 are refused, reported, and 1…10 arrive")
    func slowSubscriberDropsNewestAndCounts() async throws {
        let broker = Broker()
        let slow = try await broker.subscribe(to: "ticks", policy: .dropNewest(keepingOldest: 10))
        var delivered = 0
        var dropped = 0
        for tick in 1...15 {
            let report = await broker.publish("\(tick)", to: "ticks")
            delivered += report.delivered
            dropped += report.dropped.count
        }
        #expect(delivered == 10 && dropped == 5)
        await broker.closeTopic("ticks")
        var received: [String] = []
        for try await tick in slow { received.append(tick) }
        #expect(received == (1...10).map(String.init))
    }

    @Test("disconnect policy: the overflow ends the subscription with an error after the buffered messages")
    func slowSubscriberIsDisconnected() async throws {
        let broker = Broker()
        let slow = try await broker.subscribe(to: "ticks", policy: .disconnect(bufferSize: 3))
        let fast = try await broker.subscribe(to: "ticks", policy: .dropOldest(keepingNewest: 100))
        var disconnected: Set<PubSubBroker.SubscriberID> = []
        for tick in 1...5 { disconnected.formUnion(await broker.publish("\(tick)", to: "ticks").disconnected) }
        #expect(disconnected == [slow.id])
        #expect(await broker.subscriberCount(of: "ticks") == 1)
        var received: [String] = []
        await #expect(throws: PubSubBroker.SlowSubscriberDisconnected(topic: "ticks", bufferSize: 3)) {
            for try await tick in slow { received.append(tick) }
        }
        #expect(received == ["1", "2", "3"])
        await broker.closeTopic("ticks")
        var fastReceived: [String] = []
        for try await tick in fast { fastReceived.append(tick) }
        #expect(fastReceived == (1...5).map(String.init))  // the slow one cost the fast one nothing
    }

    @Test("closeTopic ends every subscriber's for-await loop")
    func closeTopicEndsEveryLoop() async throws {
        let broker = Broker()
        var loops: [Task<Int, any Error>] = []
        for _ in 0..<5 {
            let subscription = try await broker.subscribe(to: "t", policy: .dropNewest(keepingOldest: 10))
            loops.append(
                Task {
                    var count = 0
                    for try await _ in subscription { count += 1 }
                    return count
                })
        }
        await broker.publish("bye", to: "t")
        await broker.closeTopic("t")
        for loop in loops { #expect(try await loop.value == 1) }
        #expect(await broker.subscriberCount(of: "t") == 0)
    }

    @Test("publishing to a topic nobody subscribed to is a no-op reporting 0 deliveries")
    func publishToEmptyTopic() async {
        let broker = Broker()
        #expect(await broker.publish("into the void", to: "nobody") == PubSubBroker.PublishReport())
        #expect(await broker.subscriberCount(of: "nobody") == 0)
    }

    @Test("each subscriber sees the messages in publish order while consuming concurrently")
    func perSubscriberOrderIsPreserved() async throws {
        let broker = Broker()
        var consumers: [Task<[String], any Error>] = []
        for _ in 0..<3 {
            let subscription = try await broker.subscribe(to: "t", policy: .dropNewest(keepingOldest: 1_000))
            consumers.append(
                Task {
                    var received: [String] = []
                    for try await message in subscription { received.append(message) }
                    return received
                })
        }
        for index in 0..<1_000 { await broker.publish("\(index)", to: "t") }
        await broker.closeTopic("t")
        for consumer in consumers { #expect(try await consumer.value == (0..<1_000).map(String.init)) }
    }

    @Test(
        "a zero buffer or an empty topic is a thrown configuration error",
        arguments: [
            ("t", PubSubBroker.SlowSubscriberPolicy.dropOldest(keepingNewest: 0), "at least one message (got 0)"),
            ("t", .disconnect(bufferSize: -1), "at least one message (got -1)"),
            ("", .dropNewest(keepingOldest: 5), "must not be empty"),
        ])
    func badConfigurationThrows(topic: String, policy: PubSubBroker.SlowSubscriberPolicy, message: String) async {
        let broker = Broker()
        let error = await #expect(throws: PubSubBroker.ConfigurationError.self) {
            _ = try await broker.subscribe(to: topic, policy: policy)
        }
        #expect(error?.description.contains(message) == true)
    }
}
