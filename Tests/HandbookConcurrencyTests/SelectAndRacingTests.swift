import AsyncAlgorithms
import HandbookConcurrency
import HandbookTestSupport
import Testing

@Suite("Select and racing", .timeLimit(.minutes(1)))
struct SelectAndRacingTests {
    typealias Lesson = SelectAndRacing

    struct Boom: Error {}

    /// Drains any async sequence into an array.
    static func collect<S: AsyncSequence>(_ sequence: S) async throws -> [S.Element] {
        var elements: [S.Element] = []
        for try await element in sequence { elements.append(element) }
        return elements
    }

    /// An `AsyncChannel` fed with `values` by a producer task, then finished.
    static func channel(sending values: [Int]) -> AsyncChannel<Int> {
        let channel = AsyncChannel<Int>()
        Task {
            for value in values { await channel.send(value) }
            channel.finish()
        }
        return channel
    }

    @Test("race returns the fast result, and the slow loser's cancellation handler ran")
    func raceCancelsTheLoser() async throws {
        let clock = ManualClock()
        try await confirmation("the loser's onCancel ran") { loserCancelled in
            let winner = try await Lesson.race(
                { "fast" },
                {
                    try await withTaskCancellationHandler {
                        try await clock.sleep(for: .seconds(60))
                        return "slow"
                    } onCancel: {
                        loserCancelled()
                    }
                })
            #expect(winner == "fast")
        }
        #expect(clock.now.offset == .zero, "the loser was cancelled, not outwaited")
    }

