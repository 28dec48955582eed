import Foundation
import HandbookConcurrency
import HandbookTestSupport
import Testing

/// A service with the classic bug trigger: on bad input it calls back
/// synchronously and forgets the callback at once.
struct SynchronousFailureService: ContinuationsBridging.ScoreService {
    func fetchScore(
        for user: String, completion: @escaping @Sendable (Result<Int, ContinuationsBridging.LookupError>) -> Void
    ) {
        completion(.failure(.unknownUser(user)))
    }
}

/// A cancellable operation driven by the test: it records `start` and
/// `cancel` calls and completes only when told to.
final class ControlledOperation: ContinuationsBridging.CancellableOperation {
    typealias Value = Int

    private struct State {
        var starts = 0
        var cancels = 0
        var completion: (@Sendable (Result<Int, any Error>) -> Void)?
    }

    private let state = Locked(State())
    /// Opened when `start` has stored its completion.
    let started = Gate()

    var startCount: Int { state.withLock { $0.starts } }
    var cancelCount: Int { state.withLock { $0.cancels } }

    func start(completion: @escaping @Sendable (Result<Int, any Error>) -> Void) {
        state.withLock {
            $0.starts += 1
            $0.completion = completion
        }
        started.open()
    }

    func cancel() {
        state.withLock { $0.cancels += 1 }
    }

    /// Calls the stored completion, as the real work would when it ends.
    func complete(with result: Result<Int, any Error>) {
        let completion = state.withLock { $0.completion }
        completion?(result)
    }
}

@Suite("Continuations bridging", .timeLimit(.minutes(1)))
struct ContinuationsBridgingTests {
    typealias Lesson = ContinuationsBridging
    typealias Machine = ContinuationsBridging.BridgeState<String>

    @Test("a callback API bridged with a checked continuation returns its value or throws its error")
    func callbackBridgeReturnsTheValue() async throws {
        let service = Lesson.DispatchScoreService(scores: ["ada": 42])
        #expect(try await Lesson.score(for: "ada", from: service) == 42)
        await #expect(throws: Lesson.LookupError.unknownUser("bob")) {
            try await Lesson.score(for: "bob", from: service)
        }
    }

    @Test("resuming twice traps; taking only the first callback is the fix")
    func doubleResumeTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let service = ContinuationsBridging.CachingScoreService(cached: 1, fresh: 2)
            _ = try await ContinuationsBridging.score(for: "ada", from: service)
            // The second callback arrives on the service's queue: wait for the trap it causes.
            _ = try await ContinuationsBridging.score(for: "ada", from: service)
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("tried to resume its continuation more than once"))

        let service = Lesson.CachingScoreService(cached: 1, fresh: 2)
        #expect(try await Lesson.firstScore(for: "ada", from: service) == 1)
    }

    @Test("a path that never resumes leaks the continuation, and the runtime says so on stderr")
    func neverResumedContinuationIsReported() async throws {
        let result = try await #require(processExitsWith: .exitCode(3), observing: [\.standardErrorContent]) {
            // Task.immediate runs the bridge on this thread up to its first
            // suspension, so the leak has been reported when it returns.
            _ = Task.immediate {
                await ContinuationsBridging.leakyScore(for: "nobody", from: SynchronousFailureService())
            }
            exit(3)
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("SWIFT TASK CONTINUATION MISUSE"))
        #expect(stderr.contains("leaked its continuation without resuming it"))
    }

    @Test("the cancellable bridge returns the operation's value and never cancels a finished operation")
    func cancellableBridgeReturnsTheValue() async throws {
        let operation = ControlledOperation()
        let waiter = Task { try await Lesson.run(operation) }
        await operation.started.wait()
        operation.complete(with: .success(42))
        #expect(try await waiter.value == 42)
        waiter.cancel()
        #expect(operation.startCount == 1)
        #expect(operation.cancelCount == 0)
    }

    @Test("cancelling the waiter resumes it with CancellationError and cancels the operation exactly once")
    func cancellingTheWaiterCancelsTheOperationOnce() async throws {
        let operation = ControlledOperation()
        // Both tasks run on one serial executor, so the test resumes from
        // `started` only after the waiter's continuation body has returned:
        // the cancel then finds the operation running, never still starting
        // (that other path cancels from the body, and would hide a missing
        // cancel in `onCancel`).
        let serial = SerialTaskExecutor()
        let waiter = Task(executorPreference: serial) { try await Lesson.run(operation) }
        await withTaskExecutorPreference(serial) {
            await operation.started.wait()
            waiter.cancel()
        }
        // The operation never completes on its own: only cancellation can end this wait.
        await #expect(throws: CancellationError.self) { try await waiter.value }
        waiter.cancel()
        operation.complete(with: .success(7))  // a late completion is ignored, not a second resume
        #expect(operation.startCount == 1)
        #expect(operation.cancelCount == 1)
    }

    @Test("a task cancelled before the call throws at once and never starts the operation")
    func cancelledBeforeTheCallNeverStarts() async throws {
        let operation = ControlledOperation()
        let go = Gate()
        let waiter = Task {
            await go.wait()
            return try await Lesson.run(operation)
        }
        waiter.cancel()
        go.open()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(operation.startCount == 0)
        #expect(operation.cancelCount == 0)
    }

    @Test("state machine: cancel before arrival resumes the waiter with cancellation and starts nothing")
    func machineCancelBeforeArrival() {
        var machine = Machine()
        #expect(isNone(machine.cancelled()))
        guard case .resumeWithCancellation("w") = machine.waiterArrived("w") else {
            Issue.record("expected the waiter to be resumed with cancellation")
            return
        }
        #expect(isNone(machine.cancelled()))
        #expect(isNone(machine.operationCompleted()))
    }

    @Test("state machine: cancel while running resumes and cancels once; completion afterwards is ignored")
    func machineCancelWhileRunning() {
        var machine = Machine()
        guard case .startOperation = machine.waiterArrived("w") else {
            Issue.record("expected the operation to start")
            return
        }
        #expect(isNone(machine.operationStarted()))
        guard case .resumeWithCancellationAndCancelOperation("w") = machine.cancelled() else {
            Issue.record("expected resume + cancel")
            return
        }
        #expect(isNone(machine.cancelled()), "a second cancel does nothing")
        #expect(isNone(machine.operationCompleted()), "the waiter was already resumed")
    }

    @Test("state machine: cancel during start resumes at once and cancels only after start returns")
    func machineCancelDuringStart() {
        var machine = Machine()
        _ = machine.waiterArrived("w")
        guard case .resumeWithCancellation("w") = machine.cancelled() else {
            Issue.record("expected the waiter to be resumed without cancelling mid-start")
            return
        }
        guard case .cancelOperation = machine.operationStarted() else {
            Issue.record("expected the deferred cancel once start returned")
            return
        }
        #expect(isNone(machine.operationCompleted()))
    }

    @Test("state machine: completion inside start resumes once and leaves nothing to cancel")
    func machineSynchronousCompletion() {
        var machine = Machine()
        _ = machine.waiterArrived("w")
        guard case .resume("w") = machine.operationCompleted() else {
            Issue.record("expected the waiter to be resumed with the result")
            return
        }
        #expect(isNone(machine.operationStarted()))
        #expect(isNone(machine.cancelled()))
    }

    private func isNone(_ action: Machine.CancelAction) -> Bool {
        if case .none = action { return true }
        return false
    }

    private func isNone(_ action: Machine.CompletionAction) -> Bool {
        if case .none = action { return true }
        return false
    }

    private func isNone(_ action: Machine.StartedAction) -> Bool {
        if case .none = action { return true }
        return false
    }
}
