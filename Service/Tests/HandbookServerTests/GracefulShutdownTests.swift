import HandbookServer
import HandbookServerTestSupport
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// The groups here listen to no signal: each test triggers the graceful
/// shutdown itself and waits on recorded events, never on time (except the
/// one test about the drain deadline, whose subject is a deadline).
@Suite("Graceful shutdown", .timeLimit(.minutes(1)))
struct GracefulShutdownTests {
    let quiet = Logger(label: "lifecycle-tests", factory: { _ in SwiftLogNoOpLogHandler() })

    struct Harness {
        let events = LifecycleEvents()
        let health = Health()
        let requests: AsyncStream<RequestServer.Request>
        let send: AsyncStream<RequestServer.Request>.Continuation

        init() {
            (requests, send) = AsyncStream.makeStream()
        }

        var server: RequestServer { RequestServer(requests: requests, health: health, events: events) }
        func dependency(_ name: String) -> DependencyService { DependencyService(name: name, events: events) }

        func index(_ event: String) -> Int? { events.recorded.firstIndex(of: event) }
    }

    @Test("shutdown stops accepting, drains what is in flight, then closes the dependency")
    func drainsThenClosesDependencies() async throws {
        let harness = Harness()
        let group = ServiceGroup(
            configuration: .init(services: [harness.dependency("database"), harness.server], logger: quiet))
        let started = AsyncLatch()
        let release = AsyncLatch()
        harness.send.yield(
            .init(id: 1) {
                started.open()
                await release.wait()
            })
        try await withThrowingTaskGroup(of: Void.self) { running in
            running.addTask { try await group.run() }
            await started.wait()
            await group.triggerGracefulShutdown()
            await harness.events.waitFor("stopped accepting")
            // A request that arrives during the drain is never taken.
            harness.send.yield(.init(id: 2) { harness.events.record("handled 2") })
            #expect(harness.index("database closed") == nil, "the database closed under a request in flight")
            release.open()
            try await running.waitForAll()
        }
        let events = harness.events.recorded
        #expect(!events.contains("accepted 2") && !events.contains("handled 2"))
        let order = ["finished 1", "server stopped", "database closed"].map { events.firstIndex(of: $0) ?? -1 }
        #expect(order == order.sorted() && !order.contains(-1), "\(events)")
    }

    @Test("readiness fails first while the server still accepts; it stops accepting once routing has caught up")
    func keepsAcceptingUntilRoutingCatchesUp() async throws {
        let harness = Harness()
        let routingCaughtUp = AsyncLatch()
        let readiness = ReadinessDrain(health: harness.health, events: harness.events) { await routingCaughtUp.wait() }
        let group = ServiceGroup(
            configuration: .init(
                services: [harness.dependency("database"), harness.server, readiness], logger: quiet))
        try await withThrowingTaskGroup(of: Void.self) { running in
            running.addTask { try await group.run() }
            await harness.events.waitFor("database started")
            await group.triggerGracefulShutdown()
            await harness.events.waitFor("readiness failed")
            #expect(!harness.health.isReady && harness.health.isLive)
            // Proxies have not all heard yet: this request still arrives, and is served.
            harness.send.yield(.init(id: 2) {})
            await harness.events.waitFor("finished 2")
            routingCaughtUp.open()
            await harness.events.waitFor("stopped accepting")
            harness.send.yield(.init(id: 3) {})
            try await running.waitForAll()
        }
        let events = harness.events.recorded
        #expect(!events.contains("accepted 3"))
        let order = ["readiness failed", "finished 2", "routing caught up", "stopped accepting", "database closed"]
            .map { events.firstIndex(of: $0) ?? -1 }
        #expect(order == order.sorted() && !order.contains(-1), "\(events)")
    }

