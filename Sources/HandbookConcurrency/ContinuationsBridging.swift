import Dispatch
import Synchronization

/// Bridging callback APIs into `async` with continuations: resume exactly once.
///
/// ```swift
/// let score = try await ContinuationsBridging.score(for: "ada", from: service)   // 42
/// let value = try await ContinuationsBridging.run(download)   // cancellable: cancels the download too
/// ```
///
/// ## Why interviewers ask this
/// Every server codebase still has callback APIs: Dispatch, C libraries, NIO
/// `EventLoopFuture`s (whose `get()` is itself built on a continuation). The
/// interviewer wants the contract of `withCheckedThrowingContinuation`
/// (resume **exactly once** on every path), what happens when you break it
/// (a trap, or a task suspended forever), and how to make the bridge honour
/// task cancellation - the part most candidates miss.
///
/// ## Common pitfalls
/// - Resuming twice, typically from an API that calls back more than once
///   (cached value, then fresh): a checked continuation traps with
///   "tried to resume its continuation more than once"
///   (``score(for:from:)`` with a ``CachingScoreService``). Take the first
///   answer (``firstScore(for:from:)``) or bridge to an `AsyncStream`.
/// - Forgetting to resume on one path (an early `return`, an ignored error):
///   the task stays suspended forever, holding everything it captured. A
///   checked continuation prints "leaked its continuation" when it is
///   dropped; an `UnsafeContinuation` says nothing (``leakyScore(for:from:)``).
/// - Assuming a bridged call is cancellable. `withCheckedContinuation`
///   ignores cancellation: cancelling the waiting task does nothing until the
///   callback fires. Add `withTaskCancellationHandler` and forward the cancel.
/// - Racing that handler: `onCancel` runs concurrently with the body, and
///   *before* it when the task is already cancelled, so the continuation may
///   not exist yet. A lock-protected state machine (``BridgeState``) decides
///   who resumes, and resumes outside the lock.
///
/// ## Key takeaway
/// A continuation is a one-shot promise you must fulfil exactly once. Use the
/// checked variants (the checks cost little; switch to `UnsafeContinuation`
/// only where profiling says so), and for cancellable work combine a
/// continuation, `withTaskCancellationHandler` and a small state machine
/// whose transitions are pure and tested on their own.
///
/// ## Go → Swift
/// Go needs no bridging: a blocking call in a goroutine is fine, and a
/// callback becomes a channel send (`done <- v`). Sending twice on a buffered
/// channel of one blocks, and forgetting to send leaks the goroutine
/// silently. Swift's checked continuations turn both mistakes into a trap or a
/// runtime warning, and `withTaskCancellationHandler` plays the role of
/// `select { case <-ctx.Done(): op.Cancel() }`. NIO's
/// `EventLoopFuture.get()` is the same continuation bridge as the one shown
/// here (NIO uses the unsafe variant, for speed).
public enum ContinuationsBridging {
    /// Why a lookup failed.
    public enum LookupError: Error, Equatable, Sendable {
        case unknownUser(String)
    }

    /// A callback-style service: the shape of most pre-concurrency APIs.
    public protocol ScoreService: Sendable {
        /// Calls `completion` later, on a queue of the service's choosing.
        func fetchScore(for user: String, completion: @escaping @Sendable (Result<Int, LookupError>) -> Void)
    }

    /// A ``ScoreService`` that answers on a Dispatch queue, as a legacy SDK would.
    public struct DispatchScoreService: ScoreService {
        private let scores: [String: Int]
        private let queue = DispatchQueue(label: "handbook.continuations.scores")

        public init(scores: [String: Int]) {
            self.scores = scores
        }

        public func fetchScore(for user: String, completion: @escaping @Sendable (Result<Int, LookupError>) -> Void) {
            let result: Result<Int, LookupError> = scores[user].map { .success($0) } ?? .failure(.unknownUser(user))
            queue.async { completion(result) }
        }
    }

