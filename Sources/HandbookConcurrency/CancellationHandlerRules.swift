import Synchronization

/// The rules of `withTaskCancellationHandler(operation:onCancel:)`, and a
/// cancellable one-shot event that follows them.
///
/// ```swift
/// let ready = CancellationHandlerRules.OneShotEvent()
/// let waiter = Task { try await ready.wait() }   // throws CancellationError if cancelled first
/// ready.signal()                                 // wakes every waiter, now and later
/// ```
///
/// ## Why interviewers ask this
/// Every bridge from Swift concurrency to something else (a continuation, a
/// socket, a C library, a condition) needs a cancellation handler, and its
/// rules are unlike the rest of the task's code. When the task is cancelled
/// during the operation, `onCancel` does not run on the task: it runs
/// synchronously inside `cancel()`, on the canceller's thread, concurrently
/// with the operation. When the task is already cancelled on entry, it runs
/// on the task itself, before the operation starts. A senior answer knows the
/// rules and the bug they cause when forgotten: the lost cancellation.
///
/// ## Common pitfalls
/// - Assuming the continuation exists when `onCancel` runs. If the task is
///   already cancelled, the handler runs *before* the operation; if it is
///   cancelled during the operation, it may run before the continuation is
///   stored. A handler that only resumes a stored continuation does nothing,
///   and the waiter then suspends forever although it was cancelled
///   (``NaiveOneShotEvent``). Record the cancellation, and have the
///   operation check it under the same lock (``OneShotEvent``).
/// - Taking, in `onCancel`, a lock the canceller may hold while it calls
///   `cancel()` (``JobRegistry/cancelAllHoldingTheLock()``). The handler
///   runs on the canceller's thread, so the same thread locks twice:
///   `Mutex` traps with "Recursive call to lock Mutex" (Linux, Swift
///   6.3.1); a lock that does not detect recursion hangs instead. It happens only when the task is inside
///   the handler's scope at that instant: a crash that appears under load.
///   Take the tasks out under the lock, cancel after (``JobRegistry/cancelAll()``).
/// - Blocking in `onCancel` (waiting for the operation to wind down, a
///   semaphore, I/O). The canceller (often a task on the cooperative pool,
///   or a task group cancelling siblings) is stuck until it returns, and the
///   runtime may be holding the task's internal status lock meanwhile: the
///   stdlib documents that resuming a continuation or cancelling a task
///   while holding a lock the handler also takes can deadlock. Set a flag,
///   resume a continuation outside your lock, return.
/// - Treating `onCancel` as part of the actor. It is a nonisolated
///   `@Sendable` closure: inside an actor method it cannot touch the actor's
///   state synchronously (it does not compile). Keep the shared state behind
///   a `Mutex`, or hop with `Task { await actor.cancelWaiter(id) }` and accept
///   that the waiter then wakes asynchronously, not necessarily before
///   `cancel()` returns.
/// - Reading task state in `onCancel`. When `cancel()` triggers it,
///   `Task.isCancelled` and task-locals there belong to whoever called
///   `cancel()`, not to the cancelled task (with a canceller that is not
///   cancelled itself, `Task.isCancelled` is `false` inside the handler).
///   When the task was already cancelled on entry, they are the task's own.
///   Code that depends on either is fragile; pass what the handler needs.
///
/// ## Key takeaway
/// `onCancel` runs at most once (documented): on the canceller's thread,
/// before `cancel()` returns, concurrently with the operation; or, if the
/// task is already cancelled, on the task itself before the operation.
/// Share state with the operation through a `Mutex`-protected state machine
/// with an explicit "cancelled before the continuation was stored" case,
/// resume continuations outside the lock, and never cancel a task while
/// holding a lock its handler takes. The `onCancel` timing and thread are
/// observed on this runtime (Swift 6.3.1, Linux) and follow from the stdlib
/// documentation ("immediately invoked", "may be invoked while holding
/// internal locks").
///
/// ## Go → Swift
/// Go has no handler: the goroutine that waits also `select`s on
/// `ctx.Done()`, so it cannot miss the cancellation, and
/// `context.AfterFunc(ctx, f)` (Go 1.21) is the closest thing to `onCancel`:
/// it runs `f` in its own goroutine, never on the canceller's stack, so
/// Go cannot hit the recursive-lock trap shown here. Swift's handler is
/// synchronous: it can resume the waiter before `cancel()` returns.
public enum CancellationHandlerRules {
    /// What a wait decided when its continuation arrived; reported to the
    /// `decided` hook so tests can tell a stored waiter from a finished one
    /// without waiting for time to pass.
    enum WaitDecision: Equatable, Sendable {
        case signalled
        case cancelledBeforeStoring
        case stored
    }

