import HandbookSystemDesign
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Idempotency keys: run once per key, replay, reject or join duplicates", .timeLimit(.minutes(1)))
struct IdempotencyKeysTests {
    typealias Keys = IdempotencyKeys
    typealias Record = Keys.Record<ManualClock.Instant>

    static let ttl = Duration.seconds(86_400)
    static let lease = Duration.seconds(60)
    static let payment = Keys.Fingerprint(method: "POST", path: "/payments", body: Array("{\"amount\":100}".utf8))
    static let otherPayment = Keys.Fingerprint(method: "POST", path: "/payments", body: Array("{\"amount\":999}".utf8))
    static let created = Keys.StoredResponse(status: 201, headers: ["Location": "/payments/7"], body: Array("ok".utf8))

    static func makeCoordinator(
        _ policy: Keys.DuplicatePolicy,
        clock: ManualClock = ManualClock()
    ) throws -> Keys.Coordinator<Keys.InMemoryStore<ManualClock>> {
        Keys.Coordinator(store: try Keys.InMemoryStore(ttl: ttl, lease: lease, clock: clock), duplicates: policy)
    }

    /// An operation that counts its executions and returns `created`.
    static func countingOperation(_ executions: Locked<Int>) -> @Sendable () async throws -> Keys.StoredResponse {
        { [executions] in
            executions.withLock { $0 += 1 }
            return created
        }
    }

    @Test("the in-memory store keeps the IdempotencyStore contract", arguments: IdempotencyStoreContract.checks)
    func contract(_ check: IdempotencyStoreContract.Check) async throws {
        try await check.run {
            let clock = ManualClock()
            let store = try Keys.InMemoryStore(ttl: .seconds(60), lease: .seconds(10), clock: clock)
            return .init(store: store, ttl: .seconds(60), lease: .seconds(10), advance: { clock.advance(by: $0) })
        }
    }