    /// The correct bridge: every path of the callback resumes exactly once.
    ///
    /// - Throws: ``LookupError`` from the service.
    public static func score(for user: String, from service: some ScoreService) async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            service.fetchScore(for: user) { result in
                continuation.resume(with: result)
            }
        }
    }

    /// The pitfall "forgot a path": failures never resume. The task waits
    /// forever and the checked continuation reports
    /// "SWIFT TASK CONTINUATION MISUSE: … leaked its continuation" on stderr
    /// when the service drops its callback.
    public static func leakyScore(for user: String, from service: some ScoreService) async -> Int {
        await withCheckedContinuation { continuation in
            service.fetchScore(for: user) { result in
                if case .success(let score) = result {
                    continuation.resume(returning: score)
                }
                // Bug: on .failure nobody resumes.
            }
        }
    }

    /// A service that calls back once per update - first a cached score,
    /// then a fresh one - like many "cache then network" SDKs.
    public struct CachingScoreService: ScoreService {
        private let cached: Int
        private let fresh: Int
        private let queue = DispatchQueue(label: "handbook.continuations.caching")

        public init(cached: Int, fresh: Int) {
            self.cached = cached
            self.fresh = fresh
        }

        public func fetchScore(for user: String, completion: @escaping @Sendable (Result<Int, LookupError>) -> Void) {
            queue.async {
                completion(.success(cached))
                completion(.success(fresh))
            }
        }
    }

    /// The fix for multi-shot callbacks when one answer is enough: resume on
    /// the first callback and ignore the rest. (When every update matters,
    /// bridge to an `AsyncStream` instead.)
    ///
    /// ``score(for:from:)`` with a ``CachingScoreService`` is the pitfall: it
    /// resumes twice and traps with "tried to resume its continuation more
    /// than once".
    public static func firstScore(for user: String, from service: some ScoreService) async throws -> Int {
        let resumed = ResumeOnce()
        return try await withCheckedThrowingContinuation { continuation in
            service.fetchScore(for: user) { result in
                if resumed.claim() { continuation.resume(with: result) }
            }
        }
    }

    /// A one-shot flag: the first `claim()` wins. A class so that the
    /// `@Sendable` callback can share it (a local `Atomic` cannot be captured).
    private final class ResumeOnce: Sendable {
        private let claimed = Atomic(false)

        func claim() -> Bool {
            !claimed.exchange(true, ordering: .acquiringAndReleasing)
        }
    }

    // MARK: - Cancellable bridging

    /// A callback operation that can be cancelled from outside, like a
    /// `URLSessionTask`, a C request handle or a NIO channel operation.
    public protocol CancellableOperation<Value>: Sendable {
        associatedtype Value: Sendable
        /// Starts the work; calls `completion` once when it ends (also after
        /// ``cancel()``, typically with an error, which the bridge ignores).
        func start(completion: @escaping @Sendable (Result<Value, any Error>) -> Void)
        /// Asks the running work to stop. The bridge calls it at most once,
        /// and only after `start` has returned.
        func cancel()
    }

    /// The pure state machine behind ``run(_:)``: who resumes the waiter, and
    /// whether the operation must be started or cancelled.
    ///
    /// A value type with no locks, no continuations of its own and no side
    /// effects: each event returns an action for the caller to perform
    /// *outside* the lock. `Waiter` is the continuation in production and any
    /// token in tests.
    ///
    /// - Invariant: the waiter is handed out by exactly one action, and the
    ///   operation is cancelled by at most one action, only after it started.
    public struct BridgeState<Waiter> {
        enum State {
            case idle
            case starting(Waiter)
            case running(Waiter)
            case cancelledBeforeStart
            case cancelledWhileStarting
            case finished
        }

        /// What to do after the waiter arrives.
        public enum ArrivalAction {
            /// Call `operation.start`, then ``operationStarted()``.
            case startOperation
            /// The task was cancelled before the call: resume with `CancellationError` and never start.
            case resumeWithCancellation(Waiter)
        }

        /// What to do after `onCancel` fires.
        public enum CancelAction {
            case none
            /// Resume with `CancellationError`; `start` is still running, so do not cancel yet.
            case resumeWithCancellation(Waiter)
            /// Resume with `CancellationError` and call `operation.cancel()`.
            case resumeWithCancellationAndCancelOperation(Waiter)
        }

        /// What to do after the operation completes.
        public enum CompletionAction {
            case none
            /// Resume the waiter with the operation's result.
            case resume(Waiter)
        }

        /// What to do once `operation.start` has returned.
        public enum StartedAction {
            case none
            /// Cancellation arrived during `start`: cancel the operation now.
            case cancelOperation
        }

        var state = State.idle

        public init() {}

        /// The waiting task registered its continuation.
        ///
        /// - Precondition: called once.
        public mutating func waiterArrived(_ waiter: Waiter) -> ArrivalAction {
            switch state {
            case .idle:
                state = .starting(waiter)
                return .startOperation
            case .cancelledBeforeStart:
                state = .finished
                return .resumeWithCancellation(waiter)
            case .starting, .running, .cancelledWhileStarting, .finished:
                preconditionFailure("waiterArrived called twice")
            }
        }

        /// `operation.start` returned.
        public mutating func operationStarted() -> StartedAction {
            switch state {
            case .starting(let waiter):
                state = .running(waiter)
                return .none
            case .cancelledWhileStarting:
                state = .finished
                return .cancelOperation
            case .idle, .running, .cancelledBeforeStart, .finished:
                // .finished: the operation completed synchronously inside start.
                return .none
            }
        }

        /// The task was cancelled (`onCancel`); may come first, last, or twice.
        public mutating func cancelled() -> CancelAction {
            switch state {
            case .idle:
                state = .cancelledBeforeStart
                return .none
            case .starting(let waiter):
                state = .cancelledWhileStarting
                return .resumeWithCancellation(waiter)
            case .running(let waiter):
                state = .finished
                return .resumeWithCancellationAndCancelOperation(waiter)
            case .cancelledBeforeStart, .cancelledWhileStarting, .finished:
                return .none
            }
        }

        /// The operation called its completion.
        public mutating func operationCompleted() -> CompletionAction {
            switch state {
            case .starting(let waiter), .running(let waiter):
                state = .finished
                return .resume(waiter)
            case .cancelledWhileStarting:
                // It finished before we could cancel it: nothing left to cancel.
                state = .finished
                return .none
            case .idle, .cancelledBeforeStart, .finished:
                return .none
            }
        }
    }

    /// The lock around the state machine. A class, because a `Mutex` must
    /// live at a stable address shared by the body and the cancel handler.
    private final class BridgeStorage<Value: Sendable>: Sendable {
        let state = Mutex(BridgeState<CheckedContinuation<Value, any Error>>())
    }

    /// Awaits `operation`, honouring task cancellation.
    ///
    /// Cancelling the calling task resumes it at once with
    /// `CancellationError` and calls `operation.cancel()` exactly once. If the
    /// task is already cancelled, it throws without starting the operation.
    /// A completion that arrives after cancellation is ignored.
    ///
    /// - Throws: `CancellationError`, or the operation's error.
    public static func run<Operation: CancellableOperation>(_ operation: Operation) async throws
        -> Operation.Value
    {
        let storage = BridgeStorage<Operation.Value>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let arrival = storage.state.withLock { $0.waiterArrived(continuation) }
                switch arrival {
                case .resumeWithCancellation(let waiter):
                    waiter.resume(throwing: CancellationError())
                    return
                case .startOperation:
                    break
                }
                operation.start { result in
                    let completion = storage.state.withLock { $0.operationCompleted() }
                    if case .resume(let waiter) = completion { waiter.resume(with: result) }
                }
                let started = storage.state.withLock { $0.operationStarted() }
                if case .cancelOperation = started { operation.cancel() }
            }
        } onCancel: {
            let action = storage.state.withLock { $0.cancelled() }
            switch action {
            case .none:
                break
            case .resumeWithCancellation(let waiter):
                waiter.resume(throwing: CancellationError())
            case .resumeWithCancellationAndCancelOperation(let waiter):
                waiter.resume(throwing: CancellationError())
                operation.cancel()
            }
        }
    }
}
