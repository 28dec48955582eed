import Foundation
import HandbookTestSupport
import Testing

@testable import HandbookConcurrency

@Suite("Cancellation handler rules", .timeLimit(.minutes(1)))
struct CancellationHandlerRulesTests {
    typealias Lesson = CancellationHandlerRules

    @TaskLocal static var caller = "nobody"

    /// How a waiter's `wait()` ended.
    enum Outcome: Equatable, Sendable {
        case returned
        case cancelled
        case failed(String)
    }

    static func outcome(of wait: () async throws -> Void) async -> Outcome {
        do {
            try await wait()
            return .returned
        } catch is CancellationError {
            return .cancelled
        } catch {
            return .failed("\(error)")
        }
    }

    /// Hooks that report each decision on a stream, and optionally park the
    /// wait in the race window until `proceed` opens.
    static func reportingHooks(
        reachedWindow: Gate? = nil, proceed: Gate? = nil
    ) -> (Lesson.WaitHooks, AsyncStream<Lesson.WaitDecision>) {
        let (decisions, report) = AsyncStream.makeStream(of: Lesson.WaitDecision.self)
        var hooks = Lesson.WaitHooks()
        hooks.decided = { report.yield($0) }
        if let reachedWindow, let proceed {
            hooks.beforeStoring = {
                reachedWindow.open()
                await proceed.wait()
            }
        }
        return (hooks, decisions)
    }

    static func first(_ decisions: AsyncStream<Lesson.WaitDecision>) async -> Lesson.WaitDecision? {
        var iterator = decisions.makeAsyncIterator()
        return await iterator.next()
    }

    // MARK: - The rules, on the standard library itself

    @Test("onCancel runs inside cancel(), on the canceller's thread, while the operation is still running")
    func handlerRunsInsideCancel() async {
        let log = EventLog<String>()
        let threads = Locked<(canceller: String?, handler: String?)>((nil, nil))
        let started = Gate()
        let release = Gate()
        let task = Task {
            await withTaskCancellationHandler {
                started.open()
                await release.wait()
                log.append("operation ends")
            } onCancel: {
                threads.withLock { $0.handler = "\(pthread_self())" }
                log.append("onCancel")
            }
        }
        await started.wait()
        let cancelled = Gate()
        Thread {
            threads.withLock { $0.canceller = "\(pthread_self())" }
            task.cancel()
            log.append("cancel() returned")
            cancelled.open()
        }.start()
        await cancelled.wait()
        release.open()
        await task.value
        #expect(log.events == ["onCancel", "cancel() returned", "operation ends"])
        let (canceller, handler) = threads.withLock { $0 }
        #expect(canceller != nil)
        #expect(handler == canceller)
    }

    @Test("in an already-cancelled task, onCancel runs before the operation starts")
    func alreadyCancelledRunsTheHandlerFirst() async {
        let log = EventLog<String>()
        let go = Gate()
        let task = Task {
            await go.wait()
            await withTaskCancellationHandler {
                log.append("operation starts")
            } onCancel: {
                log.append("onCancel")
            }
        }
        task.cancel()
        go.open()
        await task.value
        #expect(log.events == ["onCancel", "operation starts"])
    }

    @Test("onCancel runs at most once, however many times and from however many tasks cancel() is called")
    func handlerRunsAtMostOnce() async {
        let runs = EventLog<String>()
        let started = Gate()
        let release = Gate()
        let task = Task {
            await withTaskCancellationHandler {
                started.open()
                await release.wait()
            } onCancel: {
                runs.append("onCancel")
            }
        }
        await started.wait()
        await withDiscardingTaskGroup { group in
            for _ in 0..<3 { group.addTask { task.cancel() } }
        }
        task.cancel()
        release.open()
        await task.value
        task.cancel()
        #expect(runs.events == ["onCancel"])
    }

