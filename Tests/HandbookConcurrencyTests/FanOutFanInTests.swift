import HandbookConcurrency
import HandbookTestSupport
import PropertyBased
import Testing

@Suite("Fan-out, fan-in", .timeLimit(.minutes(1)))
struct FanOutFanInTests {
    typealias Lesson = FanOutFanIn

    /// Opens `reached` once `tick()` has been called `target` times.
    final class Countdown: Sendable {
        let reached = Gate()
        private let remaining: Locked<Int>

        init(_ target: Int) {
            remaining = Locked(target)
        }

        func tick() {
            let left = remaining.withLock { left in
                left -= 1
                return left
            }
            if left == 0 { reached.open() }
        }
    }

    @Test("4 workers, 100 jobs: every job is processed exactly once, and the output multiset equals the input")
    func eachJobIsProcessedExactlyOnce() async throws {
        let seen = Locked<[Int: Int]>([:])
        let jobs = Array(0..<100)
        let outputs = try await Lesson.process(jobs, workers: 4) { job in
            seen.withLock { $0[job, default: 0] += 1 }
            return job * job
        }
        let counts = seen.withLock { $0 }
        #expect(counts.count == 100)
        #expect(counts.values.allSatisfy { $0 == 1 }, "no job was handed to two workers")
        #expect(outputs.sorted() == jobs.map { $0 * $0 })
    }

    @Test("N workers really run at once: with jobs held until all are busy, the peak in flight is exactly 4")
    func peakInFlightEqualsWorkerCount() async throws {
        let gauge = ConcurrencyGauge()
        let allBusy = Countdown(4)
        let outputs = try await Lesson.process(Array(0..<40), workers: 4) { job in
            gauge.enter()
            defer { gauge.leave() }
            allBusy.tick()
            await allBusy.reached.wait()
            return job
        }
        #expect(gauge.peak == 4)
        #expect(outputs.count == 40)
    }

    @Test("results arrive in completion order; processInOrder puts each back in its job's slot")
    func orderedVariantRestoresInputOrder() async throws {
        // Job 0 finishes only after the other 99: it cannot come first.
        func slowFirstJob(_ othersDone: Countdown) -> @Sendable (Int) async -> String {
            { job in
                if job == 0 {
                    await othersDone.reached.wait()
                } else {
                    othersDone.tick()
                }
                return "r\(job)"
            }
        }
        let jobs = Array(0..<100)
        let unordered = try await Lesson.process(jobs, workers: 4, transform: slowFirstJob(Countdown(99)))
        #expect(unordered.first != "r0", "completion order is not input order")
        #expect(Set(unordered) == Set(jobs.map { "r\($0)" }))

        let ordered = try await Lesson.processInOrder(jobs, workers: 4, transform: slowFirstJob(Countdown(99)))
        #expect(ordered == jobs.map { "r\($0)" })
    }

    /// Opens its gate when the last reference goes: captured by a job closure,
    /// it tells the test that every worker has finished and dropped the closure.
    final class ReleaseSignal: Sendable {
        let released: Gate
        init(_ released: Gate) { self.released = released }
        deinit { released.open() }
    }

    /// The job closure for the cancellation test; the signal lives only in the closure.
    static func sleepingJob(
        clock: ManualClock, started: Locked<Int>, cancelled: Locked<Int>, allCancelled: Countdown,
        released: Gate
    ) -> @Sendable (Int) async -> Int {
        let signal = ReleaseSignal(released)
        return { job in
            _ = signal
            started.withLock { $0 += 1 }
            do {
                try await clock.sleep(for: .seconds(60))
            } catch {
                cancelled.withLock { $0 += 1 }
                allCancelled.tick()
            }
            return job
        }
    }

    @Test("cancelling the consumer cancels all 4 busy workers, and no further job starts")
    func cancellingTheConsumerCancelsEveryWorker() async throws {
        let clock = ManualClock()
        let started = Locked(0)
        let cancelled = Locked(0)
        let allCancelled = Countdown(4)
        let workersDone = Gate()
        let stream = try Lesson.results(
            Array(0..<100), workers: 4,
            transform: Self.sleepingJob(
                clock: clock, started: started, cancelled: cancelled, allCancelled: allCancelled,
                released: workersDone))
        let consumer = Task {
            var received = 0
            for await _ in stream { received += 1 }
            return received
        }
        await clock.waitForSleepers(count: 4)
        consumer.cancel()
        // If the workers are never cancelled, the time limit cancels these
        // waits and the expectations below fail, instead of the run hanging.
        await withTaskCancellationHandler {
            await allCancelled.reached.wait()
            // Every worker has returned and released the job closure: no job can start after this.
            await workersDone.wait()
        } onCancel: {
            allCancelled.reached.open()
            workersDone.open()
        }
        #expect(cancelled.withLock { $0 } == 4)
        // Not necessarily 0: AsyncStream's cancellation calls onTermination (which cancels the
        // workers) before it finishes the stream, so a worker woken at once can still yield its
        // job's result. Each worker checks for cancellation before its next job: at most 4.
        // (Asserting 0 failed 1 run in about 4 under ThreadSanitizer in CI.)
        #expect(await consumer.value <= 4)
        #expect(clock.now.offset == .zero, "cancellation woke the workers; time never moved")
        #expect(started.withLock { $0 } == 4, "cancelled workers stopped pulling jobs")
    }

    @Test("AsyncThrowingStream is single-consumer: a second waiting reader traps (child process)")
    func throwingStreamTrapsOnASecondConsumer() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let (jobs, _) = AsyncThrowingStream.makeStream(of: Int.self)
            // Task.immediate runs the first reader up to its suspension in next(): it is waiting now.
            let first = Task.immediate { for try await _ in jobs {} }
            for try await _ in jobs {}  // the second reader
            _ = first
        }
        #expect(
            String(decoding: result.standardErrorContent, as: UTF8.self)
                .contains("attempt to await next() on more than one task"))
    }

    @Test("more workers than jobs, and no jobs at all, both just work")
    func edgeSizes() async throws {
        #expect(try await Lesson.processInOrder(Array(0..<10), workers: 20) { $0 + 1 } == Array(1...10))
        #expect(try await Lesson.process([Int](), workers: 3) { $0 }.isEmpty)
    }

    @Test("fewer than one worker is a configuration error with a message", arguments: [0, -3])
    func invalidWorkerCountThrows(workers: Int) async {
        await #expect(throws: Lesson.ConfigurationError(workers: workers)) {
            try await Lesson.process([1, 2, 3], workers: workers) { $0 }
        }
        #expect(
            "\(Lesson.ConfigurationError(workers: workers))" == "fan-out needs at least 1 worker, got \(workers)")
    }

    @Test("property: for random sizes and worker counts, output multiset == input, ordered output == input")
    func outputMatchesInputForRandomShapes() async {
        await propertyCheck(count: 100, input: Gen.int(in: -1_000...1_000).array(of: 0...200), Gen.int(in: 1...8)) {
            jobs, workers in
            do {
                let unordered = try await Lesson.process(jobs, workers: workers) { $0 }
                #expect(unordered.sorted() == jobs.sorted())
                let ordered = try await Lesson.processInOrder(jobs, workers: workers) { $0 }
                #expect(ordered == jobs)
            } catch {
                Issue.record("workers: \(workers), jobs: \(jobs.count): \(error)")
            }
        }
    }
}
