import Foundation
import HandbookMemory
import HandbookTestSupport
import Testing

@Suite("Task and resource leaks", .timeLimit(.minutes(1)))
struct TaskAndResourceLeaksTests {
    typealias Lesson = TaskAndResourceLeaks

    @Test("leaky: after the timeout wins, the consumer of an unfinished stream is still running")
    func leakyConsumerOutlivesTheTimeout() async {
        let clock = ManualClock()
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let exits = EventLog<Int>()
        let exited = Gate()
        continuation.yield(1)
        continuation.yield(2)

        let racing = Task {
            await Lesson.leakySum(of: stream, timeout: .seconds(1), clock: clock) { sum in
                exits.append(sum)
                exited.open()
            }
        }
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .seconds(1))
        #expect(await racing.value == .timedOut)
        // The stream is unfinished and nobody cancelled the consumer: it cannot have exited.
        #expect(exits.events.isEmpty, "the caller moved on; its consumer did not")

        continuation.yield(3)
        continuation.finish()
        await exited.wait()
        #expect(exits.events == [6], "only finish() ended it, and it had kept consuming")
    }

    @Test("fixed: the timeout cancels and awaits the consumer, so it has exited when the call returns")
    func structuredConsumerEndsWithTheCall() async {
        let clock = ManualClock()
        let terminations = EventLog<String>()
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        continuation.onTermination = { termination in
            if case .cancelled = termination {
                terminations.append("cancelled")
            } else {
                terminations.append("finished")
            }
        }
        let exits = EventLog<Int>()
        continuation.yield(1)

        let racing = Task {
            await Lesson.sum(of: stream, timeout: .seconds(1), clock: clock) { exits.append($0) }
        }
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .seconds(1))
        #expect(await racing.value == .timedOut)
        #expect(exits.events.count == 1, "the consumer exited before sum returned")
        #expect(terminations.events == ["cancelled"])
        guard case .terminated = continuation.yield(2) else {
            Issue.record("a cancelled stream must accept nothing more")
            return
        }
    }

    @Test("both versions return the sum when the stream is finished before the timeout", arguments: [false, true])
    func finishedStreamBeatsTheTimeout(leaky: Bool) async {
        let clock = ManualClock()
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        for value in 1...4 { continuation.yield(value) }
        continuation.finish()
        let outcome =
            leaky
            ? await Lesson.leakySum(of: stream, timeout: .seconds(1), clock: clock)
            : await Lesson.sum(of: stream, timeout: .seconds(1), clock: clock)
        #expect(outcome == .sum(10))
        #expect(clock.now.offset == .zero, "no time had to pass")
    }

    @Test("leaky ticker: a task capturing self strongly keeps the ticker alive after its owner lets go")
    func leakyTickerNeverDeinits() async {
        let clock = ManualClock()
        let ticked = Gate()
        weak var probe: Lesson.LeakyTicker?
        do {
            let ticker = Lesson.LeakyTicker(every: .seconds(1), clock: clock) { _ in ticked.open() }
            probe = ticker
        }
        await clock.waitForSleepers(count: 1)
        #expect(probe != nil, "deinit never ran, so deinit's cancel() never ran")
        clock.advance(by: .seconds(1))
        await ticked.wait()
        #expect(probe?.tickCount == 1, "the orphaned loop is still ticking")

        // Only an explicit shutdown through a surviving reference stops it.
        await clock.waitForSleepers(count: 1)
        probe?.shutdown()
        #expect(clock.sleeperCount == 0)
    }

    @Test("fixed ticker: [weak self] lets it deinit, and deinit cancels the loop")
    func tickerDeinitsAndStopsItsTask() async {
        let clock = ManualClock()
        let ticks = EventLog<Int>()
        let ticked = Gate()
        weak var probe: Lesson.Ticker?
        do {
            let ticker = Lesson.Ticker(every: .seconds(1), clock: clock) { tick in
                ticks.append(tick)
                ticked.open()
            }
            probe = ticker
            await clock.waitForSleepers(count: 1)
            clock.advance(by: .seconds(1))
            await ticked.wait()
            #expect(ticker.tickCount == 1)
            // Parked in sleep again, holding no strong reference.
            await clock.waitForSleepers(count: 1)
        }
        #expect(probe == nil, "the task held the ticker only weakly")
        #expect(clock.sleeperCount == 0, "deinit cancelled the sleeping loop")
        clock.advance(by: .seconds(5))
        #expect(ticks.events == [1])
    }

    @Test("fixed ticker: shutdown() stops the ticks while the owner still holds it")
    func tickerShutdownStopsTicks() async {
        let clock = ManualClock()
        let ticker = Lesson.Ticker(every: .seconds(1), clock: clock) { _ in }
        await clock.waitForSleepers(count: 1)
        ticker.shutdown()
        #expect(clock.sleeperCount == 0)
        clock.advance(by: .seconds(10))
        #expect(ticker.tickCount == 0)
    }

    @Test("a continuation dropped unresumed is reported on stderr by the leak detector")
    func leakedContinuationIsReported() async throws {
        let result = try await #require(processExitsWith: .success, observing: [\.standardErrorContent]) {
            // Task.immediate runs synchronously up to the first suspension, so
            // the leak is reported before this closure returns and the child
            // process exits (with the leaked task still suspended in it).
            Task.immediate { _ = await TaskAndResourceLeaks.leakyFetch(id: -1) }
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("SWIFT TASK CONTINUATION MISUSE"))
        #expect(stderr.contains("leaked its continuation without resuming it"))
    }

    @Test("the fixed bridge resumes on every path: a value or a thrown error")
    func fixedFetchAlwaysResumes() async throws {
        #expect(await Lesson.leakyFetch(id: 7) == "item 7", "the leaky bridge works on its happy path")
        #expect(try await Lesson.fetch(id: 7) == "item 7")
        await #expect(throws: Lesson.FetchError.invalidID(-1)) { try await Lesson.fetch(id: -1) }
    }

    @Test("leaky workers over an unfinished stream never end; finish() ends them all")
    func leakyWorkersWaitForFinish() async {
        let (jobs, continuation) = AsyncStream.makeStream(of: Int.self)
        let handled = Locked(0)
        let allHandled = Gate()
        let exits = EventLog<Int>()
        let allExited = Gate()
        Lesson.startLeakyWorkers(
            count: 4, jobs: jobs,
            onWorkerExit: { worker in
                exits.append(worker)
                if exits.events.count == 4 { allExited.open() }
            },
            handle: { _ in
                if handled.withLock({
                    $0 += 1
                    return $0
                }) == 10 {
                    allHandled.open()
                }
            })
        for job in 0..<10 { continuation.yield(job) }
        await allHandled.wait()
        #expect(exits.events.isEmpty, "every job is done, yet no worker can end: the stream is open")

        continuation.finish()
        await allExited.wait()
        #expect(exits.events.sorted() == [0, 1, 2, 3])
    }

    @Test(
        "structured workers end when the stream is finished or when their parent is cancelled",
        arguments: [false, true])
    func structuredWorkersEnd(byCancelling: Bool) async {
        let (jobs, continuation) = AsyncStream.makeStream(of: Int.self)
        let handled = Locked(0)
        let allHandled = Gate()
        let exits = EventLog<Int>()
        let pool = Task {
            await Lesson.runWorkers(count: 4, jobs: jobs, onWorkerExit: { exits.append($0) }) { _ in
                if handled.withLock({
                    $0 += 1
                    return $0
                }) == 10 {
                    allHandled.open()
                }
            }
        }
        for job in 0..<10 { continuation.yield(job) }
        await allHandled.wait()
        if byCancelling { pool.cancel() } else { continuation.finish() }
        await pool.value
        #expect(exits.events.sorted() == [0, 1, 2, 3], "runWorkers returned only after every worker ended")
        #expect(handled.withLock { $0 } == 10)
    }

    @Test("a worker pool without workers is a programmer error")
    func zeroWorkersTraps() async {
        await #expect(processExitsWith: .failure) {
            let (jobs, _) = AsyncStream.makeStream(of: Int.self)
            await TaskAndResourceLeaks.runWorkers(count: 0, jobs: jobs) { _ in }
        }
    }
}
