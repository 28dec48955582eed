import Dispatch
import Foundation
import Synchronization

/// The cooperative thread pool: Swift runs every task on a fixed pool of
/// threads, one per logical CPU, and a thread is handed to another task only
/// at an `await`.
///
/// ```swift
/// // 32 children that suspend: all 32 are in flight at once.
/// await CooperativeThreadPool.peakConcurrency(ofChildren: 32, .suspending)  // 32
/// // 32 children that block a thread: only `width` ever run (2 on a 2-core box).
/// await CooperativeThreadPool.peakConcurrency(ofChildren: 32, .blocking)    // 2
/// // Blocking work belongs on a thread of its own:
/// let bytes = await CooperativeThreadPool.offloadToDedicatedThread { readFileSynchronously() }
/// ```
///
/// ## Why interviewers ask this
/// "How many threads does `async let` create?" separates people who picture
/// tasks as threads from people who know the runtime. The global concurrent
/// executor is a *cooperative* pool capped at the logical CPU count (on
/// Linux, one such pool per priority level, each admitting at most the
/// *configured* CPUs' worth of jobs, `sysconf(_SC_NPROCESSORS_CONF)`. A
/// container's CPU quota does not lower that cap, so a pod limited to 2 CPUs
/// by quota on a 64-CPU node can run 64 threads per priority. An affinity
/// mask (`taskset`, cpusets) does lower how many of them libdispatch keeps
/// *running*: under `taskset -c 0` on this 2-CPU machine, CPU-bound tasks ran
/// one at a time while blocked ones still reached 2): tasks are
/// heap-allocated continuations that borrow a thread until their next
/// suspension point. It never grows past its cap, so a task that blocks (a semaphore, a lock held across I/O,
/// `sleep`, synchronous file or network I/O) takes a whole core's worth of
/// concurrency away from every other task of its priority, and `width`
/// blocked tasks stop all of them. On a server that is every request handler:
/// they share one priority.
///
/// ## Common pitfalls
/// - Blocking inside async code: `DispatchSemaphore.wait()`, `usleep`,
///   `Thread.sleep`, a synchronous database driver. On a 2-core server two
///   such calls freeze every request of that priority (``peakConcurrency(ofChildren:_:)``
///   with `.blocking` never exceeds ``width``).
/// - Bridging async to sync with a semaphore (``waitSynchronously(for:)``):
///   the task that would signal needs a pool thread, and the waiter is
///   sitting on it. Once every pool thread waits, the process deadlocks.
/// - Assuming thread affinity: after an `await` a task may continue on a
///   different thread, so thread-locals and `pthread_self()` are not task
///   state. Use `@TaskLocal` (it travels with the task) or an actor.
/// - Reaching for `Task.yield()` to "fix" blocking: it only lets other tasks
///   run at that point; it does not make a blocking call non-blocking.
///
/// ## Key takeaway
/// Tasks are cheap, threads are not, and the pool runs at most ``width``
/// threads per priority level. Suspend (`await`) instead of blocking; move unavoidably blocking
/// work to a thread the pool does not own (``offloadToDedicatedThread(_:)``;
/// on a server, SwiftNIO's `NIOThreadPool.singleton.runIfActive { … }`
/// does the same with a bounded set of threads), and await the result.
///
/// ## Go → Swift
/// Go's GMP scheduler multiplexes goroutines (G) onto OS threads (M) through
/// `GOMAXPROCS` processors (P), and when a goroutine blocks in a syscall the
/// runtime hands its P to another thread, so blocking code mostly works.
/// Swift has no such hand-off: each priority's pool is the P's *and* the M's
/// (on Linux, a `.high` task still runs while every `.medium` thread is
/// blocked, because it has a pool of its own), a blocked thread is simply
/// lost until it returns, and the fix is in your code
/// (suspend or offload), not in the runtime. Go's goroutines are preemptible;
/// Swift tasks are cooperative and yield only at `await`.
public enum CooperativeThreadPool {
    /// The most jobs the cooperative pool of one priority level runs at once.
    /// On Linux the runtime caps each priority's queue at libdispatch's
    /// logical CPU count, which is `sysconf(_SC_NPROCESSORS_CONF)`: a CPU
    /// quota does not lower it; an affinity mask lowers how many threads
    /// libdispatch keeps running, not this cap. Elsewhere the active
    /// processor count.
    public static var width: Int {
        #if os(Linux)
            Int(sysconf(Int32(_SC_NPROCESSORS_CONF)))
        #else
            ProcessInfo.processInfo.activeProcessorCount
        #endif
    }

