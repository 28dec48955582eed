/// Two ways to change several services' data "together": two-phase commit
/// (atomic, but it blocks) and sagas (no lock across services,
/// but no isolation), and the two ways to run a saga: orchestration and
/// choreography.
///
/// ```swift
/// typealias Lesson = SagasVersusTwoPhaseCommit
/// var coordinator = Lesson.Coordinator()
/// var databases = [
///     "inventory": Lesson.Participant(name: "inventory", values: ["book": 10]),
///     "payments": Lesson.Participant(name: "payments", values: ["alice": 100]),
/// ]
/// coordinator.execute("t1", changes: ["inventory": ["book": -2], "payments": ["alice": -30]], on: &databases)
/// // .committed: both databases changed, or (any "no" vote) neither did
///
/// // The same order as a saga: one local transaction per service, undone by compensations.
/// let shop = Lesson.Shop(stock: ["book": 10], credit: ["alice": 100])
/// let order = Lesson.Order(id: "o1", customer: "alice", item: "book", quantity: 2, priceCents: 30)
/// _ = try await Lesson.orchestratedCheckout(in: shop).run(order)  // one coordinator drives the steps
/// // …or, with no coordinator, each service reacts to the others' events:
/// _ = try await Lesson.Choreography.checkout(in: otherShop).run(placing: order)
/// ```
///
/// ## Why interviewers ask this
/// "The order, the stock and the payment live in three services: how do you
/// keep them consistent?" Answering "a distributed transaction" invites the
/// follow-up: what happens when the coordinator dies between the two phases?
/// Answering "a saga" invites the other one: what does a concurrent request
/// see half-way through, and how do you stop it acting on that? The question
/// also separates orchestration (one place owns the flow) from choreography
/// (services react to each other's events), and what each makes hard.
///
/// ## Common pitfalls
/// - Describing 2PC as "prepare, then commit" without its two durability
///   rules. A participant votes yes only after its changes and its locks
///   would survive its own crash (``Participant/prepare(_:changes:)``), and
///   the coordinator writes its decision to its log *before* telling anyone
///   (the commit point, in ``Coordinator/execute(_:changes:on:crashing:)``).
///   That log is what lets a restarted coordinator finish the job
///   (``Coordinator/recover(_:)``); with no decision logged it may abort
///   ("presumed abort"), because no participant can have been told to commit.
/// - Forgetting that a yes-voter is *blocked*. It may not abort on its own
///   (another participant may already have committed) nor commit (another may
///   have voted no): until the decision arrives it is in doubt and keeps its
///   locks, so a coordinator that dies after the prepare phase stalls every
///   transaction on those keys (``Participant/giveUp(_:)`` throws
///   ``InDoubt``). A participant that decides anyway (XA calls it a heuristic
///   decision) breaks atomicity whenever it guessed differently from the
///   coordinator, and a human has to repair it
///   (``Participant/heuristicConflicts``). Here a conflicting transaction is
///   refused at once; a real database would usually make it wait for the
///   lock, up to a lock timeout.
/// - Believing 2PC gives isolation. It gives atomic *commitment* only;
///   isolation comes from each participant's concurrency control. This
///   model's participants lock reads too (strict two-phase locking), so a
///   read of an in-doubt key is refused. An MVCC database (PostgreSQL,
///   InnoDB) makes only *writers* wait on a prepared transaction's locks;
///   plain reads see the old version at once, and a reader can see one
///   participant committed and another not yet (a fractured read; checked
///   with `PREPARE TRANSACTION` on PostgreSQL 15). Cross-participant
///   isolation needs locking readers or a global snapshot (Spanner).
/// - Treating a saga as a transaction. Each step commits locally, so a saga
///   has atomicity (through compensation) but no isolation: others see its
///   intermediate state. A reader sees stock that will come back and an
///   order that will be rejected (a dirty read), and a compensation that
///   writes back the value it saw erases what others wrote meanwhile (a lost
///   update, ``Inventory/CompensationStyle/restoreSnapshot``).
/// - Not designing the countermeasures in. A *semantic lock*: the order is
///   created `pending` and readers and commands honour that flag
///   (``Orders/ordersToShip()`` hides it, ``Orders/requestCancellation(_:)``
///   refuses it); it only works if every reader checks it
///   (``Orders/ordersIgnoringTheLock()`` does not). It is still a lock: a
///   stalled saga leaves the order pending until recovery finishes it, but
///   as business state the application decides how to treat, not a
///   database lock held in doubt. *Commutative updates*: undo with
///   `stock += quantity`, never `stock = before`. *Re-reading a value* just
///   before writing it, as ``Payments/charge(_:)`` re-reads the credit after
///   its await. *Step order*: compensatable steps first, then the pivot (the
///   go/no-go step, here the charge), then steps that cannot fail and are
///   retried until they succeed; reserving before charging means an order
///   out of stock never touches the card.
/// - Choreographing a long flow. No place shows it whole: it is spread over
///   every service's subscriptions and is visible only as a trace
///   (``Choreography/run(placing:limit:)``). Services end up depending on each
///   other in cycles (``Choreography/dependencyCycle()``: inventory reacts to
///   payments and payments to inventory), events can ping-pong, and a
///   forgotten subscription (inventory not listening for `paymentDeclined`)
///   fails silently: nothing throws, the stock just stays reserved.
///
/// ## Key takeaway
/// 2PC buys atomic commitment by holding locks
/// across network round trips, with one coordinator whose crash blocks the
/// participants; it fits systems that own every participant and keep the
/// coordinator's log highly available (Spanner runs it over Paxos-replicated
/// groups), rarely a set of microservices. A saga holds no lock across
/// services and never waits for a remote decision: every step is a local
/// transaction, failures are undone by compensations (``Saga`` in
/// SagaCompensation.swift), and the missing isolation is handled by design:
/// semantic locks, commutative updates, step order. Orchestrate when the
/// flow has more than a few steps; choreography suits short flows between
/// few services.
public enum SagasVersusTwoPhaseCommit {}

