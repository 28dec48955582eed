import Dispatch
import Foundation
import HandbookConcurrency
import HandbookTestSupport
import Testing

@Suite("Isolated deinit", .timeLimit(.minutes(1)))
struct IsolatedDeinitTests {
    typealias Lesson = IsolatedDeinit

    /// A registry hook that logs each removal and whether it ran inside a
    /// task (inline, in the releasing task) or as a task-less job (enqueued).
    static func logRemovals(to log: EventLog<String>) -> @Sendable (Int) -> Void {
        { id in
            let inATask = withUnsafeCurrentTask { $0 != nil }
            log.append("removed \(id)" + (inATask ? "" : " by a task-less job"))
        }
    }

    @Test("dropped on the registry's actor, the isolated deinit runs inline: removed before the next line")
    func releaseOnTheActorCleansUpInline() async {
        let log = EventLog<String>()
        let registry = Lesson.SubscriptionRegistry(onRemove: Self.logRemovals(to: log))
        await Self.subscribeAndDropOnTheActor(registry, log: log)
        #expect(log.events == ["removed 0", "released"])
        #expect(await registry.activeCount == 0)
    }

    @Lesson.RegistryActor
    static func subscribeAndDropOnTheActor(_ registry: Lesson.SubscriptionRegistry, log: EventLog<String>) {
        var subscription: Lesson.Subscription? = registry.subscribe(to: "orders")
        #expect(subscription?.topic == "orders" && registry.activeCount == 1)
        subscription = nil
        log.append("released")
        #expect(registry.activeCount == 0, "already removed: the deinit ran at the release point")
    }

    @Test("dropped off the actor, the isolated deinit is enqueued: it has not run at the release point")
    func releaseOffTheActorIsDeferred() async throws {
        let log = EventLog<String>()
        let registry = Lesson.SubscriptionRegistry(onRemove: Self.logRemovals(to: log))
        var subscription: Lesson.Subscription? = await registry.subscribe(to: "prices")
        let id = try #require(subscription?.id)

        // Hold the registry actor with a synchronous job, on a dedicated queue
        // so that blocking it never starves the cooperative pool.
        let holding = Gate()
        let release = DispatchSemaphore(value: 0)
        let holder = Task(executorPreference: SerialTaskExecutor(label: "holder")) { @Lesson.RegistryActor in
            holding.open()
            release.wait()
        }
        await holding.wait()

        subscription = nil  // the last reference, dropped off the actor
        log.append("released")
        #expect(subscription == nil)
        // Certain, not lucky: the deinit can only run on the actor, which is held.
        #expect(log.events == ["released"])

        release.signal()
        await holder.value
        await registry.waitUntilRemoved(id)  // explicit synchronisation, no sleeping
        #expect(log.events == ["released", "removed \(id) by a task-less job"])
        #expect(await registry.isActive(id) == false)
    }

    @Test("dropped off an idle actor, the isolated deinit still runs later, as a job of its own")
    func releaseOffAnIdleActorIsStillAJob() async throws {
        let log = EventLog<String>()
        let registry = Lesson.SubscriptionRegistry(onRemove: Self.logRemovals(to: log))
        var subscription: Lesson.Subscription? = await registry.subscribe(to: "news")
        let id = try #require(subscription?.id)
        let waiter = await Self.startWaiting(for: id, in: registry, log: log)
        #expect(log.events.isEmpty, "the waiter is parked in waitUntilRemoved")
        subscription = nil  // nothing holds the actor now
        await waiter.value
        #expect(log.events == ["removed \(id) by a task-less job", "waiter resumed"])
        #expect(subscription == nil)
        await registry.waitUntilRemoved(id)  // already removed: returns at once
        await registry.waitUntilRemoved(999)  // never issued: returns at once
    }

    /// Starts a task that waits for `id` to be removed. `Task.immediate` on
    /// the registry's actor runs it up to its first suspension before
    /// returning, so the waiter is certainly registered.
    @Lesson.RegistryActor
    static func startWaiting(
        for id: Int, in registry: Lesson.SubscriptionRegistry, log: EventLog<String>
    ) -> Task<Void, Never> {
        Task.immediate {
            await registry.waitUntilRemoved(id)
            log.append("waiter resumed")
        }
    }

    @Test("200 subscriptions dropped from 200 tasks are all removed, each exactly once")
    func concurrentReleasesAllCleanUp() async {
        let removed = Locked<[Int]>([])
        let registry = Lesson.SubscriptionRegistry { id in removed.withLock { $0.append(id) } }
        let ids = await withTaskGroup(of: Int.self, returning: [Int].self) { group in
            for index in 0..<200 {
                group.addTask {
                    let subscription = await registry.subscribe(to: "topic-\(index % 7)")
                    return subscription.id  // the handle dies with this task
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for id in ids { await registry.waitUntilRemoved(id) }
        #expect(await registry.activeCount == 0)
        #expect(removed.withLock { $0.sorted() } == Array(0..<200))
    }

    @Test("an actor's isolated deinit reads its non-Sendable buffer and reports unsent messages")
    func actorDeinitReadsNonSendableState() async {
        let unsent = await withCheckedContinuation { (continuation: CheckedContinuation<[String], Never>) in
            Task {
                var connection: Lesson.Connection? = Lesson.Connection { continuation.resume(returning: $0) }
                await connection?.enqueue("hello")
                await connection?.enqueue("bye")
                connection = nil
            }
        }
        #expect(unsent == ["hello", "bye"])
    }

    @Test("an idle actor instance released off the actor runs its isolated deinit inline, before the next line")
    func idleActorInstanceDeinitRunsInline() async {
        // Runtime behaviour (SE-0371: the runtime *attempts* to take the idle actor), observed on Swift 6.3.1.
        let log = EventLog<String>()
        await Task.detached {
            var connection: Lesson.Connection? = Lesson.Connection { unsent in log.append("closed \(unsent)") }
            await connection?.enqueue("hello")
            connection = nil  // the last reference, dropped in a detached task: not on the actor
            log.append("after release")
        }.value
        #expect(log.events == ["closed [\"hello\"]", "after release"])
    }

    @Test("fixture: a plain deinit of a global-actor class cannot call the registry's isolated method")
    func plainDeinitCannotCallIsolatedCode() throws {
        try CompileFailFixture.expect(
            "HandbookConcurrency/NonisolatedDeinitCallsTheRegistry.swift",
            group: "ActorIsolatedCall",
            diagnostics: [
                "call to global actor 'RegistryActor'-isolated instance method 'remove' in a synchronous nonisolated context"
            ])
    }

    @Test("fixture: an actor's plain deinit may read Sendable properties but not a non-Sendable one")
    func plainActorDeinitCannotTouchNonSendableState() throws {
        let fixture = "HandbookConcurrency/NonisolatedDeinitTouchesActorState.swift"
        try CompileFailFixture.expect(
            fixture,
            diagnostics: [
                "cannot access property 'buffer' with a non-Sendable type 'OutboundBuffer' from nonisolated deinit"
            ])
        let errors = try CompileFailFixture.compile(fixture).diagnostics
            .split(separator: "\n").filter { $0.contains(": error:") }
        #expect(errors.count == 1, "reading the Sendable `id` is allowed; only the buffer is rejected")
    }
}
