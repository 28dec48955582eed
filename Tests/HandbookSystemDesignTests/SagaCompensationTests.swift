import Foundation
import HandbookSystemDesign
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Saga compensation", .timeLimit(.minutes(1)))
struct SagaCompensationTests {
    struct StepBoom: Error, Equatable {
        let step: Int
    }

    struct UndoBoom: Error, Equatable {
        let step: Int
    }

    /// Steps `s1`…`sN`. Action `i` logs `a<i>` and appends `s<i>` to the
    /// context; compensation `i` logs `c<i>`. `failingStep` throws, and the
    /// compensations in `failingCompensations` throw every time.
    static func saga(
        steps count: Int, failingStep: Int? = nil, failingCompensations: Set<Int> = [],
        compensationAttempts: Int = 1, log: EventLog<String>
    ) throws -> Saga<[String]> {
        try Saga(
            steps: (1...count).map { index in
                Saga<[String]>.Step(
                    name: "s\(index)",
                    action: { context in
                        log.append("a\(index)")
                        if index == failingStep { throw StepBoom(step: index) }
                        return context + ["s\(index)"]
                    },
                    compensate: { _ in
                        log.append("c\(index)")
                        if failingCompensations.contains(index) { throw UndoBoom(step: index) }
                    })
            },
            compensationAttempts: compensationAttempts)
    }

    @Test("step 3 fails: c2 then c1 run, in reverse, and c3 does not")
    func compensatesCompletedStepsInReverse() async throws {
        let log = EventLog<String>()
        let saga = try Self.saga(steps: 3, failingStep: 3, log: log)
        do {
            let context = try await saga.run([])
            Issue.record("expected a failure, got \(context)")
        } catch SagaError.stepFailed(let step, let underlying) {
            #expect(step == "s3")
            #expect(underlying as? StepBoom == StepBoom(step: 3))
        }
        #expect(log.events == ["a1", "a2", "a3", "c2", "c1"])
    }

    @Test("a failing compensation is reported with the original error, and the others still run")
    func compensationFailuresAreAggregated() async throws {
        let log = EventLog<String>()
        let saga = try Self.saga(steps: 4, failingStep: 4, failingCompensations: [2], log: log)
        do {
            _ = try await saga.run([])
            Issue.record("expected compensationFailed")
        } catch SagaError.compensationFailed(let original, let compensationErrors) {
            #expect(original.step == "s4")
            #expect(original.error as? StepBoom == StepBoom(step: 4))
            #expect(compensationErrors.map(\.step) == ["s2"])
            #expect(compensationErrors.first?.error as? UndoBoom == UndoBoom(step: 2))
        }
        #expect(log.events == ["a1", "a2", "a3", "a4", "c3", "c2", "c1"])
    }

    @Test("cancelling mid-saga compensates step 1 in an uncancelled task, and step 3 never starts")
    func cancellationCompensatesCompletedSteps() async throws {
        let log = EventLog<String>()
        let compensationSawCancellation = EventLog<Bool>()
        let reachedStep2 = Gate()
        let releaseStep2 = Gate()
        let saga = try Saga<[String]>(steps: [
            .init(
                name: "reserve",
                action: {
                    log.append("reserve")
                    return $0 + ["reservation"]
                },
                compensate: { _ in
                    compensationSawCancellation.append(Task.isCancelled)
                    try Task.checkCancellation()  // what a network call would do
                    log.append("release")
                }),
            .init(
                name: "charge",
                action: { context in
                    reachedStep2.open()
                    await releaseStep2.wait()
                    try Task.checkCancellation()
                    log.append("charge")
                    return context + ["payment"]
                },
                compensate: { _ in log.append("refund") }),
            .init(
                name: "confirm",
                action: {
                    log.append("confirm")
                    return $0
                }, compensate: { _ in }),
        ])
        // The log write checks cancellation, as a database driver would: it must run uncancelled too.
        let task = Task { try await saga.run([]) { _, _ in try Task.checkCancellation() } }
        await reachedStep2.wait()
        task.cancel()
        releaseStep2.open()

        do {
            _ = try await task.value
            Issue.record("expected the saga to fail")
        } catch let error as SagaError {
            guard case .stepFailed(let step, let underlying) = error else {
                Issue.record("expected stepFailed, got \(error)")
                return
            }
            #expect(step == "charge")
            #expect(underlying is CancellationError)
            #expect(error.isCancellation)
        }
        #expect(log.events == ["reserve", "release"])
        #expect(compensationSawCancellation.events == [false])
    }

