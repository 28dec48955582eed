import Foundation
import HandbookSystemDesign
import Testing

@testable import HandbookService

/// The `/events` body without a server: what it writes, and that every way
/// it ends (subscription over, write failed) leaves no subscriber and no
/// task behind.
@Suite("Events stream", .timeLimit(.minutes(1)))
struct EventStreamTests {
    struct ClientGone: Error {}

    let broker = PubSubBroker.InMemory<OrderEvent>()
    let event = try! JSONDecoder().decode(
        OrderEvent.self,
        from: Data(
            #"{"type":"order.confirmed","orderId":"o-1","item":"widget","quantity":2,"status":"confirmed"}"#.utf8))

    func subscribe() async throws -> PubSubBroker.Subscription<OrderEvent> {
        try await broker.subscribe(to: "orders", policy: .disconnect(bufferSize: 8))
    }

    @Test("an event is written as one SSE frame: event type, JSON data, blank line")
    func eventFrame() async throws {
        let subscription = try await subscribe()
        await broker.publish(event, to: "orders")
        var frames: [String] = []
        try await EventStream.pump(subscription, heartbeat: .seconds(3600)) { frame in
            frames.append(frame)
            await subscription.cancel()  // the stream ends after this frame
        }
        #expect(frames.count == 1)
        let frame = try #require(frames.first)
        #expect(frame.hasPrefix("event: order.confirmed\ndata: {"))
        #expect(frame.contains(#""orderId":"o-1""#))
        #expect(frame.hasSuffix("}\n\n"))
        #expect(await broker.subscriberCount(of: "orders") == 0)
    }

    @Test("on a quiet stream a client that went away is noticed at the next heartbeat, and unsubscribed")
    func quietStreamNoticesAGoneClient() async throws {
        let subscription = try await subscribe()
        var frames: [String] = []
        do {
            try await EventStream.pump(subscription, heartbeat: .milliseconds(1)) { frame in
                frames.append(frame)
                throw ClientGone()  // what a write to a closed connection does
            }
            Issue.record("the pump returned although its write failed")
        } catch is ClientGone {}
        #expect(frames == [": heartbeat\n\n"])
        #expect(await broker.subscriberCount(of: "orders") == 0)
    }

    @Test("when the subscription ends (shutdown), the pump returns without waiting out its heartbeat")
    func subscriptionEndStopsTheHeartbeat() async throws {
        let subscription = try await subscribe()
        // An hour-long heartbeat: if its sleeping task were not cancelled,
        // this test would hit its time limit instead of returning.
        let pump = Task { try await EventStream.pump(subscription, heartbeat: .seconds(3600)) { _ in } }
        await subscription.cancel()
        try await pump.value
        #expect(await broker.subscriberCount(of: "orders") == 0)
    }

    @Test("a client that stops reading is disconnected once maxBuffered events wait: nothing buffers without bound")
    func slowReaderIsDisconnected() async throws {
        // The broker's own buffer is larger, so the pump's bound is what is tested.
        let subscription = try await broker.subscribe(to: "orders", policy: .disconnect(bufferSize: 1_024))
        let (blocked, unblock) = AsyncStream<Void>.makeStream()
        // A stream nothing is ever sent on: iterating it ends only on cancellation.
        let (never, keepOpen) = AsyncStream<Void>.makeStream()
        let pump = Task {
            try await EventStream.pump(subscription, heartbeat: .seconds(3600), maxBuffered: 16) { _ in
                unblock.finish()
                // A write to a client that reads nothing: it never returns
                // (until the connection closes, which cancels it).
                for await _ in never {}
                throw CancellationError()
            }
        }
        await broker.publish(event, to: "orders")
        for await _ in blocked {}
        // One event in the stuck write, 16 queued, and more: the 18th is one too many.
        for _ in 0..<40 { await broker.publish(event, to: "orders") }
        while await broker.subscriberCount(of: "orders") > 0 { await Task.yield() }
        pump.cancel()  // the connection closes
        await #expect(throws: (any Error).self) { try await pump.value }
        keepOpen.finish()
    }
}
