import Synchronization

/// Task cancellation: Go's `context.WithCancel`, built into every Swift task.
///
/// ```swift
/// let worker = Task { await TaskCancellation.processItems(1_000) { item in await handle(item) } }
/// worker.cancel()                 // sets a flag; nothing is interrupted
/// let processed = await worker.value   // the loop saw the flag and stopped early
/// ```
///
/// ## Why interviewers ask this
/// "How do you stop work nobody needs any more?" is the question behind every
/// timeout, client disconnect and shutdown. In Go you thread a `ctx` through
/// every call and `select` on `ctx.Done()`. In Swift the context is implicit:
/// each task carries a cancellation flag, children inherit it, and the
/// interviewer wants to hear that cancelling only *asks* - code must check.
///
/// ## Common pitfalls
/// - Believing `task.cancel()` stops the task. It sets a flag; a CPU loop that
///   never reads it (``uncooperativeSum(upTo:)``) runs to the end.
/// - Expecting an unstructured `Task {}` created inside a cancelled task to be
///   cancelled too. Only structured children (`async let`, task groups) are;
///   `Task {}` and `Task.detached` start a new tree (``spawnSleeper(_:sleeping:clock:)``).
/// - Swallowing `CancellationError` with `try?` around `Task.sleep` and then
///   carrying on as if the sleep had finished.
/// - Assuming `withTaskCancellationHandler`'s `onCancel` runs on the task.
///   It runs on whichever thread calls `cancel()`, concurrently with the body,
///   and at once if the task is already cancelled: keep it tiny and thread-safe.
///
/// ## Key takeaway
/// Cancellation is cooperative and flows down the structured task tree.
/// Check it with `Task.isCancelled` (to stop gracefully) or
/// `try Task.checkCancellation()` (to throw `CancellationError`); use
/// `withTaskCancellationHandler` to forward it to anything outside the tree.
///
/// ## Go → Swift
/// Go's `context.go` passes `ctx` explicitly and cancels with the `cancel`
/// function from `WithCancel`; its tests time everything with `time.Sleep`.
/// Swift needs no parameter (a task *is* its context), `task.cancel()` or
/// `group.cancelAll()` is `cancel()`, `CancellationError` is
/// `context.Canceled`, and the tests here cancel at a known point with gates
/// and a manual clock instead of sleeping.
public enum TaskCancellation {
    /// Go's `doWork(ctx)`: waits `duration` on `clock`, then reports `"done"`.
    ///
    /// - Throws: `CancellationError` as soon as the calling task is cancelled,
    ///   because clock sleeps are cancellation points.
    public static func doWork<C: Clock<Duration>>(for duration: Duration, clock: C) async throws -> String {
        try await clock.sleep(for: duration)
        return "done"
    }

    /// Go's `LongRunningTask`: processes items `0..<count` in order and
    /// returns how many it finished.
    ///
    /// It checks for cancellation before each item and stops *gracefully*
    /// (returning the partial count) rather than throwing, so at most one
    /// item starts after `cancel()`.
    ///
    /// - Complexity: O(`count`) calls to `process`.
    public static func processItems(_ count: Int, process: (Int) async -> Void) async -> Int {
        var processed = 0
        for item in 0..<count {
            if Task.isCancelled { break }
            await process(item)
            processed += 1
        }
        return processed
    }

    /// The pitfall: a CPU-bound loop that never looks at cancellation.
    /// Cancelling the task that runs it changes nothing.
    ///
    /// - Complexity: O(`n`).
    public static func uncooperativeSum(upTo n: Int) -> Int {
        var sum = 0
        for value in 0...n { sum &+= value }
        return sum
    }

    /// The fix: the same loop, checking every `interval` iterations.
    /// Checking works in synchronous code too: it reads the current task.
    ///
    /// - Throws: `CancellationError` if the current task is cancelled.
    /// - Complexity: O(`n`).
    public static func cooperativeSum(upTo n: Int, checkingEvery interval: Int = 1_024) throws -> Int {
        var sum = 0
        for value in 0...n {
            if value % interval == 0 {
                try Task.checkCancellation()
            }
            sum &+= value
        }
        return sum
    }

