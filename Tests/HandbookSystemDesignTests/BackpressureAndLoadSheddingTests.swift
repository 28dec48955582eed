import HandbookSystemDesign
import HandbookTestSupport
import Testing

@Suite("Backpressure and load shedding", .timeLimit(.minutes(1)))
struct BackpressureAndLoadSheddingTests {
    typealias Lesson = BackpressureAndLoadShedding

    enum Outcome: Equatable, Sendable {
        case ran
        case failed(BulkheadError)
        case cancelled
    }

    /// Runs one request through `bulkhead`: the operation holds at `release`.
    static func request(
        _ bulkhead: Bulkhead<ManualClock>, release: Gate, gauge: ConcurrencyGauge, executed: EventLog<Int>, id: Int,
        started: Gate? = nil
    ) async -> Outcome {
        do {
            try await bulkhead.run {
                started?.open()
                gauge.enter()
                defer { gauge.leave() }
                executed.append(id)
                await release.wait()
            }
            return .ran
        } catch let error as BulkheadError {
            return .failed(error)
        } catch {
            return .cancelled
        }
    }

    /// Records bulkhead events and opens `arrived` once `count` requests
    /// have been admitted, queued or rejected.
    static func arrivals(_ count: Int, log: EventLog<Bulkhead<ManualClock>.Event>, arrived: Gate)
        -> @Sendable (Bulkhead<ManualClock>.Event) -> Void
    {
        { event in
            log.append(event)
            if log.events.count(where: { [.admitted, .queued, .rejected].contains($0) }) >= count { arrived.open() }
        }
    }

    @Test("limit 4 + queue 8, 20 simultaneous requests: 4 run, 8 queue, 8 are rejected at once, 12 finally run")
    func boundedQueueShedsTheExcess() async throws {
        let events = EventLog<Bulkhead<ManualClock>.Event>()
        let arrived = Gate()
        let bulkhead = try Bulkhead(
            maxConcurrent: 4, queue: .bounded(8), clock: ManualClock(),
            onEvent: Self.arrivals(20, log: events, arrived: arrived))
        let release = Gate()
        let gauge = ConcurrencyGauge()
        let executed = EventLog<Int>()
        let outcomes: [Outcome] = await withTaskGroup(of: Outcome.self) { group in
            for id in 0..<20 {
                group.addTask {
                    await Self.request(bulkhead, release: release, gauge: gauge, executed: executed, id: id)
                }
            }
            await arrived.wait()
            #expect(await bulkhead.statistics == .init(running: 4, queued: 8, rejected: 8, timedOut: 0))
            #expect(events.events.count(where: { $0 == .rejected }) == 8)
            release.open()
            return await group.reduce(into: [Outcome]()) { $0.append($1) }
        }
        #expect(outcomes.count(where: { $0 == .failed(.queueFull(maxQueued: 8)) }) == 8)
        #expect(outcomes.count(where: { $0 == .ran }) == 12)
        #expect(executed.events.count == 12)
        #expect(gauge.peak == 4)
        #expect(await bulkhead.statistics == .init(running: 0, queued: 0, rejected: 8, timedOut: 0))
    }