// MARK: - Two-phase commit

extension SagasVersusTwoPhaseCommit {
    public typealias TransactionID = String

    /// A participant's answer to PREPARE.
    public enum Vote: Hashable, Sendable {
        /// The changes are durable and locked: the participant can commit
        /// whatever happens to it, and has given up the right to abort alone.
        case yes
        case no(reason: String)
    }

    public enum Decision: String, Hashable, Sendable, Codable {
        case commit, abort
    }

    /// A participant that voted yes was asked to decide alone.
    public struct InDoubt: Error, Hashable, CustomStringConvertible {
        public let transaction: TransactionID
        public let participant: String

        public init(transaction: TransactionID, participant: String) {
            self.transaction = transaction
            self.participant = participant
        }

        public var description: String {
            "\(participant) voted yes on \(transaction) and must wait for the coordinator's decision"
        }
    }

    /// A read of a key that a prepared (in-doubt) transaction has locked.
    public struct Locked: Error, Hashable, CustomStringConvertible {
        public let key: String
        public let holder: TransactionID

        public init(key: String, holder: TransactionID) {
            self.key = key
            self.holder = holder
        }

        public var description: String { "\(key) is locked by \(holder), which is in doubt" }
    }

    /// One database taking part in two-phase commit: integer values that must
    /// never go below zero (a stock level, a credit balance).
    ///
    /// A value type whose every stored property stands for what a real
    /// participant keeps on disk: committed values, the prepare records with
    /// their locks, and the outcome of every transaction it took part in.
    public struct Participant: Sendable, Hashable {
        public enum Status: Hashable, Sendable {
            /// Never asked, or asked and has not answered.
            case unknown
            /// Voted yes and waits for the decision: in doubt.
            case prepared
            case committed
            case aborted
        }

        public let name: String
        /// Committed values.
        public private(set) var values: [String: Int]
        /// Each locked key and the prepared transaction holding it.
        public private(set) var locks: [String: TransactionID] = [:]
        /// Decisions that contradicted what this participant had already done
        /// alone: atomicity is broken and a human must repair it.
        public private(set) var heuristicConflicts: [TransactionID] = []
        /// The prepare record: the changes of each transaction voted yes on.
        private var prepared: [TransactionID: [String: Int]] = [:]
        private var outcomes: [TransactionID: Decision] = [:]

