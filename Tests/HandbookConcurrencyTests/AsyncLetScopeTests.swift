import HandbookConcurrency
import HandbookTestSupport
import Testing

@Suite("async let at the end of its scope", .timeLimit(.minutes(1)))
struct AsyncLetScopeTests {
    typealias Lesson = AsyncLetScope

    struct NotificationFailed: Error, Equatable {}
    struct WriteFailed: Error, Equatable {}

    /// A loader that ignores cancellation: it waits for `release`, which is
    /// not cancellable, and reports when it was cancelled and when it finished.
    static func uncooperativeLoader(
        log: EventLog<String>, cancelled: Gate, release: Gate
    ) -> Lesson.Loader<String> {
        { _ in
            await withTaskCancellationHandler {
                await release.wait()
                log.append("load finished, cancelled: \(Task.isCancelled)")
            } onCancel: {
                log.append("load cancelled")
                cancelled.open()
            }
            return "fresh"
        }
    }

    @Test("an early return cancels the unawaited child, then waits for it to finish")
    func earlyReturnCancelsThenAwaitsTheChild() async throws {
        let log = EventLog<String>()
        let cancelled = Gate()
        let release = Gate()
        let load = Self.uncooperativeLoader(log: log, cancelled: cancelled, release: release)
        let caller = Task {
            let value = try await Lesson.cachedOrLoadedStartingEarly(id: 1, cache: [1: "cached"], load: load)
            log.append("returned \(value)")
        }
        // The child has been cancelled by the `return`; the function is now
        // parked at the end of its scope, waiting for the child.
        await cancelled.wait()
        log.append("test releases the load")
        release.open()
        try await caller.value
        #expect(
            log.events == [
                "load cancelled", "test releases the load", "load finished, cancelled: true", "returned cached",
            ])
    }

    @Test("a cancellation-aware child lets the early return go at once: the clock never moves")
    func cooperativeChildKeepsTheEarlyReturnFast() async throws {
        let clock = ManualClock()
        let log = EventLog<String>()
        let value = try await Lesson.cachedOrLoadedStartingEarly(id: 1, cache: [1: "cached"]) { _ in
            do {
                try await clock.sleep(for: .seconds(3_600))
                return "fresh"
            } catch {
                log.append("load woke with \(type(of: error))")
                throw error
            }
        }
        #expect(value == "cached")
        #expect(log.events == ["load woke with CancellationError"])
        #expect(clock.now.offset == .zero)
    }

    @Test("checking the cache first starts no load on a hit, and one on a miss")
    func checkingFirstStartsNoChildOnAHit() async throws {
        let loads = EventLog<Int>()
        let load: Lesson.Loader<String> = { id in
            loads.append(id)
            return "fresh \(id)"
        }
        #expect(try await Lesson.cachedOrLoaded(id: 1, cache: [1: "cached"], load: load) == "cached")
        #expect(loads.events == [])
        #expect(try await Lesson.cachedOrLoaded(id: 2, cache: [1: "cached"], load: load) == "fresh 2")
        #expect(loads.events == [2])
    }

    @Test("the starting-early version runs the load even on a hit (a cancelled child still runs)")
    func startingEarlyRunsTheLoadOnAHit() async throws {
        let loads = EventLog<String>()
        let value = try await Lesson.cachedOrLoadedStartingEarly(id: 1, cache: [1: "cached"]) { id in
            loads.append("load \(id), cancelled: \(Task.isCancelled)")
            return "fresh"
        }
        #expect(value == "cached")
        // Whether it started before or after the `return`, the child ran, and
        // the function did not return before it had.
        #expect(loads.events.count == 1)
        #expect(loads.events.first?.hasPrefix("load 1") == true)
    }

    @Test("the error of an unawaited child vanishes; the function returns normally")
    func unawaitedChildErrorVanishes() async throws {
        let log = EventLog<String>()
        try await Lesson.saveForgettingTheNotification("order-1") { _ in
            log.append("written")
        } notify: { _ in
            log.append("notify throws")
            throw NotificationFailed()
        }
        log.append("save returned")
        // Awaited at the end of the scope, so it threw before the return; the
        // error went nowhere.
        #expect(log.events.contains("notify throws"))
        #expect(log.events.last == "save returned")
    }

    @Test("async let _ is not fire-and-forget: a slow notification is cancelled at the end of the scope")
    func forgottenNotificationIsCancelled() async throws {
        let log = EventLog<String>()
        let cancelled = Gate()
        let release = Gate()
        let saving = Task {
            try await Lesson.saveForgettingTheNotification("order-1") { _ in
                log.append("written")
            } notify: { _ in
                await withTaskCancellationHandler {
                    await release.wait()
                    log.append("notify finished, cancelled: \(Task.isCancelled)")
                } onCancel: {
                    cancelled.open()
                }
            }
            log.append("save returned")
        }
        await cancelled.wait()
        release.open()
        try await saving.value
        #expect(log.events == ["written", "notify finished, cancelled: true", "save returned"])
    }

    @Test("awaiting the child rethrows its error, and a slower child is not cancelled")
    func awaitedChildErrorPropagates() async throws {
        let log = EventLog<String>()
        let written = Gate()
        await #expect(throws: NotificationFailed()) {
            try await Lesson.save("order-1") { _ in
                log.append("written")
                written.open()
            } notify: { _ in
                // Finishes only after the write: the scope is still waiting here.
                await written.wait()
                log.append("notify ran, cancelled: \(Task.isCancelled)")
                throw NotificationFailed()
            }
        }
        #expect(log.events == ["written", "notify ran, cancelled: false"])
    }

    @Test("a throw cancels the unawaited child and waits for it before the error reaches the caller")
    func throwWaitsForTheCancelledChild() async throws {
        let log = EventLog<String>()
        let cancelled = Gate()
        let release = Gate()
        let saving = Task {
            do {
                try await Lesson.save("order-1") { _ in
                    throw WriteFailed()
                } notify: { _ in
                    await withTaskCancellationHandler {
                        await release.wait()
                        log.append("notify finished, cancelled: \(Task.isCancelled)")
                    } onCancel: {
                        cancelled.open()
                    }
                    throw NotificationFailed()  // dropped: the scope rethrows the write's error
                }
            } catch {
                log.append("caller caught \(type(of: error))")
            }
        }
        await cancelled.wait()
        log.append("test releases the notification")
        release.open()
        await saving.value
        #expect(
            log.events == [
                "test releases the notification", "notify finished, cancelled: true", "caller caught WriteFailed",
            ])
    }

    @Test("Task {} is neither cancelled nor awaited: the function returns first, the error waits in the handle")
    func unstructuredTaskOutlivesTheFunction() async throws {
        let log = EventLog<String>()
        let release = Gate()
        let notification = try await Lesson.saveNotifyingInBackground("order-1") { _ in
            log.append("written")
        } notify: { _ in
            await release.wait()
            log.append("notify finished, cancelled: \(Task.isCancelled)")
            throw NotificationFailed()
        }
        log.append("save returned")
        release.open()
        await #expect(throws: NotificationFailed()) { try await notification.value }
        #expect(log.events == ["written", "save returned", "notify finished, cancelled: false"])
    }
}
