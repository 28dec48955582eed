/// The transactional outbox: a service commits its state change and the
/// event announcing it in ONE database transaction, and a relay publishes
/// the event afterwards and then marks it sent. Nothing committed is lost,
/// but an event can be published twice, so delivery is at least once; the
/// effect happens exactly once only when the consumer is idempotent, here
/// through an inbox of processed message ids written in the same transaction
/// as its effect.
///
/// ```swift
/// typealias Outbox = TransactionalOutbox
/// let orders = Outbox.Database(Outbox.ServiceTables())
/// let broker = Outbox.Broker(maxDeliveries: 5)
/// try await Outbox.OrderService(database: orders).place("order-7")       // order row + outbox row, one commit
/// try await Outbox.Relay(database: orders, broker: broker).publishPending() // publish, then mark sent
/// let shipping = Outbox.Database(Outbox.InboxTables(state: [String: [String]]()))
/// let consumer = Outbox.Consumer(database: shipping) { timeline, message in
///     timeline[message.key, default: []].append(message.payload)
/// }
/// try await consumer.drain(broker)   // each message's effect applied once, however often it arrives
/// ```
///
/// ## Why interviewers ask this
/// "Save the order, then publish `OrderPlaced` to Kafka" is two writes to two
/// systems with no transaction spanning them (the dual-write problem). A crash
/// between them loses the event when the database goes first, and invents one
/// (for an order that was rolled back) when the broker goes first; retrying
/// cannot fix either, because after the crash nobody knows the second write is
/// owed. Interviewers want the outbox (or change data capture, which tails the
/// database's log instead of polling a table), the guarantee it really gives
/// (at least once, not exactly once), and what the consumer must do about
/// duplicates, ordering and a message that always fails.
///
/// ## What the in-memory model stands for
/// - ``Database`` is a database: ``Database/transaction(_:)`` is
///   `BEGIN … COMMIT`, one call on an actor that runs a *synchronous* body on
///   a copy of the tables and keeps the copy only if the body returns. It is
///   all or nothing (a throw discards the copy) and runs one transaction at a
///   time (serialisable). The body cannot `await`, so a broker call cannot
///   happen inside a transaction, which is the whole problem.
/// - ``Broker`` is a durable broker shaped like an SQS FIFO queue with a
///   redrive policy: one ordered queue per key (a message group), nothing
///   else from a key while one of its messages is out for delivery, a
///   delivery that is not acknowledged delivered again, and a message that
///   failed `maxDeliveries` deliveries moved to a dead-letter queue. (Kafka
///   keeps order per partition, which many keys share, and leaves
///   dead-lettering to the consumer.) `publish` returns once the message is
///   stored, as a producer waiting for `acks=all` or a publisher confirm does.
/// - A crash is a thrown ``SimulatedCrash`` at a ``CrashPoint`` the test
///   names. Restarting means building a new ``Relay`` or ``Consumer`` over the
///   same database and broker: neither keeps any state of its own, which is the design.
///
/// ## Common pitfalls
/// - The dual write (``DualWrite``): commit, then publish, loses the event if
///   the process dies in between; publish, then commit, announces an order
///   that never existed if the commit fails (a constraint, a deadlock, a crash).
/// - Marking the row sent before publishing, or in the same step as reading
///   it: a crash after the mark and before the publish loses the event for
///   good. That is at-most-once delivery again (experiment `transactional-outbox.mark-sent-before-publish`).
/// - Calling the outbox exactly-once. The relay can crash after the publish
///   and before the mark, so it publishes again; brokers redeliver too.
///   Exactly-once is an *effect*: at-least-once delivery plus a consumer that
///   records each processed id in the same transaction as its effect
///   (``Consumer``). Recording the id in a separate transaction reopens a
///   crash window between the two, and the inbox dedupes only effects that
///   live in that database: an email or a call to another service needs that
///   service's own idempotency key.
/// - A message id minted at publish time (a fresh UUID per send): the
///   duplicate then looks new to the inbox. The id is the outbox row's, fixed
///   in the producer's transaction.
/// - Polling by high-water mark (`WHERE id > $last`). PostgreSQL hands out
///   sequence values at insert, not at commit, so a row with a smaller id can
///   commit after a larger one has been read, and that relay skips it
///   forever (probed on PostgreSQL 15). Poll unsent rows (`WHERE sent_at IS
///   NULL ORDER BY id`) and index them.
/// - Per-key order from the ids. Ids follow commit order for one key only if
///   each transaction locks the key's row *before* it inserts the outbox row
///   (update the order, then insert the event): inserting first lets a later
///   state change take a smaller id (probed on PostgreSQL 15). This model
///   runs one transaction at a time, so its ids are in commit order. Publish
///   from one relay at a time (behind a lease, see `FencingTokens`), and let
///   the broker partition by key.
/// - A poison message: one that always fails would be redelivered forever
///   and block its queue. Here the broker dead-letters it after
///   `maxDeliveries` failures and its key moves on; other keys are never
///   blocked by it. The price is order within that key, since its later
///   events are applied without it. A consumer that cannot accept a gap must
///   instead stop taking that key's messages and alert; either way, decide it
///   explicitly. The failed attempts leave no trace in the inbox, so a replay
///   from the dead-letter queue after a fix still applies it once.
/// - An outbox that only grows: delete or archive sent rows in batches, and
///   keep inbox ids for longer than the longest redelivery window, and that
///   includes the relay's: a relay that crashed after publishing republishes
///   whenever it comes back, after an outage of any length, so expire ids
///   only together with the outbox rows they could be republished from.
///
/// ## Key takeaway
/// Make the event part of the state change: one transaction writes both,
/// and a relay publishes committed rows, in order, marking each one sent only
/// after the broker confirmed it. That gives at-least-once delivery, never
/// exactly-once delivery. The exactly-once *effect* comes from the consumer:
/// it applies the effect and records the message id in one transaction,
/// and skips ids it has seen. Decide what a poison message does, rather
/// than let it block a queue.
public enum TransactionalOutbox {
    /// A message's identity: the outbox row's, fixed when the producer commits.
    public struct MessageID: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public var description: String { rawValue }
    }

    /// An event on its way to consumers.
    public struct Message: Hashable, Sendable {
        public let id: MessageID
        /// The aggregate it is about (an order id): the broker keeps the
        /// messages of one key in order.
        public let key: String
        public let payload: String

        public init(id: MessageID, key: String, payload: String) {
            self.id = id
            self.key = key
            self.payload = payload
        }
    }

    /// Where a test makes a component crash.
    public enum CrashPoint: Hashable, Sendable {
        /// ``DualWrite``: after its first write, before its second.
        case betweenTheTwoWrites
        /// ``Relay``: the row was read, not yet published.
        case relayBeforePublish(MessageID)
        /// ``Relay``: the broker has the message, the row is not marked sent.
        case relayAfterPublish(MessageID)
        /// ``Consumer``: the effect and the inbox row are committed, the
        /// delivery is not acknowledged.
        case consumerBeforeAcknowledge(MessageID)
    }

    /// The process died at `point`. Whatever it had committed stays committed.
    public struct SimulatedCrash: Error, Hashable, Sendable {
        public let point: CrashPoint

        public init(point: CrashPoint) {
            self.point = point
        }
    }

    /// A database: tables plus atomic transactions.
    public actor Database<Tables: Sendable> {
        private var tables: Tables

        public init(_ tables: Tables) {
            self.tables = tables
        }

        /// `BEGIN; body; COMMIT`, or `ROLLBACK` if `body` throws: the body
        /// works on a copy that replaces the tables only when it returns.
        /// Synchronous, so nothing outside the database can happen inside it.
        public func transaction<Result: Sendable>(_ body: @Sendable (inout Tables) throws -> Result) rethrows
            -> Result
        {
            var working = tables
            let result = try body(&working)
            tables = working
            return result
        }

        /// The committed state, for observers.
        public var committed: Tables { tables }
    }

    /// One outbox row: `outbox(id BIGSERIAL, message_id, key, payload, sent_at)`.
    public struct OutboxRow: Hashable, Sendable {
        public let id: Int
        public let message: Message
        public var isSent: Bool
    }

    /// The order service's schema: `orders(id, status)` and the outbox.
    public struct ServiceTables: Sendable {
        public var orders: [String: String] = [:]
        public private(set) var outbox: [OutboxRow] = []
        private var lastOutboxID = 0

        public init() {}

        /// Inserts an outbox row; its id names the message for good.
        mutating func enqueue(key: String, payload: String) -> Message {
            lastOutboxID += 1
            let message = Message(id: MessageID(rawValue: "outbox-\(lastOutboxID)"), key: key, payload: payload)
            outbox.append(OutboxRow(id: lastOutboxID, message: message, isSent: false))
            return message
        }

        /// `SELECT … FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1`.
        func unsent(limit: Int) -> [OutboxRow] {
            Array(outbox.filter { !$0.isSent }.prefix(limit))
        }

        /// `UPDATE outbox SET sent_at = now() WHERE id = $1`.
        mutating func markSent(_ id: Int) {
            guard let index = outbox.firstIndex(where: { $0.id == id }) else { return }
            outbox[index].isSent = true
        }
    }

    /// Why an order could not change.
    public enum OrderError: Error, Hashable, Sendable {
        case alreadyExists(String)
        case notFound(String)
    }

    /// The producer, done right: every state change and its event in one
    /// transaction.
    public struct OrderService: Sendable {
        public let database: Database<ServiceTables>

        public init(database: Database<ServiceTables>) {
            self.database = database
        }

        /// `INSERT INTO orders …; INSERT INTO outbox …; COMMIT`.
        /// - Throws: ``OrderError/alreadyExists(_:)``; then neither row exists.
        @discardableResult
        public func place(_ orderID: String) async throws -> Message {
            try await database.transaction { tables in
                guard tables.orders[orderID] == nil else { throw OrderError.alreadyExists(orderID) }
                tables.orders[orderID] = "placed"
                return tables.enqueue(key: orderID, payload: "placed")
            }
        }

        /// Changes an order's status and enqueues the event, in that order
        /// (the row lock first, then the outbox id: see the ordering pitfall).
        /// - Throws: ``OrderError/notFound(_:)``.
        @discardableResult
        public func update(_ orderID: String, to status: String) async throws -> Message {
            try await database.transaction { tables in
                guard tables.orders[orderID] != nil else { throw OrderError.notFound(orderID) }
                tables.orders[orderID] = status
                return tables.enqueue(key: orderID, payload: status)
            }
        }
    }

    /// The pitfall, kept for contrast: the order row and the event written
    /// to two systems, one after the other.
    public struct DualWrite: Sendable {
        public enum Order: Hashable, Sendable {
            /// Loses the event when the process dies after the commit.
            case commitThenPublish
            /// Announces an order that does not exist when the commit fails.
            case publishThenCommit
        }

        public let database: Database<ServiceTables>
        public let broker: Broker
        public let order: Order
        public let crashPoints: Set<CrashPoint>

        /// - Parameter crashPoints: `[.betweenTheTwoWrites]` to die in the gap.
        public init(database: Database<ServiceTables>, broker: Broker, order: Order, crashPoints: Set<CrashPoint> = [])
        {
            self.database = database
            self.broker = broker
            self.order = order
            self.crashPoints = crashPoints
        }

        public func place(_ orderID: String) async throws {
            let message = Message(id: MessageID(rawValue: "dual-\(orderID)"), key: orderID, payload: "placed")
            switch order {
            case .commitThenPublish:
                try await insertOrder(orderID)
                if crashPoints.contains(.betweenTheTwoWrites) { throw SimulatedCrash(point: .betweenTheTwoWrites) }
                await broker.publish(message)
            case .publishThenCommit:
                await broker.publish(message)
                if crashPoints.contains(.betweenTheTwoWrites) { throw SimulatedCrash(point: .betweenTheTwoWrites) }
                try await insertOrder(orderID)
            }
        }

        private func insertOrder(_ orderID: String) async throws {
            try await database.transaction { tables in
                guard tables.orders[orderID] == nil else { throw OrderError.alreadyExists(orderID) }
                tables.orders[orderID] = "placed"
            }
        }
    }

    /// Publishes committed outbox rows in id order, marking each sent only
    /// after the broker has it. Stateless: after a crash, a new relay over
    /// the same database carries on from the unsent rows.
    ///
    /// Run ONE relay at a time (behind a lease): relays that split the rows
    /// between them (`FOR UPDATE SKIP LOCKED`) can publish a key's later
    /// event before its earlier one.
    public struct Relay: Sendable {
        public let database: Database<ServiceTables>
        public let broker: Broker
        public let crashPoints: Set<CrashPoint>

        public init(database: Database<ServiceTables>, broker: Broker, crashPoints: Set<CrashPoint> = []) {
            self.database = database
            self.broker = broker
            self.crashPoints = crashPoints
        }

        /// Publishes up to `limit` unsent rows, oldest first.
        /// - Returns: How many rows were published and marked sent.
        /// - Throws: ``SimulatedCrash`` at an injected point; what was
        ///   published and not yet marked will be published again.
        /// - Precondition: `limit >= 1`.
        @discardableResult
        public func publishPending(limit: Int = 100) async throws -> Int {
            precondition(limit >= 1, "a relay batch needs a limit of at least 1 (got \(limit))")
            let batch = await database.transaction { $0.unsent(limit: limit) }
            for row in batch {
                try crash(at: .relayBeforePublish(row.message.id))
                await broker.publish(row.message)
                try crash(at: .relayAfterPublish(row.message.id))
                await database.transaction { tables in tables.markSent(row.id) }
            }
            return batch.count
        }

        private func crash(at point: CrashPoint) throws(SimulatedCrash) {
            if crashPoints.contains(point) { throw SimulatedCrash(point: point) }
        }
    }

    /// One delivery of a message; `attempt` counts from 1.
    public struct Delivery: Hashable, Sendable {
        public let message: Message
        public let attempt: Int
    }

    /// A durable broker with one FIFO queue per key. At least once: a
    /// message stays at the head of its queue until acknowledged, and its
    /// key delivers nothing else meanwhile.
    public actor Broker {
        private struct Entry {
            var message: Message
            var deliveries = 0
            var inFlight = false
        }

        /// Failed deliveries after which a message is dead-lettered.
        public nonisolated let maxDeliveries: Int
        private var queues: [String: [Entry]] = [:]
        /// Keys in first-published order, served round-robin.
        private var keys: [String] = []
        private var nextKey = 0
        /// Every message ever accepted, duplicates included, in order.
        public private(set) var published: [Message] = []
        /// Messages that failed `maxDeliveries` times, for an operator to replay.
        public private(set) var deadLetters: [Message] = []

        /// - Precondition: `maxDeliveries >= 1`.
        public init(maxDeliveries: Int) {
            precondition(maxDeliveries >= 1, "maxDeliveries must be at least 1 (got \(maxDeliveries))")
            self.maxDeliveries = maxDeliveries
        }

        /// Stores `message` at the back of its key's queue. A message sent
        /// twice is stored twice: brokers do not deduplicate for you.
        public func publish(_ message: Message) {
            if queues[message.key] == nil { keys.append(message.key) }
            queues[message.key, default: []].append(Entry(message: message))
            published.append(message)
        }

        /// The head of the next key, round-robin, whose head is not already
        /// out for delivery; `nil` when there is none.
        /// - Complexity: O(k) for k keys.
        public func receive() -> Delivery? {
            for offset in 0..<keys.count {
                let key = keys[(nextKey + offset) % keys.count]
                guard var head = queues[key]?.first, !head.inFlight else { continue }
                head.inFlight = true
                head.deliveries += 1
                queues[key]![0] = head
                nextKey = (nextKey + offset + 1) % keys.count
                return Delivery(message: head.message, attempt: head.deliveries)
            }
            return nil
        }

        /// Processed: removes the message from its queue.
        public func acknowledge(_ delivery: Delivery) {
            guard let head = queues[delivery.message.key]?.first, head.inFlight, head.message == delivery.message
            else { return }
            queues[delivery.message.key]!.removeFirst()
        }

        /// Failed: delivered again later, or dead-lettered once it has been
        /// delivered `maxDeliveries` times; its key moves on either way.
        public func reject(_ delivery: Delivery) {
            guard var head = queues[delivery.message.key]?.first, head.inFlight, head.message == delivery.message
            else { return }
            if head.deliveries >= maxDeliveries {
                queues[delivery.message.key]!.removeFirst()
                deadLetters.append(head.message)
            } else {
                head.inFlight = false
                queues[delivery.message.key]![0] = head
            }
        }

        /// The consumer's session ended without acknowledging (it crashed;
        /// a visibility timeout passed): everything out for delivery is
        /// delivered again.
        public func redeliverUnacknowledged() {
            for key in keys where queues[key]?.first?.inFlight == true {
                queues[key]![0].inFlight = false
            }
        }
    }

    /// A consumer's schema: its own state and the inbox of processed ids.
    public struct InboxTables<State: Sendable>: Sendable {
        public var state: State
        /// `inbox(message_id PRIMARY KEY)`.
        public var inbox: Set<MessageID> = []

        public init(state: State) {
            self.state = state
        }
    }

    /// What one message did.
    public enum HandleOutcome: Hashable, Sendable {
        case applied
        /// Its id was already in the inbox: nothing changed.
        case duplicate
    }

    /// Counts from one ``Consumer/drain(_:)``.
    public struct DrainReport: Hashable, Sendable {
        public var applied = 0
        public var duplicates = 0
        /// Deliveries whose effect threw (each rolled back, then rejected).
        public var failures = 0

        public init(applied: Int = 0, duplicates: Int = 0, failures: Int = 0) {
            self.applied = applied
            self.duplicates = duplicates
            self.failures = failures
        }
    }

    /// An idempotent consumer: the effect and the inbox row commit together.
    public struct Consumer<State: Sendable>: Sendable {
        /// The effect of one message on the consumer's state; throwing rolls
        /// the transaction back (nothing applied, nothing recorded).
        public typealias Effect = @Sendable (inout State, Message) throws -> Void

        /// Whether processed ids are recorded and checked.
        public enum Deduplication: Hashable, Sendable {
            case inbox
            /// The pitfall: every delivery applies its effect, duplicates too.
            case none
        }

        public let database: Database<InboxTables<State>>
        public let deduplication: Deduplication
        public let crashPoints: Set<CrashPoint>
        private let effect: Effect

        public init(
            database: Database<InboxTables<State>>, deduplication: Deduplication = .inbox,
            crashPoints: Set<CrashPoint> = [], effect: @escaping Effect
        ) {
            self.database = database
            self.deduplication = deduplication
            self.crashPoints = crashPoints
            self.effect = effect
        }

        /// Applies `message` unless its id is in the inbox, and records the
        /// id, in ONE transaction.
        /// - Throws: What the effect throws; then nothing was recorded.
        public func handle(_ message: Message) async throws -> HandleOutcome {
            try await database.transaction { [effect, deduplication] tables in
                if deduplication == .inbox, tables.inbox.contains(message.id) { return .duplicate }
                try effect(&tables.state, message)
                tables.inbox.insert(message.id)
                return .applied
            }
        }

        /// Receives until nothing is deliverable: handles each delivery, then
        /// acknowledges it; a delivery whose effect throws is rejected
        /// (redelivered, or dead-lettered by the broker).
        /// - Throws: ``SimulatedCrash`` at an injected point.
        @discardableResult
        public func drain(_ broker: Broker) async throws -> DrainReport {
            var report = DrainReport()
            while let delivery = await broker.receive() {
                let outcome: HandleOutcome
                do {
                    outcome = try await handle(delivery.message)
                } catch {
                    report.failures += 1
                    await broker.reject(delivery)
                    continue
                }
                if crashPoints.contains(.consumerBeforeAcknowledge(delivery.message.id)) {
                    throw SimulatedCrash(point: .consumerBeforeAcknowledge(delivery.message.id))
                }
                await broker.acknowledge(delivery)
                switch outcome {
                case .applied: report.applied += 1
                case .duplicate: report.duplicates += 1
                }
            }
            return report
        }
    }
}
