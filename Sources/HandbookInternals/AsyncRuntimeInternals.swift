import Foundation
import Synchronization

/// The async runtime's memory model: async frames live in a per-task
/// allocator on the heap, synchronous frames on the thread's fixed stack,
/// and channels are a lock, a queue and some continuations.
///
/// ```swift
/// // 100 000 suspended tasks cost about 160 MB resident, and no threads:
/// let report = await AsyncRuntimeInternals.suspendTasks(100_000)
/// // Synchronous recursion still uses the thread stack and dies deep enough:
/// AsyncRuntimeInternals.recursiveDepth(10_000_000)   // SIGSEGV, no recovery
/// AsyncRuntimeInternals.iterativeDepth(10_000_000)   // 10 000 000: an explicit stack on the heap
/// // A rendezvous channel in ~60 lines:
/// let channel = AsyncRuntimeInternals.RendezvousChannel<Int>()
/// ```
///
/// ## Why interviewers ask this
/// "How can Swift run 100k concurrent tasks on 2 threads?" and "How are
/// goroutine stacks different?" both come down to where frames live. A task
/// keeps its async frames in a slab allocator that belongs to the task (a
/// stack discipline on heap memory), so a suspended task costs its task
/// object, its frames and its allocator's first slab (about 1.6 KB resident
/// each, measured by the tests on Linux), and no thread at all. A blocked
/// thread on Linux reserves a stack of `RLIMIT_STACK` (typically 8 MB; other
/// platforms differ, Darwin gives secondary threads 512 KB), but that is
/// *virtual*: 1,000 threads blocked on a semaphore grew the resident set by
/// about 11 KB each here (Swift 6.3.1, Linux), plus kernel memory not counted
/// in it. The honest comparison is ~1.6 KB vs ~11 KB and up per waiter, and a
/// thread per waiter also hits the kernel's thread limits and scheduler. Synchronous
/// code called from a task still runs on the thread's stack, which does not
/// grow: deep recursion crashes the process. Building a channel from a lock
/// and continuations shows you understand what `AsyncStream`/`AsyncChannel`
/// do under the hood, and why `CheckedContinuation` checks "exactly once".
///
/// ## Common pitfalls
/// - Deep synchronous recursion (tree walks over untrusted input, naive
///   recursive descent parsers): a stack overflow is a `SIGSEGV`, not an
///   error you can catch. Use an explicit stack (``iterativeDepth(_:)``).
/// - Assuming one thread per task when sizing a server: tasks are cheap, and
///   the limit is the memory their frames hold (``SuspensionReport``).
/// - Resuming a continuation while holding the lock: the resumed task may
///   run at once and call back into the channel. Decide under the lock,
///   resume outside it (``RendezvousChannel``).
/// - Leaking or double-resuming a continuation: the checked variant logs
///   the leak and traps on the second resume; the unsafe one leaves the task
///   hanging or corrupts it.
///
/// ## Key takeaway
/// Async frames are heap-allocated per task and freed when the task ends, so
/// suspension is cheap; synchronous frames are on a fixed thread stack. Every
/// async primitive reduces to "state behind a lock, continuations parked in
/// it, resumed outside it exactly once".
///
/// ## Go → Swift
/// A goroutine starts with a 2–8 KB stack that the runtime grows by copying,
/// so Go recursion can go very deep (up to a 1 GB limit) and *every* frame of
/// a blocked goroutine stays on its own stack. Swift tasks have no stack of
/// their own: async frames sit in the task's allocator, sync frames on
/// whichever thread runs them (a fixed size: the main thread's comes from
/// `ulimit -s`, other threads get what their creator chose), and
/// there is no stack growth. A Go channel (`hchan`: lock, ring buffer, sendq,
/// recvq of waiting goroutines) is structurally the ``RendezvousChannel``
/// below; swift-async-algorithms' `AsyncChannel` is the production version.
public enum AsyncRuntimeInternals {
    // MARK: Suspended tasks are cheap

    /// What suspending many tasks cost.
    public struct SuspensionReport: Sendable, Equatable {
        /// Tasks suspended at the same time.
        public var tasks: Int
        /// Resident memory growth while all of them were suspended.
        public var residentGrowthBytes: Int
        /// Objects owned by the tasks that were still alive after they all
        /// finished (expected 0: frames and captures are freed).
        public var liveAfterCompletion: Int
    }

