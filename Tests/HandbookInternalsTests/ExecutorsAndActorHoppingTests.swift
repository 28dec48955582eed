import Dispatch
import HandbookInternals
import HandbookTestSupport
import Testing

@Suite("Executors and actor hopping", .timeLimit(.minutes(1)))
struct ExecutorsAndActorHoppingTests {
    typealias Lesson = ExecutorsAndActorHopping

    @Test("an actor with a Dispatch-queue SerialExecutor runs its methods on that queue")
    func customExecutorRunsOnItsQueue() async {
        let executor = Lesson.QueueExecutor(label: "handbook.tests.db")
        let counter = Lesson.QueueBackedCounter(executor: executor)
        #expect(await counter.currentQueueLabel() == "handbook.tests.db")
        #expect(executor.enqueuedJobs >= 1, "reaching the actor enqueued a job on its executor")
    }

    @Test("ten calls from outside are ten hops; one batched call is one hop")
    func hopsAreCountedPerCrossActorCall() async {
        let executor = Lesson.QueueExecutor(label: "handbook.tests.hops")
        let counter = Lesson.QueueBackedCounter(executor: executor)
        let start = executor.enqueuedJobs
        for _ in 0..<10 { await counter.increment() }
        let afterChatty = executor.enqueuedJobs
        await counter.increment(times: 10)
        let afterBatched = executor.enqueuedJobs
        #expect(afterChatty - start == 10)
        #expect(afterBatched - afterChatty == 1)
        #expect(await counter.value == 20)
    }

    @Test("Dispatch code on the actor's own queue may assumeIsolated, thanks to checkIsolated()")
    func assumeIsolatedOnTheActorsQueue() async {
        let executor = Lesson.QueueExecutor(label: "handbook.tests.assume")
        let counter = Lesson.QueueBackedCounter(executor: executor)
        await counter.increment(times: 3)
        let value = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
            executor.queue.async {
                continuation.resume(returning: Lesson.valueAssumingIsolation(of: counter))
            }
        }
        #expect(value == 3)
    }

    @Test("assumeIsolated off the actor traps the process")
    func assumeIsolatedOffTheActorTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let account = ExecutorsAndActorHopping.Account()
            _ = ExecutorsAndActorHopping.balanceAssumingIsolation(of: account)
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("Incorrect actor executor assumption"))
        await #expect(processExitsWith: .failure) {
            let executor = ExecutorsAndActorHopping.QueueExecutor(label: "elsewhere")
            let counter = ExecutorsAndActorHopping.QueueBackedCounter(executor: executor)
            _ = ExecutorsAndActorHopping.valueAssumingIsolation(of: counter)
        }
    }

    @Test("preconditionIsolated passes on the actor and traps off it")
    func preconditionIsolatedChecksAtRunTime() async {
        let account = Lesson.Account()
        await account.deposit(5)
        #expect(await account.balance == 5)
        await #expect(processExitsWith: .failure) {
            let account = ExecutorsAndActorHopping.Account()
            account.preconditionIsolated("not on the account")
        }
    }

    @Test("children under withTaskExecutorPreference run their nonisolated work on the preferred executor")
    func taskExecutorPreferenceReceivesNonisolatedWork() async {
        let executor = Lesson.CountingTaskExecutor(label: "handbook.tests.preferred")
        let labels = await Lesson.runChildren(4, preferring: executor)
        #expect(labels == Array(repeating: "handbook.tests.preferred", count: 4))
        #expect(executor.enqueuedJobs >= 4)
        #expect(await Lesson.labelOfQueueRunningNonisolatedWork() == nil, "without a preference: the global pool")
    }

    @Test("a task executor preference does not move an actor with its own executor")
    func actorsKeepTheirExecutorUnderAPreference() async {
        let preferred = Lesson.CountingTaskExecutor(label: "handbook.tests.preferred-2")
        let executor = Lesson.QueueExecutor(label: "handbook.tests.actor-queue")
        let counter = Lesson.QueueBackedCounter(executor: executor)
        let label = await withTaskExecutorPreference(preferred) {
            await counter.currentQueueLabel()
        }
        #expect(label == "handbook.tests.actor-queue")
    }

    @Test("a default actor runs on the preferred executor's threads for a task already running there; else on the pool")
    func defaultActorsFollowThePreference() async {
        let preferred = Lesson.CountingTaskExecutor(label: "handbook.tests.preferred-3")
        let actor = Lesson.DefaultActor()
        #expect(await actor.currentQueueLabel() == nil, "no preference: the global pool")
        let fromPreferringTask = await Task(executorPreference: preferred) {
            await actor.currentQueueLabel()
        }.value
        #expect(fromPreferringTask == "handbook.tests.preferred-3")
        let afterNonisolatedWork = await withTaskExecutorPreference(preferred) { () async -> [String?] in
            let body = await Lesson.labelOfQueueRunningNonisolatedWork()
            return [body, await actor.currentQueueLabel()]
        }
        #expect(afterNonisolatedWork == ["handbook.tests.preferred-3", "handbook.tests.preferred-3"])
    }

    @Test("observed on Swift 6.3.1, unlike SE-0417's design: a straight hop from a pool thread runs the actor there")
    func straightHopFromThePoolIgnoresThePreference() async {
        let preferred = Lesson.CountingTaskExecutor(label: "handbook.tests.preferred-4")
        let actor = Lesson.DefaultActor()
        let label = await Task.detached {
            await withTaskExecutorPreference(preferred) { await actor.currentQueueLabel() }
        }.value
        #expect(label == nil, "if this fails, the runtime now follows SE-0417 here: update the lesson")
    }
}
