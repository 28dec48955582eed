import Dispatch
import Foundation
import HandbookInternals
import HandbookTestSupport
import Synchronization
import Testing

/// Blocking happens only on the executors' own threads (a `DispatchGroup.wait()`
/// stands in for a blocking C call), so these tests never block a pool thread.
/// The one that shows what happens to the pool runs in a child process with a
/// watchdog: if a regression put the blocking on the pool, this process's pool
/// would freeze and no time limit could fire.
@Suite("Task executors for blocking I/O", .timeLimit(.minutes(1)))
struct BlockingIOExecutorTests {
    typealias Lesson = BlockingIOExecutor
    typealias Executor = BlockingIOExecutor.ThreadPoolTaskExecutor

    /// Counts arrivals from any thread and opens an async latch at `expected`.
    final class Arrivals: Sendable {
        let expected: Int
        let count = Atomic(0)
        let allArrived = CooperativeThreadPool.AsyncLatch()

        init(expected: Int) { self.expected = expected }

        func arrive() {
            if count.add(1, ordering: .sequentiallyConsistent).newValue == expected { allArrived.open() }
        }
    }

    /// An actor that calls into the executor, to check what its isolation does.
    actor Caller {
        func runBlocking(on executor: Executor) async throws -> Bool {
            try await executor.run { executor.ownsCurrentThread }
        }

        /// The isolation of a closure written inside the preference scope
        /// that does not touch the actor, and of one that does.
        func closureIsolationUnderPreference(_ executor: Executor) async -> (
            untouched: (any Actor)?, touchingSelf: (any Actor)?
        ) {
            let untouched = await withTaskExecutorPreference(executor) { #isolation }
            let touchingSelf = await withTaskExecutorPreference(executor) {
                calls += 1
                return #isolation
            }
            return (untouched, touchingSelf)
        }

        var calls = 0

        func nonisolatedClosureUnderPreference(_ executor: Executor) async -> Bool {
            await withTaskExecutorPreference(executor) { executor.ownsCurrentThread }
        }

        func concurrentHelperUnderPreference(_ executor: Executor) async -> Bool {
            await withTaskExecutorPreference(executor) { await Lesson.nonisolatedCodeRuns(on: executor) }
        }
    }

    /// A default actor: no custom executor.
    actor Ledger {
        func isRunning(on executor: Executor) -> Bool { executor.ownsCurrentThread }
    }

    static func stop(_ executor: Executor) async {
        executor.shutdown()
        await executor.awaitTermination()
    }

    @Test("run(_:) puts the blocking call on the executor's threads; called inline it runs on a pool thread")
    func blockingWorkRunsOnTheExecutorsThreads() async throws {
        let executor = Executor(name: "io-threads", threadCount: 2)
        // First, while this test still runs on a pool thread: the pitfall.
        #expect(await Lesson.callInline { executor.ownsCurrentThread } == false)
        #expect(try await executor.run { executor.ownsCurrentThread })
        #expect(try await Caller().runBlocking(on: executor), "from an actor too")
        await Self.stop(executor)
    }

    @Test("with every executor thread blocked, work on the cooperative pool still completes (child process)")
    func poolStaysFreeWhileExecutorThreadsBlock() async {
        // Exit code 99: the watchdog fired because the pool froze.
        await #expect(processExitsWith: .success) {
            let watchdog = CooperativeThreadPool.Watchdog(seconds: 30, exitCode: 99)
            let width = CooperativeThreadPool.width
            let executor = BlockingIOExecutor.ThreadPoolTaskExecutor(name: "io", threadCount: width)
            let arrivals = BlockingIOExecutorTests.Arrivals(expected: width)
            let release = DispatchGroup()
            release.enter()
            await withThrowingTaskGroup(of: Void.self) { blockers in
                for _ in 0..<width {
                    blockers.addTask {
                        try await executor.run {
                            arrivals.arrive()
                            release.wait()  // a blocking call: holds an executor thread, not a pool thread
                        }
                    }
                }
                // Resuming here needs a free pool thread while `width` calls are blocked.
                await arrivals.allArrived.wait()
                let finished = await withTaskGroup(of: Int.self) { others in
                    for _ in 0..<(4 * width) {
                        others.addTask {
                            await Task.yield()
                            return 1
                        }
                    }
                    return await others.reduce(0, +)
                }
                if finished != 4 * width { exit(2) }
                release.leave()
            }
            executor.shutdown()
            await executor.awaitTermination()
            watchdog.disarm()
        }
    }

    @Test("N threads run at most N blocking calls at once; the rest wait in the queue")
    func concurrencyIsBoundedByThreadCount() async {
        let executor = Executor(name: "bounded", threadCount: 2)
        let gauge = ConcurrencyGauge()
        let arrivals = Arrivals(expected: 2)
        let release = DispatchGroup()
        release.enter()
        let work: @Sendable () async -> Void = {
            gauge.enter()
            arrivals.arrive()
            release.wait()
            gauge.leave()
        }
        var tasks = [
            Task(executorPreference: executor, operation: work), Task(executorPreference: executor, operation: work),
        ]
        await arrivals.allArrived.wait()
        // Task(executorPreference:) enqueues its first job before returning.
        for _ in 0..<4 { tasks.append(Task(executorPreference: executor, operation: work)) }
        #expect(executor.queuedJobCount == 4)
        #expect(gauge.inFlight == 2)
        release.leave()
        for task in tasks { await task.value }
        #expect(gauge.peak == 2)
        await Self.stop(executor)
    }