        public init(name: String, values: [String: Int]) {
            self.name = name
            self.values = values
        }

        public func status(of transaction: TransactionID) -> Status {
            if prepared[transaction] != nil { return .prepared }
            switch outcomes[transaction] {
            case .commit: return .committed
            case .abort: return .aborted
            case nil: return .unknown
            }
        }

        /// The transactions this participant voted yes on and has not heard about.
        /// - Complexity: O(*t* log *t*) for *t* prepared transactions.
        public var inDoubt: [TransactionID] { prepared.keys.sorted() }

        /// Reads a committed value (0 for a key never written).
        /// - Throws: ``Locked`` while a prepared transaction holds `key`: its
        ///   new value is neither committed nor abandoned yet.
        public func read(_ key: String) throws(Locked) -> Int {
            if let holder = locks[key] { throw Locked(key: key, holder: holder) }
            return values[key, default: 0]
        }

        /// Phase 1: votes on `changes` (a delta per key).
        ///
        /// Votes no when a key is locked by another transaction or a value
        /// would go below zero; a participant that votes no knows the outcome
        /// and aborts at once. Votes yes only after recording the changes and
        /// locking their keys (a real participant forces both to its log
        /// first), so it can commit even if it crashes before the decision.
        /// Asking again returns the same vote.
        /// - Precondition: `transaction` has not committed here.
        /// - Complexity: O(*k* log *k*) for *k* changed keys.
        public mutating func prepare(_ transaction: TransactionID, changes: [String: Int]) -> Vote {
            switch status(of: transaction) {
            case .prepared: return .yes
            case .aborted: return .no(reason: "\(name) already aborted \(transaction)")
            case .committed: preconditionFailure("\(transaction) asked to prepare after it committed at \(name)")
            case .unknown: break
            }
            let keys = changes.keys.sorted()
            for key in keys {
                if let holder = locks[key] {
                    outcomes[transaction] = .abort
                    return .no(reason: "\(key) is locked by \(holder)")
                }
                let newValue = values[key, default: 0] + changes[key]!
                if newValue < 0 {
                    outcomes[transaction] = .abort
                    return .no(reason: "\(key) would be \(newValue)")
                }
            }
            prepared[transaction] = changes
            for key in keys { locks[key] = transaction }
            return .yes
        }

        /// Phase 2: applies the coordinator's decision. Hearing the same
        /// decision again does nothing (decisions are re-sent after a crash);
        /// hearing the opposite of what this participant did alone is recorded
        /// in ``heuristicConflicts``.
        /// - Precondition: a commit arrives only for a transaction this
        ///   participant prepared (the coordinator commits only on yes votes).
        public mutating func receive(_ decision: Decision, for transaction: TransactionID) {
            if let earlier = outcomes[transaction] {
                if earlier != decision { heuristicConflicts.append(transaction) }
                return
            }
            precondition(
                decision == .abort || prepared[transaction] != nil,
                "commit of \(transaction), which \(name) never prepared")
            end(transaction, decision)
        }

        /// A participant's own timeout: abandons `transaction`. Allowed until
        /// it votes yes (a later PREPARE then gets a no).
        /// - Throws: ``InDoubt`` once it has voted yes: only the coordinator
        ///   may decide now, because another participant may have committed.
        public mutating func giveUp(_ transaction: TransactionID) throws(InDoubt) {
            if prepared[transaction] != nil { throw InDoubt(transaction: transaction, participant: name) }
            end(transaction, .abort)
        }

        private mutating func end(_ transaction: TransactionID, _ decision: Decision) {
            if let changes = prepared.removeValue(forKey: transaction) {
                for (key, delta) in changes {
                    if decision == .commit { values[key, default: 0] += delta }
                    locks[key] = nil
                }
            }
            outcomes[transaction] = decision
        }
    }

