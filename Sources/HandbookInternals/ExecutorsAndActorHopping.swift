import Dispatch
import Synchronization

/// Executors: where jobs actually run, and what an actor hop costs.
///
/// ```swift
/// let executor = ExecutorsAndActorHopping.QueueExecutor(label: "db")
/// let store = ExecutorsAndActorHopping.QueueBackedCounter(executor: executor)
/// await store.increment()          // one hop: a job enqueued on the "db" queue
/// await store.increment(times: 10) // still one hop: the loop runs inside the actor
/// ```
///
/// ## Why interviewers ask this
/// Go's GMP scheduler decides where goroutines run, and you cannot change it.
/// Swift lets you: every actor has a `SerialExecutor` (by default the
/// runtime's, backed by the cooperative pool), an actor can bring its own
/// (`nonisolated var unownedExecutor`), and since SE-0417 a task can prefer a
/// `TaskExecutor` for its nonisolated work. Server engineers meet this when
/// they put an actor on a SwiftNIO `EventLoop` (NIO exposes
/// `eventLoop.executor` as a `SerialExecutor`: a channel handler, which is
/// synchronous and cannot `await`, may then touch the actor's state with
/// `assumeIsolated` because it already runs on that executor, and tasks
/// isolated to the actor do not switch threads; a `Task {}` started from the
/// handler is still an enqueue), or when they ask why an `await` on an actor
/// costs more than a function call.
///
/// ## Common pitfalls
/// - Treating cross-actor `await`s as free. Each call from outside enqueues a
///   job on the actor's executor (a *hop*) and usually another one to get
///   back; chatty fine-grained calls (`increment()` ×10) cost ten hops where
///   one coarse call (`increment(times: 10)`) costs one.
/// - Using `assumeIsolated` as a cast. It checks at run time and **traps** when
///   the caller is not actually on the actor's executor; it is for code that
///   *knows* it runs there (a Dispatch callback on the actor's own queue).
/// - Writing a custom `SerialExecutor` that is not serial, or forgetting
///   `checkIsolated()`: then `assumeIsolated` cannot recognise the queue and
///   traps even on the right thread.
/// - Getting the preference rule wrong for actors, in either direction. An
///   actor with a *custom* executor (its own `unownedExecutor`, like
///   ``QueueBackedCounter``, or `MainActor`) keeps it under a preference. A
///   *default* actor (nearly every actor you write) has no thread of its
///   own, and SE-0417's design is that its methods run on the preferred task
///   executor's threads, still serialised by the actor (``DefaultActor``).
///   Observed on Swift 6.3.1 (Linux), the runtime does so when the task is
///   already running on the preferred executor (`Task(executorPreference:)`,
///   or after nonisolated work inside `withTaskExecutorPreference`), but a
///   task that goes from a pool thread straight to an idle default actor
///   runs the method on that pool thread, which differs from the
///   proposal's stated design (a test pins the observed behaviour, so a
///   runtime that changes it will be noticed). Placement is a preference, not a promise; isolation
///   is the only guarantee. To keep blocking work off the pool, put it in
///   nonisolated (`@concurrent`) functions under the preference, or give the
///   actor a custom executor.
/// - Blocking inside a custom executor's queue: it is the actor, so a
///   `queue.sync` onto it from the actor deadlocks.
///
/// ## Key takeaway
/// Isolation says *which* serial context protects state; the executor says
/// *where* its jobs run. Customise executors to share a thread with existing
/// infrastructure (a Dispatch queue, a NIO event loop), batch work to avoid
/// hops, and use `assumeIsolated`/`preconditionIsolated` only to assert what
/// you already know.
///
/// ## Go → Swift
/// The Go seed only describes GMP in its README: M threads run G goroutines
/// from P run queues, with work stealing, and no API to pin a goroutine
/// (`runtime.LockOSThread` aside). Swift's equivalent of P's run queue is an
/// executor's job queue; unlike Go you can supply your own executor per actor
/// or per task, and the compiler knows statically which executor a function
/// needs, so a hop is visible as an `await`.
public enum ExecutorsAndActorHopping {
    /// A `SerialExecutor` that runs every job on one serial Dispatch queue and
    /// counts the jobs it receives (each one is a hop onto it).
    ///
    /// On Darwin `DispatchSerialQueue` is itself a `SerialExecutor`; this
    /// hand-written one shows the moving parts and works on Linux.
    public final class QueueExecutor: SerialExecutor {
        /// The queue every job runs on.
        public let queue: DispatchQueue
        /// Tags the queue so code can ask "am I on it?" with `DispatchQueue.getSpecific`.
        public static let labelKey = DispatchSpecificKey<String>()
        private let enqueued = Atomic(0)

        public init(label: String) {
            queue = DispatchQueue(label: label)
            queue.setSpecific(key: Self.labelKey, value: label)
        }

        /// How many jobs were enqueued so far: one per hop onto this executor.
        public var enqueuedJobs: Int { enqueued.load(ordering: .acquiring) }