    @Test("a handler whose scope has ended is not called when the task is cancelled later")
    func handlerIsRemovedWithItsScope() async {
        let runs = EventLog<String>()
        let scopeEnded = Gate()
        let release = Gate()
        let task = Task {
            await withTaskCancellationHandler {
                runs.append("operation")
            } onCancel: {
                runs.append("onCancel")
            }
            scopeEnded.open()
            await release.wait()
            return Task.isCancelled
        }
        await scopeEnded.wait()
        task.cancel()
        release.open()
        #expect(await task.value)
        #expect(runs.events == ["operation"])
    }

    @Test("inside onCancel, Task.isCancelled and task-locals are the canceller's, not the cancelled task's")
    func handlerSeesTheCancellersContext() async {
        let seen = EventLog<String>()
        let started = Gate()
        let release = Gate()
        let task = Task {
            await Self.$caller.withValue("the cancelled task") {
                await withTaskCancellationHandler {
                    started.open()
                    await release.wait()
                } onCancel: {
                    seen.append("caller: \(Self.caller), isCancelled: \(Task.isCancelled)")
                }
            }
        }
        await started.wait()
        Self.$caller.withValue("the canceller") { task.cancel() }
        release.open()
        await task.value
        #expect(seen.events == ["caller: the canceller, isCancelled: false"])
    }

    @Test("already cancelled on entry: onCancel runs on the task itself, with its own task-locals, before the body")
    func handlerOfAnAlreadyCancelledTaskRunsOnTheTask() async {
        let seen = EventLog<String>()
        let entered = Gate()
        let task = Task {
            await entered.wait()
            await Self.$caller.withValue("the cancelled task") {
                await withTaskCancellationHandler {
                    seen.append("operation")
                } onCancel: {
                    seen.append("caller: \(Self.caller), isCancelled: \(Task.isCancelled)")
                }
            }
        }
        Self.$caller.withValue("the canceller") { task.cancel() }
        entered.open()
        await task.value
        #expect(seen.events == ["caller: the cancelled task, isCancelled: true", "operation"])
    }

    @Test("onCancel is nonisolated: calling the actor from it synchronously does not compile")
    func handlerIsNotIsolated() throws {
        try CompileFailFixture.expect(
            "HandbookConcurrency/CancellationHandlerTouchesActorState.swift",
            group: "ActorIsolatedCall",
            diagnostics: ["call to actor-isolated instance method 'removeWaiter' in a synchronous nonisolated context"])
        let outcome = try CompileFailFixture.compile("HandbookConcurrency/CancellationHandlerTouchesActorState.swift")
        let errors = outcome.diagnostics.split(separator: "\n").filter { $0.contains(": error:") }
        #expect(errors.count == 1, "only the synchronous call is rejected; the hop with Task {} compiles")
    }

    // MARK: - The one-shot event

    @Test(
        "a wait in an already-cancelled task throws without any signal (cancelled before the continuation was stored)")
    func alreadyCancelledWaitThrows() async throws {
        let event = Lesson.OneShotEvent()
        let (hooks, decisions) = Self.reportingHooks()
        let go = Gate()
        let waiter = Task {
            await go.wait()
            return await Self.outcome { try await event.wait(hooks: hooks) }
        }
        waiter.cancel()
        go.open()
        let decision = await Self.first(decisions)
        #expect(decision == .cancelledBeforeStoring)
        // A bounded check: a waiter stored despite its cancellation would
        // sleep forever; wake it so the failure is reported, not a hang.
        if decision == .stored { event.signal() }
        #expect(await waiter.value == .cancelled)
        #expect(event.waiterCount == 0)
        #expect(!event.isSignalled)
    }

    @Test("cancelled between installing the handler and storing the continuation: the wait still throws")
    func cancelInTheRaceWindowThrows() async throws {
        let event = Lesson.OneShotEvent()
        let inWindow = Gate()
        let proceed = Gate()
        let (hooks, decisions) = Self.reportingHooks(reachedWindow: inWindow, proceed: proceed)
        let waiter = Task { await Self.outcome { try await event.wait(hooks: hooks) } }
        await inWindow.wait()  // the handler is installed; no continuation exists
        waiter.cancel()  // onCancel runs now and finds nothing to resume
        proceed.open()
        let decision = await Self.first(decisions)
        #expect(decision == .cancelledBeforeStoring)
        if decision == .stored { event.signal() }
        #expect(await waiter.value == .cancelled)
    }