    @Test("the first child to finish decides, even when it finishes by throwing")
    func raceReportsTheFirstError() async {
        let clock = ManualClock()
        await #expect(throws: Boom.self) {
            try await Lesson.race(
                { () async throws -> Int in throw Boom() },
                {
                    try await clock.sleep(for: .seconds(60))
                    return 1
                })
        }
        #expect(clock.sleeperCount == 0)
    }

    @Test(
        "completion order decides, not argument order: whichever operation finishes first wins",
        arguments: ["first", "second"])
    func completionOrderDecidesNotArgumentOrder(fast: String) async throws {
        // Go's select picks uniformly among ready cases; a task-group race has no fairness rule at all,
        // only "the first child to complete". So the test controls which one completes.
        let clock = ManualClock()
        @Sendable func operation(_ name: String) async throws -> String {
            if name != fast { try await clock.sleep(for: .seconds(60)) }
            return name
        }
        let winner = try await Lesson.race({ try await operation("first") }, { try await operation("second") })
        #expect(winner == fast)
        #expect(clock.now.offset == .zero, "the slow one was cancelled, never waited for")
    }

    @Test("a worker needing 60 s against a 1 s timeout gives nil once the clock reaches 1 s; the worker is cancelled")
    func timeoutWinsAgainstASlowWorker() async {
        let clock = ManualClock()
        let workerCancelled = Locked(false)
        let caller = Task {
            await Lesson.value(timeout: .seconds(1), clock: clock) { () -> Int in
                do {
                    try await clock.sleep(for: .seconds(60))
                } catch {
                    workerCancelled.withLock { $0 = true }
                }
                return 42
            }
        }
        await clock.waitForSleepers(count: 2)
        clock.advance(by: .seconds(1))
        #expect(await caller.value == nil)
        #expect(workerCancelled.withLock { $0 }, "the worker had finished, cancelled, before value() returned")
        #expect(clock.now.offset == .seconds(1))
    }

    @Test("a worker that answers before the timeout wins, and the timer is cancelled")
    func fastWorkerBeatsTheTimeout() async {
        let clock = ManualClock()
        let result = await Lesson.value(timeout: .seconds(1), clock: clock) { 42 }
        #expect(result == 42)
        #expect(clock.sleeperCount == 0, "no timer is left sleeping")
        #expect(clock.now.offset == .zero)
    }

    @Test("or-done: receive reports an element, a finished source, or the waiter's cancellation")
    func receiveOrCancelled() async {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        continuation.yield(5)
        #expect(await Lesson.receive(from: stream) == .element(5))

        let waiter = Task { await Lesson.receive(from: stream) }
        waiter.cancel()
        #expect(await waiter.value == .cancelled, "cancelling the waiter is Go's close(done)")
        // Unlike Go's select, it closed the source too: for the producer and every other reader.
        guard case .terminated = continuation.yield(6) else {
            Issue.record("the producer's yield should report .terminated")
            return
        }
        #expect(await Lesson.receive(from: stream) == .finished)

        let (other, otherContinuation) = AsyncStream.makeStream(of: Int.self)
        otherContinuation.finish()
        #expect(await Lesson.receive(from: other) == .finished)
        continuation.finish()
    }

    @Test("merge of two AsyncChannels delivers the union of both, like AsyncAlgorithms' merge")
    func mergeDeliversEverythingLikeTheLibrary() async throws {
        let left = [1, 2, 3, 4, 5]
        let right = [10, 20, 30]
        let ours = try await Self.collect(
            Lesson.merge(Self.channel(sending: left), Self.channel(sending: right)))
        let oracle = try await Self.collect(
            AsyncAlgorithms.merge(Self.channel(sending: left), Self.channel(sending: right)))
        #expect(ours.sorted() == oracle.sorted(), "same multiset as the library")
        #expect(ours.sorted() == (left + right).sorted())
        #expect(ours.filter { $0 < 10 } == left, "each source keeps its own order")
    }

    @Test("the merged stream outlives the first source and ends only when both have finished")
    func mergeFinishesWhenBothFinish() async throws {
        let (left, leftInput) = AsyncStream.makeStream(of: Int.self)
        let (right, rightInput) = AsyncStream.makeStream(of: Int.self)
        let (oracleLeft, oracleLeftInput) = AsyncStream.makeStream(of: Int.self)
        let (oracleRight, oracleRightInput) = AsyncStream.makeStream(of: Int.self)
        var ours = Lesson.merge(left, right).makeAsyncIterator()
        var oracle = AsyncAlgorithms.merge(oracleLeft, oracleRight).makeAsyncIterator()

        for input in [leftInput, oracleLeftInput] {
            input.yield(1)
            input.finish()
        }
        #expect(await ours.next() == 1)
        #expect(await oracle.next() == 1)

        for input in [rightInput, oracleRightInput] { input.yield(2) }
        #expect(await ours.next() == 2, "still open after the left source finished")
        #expect(await oracle.next() == 2)

        for input in [rightInput, oracleRightInput] { input.finish() }
        #expect(await ours.next() == nil)
        #expect(await oracle.next() == nil)
    }

    @Test("cancelling the merged stream's consumer cancels the readers of both sources")
    func cancellingTheConsumerCancelsBothReaders() async {
        let (left, leftInput) = AsyncStream.makeStream(of: Int.self)
        let (right, rightInput) = AsyncStream.makeStream(of: Int.self)
        let terminations = EventLog<String>()
        let bothTerminated = Locked(0)
        let done = Gate()
        for input in [leftInput, rightInput] {
            input.onTermination = { termination in
                terminations.append("\(termination)")
                if bothTerminated.withLock({
                    $0 += 1
                    return $0
                }) == 2 {
                    done.open()
                }
            }
        }
        let consumerStarted = Gate()
        let consumer = Task {
            var received = 0
            leftInput.yield(1)
            for await _ in Lesson.merge(left, right) {
                received += 1
                consumerStarted.open()
            }
            return received
        }
        await consumerStarted.wait()
        consumer.cancel()
        await done.wait()
        #expect(terminations.events == ["cancelled", "cancelled"])
        #expect(await consumer.value == 1)
    }

    @Test("default: has no equivalent; a mailbox's tryReceive returns nil at once when empty, else FIFO")
    func tryReceiveNeverWaits() {
        let mailbox = Lesson.Mailbox<String>()
        #expect(mailbox.tryReceive() == nil)
        mailbox.send("first")
        mailbox.send("second")
        #expect(mailbox.tryReceive() == "first")
        #expect(mailbox.tryReceive() == "second")
        #expect(mailbox.tryReceive() == nil)
    }

    @Test("100 concurrent senders: tryReceive drains each message exactly once", .contendsOnMutex)
    func mailboxIsSafeUnderConcurrency() async {
        let mailbox = Lesson.Mailbox<Int>()
        await withDiscardingTaskGroup { group in
            for value in 0..<100 {
                group.addTask { mailbox.send(value) }
            }
        }
        var drained: [Int] = []
        while let value = mailbox.tryReceive() { drained.append(value) }
        #expect(drained.sorted() == Array(0..<100))
    }
}