    @Test("an unbounded queue never sheds: all 16 extra requests wait, however many arrive")
    func unboundedQueueGrows() async throws {
        let events = EventLog<Bulkhead<ManualClock>.Event>()
        let arrived = Gate()
        let bulkhead = try Bulkhead(
            maxConcurrent: 4, queue: .unbounded, clock: ManualClock(),
            onEvent: Self.arrivals(20, log: events, arrived: arrived))
        let release = Gate()
        let gauge = ConcurrencyGauge()
        let executed = EventLog<Int>()
        await withTaskGroup(of: Outcome.self) { group in
            for id in 0..<20 {
                group.addTask {
                    await Self.request(bulkhead, release: release, gauge: gauge, executed: executed, id: id)
                }
            }
            await arrived.wait()
            #expect(await bulkhead.statistics == .init(running: 4, queued: 16, rejected: 0, timedOut: 0))
            release.open()
            for await outcome in group { #expect(outcome == .ran) }
        }
        #expect(executed.events.count == 20)
        #expect(gauge.peak == 4)
    }

    @Test("queued requests whose deadline passes are dropped and never run")
    func expiredWaitersNeverRun() async throws {
        let clock = ManualClock()
        let bulkhead = try Bulkhead(
            maxConcurrent: 1, queue: .bounded(4), queueTimeout: .milliseconds(100), clock: clock)
        let release = Gate()
        let gauge = ConcurrencyGauge()
        let executed = EventLog<Int>()
        let started = Gate()
        let first = Task {
            await Self.request(bulkhead, release: release, gauge: gauge, executed: executed, id: 0, started: started)
        }
        await started.wait()
        let queued = (1...2).map { id in
            Task { await Self.request(bulkhead, release: release, gauge: gauge, executed: executed, id: id) }
        }
        await clock.waitForSleepers(count: 2)  // both queued, their deadline timers armed
        clock.advance(by: .milliseconds(100))
        for task in queued { #expect(await task.value == .failed(.queueTimeout(.milliseconds(100)))) }
        #expect(await bulkhead.statistics == .init(running: 1, queued: 0, rejected: 0, timedOut: 2))
        release.open()
        #expect(await first.value == .ran)
        #expect(executed.events == [0])  // the expired requests never ran
    }

    @Test("a waiter served before its deadline runs, and waiters are served in arrival order")
    func waitersRunInArrivalOrder() async throws {
        let clock = ManualClock()
        let bulkhead = try Bulkhead(maxConcurrent: 1, queue: .bounded(3), queueTimeout: .seconds(1), clock: clock)
        let release = Gate()
        let gauge = ConcurrencyGauge()
        let executed = EventLog<Int>()
        let started = Gate()
        var tasks = [
            Task {
                await Self.request(
                    bulkhead, release: release, gauge: gauge, executed: executed, id: 0, started: started)
            }
        ]
        await started.wait()
        for id in 1...3 {  // one at a time, so arrival order is known
            tasks.append(
                Task { await Self.request(bulkhead, release: release, gauge: gauge, executed: executed, id: id) })
            await clock.waitForSleepers(count: id)
        }
        clock.advance(by: .milliseconds(999))
        release.open()
        for task in tasks { #expect(await task.value == .ran) }
        #expect(executed.events == [0, 1, 2, 3])
        #expect(gauge.peak == 1)
    }

    @Test("cancelling a queued waiter frees its queue slot for the next request")
    func cancelledWaiterFreesItsSlot() async throws {
        let clock = ManualClock()
        let bulkhead = try Bulkhead(maxConcurrent: 1, queue: .bounded(1), queueTimeout: .seconds(60), clock: clock)
        let release = Gate()
        let gauge = ConcurrencyGauge()
        let executed = EventLog<Int>()
        let started = Gate()
        let running = Task {
            await Self.request(bulkhead, release: release, gauge: gauge, executed: executed, id: 0, started: started)
        }
        await started.wait()
        let waiting = Task { await Self.request(bulkhead, release: release, gauge: gauge, executed: executed, id: 1) }
        await clock.waitForSleepers(count: 1)
        #expect(
            await Self.request(bulkhead, release: release, gauge: gauge, executed: executed, id: 2)
                == .failed(.queueFull(maxQueued: 1)))
        waiting.cancel()
        #expect(await waiting.value == .cancelled)
        #expect(await bulkhead.statistics == .init(running: 1, queued: 0, rejected: 1, timedOut: 0))
        let replacement = Task {
            await Self.request(bulkhead, release: release, gauge: gauge, executed: executed, id: 3)
        }
        await clock.waitForSleepers(count: 1)  // the replacement is queued, not rejected
        #expect(await bulkhead.statistics == .init(running: 1, queued: 1, rejected: 1, timedOut: 0))
        release.open()
        #expect(await running.value == .ran)
        #expect(await replacement.value == .ran)
        #expect(executed.events == [0, 3])
    }

    @Test("an operation that throws still releases its slot to the next waiter")
    func throwingOperationReleasesTheSlot() async throws {
        struct Boom: Error {}
        let bulkhead = try Bulkhead(maxConcurrent: 1, queue: .bounded(0), clock: ManualClock())
        await #expect(throws: Boom.self) { try await bulkhead.run { throw Boom() } }
        #expect(try await bulkhead.run { 42 } == 42)
        #expect(await bulkhead.statistics == .init(running: 0, queued: 0, rejected: 0, timedOut: 0))
    }

    @Test(
        "bad configuration is a thrown error with a clear message",
        arguments: [
            (
                0, Bulkhead<ManualClock>.QueueLimit.bounded(8), Duration?.none,
                BulkheadConfigurationError.nonPositiveConcurrency(0)
            ),
            (4, .bounded(-1), nil, .negativeQueueLength(-1)),
            (4, .unbounded, .zero, .nonPositiveQueueTimeout(.zero)),
            (4, .bounded(8), .milliseconds(-5), .nonPositiveQueueTimeout(.milliseconds(-5))),
        ])
    func badConfigurationThrows(
        maxConcurrent: Int, queue: Bulkhead<ManualClock>.QueueLimit, timeout: Duration?,
        expected: BulkheadConfigurationError
    ) {
        #expect(throws: expected) {
            try Bulkhead(maxConcurrent: maxConcurrent, queue: queue, queueTimeout: timeout, clock: ManualClock())
        }
        #expect(expected.description.contains("got"))
    }

    @Test("Little's law sizes the bulkhead: 200 req/s × 50 ms = 10 in flight; 4 slots × 200 ms / 100 ms = 8 queued")
    func littlesLaw() {
        #expect(Lesson.requestsInFlight(arrivalsPerSecond: 200, timeInSystem: .milliseconds(50)) == 10)
        #expect(
            Lesson.queueCapacity(maxQueueWait: .milliseconds(200), maxConcurrent: 4, serviceTime: .milliseconds(100))
                == 8)
    }
}