    @Test("child tasks and async let inherit the preference; Task {} and Task.detached {} do not")
    func childTasksInheritUnstructuredDoNot() async {
        let executor = Executor(name: "inherit", threadCount: 2)
        let (children, asyncLet, unstructured, detached) = await withTaskExecutorPreference(executor) {
            let children = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<4 { group.addTask { executor.ownsCurrentThread } }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            async let fromAsyncLet = Lesson.nonisolatedCodeRuns(on: executor)
            let unstructured = await Task { executor.ownsCurrentThread }.value
            let detached = await Task.detached { executor.ownsCurrentThread }.value
            return (children, await fromAsyncLet, unstructured, detached)
        }
        #expect(children == [true, true, true, true])
        #expect(asyncLet)
        #expect(unstructured == false)
        #expect(detached == false)
        await Self.stop(executor)
    }

    @Test("the preference ends with its scope: later suspensions and children go back to the global pool")
    func preferenceDoesNotLeakOutOfTheScope() async {
        let executor = Executor(name: "scoped", threadCount: 2)
        #expect(await withTaskExecutorPreference(executor) { await Lesson.nonisolatedCodeRuns(on: executor) })
        let jobsAfterScope = executor.enqueuedJobCount
        // The task may still be on an executor thread right after the scope (the
        // runtime continues in place); its next enqueue follows the popped preference.
        await Task.yield()
        let afterYield = executor.ownsCurrentThread
        let children = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 { group.addTask { executor.ownsCurrentThread } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(afterYield == false)
        #expect(children == [false, false, false, false])
        #expect(await Lesson.nonisolatedCodeRuns(on: executor) == false)
        #expect(executor.enqueuedJobCount == jobsAfterScope, "no job reached the executor after the scope")
        await Self.stop(executor)
    }

    @Test(
        "in an actor, a scope's closure is actor-isolated only if it touches self; nonisolated code reaches the executor"
    )
    func actorCodeUnderAPreference() async {
        let executor = Executor(name: "actors", threadCount: 2)
        let caller = Caller()
        let (untouched, touchingSelf) = await caller.closureIsolationUnderPreference(executor)
        #expect(untouched == nil)
        #expect(touchingSelf === caller)
        #expect(await caller.nonisolatedClosureUnderPreference(executor))
        #expect(await caller.concurrentHelperUnderPreference(executor))
        // SE-0417: a default actor may borrow the preferred executor's threads.
        // Here a free one is entered from a task that runs on the executor.
        let ledger = Ledger()
        #expect(await Task(executorPreference: executor) { await ledger.isRunning(on: executor) }.value)
        await Self.stop(executor)
    }

    @Test("shutdown rejects new run(_:) calls but drains every job already queued, in order")
    func shutdownDrainsQueuedJobsAndRejectsNewWork() async throws {
        let executor = Executor(name: "draining", threadCount: 1)
        let started = Gate()
        let release = DispatchGroup()
        release.enter()
        // A plain task on the executor, not a `run`: no call in flight keeps the
        // threads alive, so only the drain rule decides what happens to the queue.
        let blocker = Task(executorPreference: executor) {
            started.open()
            release.wait()
        }
        await started.wait()  // the only thread is now blocked
        let log = EventLog<Int>()
        let queued = (0..<3).map { index in Task(executorPreference: executor) { log.append(index) } }
        #expect(executor.queuedJobCount == 3)
        executor.shutdown()
        await #expect(throws: Executor.ShutDownError(executorName: "draining")) {
            try await executor.run { 0 }
        }
        release.leave()
        await executor.awaitTermination()
        #expect(executor.isTerminated)
        try #require(log.events == [0, 1, 2], "shutdown must not drop queued jobs")
        await blocker.value
        for task in queued { await task.value }
    }

    @Test("cancelling the caller does not interrupt a blocking call; the work sees the flag once it returns")
    func cancellationWaitsForTheBlockingCall() async throws {
        let executor = Executor(name: "cancel", threadCount: 1)
        let started = Gate()
        let release = DispatchGroup()
        release.enter()
        let caller = Task {
            try await executor.run {
                started.open()
                release.wait()
                return Task.isCancelled
            }
        }
        await started.wait()
        caller.cancel()
        release.leave()
        #expect(try await caller.value == true, "it ran to the end and returned its value despite the cancellation")
        await Self.stop(executor)
    }

    @Test("a job enqueued after the threads have exited traps instead of vanishing")
    func enqueueAfterTerminationTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let executor = BlockingIOExecutor.ThreadPoolTaskExecutor(name: "gone", threadCount: 1)
            executor.shutdown()
            await executor.awaitTermination()
            _ = Task(executorPreference: executor) {}
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("job enqueued on task executor 'gone' after shutdown"))
    }
}
