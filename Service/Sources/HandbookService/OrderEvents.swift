import Foundation
import HandbookSystemDesign
import Logging
import PostgresNIO
import ServiceLifecycle

/// Order events for `GET /events`: the lesson's in-memory broker, and with
/// PostgreSQL a LISTEN/NOTIFY bridge so an event published on one instance
/// reaches subscribers on every instance.
///
/// With PostgreSQL, `publish` only sends `NOTIFY`; every instance (this one
/// included) delivers the notification it hears to its local subscribers,
/// so each subscriber gets each event exactly once, whichever instance
/// published it. `NOTIFY` inside no transaction is sent at once.
public final class OrderEvents: Sendable {
    static let topic = "orders"
    static let channel = "order_events"

    public let broker = PubSubBroker.InMemory<OrderEvent>()
    private let postgres: PostgresClient?
    private let logger: Logger
    /// Opened once LISTEN is active, so the server starts only when an event
    /// from another instance can no longer be missed.
    private let listening: AsyncStream<Void>
    private let listeningContinuation: AsyncStream<Void>.Continuation

    public init(postgres: PostgresClient?, logger: Logger) {
        self.postgres = postgres
        self.logger = logger
        (listening, listeningContinuation) = AsyncStream.makeStream()
        if postgres == nil { listeningContinuation.finish() }
    }

    /// Publishes `event` to every subscriber of every instance.
    public func publish(_ event: OrderEvent) async {
        guard let postgres else {
            await broker.publish(event, to: Self.topic)
            return
        }
        do {
            let payload = String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
            try await postgres.query("SELECT pg_notify(\(Self.channel), \(payload))", logger: logger)
        } catch {
            // An event is a notification, not the record (the order row is):
            // a lost one is logged, and the order stays readable.
            logger.error("could not publish event", metadata: ["order": "\(event.orderId)", "error": "\(error)"])
        }
    }

    /// A new subscription; events from before this call are not replayed.
    public func subscribe() async throws -> PubSubBroker.Subscription<OrderEvent> {
        try await broker.subscribe(to: Self.topic, policy: .disconnect(bufferSize: 256))
    }

    /// Waits until LISTEN is active (returns at once without PostgreSQL).
    public func waitUntilListening() async {
        for await _ in listening {}
    }

    /// Whether events travel through PostgreSQL's NOTIFY.
    public var relaysThroughPostgres: Bool { postgres != nil }

    /// Holds one pooled connection in LISTEN and relays what it hears, until
    /// graceful shutdown.
    func relayNotifications() async throws {
        guard let postgres else { return }
        try await postgres.withConnection { connection in
            try await connection.listen(on: Self.channel) { notifications in
                self.listeningContinuation.finish()
                try await cancelWhenGracefulShutdown {
                    for try await notification in notifications {
                        guard
                            let event = try? JSONDecoder().decode(
                                OrderEvent.self, from: Data(notification.payload.utf8))
                        else {
                            self.logger.warning(
                                "ignored a malformed event", metadata: ["payload": "\(notification.payload)"])
                            continue
                        }
                        await self.broker.publish(event, to: Self.topic)
                    }
                }
            }
        }
    }
}

/// Runs ``OrderEvents``' LISTEN relay in the service group until graceful
/// shutdown, reconnecting after a lost connection. `/events` streams end on
/// their own at shutdown (see ``EventRoutes``).
struct OrderEventsService: Service {
    let events: OrderEvents
    let logger: Logger

    func run() async throws {
        guard events.relaysThroughPostgres else {
            try? await gracefulShutdown()
            return
        }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await events.relayNotifications()
            } catch {
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
                logger.error("LISTEN relay failed; reconnecting", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