    @Test("state machine: begin claims, duplicates see in-progress, complete replays, fail releases")
    func recordTransitions() throws {
        let t0 = ManualClock.Instant(offset: .zero)
        let token = Keys.ClaimToken(rawValue: "a")
        var (record, outcome) = Record.begin(nil, fingerprint: Self.payment, token: token, now: t0, lease: .seconds(10))
        #expect(outcome == .started(token) && record.state == .inProgress(token))
        let next = Keys.ClaimToken(rawValue: "b")
        #expect(
            Record.begin(record, fingerprint: Self.payment, token: next, now: t0, lease: .seconds(10)).outcome
                == .inProgress)
        #expect(
            Record.begin(record, fingerprint: Self.otherPayment, token: next, now: t0, lease: .seconds(10)).outcome
                == .fingerprintMismatch)

        try record.complete(with: Self.created, token: token, now: t0, ttl: .seconds(60))
        #expect(
            Record.begin(record, fingerprint: Self.payment, token: next, now: t0, lease: .seconds(10)).outcome
                == .completed(Self.created))
        #expect(throws: Keys.TransitionError.claimNotHeld) {
            try record.fail(token: token)  // a completed record stays completed
        }
        // Expiry is the only way out of `completed`: any fingerprint starts again.
        let late = t0.advanced(by: .seconds(60))
        #expect(
            Record.begin(record, fingerprint: Self.otherPayment, token: next, now: late, lease: .seconds(10)).outcome
                == .started(next))

        var failing = Record.begin(nil, fingerprint: Self.payment, token: token, now: t0, lease: .seconds(10)).record
        #expect(throws: Keys.TransitionError.claimNotHeld) {
            try failing.fail(token: next)  // not this attempt's claim
        }
        try failing.fail(token: token)
        #expect(failing.state == .failed)
        #expect(
            Record.begin(failing, fingerprint: Self.payment, token: next, now: t0, lease: .seconds(10)).outcome
                == .started(next))
    }

    @Test("state machine: a claim past its lease is taken over, and only the new token can finish it")
    func leaseAndFencing() throws {
        let t0 = ManualClock.Instant(offset: .zero)
        let (a, b) = (Keys.ClaimToken(rawValue: "a"), Keys.ClaimToken(rawValue: "b"))
        let claimedByA = Record.begin(nil, fingerprint: Self.payment, token: a, now: t0, lease: .seconds(10)).record
        let beforeLease = t0.advanced(by: .seconds(9))
        #expect(
            Record.begin(claimedByA, fingerprint: Self.payment, token: b, now: beforeLease, lease: .seconds(10))
                .outcome == .inProgress)
        let atLease = t0.advanced(by: .seconds(10))
        var (record, outcome) = Record.begin(
            claimedByA, fingerprint: Self.payment, token: b, now: atLease, lease: .seconds(10))
        #expect(outcome == .started(b))
        #expect(throws: Keys.TransitionError.claimNotHeld) { try record.fail(token: a) }
        #expect(throws: Keys.TransitionError.claimNotHeld) {
            try record.complete(with: .init(status: 500), token: a, now: atLease, ttl: .seconds(60))
        }
        try record.complete(with: Self.created, token: b, now: atLease, ttl: .seconds(60))
        #expect(record.state == .completed(Self.created))
        #expect(record.expiresAt == atLease.advanced(by: .seconds(60)))  // the replay window is the TTL, not the lease

        // The token, not the clock, is the fence: a late attempt nobody replaced may still record its work.
        var late = claimedByA
        try late.complete(with: Self.created, token: a, now: t0.advanced(by: .seconds(30)), ttl: .seconds(60))
        #expect(late.state == .completed(Self.created))
    }

    @Test("the first call executes; the second replays the stored response (execution counter 1)")
    func secondCallReplays() async throws {
        let coordinator = try Self.makeCoordinator(.reject)
        let executions = Locked(0)
        let key = try Keys.Key("pay-1")
        let first = try await coordinator.run(
            key: key, fingerprint: Self.payment, operation: Self.countingOperation(executions))
        let second = try await coordinator.run(
            key: key, fingerprint: Self.payment, operation: Self.countingOperation(executions))
        #expect(first == Keys.Execution(response: Self.created, source: .executed))
        #expect(second == Keys.Execution(response: Self.created, source: .replayed))
        #expect(executions.withLock { $0 } == 1)
    }

    @Test("await policy: 99 duplicates that arrive during the attempt join it; it executes once")
    func concurrentDuplicatesJoin() async throws {
        let coordinator = try Self.makeCoordinator(.await)
        let executions = Locked(0)
        let release = Gate()
        let key = try Keys.Key("pay-2")
        let operation: @Sendable () async throws -> Keys.StoredResponse = {
            executions.withLock { $0 += 1 }
            await release.wait()  // held until every duplicate has joined
            return Self.created
        }
        let results = try await withThrowingTaskGroup(of: Keys.Execution.self) { group in
            for _ in 0..<100 {
                group.addTask { try await coordinator.run(key: key, fingerprint: Self.payment, operation: operation) }
            }
            await coordinator.waitForJoined(count: 99, forKey: key)
            #expect(await coordinator.joinedCount(forKey: key) == 99)
            release.open()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(executions.withLock { $0 } == 1)
        #expect(results.count == 100 && results.allSatisfy { $0.response == Self.created })
        #expect(results.count { $0.source == .executed } == 1)
        #expect(results.count { $0.source == .joined } == 99)
        #expect(await coordinator.joinedCount(forKey: key) == 0)
    }

    @Test("reject policy: 100 concurrent duplicates give 1 success and 99 × inProgress (HTTP 409)")
    func concurrentDuplicatesAreRejected() async throws {
        let coordinator = try Self.makeCoordinator(.reject)
        let executions = Locked(0)
        let release = Gate()
        let key = try Keys.Key("pay-3")
        let operation: @Sendable () async throws -> Keys.StoredResponse = {
            executions.withLock { $0 += 1 }
            await release.wait()  // stays in flight until all 99 duplicates were turned away
            return Self.created
        }
        var successes = 0
        var rejected = 0
        try await withThrowingTaskGroup(of: Result<Keys.Execution, IdempotencyError>.self) { group in
            for _ in 0..<100 {
                group.addTask {
                    do {
                        return .success(
                            try await coordinator.run(key: key, fingerprint: Self.payment, operation: operation))
                    } catch let error as IdempotencyError {
                        return .failure(error)
                    }
                }
            }
            for try await result in group {
                switch result {
                case .success: successes += 1
                case .failure(let error):
                    #expect(error == .inProgress && error.httpStatus == 409)
                    rejected += 1
                    if rejected == 99 { release.open() }
                }
            }
        }
        #expect(successes == 1 && rejected == 99)
        #expect(executions.withLock { $0 } == 1)
    }

    @Test("failures are not cached: after a thrown error the retry executes again")
    func failureThenRetryExecutes() async throws {
        struct Declined: Error {}
        let coordinator = try Self.makeCoordinator(.reject)
        let executions = Locked(0)
        let key = try Keys.Key("pay-4")
        await #expect(throws: Declined.self) {
            _ = try await coordinator.run(key: key, fingerprint: Self.payment) {
                executions.withLock { $0 += 1 }
                throw Declined()
            }
        }
        let retry = try await coordinator.run(
            key: key, fingerprint: Self.payment, operation: Self.countingOperation(executions))
        #expect(retry.source == .executed)
        #expect(executions.withLock { $0 } == 2)
    }

    @Test("same key with a different payload throws keyReuseMismatch (HTTP 422), completed or in flight")
    func keyReuseWithAnotherPayload() async throws {
        let coordinator = try Self.makeCoordinator(.await)
        let executions = Locked(0)
        let key = try Keys.Key("pay-5")
        _ = try await coordinator.run(
            key: key, fingerprint: Self.payment, operation: Self.countingOperation(executions))
        let error = await #expect(throws: IdempotencyError.keyReuseMismatch) {
            _ = try await coordinator.run(
                key: key, fingerprint: Self.otherPayment, operation: Self.countingOperation(executions))
        }
        #expect(error?.httpStatus == 422)

        let inFlightKey = try Keys.Key("pay-6")
        let started = Gate()
        let release = Gate()
        let first = Task {
            try await coordinator.run(key: inFlightKey, fingerprint: Self.payment) {
                started.open()
                await release.wait()
                return Self.created
            }
        }
        await started.wait()
        await #expect(throws: IdempotencyError.keyReuseMismatch) {
            _ = try await coordinator.run(
                key: inFlightKey, fingerprint: Self.otherPayment, operation: Self.countingOperation(executions))
        }
        release.open()
        #expect(try await first.value.source == Keys.Source.executed)
        #expect(executions.withLock { $0 } == 1)
    }

    @Test("after the TTL (24 h + 1 s on a ManualClock) the key executes again; 1 s before, it replays")
    func expiryLetsTheKeyRunAgain() async throws {
        let clock = ManualClock()
        let coordinator = try Self.makeCoordinator(.reject, clock: clock)
        let executions = Locked(0)
        let key = try Keys.Key("pay-7")
        _ = try await coordinator.run(
            key: key, fingerprint: Self.payment, operation: Self.countingOperation(executions))
        clock.advance(by: Self.ttl - .seconds(1))
        #expect(
            try await coordinator.run(
                key: key, fingerprint: Self.payment, operation: Self.countingOperation(executions)
            ).source == .replayed)
        clock.advance(by: .seconds(2))
        #expect(
            try await coordinator.run(
                key: key, fingerprint: Self.payment, operation: Self.countingOperation(executions)
            ).source == .executed)
        #expect(executions.withLock { $0 } == 2)
        #expect(await coordinator.store.count == 1)
        clock.advance(by: Self.ttl)
        #expect(await coordinator.store.removeExpired() == 1)
        #expect(await coordinator.store.count == 0)
    }

    @Test("bad configuration is a thrown error with a clear message")
    func badConfigurationThrows() {
        #expect(throws: Keys.ConfigurationError.emptyKey) { try Keys.Key("") }
        #expect(throws: Keys.ConfigurationError.keyTooLong(256)) { try Keys.Key(String(repeating: "k", count: 256)) }
        #expect(throws: Keys.ConfigurationError.nonPositiveTTL(.zero)) {
            try Keys.InMemoryStore(ttl: .zero, lease: .seconds(1), clock: ManualClock())
        }
        #expect(throws: Keys.ConfigurationError.nonPositiveTTL(.seconds(-1))) {
            try Keys.InMemoryStore(ttl: .seconds(-1), lease: .seconds(1), clock: ManualClock())
        }
        #expect(throws: Keys.ConfigurationError.nonPositiveLease(.zero)) {
            try Keys.InMemoryStore(ttl: .seconds(60), lease: .zero, clock: ManualClock())
        }
        #expect(throws: Keys.ConfigurationError.leaseLongerThanTTL(lease: .seconds(61), ttl: .seconds(60))) {
            try Keys.InMemoryStore(ttl: .seconds(60), lease: .seconds(61), clock: ManualClock())
        }
        #expect(Keys.ConfigurationError.nonPositiveTTL(.zero).description.contains("must be positive"))
        #expect(Keys.ConfigurationError.nonPositiveLease(.zero).description.contains("lease must be positive"))
    }

    @Test("a crashed attempt's claim blocks retries (409) only until its lease ends, not for the 24 h TTL")
    func abandonedClaimIsTakenOverAfterTheLease() async throws {
        let clock = ManualClock()
        let coordinator = try Self.makeCoordinator(.reject, clock: clock)
        let executions = Locked(0)
        let key = try Keys.Key("pay-8")
        // Another process claimed the key and died before completing or failing.
        guard case .started = await coordinator.store.begin(key: key, fingerprint: Self.payment) else {
            Issue.record("the first claim did not start")
            return
        }
        clock.advance(by: Self.lease - .seconds(1))
        await #expect(throws: IdempotencyError.inProgress) {
            _ = try await coordinator.run(
                key: key, fingerprint: Self.payment, operation: Self.countingOperation(executions))
        }
        clock.advance(by: .seconds(1))
        let retry = try await coordinator.run(
            key: key, fingerprint: Self.payment, operation: Self.countingOperation(executions))
        #expect(retry.source == .executed)
        clock.advance(by: Self.ttl - .seconds(1))  // the completed response lives for the TTL
        #expect(
            try await coordinator.run(
                key: key, fingerprint: Self.payment, operation: Self.countingOperation(executions)
            ).source == .replayed)
        #expect(executions.withLock { $0 } == 1)
    }

    /// A store that delegates to an in-memory one but can fail `complete` or `fail`.
    actor FlakyStore: IdempotencyStore {
        struct StoreDown: Error {}
        let inner: Keys.InMemoryStore<ManualClock>
        let failComplete: Bool
        let failFail: Bool

        init(failComplete: Bool = false, failFail: Bool = false) throws {
            inner = try Keys.InMemoryStore(
                ttl: IdempotencyKeysTests.ttl, lease: IdempotencyKeysTests.lease, clock: .init())
            self.failComplete = failComplete
            self.failFail = failFail
        }

        func begin(key: Keys.Key, fingerprint: Keys.Fingerprint) async throws -> Keys.BeginOutcome {
            await inner.begin(key: key, fingerprint: fingerprint)
        }

        func complete(key: Keys.Key, token: Keys.ClaimToken, response: Keys.StoredResponse) async throws {
            if failComplete { throw StoreDown() }
            try await inner.complete(key: key, token: token, response: response)
        }

        func fail(key: Keys.Key, token: Keys.ClaimToken) async throws {
            if failFail { throw StoreDown() }
            try await inner.fail(key: key, token: token)
        }
    }

    @Test("if releasing the key fails too, the caller still gets the operation's own error")
    func storeFailureDoesNotMaskTheOperationsError() async throws {
        struct Declined: Error {}
        let coordinator = Keys.Coordinator(store: try FlakyStore(failFail: true), duplicates: .reject)
        await #expect(throws: Declined.self) {
            _ = try await coordinator.run(key: try Keys.Key("pay-9"), fingerprint: Self.payment) { throw Declined() }
        }
    }

    @Test("if recording the response fails after the operation ran, the error says so and carries the response")
    func unrecordedResponseIsADistinctError() async throws {
        let coordinator = Keys.Coordinator(store: try FlakyStore(failComplete: true), duplicates: .reject)
        let executions = Locked(0)
        let error = await #expect(throws: IdempotencyError.self) {
            _ = try await coordinator.run(
                key: try Keys.Key("pay-10"), fingerprint: Self.payment, operation: Self.countingOperation(executions))
        }
        guard case .responseNotRecorded(let response, let reason) = error else {
            Issue.record("expected responseNotRecorded, got \(String(describing: error))")
            return
        }
        #expect(response == Self.created)
        #expect(reason.contains("StoreDown"))
        #expect(error?.httpStatus == 500)
        #expect(executions.withLock { $0 } == 1)
    }

    @Test("fingerprints are stable, and separate method, path and body")
    func fingerprintsAreStable() {
        #expect(
            Self.payment == Keys.Fingerprint(method: "POST", path: "/payments", body: Array("{\"amount\":100}".utf8)))
        #expect(Self.payment != Self.otherPayment)
        #expect(
            Keys.Fingerprint(method: "a", path: "bc", body: []) != Keys.Fingerprint(method: "ab", path: "c", body: []))
        // FNV-1a is process-independent, unlike `hashValue`: this literal holds on every run.
        #expect(Keys.Fingerprint(method: "", path: "", body: []).rawValue == "08328807b4eb6fed")
    }

    /// A naive model with integer time: one key, fingerprints 0/1, claims numbered in order.
    struct Oracle {
        var owner: Int?
        var status = "absent"  // absent, running, done, failed
        var claim = -1  // the claim number holding a running record
        var claims = 0
        var response = 0
        var expiry = 0

        mutating func begin(_ fingerprint: Int, now: Int, lease: Int) -> String {
            if status == "absent" || status == "failed" || now >= expiry {
                (owner, status, expiry, claim) = (fingerprint, "running", now + lease, claims)
                claims += 1
                return "started"
            }
            if owner != fingerprint { return "mismatch" }
            return status == "running" ? "inProgress" : "completed \(response)"
        }

        /// Complete or fail with claim number `token`: only the holder may, lease or not.
        mutating func finish(_ token: Int, now: Int, ttl: Int, response: Int?) -> Bool {
            guard status == "running", claim == token else { return false }
            if let response {
                (status, self.response, expiry) = ("done", response, now + ttl)
            } else {
                status = "failed"
            }
            return true
        }
    }

    @Test("random begin/complete/fail/advance sequences: the store agrees with a naive model")
    func storeMatchesModel() async {
        // code % 4: begin, complete, fail, advance; code / 4 picks the fingerprint, the token and amounts.
        await propertyCheck(count: 300, input: Gen.int(in: 0...399).array(of: 0...30)) { codes in
            do {
                let clock = ManualClock()
                let store = try Keys.InMemoryStore(ttl: .seconds(10), lease: .seconds(4), clock: clock)
                let key = try Keys.Key("k")
                var oracle = Oracle()
                var tokens: [Keys.ClaimToken] = []  // tokens[n] is claim number n
                var now = 0
                for code in codes {
                    let choice = code / 4 % 2
                    let fingerprint = choice == 0 ? Self.payment : Self.otherPayment
                    switch code % 4 {
                    case 0:
                        let outcome = await store.begin(key: key, fingerprint: fingerprint)
                        let expected = oracle.begin(choice, now: now, lease: 4)
                        let actual: String
                        switch outcome {
                        case .started(let token):
                            #expect(!tokens.contains(token), "codes \(codes)")
                            tokens.append(token)
                            actual = "started"
                        case .inProgress: actual = "inProgress"
                        case .fingerprintMismatch: actual = "mismatch"
                        case .completed(let response): actual = "completed \(response.status)"
                        }
                        #expect(actual == expected, "codes \(codes)")
                    case 1, 2:
                        // Mostly the latest claim, sometimes an older one (a stale attempt), or a forged token.
                        let pick = tokens.count - 1 - code / 8 % 3
                        let token = pick >= 0 ? tokens[pick] : Keys.ClaimToken(rawValue: "forged")
                        let status = code % 4 == 1 ? 200 + code % 50 : nil
                        let accepted: Bool
                        do {
                            if let status {
                                try await store.complete(key: key, token: token, response: .init(status: status))
                            } else {
                                try await store.fail(key: key, token: token)
                            }
                            accepted = true
                        } catch {
                            accepted = false
                        }
                        #expect(accepted == oracle.finish(pick, now: now, ttl: 10, response: status), "codes \(codes)")
                    default:
                        let step = code / 8 % 7  // 0…6 s: sometimes crosses the 4 s lease or the 10 s TTL
                        clock.advance(by: .seconds(step))
                        now += step
                    }
                }
            } catch {
                Issue.record("unexpected error: \(error)")
            }
        }
    }
}