    /// The two-phase-commit coordinator. Its ``log`` is durable: a crash
    /// (``CrashPoint``) loses what it was doing, never what it wrote there.
    public struct Coordinator: Sendable, Hashable {
        /// Where a simulated crash stops the coordinator.
        public enum CrashPoint: Hashable, Sendable, CaseIterable {
            /// Every vote is in; nothing is decided.
            case afterPrepare
            /// The decision is logged; no participant has heard it.
            case afterDecisionLogged
        }

        public enum Outcome: Hashable, Sendable {
            case committed
            /// Each participant that voted no, and why.
            case aborted(reasons: [String: String])
            /// The coordinator stopped at a ``CrashPoint``.
            case crashed
        }

        /// The decision log: the commit point of every transaction.
        public private(set) var log: [TransactionID: Decision] = [:]

        public init() {}

        /// Runs one transaction: PREPARE on every participant in `changes`,
        /// then COMMIT if every vote was yes, ABORT otherwise.
        ///
        /// - Parameter changes: The deltas each participant applies, by name.
        /// - Precondition: `changes` is not empty, names only participants in
        ///   `participants`, and `transaction` was never run before.
        /// - Complexity: O(*p* log *p*) messages and log lookups for *p* participants.
        @discardableResult
        public mutating func execute(
            _ transaction: TransactionID, changes: [String: [String: Int]],
            on participants: inout [String: Participant], crashing crash: CrashPoint? = nil
        ) -> Outcome {
            precondition(!changes.isEmpty, "a transaction needs at least one participant")
            precondition(log[transaction] == nil, "\(transaction) was already decided")
            let names = changes.keys.sorted()
            var reasons: [String: String] = [:]
            for name in names {
                precondition(participants[name] != nil, "no participant named \(name)")
                if case .no(let reason) = participants[name]!.prepare(transaction, changes: changes[name]!) {
                    reasons[name] = reason
                }
            }
            if crash == .afterPrepare { return .crashed }
            let decision: Decision = reasons.isEmpty ? .commit : .abort
            // The commit point: written before any participant hears it, so
            // a restarted coordinator repeats this decision, never the other.
            log[transaction] = decision
            if crash == .afterDecisionLogged { return .crashed }
            for name in names { participants[name]!.receive(decision, for: transaction) }
            return reasons.isEmpty ? .committed : .aborted(reasons: reasons)
        }

        /// After a restart: answers every participant still in doubt with the
        /// logged decision. A transaction with no logged decision is aborted
        /// (presumed abort): the commit is logged before any COMMIT is sent, so
        /// no participant can have committed it.
        ///
        /// - Returns: The decision sent for each in-doubt transaction.
        /// - Complexity: O(*t* log *t*) for *t* in-doubt transactions.
        @discardableResult
        public mutating func recover(_ participants: inout [String: Participant]) -> [TransactionID: Decision] {
            var resolved: [TransactionID: Decision] = [:]
            for name in participants.keys.sorted() {
                for transaction in participants[name]!.inDoubt {
                    let decision = log[transaction] ?? .abort
                    log[transaction] = decision
                    participants[name]!.receive(decision, for: transaction)
                    resolved[transaction] = decision
                }
            }
            return resolved
        }
    }
}

// MARK: - The same checkout as a saga

extension SagasVersusTwoPhaseCommit {
    public struct Order: Hashable, Sendable, Codable {
        public let id: String
        public let customer: String
        public let item: String
        public let quantity: Int
        public let priceCents: Int

        /// - Precondition: `quantity > 0` and `priceCents >= 0`.
        public init(id: String, customer: String, item: String, quantity: Int, priceCents: Int) {
            precondition(quantity > 0, "an order needs a positive quantity (got \(quantity))")
            precondition(priceCents >= 0, "a price cannot be negative (got \(priceCents))")
            self.id = id
            self.customer = customer
            self.item = item
            self.quantity = quantity
            self.priceCents = priceCents
        }
    }

    public enum OrderStatus: Hashable, Sendable {
        /// The saga is still running: the semantic lock.
        case pending
        case confirmed
        /// The saga failed and compensated.
        case rejected
        case cancelled
    }

