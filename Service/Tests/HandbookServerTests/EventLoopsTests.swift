import Dispatch
import HandbookServer
import HandbookServerTestSupport
import NIOCore
import NIOPosix
import Synchronization
import Testing

/// Each test owns a one-thread event loop group (so "the loop" is one
/// thread, as in production per core) and a two-thread pool, both shut down
/// at the end. Blocking work is a `DispatchSemaphore` the test opens: the
/// tests order events with explicit signals, never with sleeps.
@Suite("Event loops", .timeLimit(.minutes(1)))
struct EventLoopsTests {
    /// An ordered record of what ran, written from loop and pool threads.
    final class Trace: Sendable {
        private let events = Mutex<[String]>([])
        func record(_ event: String) { events.withLock { $0.append(event) } }
        var recorded: [String] { events.withLock { $0 } }
    }

    /// Blocks whoever calls ``block(signalling:)`` until the test opens it.
    final class Gate: Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        /// Opens `started` (from the thread about to block), then blocks it.
        func block(signalling started: AsyncLatch) {
            started.open()
            semaphore.wait()
        }
        func open() { semaphore.signal() }
    }

    func withLoopAndPool(
        _ body: (any EventLoop, NIOThreadPool) async throws -> Void
    ) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        do {
            try await body(group.next(), pool)
        } catch {
            try await pool.shutdownGracefully()
            try await group.shutdownGracefully()
            throw error
        }
        try await pool.shutdownGracefully()
        try await group.shutdownGracefully()
    }

    @Test("blocking work on the loop stalls everything else on it until it returns")
    func blockingTheLoopStallsIt() async throws {
        try await withLoopAndPool { loop, _ in
            let trace = Trace()
            let gate = Gate()
            let started = AsyncLatch()
            let blocked = EventLoops.runOnLoop(loop) {
                trace.record("hash started on the loop: \(loop.inEventLoop)")
                gate.block(signalling: started)
                trace.record("hash finished")
            }
            await started.wait()
            // Another connection's read arrives while the hash holds the thread.
            let otherChannel = loop.submit { trace.record("other channel served") }
            gate.open()
            try await blocked.get()
            try await otherChannel.get()
            // It was queued while the hash ran, and could only run after it.
            #expect(
                trace.recorded == ["hash started on the loop: true", "hash finished", "other channel served"])
        }
    }

    @Test("offloaded to the thread pool, the same work leaves the loop free")
    func offloadingKeepsTheLoopResponsive() async throws {
        try await withLoopAndPool { loop, pool in
            let trace = Trace()
            let gate = Gate()
            let started = AsyncLatch()
            let offloaded = EventLoops.runOffLoop(loop, pool: pool) {
                trace.record("hash started on the loop: \(loop.inEventLoop)")
                gate.block(signalling: started)
                trace.record("hash finished")
                return 7
            }
            await started.wait()
            // The loop answers while the hash is still blocked: on the loop
            // this await would never return (the gate opens only after it).
            try await loop.submit { trace.record("other channel served") }.get()
            gate.open()
            #expect(try await offloaded.get() == 7)
            #expect(
                trace.recorded == ["hash started on the loop: false", "other channel served", "hash finished"])
        }
    }

    @Test("pool work runs off the loop; the future's callbacks run on the loop")
    func whereEachPieceRuns() async throws {
        try await withLoopAndPool { loop, pool in
            let workOnLoop = try await EventLoops.runOffLoop(loop, pool: pool) { loop.inEventLoop }
                .get()
            let callbackOnLoop = try await EventLoops.runOffLoop(loop, pool: pool) { 1 }
                .map { _ in loop.inEventLoop }
                .get()
            #expect(!workOnLoop)
            #expect(callbackOnLoop)
        }
    }

    @Test("an async body behind a future runs on the cooperative pool, and after get() so does the caller")
    func bridgingFuturesAndAsync() async throws {
        try await withLoopAndPool { loop, _ in
            let future = EventLoops.future(on: loop) { () async throws -> Bool in
                await Task.yield()
                return loop.inEventLoop
            }
            let bodyOnLoop = try await future.get()
            #expect(!bodyOnLoop)
            #expect(future.eventLoop === loop)
            let completedOnLoop = try await future.map { _ in loop.inEventLoop }.get()
            #expect(completedOnLoop)
        }
    }

    struct PaymentDeclined: Error, Equatable {}

    @Test("errors cross the bridge both ways: a throwing body fails the future, get() rethrows it")
    func errorsCrossTheBridge() async throws {
        try await withLoopAndPool { loop, pool in
            let fromAsync = EventLoops.future(on: loop) { () async throws -> Int in throw PaymentDeclined() }
            await #expect(throws: PaymentDeclined.self) { try await fromAsync.get() }
            let fromPool = EventLoops.runOffLoop(loop, pool: pool) { () throws -> Int in throw PaymentDeclined() }
            await #expect(throws: PaymentDeclined.self) { try await fromPool.get() }
        }
    }

    @Test("a pool that was never started runs nothing: the work fails with ThreadPoolInactive")
    func anUnstartedPoolRunsNothing() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let pool = NIOThreadPool(numberOfThreads: 1)  // no start()
        let trace = Trace()
        let future = EventLoops.runOffLoop(group.next(), pool: pool) { trace.record("ran") }
        await #expect(throws: NIOThreadPoolError.ThreadPoolInactive.self) { try await future.get() }
        #expect(trace.recorded.isEmpty)
        try await group.shutdownGracefully()
    }

    @Test("wait() on an event-loop thread traps, naming the bug")
    func waitOnTheLoopTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let loop = group.next()
            // In a handler: block the loop until a future completes. If that
            // future needed this loop, it never could; NIO stops it here.
            let waited = loop.submit { try loop.makeSucceededFuture(1).wait() }
            _ = try await waited.get()
        }
        #if DEBUG  // a precondition's message is printed in debug builds only
            let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(stderr.contains("BUG DETECTED: wait() must not be called when on an EventLoop"))
        #else
            _ = result
        #endif
    }

    @Test("the password hash is deterministic, salted, costs its rounds, and is the same on the pool")
    func passwordHasher() async throws {
        let hasher = PasswordHasher(rounds: 1_000)
        let digest = hasher.hash("hunter2", salt: 42)
        #expect(digest == hasher.hash("hunter2", salt: 42))
        #expect(digest != hasher.hash("hunter2", salt: 43))
        #expect(digest != hasher.hash("hunter3", salt: 42))
        #expect(digest != PasswordHasher(rounds: 999).hash("hunter2", salt: 42))
        try await withLoopAndPool { loop, pool in
            let offloaded = try await hasher.hash("hunter2", salt: 42, on: loop, using: pool).get()
            #expect(offloaded == digest)
        }
        await #expect(processExitsWith: .failure) { _ = PasswordHasher(rounds: 0) }
    }
}