    @Test("a step that completes despite cancellation is compensated too, and the next one never starts")
    func stepFinishingAfterCancellationIsUndone() async throws {
        let log = EventLog<String>()
        let reachedStep2 = Gate()
        let releaseStep2 = Gate()
        let steps: [Saga<[String]>.Step] = [
            .init(
                name: "s1",
                action: {
                    log.append("a1")
                    return $0
                }, compensate: { _ in log.append("c1") }),
            .init(
                name: "s2",
                action: { context in
                    reachedStep2.open()
                    await releaseStep2.wait()  // ignores cancellation and completes
                    log.append("a2")
                    return context
                }, compensate: { _ in log.append("c2") }),
            .init(
                name: "s3",
                action: {
                    log.append("a3")
                    return $0
                }, compensate: { _ in log.append("c3") }),
        ]
        let saga = try Saga(steps: steps)
        let states = EventLog<SagaState>()
        let task = Task { try await saga.run([]) { state, _ in states.append(state) } }
        await reachedStep2.wait()
        task.cancel()
        releaseStep2.open()

        await #expect(throws: SagaError.self) { try await task.value }
        #expect(log.events == ["a1", "a2", "c2", "c1"])
        #expect(states.events.last?.log.contains(.stepFailed("s3", reason: "cancelled before it started")) == true)
        #expect(states.events.last?.phase == .compensated)
    }

    @Test("when every step succeeds, the final context is returned and nothing is compensated")
    func allStepsSucceed() async throws {
        let log = EventLog<String>()
        let saga = try Self.saga(steps: 3, log: log)
        let states = EventLog<SagaState>()
        let context = try await saga.run([]) { state, _ in states.append(state) }
        #expect(context == ["s1", "s2", "s3"])
        #expect(log.events == ["a1", "a2", "a3"])
        #expect(states.events.last?.phase == .completed)
    }

    @Test("the persisted log is exactly the expected event sequence, one state per transition")
    func executionLogIsExact() async throws {
        let log = EventLog<String>()
        let saga = try Self.saga(steps: 3, failingStep: 3, failingCompensations: [1], compensationAttempts: 2, log: log)
        let states = EventLog<SagaState>()
        await #expect(throws: SagaError.self) { try await saga.run([]) { state, _ in states.append(state) } }
        let expected: [SagaEvent] = [
            .stepStarted("s1"), .stepCompleted("s1"),
            .stepStarted("s2"), .stepCompleted("s2"),
            .stepStarted("s3"), .stepFailed("s3", reason: "StepBoom(step: 3)"),
            .compensationStarted("s2"), .compensationCompleted("s2"),
            .compensationStarted("s1"), .compensationFailed("s1", reason: "UndoBoom(step: 1)"),
            .compensationStarted("s1"), .compensationFailed("s1", reason: "UndoBoom(step: 1)"),
        ]
        let final = try #require(states.events.last)
        #expect(final.log == expected)
        #expect(final.phase == .compensationFailed)
        #expect(final.failedCompensations == [0])
        #expect(states.events.map(\.log.count) == Array(1...expected.count))
        #expect(log.events == ["a1", "a2", "a3", "c2", "c1", "c1"])
    }

