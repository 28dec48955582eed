import HandbookSystemDesign
import HandbookTestSupport
import Testing

@Suite("Sagas versus two-phase commit", .timeLimit(.minutes(1)))
struct SagasVersusTwoPhaseCommitTests {
    typealias Lesson = SagasVersusTwoPhaseCommit

    static func databases() -> [String: Lesson.Participant] {
        [
            "inventory": .init(name: "inventory", values: ["book": 10, "pen": 5]),
            "payments": .init(name: "payments", values: ["alice": 100]),
        ]
    }

    static let order = Lesson.Order(id: "o1", customer: "alice", item: "book", quantity: 2, priceCents: 30)

    // MARK: Two-phase commit

    @Test("2PC commits when every participant votes yes: both change, no lock is left")
    func commitsWhenAllVoteYes() throws {
        var coordinator = Lesson.Coordinator()
        var databases = Self.databases()
        let outcome = coordinator.execute(
            "t1", changes: ["inventory": ["book": -2], "payments": ["alice": -30]], on: &databases)
        #expect(outcome == .committed)
        #expect(try databases["inventory"]!.read("book") == 8)
        #expect(try databases["payments"]!.read("alice") == 70)
        #expect(databases.values.allSatisfy { $0.status(of: "t1") == .committed && $0.locks.isEmpty })
        #expect(coordinator.log == ["t1": .commit])
    }

    @Test(
        "one no vote aborts everywhere: the yes-voter undoes its prepared change and unlocks",
        arguments: [
            (["book": -20], ["alice": -30], "inventory", "book would be -10"),
            (["book": -2], ["alice": -300], "payments", "alice would be -200"),
        ])
    func anyNoVoteAbortsAll(inventory: [String: Int], payments: [String: Int], noVoter: String, reason: String) throws {
        var coordinator = Lesson.Coordinator()
        var databases = Self.databases()
        let outcome = coordinator.execute(
            "t1", changes: ["inventory": inventory, "payments": payments], on: &databases)
        #expect(outcome == .aborted(reasons: [noVoter: reason]))
        #expect(try databases["inventory"]!.read("book") == 10)
        #expect(try databases["payments"]!.read("alice") == 100)
        #expect(databases.values.allSatisfy { $0.status(of: "t1") == .aborted && $0.locks.isEmpty })
    }

    @Test(
        "a coordinator crash after prepare leaves participants in doubt: locks held, other work on those keys refused")
    func crashAfterPrepareBlocksParticipants() throws {
        var coordinator = Lesson.Coordinator()
        var databases = Self.databases()
        let outcome = coordinator.execute(
            "t1", changes: ["inventory": ["book": -2], "payments": ["alice": -30]], on: &databases,
            crashing: .afterPrepare)
        #expect(outcome == .crashed)
        #expect(coordinator.log["t1"] == nil)
        for name in ["inventory", "payments"] {
            #expect(databases[name]!.status(of: "t1") == .prepared)
            #expect(databases[name]!.inDoubt == ["t1"])
            // Its own timeout cannot help: it voted yes, so it may not abort alone.
            #expect(throws: Lesson.InDoubt(transaction: "t1", participant: name)) {
                try databases[name]!.giveUp("t1")
            }
        }
        #expect(databases["inventory"]!.locks == ["book": "t1"])
        #expect(throws: Lesson.Locked(key: "book", holder: "t1")) { try databases["inventory"]!.read("book") }