    /// A flag for code that runs *outside* the task (another thread, a C
    /// library, a callback API) and so cannot read `Task.isCancelled`.
    public final class CancellationFlag: Sendable {
        private let raises = Atomic(0)

        public init() {}

        /// Whether cancellation has been forwarded to this flag.
        public var isRaised: Bool { raises.load(ordering: .acquiring) > 0 }

        /// How many times the cancellation handler raised it (0 or 1).
        public var raiseCount: Int { raises.load(ordering: .acquiring) }

        func raise() {
            raises.add(1, ordering: .releasing)
        }
    }

    /// Runs `body` with a ``CancellationFlag`` that is raised the moment the
    /// calling task is cancelled.
    ///
    /// The handler runs at most once (once if the task is cancelled): on the
    /// thread that calls `cancel()`,
    /// while `body` is still running, or *before* `body` starts if the task is
    /// already cancelled.
    public static func withCancellationFlag<T>(_ body: (CancellationFlag) async throws -> T) async rethrows -> T {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await body(flag)
        } onCancel: {
            flag.raise()
        }
    }

    /// Whether an `async let` child observes its parent's cancellation.
    /// It does: the child is part of the parent's task tree.
    ///
    /// - Parameter checkpoint: awaited by the child before it looks, so a test
    ///   can cancel the parent at a known point.
    public static func asyncLetChildSeesCancellation(
        after checkpoint: @escaping @Sendable () async -> Void
    ) async -> Bool {
        async let childSawCancellation: Bool = {
            await checkpoint()
            return Task.isCancelled
        }()
        return await childSawCancellation
    }

    /// Go's fan-out cancellation: starts `count` group children that each
    /// sleep for an hour on `clock`, and returns how many were woken by
    /// cancellation. Cancel the calling task and every child wakes at once,
    /// without the clock moving.
    public static func sleepingChildren<C: Clock<Duration>>(_ count: Int, clock: C) async -> Int {
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<count {
                group.addTask {
                    do {
                        try await clock.sleep(for: .seconds(3_600))
                        return false
                    } catch {
                        return error is CancellationError
                    }
                }
            }
            return await group.reduce(0) { woken, cancelled in woken + (cancelled ? 1 : 0) }
        }
    }

    /// How ``spawnSleeper(_:sleeping:clock:)`` starts its task.
    public enum SpawnStyle: Sendable, CaseIterable {
        /// `Task {}`: inherits priority, actor and task-locals, **not** cancellation.
        case unstructured
        /// `Task.detached {}`: inherits nothing.
        case detached
        /// `Task {}` plus `withTaskCancellationHandler { … } onCancel: { task.cancel() }`.
        case forwardingCancellation
    }

    /// Starts a task that sleeps `duration` on `clock` and then reports
    /// whether *it* is cancelled; awaits and returns that answer.
    ///
    /// Called from a cancelled task, `.unstructured` and `.detached` sleep the
    /// whole duration and report `false`: awaiting `task.value` does not pass
    /// cancellation on. `.forwardingCancellation` wakes at once and reports `true`.
    public static func spawnSleeper<C: Clock<Duration>>(
        _ style: SpawnStyle, sleeping duration: Duration, clock: C
    ) async -> Bool {
        let work: @Sendable () async -> Bool = {
            try? await clock.sleep(for: duration)
            return Task.isCancelled
        }
        switch style {
        case .unstructured:
            return await Task { await work() }.value
        case .detached:
            return await Task.detached { await work() }.value
        case .forwardingCancellation:
            let task = Task { await work() }
            return await withTaskCancellationHandler {
                await task.value
            } onCancel: {
                task.cancel()
            }
        }
    }
}
