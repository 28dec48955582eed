/// The instant by which the current request must be answered, carried as a
/// task-local so it reaches every call below the route (the provider, the
/// retries, the database) without a parameter on each.
///
/// Swift has no `context.Context`: a task-local is inherited by child tasks
/// and by unstructured `Task {}` (the idempotency coordinator runs the
/// operation in one), so the deadline follows the work wherever it runs.
/// Nothing cancels the request when it passes: each bounded call takes
/// `min(its own timeout, remaining)`, so a late request fails at its next
/// step and still runs its compensations (a cancelled task could not).
public enum RequestDeadline {
    @TaskLocal public static var current: ContinuousClock.Instant?

    /// `now + cap`, or the request's deadline if that is sooner.
    public static func bounded(by cap: Duration, now: ContinuousClock.Instant = .now) -> ContinuousClock.Instant {
        let capped = now.advanced(by: cap)
        guard let current else { return capped }
        return min(current, capped)
    }
}
