import Dispatch
import Foundation

/// Global actors in a server process: `@MainActor` is one serial queue that
/// runs only while something drains it, and every global actor is one lock
/// for the whole process.
///
/// ```swift
/// typealias Server = GlobalActorsOnAServer
/// let sessions = Server.SessionStore(), audit = Server.AuditLog()
/// await Server.StorageActor.run {
///     sessions.open(token: "t1", user: "ada")   // both types share one executor,
///     audit.record("login ada")                 // so one closure may touch both
/// }
/// let shard = Server.Shard(name: "eu-1")        // one actor per resource scales better
/// ```
///
/// ## Why interviewers ask this
/// `@MainActor` reaches server code through shared packages, app-style
/// habits and `defaultIsolation(MainActor.self)` (SE-0466). A backend
/// candidate should know what runs main-actor jobs in a process with no UI,
/// why a server whose `main` blocks never runs them, and that a global
/// actor is a process-wide lock: annotating "the storage layer" with
/// `@StorageActor` serialises every request that touches it.
///
/// ## Common pitfalls
/// - Equating the main actor with the main thread. Its executor is the main
///   dispatch queue. On Linux, once `dispatch_main()` runs (an `async`
///   `main` calls it for you; SwiftPM's test runner has one), the process's
///   first thread stops serving that queue and a worker thread drains it:
///   `Thread.isMainThread` is `false` inside `@MainActor` code (seen with
///   Swift 6.3.1 on Linux; a process whose main thread runs a run loop
///   instead, `RunLoop.main.run()` on Linux or a UIKit/AppKit app, drains the
///   queue on the main thread).
///   Ask `#isolation` or `MainActor.assumeIsolated`, not the thread.
/// - A synchronous `main` that blocks, typically `semaphore.wait()` for an
///   async result. Main-actor jobs run only when the main queue is drained
///   (an `async` `main` that suspends, `dispatchMain()`, or a run loop), so a
///   `Task { @MainActor in … }` it waits for never starts: the process hangs
///   (programs in `Fixtures/Programs/HandbookConcurrency/`, built and run by
///   the tests). The same happens inside any main-actor job that blocks
///   for main-actor work (``waitSynchronously(timeout:for:)``).
/// - Using `MainActor.assumeIsolated` as a cast: it checks the executor at
///   run time and traps off the main actor. It is right only where the
///   caller really is on the main queue but cannot prove it
///   (``mainQueueCompletionHandler()``). With Swift 6.3.1 on Linux the
///   process dies of `SIGILL` and, unlike an actor instance's failed check,
///   printed no "Incorrect actor executor assumption" message in our runs:
///   all you get is a crash report.
/// - Expecting `Task {}` in `@MainActor` code to run in parallel. It is
///   isolated to the main actor even when its closure captures nothing
///   (unlike `Task {}` in an actor instance's method), so CPU work in it
///   blocks every other main-actor job
///   (``isolationOfTaskStartedOnTheMainActor()``). Use a `@concurrent`
///   function or `Task.detached`.
/// - "The database actor": a custom global actor on every storage type
///   (``SessionStore``, ``AuditLog``). Each annotated declaration, in every
///   type and file, runs on the one shared executor, so unrelated requests
///   queue behind each other on a 2-core or a 64-core machine alike. Give
///   each independent resource its own actor instance (``Shard``): a
///   connection, a tenant, a shard. Keep a global actor for state that is
///   truly process-wide and cheap to touch.
///
/// ## Key takeaway
/// On a server, `@MainActor` is just one more serial executor, and one that
/// runs only if `main` hands its thread to `dispatchMain()` or a run loop
/// (an `async` `main` does this for you); nothing needs it, so
/// keep server code nonisolated. A custom global actor is a global lock with
/// compiler checking: fine for a small shared registry, a bottleneck for
/// anything on the request path. Scale with one actor per resource.
///
/// ## Go → Swift
/// Go has no main goroutine that others depend on: when `main` blocks, the
/// other goroutines keep running. The closest Go bug is a package-level
/// `sync.Mutex` around "the database", which serialises every request the
/// way a global actor does; sharding the mutex is the same fix as one actor
/// per resource.
public enum GlobalActorsOnAServer {
    // MARK: - The main actor

    /// Where a piece of main-actor code found itself running.
    public struct MainActorPlacement: Sendable, Equatable {
        /// `#isolation` was `MainActor.shared`.
        public var isolatedToMainActor: Bool
        /// The code ran as a job of the main dispatch queue.
        public var onMainQueue: Bool
        /// The code ran on the process's first thread (`Thread.isMainThread`).
        public var onMainThread: Bool
    }

    /// Marks the main dispatch queue so that code can ask "am I on it?".
    private static let mainQueueKey: DispatchSpecificKey<Bool> = {
        let key = DispatchSpecificKey<Bool>()
        DispatchQueue.main.setSpecific(key: key, value: true)
        return key
    }()

