import HandbookAdvanced
import HandbookTestSupport
import Testing

@Suite("Task cancellation", .timeLimit(.minutes(1)))
struct TaskCancellationTests {
    typealias Lesson = TaskCancellation

    @Test("doWork finishes when its time passes and throws CancellationError when cancelled")
    func cancelledWorkThrowsCancellationError() async throws {
        let clock = ManualClock()
        let finishing = Task { try await Lesson.doWork(for: .seconds(1), clock: clock) }
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .seconds(1))
        #expect(try await finishing.value == "done")

        let cancelled = Task { try await Lesson.doWork(for: .seconds(1), clock: clock) }
        await clock.waitForSleepers(count: 1)
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        #expect(clock.now.offset == .seconds(1), "cancellation woke the sleeper; time did not move")
    }

    @Test("a long-running loop cancelled after its 10th item stops there, not at 1000")
    func cancelledLoopStopsEarly() async {
        let reachedTenth = Gate()
        let resume = Gate()
        let worker = Task {
            await Lesson.processItems(1_000) { item in
                if item == 9 {
                    reachedTenth.open()
                    await resume.wait()
                }
            }
        }
        await reachedTenth.wait()
        worker.cancel()
        resume.open()
        let processed = await worker.value
        #expect((10...11).contains(processed))
    }

    @Test("without cancellation the loop processes every item")
    func uncancelledLoopProcessesEverything() async {
        let seen = EventLog<Int>()
        let processed = await Lesson.processItems(1_000) { seen.append($0) }
        #expect(processed == 1_000)
        #expect(seen.events == Array(0..<1_000))
    }

    @Test("a CPU loop that never checks runs to completion; the checking loop throws")
    func onlyCooperativeCodeStops() async {
        let go = Gate()
        let uncooperative = Task {
            await go.wait()
            return (Lesson.uncooperativeSum(upTo: 100_000), Task.isCancelled)
        }
        let cooperative = Task {
            await go.wait()
            return try Lesson.cooperativeSum(upTo: 100_000)
        }
        uncooperative.cancel()
        cooperative.cancel()
        go.open()

        let (sum, wasCancelled) = await uncooperative.value
        #expect(wasCancelled, "the task was cancelled the whole time…")
        #expect(sum == 100_000 * 100_001 / 2, "…and the loop ignored it")
        await #expect(throws: CancellationError.self) { try await cooperative.value }
    }

    @Test("onCancel runs exactly once, synchronously inside cancel(), while the body is still running")
    func cancellationHandlerRunsOnce() async throws {
        let started = Gate()
        let release = Gate()
        let flags = EventLog<Lesson.CancellationFlag>()
        let task = Task {
            await Lesson.withCancellationFlag { flag in
                flags.append(flag)
                started.open()
                await release.wait()
                return flag.isRaised
            }
        }
        await started.wait()
        let flag = try #require(flags.events.first)
        #expect(!flag.isRaised)
        task.cancel()
        #expect(flag.raiseCount == 1, "the handler ran on this thread, before cancel() returned")
        task.cancel()
        #expect(flag.raiseCount == 1, "a second cancel() does not run it again")
        release.open()
        #expect(await task.value)
        #expect(flag.raiseCount == 1)
    }

    @Test("onCancel runs before the body when the task is already cancelled")
    func cancellationHandlerRunsFirstWhenAlreadyCancelled() async {
        let go = Gate()
        let task = Task {
            await go.wait()
            return await Lesson.withCancellationFlag { flag in flag.raiseCount }
        }
        task.cancel()
        go.open()
        #expect(await task.value == 1)
    }

    @Test("an async let child sees its parent's cancellation")
    func asyncLetChildIsCancelled() async {
        let started = Gate()
        let release = Gate()
        let parent = Task {
            await Lesson.asyncLetChildSeesCancellation {
                started.open()
                await release.wait()
            }
        }
        await started.wait()
        parent.cancel()
        release.open()
        #expect(await parent.value)
    }

    @Test("cancelling the parent wakes all 100 sleeping group children without moving the clock")
    func groupChildrenAreCancelled() async {
        let clock = ManualClock()
        let parent = Task { await Lesson.sleepingChildren(100, clock: clock) }
        await clock.waitForSleepers(count: 100)
        parent.cancel()
        #expect(await parent.value == 100)
        #expect(clock.now.offset == .zero)
        #expect(clock.sleeperCount == 0)
    }

    @Test(
        "Task {} and Task.detached do not inherit cancellation; forwarding it with a handler does",
        arguments: Lesson.SpawnStyle.allCases)
    func unstructuredTasksDoNotInheritCancellation(style: Lesson.SpawnStyle) async {
        let clock = ManualClock()
        let go = Gate()
        let parent = Task {
            await go.wait()
            return await Lesson.spawnSleeper(style, sleeping: .seconds(60), clock: clock)
        }
        parent.cancel()
        go.open()
        switch style {
        case .unstructured, .detached:
            // Inside a cancelled parent, the new task still goes to sleep…
            await clock.waitForSleepers(count: 1)
            clock.advance(by: .seconds(60))
            // …sleeps the full minute, and was never cancelled.
            #expect(await parent.value == false)
        case .forwardingCancellation:
            #expect(await parent.value == true)
            #expect(clock.now.offset == .zero)
        }
    }
}