    public struct OutOfStock: Error, Hashable {
        public let item: String
        public let requested: Int
        public let available: Int

        public init(item: String, requested: Int, available: Int) {
            self.item = item
            self.requested = requested
            self.available = available
        }
    }

    public struct PaymentDeclined: Error, Hashable {
        public let order: String
        public let reason: String

        public init(order: String, reason: String) {
            self.order = order
            self.reason = reason
        }
    }

    /// A command refused because a saga holds the order (it is `pending`).
    public struct OrderIsPending: Error, Hashable {
        public let order: String

        public init(order: String) {
            self.order = order
        }
    }

    /// The order service's database. Every method is one local transaction.
    public actor Orders {
        public private(set) var statuses: [String: OrderStatus] = [:]

        public init() {}

        /// Creates the order as `pending`, the saga's semantic lock: it says
        /// "a saga is changing this; do not act on it yet". Creating it again
        /// changes nothing.
        public func create(_ order: Order) {
            if statuses[order.id] == nil { statuses[order.id] = .pending }
        }

        /// The saga's last step. Only a pending order moves.
        public func confirm(_ id: String) {
            if statuses[id] == .pending { statuses[id] = .confirmed }
        }

        /// The compensation of ``create(_:)``. Only a pending order moves.
        public func reject(_ id: String) {
            if statuses[id] == .pending { statuses[id] = .rejected }
        }

        /// A reader that honours the semantic lock: only confirmed orders ship.
        /// - Complexity: O(*n* log *n*) for *n* orders.
        public func ordersToShip() -> [String] {
            statuses.filter { $0.value == .confirmed }.keys.sorted()
        }

        /// The pitfall: a reader that ignores the status flag and takes every
        /// order not rejected as real, so it sees a running saga's order, one
        /// that may yet be rejected (a dirty read).
        /// - Complexity: O(*n* log *n*) for *n* orders.
        public func ordersIgnoringTheLock() -> [String] {
            statuses.filter { $0.value != .rejected && $0.value != .cancelled }.keys.sorted()
        }

        /// A customer's cancel. Accepted mid-saga, it would race the saga's
        /// `confirm` and the charge still to come; the semantic lock refuses
        /// it instead, and the client retries once the order settled.
        ///
        /// - Returns: `true` when a confirmed order was cancelled (its refund
        ///   would be a saga of its own, not shown); `false` for an unknown,
        ///   rejected or already cancelled order.
        /// - Throws: ``OrderIsPending`` while the order's saga runs.
        public func requestCancellation(_ id: String) throws(OrderIsPending) -> Bool {
            switch statuses[id] {
            case .pending: throw OrderIsPending(order: id)
            case .confirmed:
                statuses[id] = .cancelled
                return true
            case .rejected, .cancelled, nil: return false
            }
        }
    }

    /// The inventory service's database.
    public actor Inventory {
        /// How ``release(_:)`` undoes a reservation.
        public enum CompensationStyle: Hashable, Sendable {
            /// `stock += quantity`: commutes with every other change to the
            /// stock, so it is correct whatever happened in between.
            case commutative
            /// The pitfall: `stock = stock before the reservation`. It erases
            /// every change made since, such as a restock (a lost update).
            case restoreSnapshot
        }

        private struct Reservation {
            let item: String
            let quantity: Int
            let stockBefore: Int
        }

        public private(set) var stock: [String: Int]
        public let compensation: CompensationStyle
        private var reservations: [String: Reservation] = [:]

        public init(stock: [String: Int], compensation: CompensationStyle = .commutative) {
            self.stock = stock
            self.compensation = compensation
        }

        public func stock(of item: String) -> Int { stock[item, default: 0] }

        /// Takes the order's quantity out of stock. Reserving the same order
        /// again changes nothing.
        /// - Throws: ``OutOfStock`` when there is not enough.
        public func reserve(_ order: Order) throws(OutOfStock) {
            guard reservations[order.id] == nil else { return }
            let available = stock[order.item, default: 0]
            guard available >= order.quantity else {
                throw OutOfStock(item: order.item, requested: order.quantity, available: available)
            }
            reservations[order.id] = Reservation(item: order.item, quantity: order.quantity, stockBefore: available)
            stock[order.item] = available - order.quantity
        }

        /// The compensation of ``reserve(_:)``; idempotent (a second call finds
        /// no reservation).
        public func release(_ orderID: String) {
            guard let reservation = reservations.removeValue(forKey: orderID) else { return }
            switch compensation {
            case .commutative: stock[reservation.item, default: 0] += reservation.quantity
            case .restoreSnapshot: stock[reservation.item] = reservation.stockBefore
            }
        }

        /// Another writer: a delivery arrives.
        /// - Precondition: `quantity > 0`.
        public func restock(_ item: String, quantity: Int) {
            precondition(quantity > 0, "a restock adds a positive quantity (got \(quantity))")
            stock[item, default: 0] += quantity
        }
    }

