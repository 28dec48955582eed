import Dispatch
import HandbookConcurrency
import HandbookTestSupport
import Testing

/// A default actor (no custom executor), to observe how the runtime orders
/// the jobs waiting for it.
@globalActor actor PriorityOrderedStage {
    static let shared = PriorityOrderedStage()
}

/// Keeps `PriorityOrderedStage` busy until `release` is signalled. The
/// caller runs it with a task executor preference, so the blocked thread is
/// a Dispatch thread, not one of the cooperative pool's.
@PriorityOrderedStage func holdPriorityOrderedStage(started: Gate, release: DispatchSemaphore) {
    started.open()
    release.wait()
}

/// Keeps the lesson's FIFO stage busy until `release` is signalled (it runs
/// on the stage's own Dispatch queue, not on the cooperative pool).
@TaskStartOrdering.InOrderStage func holdInOrderStage(started: Gate, release: DispatchSemaphore) {
    started.open()
    release.wait()
}

@Suite("Task start ordering", .timeLimit(.minutes(1)))
struct TaskStartOrderingTests {
    typealias Lesson = TaskStartOrdering

    @Test("Task.immediate runs a nonisolated task's prefix before the call returns; the rest runs after its suspension")
    func immediateRunsThePrefixFirst() async {
        let log = EventLog<String>()
        let proceed = Gate()
        let task = Lesson.accept(7) { request in
            log.append("registered \(request)")
        } process: { request in
            await proceed.wait()
            log.append("processed \(request)")
        }
        log.append("accept returned")
        proceed.open()
        await task.value
        #expect(log.events == ["registered 7", "accept returned", "processed 7"])
    }

    @Test("Task.immediate also runs the prefix synchronously when called from a thread that is not in a task")
    func immediateFromACallbackThread() async {
        let log = EventLog<String>()
        let proceed = Gate()
        let returned = Gate()
        let handle = Locked<Task<Void, Never>?>(nil)
        DispatchQueue(label: "handbook.tests.callback").async {
            let task = Lesson.accept(8) { request in
                log.append("registered \(request)")
            } process: { request in
                await proceed.wait()
                log.append("processed \(request)")
            }
            log.append("accept returned")
            handle.withLock { $0 = task }
            returned.open()
        }
        await returned.wait()
        proceed.open()
        await handle.withLock { $0 }?.value
        #expect(log.events == ["registered 8", "accept returned", "processed 8"])
    }

    @Test("Task.immediate isolated to a busy actor the caller is not on waits its turn: enqueued (SE-0472)")
    func immediateOnAnotherActorIsEnqueued() async {
        let log = EventLog<String>()
        let started = Gate()
        let release = DispatchSemaphore(value: 0)
        let holder = Task { @Lesson.InOrderStage in holdInOrderStage(started: started, release: release) }
        await started.wait()
        let task = Task.immediate { @Lesson.InOrderStage in log.append("task ran") }
        log.append("caller continued")
        release.signal()
        await holder.value
        await task.value
        #expect(log.events == ["caller continued", "task ran"])
    }

    @Test("group.next() returns in completion order; gather puts results back in submission order")
    func groupReturnsCompletionOrder() async {
        let gates = (0..<4).map { _ in Gate() }
        let received = (0..<4).map { _ in Gate() }
        let progress = EventLog<Int>()
        let jobs: [@Sendable () async -> String] = (0..<4).map { index in
            {
                await gates[index].wait()
                return "result \(index)"
            }
        }
        let gathering = Task {
            await Lesson.gather(jobs) { index in
                progress.append(index)
                received[index].open()
            }
        }
        // Finish the jobs in the order 2, 0, 3, 1: each job completes (and
        // the group hands it back) before the next one may.
        for index in [2, 0, 3, 1] {
            gates[index].open()
            await received[index].wait()
        }
        #expect(progress.events == [2, 0, 3, 1])
        #expect(await gathering.value == ["result 0", "result 1", "result 2", "result 3"])
    }

    @Test("a task per item: the items finish in whatever order their suspensions end, here reversed")
    func taskPerItemFollowsTheSuspensions() async {
        let log = EventLog<Int>()
        let gates = (0..<3).map { _ in Gate() }
        let handled = (0..<3).map { _ in Gate() }
        let tasks = Lesson.handleEachInItsOwnTask([0, 1, 2]) { item in
            await gates[item].wait()
            log.append(item)
            handled[item].open()
        }
        for item in [2, 1, 0] {
            gates[item].open()
            await handled[item].wait()
        }
        for task in tasks { await task.value }
        #expect(log.events == [2, 1, 0])
    }

