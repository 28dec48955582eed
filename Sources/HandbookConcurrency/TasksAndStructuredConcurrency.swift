import Synchronization

/// Tasks and structured concurrency: Go's goroutines and `sync.WaitGroup`,
/// with the waiting built into the scope.
///
/// ```swift
/// await TasksAndStructuredConcurrency.runAll(100) { index in await handle(index) }
/// // every child has finished here: there is no wg.Wait() to forget
/// ```
///
/// ## Why interviewers ask this
/// "Start N things concurrently and wait for them" is the first concurrency
/// question in every backend interview. In Go the answer is `go` plus a
/// `WaitGroup`, and the follow-ups are about what goes wrong: a forgotten
/// `Wait()`, a panicking goroutine, a leak. In Swift the interviewer wants to
/// hear the difference between *structured* children (`async let`, task
/// groups), which cannot outlive their scope and inherit cancellation, and
/// *unstructured* tasks (`Task {}`, `Task.detached`), which behave like
/// goroutines and can.
///
/// ## Common pitfalls
/// - Using `Task {}` in a loop as if it were `go`: the function returns
///   before the work is done (``fireAndForget(_:_:)``, Go's missing
///   `wg.Wait()`). A task group (``runAll(_:_:)``) cannot return early.
/// - Expecting `try await group.waitForAll()` to fail fast. It waits for
///   *every* child and only then rethrows the first error, without cancelling
///   anyone (``runWaitingForAll(_:)``). Consume with `try await group.next()`
///   (``runFailFast(_:)``) or use `withThrowingDiscardingTaskGroup`.
/// - Never reading a child's result: the group still waits for it, but its
///   error is silently dropped (``runDroppingErrors(_:)`` is not even `throws`).
/// - Expecting a `Task {}` made inside a cancelled task to be cancelled. Only
///   structured children are (``childSeesCancellation(_:checkpoint:)``); see
///   `advanced.task-cancellation` for checking and forwarding cancellation.
/// - Assuming children finish in the order they were added. Collect into a
///   `Set`, or carry an index (`concurrency.fan-out-fan-in`).
/// - Expecting to survive a crash in a child. A trap (`precondition`, `!` on
///   nil, out of bounds) kills the whole process; there is no `recover`.
///
/// ## Key takeaway
/// Prefer structured concurrency: `async let` for a fixed number of children,
/// a task group for a dynamic number. The scope waits for every child, a
/// thrown error cancels the siblings when it leaves the scope, and
/// cancellation flows down the tree. Reach for `Task {}` only at the edge
/// (a callback, a fire-and-forget log write), and keep its handle.
///
/// ## Go → Swift
/// Go's `goroutines.go` starts goroutines with `go`, waits with a
/// `WaitGroup`, collects results over channels, recovers a panic inside the
/// goroutine and tests `NoWaitCausesRace` as an intentional data race. In
/// Swift a group child is `go` plus `wg.Add(1)`/`wg.Done()`, and the closing
/// brace is `wg.Wait()`. The race does not compile (a `var` mutated in
/// `addTask` is `[#SendingClosureRisksDataRace]`, see `DataRaceSafety.swift`),
/// so the counter is an `Atomic` in a `Sendable` class. And
/// there is no per-task `recover`: an error is a value you throw, a trap ends
/// the process. A task is not a thread: thousands of them share the
/// cooperative pool, which is as wide as the core count.
public enum TasksAndStructuredConcurrency {
    /// Go's `SimpleGoroutine`: start a task and await its value.
    ///
    /// `Task {}` inherits the caller's priority and task-local values, and its
    /// actor isolation too when the closure captures that actor (always, for
    /// a global actor such as `MainActor`; see concurrency.isolation-inheritance);
    /// awaiting `value` is the result channel.
    public static func hello() async -> String {
        await Task { "Hello from task" }.value
    }

    /// Doubles `0..<count` in a task group and returns the results in
    /// *completion* order, which is not guaranteed to be the input order.
    ///
    /// - Complexity: O(`count`) child tasks.
    public static func doubled(_ count: Int) async -> [Int] {
        await withTaskGroup(of: Int.self) { group in
            for value in 0..<count {
                group.addTask { value * 2 }
            }
            var results: [Int] = []
            for await result in group {
                results.append(result)
            }
            return results
        }
    }

    /// Runs `first` and `second` concurrently with `async let` and returns
    /// both results. Both children start at once; neither waits for the other.
    public static func both<A: Sendable, B: Sendable>(
        _ first: @escaping @Sendable () async -> A,
        _ second: @escaping @Sendable () async -> B
    ) async -> (A, B) {
        async let a = first()
        async let b = second()
        return await (a, b)
    }