    /// The payment service's database, with the card network behind it.
    public actor Payments {
        /// The card network's answer for one order (the slow, remote call).
        public typealias Authorizer = @Sendable (Order) async -> Bool

        public private(set) var credit: [String: Int]
        /// The live charge of each order: customer and amount.
        public private(set) var charges: [String: Charge] = [:]
        private let authorize: Authorizer

        public struct Charge: Hashable, Sendable {
            public let customer: String
            public let amountCents: Int

            public init(customer: String, amountCents: Int) {
                self.customer = customer
                self.amountCents = amountCents
            }
        }

        public init(credit: [String: Int], authorize: @escaping Authorizer = { _ in true }) {
            self.credit = credit
            self.authorize = authorize
        }

        /// Charges the order's price to its customer's credit. Charging the
        /// same order again never takes the credit twice: the charge table is
        /// checked after the card network answers. (The retry still reaches
        /// the network; a real service would also pass the order id to it as
        /// an idempotency key.)
        /// - Throws: ``PaymentDeclined`` when the card network says no or the
        ///   credit is too low.
        public func charge(_ order: Order) async throws(PaymentDeclined) {
            guard await authorize(order) else {
                throw PaymentDeclined(order: order.id, reason: "declined by the card network")
            }
            // Re-read after the await: the actor let other calls in while the
            // network answered, so the credit (and this order's charge) may
            // have changed since before it.
            guard charges[order.id] == nil else { return }
            let available = credit[order.customer, default: 0]
            guard available >= order.priceCents else {
                throw PaymentDeclined(order: order.id, reason: "credit \(available) < \(order.priceCents)")
            }
            credit[order.customer] = available - order.priceCents
            charges[order.id] = Charge(customer: order.customer, amountCents: order.priceCents)
        }

        /// The compensation of ``charge(_:)``; idempotent, and commutative
        /// (`credit += amount`).
        public func refund(_ orderID: String) {
            guard let charge = charges.removeValue(forKey: orderID) else { return }
            credit[charge.customer, default: 0] += charge.amountCents
        }
    }

    /// The three services of the checkout, each with its own database.
    public struct Shop: Sendable {
        /// Everything the three databases hold, to compare two runs.
        public struct Snapshot: Hashable, Sendable {
            public let orders: [String: OrderStatus]
            public let stock: [String: Int]
            public let credit: [String: Int]
            public let charges: [String: Payments.Charge]
        }

        public let orders: Orders
        public let inventory: Inventory
        public let payments: Payments

        public init(
            stock: [String: Int], credit: [String: Int],
            compensation: Inventory.CompensationStyle = .commutative,
            authorize: @escaping Payments.Authorizer = { _ in true }
        ) {
            orders = Orders()
            inventory = Inventory(stock: stock, compensation: compensation)
            payments = Payments(credit: credit, authorize: authorize)
        }

        public func snapshot() async -> Snapshot {
            Snapshot(
                orders: await orders.statuses, stock: await inventory.stock,
                credit: await payments.credit, charges: await payments.charges)
        }
    }