    @Test("a compensation that fails then succeeds within its attempts counts as compensated")
    func compensationIsRetried() async throws {
        let tries = EventLog<Int>()
        let saga = try Saga<Int>(
            steps: [
                .init(
                    name: "reserve", action: { $0 + 1 },
                    compensate: { _ in
                        tries.append(tries.events.count + 1)
                        if tries.events.count < 3 { throw UndoBoom(step: 1) }
                    }),
                .init(name: "charge", action: { _ in throw StepBoom(step: 2) }, compensate: { _ in }),
            ], compensationAttempts: 3)
        do {
            _ = try await saga.run(0)
            Issue.record("expected stepFailed")
        } catch SagaError.stepFailed(let step, _) {
            #expect(step == "charge")
        }
        #expect(tries.events == [1, 2, 3])
    }

    @Test("the state machine's transitions are pure: reverse order, and out-of-order events are rejected")
    func stateMachineTransitions() throws {
        var state = SagaState(stepNames: ["a", "b", "c"])
        #expect(state.nextAction == .runStep(0))
        for name in ["a", "b"] {
            try state.apply(.stepStarted(name))
            try state.apply(.stepCompleted(name))
        }
        #expect(state.phase == .pending(next: 2))
        #expect(throws: SagaState.InvalidTransition.self) { try state.apply(.stepStarted("a")) }
        try state.apply(.stepStarted("c"))
        #expect(state.phase == .running(step: 2))
        try state.apply(.stepFailed("c", reason: "declined"))
        #expect(state.nextAction == .compensate(1))
        #expect(throws: SagaState.InvalidTransition.self) { try state.apply(.compensationStarted("a")) }
        try state.apply(.compensationStarted("b"))
        try state.apply(.compensationCompleted("b"))
        #expect(state.nextAction == .compensate(0))
        try state.apply(.compensationStarted("a"))
        try state.apply(.compensationCompleted("a"))
        #expect(state.phase == .compensated)
        #expect(state.nextAction == .finished)
        #expect(state.completedSteps.isEmpty)
    }

    @Test("a state survives a JSON round trip and is rebuilt by replaying its log")
    func stateIsPersistable() throws {
        var state = SagaState(stepNames: ["reserve", "charge"], compensationAttempts: 2)
        for event: SagaEvent in [.stepStarted("reserve"), .stepCompleted("reserve"), .stepStarted("charge")] {
            try state.apply(event)
        }
        let decoded = try JSONDecoder().decode(SagaState.self, from: JSONEncoder().encode(state))
        #expect(decoded == state)
        let replayed = try SagaState(stepNames: ["reserve", "charge"], compensationAttempts: 2, replaying: state.log)
        #expect(replayed == state)
    }

