import NIOCore
import NIOPosix

/// SwiftNIO's event loops: one thread runs many connections, so nothing on it
/// may block; blocking work goes to a thread pool, and futures and `async`
/// meet at known places.
///
/// ```swift
/// let hasher = PasswordHasher(rounds: 100_000)
/// // In a channel handler, on the loop: never `hasher.hash(...)` here.
/// hasher.hash("hunter2", salt: 42, on: context.eventLoop, using: pool)  // runs on the pool
///     .map { digest in ... }                                            // back on the loop
/// ```
///
/// ## Why interviewers ask this
/// "Why does `wait()` on an event loop crash?" and "where does bcrypt go?"
/// are the SwiftNIO questions. An event loop is one thread multiplexing
/// hundreds of channels: whatever runs on it runs *instead of* every other
/// channel's reads, writes and timers. A server that hashes passwords, reads
/// a file or calls a blocking client on the loop has latency spikes no
/// profiler of one request explains. The interviewer wants the model (one
/// thread, non-blocking callbacks) and the two fixes: a thread pool for
/// blocking work, and `async` code on Swift's cooperative pool that meets
/// futures through `get()` and `makeFutureWithTask`.
///
/// ## Common pitfalls
/// - CPU-heavy or blocking work in a handler (bcrypt, `Data(contentsOf:)`,
///   a synchronous database driver): every channel on that loop stalls for
///   its duration. Offload it with `NIOThreadPool.runIfActive(eventLoop:_:)`.
/// - `future.wait()` on an event-loop thread. If the future's value must come
///   from this same loop, it never can: deadlock. NIO traps instead ("BUG
///   DETECTED: wait() must not be called when on an EventLoop"), on any loop
///   thread, even for a future that has already completed; it is a
///   `precondition`, so it traps in release builds too, but prints that
///   message only in debug builds. In `async` code `wait()` is unavailable
///   (`noasync`): use `try await future.get()`.
/// - Assuming a `.map` on a future runs where the caller is. Future
///   callbacks run on the future's event loop (so a future of a blocked loop
///   cannot even report that it completed); code after `await
///   future.get()` runs on the task's executor, not on the loop.
/// - Forgetting `pool.start()`. An unstarted (or shut-down) pool runs
///   nothing: `runIfActive` fails with `NIOThreadPoolError.ThreadPoolInactive`.
/// - Blocking a cooperative-pool thread instead (a semaphore or a blocking
///   read in a `Task`): Swift's pool has one thread per core, so that stalls
///   unrelated tasks the same way. The thread pool is for blocking work.
///
/// ## Key takeaway
/// A loop thread only multiplexes: anything that blocks goes to
/// `NIOThreadPool` (or another executor made for it), and the result comes
/// back to the loop as a future. Futures and `async` meet at two places:
/// `future.get()` (future → `async`) and `loop.makeFutureWithTask` (`async`
/// → future, the body running on the cooperative pool).
///
/// ## Go → Swift
/// Go hides this: a goroutine blocked in a syscall hands its processor to
/// another thread, and a CPU-bound one is preempted, so `bcrypt` in a
/// handler delays its own request (and takes its share of the CPUs).
/// SwiftNIO is closer to Netty (a fixed number of loop threads, usually one
/// per core) or Node.js (a single loop thread): loops never to be blocked.
/// Swift concurrency sits
/// between: tasks suspend at `await` without blocking, but a task that
/// *blocks* holds one of few threads, as on the loop.
public enum EventLoops {
    /// Runs `work` on the event loop itself: the mistake this lesson is
    /// about, kept to show it. Until `work` returns, nothing else on `loop`
    /// runs: no other channel's reads or writes, no timers.
    public static func runOnLoop<T: Sendable>(
        _ loop: any EventLoop, _ work: @escaping @Sendable () throws -> T
    ) -> EventLoopFuture<T> {
        loop.submit(work)
    }

    /// Runs blocking `work` on one of `pool`'s threads; the returned future
    /// completes on `loop`, so its callbacks run there as a handler expects.
    /// The loop stays free while `work` runs.
    public static func runOffLoop<T: Sendable>(
        _ loop: any EventLoop, pool: NIOThreadPool, _ work: @escaping @Sendable () throws -> T
    ) -> EventLoopFuture<T> {
        pool.runIfActive(eventLoop: loop, work)
    }

    /// Exposes an `async` function to future-based code (a channel handler,
    /// an older API). The body runs in a new `Task` on Swift's cooperative
    /// pool, not on `loop`; the future completes on `loop`. The task is
    /// unstructured: cancelling the caller does not cancel it.
    public static func future<T: Sendable>(
        on loop: any EventLoop, from body: @escaping @Sendable () async throws -> T
    ) -> EventLoopFuture<T> {
        loop.makeFutureWithTask(body)
    }
}

/// A deliberately slow, salted password digest: the "bcrypt" of the lesson.
///
/// Not a real password hash (use a vetted bcrypt/argon2 library); an iterated
/// FNV-1a whose cost grows linearly with ``rounds``, so it blocks its thread
/// for as long as the caller asks, like the real thing.
public struct PasswordHasher: Sendable {
    /// Work factor: each round hashes the previous digest again.
    public var rounds: Int

    /// - Precondition: `rounds >= 1` (a zero-cost "hash" is a programmer error).
    public init(rounds: Int) {
        precondition(rounds >= 1, "a password hash needs at least one round")
        self.rounds = rounds
    }

    /// The digest of `password` with `salt`. Blocks the calling thread for
    /// O(`rounds` + `password.utf8.count`): never call it on an event loop.
    public func hash(_ password: String, salt: UInt64) -> UInt64 {
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
        for byte in password.utf8 {
            digest = (digest ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        for round in 1..<rounds {
            digest = (digest ^ UInt64(truncatingIfNeeded: round)) &* 0x0000_0100_0000_01B3
        }
        return digest
    }

    /// The same digest, computed on `pool`; the future completes on `loop`.
    public func hash(
        _ password: String, salt: UInt64, on loop: any EventLoop, using pool: NIOThreadPool
    ) -> EventLoopFuture<UInt64> {
        EventLoops.runOffLoop(loop, pool: pool) { hash(password, salt: salt) }
    }
}
