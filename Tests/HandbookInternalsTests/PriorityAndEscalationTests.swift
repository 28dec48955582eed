import HandbookInternals
import HandbookTestSupport
import Testing

@Suite("Priority and escalation", .timeLimit(.minutes(1)))
struct PriorityAndEscalationTests {
    typealias Lesson = PriorityAndEscalation

    @Test("a task-group child of a .high task is .high")
    func childInheritsPriority() async {
        #expect(await Lesson.childPriority(under: .high) == .high)
    }

    @Test("Task {} inherits its creator's base priority; Task.detached does not")
    func detachedDoesNotInherit() async {
        let (unstructured, detached) = await Lesson.spawnedBasePriorities(from: .high)
        #expect(unstructured == .high)
        #expect(detached != .high)
        #expect(detached != nil)
    }

    @Test("a .low task awaited by a .high task is escalated: the handler fires once with (low → high)")
    func awaitingEscalatesOnce() async {
        let ready = Gate()
        let escalated = Gate()
        let proceed = Gate()
        let job = Lesson.LowPriorityJob(
            ready: { ready.open() },
            proceed: { await proceed.wait() },
            escalated: { _ in escalated.open() })
        await ready.wait()
        #expect(job.escalations.isEmpty, "nobody awaits it yet")

        let boss = Task.detached(priority: .high) { await job.task.value }
        await escalated.wait()
        proceed.open()
        #expect(await boss.value == .high, "currentPriority after escalation")
        #expect(job.finalPriority == .high)
        #expect(job.escalations == [Lesson.Escalation(from: .low, to: .high)])
    }

    @Test("escalation raises currentPriority but leaves basePriority alone")
    func basePriorityIsNotEscalated() async {
        let ready = Gate()
        let escalated = Gate()
        let proceed = Gate()
        let job = Lesson.LowPriorityJob(
            ready: { ready.open() },
            proceed: { await proceed.wait() },
            escalated: { _ in escalated.open() })
        await ready.wait()
        let boss = Task.detached(priority: .high) { await job.task.value }
        await escalated.wait()
        proceed.open()
        _ = await boss.value
        #expect(job.finalPriority == .high)
        #expect(job.finalBasePriority == .low)
    }

    @Test("pitfall: waiting through a continuation (a gate) is invisible to escalation, so the job stays .low")
    func continuationWaitsDoNotEscalate() async {
        let ready = Gate()
        let proceed = Gate()
        let finished = Gate()
        let result = Gate()
        let job = Lesson.LowPriorityJob(
            ready: { ready.open() },
            proceed: { await proceed.wait() },
            finished: {
                finished.open()
                result.open()
            })
        await ready.wait()
        let waitingBoss = Gate()
        let boss = Task.detached(priority: .high) {
            waitingBoss.open()
            await result.wait()  // a continuation: no task dependency for the runtime to see
        }
        await waitingBoss.wait()
        proceed.open()
        await finished.wait()
        await boss.value
        #expect(job.finalPriority == .low)
        #expect(job.escalations.isEmpty)
    }

    @Test("the fix: a waiter that forwards its own escalation with escalatePriority(to:) lifts the hidden worker")
    func forwardedEscalationReachesTheWorker() async {
        let ready = Gate()
        let proceed = Gate()
        let finished = Gate()
        let result = Gate()
        let job = Lesson.LowPriorityJob(
            ready: { ready.open() },
            proceed: { await proceed.wait() },
            finished: {
                finished.open()
                result.open()
            })
        await ready.wait()
        let bossWaiting = Gate()
        let forwarded = Gate()
        let boss = Task.detached(priority: .medium) {
            await Lesson.waitForwardingEscalation(
                to: job.task,
                until: {
                    bossWaiting.open()
                    await result.wait()  // still a continuation: the runtime sees no dependency
                },
                forwarded: { _ in forwarded.open() })
        }
        await bossWaiting.wait()
        let urgent = Task.detached(priority: .high) { await boss.value }  // escalates the boss to .high
        await forwarded.wait()
        proceed.open()
        await finished.wait()
        await urgent.value
        #expect(job.escalations == [.init(from: .low, to: .high)])
        #expect(job.finalPriority == .high)
    }

    @Test("without any waiter a low job is never escalated and finishes at .low")
    func unawaitedJobStaysLow() async {
        let finished = Gate()
        let job = Lesson.LowPriorityJob(proceed: {}, finished: { finished.open() })
        await finished.wait()
        #expect(job.finalPriority == .low)
        #expect(job.escalations.isEmpty)
    }
}
