import Dispatch
import HandbookConcurrency
import HandbookTestSupport
import Testing

@Suite("Isolation inheritance", .timeLimit(.minutes(1)))
struct IsolationInheritanceTests {
    typealias Lesson = IsolationInheritance

    @Test("called from an actor, a nonisolated(nonsending) function runs on it and a @concurrent one does not")
    func nonsendingInheritsConcurrentLeaves() async {
        let recorder = Lesson.Recorder()
        let (nonsending, concurrent) = await recorder.probeHelpers()
        #expect(nonsending === recorder)
        #expect(concurrent == nil)
    }

    @Test("a stored async closure is nonsending too: called by an actor it runs there, unless its type is @concurrent")
    func asyncFunctionTypesAreNonsending() async {
        let recorder = Lesson.Recorder()
        let stored = await recorder.callStored { await Lesson.isolationOfNonsendingCall() }
        #expect(stored === recorder)
        let concurrent = await recorder.callStoredConcurrent { await Lesson.isolationOfNonsendingCall() }
        #expect(concurrent == nil)
    }

    @Test("the same nonsending function follows whichever actor calls it, and is nonisolated from nonisolated code")
    func nonsendingFollowsItsCaller() async {
        let first = Lesson.Recorder()
        let second = Lesson.Recorder()
        let seenByFirst = await first.probeHelpers().nonsending
        let seenBySecond = await second.probeHelpers().nonsending
        #expect(seenByFirst === first)
        #expect(seenBySecond === second)
        let fromDetached = await Task.detached { await Lesson.isolationOfNonsendingCall() }.value
        #expect(fromDetached == nil)
    }

    @Test("Task.immediate runs its first part before the next line; Task {} waits for the actor to be free")
    func immediateTaskRunsFirst() async {
        let recorder = Lesson.Recorder()
        #expect(await recorder.startImmediatelyThenContinue() == ["A", "B"])
        #expect(await recorder.spawnThenContinue() == ["B", "A"])
    }

    @Test("Task.immediate isolated to a different, busy actor is enqueued like Task {}; a nonisolated one runs first")
    func immediateTaskForAnotherActorIsEnqueued() async {
        let ran = Locked<[String]>([])
        PausableActor.queue.suspend()  // the other actor cannot run anything until resumed
        let other = Task.immediate { @PausableActor in ran.withLock { $0.append("other actor") } }
        let here = Task.immediate { ran.withLock { $0.append("nonisolated") } }
        #expect(ran.withLock { $0 } == ["nonisolated"], "only the task for this (non-)executor ran synchronously")
        PausableActor.queue.resume()
        await other.value
        await here.value
        #expect(ran.withLock { $0 } == ["nonisolated", "other actor"])
    }

    @Test("a helper with an isolated #isolation parameter mutates actor state through a non-Sendable closure")
    func isolatedParameterInheritsTheCaller() async {
        let recorder = Lesson.Recorder()
        let seen = await recorder.countWithHelper(times: 3)
        #expect(seen === recorder)
        #expect(await recorder.count == 3)
    }

    @Test("a function with an `isolated Recorder` parameter runs on that actor and mutates it synchronously")
    func isolatedActorParameter() async {
        let recorder = Lesson.Recorder()
        await Lesson.record("first", in: recorder)
        await Lesson.record("second", in: recorder)
        #expect(await recorder.events == ["first", "second"])
    }

    @Test("Task {} using self on an actor inherits it; one that never captures the actor, or Task.detached, does not")
    func taskInheritsDetachedDoesNot() async {
        let recorder = Lesson.Recorder()
        let (usingSelf, notUsingSelf, detached) = await recorder.spawnedIsolation()
        #expect(usingSelf === recorder)
        #expect(notUsingSelf == nil)
        #expect(detached == nil)
    }

    @Test("fixture: actor-owned non-Sendable state cannot be passed to a @concurrent function")
    func concurrentHelperCannotTakeActorState() throws {
        try CompileFailFixture.expect(
            "HandbookConcurrency/ConcurrentHelperTakesActorState.swift",
            group: "SendingRisksDataRace",
            diagnostics: ["sending 'self.tally' risks causing data races"])
        let outcome = try CompileFailFixture.compile("HandbookConcurrency/ConcurrentHelperTakesActorState.swift")
        let errors = outcome.diagnostics.split(separator: "\n").filter { $0.contains(": error:") }
        #expect(errors.count == 1, "only the @concurrent call is rejected; the nonsending one compiles")
    }
}

/// A global actor whose serial executor is a dispatch queue the test can suspend, so "the
/// actor is busy" is certain instead of likely.
@globalActor
actor PausableActor {
    static let shared = PausableActor()
    static let executor = QueueExecutor()
    static var queue: DispatchQueue { executor.queue }
    nonisolated var unownedExecutor: UnownedSerialExecutor { Self.executor.asUnownedSerialExecutor() }

    /// Runs every job on one serial dispatch queue (`DispatchSerialQueue` is Darwin-only).
    final class QueueExecutor: SerialExecutor {
        let queue = DispatchQueue(label: "handbook.pausable-actor")

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            let executor = asUnownedSerialExecutor()
            queue.async { job.runSynchronously(on: executor) }
        }
    }
}