        public func enqueue(_ job: consuming ExecutorJob) {
            enqueued.add(1, ordering: .releasing)
            let job = UnownedJob(job)
            let executor = asUnownedSerialExecutor()
            queue.async { job.runSynchronously(on: executor) }
        }

        public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
            UnownedSerialExecutor(ordinary: self)
        }

        /// Lets `assumeIsolated` succeed from plain Dispatch code running on
        /// the queue (no task involved), and makes it trap anywhere else.
        public func checkIsolated() {
            dispatchPrecondition(condition: .onQueue(queue))
        }
    }

    /// An actor whose jobs run on a ``QueueExecutor``'s queue.
    public actor QueueBackedCounter {
        private let executor: QueueExecutor
        /// The protected state.
        public private(set) var value = 0

        public init(executor: QueueExecutor) {
            self.executor = executor
        }

        /// The key line: the actor runs on `executor` instead of the default
        /// actor executor.
        public nonisolated var unownedExecutor: UnownedSerialExecutor {
            executor.asUnownedSerialExecutor()
        }

        /// The label of the Dispatch queue this method runs on, or `nil` when
        /// not on a labelled queue.
        public func currentQueueLabel() -> String? {
            dispatchPrecondition(condition: .onQueue(executor.queue))
            return DispatchQueue.getSpecific(key: QueueExecutor.labelKey)
        }

        /// One increment. Called from outside, each call is one hop.
        public func increment() {
            value += 1
        }

        /// `times` increments in one hop: calls inside the actor are plain
        /// synchronous calls.
        public func increment(times: Int) {
            for _ in 0..<times { increment() }
        }
    }

    /// Reads the counter from synchronous code that claims to be on its
    /// executor, such as a Dispatch callback on the actor's own queue.
    ///
    /// - Precondition: the caller runs on `counter`'s executor; otherwise the
    ///   process traps.
    public static func valueAssumingIsolation(of counter: QueueBackedCounter) -> Int {
        counter.assumeIsolated { $0.value }
    }

    /// A plain (default-executor) actor, for the isolation checks below.
    public actor Account {
        public private(set) var balance = 0

        public init() {}

        /// Deposits, first asserting (at run time) that it runs on the actor.
        /// Inside an actor method this always holds; the check matters in
        /// helpers that the type system cannot see into.
        public func deposit(_ amount: Int) {
            preconditionIsolated("deposit must run on the account's executor")
            balance += amount
        }
    }

    /// The pitfall: treating `assumeIsolated` as a cast from a nonisolated
    /// context. It traps with "Incorrect actor executor assumption".
    public static func balanceAssumingIsolation(of account: Account) -> Int {
        account.assumeIsolated { $0.balance }
    }

    /// A `TaskExecutor` (SE-0417) that runs jobs on a concurrent Dispatch
    /// queue and counts them, to show where a task's nonisolated work goes
    /// under `withTaskExecutorPreference`.
    public final class CountingTaskExecutor: TaskExecutor {
        private let queue: DispatchQueue
        private let enqueued = Atomic(0)
        /// The label of the queue, readable with `QueueExecutor.labelKey`.
        public let label: String

        public init(label: String) {
            self.label = label
            queue = DispatchQueue(label: label, attributes: .concurrent)
            queue.setSpecific(key: QueueExecutor.labelKey, value: label)
        }

        /// Jobs received so far.
        public var enqueuedJobs: Int { enqueued.load(ordering: .acquiring) }

        public func enqueue(_ job: consuming ExecutorJob) {
            enqueued.add(1, ordering: .releasing)
            let job = UnownedJob(job)
            let executor = asUnownedTaskExecutor()
            queue.async { job.runSynchronously(on: executor) }
        }
    }

    /// Nonisolated async work that reports the labelled queue it ran on.
    ///
    /// `@concurrent` so it leaves whatever actor called it: with a task
    /// executor preference in effect it runs on that executor, otherwise on
    /// the global pool (no label).
    @concurrent public static func labelOfQueueRunningNonisolatedWork() async -> String? {
        DispatchQueue.getSpecific(key: QueueExecutor.labelKey)
    }

    /// A default actor: no `unownedExecutor` of its own. Its methods run
    /// wherever the runtime puts them, which under a task executor
    /// preference is the preferred executor's threads (SE-0417), still one
    /// at a time.
    public actor DefaultActor {
        public init() {}

        /// The labelled queue this method runs on, `nil` on the global pool.
        public func currentQueueLabel() -> String? {
            DispatchQueue.getSpecific(key: QueueExecutor.labelKey)
        }
    }

    /// Runs `count` child tasks under a preference for `executor` and returns
    /// the queue labels they ran on. Child tasks inherit the preference.
    public static func runChildren(_ count: Int, preferring executor: CountingTaskExecutor) async -> [String?] {
        await withTaskExecutorPreference(executor) {
            await withTaskGroup(of: String?.self) { group in
                for _ in 0..<count {
                    group.addTask { await labelOfQueueRunningNonisolatedWork() }
                }
                var labels: [String?] = []
                for await label in group { labels.append(label) }
                return labels
            }
        }
    }
}