    @Test("the serial queue handles items in submission order, one at a time, whatever order they could finish in")
    func serialQueueKeepsSubmissionOrder() async throws {
        let log = EventLog<Int>()
        let gauge = ConcurrencyGauge()
        let gates = (0..<5).map { _ in Gate() }
        let queue = Lesson.SerialQueue<Int> { item in
            gauge.enter()
            await gates[item].wait()
            log.append(item)
            gauge.leave()
        }
        for item in 0..<5 { try queue.submit(item) }
        // Allow the last item first: it still waits for its turn.
        for gate in gates.reversed() { gate.open() }
        await queue.finish()
        #expect(log.events == [0, 1, 2, 3, 4])
        #expect(gauge.peak == 1)
    }

    @Test("the serial queue preserves order over many runs with random suspensions", arguments: [1, 2, 3])
    func serialQueueOrderUnderRandomSuspensions(seed: UInt64) async throws {
        var random = SeededRandomNumberGenerator(seed: seed)
        for _ in 0..<50 {
            let log = EventLog<Int>()
            let yields = (0..<40).map { _ in Int.random(in: 0...3, using: &random) }
            let queue = Lesson.SerialQueue<Int> { item in
                for _ in 0..<yields[item] { await Task.yield() }
                log.append(item)
            }
            for item in 0..<40 { try queue.submit(item) }
            await queue.finish()
            #expect(log.events == Array(0..<40))
        }
    }

    @Test("items submitted while the consumer is busy are all kept, in order; submit after finish throws")
    func serialQueueBuffersWhileBusy() async throws {
        let log = EventLog<Int>()
        let firstStarted = Gate()
        let releaseFirst = Gate()
        let queue = Lesson.SerialQueue<Int> { item in
            if item == 0 {
                firstStarted.open()
                await releaseFirst.wait()
            }
            log.append(item)
        }
        try queue.submit(0)
        await firstStarted.wait()  // the consumer has taken item 0; the buffer is empty
        for item in 1...3 { try queue.submit(item) }
        releaseFirst.open()
        await queue.finish()
        #expect(log.events == [0, 1, 2, 3])
        #expect(throws: Lesson.SerialQueue<Int>.ClosedError()) { try queue.submit(4) }
    }

    @Test("dropping the queue without finish() still handles what was queued, in order")
    func droppedQueueDrainsItsBuffer() async throws {
        let log = EventLog<Int>()
        let lastHandled = Gate()
        do {
            let queue = Lesson.SerialQueue<Int> { item in
                log.append(item)
                if item == 2 { lastHandled.open() }
            }
            for item in 0..<3 { try queue.submit(item) }
        }  // the queue is released here; its deinit finishes the stream
        await lastHandled.wait()
        #expect(log.events == [0, 1, 2])
    }

    @Test("explicitly isolated tasks start in creation order on a FIFO executor (SE-0431)")
    func explicitlyIsolatedTasksStartInCreationOrder() async {
        for _ in 0..<100 {
            let log = EventLog<Int>()
            let tasks = Lesson.handleEachOnTheStage(Array(0..<20)) { item in log.append(item) }
            for task in tasks { await task.value }
            #expect(log.events == Array(0..<20))
        }
    }

    @Test(
        "a default actor runs a later, higher-priority job first (runtime behaviour, not a language guarantee)",
        .enabled(if: Self.isLinux, "observed on Linux with Swift 6.3.1; SE-0306 leaves an actor's job order open"))
    func defaultActorPrefersHigherPriority() async {
        let started = Gate()
        let release = DispatchSemaphore(value: 0)
        let holder = Task(executorPreference: SerialTaskExecutor()) {
            await holdPriorityOrderedStage(started: started, release: release)
        }
        await started.wait()
        // Read the order from a stream: awaiting a task's value would
        // escalate it and change the very order being observed.
        let (order, ran) = AsyncStream.makeStream(of: String.self)
        // Explicitly isolated, so Task.init has enqueued each one on the busy
        // actor before it returns (SE-0431), low first.
        Task(priority: .low) { @PriorityOrderedStage in ran.yield("low") }
        Task(priority: .medium) { @PriorityOrderedStage in ran.yield("medium") }
        Task(priority: .high) { @PriorityOrderedStage in ran.yield("high") }
        release.signal()
        var seen: [String] = []
        for await name in order {
            seen.append(name)
            if seen.count == 3 { break }
        }
        await holder.value
        #expect(seen == ["high", "medium", "low"])
    }

    static var isLinux: Bool {
        #if os(Linux)
            true
        #else
            false
        #endif
    }
}