    @Test("after a crash during step 2, recovery compensates steps 2 and 1 in reverse")
    func crashRecoveryRollsBack() async throws {
        let log = EventLog<String>()
        let saga = try Self.saga(steps: 3, log: log)
        // What the store held when the process died: step 2 had started.
        let persisted = try SagaState(
            stepNames: ["s1", "s2", "s3"],
            replaying: [.stepStarted("s1"), .stepCompleted("s1"), .stepStarted("s2")])
        var recovered = persisted
        recovered.recoverAfterCrash()
        #expect(recovered.phase == .compensating(step: 1))
        #expect(recovered.completedSteps == [0, 1])

        let final = try await saga.resume(persisted, context: ["s1"])
        #expect(log.events == ["c2", "c1"])
        #expect(final.phase == .compensated)
        #expect(
            final.log.suffix(5) == [
                .stepInterrupted("s2"), .compensationStarted("s2"), .compensationCompleted("s2"),
                .compensationStarted("s1"), .compensationCompleted("s1"),
            ])
    }

    struct WriteBoom: Error {}

    /// What a saga store holds after one write.
    struct Persisted: Sendable {
        let state: SagaState
        let context: [String]
    }

    @Test("onTransition receives the updated context, so resume can compensate with the ids the steps produced")
    func hookPersistsTheContext() async throws {
        let undone = EventLog<String>()
        let saga = try Saga<[String]>(steps: [
            .init(
                name: "reserve", action: { $0 + ["reservation-7"] },
                compensate: { undone.append("release \($0.filter { $0.hasPrefix("reservation") })") }),
            .init(
                name: "charge", action: { $0 + ["payment-9"] },
                compensate: { undone.append("refund \($0.filter { $0.hasPrefix("payment") })") }),
            .init(name: "confirm", action: { $0 }, compensate: { _ in }),
        ])
        let store = EventLog<Persisted>()
        let final = try await saga.run([]) { state, context in store.append(.init(state: state, context: context)) }
        #expect(final == ["reservation-7", "payment-9"])
        #expect(
            store.events.map(\.context) == [
                [], ["reservation-7"], ["reservation-7"], ["reservation-7", "payment-9"],
                ["reservation-7", "payment-9"], ["reservation-7", "payment-9"],
            ])

        // The process died while "confirm" ran: recovery reads the last write, state and context together.
        let crashed = try #require(store.events.first { $0.state.log.last == .stepStarted("confirm") })
        let recovered = try await saga.resume(crashed.state, context: crashed.context)
        #expect(recovered.phase == .compensated)
        #expect(undone.events == ["refund [\"payment-9\"]", "release [\"reservation-7\"]"])
    }

    @Test("a failed write before a step starts stops the saga: the step never runs, the completed ones are undone")
    func failedWriteBeforeAStepCompensates() async throws {
        let log = EventLog<String>()
        let saga = try Self.saga(steps: 3, log: log)
        let store = EventLog<SagaState>()
        do {
            _ = try await saga.run([]) { state, _ in
                if state.log.last == .stepStarted("s2") { throw WriteBoom() }
                store.append(state)
            }
            Issue.record("expected the saga to stop")
        } catch SagaError.stepFailed(let step, let underlying) {
            #expect(step == "s2")
            let writeError = try #require(underlying as? SagaLogWriteError)
            #expect(writeError.event == .stepStarted("s2"))
            #expect(writeError.underlying is WriteBoom)
        }
        #expect(log.events == ["a1", "c1"])
        #expect(store.events.last?.phase == .compensated)
        #expect(store.events.last?.log.contains(.stepStarted("s2")) == false)
    }

    @Test("a step whose completion cannot be logged is treated as interrupted and compensated with the others")
    func failedCompletionWriteCompensatesTheStep() async throws {
        let log = EventLog<String>()
        let saga = try Self.saga(steps: 3, log: log)
        let store = EventLog<SagaState>()
        do {
            _ = try await saga.run([]) { state, _ in
                if state.phase == .completed { throw WriteBoom() }
                store.append(state)
            }
            Issue.record("a saga whose completion was not persisted must not report success")
        } catch SagaError.stepFailed(let step, let underlying) {
            #expect(step == "s3")
            #expect((underlying as? SagaLogWriteError)?.event == .stepCompleted("s3"))
        }
        #expect(log.events == ["a1", "a2", "a3", "c3", "c2", "c1"])
        let final = try #require(store.events.last)
        #expect(final.phase == .compensated)
        #expect(final.log.contains(.stepInterrupted("s3")))
        #expect(!final.log.contains(.stepCompleted("s3")))
    }

    @Test("failed writes while compensating do not stop the undo; only a failed final write is reported")
    func failedWritesWhileCompensating() async throws {
        let log = EventLog<String>()
        let saga = try Self.saga(steps: 3, failingStep: 3, log: log)
        // One intermediate write fails: the next write carries the whole state, so the store catches up.
        do {
            _ = try await saga.run([]) { state, _ in
                if state.log.last == .compensationStarted("s2") { throw WriteBoom() }
            }
            Issue.record("expected stepFailed")
        } catch SagaError.stepFailed(let step, _) {
            #expect(step == "s3")
        }
        #expect(log.events == ["a1", "a2", "a3", "c2", "c1"])

        // Every write after the failure fails: compensations still run, and run says the store is behind.
        do {
            _ = try await saga.run([]) { state, _ in
                if state.log.contains(.stepFailed("s3", reason: "StepBoom(step: 3)")) { throw WriteBoom() }
            }
        } catch SagaError.unpersisted(let outcome, let writeError) {
            guard case .stepFailed(let step, _) = outcome else { throw outcome }
            #expect(step == "s3")
            #expect(writeError.state.phase == .compensated)
            #expect(writeError.event == .compensationCompleted("s1"))
        }
        #expect(log.events.count == 10)
        #expect(log.events.suffix(5) == ["a1", "a2", "a3", "c2", "c1"])
    }

    @Test("resume runs every compensation despite failed writes, then throws the failed final write")
    func resumeReportsAFailedFinalWrite() async throws {
        let log = EventLog<String>()
        let saga = try Self.saga(steps: 3, log: log)
        let persisted = try SagaState(
            stepNames: ["s1", "s2", "s3"],
            replaying: [.stepStarted("s1"), .stepCompleted("s1"), .stepStarted("s2")])
        do {
            _ = try await saga.resume(persisted, context: ["s1"]) { _, _ in throw WriteBoom() }
            Issue.record("expected SagaLogWriteError")
        } catch {
            #expect(error.state.phase == .compensated)
            #expect(error.underlying is WriteBoom)
        }
        #expect(log.events == ["c2", "c1"])
    }

    @Test("a saga that cannot run is a thrown SagaConfigurationError")
    func invalidSagasThrow() {
        let step = Saga<Int>.Step(name: "x", action: { $0 }, compensate: { _ in })
        let unnamed = Saga<Int>.Step(name: "", action: { $0 }, compensate: { _ in })
        #expect(throws: SagaConfigurationError("a saga needs at least one step")) { try Saga<Int>(steps: []) }
        #expect(throws: SagaConfigurationError("step names must not be empty")) { try Saga(steps: [unnamed]) }
        #expect(throws: SagaConfigurationError("step names must be unique (\"x\" appears twice)")) {
            try Saga(steps: [step, step])
        }
        #expect(throws: SagaConfigurationError("compensationAttempts must be at least 1 (got 0)")) {
            try Saga(steps: [step], compensationAttempts: 0)
        }
    }

    @Test("for random failure positions and failing compensations, compensations are the completed steps reversed")
    func compensationsReverseCompletedSteps() async {
        await propertyCheck(
            count: 200, input: Gen.int(in: 1...8), Gen.int(in: 1...9), Gen.bool(0.3).array(of: 8)
        ) { count, failure, compensationFails in
            do {
                let failingStep = failure <= count ? failure : nil
                let failing = Set((1...count).filter { compensationFails[$0 - 1] })
                let log = EventLog<String>()
                let saga = try Self.saga(
                    steps: count, failingStep: failingStep, failingCompensations: failing, log: log)
                let completed = Array(1..<(failingStep ?? count + 1))
                let expectedCompensations = failingStep == nil ? [] : completed.reversed().map { "c\($0)" }
                do {
                    _ = try await saga.run([])
                    #expect(failingStep == nil)
                } catch let error as SagaError {
                    #expect(error.original.step == "s\(failingStep ?? 0)")
                    let expectedFailures = completed.reversed().filter(failing.contains).map { "s\($0)" }
                    switch error {
                    case .stepFailed: #expect(expectedFailures.isEmpty)
                    case .compensationFailed(_, let errors): #expect(errors.map(\.step) == expectedFailures)
                    case .unpersisted: Issue.record("nothing failed to persist: \(error)")
                    }
                }
                #expect(log.events.filter { $0.hasPrefix("c") } == expectedCompensations)
            } catch {
                Issue.record("unexpected error: \(error)")
            }
        }
    }
}