    @Test("the naive event loses that cancellation: the waiter is stored and only a signal wakes it")
    func naiveEventLosesTheCancellation() async throws {
        let event = Lesson.NaiveOneShotEvent()
        let inWindow = Gate()
        let proceed = Gate()
        let (hooks, decisions) = Self.reportingHooks(reachedWindow: inWindow, proceed: proceed)
        let waiter = Task { await Self.outcome { try await event.wait(hooks: hooks) } }
        await inWindow.wait()
        waiter.cancel()
        proceed.open()
        // Stored although the task is already cancelled; its handler has run
        // and will not run again. Without this signal it would wait forever.
        #expect(await Self.first(decisions) == .stored)
        event.signal()
        #expect(await waiter.value == .returned)
        #expect(waiter.isCancelled)
    }

    @Test("cancelling a stored waiter resumes it with CancellationError before cancel() returns")
    func cancelWhileWaitingThrows() async throws {
        let event = Lesson.OneShotEvent()
        let (hooks, decisions) = Self.reportingHooks()
        let waiter = Task { await Self.outcome { try await event.wait(hooks: hooks) } }
        #expect(await Self.first(decisions) == .stored)
        #expect(event.waiterCount == 1)
        waiter.cancel()
        #expect(event.waiterCount == 0)  // removed by the handler, synchronously
        #expect(await waiter.value == .cancelled)
        #expect(!event.isSignalled)
    }

    @Test("signal wakes every waiter once; later waits return at once, even in a cancelled task")
    func signalWakesEveryWaiter() async throws {
        let event = Lesson.OneShotEvent()
        let (hooks, decisions) = Self.reportingHooks()
        let waiters = (0..<3).map { _ in Task { await Self.outcome { try await event.wait(hooks: hooks) } } }
        var stored = 0
        for await decision in decisions {
            #expect(decision == .stored)
            stored += 1
            if stored == 3 { break }
        }
        event.signal()
        event.signal()  // harmless: nobody is resumed twice (a checked continuation would trap)
        for waiter in waiters { #expect(await waiter.value == .returned) }
        // Cancelling after the signal changes nothing: the handler finds no waiter.
        for waiter in waiters { waiter.cancel() }
        let late = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await Self.outcome { try await event.wait() }
        }
        #expect(await late.value == .returned)
        #expect(event.waiterCount == 0)
    }

    // MARK: - Locks and cancel()

    @Test("cancelling while holding the lock the handler takes traps: the handler runs on this very thread")
    func cancelWhileHoldingTheLockTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let registry = CancellationHandlerRules.JobRegistry()
            let clock = ManualClock()
            let started = Gate()
            registry.start {
                started.open()
                try? await clock.sleep(for: .seconds(3_600))
            }
            await started.wait()  // the job is inside its handler's scope
            registry.cancelAllHoldingTheLock()
        }
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).contains("Recursive call to lock Mutex"))
    }

    @Test("cancelling after releasing the lock runs each handler once and wakes the jobs")
    func cancelAfterReleasingTheLock() async {
        await #expect(processExitsWith: .success) {
            let registry = CancellationHandlerRules.JobRegistry()
            let clock = ManualClock()
            let started = (0..<2).map { _ in Gate() }
            let jobs = (0..<2).map { index in
                registry.start {
                    started[index].open()
                    try? await clock.sleep(for: .seconds(3_600))
                }
            }
            for gate in started { await gate.wait() }
            registry.cancelAll()
            for job in jobs { await job.value }
            precondition(registry.cancelledJobs == 2, "expected 2 handler runs, got \(registry.cancelledJobs)")
        }
    }
}
