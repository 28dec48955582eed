import HandbookSystemDesign
import HandbookTestSupport
import Testing

@Suite("Retry budgets and deadline propagation", .timeLimit(.minutes(1)))
struct RetryBudgetTests {
    struct Unavailable: Error, Equatable {}

    /// Counts calls; safe to share between tasks.
    final class Counter: Sendable {
        private let value = Locked(0)
        func increment() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    static func policy(percent: Int = 10, floor: Int = 0) throws -> RetryBudget.Policy {
        try RetryBudget.Policy(retryPercent: percent, minimumRetriesPerSecond: floor, window: .seconds(10), slots: 10)
    }

    @Test("10 %: 50 requests allow 5 retries, the 6th is refused")
    func budgetRefusesRetriesBeyondTheRatio() throws {
        let budget = RetryBudget(policy: try Self.policy(), clock: ManualClock())
        #expect(!budget.tryRetry(), "no requests yet, no floor: no retries")
        for _ in 0..<50 { budget.recordRequest() }
        let granted = (0..<6).map { _ in budget.tryRetry() }
        #expect(granted == [true, true, true, true, true, false])
        #expect(budget.counts == (requests: 50, retries: 5))
    }

    @Test("the budget refills as new requests arrive and as old retries leave the window")
    func budgetRefillsOverTheWindow() throws {
        let clock = ManualClock()
        let budget = RetryBudget(policy: try Self.policy(), clock: clock)
        for _ in 0..<20 { budget.recordRequest() }
        #expect(budget.tryRetry() && budget.tryRetry() && !budget.tryRetry())
        for _ in 0..<10 { budget.recordRequest() }  // 30 requests: room for a 3rd retry
        #expect(budget.tryRetry() && !budget.tryRetry())

        clock.advance(by: .seconds(9))  // still inside the 10 s window
        #expect(budget.counts == (requests: 30, retries: 3) && !budget.tryRetry())
        clock.advance(by: .seconds(1))  // the first slot has expired
        #expect(budget.counts == (requests: 0, retries: 0) && !budget.tryRetry())
        for _ in 0..<10 { budget.recordRequest() }
        #expect(budget.tryRetry() && !budget.tryRetry())
    }

    @Test("the floor allows minimumRetriesPerSecond × window retries with no traffic at all")
    func floorAllowsRetriesForQuietClients() throws {
        let budget = RetryBudget(policy: try Self.policy(percent: 10, floor: 1), clock: ManualClock())
        let granted = (0..<11).filter { _ in budget.tryRetry() }.count
        #expect(granted == 10)
        #expect(try Self.policy(percent: 25, floor: 2).allowance(requests: 7) == 7 * 25 / 100 + 20)
    }

    /// gateway → service → repository → database, each layer making up to 3
    /// attempts; the database is down. Returns the database calls for 100
    /// user requests.
    static func databaseCalls(
        budgets: [RetryBudget]?, upperLayersRetryTheLayerBelowsGiveUp: Bool = true
    ) async throws -> Int {
        let database = Counter()
        let downDatabase: () async throws -> Void = {
            database.increment()
            throw Unavailable()
        }
        func layer(_ index: Int, below: @escaping () async throws -> Void) -> () async throws -> Void {
            guard let budgets else {
                return { try await RetryBudget.unbudgetedRetry(maxAttempts: 3, below) }
            }
            let isBottom = index == 2
            let isRetryable: (any Error) -> Bool = {
                isBottom || upperLayersRetryTheLayerBelowsGiveUp || !($0 is RetryBudget.RetryError)
            }
            return {
                try await budgets[index].run(maxAttempts: 3, isRetryable: isRetryable) { _ in try await below() }
            }
        }
        let repository = layer(2, below: downDatabase)
        let service = layer(1, below: repository)
        let gateway = layer(0, below: service)
        for _ in 0..<100 { _ = try? await gateway() }
        return database.count
    }

    @Test("3 layers × 3 attempts: 27 database calls per request without budgets, about 1.1³ with them")
    func budgetsStopRetryAmplification() async throws {
        #expect(try await Self.databaseCalls(budgets: nil) == 100 * 3 * 3 * 3)

        let clock = ManualClock()
        let budgets = try (0..<3).map { _ in RetryBudget(policy: try Self.policy(), clock: clock) }
        let calls = try await Self.databaseCalls(budgets: budgets)
        #expect(calls == 133, "100 × 1.1³ = 133.1, rounded down at every layer")
        for budget in budgets {
            let (requests, retries) = budget.counts
            #expect(retries <= requests / 10, "\(retries) retries for \(requests) requests")
        }

        // Better still: only the layer next to the failure retries.
        let bottomOnly = try (0..<3).map { _ in RetryBudget(policy: try Self.policy(), clock: clock) }
        #expect(try await Self.databaseCalls(budgets: bottomOnly, upperLayersRetryTheLayerBelowsGiveUp: false) == 110)
    }

