import Synchronization

/// Task priority: inheritance, escalation, and the inversion escalation cannot see.
///
/// ```swift
/// let job = PriorityAndEscalation.LowPriorityJob(proceed: { await go.wait() })
/// let boss = Task.detached(priority: .high) { await job.task.value }  // escalates job to .high
/// job.escalations  // [Escalation(from: .low, to: .high)]
/// ```
///
/// ## Why interviewers ask this
/// Priority inversion - urgent work stuck behind unimportant work it depends
/// on - is the classic scheduler question (Go's answer: goroutines have no
/// priority at all). Swift tasks carry a priority that children inherit, and
/// the runtime *escalates* a task when a higher-priority task awaits it. The
/// interviewer wants to hear when escalation happens (awaiting a task's
/// value, a child, an actor), when it cannot (a continuation, a semaphore, a
/// hand-rolled queue), and the difference between `basePriority` and
/// `currentPriority`.
///
/// ## Common pitfalls
/// - Expecting `Task.detached` to inherit priority: it inherits nothing and
///   starts at the default, whatever its creator's priority.
/// - Believing escalation works through any wait. It follows task
///   dependencies only. A high-priority task that waits for a low one through
///   a continuation (a gate, an `AsyncStream`, a `DispatchSemaphore`) does not
///   escalate it: priority inversion (``LowPriorityJob`` with a signal).
/// - Reading `Task.currentPriority` as "the priority I was created with". It
///   includes escalation; `Task.basePriority` does not change.
/// - Asserting escalation in tests by timing. Escalation is an event:
///   observe it with `withTaskPriorityEscalationHandler`.
/// - Trying to *lower* a running task's priority: escalation only goes up.
/// - Expecting escalation to rescue a job that is already queued, on Linux.
///   There escalation is bookkeeping plus handlers: the task's priority is
///   raised and escalation handlers run, and a *suspended* task resumes in the
///   higher-priority pool (what the tests show), but a job already waiting in
///   the `.low` queue stays there and a running thread is not boosted. The
///   runtime's override that moves queued work (a Dispatch QoS override) is
///   compiled in on Darwin only.
///
/// ## Key takeaway
/// Children and `Task {}` inherit priority, `Task.detached` does not, and
/// awaiting a task raises it to the awaiter's priority - but only when the
/// runtime can see the dependency. Where work waits outside the task tree,
/// observe escalation with `withTaskPriorityEscalationHandler` (Swift 6.2),
/// which reports `(old, new)` exactly when it happens, and pass it on to the
/// task doing the work with its handle's `escalatePriority(to:)` (SE-0462); the
/// handler itself only observes.
///
/// ## Go → Swift
/// The Go seed's scheduler topic has no priorities: the GMP scheduler is fair
/// and preemptive, so inversion shows up as latency, not as a runtime
/// feature. Swift's cooperative pool is not preemptive. On Linux a priority
/// picks which `width`-thread pool runs the job (the threads get no OS
/// priority, so a `.low` task still competes for the CPU like any other).
/// Escalation on Linux raises the stored priority, runs handlers and makes a
/// suspended task resume in the higher pool; only Darwin also overrides the
/// priority of work already queued or running (Dispatch's QoS override).
public enum PriorityAndEscalation {
    /// One escalation: the task's priority before and after.
    public struct Escalation: Equatable, Sendable {
        public var from: TaskPriority
        public var to: TaskPriority

        public init(from: TaskPriority, to: TaskPriority) {
            self.from = from
            self.to = to
        }
    }

    /// The priority a task-group child sees when its parent has `priority`.
    /// Children inherit their parent's priority.
    public static func childPriority(under priority: TaskPriority) async -> TaskPriority {
        await Task(priority: priority) {
            await withTaskGroup(of: TaskPriority.self) { group in
                group.addTask { Task.currentPriority }
                var seen = TaskPriority.background
                for await priority in group { seen = priority }
                return seen
            }
        }.value
    }

    /// The base priorities of a `Task {}` and a `Task.detached {}` started
    /// from a task of priority `creator`. The first inherits `creator`; the
    /// second starts at the default.
    public static func spawnedBasePriorities(from creator: TaskPriority) async -> (
        unstructured: TaskPriority?, detached: TaskPriority?
    ) {
        await Task(priority: creator) {
            let unstructured = await Task { Task.basePriority }.value
            let detached = await Task.detached { Task.basePriority }.value
            return (unstructured, detached)
        }.value
    }

    /// The fix for a wait that escalation cannot see (a continuation, a
    /// queue, a lock): the waiter observes its own escalation and forwards it
    /// to the task doing the work with `escalatePriority(to:)` (SE-0462,
    /// Swift 6.2). The handler only observes; forwarding is this one call.
    ///
    /// - Parameters:
    ///   - worker: the task that will end the wait.
    ///   - wait: how the caller waits for it (a gate, a continuation).
    ///   - forwarded: called after each forwarded escalation (for logs and tests).
    public static func waitForwardingEscalation<Success: Sendable>(
        to worker: Task<Success, Never>,
        until wait: () async -> Void,
        forwarded: @escaping @Sendable (TaskPriority) -> Void = { _ in }
    ) async {
        await withTaskPriorityEscalationHandler {
            await wait()
        } onPriorityEscalated: { _, new in
            worker.escalatePriority(to: new)
            forwarded(new)
        }
    }

    /// A detached `.low` task that records every escalation it receives.
    ///
    /// It installs its escalation handler, calls `ready`, waits for
    /// `proceed`, then records `Task.currentPriority` and `Task.basePriority`
    /// and calls `finished`.
    /// Tests drive it with gates and read the record without awaiting
    /// ``task`` (awaiting it would itself escalate it).
    public final class LowPriorityJob: Sendable {
        private struct Record {
            var escalations: [Escalation] = []
            var finalPriority: TaskPriority?
            var finalBasePriority: TaskPriority?
        }

        /// A class so the task and this object share one lock.
        private final class Storage: Sendable {
            let record = Mutex(Record())
        }

        private let storage = Storage()
        /// The low-priority task. Awaiting its value from a higher-priority
        /// task escalates it.
        public let task: Task<TaskPriority, Never>

        public init(
            ready: @escaping @Sendable () -> Void = {},
            proceed: @escaping @Sendable () async -> Void,
            escalated: @escaping @Sendable (Escalation) -> Void = { _ in },
            finished: @escaping @Sendable () -> Void = {}
        ) {
            let storage = storage
            task = Task.detached(priority: .low) {
                let priority = await withTaskPriorityEscalationHandler {
                    ready()
                    await proceed()
                    return Task.currentPriority
                } onPriorityEscalated: { old, new in
                    let escalation = Escalation(from: old, to: new)
                    storage.record.withLock { $0.escalations.append(escalation) }
                    escalated(escalation)
                }
                let base = Task.basePriority
                storage.record.withLock {
                    $0.finalPriority = priority
                    $0.finalBasePriority = base
                }
                finished()
                return priority
            }
        }

        /// Escalations seen so far, in order.
        public var escalations: [Escalation] { storage.record.withLock { $0.escalations } }
        /// `Task.currentPriority` when the job finished, or `nil` before that.
        public var finalPriority: TaskPriority? { storage.record.withLock { $0.finalPriority } }
        /// `Task.basePriority` when the job finished: escalation never changes it.
        public var finalBasePriority: TaskPriority? { storage.record.withLock { $0.finalBasePriority } }
    }
}
