import HandbookConcurrency
import HandbookTestSupport
import Testing

@Suite("Tasks and structured concurrency", .timeLimit(.minutes(1)))
struct TasksAndStructuredConcurrencyTests {
    typealias Lesson = TasksAndStructuredConcurrency

    struct Boom: Error, Equatable {}

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

    @Test("a task's value is its result (Go's SimpleGoroutine)")
    func taskValueIsTheResult() async {
        #expect(await Lesson.hello() == "Hello from task")
    }

    @Test("a group of 5 returns {0, 2, 4, 6, 8}: compare as a set, because order is not guaranteed")
    func groupResultsAreOrderIndependent() async {
        let results = await Lesson.doubled(5)
        #expect(results.count == 5)
        #expect(Set(results) == [0, 2, 4, 6, 8])
    }

    @Test("async let runs both children at once: the first waits for a signal only the second sends")
    func asyncLetChildrenRunConcurrently() async {
        let secondStarted = Gate()
        let pair = await Lesson.both(
            {
                await secondStarted.wait()
                return 42
            },
            {
                secondStarted.open()
                return 100
            })
        #expect(pair == (42, 100))
    }

    @Test("10 000 children each increment one shared atomic counter: exactly 10 000")
    func tenThousandChildrenCountExactly() async {
        #expect(await Lesson.countWithChildren(10_000) == 10_000)
    }

    @Test("the group returns only after all 100 children ran, though nobody awaited them explicitly")
    func groupAwaitsEveryChild() async {
        let log = EventLog<Int>()
        let allParked = Countdown(100)
        let release = Gate()
        let runner = Task {
            await Lesson.runAll(100) { index in
                allParked.tick()
                await release.wait()
                log.append(index)
            }
            return log.events.count
        }
        // Every child is parked at `release`, so runAll cannot have returned yet.
        await allParked.reached.wait()
        release.open()
        #expect(await runner.value == 100, "all side effects are visible when runAll returns")
        #expect(Set(log.events) == Set(0..<100))
    }

    @Test("pitfall: Task {} in a loop returns before any work ran, and the tasks outlive their creator")
    func unstructuredTasksOutliveTheirCreator() async {
        let log = EventLog<Int>()
        let release = Gate()
        let tasks = Lesson.fireAndForget(100) { index in
            await release.wait()
            log.append(index)
        }
        #expect(log.events.isEmpty, "fireAndForget returned while all 100 tasks were still waiting")
        release.open()
        for task in tasks { await task.value }
        #expect(Set(log.events) == Set(0..<100))
    }

    @Test("the first thrown error cancels the 3 running siblings, and the group waits for them")
    func firstErrorCancelsSiblings() async {
        let clock = ManualClock()
        let running = ConcurrencyGauge()
        let cancelled = Locked(0)
        let sibling: @Sendable () async throws -> Void = {
            running.enter()
            defer { running.leave() }
            do {
                try await clock.sleep(for: .seconds(60))
            } catch {
                cancelled.withLock { $0 += 1 }
                throw error
            }
        }
        let failing: @Sendable () async throws -> Void = {
            await clock.waitForSleepers(count: 3)
            #expect(running.inFlight == 3)
            throw Boom()
        }
        await #expect(throws: Boom.self) {
            try await Lesson.runFailFast([failing, sibling, sibling, sibling])
        }
        #expect(cancelled.withLock { $0 } == 3)
        #expect(running.inFlight == 0, "every sibling had finished before the error reached us")
        #expect(clock.now.offset == .zero, "cancellation woke them; time never moved")
    }

    @Test("pitfall: waitForAll() cancels nobody; the error arrives only after every sibling ran to the end")
    func waitForAllIsNotFailFast() async {
        let clock = ManualClock()
        let cancelled = Locked(0)
        let completed = Locked(0)
        let sibling: @Sendable () async throws -> Void = {
            do {
                try await clock.sleep(for: .seconds(60))
                completed.withLock { $0 += 1 }
            } catch {
                cancelled.withLock { $0 += 1 }
                throw error
            }
        }
        let failing: @Sendable () async throws -> Void = { throw Boom() }
        let runner = Task { try await Lesson.runWaitingForAll([failing, sibling, sibling, sibling]) }
        await clock.waitForSleepers(count: 3)
        clock.advance(by: .seconds(60))
        await #expect(throws: Boom.self) { try await runner.value }
        #expect(cancelled.withLock { $0 } == 0)
        #expect(completed.withLock { $0 } == 3)
    }

    @Test("pitfall: a child's error that nobody reads is dropped, though the child did run")
    func unreadErrorsAreDropped() async {
        let ran = Locked(0)
        let failing: @Sendable () async throws -> Void = {
            ran.withLock { $0 += 1 }
            throw Boom()
        }
        await Lesson.runDroppingErrors([failing, failing])
        #expect(ran.withLock { $0 } == 2)
    }

    @Test(
        "cancelling the parent reaches async let and group children, not Task {} or Task.detached",
        arguments: Lesson.ChildStyle.allCases)
    func onlyStructuredChildrenInheritCancellation(style: Lesson.ChildStyle) async {
        let childWaiting = Gate()
        let release = Gate()
        let parent = Task {
            await Lesson.childSeesCancellation(style) {
                childWaiting.open()
                await release.wait()
            }
        }
        await childWaiting.wait()
        parent.cancel()
        release.open()
        let sawCancellation = await parent.value
        switch style {
        case .asyncLet, .taskGroup: #expect(sawCancellation)
        case .unstructured, .detached: #expect(!sawCancellation)
        }
    }

    @Test("Task {} inherits the creator's priority; Task.detached starts at the default")
    func detachedDoesNotInheritPriority() async {
        // Created at .high so that our awaiting cannot escalate it (escalation only raises).
        let priorities = await Task(priority: .high) { await Lesson.basePriorities() }.value
        #expect(priorities.inherited == .high)
        #expect(priorities.detached == .medium, "base priority: awaiting escalates only the current priority")
    }

    @Test("a trap in one child kills the whole process: there is no per-task recover")
    func trapInAChildKillsTheProcess() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            await TasksAndStructuredConcurrency.runAll(3) { index in
                precondition(index != 2, "child \(index) trapped")
            }
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("child 2 trapped"))
    }
}