    @Test("readiness turns false when the drain starts; liveness stays true until the server returns")
    func readinessIsNotLiveness() async throws {
        let harness = Harness()
        let group = ServiceGroup(configuration: .init(services: [harness.server], logger: quiet))
        let started = AsyncLatch()
        let release = AsyncLatch()
        harness.send.yield(
            .init(id: 1) {
                started.open()
                await release.wait()
            })
        #expect(!harness.health.isReady && !harness.health.isLive)
        try await withThrowingTaskGroup(of: Void.self) { running in
            running.addTask { try await group.run() }
            await started.wait()
            #expect(harness.health.isReady && harness.health.isLive)
            await group.triggerGracefulShutdown()
            await harness.events.waitFor("not ready")
            // Draining: take no traffic, but do not get restarted either.
            #expect(!harness.health.isReady)
            #expect(harness.health.isLive)
            release.open()
            try await running.waitForAll()
        }
        #expect(!harness.health.isLive)
    }

    @Test("services shut down in the reverse of their order in the group")
    func shutdownOrderIsReversed() async throws {
        let harness = Harness()
        let services: [any Service] = [harness.dependency("database"), harness.dependency("cache"), harness.server]
        let group = ServiceGroup(configuration: .init(services: services, logger: quiet))
        try await withThrowingTaskGroup(of: Void.self) { running in
            running.addTask { try await group.run() }
            await harness.events.waitFor("database started")
            await harness.events.waitFor("cache started")
            await group.triggerGracefulShutdown()
            try await running.waitForAll()
        }
        let stops = harness.events.recorded.filter { $0.hasSuffix("closed") || $0 == "server stopped" }
        #expect(stops == ["server stopped", "cache closed", "database closed"])
    }

    struct ReturnsAtOnce: Service {
        func run() async throws {}
    }

    @Test("a service whose run() returns early ends the group with an error and cancels the others")
    func earlyReturnIsAFailure() async throws {
        let harness = Harness()
        let group = ServiceGroup(
            configuration: .init(services: [harness.dependency("database"), ReturnsAtOnce()], logger: quiet))
        await #expect(throws: ServiceGroupError.serviceFinishedUnexpectedly()) { try await group.run() }
        #expect(harness.events.recorded.last == "database cancelled")
    }

    struct MigrationFailed: Error, Equatable {}
    struct FailsToStart: Service {
        func run() async throws { throw MigrationFailed() }
    }

    @Test("a service that throws ends the group with its own error")
    func failureIsRethrown() async throws {
        let harness = Harness()
        let group = ServiceGroup(
            configuration: .init(services: [harness.dependency("database"), FailsToStart()], logger: quiet))
        await #expect(throws: MigrationFailed()) { try await group.run() }
        #expect(harness.events.recorded.contains("database cancelled"))
        #expect(!harness.events.recorded.contains("database closed"))
    }

    @Test("a drain that outlives maximumGracefulShutdownDuration is cancelled")
    func drainDeadlineEscalatesToCancellation() async throws {
        let harness = Harness()
        var configuration = ServiceGroupConfiguration(services: [harness.server], logger: quiet)
        configuration.maximumGracefulShutdownDuration = .milliseconds(100)
        let group = ServiceGroup(configuration: configuration)
        let started = AsyncLatch()
        harness.send.yield(
            .init(id: 1) {
                started.open()
                // A request stuck on a dependency that never answers: a stream
                // that never yields, whose iteration only cancellation ends.
                let (never, keepOpen) = AsyncStream.makeStream(of: Never.self)
                for await _ in never {}
                withExtendedLifetime(keepOpen) {}
                harness.events.record("request 1 \(Task.isCancelled ? "cut off" : "completed")")
            })
        try await withThrowingTaskGroup(of: Void.self) { running in
            running.addTask {
                do {
                    try await group.run()
                    harness.events.record("group returned")
                } catch {
                    harness.events.record("group threw \(type(of: error))")
                }
            }
            await started.wait()
            await group.triggerGracefulShutdown()
            try await running.waitForAll()
        }
        let events = harness.events.recorded
        #expect(events.contains("request 1 cut off"))
        #expect(Array(events.suffix(2)) == ["server stopped", "group returned"], "\(events)")
    }
}
