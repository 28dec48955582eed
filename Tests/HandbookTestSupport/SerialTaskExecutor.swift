import Dispatch

/// A `TaskExecutor` that runs every job, one at a time, on one serial queue.
///
/// Tests use it to make an interleaving certain instead of likely: tasks that
/// prefer this executor never run side by side, so when one of them resumes,
/// the job that resumed it has already run to its next suspension point.
///
/// ```swift
/// let serial = SerialTaskExecutor()
/// let worker = Task(executorPreference: serial) { await work() }
/// await withTaskExecutorPreference(serial) {
///     await reachedSomePoint.wait()  // the worker is now suspended, not mid-step
/// }
/// ```
public final class SerialTaskExecutor: TaskExecutor {
    private let queue: DispatchQueue

    public init(label: String = "handbook.serial-task-executor") {
        queue = DispatchQueue(label: label)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