    @Test("the deadline shrinks by elapsed time and margin at each hop; a call below the minimum is never made")
    func propagatedDeadlineShrinksAcrossHops() async throws {
        let clock = ManualClock()
        let headers = EventLog<String>()
        let storageCalls = Counter()
        let budget = RetryBudget(policy: try Self.policy(floor: 10), clock: clock)
        let hop = RequestDeadline.Hop(safetyMargin: .milliseconds(10), minimumTime: .milliseconds(100))
        // Storage needs 500 ms to be useful.
        let toStorage = RequestDeadline.Hop(safetyMargin: .milliseconds(10), minimumTime: .milliseconds(500))
        @Sendable func send(_ attempt: RetryBudget.Attempt) throws -> String {
            let header = try #require(attempt.timeout.flatMap(RequestDeadline.grpcTimeoutHeader))
            headers.append(header)
            return header
        }
        // Each service runs detached, as in another process: only the header crosses.
        let storage: @Sendable (String) async throws -> Void = { header in
            try await Task.detached {
                try await RequestDeadline.serve(timeoutHeader: header, clock: clock) { storageCalls.increment() }
            }.value
        }
        let search: @Sendable (String) async throws -> Void = { header in
            try await Task.detached {
                try await RequestDeadline.serve(timeoutHeader: header, clock: clock) {
                    clock.advance(by: .milliseconds(300))  // its own work
                    try await budget.run(maxAttempts: 3, hop: toStorage) { try await storage(try send($0)) }
                }
            }.value
        }
        let api: @Sendable (String) async throws -> Void = { header in
            try await Task.detached {
                try await RequestDeadline.serve(timeoutHeader: header, clock: clock) {
                    clock.advance(by: .milliseconds(200))
                    // search's own give-up is final: retrying it would only multiply load.
                    let isRetryable: (any Error) -> Bool = { !($0 is RetryBudget.RetryError) }
                    try await budget.run(maxAttempts: 3, hop: hop, isRetryable: isRetryable) {
                        try await search(try send($0))
                    }
                }
            }.value
        }
        let client = RequestDeadline(after: .seconds(1), clock: clock)
        await #expect(throws: RetryBudget.RetryError.self) {
            try await RequestDeadline.$current.withValue(client) {
                try await budget.run(maxAttempts: 1, hop: hop) { try await api(try send($0)) }
            }
        }
        // 1 000 − 10 = 990 ms; 990 − 200 − 10 = 780 ms; 780 − 300 − 10 = 470 ms < 500 ms.
        #expect(headers.events == ["990000u", "780000u"])
        #expect(storageCalls.count == 0, "refused without being called")
    }