    /// Test hooks for ``OneShotEvent/wait()`` and ``NaiveOneShotEvent/wait()``.
    struct WaitHooks: Sendable {
        /// Runs inside the operation, after the handler is installed and
        /// before the continuation is created: where the race is.
        var beforeStoring: @Sendable () async -> Void = {}
        /// Called with what the wait decided, just after the decision.
        var decided: @Sendable (WaitDecision) -> Void = { _ in }
    }

    // MARK: - The fix

    /// A one-shot event: ``wait()`` suspends until ``signal()``, and throws
    /// `CancellationError` as soon as the waiting task is cancelled, in
    /// whatever order cancellation and registration happen.
    ///
    /// - Invariant: every waiter is resumed exactly once: by ``signal()``,
    ///   by its cancellation handler, or by itself when it finds it was
    ///   signalled or cancelled before it could be stored.
    public final class OneShotEvent: Sendable {
        private struct State {
            var isSignalled = false
            var nextID = 0
            var waiting: [Int: CheckedContinuation<Void, any Error>] = [:]
            /// Waits whose handler ran before their continuation was
            /// stored: the case the naive version forgets.
            var cancelledBeforeStoring: Set<Int> = []
        }

        private let state = Mutex(State())

        public init() {}

        /// Whether ``signal()`` has been called.
        public var isSignalled: Bool { state.withLock { $0.isSignalled } }

        /// How many waiters are suspended right now.
        public var waiterCount: Int { state.withLock { $0.waiting.count } }

        /// Wakes every waiter, and makes every later ``wait()`` return at
        /// once. Signalling twice is harmless.
        ///
        /// - Complexity: O(w) for w waiters.
        public func signal() {
            let waiters: [CheckedContinuation<Void, any Error>] = state.withLock { state in
                guard !state.isSignalled else { return [] }
                state.isSignalled = true
                defer { state.waiting = [:] }
                return Array(state.waiting.values)
            }
            // Outside the lock: resuming may take the runtime's task locks,
            // and a cancellation handler holding those may be waiting for ours.
            for waiter in waiters { waiter.resume() }
        }

        /// Suspends until the event is signalled.
        ///
        /// Returns at once if it already is (even in a cancelled task: the
        /// event happened).
        ///
        /// - Throws: `CancellationError` if the task is cancelled before the
        ///   signal, including before this call.
        public func wait() async throws {
            try await wait(hooks: WaitHooks())
        }