    /// The process's resident set size, from `/proc/self/statm` (Linux), or
    /// `nil` where that file does not exist.
    public static func residentBytes() -> Int? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Suspends `count` tasks on one latch, measures resident memory while
    /// they all wait, then releases them and counts what they left behind.
    ///
    /// Each task holds a ``Token`` across its suspension, so the frame really
    /// keeps something alive.
    /// - Precondition: `/proc/self/statm` is readable (Linux).
    public static func suspendTasks(_ count: Int) async -> SuspensionReport {
        guard let before = residentBytes() else { preconditionFailure("needs /proc/self/statm") }
        let arrived = LiveCounter()
        let allArrived = CooperativeThreadPool.AsyncLatch()
        let release = CooperativeThreadPool.AsyncLatch()
        let live = LiveCounter()
        var during = before
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<count {
                group.addTask {
                    let token = Token(live)
                    if arrived.add(1) == count { allArrived.open() }
                    await release.wait()
                    withExtendedLifetime(token) {}
                }
            }
            await allArrived.wait()
            during = residentBytes() ?? before
            release.open()
        }
        return SuspensionReport(
            tasks: count, residentGrowthBytes: during - before, liveAfterCompletion: live.value)
    }

    /// A counter shared by many tasks: arrivals, live ``Token``s.
    public final class LiveCounter: Sendable {
        private let count = Atomic(0)

        public init() {}

        /// The current count.
        public var value: Int { count.load(ordering: .sequentiallyConsistent) }

        @discardableResult
        fileprivate func add(_ delta: Int) -> Int { count.add(delta, ordering: .sequentiallyConsistent).newValue }
    }

    /// An object a task keeps alive across its suspension.
    public final class Token: Sendable {
        private let counter: LiveCounter

        public init(_ counter: LiveCounter) {
            self.counter = counter
            counter.add(1)
        }

        deinit { counter.add(-1) }
    }

    // MARK: Synchronous frames use the thread stack

    /// Counts down recursively: one synchronous stack frame per level.
    ///
    /// - Important: At a depth of millions this overflows the thread stack
    ///   and the process dies with `SIGSEGV`: there is nothing to catch.
    @inline(never)
    public static func recursiveDepth(_ n: Int) -> Int {
        if n == 0 { return 0 }
        let below = recursiveDepth(n - 1)
        return below + 1  // work after the call: no tail-call elimination
    }

    /// The fix: the same walk with an explicit stack on the heap.
    /// - Complexity: O(`n`) time, O(1) extra memory here (a real tree walk
    ///   keeps O(depth) pending nodes in an array).
    public static func iterativeDepth(_ n: Int) -> Int {
        var pending = [n]
        var depth = 0
        while let next = pending.popLast() {
            if next > 0 {
                depth += 1
                pending.append(next - 1)
            }
        }
        return depth
    }

    /// Counts down recursively with *async* calls: each frame goes to the
    /// task's heap allocator, not the thread stack.
    public static func asyncRecursiveDepth(_ n: Int) async -> Int {
        if n == 0 { return 0 }
        let below = await asyncRecursiveDepth(n - 1)
        return below + 1
    }

    // MARK: A channel from a lock and continuations

    /// An unbuffered (rendezvous) channel: `send` returns only after a
    /// receiver has taken the element, like Go's `make(chan T)` and
    /// swift-async-algorithms' `AsyncChannel`.
    ///
    /// The whole state is two queues of parked continuations behind a lock.
    /// Every operation decides under the lock and resumes outside it.
    /// Cancellation is not supported (`AsyncChannel` adds it with
    /// `withTaskCancellationHandler` and a per-waiter id); waiters are woken by
    /// ``finish()``.
    public final class RendezvousChannel<Element: Sendable>: Sendable {
        private struct State {
            var senders: [(element: Element, delivered: CheckedContinuation<Void, Never>)] = []
            var receivers: [CheckedContinuation<Element?, Never>] = []
            var isFinished = false
        }

        // NSLock rather than Mutex: ThreadSanitizer on Linux cannot see Mutex's
        // futex-based contended path and reports false races on this state.
        private let lock = NSLock()
        private nonisolated(unsafe) var state = State()  // guarded by `lock`

        public init() {}

        private func withLock<T>(_ body: (inout State) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&state)
        }

        /// How many senders and receivers are parked right now (for tests and
        /// metrics; the answer may be stale as soon as it is returned).
        public var parked: (senders: Int, receivers: Int) {
            withLock { ($0.senders.count, $0.receivers.count) }
        }

        /// Hands `element` to a receiver, suspending until one takes it.
        /// After ``finish()`` the element is dropped and `send` returns at once.
        public func send(_ element: Element) async {
            await withCheckedContinuation { (delivered: CheckedContinuation<Void, Never>) in
                let receiver: CheckedContinuation<Element?, Never>?? = withLock { state in
                    if state.isFinished { return .some(nil) }
                    if state.receivers.isEmpty {
                        state.senders.append((element, delivered))  // park until a receiver comes
                        return nil
                    }
                    return state.receivers.removeFirst()
                }
                switch receiver {
                case .none: break
                case .some(.none): delivered.resume()
                case .some(.some(let receiver)):
                    receiver.resume(returning: element)
                    delivered.resume()
                }
            }
        }

        /// Takes the next element, suspending until a sender offers one;
        /// `nil` once the channel is finished and no sender is parked.
        public func receive() async -> Element? {
            await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
                let sender: (element: Element, delivered: CheckedContinuation<Void, Never>)?? = withLock { state in
                    if !state.senders.isEmpty { return state.senders.removeFirst() }
                    if state.isFinished { return .some(nil) }
                    state.receivers.append(continuation)
                    return nil
                }
                switch sender {
                case .none: break
                case .some(.none): continuation.resume(returning: nil)
                case .some(.some(let sender)):
                    sender.delivered.resume()
                    continuation.resume(returning: sender.element)
                }
            }
        }

        /// Ends the channel: parked receivers get `nil`, parked senders return
        /// (their elements are dropped), later calls return at once.
        public func finish() {
            let (senders, receivers) = withLock { state in
                state.isFinished = true
                defer {
                    state.senders = []
                    state.receivers = []
                }
                return (state.senders, state.receivers)
            }
            for sender in senders { sender.delivered.resume() }
            for receiver in receivers { receiver.resume(returning: nil) }
        }
    }
}
