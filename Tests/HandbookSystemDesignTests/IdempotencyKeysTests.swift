import HandbookSystemDesign
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Idempotency keys: run once per key, replay, reject or join duplicates")
struct IdempotencyKeysTests {
    typealias Keys = IdempotencyKeys
    typealias Record = Keys.Record<ManualClock.Instant>

    static let ttl = Duration.seconds(86_400)
    static let payment = Keys.Fingerprint(method: "POST", path: "/payments", body: Array("{\"amount\":100}".utf8))
    static let otherPayment = Keys.Fingerprint(method: "POST", path: "/payments", body: Array("{\"amount\":999}".utf8))
    static let created = Keys.StoredResponse(status: 201, headers: ["Location": "/payments/7"], body: Array("ok".utf8))

    static func makeCoordinator(
        _ policy: Keys.DuplicatePolicy,
        clock: ManualClock = ManualClock()
    ) throws -> Keys.Coordinator<Keys.InMemoryStore<ManualClock>> {
        Keys.Coordinator(store: try Keys.InMemoryStore(ttl: ttl, clock: clock), duplicates: policy)
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
            let store = try Keys.InMemoryStore(ttl: .seconds(60), clock: clock)
            return .init(store: store, ttl: .seconds(60), advance: { clock.advance(by: $0) })
        }
    }

    @Test("state machine: begin claims, duplicates see in-progress, complete replays, fail releases")
    func recordTransitions() throws {
        let t0 = ManualClock.Instant(offset: .zero)
        var (record, outcome) = Record.begin(nil, fingerprint: Self.payment, now: t0, ttl: .seconds(60))
        #expect(outcome == .started && record.state == .inProgress)
        #expect(Record.begin(record, fingerprint: Self.payment, now: t0, ttl: .seconds(60)).outcome == .inProgress)
        #expect(
            Record.begin(record, fingerprint: Self.otherPayment, now: t0, ttl: .seconds(60)).outcome
                == .fingerprintMismatch)

        try record.complete(with: Self.created, fingerprint: Self.payment, now: t0, ttl: .seconds(60))
        #expect(
            Record.begin(record, fingerprint: Self.payment, now: t0, ttl: .seconds(60)).outcome
                == .completed(Self.created))
        #expect(throws: Keys.TransitionError.notInProgress) {
            try record.fail(fingerprint: Self.payment, now: t0)  // a completed record stays completed
        }
        // Expiry is the only way out of `completed`: any fingerprint starts again.
        let late = t0.advanced(by: .seconds(60))
        #expect(Record.begin(record, fingerprint: Self.otherPayment, now: late, ttl: .seconds(60)).outcome == .started)

        var failing = Record.begin(nil, fingerprint: Self.payment, now: t0, ttl: .seconds(60)).record
        #expect(throws: Keys.TransitionError.notInProgress) {
            try failing.fail(fingerprint: Self.otherPayment, now: t0)  // not this request's claim
        }
        try failing.fail(fingerprint: Self.payment, now: t0)
        #expect(failing.state == .failed)
        #expect(Record.begin(failing, fingerprint: Self.payment, now: t0, ttl: .seconds(60)).outcome == .started)
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

    @Test("await policy: 100 concurrent duplicates execute once and all get the same response")
    func concurrentDuplicatesJoin() async throws {
        let coordinator = try Self.makeCoordinator(.await)
        let executions = Locked(0)
        let release = Gate()
        let key = try Keys.Key("pay-2")
        let operation: @Sendable () async throws -> Keys.StoredResponse = {
            executions.withLock { $0 += 1 }
            await release.wait()  // held so that the duplicates overlap with it
            return Self.created
        }
        let results = try await withThrowingTaskGroup(of: Keys.Execution.self) { group in
            for _ in 0..<100 {
                group.addTask { try await coordinator.run(key: key, fingerprint: Self.payment, operation: operation) }
            }
            release.open()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(executions.withLock { $0 } == 1)
        #expect(results.count == 100 && results.allSatisfy { $0.response == Self.created })
        #expect(results.count { $0.source == .executed } == 1)
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
            try Keys.InMemoryStore(ttl: .zero, clock: ManualClock())
        }
        #expect(throws: Keys.ConfigurationError.nonPositiveTTL(.seconds(-1))) {
            try Keys.InMemoryStore(ttl: .seconds(-1), clock: ManualClock())
        }
        #expect(Keys.ConfigurationError.nonPositiveTTL(.zero).description.contains("must be positive"))
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

    /// A naive model with integer time: one key, fingerprints 0/1, responses by number.
    struct Oracle {
        var owner: Int?
        var status = "absent"  // absent, running, done, failed
        var response = 0
        var expiry = 0

        mutating func begin(_ fingerprint: Int, now: Int, ttl: Int) -> String {
            if status == "absent" || status == "failed" || now >= expiry {
                (owner, status, expiry) = (fingerprint, "running", now + ttl)
                return "started"
            }
            if owner != fingerprint { return "mismatch" }
            return status == "running" ? "inProgress" : "completed \(response)"
        }

        mutating func finish(_ fingerprint: Int, now: Int, ttl: Int, response: Int?) -> Bool {
            guard status == "running", owner == fingerprint, now < expiry else { return false }
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
        // code % 4: begin, complete, fail, advance; code / 4 picks the fingerprint and amounts.
        await propertyCheck(count: 300, input: Gen.int(in: 0...399).array(of: 0...30)) { codes in
            do {
                let clock = ManualClock()
                let store = try Keys.InMemoryStore(ttl: .seconds(10), clock: clock)
                let key = try Keys.Key("k")
                var oracle = Oracle()
                var now = 0
                for code in codes {
                    let choice = code / 4 % 2
                    let fingerprint = choice == 0 ? Self.payment : Self.otherPayment
                    switch code % 4 {
                    case 0:
                        let outcome = await store.begin(key: key, fingerprint: fingerprint)
                        let expected = oracle.begin(choice, now: now, ttl: 10)
                        let actual: String =
                            switch outcome {
                            case .started: "started"
                            case .inProgress: "inProgress"
                            case .fingerprintMismatch: "mismatch"
                            case .completed(let response): "completed \(response.status)"
                            }
                        #expect(actual == expected, "codes \(codes)")
                    case 1, 2:
                        let status = code % 4 == 1 ? 200 + code % 50 : nil
                        let accepted: Bool
                        do {
                            if let status {
                                try await store.complete(
                                    key: key, fingerprint: fingerprint, response: .init(status: status))
                            } else {
                                try await store.fail(key: key, fingerprint: fingerprint)
                            }
                            accepted = true
                        } catch {
                            accepted = false
                        }
                        #expect(
                            accepted == oracle.finish(choice, now: now, ttl: 10, response: status), "codes \(codes)")
                    default:
                        let step = code / 8 % 7  // 0…6 s: sometimes crosses the 10 s TTL
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