    /// The checkout orchestrated: one ``Saga`` (SagaCompensation.swift)
    /// drives the steps and compensates in reverse. The whole flow is this
    /// one list.
    ///
    /// Step order is a countermeasure: the compensatable steps come first,
    /// then the pivot (the charge: once it succeeds the saga only goes
    /// forward), then a step that cannot fail. An order out of stock never
    /// touches the card.
    public static func orchestratedCheckout(in shop: Shop) -> Saga<Order> {
        // Each step returns the order unchanged: the ids it needs are the order's own.
        func step(
            _ name: String, _ action: @escaping @Sendable (Order) async throws -> Void,
            undo: @escaping @Sendable (Order) async throws -> Void
        ) -> Saga<Order>.Step {
            .init(
                name: name,
                action: { order in
                    try await action(order)
                    return order
                }, compensate: undo)
        }
        let steps = [
            step("create order", { await shop.orders.create($0) }, undo: { await shop.orders.reject($0.id) }),
            step(
                "reserve stock", { try await shop.inventory.reserve($0) }, undo: { await shop.inventory.release($0.id) }
            ),
            step("charge payment", { try await shop.payments.charge($0) }, undo: { await shop.payments.refund($0.id) }),
            step("confirm order", { await shop.orders.confirm($0.id) }, undo: { _ in }),
        ]
        do {
            return try Saga(steps: steps)
        } catch {
            preconditionFailure("the checkout's steps are fixed and valid: \(error)")
        }
    }
}

// MARK: - Choreography

extension SagasVersusTwoPhaseCommit {
    /// The same checkout choreographed: no coordinator, each service reacts to
    /// the others' events. The flow exists only as the sum of the handlers.
    public struct Choreography: Sendable {
        public enum Event: Hashable, Sendable, CustomStringConvertible {
            /// From the API: a customer placed the order.
            case orderPlaced(Order)
            case orderCreated(Order)
            case stockReserved(Order)
            case stockUnavailable(Order)
            case paymentCharged(Order)
            case paymentDeclined(Order)
            case stockReleased(Order)

            public var kind: Kind {
                switch self {
                case .orderPlaced: .orderPlaced
                case .orderCreated: .orderCreated
                case .stockReserved: .stockReserved
                case .stockUnavailable: .stockUnavailable
                case .paymentCharged: .paymentCharged
                case .paymentDeclined: .paymentDeclined
                case .stockReleased: .stockReleased
                }
            }

            public var description: String { kind.rawValue }
        }

        public enum Kind: String, Hashable, Sendable, CaseIterable {
            case orderPlaced, orderCreated, stockReserved, stockUnavailable, paymentCharged, paymentDeclined,
                stockReleased
        }

        /// One subscription: `service` handles events of kind `on` and may
        /// publish events of the kinds in `emits`.
        public struct Handler: Sendable {
            public let service: String
            public let on: Kind
            public let emits: Set<Kind>
            public let handle: @Sendable (Event) async -> [Event]

            public init(
                service: String, on: Kind, emits: Set<Kind>, handle: @escaping @Sendable (Event) async -> [Event]
            ) {
                self.service = service
                self.on = on
                self.emits = emits
                self.handle = handle
            }
        }

        /// More events were delivered than the run allowed: handlers that
        /// trigger each other without end.
        public struct TooManyEvents: Error, Hashable {
            public let limit: Int
            /// The last kinds delivered, oldest first.
            public let lastKinds: [Kind]

            public init(limit: Int, lastKinds: [Kind]) {
                self.limit = limit
                self.lastKinds = lastKinds
            }
        }

        public let handlers: [Handler]

        public init(handlers: [Handler]) {
            self.handlers = handlers
        }