    /// How a demo child waits for the release signal.
    public enum Waiting: Sendable {
        /// Holds its thread (a `DispatchGroup.wait()`): the pitfall.
        case blocking
        /// Suspends at an `await`, giving its thread back to the pool.
        case suspending
    }

    /// Starts `count` children that all wait for one release signal and
    /// returns the highest number that were in flight at once.
    ///
    /// The release fires when the expected number of children has arrived:
    /// `count` for suspending children, `min(count, width)` for blocking ones
    /// (no more can arrive while the first ones hold every thread). Blocking
    /// children are held 50 ms longer before the release, so a pool that grew
    /// under blocking would show a peak above `width`.
    ///
    /// The 50 ms window (real time, acceptable in an exit test) only shows
    /// "the pool did not grow within 50 ms". The reason it *cannot* grow is
    /// structural: on Linux the runtime's global executor enqueues onto one
    /// concurrent dispatch queue per priority, whose width it sets to the
    /// logical CPU count (`dispatch_queue_set_width(queue, -3)`, i.e.
    /// ``width``). Unlike an overcommit queue (or Go's scheduler handing a
    /// blocked thread's P to a new M), it never adds a thread because one is
    /// blocked.
    ///
    /// - Important: `.blocking` stalls the calling process's whole pool until
    ///   the release; run it only in a process of its own (an exit test).
    public static func peakConcurrency(ofChildren count: Int, _ waiting: Waiting) async -> Int {
        precondition(count > 0, "count must be positive, got \(count)")
        let expected = waiting == .blocking ? min(count, width) : count
        let gauge = Gauge()
        let blockingRelease = DispatchGroup()
        blockingRelease.enter()
        let suspendingRelease = AsyncLatch()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<count {
                group.addTask {
                    let now = gauge.inFlight.add(1, ordering: .sequentiallyConsistent).newValue
                    gauge.peak.max(now, ordering: .sequentiallyConsistent)
                    if now == expected, gauge.release() {
                        if waiting == .blocking {
                            // Keep every pool thread blocked a little longer before the release:
                            // if the pool could grow (as Go hands a blocked thread's P to a new
                            // M), more children would start now and the peak would exceed
                            // `width`. Without this window the peak would be `width` by construction.
                            usleep(50_000)
                        }
                        blockingRelease.leave()
                        suspendingRelease.open()
                    }
                    switch waiting {
                    case .blocking: blockingRelease.wait()
                    case .suspending: await suspendingRelease.wait()
                    }
                    gauge.inFlight.subtract(1, ordering: .sequentiallyConsistent)
                }
            }
        }
        return gauge.peak.load(ordering: .sequentiallyConsistent)
    }

    /// Work in flight now and at most. (A class: a local `Atomic` cannot be
    /// captured by the children's closures.)
    private final class Gauge: Sendable {
        let inFlight = Atomic(0)
        let peak = Atomic(0)
        private let released = Atomic(false)

        /// `true` exactly once: blocking children can hit `expected` again
        /// after the first ones leave, and a second `DispatchGroup.leave()`
        /// would trap.
        func release() -> Bool {
            released.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged
        }
    }

    /// A request identifier that travels with the task, not the thread.
    @TaskLocal public static var requestID: Int?

    /// What a task observed while it suspended `hops` times.
    public struct ResumptionSample: Sendable, Equatable {
        /// Distinct OS threads the task ran on. Any value from 1 up is
        /// legal: the runtime promises nothing about *which* thread resumes
        /// a task.
        public var distinctThreads: Int
        /// Whether ``requestID`` read the same value after every hop.
        public var taskLocalSurvivedEveryHop: Bool
    }

    /// Suspends `hops` times under `requestID = id`, noting the thread after
    /// each resumption.
    public static func sampleResumptions(hops: Int, requestID id: Int) async -> ResumptionSample {
        await $requestID.withValue(id) {
            var threads: Set<UInt> = [currentThreadID()]
            var survived = true
            for _ in 0..<hops {
                await Task.yield()
                threads.insert(currentThreadID())
                survived = survived && requestID == id
            }
            return ResumptionSample(distinctThreads: threads.count, taskLocalSurvivedEveryHop: survived)
        }
    }

    private static func currentThreadID() -> UInt {
        #if canImport(Darwin)
            UInt(bitPattern: pthread_self())
        #else
            UInt(pthread_self())
        #endif
    }

    /// The number of OS threads in this process (Linux: `/proc/self/status`),
    /// or `nil` where that file does not exist.
    public static func osThreadCount() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("Threads:") }
        return line.flatMap { Int($0.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) }
    }

    /// Runs blocking `work` on a new thread the cooperative pool does not own
    /// and suspends the caller until it finishes.
    ///
    /// The calling task gives its pool thread back while it waits, so the rest
    /// of the program keeps running however long `work` blocks.
    /// - Complexity: one thread per call; a server bounds this with a thread
    ///   pool (`NIOThreadPool`) or a concurrent `DispatchQueue`.
    public static func offloadToDedicatedThread<T: Sendable>(
        _ work: @escaping @Sendable () -> T
    ) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.start()
        }
    }

    /// The pitfall: turns async work into a synchronous result by blocking
    /// the current thread on a semaphore until a new task signals it.
    ///
    /// Called from the cooperative pool this deadlocks as soon as every pool
    /// thread is waiting here: the tasks that would signal can never run. The
    /// fix is to stay async (`await operation()`) all the way up. How many
    /// callers it takes is ``width``, the dispatch queue width, not the
    /// affinity mask or a container's CPU quota: the demo's "2 callers hang a
    /// 2-core box" depends on that (see ``width``).
    public static func waitSynchronously<T: Sendable>(for operation: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<T?>(nil)
        Task {
            let value = await operation()
            result.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        guard let value = result.withLock({ $0 }) else { preconditionFailure("signalled without a result") }
        return value
    }

    /// Ends the process with `exitCode` unless ``Watchdog/disarm()`` is
    /// called within `seconds`: a demo that is *meant* to deadlock reports it
    /// this way instead of hanging its parent.
    public final class Watchdog: Sendable {
        private let disarmed = DispatchSemaphore(value: 0)

        /// Arms the watchdog on a thread of its own (not a pool thread, which
        /// the demo may have blocked).
        public init(seconds: Int, exitCode: Int32) {
            let disarmed = disarmed
            let thread = Thread {
                if disarmed.wait(timeout: .now() + .seconds(seconds)) == .timedOut { exit(exitCode) }
            }
            thread.start()
        }

        /// Stops the watchdog.
        public func disarm() { disarmed.signal() }
    }

    /// A one-shot latch that suspends (never blocks) its waiters.
    ///
    /// Its lock is `NSLock`, not `Synchronization.Mutex`: many tasks reach
    /// `wait()` at once, and when a `Mutex` is contended on Linux it hands
    /// over through the kernel (`FUTEX_LOCK_PI`), which ThreadSanitizer cannot
    /// see, so `swift test --sanitize=thread` would report a false race.
    /// `@unchecked Sendable` is sound because `isOpen` and `waiters` are only
    /// touched while `lock` is held.
    public final class AsyncLatch: @unchecked Sendable {
        private let lock = NSLock()
        private var isOpen = false
        private var waiters: [CheckedContinuation<Void, Never>] = []

        public init() {}

        /// Releases every current and future waiter.
        public func open() {
            let released = lock.withLock {
                defer { (isOpen, waiters) = (true, []) }
                return isOpen ? [] : waiters
            }
            for waiter in released { waiter.resume() }
        }

        /// Suspends until ``open()`` has been called.
        public func wait() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let wasOpen = lock.withLock {
                    if !isOpen { waiters.append(continuation) }
                    return isOpen
                }
                if wasOpen { continuation.resume() }
            }
        }
    }
}