    /// Whether the caller is running as a job of the main dispatch queue.
    public static var isOnMainQueue: Bool {
        DispatchQueue.getSpecific(key: mainQueueKey) ?? false
    }

    /// Reports where main-actor code runs: always on the main queue, and on
    /// Linux after `dispatch_main()` not on the main thread.
    @MainActor public static func placementOfMainActorCode() -> MainActorPlacement {
        MainActorPlacement(
            isolatedToMainActor: #isolation === MainActor.shared,
            onMainQueue: isOnMainQueue,
            onMainThread: Thread.isMainThread)
    }

    /// A completion handler that a Dispatch-based API promises to call on
    /// the main queue. The compiler cannot see that promise, so the handler
    /// states it with `MainActor.assumeIsolated` and may then use main-actor
    /// code synchronously.
    ///
    /// - Important: `assumeIsolated` checks the executor at run time and
    ///   traps anywhere but the main queue. It is an assertion, never a way
    ///   onto the main actor.
    public static func mainQueueCompletionHandler() -> MainActorPlacement {
        MainActor.assumeIsolated { placementOfMainActorCode() }
    }

    /// Starts a `Task {}` from main-actor code and returns the isolation the
    /// task saw.
    ///
    /// The closure captures nothing, yet the task is `@MainActor`: a closure
    /// formed in a global-actor context inherits that global actor. (An
    /// actor *instance* is inherited only when the closure uses `self`; see
    /// `concurrency.isolation-inheritance`.)
    @MainActor public static func isolationOfTaskStartedOnTheMainActor() async -> (any Actor)? {
        await Task { #isolation }.value
    }

    /// The bridge many codebases grow: starts `operation` and blocks the
    /// calling thread until it finishes or `timeout` passes.
    ///
    /// - Returns: `true` if `operation` finished in time.
    /// - Important: This is the pitfall, kept bounded so that tests finish.
    ///   Called from main-actor code (a synchronous `main`, a `MainActor.run`
    ///   body), an `operation` that needs the main actor cannot finish
    ///   before the wait ends: the only executor that could run it is the
    ///   one blocked here. Without the timeout that is a hang. Stay `async`
    ///   instead.
    public static func waitSynchronously(
        timeout: DispatchTimeInterval, for operation: sending @escaping () async -> Void
    ) -> Bool {
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            await operation()
            finished.signal()
        }
        return finished.wait(timeout: .now() + timeout) == .success
    }

    // MARK: - A custom global actor

    /// A global actor guarding "the storage layer": everything annotated
    /// `@StorageActor`, in any type or file, runs on this one actor.
    @globalActor public actor StorageActor {
        /// The single instance behind the attribute.
        public static let shared = StorageActor()

        private init() {}

        /// Runs `body` on the storage actor: the counterpart of `MainActor.run`,
        /// which only the main actor gets for free.
        public static func run<Result: Sendable>(
            _ body: @StorageActor () throws -> Result
        ) async rethrows -> Result {
            try await body()
        }
    }

    /// Sessions by token, isolated to ``StorageActor``.
    @StorageActor public final class SessionStore {
        private var users: [String: String] = [:]

        public nonisolated init() {}

        /// Opens (or replaces) the session `token` for `user`.
        ///
        /// - Complexity: O(1) on average.
        public func open(token: String, user: String) {
            users[token] = user
        }

        /// The user of session `token`, or `nil` if there is none.
        public func user(for token: String) -> String? {
            users[token]
        }

        /// Open sessions.
        public var count: Int { users.count }
    }

    /// An append-only audit trail, isolated to the same ``StorageActor``: it
    /// has nothing to do with sessions, yet waits for every session call.
    @StorageActor public final class AuditLog {
        /// Every entry, in the order recorded.
        public private(set) var entries: [String] = []

        public nonisolated init() {}

        /// Appends `entry`.
        public func record(_ entry: String) {
            entries.append(entry)
        }
    }

    // MARK: - The fix: one actor per resource

    /// Counters for one shard of the key space, owned by its own actor.
    ///
    /// Two shards never wait for each other; calls on the same shard are
    /// serialised, which is exactly the exclusion the data needs.
    public actor Shard {
        public init(name: String) {
            self.name = name
        }

        /// Identifies the shard in logs.
        public nonisolated let name: String
        private var counters: [String: Int] = [:]

        /// Runs `body` with exclusive access to this shard's counters: one
        /// synchronous stretch on the actor, so nothing interleaves.
        public func withCounters<Result: Sendable>(
            _ body: (inout [String: Int]) throws -> Result
        ) rethrows -> Result {
            try body(&counters)
        }

        /// Adds one to `key` and returns the new count.
        ///
        /// - Complexity: O(1) on average.
        public func increment(_ key: String) -> Int {
            counters[key, default: 0] += 1
            return counters[key, default: 0]
        }
    }
}
