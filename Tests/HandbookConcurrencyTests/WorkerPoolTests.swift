import HandbookConcurrency
import HandbookTestSupport
import PropertyBased
import Synchronization
import Testing

@Suite("Worker pool", .timeLimit(.minutes(1)))
struct WorkerPoolTests {
    struct JobFailed: Error, Equatable {
        var job: Int
    }

    /// Counts job starts and opens `gate` when the `threshold`-th job starts.
    final class StartCounter: Sendable {
        private let count = Atomic(0)
        let threshold: Int
        let reached = Gate()

        init(openingAt threshold: Int) {
            self.threshold = threshold
        }

        func started() {
            if count.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue == threshold { reached.open() }
        }

        var value: Int { count.load(ordering: .sequentiallyConsistent) }
    }

    /// A counter the job closures can share. (A local `Atomic` cannot be
    /// captured by a `@Sendable` closure: see concurrency.atomics.)
    final class Tally: Sendable {
        private let count = Atomic(0)
        func add() { count.wrappingAdd(1, ordering: .relaxed) }
        var value: Int { count.load(ordering: .relaxed) }
    }

    @Test("100 jobs on 10 workers: every square is correct and in input order")
    func allResultsCorrect() async throws {
        let squares = try await WorkerPool.map(Array(1...100), limit: 10) { $0 * $0 }
        #expect(squares == (1...100).map { $0 * $0 })
    }