        /// Publishes ``Event/orderPlaced(_:)`` and delivers every event, in
        /// publication order, to each handler subscribed to its kind, until
        /// none is left.
        ///
        /// - Returns: The events in delivery order: the only place where the
        ///   flow can be seen whole, and only after it ran.
        /// - Throws: ``TooManyEvents`` after `limit` deliveries.
        /// - Precondition: every handler emits only the kinds it declares.
        public func run(placing order: Order, limit: Int = 1_000) async throws(TooManyEvents) -> [Event] {
            var queue: [Event] = [.orderPlaced(order)]
            var trace: [Event] = []
            while !queue.isEmpty {
                guard trace.count < limit else {
                    throw TooManyEvents(limit: limit, lastKinds: trace.suffix(5).map(\.kind))
                }
                let event = queue.removeFirst()
                trace.append(event)
                for handler in handlers where handler.on == event.kind {
                    let published = await handler.handle(event)
                    for next in published {
                        precondition(
                            handler.emits.contains(next.kind),
                            "\(handler.service) published \(next.kind) without declaring it")
                    }
                    queue.append(contentsOf: published)
                }
            }
            return trace
        }

        /// For each service, the services whose events it handles: what it
        /// depends on. Assembled from every subscription, because no single
        /// place states the flow.
        /// - Complexity: O(*h*²) for *h* handlers.
        public func serviceDependencies() -> [String: Set<String>] {
            var dependencies: [String: Set<String>] = [:]
            for listener in handlers {
                dependencies[listener.service, default: []].formUnion(
                    handlers.filter { $0.emits.contains(listener.on) && $0.service != listener.service }.map(\.service))
            }
            return dependencies
        }

        /// A cycle in ``serviceDependencies()``, as a path that starts and ends
        /// at the same service, or `nil`.
        /// - Complexity: O(*s* + *d*) for *s* services and *d* dependencies.
        public func dependencyCycle() -> [String]? {
            let graph = serviceDependencies()
            var finished: Set<String> = []
            var path: [String] = []

            func visit(_ service: String) -> [String]? {
                if let start = path.firstIndex(of: service) { return Array(path[start...]) + [service] }
                guard finished.insert(service).inserted else { return nil }
                path.append(service)
                defer { path.removeLast() }
                for next in graph[service, default: []].sorted() {
                    if let cycle = visit(next) { return cycle }
                }
                return nil
            }

            for service in graph.keys.sorted() {
                if let cycle = visit(service) { return cycle }
            }
            return nil
        }

        /// The checkout as event handlers over the same three services as
        /// ``SagasVersusTwoPhaseCommit/orchestratedCheckout(in:)``.
        public static func checkout(in shop: Shop) -> Choreography {
            Choreography(handlers: [
                Handler(service: "orders", on: .orderPlaced, emits: [.orderCreated]) { event in
                    guard case .orderPlaced(let order) = event else { return [] }
                    await shop.orders.create(order)
                    return [.orderCreated(order)]
                },
                Handler(service: "inventory", on: .orderCreated, emits: [.stockReserved, .stockUnavailable]) { event in
                    guard case .orderCreated(let order) = event else { return [] }
                    do {
                        try await shop.inventory.reserve(order)
                        return [.stockReserved(order)]
                    } catch {
                        return [.stockUnavailable(order)]
                    }
                },
                Handler(service: "payments", on: .stockReserved, emits: [.paymentCharged, .paymentDeclined]) { event in
                    guard case .stockReserved(let order) = event else { return [] }
                    do {
                        try await shop.payments.charge(order)
                        return [.paymentCharged(order)]
                    } catch {
                        return [.paymentDeclined(order)]
                    }
                },
                // The compensation is just another subscription: forget it and
                // nothing fails, the stock simply stays reserved.
                Handler(service: "inventory", on: .paymentDeclined, emits: [.stockReleased]) { event in
                    guard case .paymentDeclined(let order) = event else { return [] }
                    await shop.inventory.release(order.id)
                    return [.stockReleased(order)]
                },
                Handler(service: "orders", on: .paymentCharged, emits: []) { event in
                    guard case .paymentCharged(let order) = event else { return [] }
                    await shop.orders.confirm(order.id)
                    return []
                },
                Handler(service: "orders", on: .stockUnavailable, emits: []) { event in
                    guard case .stockUnavailable(let order) = event else { return [] }
                    await shop.orders.reject(order.id)
                    return []
                },
                Handler(service: "orders", on: .stockReleased, emits: []) { event in
                    guard case .stockReleased(let order) = event else { return [] }
                    await shop.orders.reject(order.id)
                    return []
                },
            ])
        }
    }
}