    @Test("retries share one deadline: each gets less time, and they stop when too little is left")
    func retriesStopAtTheDeadline() async throws {
        let clock = ManualClock()
        let budget = RetryBudget(policy: try Self.policy(floor: 10), clock: clock)
        let hop = RequestDeadline.Hop(safetyMargin: .milliseconds(10), minimumTime: .milliseconds(100))
        let timeouts = EventLog<Duration?>()
        let outcome = await #expect(throws: RetryBudget.RetryError.self) {
            try await RequestDeadline.$current.withValue(RequestDeadline(after: .seconds(1), clock: clock)) {
                try await budget.run(maxAttempts: 10, hop: hop) { attempt in
                    timeouts.append(attempt.timeout)
                    clock.advance(by: .milliseconds(300))  // each attempt fails after 300 ms
                    throw Unavailable()
                }
            }
        }
        #expect(timeouts.events == [.milliseconds(990), .milliseconds(690), .milliseconds(390)])
        guard case .deadlineExceeded(attempts: 3, lastError: let last?) = outcome else {
            Issue.record("expected deadlineExceeded after 3 attempts, got \(String(describing: outcome))")
            return
        }
        #expect(last is Unavailable)
        #expect(budget.counts.retries == 2, "the refused 4th attempt spent no budget: the deadline is checked first")
        #expect(clock.now.offset == .milliseconds(900), "stopped with 100 ms left, not after the deadline")
    }

    @Test("a server refuses a timeout below its minimum, caps a huge one, and rejects a malformed one")
    func serveValidatesTheIncomingTimeout() async throws {
        let clock = ManualClock()
        let handled = Counter()
        await #expect(
            throws: RequestDeadline.DeadlineError.insufficientTime(
                offered: .milliseconds(5), required: .milliseconds(50))
        ) {
            try await RequestDeadline.serve(timeoutHeader: "5m", clock: clock, minimumTime: .milliseconds(50)) {
                handled.increment()
            }
        }
        #expect(handled.count == 0)
        let capped = try await RequestDeadline.serve(timeoutHeader: "1H", clock: clock, maximum: .seconds(30)) {
            RequestDeadline.current?.remaining
        }
        #expect(capped == .seconds(30))
        let absent = try await RequestDeadline.serve(timeoutHeader: nil, clock: clock, maximum: .seconds(2)) {
            RequestDeadline.current?.remaining
        }
        #expect(absent == .seconds(2))
        // Nested in a shorter deadline (the same process), the shorter one wins.
        let nested = try await RequestDeadline.$current.withValue(
            RequestDeadline(after: .milliseconds(100), clock: clock)
        ) {
            try await RequestDeadline.serve(timeoutHeader: "1S", clock: clock) { RequestDeadline.current?.remaining }
        }
        #expect(nested == .milliseconds(100))
        await #expect(throws: RequestDeadline.DeadlineError.malformedTimeoutHeader("1.5S")) {
            try await RequestDeadline.serve(timeoutHeader: "1.5S", clock: clock) { handled.increment() }
        }
        #expect(handled.count == 0 && RequestDeadline.current == nil)
    }

    @Test("child tasks inherit the task-local deadline; a detached task does not")
    func childTasksInheritTheDeadline() async {
        let clock = ManualClock()
        await RequestDeadline.$current.withValue(RequestDeadline(after: .seconds(2), clock: clock)) {
            async let child = RequestDeadline.current?.remaining
            let fromGroup = await withTaskGroup(of: Duration?.self) { group in
                group.addTask { RequestDeadline.current?.remaining }
                return await group.next()!
            }
            let unstructured = await Task { RequestDeadline.current?.remaining }.value
            let detached = await Task.detached { RequestDeadline.current?.remaining }.value
            #expect(await child == .seconds(2) && fromGroup == .seconds(2) && unstructured == .seconds(2))
            #expect(detached == nil, "Task.detached drops every task-local, the deadline included")
        }
    }

    @Test(
        "grpc-timeout: at most 8 digits in the finest unit that fits, rounded down",
        arguments: [
            (Duration.milliseconds(990), "990000u"), (.seconds(1), "1000000u"), (.nanoseconds(1), "1n"),
            (.nanoseconds(99_999_999), "99999999n"), (.nanoseconds(100_000_001), "100000u"),
            (.seconds(300), "300000m"), (.seconds(200_000), "200000S"), (.seconds(86_400 * 365 * 20), "10512000M"),
            (.seconds(1_000_000_000_000), "99999999H"),
        ])
    func grpcTimeoutEncoding(timeout: Duration, header: String) throws {
        #expect(RequestDeadline.grpcTimeoutHeader(timeout) == header)
        let decoded = try RequestDeadline.parseGrpcTimeout(header)
        #expect(decoded <= timeout && header.count <= 9)
    }

    @Test("grpc-timeout parsing: units are case-sensitive; bad values throw")
    func grpcTimeoutParsing() throws {
        #expect(try RequestDeadline.parseGrpcTimeout("5S") == .seconds(5))
        #expect(try RequestDeadline.parseGrpcTimeout("5M") == .seconds(300))
        #expect(try RequestDeadline.parseGrpcTimeout("5m") == .milliseconds(5))
        #expect(try RequestDeadline.parseGrpcTimeout("2H") == .seconds(7_200))
        #expect(try RequestDeadline.parseGrpcTimeout("12345678u") == .microseconds(12_345_678))
        #expect(RequestDeadline.grpcTimeoutHeader(.zero) == nil)
        for bad in ["", "S", "123456789S", "10x", "-5S", "1.5S", " 5S", "5s", "٥S"] {
            #expect(throws: RequestDeadline.DeadlineError.malformedTimeoutHeader(bad)) {
                try RequestDeadline.parseGrpcTimeout(bad)
            }
        }
    }

    @Test(
        "bad policies throw errors that name the value",
        arguments: [(-1, 1, 10, 10), (101, 1, 10, 10), (10, -1, 10, 10), (10, 1, 0, 10), (10, 1, 10, 0)])
    func badPoliciesAreRejected(percent: Int, floor: Int, windowSeconds: Int, slots: Int) {
        #expect(throws: RetryBudget.ConfigurationError.self) {
            try RetryBudget.Policy(
                retryPercent: percent, minimumRetriesPerSecond: floor, window: .seconds(windowSeconds), slots: slots)
        }
        #expect(throws: RetryBudget.ConfigurationError.self) {
            try RetryBudget.Policy(window: .nanoseconds(5), slots: 10)
        }
    }
}
