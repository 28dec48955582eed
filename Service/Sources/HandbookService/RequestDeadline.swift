/// The instant by which the current request must be answered, carried as a
/// task-local so it reaches every call below the route (the provider, the
/// retries, the database) without a parameter on each.
///
/// Swift has no `context.Context`: a task-local is inherited by child tasks
/// and by unstructured `Task {}` (the idempotency coordinator runs the
/// operation in one), so the deadline follows the work wherever it runs.
/// Nothing cancels the request when it passes: each bounded call (the
/// provider, the retries, the database) takes `min(its own timeout,
/// remaining)`, so a late request fails at its next step. Compensations and
/// the answer after a failure clear the deadline (`$current.withValue(nil)`):
/// the way back must run even when the request is late, on its own bounds (a
/// cancelled task could not run it at all).
public enum RequestDeadline {
    @TaskLocal public static var current: ContinuousClock.Instant?

    /// `timeout`, or what is left of the request's deadline if that is less
    /// (zero or negative once it has passed).
    public static func bound(_ timeout: Duration, now: ContinuousClock.Instant = .now) -> Duration {
        guard let current else { return timeout }
        return min(timeout, now.duration(to: current))
    }

    /// `now + cap`, or the request's deadline if that is sooner.
    public static func bounded(by cap: Duration, now: ContinuousClock.Instant = .now) -> ContinuousClock.Instant {
        let capped = now.advanced(by: cap)
        guard let current else { return capped }
        return min(current, capped)
    }
}