    @Test("a limit below 1 is a thrown error that names the value", arguments: [0, -3])
    func invalidLimitThrows(limit: Int) async {
        await #expect(throws: WorkerPoolError.invalidLimit(limit)) {
            try await WorkerPool.map([1, 2, 3], limit: limit) { $0 }
        }
        await #expect(throws: WorkerPoolError.invalidLimit(limit)) {
            try await WorkerPool.mapCollectingErrors([1, 2, 3], limit: limit) { $0 }
        }
        await #expect(throws: WorkerPoolError.invalidLimit(limit)) {
            try await WorkerPool.serve(AsyncStream<Int> { $0.finish() }, limit: limit) { _ in }
        }
        #expect(WorkerPoolError.invalidLimit(limit).description.contains("got \(limit)"))
    }

    @Test("with limit 4, exactly 4 jobs are in flight at the peak, never more")
    func peakInFlightEqualsLimit() async throws {
        let gauge = ConcurrencyGauge()
        let fourStarted = StartCounter(openingAt: 4)
        let release = Gate()
        // One serial executor for the pool, its children and the test's release: a loop that never waits
        // for a free worker enqueues all 100 children before any runs, and the job that releases them
        // queues behind every one of them, so the overshoot is certain, not likely.
        let serial = SerialTaskExecutor()
        let pool = Task(executorPreference: serial) {
            try await WorkerPool.map(Array(0..<100), limit: 4) { job in
                gauge.enter()
                defer { gauge.leave() }
                fourStarted.started()
                await release.wait()
                return job
            }
        }
        await fourStarted.reached.wait()
        let inFlight = await Task(executorPreference: serial) {
            defer { release.open() }
            return gauge.inFlight
        }.value
        #expect(inFlight == 4)
        #expect(try await pool.value == Array(0..<100))
        #expect(gauge.peak == 4)
        #expect(gauge.inFlight == 0)
    }

    @Test("the pitfall: one child per job puts all 20 jobs in flight at once")
    func unboundedGroupHasNoLimit() async throws {
        let gauge = ConcurrencyGauge()
        let allStarted = StartCounter(openingAt: 20)
        let release = Gate()
        let pool = Task {
            try await WorkerPool.unboundedMap(Array(0..<20)) { job in
                gauge.enter()
                defer { gauge.leave() }
                allStarted.started()
                await release.wait()
                return job * 2
            }
        }
        // This wait only returns because nothing bounds the group.
        await allStarted.reached.wait()
        release.open()
        #expect(try await pool.value == (0..<20).map { $0 * 2 })
        #expect(gauge.peak == 20)
    }

    @Test("one worker processes jobs strictly in input order")
    func singleWorkerPreservesOrder() async throws {
        let log = EventLog<String>()
        let gauge = ConcurrencyGauge()
        _ = try await WorkerPool.map(Array(0..<20), limit: 1) { job in
            gauge.enter()
            defer { gauge.leave() }
            log.append("start \(job)")
            await Task.yield()
            log.append("end \(job)")
            return job
        }
        #expect(log.events == (0..<20).flatMap { ["start \($0)", "end \($0)"] })
        #expect(gauge.peak == 1)
    }

    @Test("20 workers for 10 jobs: all 10 run at once and the results are correct")
    func moreWorkersThanJobs() async throws {
        let gauge = ConcurrencyGauge()
        let allStarted = StartCounter(openingAt: 10)
        let release = Gate()
        let pool = Task {
            try await WorkerPool.map(Array(1...10), limit: 20) { job in
                gauge.enter()
                defer { gauge.leave() }
                allStarted.started()
                await release.wait()
                return job + 100
            }
        }
        await allStarted.reached.wait()
        release.open()
        #expect(try await pool.value == Array(101...110))
        #expect(gauge.peak == 10)
    }

    @Test("cancelled after 10 results: no new job starts, partial results come back, nothing is left running")
    func cancellationStopsIntakeAndDrains() async throws {
        let limit = 4
        let gauge = ConcurrencyGauge()
        // Jobs 0..<10 finish at once; later jobs wait for `release`. So when
        // 14 jobs have started, 10 results are in and the window (4) is full.
        let windowFull = StartCounter(openingAt: 10 + limit)
        let release = Gate()
        let pool = Task {
            try await WorkerPool.map(Array(0..<100), limit: limit) { job in
                gauge.enter()
                defer { gauge.leave() }
                windowFull.started()
                if job >= 10 { await release.wait() }
                return job * 3
            }
        }
        await windowFull.reached.wait()
        pool.cancel()
        release.open()
        let results = try await pool.value

        #expect(windowFull.value == 10 + limit, "started ≤ 10 + limit; here exactly, because the window was full")
        #expect(results == (0..<(10 + limit)).map { $0 * 3 }, "the partial results: every job that started")
        #expect(gauge.inFlight == 0, "structured: every started job finished before map returned")
    }

    @Test("cancelled while its jobs sleep on a clock: the jobs observe it and map rethrows CancellationError")
    func cancellationReachesJobsThatObserveIt() async {
        let clock = ManualClock()
        let pool = Task {
            try await WorkerPool.map(Array(0..<10), limit: 2) { job in
                try await clock.sleep(for: .seconds(60))  // cancellable, like Task.sleep
                return job
            }
        }
        await clock.waitForSleepers(count: 2)  // the window is full
        pool.cancel()
        await #expect(throws: CancellationError.self) { try await pool.value }
    }

    @Test("fail-fast: the first error cancels the running jobs, starts no others, and is rethrown")
    func failFastCancelsTheRest() async throws {
        let clock = ManualClock()
        let started = Tally()
        let cancelled = Tally()
        await #expect(throws: JobFailed(job: 0)) {
            try await WorkerPool.map(Array(0..<100), limit: 4) { job in
                started.add()
                if job == 0 {
                    await clock.waitForSleepers(count: 3)  // the other three are running
                    throw JobFailed(job: 0)
                }
                do {
                    try await clock.sleep(for: .seconds(3_600))
                } catch {
                    cancelled.add()
                    throw error
                }
                return job
            }
        }
        #expect(started.value == 4, "no job started after the failure")
        #expect(cancelled.value == 3, "the three siblings were cancelled and awaited")
        #expect(clock.now.offset == .zero)
    }

    @Test("collect: every job runs and each result says whether it failed, in input order")
    func collectPolicyReturnsResults() async throws {
        let results = try await WorkerPool.mapCollectingErrors(Array(0..<10), limit: 3) { job in
            if job.isMultiple(of: 3) { throw JobFailed(job: job) }
            return job * 10
        }
        #expect(results.count == 10)
        for (job, result) in results.enumerated() {
            switch result {
            case .success(let value): #expect(!job.isMultiple(of: 3) && value == job * 10)
            case .failure(let error): #expect(error as? JobFailed == JobFailed(job: job))
            }
        }
    }

    @Test("serve: a discarding group bounded by an actor semaphore handles a stream with exactly 3 in flight")
    func serveBoundsALongRunningStream() async throws {
        let (jobs, input) = AsyncStream<Int>.makeStream()
        for job in 0..<20 { input.yield(job) }
        input.finish()
        let gauge = ConcurrencyGauge()
        let handled = EventLog<Int>()
        let threeStarted = StartCounter(openingAt: 3)
        let release = Gate()
        // Serial, as in peakInFlightEqualsLimit: the release queues behind every child already added.
        let serial = SerialTaskExecutor()
        let server = Task(executorPreference: serial) {
            try await WorkerPool.serve(jobs, limit: 3) { job in
                gauge.enter()
                defer { gauge.leave() }
                threeStarted.started()
                await release.wait()
                handled.append(job)
            }
        }
        await threeStarted.reached.wait()
        let inFlight = await Task(executorPreference: serial) {
            defer { release.open() }
            return gauge.inFlight
        }.value
        #expect(inFlight == 3)
        try await server.value
        #expect(handled.events.sorted() == Array(0..<20))
        #expect(gauge.peak == 3)
    }

    @Test("the semaphore suspends the caller when no permit is free and hands the next one over in FIFO order")
    func semaphoreHandsOffInOrder() async {
        let semaphore = WorkerPool.AsyncSemaphore(permits: 1)
        await semaphore.acquire()
        let order = EventLog<Int>()
        let first = Task {
            await semaphore.acquire()
            order.append(1)
        }
        while await semaphore.waiterCount < 1 { await Task.yield() }
        let second = Task {
            await semaphore.acquire()
            order.append(2)
        }
        while await semaphore.waiterCount < 2 { await Task.yield() }
        #expect(order.events.isEmpty)
        await semaphore.release()
        await first.value
        #expect(order.events == [1])
        await semaphore.release()
        await second.value
        #expect(order.events == [1, 2])
        #expect(await semaphore.availablePermits == 0)
    }

    @Test("a negative permit count is a precondition failure")
    func negativePermitsTrap() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = WorkerPool.AsyncSemaphore(permits: -1)
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("got -1"))
    }

    @Test("property: for random jobs and limits, map returns exactly jobs.map(f)")
    func matchesSequentialMap() async {
        await propertyCheck(count: 100, input: Gen.int(in: -1_000...1_000).array(of: 0...60), Gen.int(in: 1...12)) {
            jobs, limit in
            let transform: @Sendable (Int) -> Int = { $0 &* 31 &+ 7 }
            do {
                let results = try await WorkerPool.map(jobs, limit: limit) { job in
                    await Task.yield()
                    return transform(job)
                }
                #expect(results == jobs.map(transform))
            } catch {
                Issue.record(error)
            }
        }
    }
}
