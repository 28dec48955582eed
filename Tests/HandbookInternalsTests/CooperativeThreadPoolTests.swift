import Dispatch
import Foundation
import HandbookInternals
import HandbookTestSupport
import Synchronization
import Testing

/// Every demo that blocks a pool thread runs in an exit test: this process's
/// pool is as narrow as the machine (2 threads on CI), and blocking it would
/// stall every other test. The child reports what it measured through its exit
/// code, and a watchdog turns a deadlock into a distinctive exit code.
@Suite("The cooperative thread pool", .timeLimit(.minutes(1)))
struct CooperativeThreadPoolTests {
    typealias Lesson = CooperativeThreadPool

    /// Counts arrivals from any thread and opens an async latch at `expected`.
    final class Arrivals: Sendable {
        let expected: Int
        let count = Atomic(0)
        let allArrived = CooperativeThreadPool.AsyncLatch()

        init(expected: Int) { self.expected = expected }

        /// Returns `true` for the arrival that completes the count.
        @discardableResult
        func arrive() -> Bool {
            let isLast = count.add(1, ordering: .sequentiallyConsistent).newValue == expected
            if isLast { allArrived.open() }
            return isLast
        }
    }

    @Test("32 children that block reach a peak concurrency equal to the core count (in a child process)")
    func blockingChildrenArePinnedToThePoolWidth() async {
        // The child exits with the peak it measured; 99 means the watchdog fired.
        await #expect(processExitsWith: .exitCode(Int32(CooperativeThreadPool.width))) {
            let watchdog = CooperativeThreadPool.Watchdog(seconds: 60, exitCode: 99)
            let peak = await CooperativeThreadPool.peakConcurrency(ofChildren: 32, .blocking)
            watchdog.disarm()
            exit(Int32(peak))
        }
    }

    @Test("32 children that suspend are all in flight at once: an await gives the thread back")
    func suspendingChildrenAllRunAtOnce() async {
        #expect(await Lesson.peakConcurrency(ofChildren: 32, .suspending) == 32)
        #expect(await Lesson.peakConcurrency(ofChildren: 1000, .suspending) == 1000)
    }

    @Test(
        "tasks are not threads: 10 000 suspended tasks add no OS threads",
        .enabled(if: Lesson.osThreadCount() != nil, "counts threads in /proc/self/status, which only Linux has"))
    func suspendedTasksDoNotCostThreads() async throws {
        let before = try #require(Lesson.osThreadCount())
        let arrivals = Arrivals(expected: 10_000)
        let release = Gate()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10_000 {
                group.addTask {
                    arrivals.arrive()
                    await release.wait()
                }
            }
            await arrivals.allArrived.wait()
            let during = try #require(Lesson.osThreadCount())
            release.open()
            try await group.waitForAll()
            // The pool never grows past `width`; other subsystems (Dispatch, the test runner)
            // may start a few threads of their own, hence a margin rather than equality.
            #expect(during < before + 50, "\(during) threads while 10 000 tasks wait, \(before) before")
        }
    }

    @Test("blocking work offloaded to dedicated threads leaves the pool free to run other tasks")
    func offloadingKeepsThePoolResponsive() async {
        await #expect(processExitsWith: .success) {
            let watchdog = CooperativeThreadPool.Watchdog(seconds: 60, exitCode: 99)
            let jobs = 4 * CooperativeThreadPool.width
            let arrivals = CooperativeThreadPoolTests.Arrivals(expected: jobs)
            let release = DispatchGroup()
            release.enter()
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<jobs {
                    group.addTask {
                        await CooperativeThreadPool.offloadToDedicatedThread {
                            arrivals.arrive()
                            release.wait()  // blocks a dedicated thread, never a pool thread
                        }
                    }
                }
                // Resuming here needs a free pool thread while every job is blocked.
                await arrivals.allArrived.wait()
                release.leave()
            }
            watchdog.disarm()
        }
        let value = await Lesson.offloadToDedicatedThread { (1...10).reduce(0, +) }
        #expect(value == 55)
    }

    @Test("pitfall: a semaphore bridge on every pool thread deadlocks (the watchdog fires)")
    func semaphoreBridgeDeadlocksThePool() async {
        await #expect(processExitsWith: .exitCode(42)) {
            let width = CooperativeThreadPool.width
            let arrivals = CooperativeThreadPoolTests.Arrivals(expected: width)
            let everyoneIn = DispatchGroup()
            everyoneIn.enter()
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<width {
                    group.addTask {
                        // A blocking barrier makes the worst case certain: every pool thread is
                        // inside the bridge before any signalling task could be scheduled.
                        if arrivals.arrive() {
                            // Armed only once every pool thread is inside the bridge, so a
                            // slow start on a loaded machine cannot pass for a deadlock.
                            _ = CooperativeThreadPool.Watchdog(seconds: 2, exitCode: 42)
                            everyoneIn.leave()
                        }
                        everyoneIn.wait()
                        _ = CooperativeThreadPool.waitSynchronously { 42 }
                    }
                }
            }
        }
    }

    @Test("the fix: stay async; a semaphore bridge is safe only on a thread the pool does not own")
    func stayingAsyncOrBridgingOffThePoolWorks() async {
        let total = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<32 { group.addTask { await Self.fetchAnswer() } }
            return await group.reduce(0, +)
        }
        #expect(total == 32 * 42)
        let bridged = await Lesson.offloadToDedicatedThread {
            Lesson.waitSynchronously { await Self.fetchAnswer() }
        }
        #expect(bridged == 42)
    }

    @Test("after an await a task may run on another thread; only task state (task-locals) is guaranteed")
    func taskLocalsTravelAcrossSuspensions() async {
        let samples = await withTaskGroup(of: CooperativeThreadPool.ResumptionSample.self) { group in
            for id in 0..<4 { group.addTask { await Lesson.sampleResumptions(hops: 100, requestID: id) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for sample in samples {
            // Which threads were used is up to the scheduler, so nothing is asserted about them: the
            // task-local travels with the task, whichever threads resume it.
            #expect(sample.taskLocalSurvivedEveryHop)
        }
        #expect(Lesson.requestID == nil)
    }

    static func fetchAnswer() async -> Int {
        await Task.yield()
        return 42
    }
}
