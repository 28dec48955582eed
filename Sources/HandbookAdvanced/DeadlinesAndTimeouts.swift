import Synchronization

/// Deadlines and timeouts: Go's `context.WithTimeout` and `WithDeadline`,
/// built from a task group that races the work against a clock.
///
/// ```swift
/// let user = try await DeadlinesAndTimeouts.withTimeout(.milliseconds(50), clock: ContinuousClock()) {
///     try await database.fetchUser(id)
/// }   // throws TimeoutError after 50 ms, and the fetch has been cancelled *and finished* by then
/// ```
///
/// ## Why interviewers ask this
/// Every outbound call in a backend needs a time budget, and the budget of a
/// request must shrink as it is passed down. The standard library has no
/// `withTimeout`, so "write one" is a favourite exercise: it shows whether you
/// understand task groups, cancellation and what "structured" buys you.
///
/// ## Common pitfalls
/// - Forgetting `group.cancelAll()` after the first result. A group waits for
///   *all* children before it returns, so every fast call would then wait out
///   the full timeout for the losing sleeper.
/// - Racing with unstructured tasks (``leakyTimeout(_:clock:operation:)``, the
///   literal port of Go's `select` on `time.After`): the caller gets its
///   error, but the abandoned work keeps running and holding resources.
/// - Timing out work that ignores cancellation: `withTimeout` cannot return
///   until the operation notices, so a non-cooperative operation makes the
///   timeout late. Cancellation is still cooperative here.
/// - Giving a sub-call a fresh timeout instead of the remaining budget. A
///   child must never outlive its parent's deadline (``Deadline/child(timeout:)``).
/// - Sleeping on the real clock in tests. Inject `some Clock<Duration>` and
///   drive a manual clock.
///
/// ## Key takeaway
/// A timeout is a race between the operation and `clock.sleep` inside a
/// throwing task group: take the first result, `cancelAll()` the rest. The
/// group guarantees the loser has finished before the function returns.
/// Pass deadlines (instants), not durations, down the call chain, and take
/// the minimum when nesting.
///
/// ## Go → Swift
/// Go's `WithTimeout`/`WithDeadline` store a deadline in the `ctx` value and
/// close `ctx.Done()` when it passes; `context.DeadlineExceeded` is this
/// file's ``TimeoutError``. Go's tests slept for real (two seconds for one
/// test); here every test drives a manual clock and takes microseconds. Go
/// nests deadlines automatically through `ctx`; in Swift a ``Deadline`` is a
/// plain value you pass down, and ``Deadline/child(timeout:)`` takes the minimum.
public enum DeadlinesAndTimeouts {
    /// The operation did not finish before its deadline (Go's
    /// `context.DeadlineExceeded`).
    public struct TimeoutError: Error, Equatable, Sendable, CustomStringConvertible {
        public init() {}

        public var description: String { "the operation did not finish before its deadline" }
    }

    /// Runs `operation`, giving up after `timeout` on `clock`.
    ///
    /// - Throws: ``TimeoutError`` if the time runs out first (the operation
    ///   has been cancelled and has finished by then), or whatever the
    ///   operation throws.
    public static func withTimeout<C: Clock<Duration>, T: Sendable>(
        _ timeout: Duration,
        clock: C,
        operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withDeadline(clock.now.advanced(by: timeout), clock: clock, operation: operation)
    }

    /// Runs `operation`, giving up at `deadline` on `clock`.
    ///
    /// A deadline that has already passed throws before the operation starts.
    ///
    /// - Throws: ``TimeoutError``, or whatever the operation throws.
    public static func withDeadline<C: Clock<Duration>, T: Sendable>(
        _ deadline: C.Instant,
        clock: C,
        operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        guard clock.now < deadline else { throw TimeoutError() }
        return try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await clock.sleep(until: deadline, tolerance: nil)
                throw TimeoutError()
            }
            // Whoever finishes first decides; the loser is cancelled, and the
            // group still waits for it before returning, so nothing leaks.
            defer { group.cancelAll() }
            guard let first = try await group.next() else { preconditionFailure("the group has two children") }
            return first
        }
    }

    /// The pitfall: Go's `select { case r := <-done: … case <-time.After(d): … }`
    /// translated literally, with unstructured tasks.
    ///
    /// On timeout it throws ``TimeoutError`` at once, but the operation is
    /// neither cancelled nor awaited: it keeps running after this returns
    /// (Go's leaked goroutine). Do not use it; it is here to be tested.
    public static func leakyTimeout<C: Clock<Duration>, T: Sendable>(
        _ timeout: Duration,
        clock: C,
        operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = FirstOutcome(continuation)
            Task {
                do {
                    outcome.resolve(with: .success(try await operation()))
                } catch {
                    outcome.resolve(with: .failure(error))
                }
            }
            Task {
                try? await clock.sleep(for: timeout)
                outcome.resolve(with: .failure(TimeoutError()))
            }
        }
    }

    /// Resumes a continuation with whichever result arrives first.
    ///
    /// The continuation never changes, so a single atomic flag is enough to
    /// guarantee it is resumed exactly once; later results are dropped (the
    /// abandoned work this pitfall leaks).
    private final class FirstOutcome<T: Sendable>: Sendable {
        private let continuation: CheckedContinuation<T, any Error>
        private let resolved = Atomic(false)

        init(_ continuation: CheckedContinuation<T, any Error>) {
            self.continuation = continuation
        }

        func resolve(with result: Result<T, any Error>) {
            let (won, _) = resolved.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing)
            if won { continuation.resume(with: result) }
        }
    }

    /// A point in time on a clock that work must finish by: the value Go
    /// keeps inside a `context.Context`, passed down explicitly.
    public struct Deadline<C: Clock<Duration>>: Sendable {
        public let instant: C.Instant
        public let clock: C

        /// A deadline at `instant` on `clock`.
        public init(_ instant: C.Instant, clock: C) {
            self.instant = instant
            self.clock = clock
        }

        /// Go's `context.WithTimeout(context.Background(), timeout)`.
        public init(after timeout: Duration, clock: C) {
            self.init(clock.now.advanced(by: timeout), clock: clock)
        }

        /// The budget left: `instant - now`, never negative.
        public var remaining: Duration {
            max(clock.now.duration(to: instant), .zero)
        }

        /// Whether the deadline has passed.
        public var hasPassed: Bool { clock.now >= instant }

        /// Go's `context.WithTimeout(parent, timeout)`: the child's deadline is
        /// the *earlier* of the parent's and `now + timeout`, so a sub-call can
        /// never outlive the request it serves.
        public func child(timeout: Duration) -> Deadline {
            Deadline(min(instant, clock.now.advanced(by: timeout)), clock: clock)
        }

        /// Runs `operation` with this deadline (see
        /// ``DeadlinesAndTimeouts/withDeadline(_:clock:operation:)``), handing
        /// the deadline to the operation so it can derive children.
        public func run<T: Sendable>(_ operation: @escaping @Sendable (Deadline) async throws -> T) async throws -> T {
            try await withDeadline(instant, clock: clock) { try await operation(self) }
        }
    }
}