        // Another order for the same book is refused; the rest of the database still works.
        let blocked = coordinator.execute("t2", changes: ["inventory": ["book": -1]], on: &databases)
        #expect(blocked == .aborted(reasons: ["inventory": "book is locked by t1"]))
        #expect(coordinator.execute("t3", changes: ["inventory": ["pen": -1]], on: &databases) == .committed)
        #expect(try databases["inventory"]!.read("pen") == 4)
        #expect(databases["inventory"]!.status(of: "t1") == .prepared)
    }

    @Test(
        "recovery completes an in-doubt transaction from the coordinator's log, or aborts one it never decided",
        arguments: [
            (Lesson.Coordinator.CrashPoint.afterDecisionLogged, Lesson.Decision.commit, 8, 70),
            (.afterPrepare, .abort, 10, 100),
        ])
    func recoveryUsesTheDecisionLog(
        crash: Lesson.Coordinator.CrashPoint, decision: Lesson.Decision, book: Int, alice: Int
    ) throws {
        var coordinator = Lesson.Coordinator()
        var databases = Self.databases()
        coordinator.execute(
            "t1", changes: ["inventory": ["book": -2], "payments": ["alice": -30]], on: &databases, crashing: crash)
        #expect(databases.values.allSatisfy { $0.status(of: "t1") == .prepared })

        // The restarted coordinator has only its log.
        var restarted = coordinator
        #expect(restarted.recover(&databases) == ["t1": decision])
        let status: Lesson.Participant.Status = decision == .commit ? .committed : .aborted
        #expect(databases.values.allSatisfy { $0.status(of: "t1") == status && $0.locks.isEmpty })
        #expect(try databases["inventory"]!.read("book") == book)
        #expect(try databases["payments"]!.read("alice") == alice)
        // The locks are gone: the next order for the book goes through, and recovering again changes nothing.
        #expect(restarted.execute("t2", changes: ["inventory": ["book": -1]], on: &databases) == .committed)
        #expect(restarted.recover(&databases).isEmpty)
        #expect(databases.values.allSatisfy { $0.heuristicConflicts.isEmpty })
    }

    @Test("a participant may give up before it votes: the later PREPARE gets a no and the transaction aborts")
    func giveUpBeforeVoting() throws {
        var coordinator = Lesson.Coordinator()
        var databases = Self.databases()
        try databases["payments"]!.giveUp("t1")
        let outcome = coordinator.execute(
            "t1", changes: ["inventory": ["book": -2], "payments": ["alice": -30]], on: &databases)
        #expect(outcome == .aborted(reasons: ["payments": "payments already aborted t1"]))
        #expect(try databases["inventory"]!.read("book") == 10)
    }

    @Test("random transactions, crashes, participant timeouts and recovery: atomic, and the values match an oracle")
    func randomCrashesStayAtomic() {
        let names = ["a", "b", "c"]
        let keys = ["k1", "k2"]
        for seed in UInt64(1)...150 {
            var random = SeededRandomNumberGenerator(seed: seed)
            var coordinator = Lesson.Coordinator()
            var databases = Dictionary(
                uniqueKeysWithValues: names.map { ($0, Lesson.Participant(name: $0, values: ["k1": 5, "k2": 5])) })
            var changesByTransaction: [String: [String: [String: Int]]] = [:]
            for index in 0..<10 {
                let transaction = "t\(index)"
                var changes: [String: [String: Int]] = [:]
                for name in names.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)) {
                    changes[name] = [keys.randomElement(using: &random)!: Int.random(in: -4...3, using: &random)]
                }
                changesByTransaction[transaction] = changes
                let crash: Lesson.Coordinator.CrashPoint? =
                    switch Int.random(in: 0..<5, using: &random) {
                    case 0: .afterPrepare
                    case 1: .afterDecisionLogged
                    default: nil
                    }
                coordinator.execute(transaction, changes: changes, on: &databases, crashing: crash)
                // Every participant's timeout fires: only those that have not voted yes may act on it.
                for name in names {
                    for pending in databases[name]!.inDoubt { _ = try? databases[name]!.giveUp(pending) }
                }
                if Bool.random(using: &random) { coordinator.recover(&databases) }
            }
            coordinator.recover(&databases)

            for (name, database) in databases {
                #expect(database.inDoubt.isEmpty && database.locks.isEmpty, "seed \(seed)")
                #expect(database.heuristicConflicts.isEmpty, "seed \(seed): \(name) decided alone")
                for key in keys {
                    let committed = changesByTransaction.filter { coordinator.log[$0.key] == .commit }
                    let expected = 5 + committed.values.reduce(0) { $0 + ($1[name]?[key] ?? 0) }
                    #expect(database.values[key] == expected, "seed \(seed): \(name).\(key)")
                    #expect(expected >= 0, "seed \(seed)")
                }
            }
            for (transaction, changes) in changesByTransaction {
                let statuses = Set(changes.keys.map { databases[$0]!.status(of: transaction) })
                #expect(statuses.count == 1, "seed \(seed): \(transaction) ended differently: \(statuses)")
            }
        }
    }

    // MARK: Sagas

    @Test(
        "mid-saga a reader sees stock and an order that are rolled back later; the semantic lock hides and refuses them"
    )
    func sagaHasNoIsolationButASemanticLock() async throws {
        let reachedCardNetwork = Gate()
        let cardNetworkAnswers = Gate()
        let shop = Lesson.Shop(stock: ["book": 10], credit: ["alice": 100]) { _ in
            reachedCardNetwork.open()
            await cardNetworkAnswers.wait()
            return false  // declined
        }
        let checkout = Task { try await Lesson.orchestratedCheckout(in: shop).run(Self.order) }
        await reachedCardNetwork.wait()

        // Steps 1 and 2 committed locally: other requests see them at once.
        #expect(await shop.inventory.stock(of: "book") == 8)
        #expect(await shop.orders.ordersIgnoringTheLock() == ["o1"])
        // Readers that honour the `pending` flag do not act on it.
        #expect(await shop.orders.ordersToShip().isEmpty)
        await #expect(throws: Lesson.OrderIsPending(order: "o1")) {
            try await shop.orders.requestCancellation("o1")
        }

        cardNetworkAnswers.open()
        await #expect(throws: SagaError.self) { try await checkout.value }
        // What the naive reader saw never became true.
        #expect(await shop.inventory.stock(of: "book") == 10)
        #expect(await shop.orders.ordersIgnoringTheLock().isEmpty)
        #expect(await shop.orders.statuses == ["o1": .rejected])
        #expect(try await shop.orders.requestCancellation("o1") == false)
    }

    @Test(
        "a compensation that restores the value it saw erases a concurrent restock; a commutative one keeps it",
        arguments: [
            (Lesson.Inventory.CompensationStyle.commutative, 15),
            (.restoreSnapshot, 10),
        ])
    func commutativeCompensationAvoidsLostUpdates(style: Lesson.Inventory.CompensationStyle, finalStock: Int)
        async throws
    {
        let reachedCardNetwork = Gate()
        let cardNetworkAnswers = Gate()
        let shop = Lesson.Shop(stock: ["book": 10], credit: ["alice": 100], compensation: style) { _ in
            reachedCardNetwork.open()
            await cardNetworkAnswers.wait()
            return false
        }
        let checkout = Task { try await Lesson.orchestratedCheckout(in: shop).run(Self.order) }
        await reachedCardNetwork.wait()
        await shop.inventory.restock("book", quantity: 5)  // another writer, while the saga holds 2
        #expect(await shop.inventory.stock(of: "book") == 13)
        cardNetworkAnswers.open()
        await #expect(throws: SagaError.self) { try await checkout.value }
        // 10 - 2 + 5 + 2 = 15. Restoring the 10 it saw loses the delivery of 5.
        #expect(await shop.inventory.stock(of: "book") == finalStock)
    }

    /// Counts the charges waiting for the card network and holds them there.
    actor CardNetwork {
        private var waiting = 0
        private var observers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        let answer = Gate()

        func authorize() async -> Bool {
            waiting += 1
            for observer in observers where observer.count <= waiting { observer.continuation.resume() }
            observers.removeAll { $0.count <= waiting }
            await answer.wait()
            return true
        }

        func waitForCharges(_ count: Int) async {
            if waiting >= count { return }
            await withCheckedContinuation { observers.append((count, $0)) }
        }
    }

    @Test("charges that overlap at the card network re-read the credit afterwards: no overdraft, no double charge")
    func chargesRereadAfterTheAwait() async throws {
        let network = CardNetwork()
        let payments = Lesson.Payments(credit: ["alice": 100]) { _ in await network.authorize() }
        let first = Lesson.Order(id: "o1", customer: "alice", item: "book", quantity: 1, priceCents: 60)
        let second = Lesson.Order(id: "o2", customer: "alice", item: "pen", quantity: 1, priceCents: 60)
        let results = try await withThrowingTaskGroup(of: String?.self) { group in
            for order in [first, second, first] {  // o1 twice: a retried request
                group.addTask {
                    do throws(Lesson.PaymentDeclined) {
                        try await payments.charge(order)
                        return nil
                    } catch {
                        return error.order
                    }
                }
            }
            // All three reach the card network at once: the duplicate check comes after it answers.
            await network.waitForCharges(3)
            network.answer.open()
            return try await group.reduce(into: [String]()) { if let declined = $1 { $0.append(declined) } }
        }
        // Whichever order the network answers first wins; the other is declined, never overdrawn.
        let charges = await payments.charges
        #expect(await payments.credit == ["alice": 40])
        let charged = try #require(charges.keys.first)
        #expect(charges == [charged: .init(customer: "alice", amountCents: 60)])
        let other = charged == "o1" ? "o2" : "o1"
        #expect(results.sorted() == (charged == "o1" ? ["o2"] : ["o1", "o1"]))
        #expect(!results.contains(charged) && results.contains(other))
    }

    enum Scenario: String, CaseIterable, Sendable {
        case succeeds, paymentDeclined, outOfStock
    }

    static func shop(for scenario: Scenario) -> Lesson.Shop {
        switch scenario {
        case .succeeds: Lesson.Shop(stock: ["book": 10], credit: ["alice": 100])
        case .paymentDeclined: Lesson.Shop(stock: ["book": 10], credit: ["alice": 20])
        case .outOfStock: Lesson.Shop(stock: ["book": 1], credit: ["alice": 100])
        }
    }

    @Test("choreography reaches the same end state as orchestration", arguments: Scenario.allCases)
    func choreographyMatchesOrchestration(scenario: Scenario) async throws {
        let orchestrated = Self.shop(for: scenario)
        _ = try? await Lesson.orchestratedCheckout(in: orchestrated).run(Self.order)
        let choreographed = Self.shop(for: scenario)
        _ = try await Lesson.Choreography.checkout(in: choreographed).run(placing: Self.order)

        let end = await orchestrated.snapshot()
        #expect(await choreographed.snapshot() == end)
        switch scenario {
        case .succeeds:
            #expect(end.orders == ["o1": .confirmed])
            #expect(end.stock == ["book": 8] && end.credit == ["alice": 70])
            #expect(end.charges == ["o1": .init(customer: "alice", amountCents: 30)])
        case .paymentDeclined:
            // The reservation was compensated, the order rejected.
            #expect(end.orders == ["o1": .rejected])
            #expect(end.stock == ["book": 10] && end.credit == ["alice": 20] && end.charges.isEmpty)
        case .outOfStock:
            // Reserve comes before the charge: the card was never touched.
            #expect(end.orders == ["o1": .rejected])
            #expect(end.stock == ["book": 1] && end.credit == ["alice": 100] && end.charges.isEmpty)
        }
    }

    @Test("the orchestrated flow reads in one list; the choreographed one only as a trace, over cyclic dependencies")
    func choreographyHidesTheFlow() async throws {
        let shop = Self.shop(for: .paymentDeclined)
        #expect(
            Lesson.orchestratedCheckout(in: shop).steps.map(\.name) == [
                "create order", "reserve stock", "charge payment", "confirm order",
            ])

        let choreography = Lesson.Choreography.checkout(in: shop)
        let trace = try await choreography.run(placing: Self.order)
        #expect(
            trace.map(\.kind) == [.orderPlaced, .orderCreated, .stockReserved, .paymentDeclined, .stockReleased])

        let dependencies = choreography.serviceDependencies()
        #expect(dependencies["inventory"] == ["orders", "payments"])
        #expect(dependencies["payments"] == ["inventory"])
        #expect(dependencies["orders"] == ["inventory", "payments"])
        #expect(choreography.dependencyCycle() == ["inventory", "orders", "inventory"])
        // A flow with no cycle has none.
        let oneWay = Lesson.Choreography(handlers: [
            .init(service: "orders", on: .orderPlaced, emits: [.orderCreated]) { _ in [] },
            .init(service: "inventory", on: .orderCreated, emits: []) { _ in [] },
        ])
        #expect(oneWay.serviceDependencies() == ["orders": [], "inventory": ["orders"]])
        #expect(oneWay.dependencyCycle() == nil)
    }

    @Test("two handlers that answer each other's events ping-pong until the delivery limit")
    func eventsCanPingPong() async {
        let pingPong = Lesson.Choreography(handlers: [
            .init(service: "inventory", on: .orderPlaced, emits: [.stockReserved]) {
                guard case .orderPlaced(let order) = $0 else { return [] }
                return [.stockReserved(order)]
            },
            .init(service: "payments", on: .stockReserved, emits: [.paymentDeclined]) {
                guard case .stockReserved(let order) = $0 else { return [] }
                return [.paymentDeclined(order)]
            },
            // "Declined? Reserve again and retry": a reaction that closes the loop.
            .init(service: "inventory", on: .paymentDeclined, emits: [.stockReserved]) {
                guard case .paymentDeclined(let order) = $0 else { return [] }
                return [.stockReserved(order)]
            },
        ])
        #expect(pingPong.dependencyCycle() == ["inventory", "payments", "inventory"])
        await #expect(
            throws: Lesson.Choreography.TooManyEvents(
                limit: 50,
                lastKinds: [.stockReserved, .paymentDeclined, .stockReserved, .paymentDeclined, .stockReserved])
        ) {
            try await pingPong.run(placing: Self.order, limit: 50)
        }
    }
}