    /// A counter shared by many tasks (Go's counter behind a `sync.Mutex`).
    ///
    /// The state lives in a `Sendable` class because a local `Mutex` or
    /// `Atomic` cannot be captured by `addTask` (see `LocksAndMutex.swift`).
    /// It is an `Atomic` rather than a `Mutex<Int>`: both are correct, but on
    /// Linux ThreadSanitizer cannot see `Mutex`'s futex-based locking and
    /// reports a false race on this very counter, and the lesson must stay
    /// TSan-clean. For one integer an atomic is the natural tool anyway.
    public final class Counter: Sendable {
        private let count = Atomic(0)

        public init() {}

        /// Adds one. Safe from any task.
        public func increment() {
            count.add(1, ordering: .relaxed)
        }

        /// The current count. Read it after the incrementing tasks have
        /// finished (the group's end orders their writes before this read).
        public var value: Int { count.load(ordering: .relaxed) }
    }

    /// Go's `GoroutineCount`: `children` tasks each increment one shared
    /// counter; returns the count once the group is done.
    ///
    /// - Complexity: O(`children`) child tasks.
    public static func countWithChildren(_ children: Int) async -> Int {
        let counter = Counter()
        await withDiscardingTaskGroup { group in
            for _ in 0..<children {
                group.addTask { counter.increment() }
            }
        }
        return counter.value
    }

    /// The fix for Go's forgotten `wg.Wait()`: runs `work(0)…work(count-1)`
    /// as group children and returns only when every one has finished.
    /// Nothing here waits explicitly; the group's closing brace does.
    public static func runAll(_ count: Int, _ work: @escaping @Sendable (Int) async -> Void) async {
        await withDiscardingTaskGroup { group in
            for index in 0..<count {
                group.addTask { await work(index) }
            }
        }
    }

    /// The pitfall: `go work(i)` without a `WaitGroup`. Starts `count`
    /// unstructured tasks and returns at once, while they may still run.
    ///
    /// The handles are returned so a caller *can* await them; dropping them
    /// is Go's goroutine that nobody waits for.
    @discardableResult
    public static func fireAndForget(
        _ count: Int, _ work: @escaping @Sendable (Int) async -> Void
    ) -> [Task<Void, Never>] {
        (0..<count).map { index in Task { await work(index) } }
    }

    /// Runs every job as a group child and fails fast: the first error leaves
    /// the group's body, which cancels the remaining children (and still
    /// waits for them) before the error reaches the caller.
    ///
    /// - Throws: The first error a job throws.
    public static func runFailFast(_ jobs: [@Sendable () async throws -> Void]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for job in jobs {
                group.addTask { try await job() }
            }
            while try await group.next() != nil {}
        }
    }

    /// The pitfall: `waitForAll()` waits for *every* child, then rethrows the
    /// first error. Nobody is cancelled, so one failure does not stop the
    /// others from running to the end.
    ///
    /// - Throws: The first error a job threw, after all jobs finished.
    public static func runWaitingForAll(_ jobs: [@Sendable () async throws -> Void]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for job in jobs {
                group.addTask { try await job() }
            }
            try await group.waitForAll()
        }
    }

    /// The pitfall: the group awaits children it never reads, and discards
    /// their errors. The compiler agrees: this function does not throw.
    public static func runDroppingErrors(_ jobs: [@Sendable () async throws -> Void]) async {
        await withThrowingTaskGroup(of: Void.self) { group in
            for job in jobs {
                group.addTask { try await job() }
            }
        }
    }

    /// How ``childSeesCancellation(_:checkpoint:)`` starts its child.
    public enum ChildStyle: String, Sendable, CaseIterable {
        /// `async let`: a structured child.
        case asyncLet
        /// `group.addTask`: a structured child.
        case taskGroup
        /// `Task {}`: a new, unstructured task (inherits priority, not cancellation).
        case unstructured
        /// `Task.detached {}`: inherits nothing.
        case detached
    }

    /// Starts one child in `style`; the child awaits `checkpoint`, then reports
    /// whether *it* is cancelled. Cancel the caller while the child waits:
    /// structured children say `true`, unstructured and detached tasks `false`.
    public static func childSeesCancellation(
        _ style: ChildStyle, checkpoint: @escaping @Sendable () async -> Void
    ) async -> Bool {
        let child: @Sendable () async -> Bool = {
            await checkpoint()
            return Task.isCancelled
        }
        switch style {
        case .asyncLet:
            async let sawCancellation = child()
            return await sawCancellation
        case .taskGroup:
            return await withTaskGroup(of: Bool.self) { group in
                group.addTask { await child() }
                return await group.next() ?? false
            }
        case .unstructured:
            return await Task { await child() }.value
        case .detached:
            return await Task.detached { await child() }.value
        }
    }

    /// The base priority of a `Task {}` and of a `Task.detached {}`, both
    /// created by the caller. `Task {}` inherits the caller's priority;
    /// a detached task gets the default (`.medium`).
    public static func basePriorities() async -> (inherited: TaskPriority?, detached: TaskPriority?) {
        let inherited = await Task { Task.basePriority }.value
        let detached = await Task.detached { Task.basePriority }.value
        return (inherited, detached)
    }
}