        func wait(hooks: WaitHooks) async throws {
            let id = state.withLock { state in
                defer { state.nextID += 1 }
                return state.nextID
            }
            try await withTaskCancellationHandler {
                await hooks.beforeStoring()
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let decision: WaitDecision = state.withLock { state in
                        let wasCancelled = state.cancelledBeforeStoring.remove(id) != nil
                        let decision: WaitDecision
                        if state.isSignalled {
                            decision = .signalled
                        } else if wasCancelled {
                            decision = .cancelledBeforeStoring
                        } else {
                            state.waiting[id] = continuation
                            decision = .stored
                        }
                        return decision
                    }
                    hooks.decided(decision)
                    switch decision {
                    case .signalled: continuation.resume()
                    case .cancelledBeforeStoring: continuation.resume(throwing: CancellationError())
                    case .stored: break
                    }
                }
            } onCancel: {
                // Runs on the canceller's thread, possibly before the
                // operation has stored (or even created) the continuation.
                let waiter: CheckedContinuation<Void, any Error>? = state.withLock { state in
                    if let waiter = state.waiting.removeValue(forKey: id) { return waiter }
                    if !state.isSignalled { state.cancelledBeforeStoring.insert(id) }
                    return nil
                }
                waiter?.resume(throwing: CancellationError())
            }
        }
    }

    // MARK: - The pitfall

    /// The lost-cancellation bug: the same event, but its handler only
    /// resumes a continuation that is already stored.
    ///
    /// If the task is cancelled before the operation stores the
    /// continuation (already cancelled, or cancelled in the window between
    /// installing the handler and storing), the handler finds nothing and
    /// forgets it ran; it will not run again, so the waiter sleeps until a
    /// signal that may never come.
    public final class NaiveOneShotEvent: Sendable {
        private struct State {
            var isSignalled = false
            var nextID = 0
            var waiting: [Int: CheckedContinuation<Void, any Error>] = [:]
        }

        private let state = Mutex(State())

        public init() {}

        /// Wakes every waiter, and makes every later ``wait()`` return.
        public func signal() {
            let waiters: [CheckedContinuation<Void, any Error>] = state.withLock { state in
                state.isSignalled = true
                defer { state.waiting = [:] }
                return Array(state.waiting.values)
            }
            for waiter in waiters { waiter.resume() }
        }

        /// Suspends until the event is signalled; meant to throw
        /// `CancellationError` on cancellation, but misses an early one.
        public func wait() async throws {
            try await wait(hooks: WaitHooks())
        }

        func wait(hooks: WaitHooks) async throws {
            let id = state.withLock { state in
                defer { state.nextID += 1 }
                return state.nextID
            }
            try await withTaskCancellationHandler {
                await hooks.beforeStoring()
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let signalled: Bool = state.withLock { state in
                        if state.isSignalled { return true }
                        state.waiting[id] = continuation
                        return false
                    }
                    hooks.decided(signalled ? .signalled : .stored)
                    if signalled { continuation.resume() }
                }
            } onCancel: {
                // Bug: nothing is recorded when the continuation is not there yet.
                let waiter = state.withLock { $0.waiting.removeValue(forKey: id) }
                waiter?.resume(throwing: CancellationError())
            }
        }
    }

    // MARK: - Locks and cancel()

    /// Tracks running jobs so they can all be cancelled at shutdown. Each
    /// job's cancellation handler records itself under the registry's lock,
    /// which makes the *caller* of `cancel()` part of the lock discipline.
    public final class JobRegistry: Sendable {
        private struct State {
            var jobs: [Task<Void, Never>] = []
            var cancelledJobs = 0
        }

        private let state = Mutex(State())

        public init() {}

        /// How many jobs have run their cancellation handler.
        public var cancelledJobs: Int { state.withLock { $0.cancelledJobs } }

        /// Starts `work` as a tracked job.
        ///
        /// Finished jobs stay listed until ``cancelAll()``: enough for a
        /// lesson; a long-lived registry would also forget jobs as they end.
        @discardableResult
        public func start(_ work: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
            state.withLock { state in
                // Created under the lock so that a concurrent cancelAll()
                // either sees the job or runs before it exists.
                let job = Task {
                    await withTaskCancellationHandler {
                        await work()
                    } onCancel: {
                        self.state.withLock { $0.cancelledJobs += 1 }
                    }
                }
                state.jobs.append(job)
                return job
            }
        }

        /// The fix: takes the jobs out under the lock, cancels them after
        /// releasing it. Each handler then takes the lock on this thread
        /// without finding it held.
        ///
        /// - Complexity: O(j) for j jobs.
        public func cancelAll() {
            let jobs = state.withLock { state in
                defer { state.jobs = [] }
                return state.jobs
            }
            for job in jobs { job.cancel() }
        }

        /// The pitfall: cancels while holding the lock. A job inside its
        /// handler scope runs the handler right here, which locks again:
        /// "Recursive call to lock Mutex" on Linux, a hang with a lock that
        /// does not detect recursion.
        public func cancelAllHoldingTheLock() {
            state.withLock { state in
                for job in state.jobs { job.cancel() }
                state.jobs = []
            }
        }
    }
}
