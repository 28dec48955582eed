/// A clock whose time moves only when a test says so.
///
/// Production code takes `some Clock<Duration>` (or `any Clock<Duration>`) and
/// is given `ContinuousClock()`. Tests give it a `ManualClock` and call
/// ``advance(by:)``: a timeout of an hour "passes" in microseconds, and the
/// test decides exactly when each sleeper wakes. This is what replaces every
/// `time.Sleep` of the Go seed.
///
/// To advance *after* the code under test has started sleeping (and not
/// before, which would be a race), await ``waitForSleepers(count:)`` first.
///
/// Sleeping is cancellation-aware, like `ContinuousClock`: cancelling a
/// sleeping task makes its `sleep` throw `CancellationError` at once.
public final class ManualClock: Clock, Sendable {
    /// A point on the manual timeline: the time elapsed since the clock was made.
    public struct Instant: InstantProtocol, Sendable, CustomStringConvertible {
        public var offset: Duration

        public init(offset: Duration) {
            self.offset = offset
        }

        public func advanced(by duration: Duration) -> Instant {
            Instant(offset: offset + duration)
        }

        public func duration(to other: Instant) -> Duration {
            other.offset - offset
        }

        public static func < (lhs: Instant, rhs: Instant) -> Bool {
            lhs.offset < rhs.offset
        }

        public var description: String { "t+\(offset)" }
    }

    private struct Sleeper {
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var nextID = 0
        var sleepers: [Int: Sleeper] = [:]
        var cancelledBeforeRegistering: Set<Int> = []
        var sleeperWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Locked(State())

    public init() {}

    public var now: Instant { state.withLock { $0.now } }

    public var minimumResolution: Duration { .zero }

    /// How many tasks are currently suspended in `sleep(until:)`.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        try Task.checkCancellation()
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Outcome {
                    case resumeNow, cancelNow
                    case suspended([CheckedContinuation<Void, Never>])
                }
                let outcome: Outcome = state.withLock { state in
                    if state.cancelledBeforeRegistering.remove(id) != nil { return .cancelNow }
                    if deadline <= state.now { return .resumeNow }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return .suspended(Self.takeSatisfiedWaiters(&state))
                }
                switch outcome {
                case .resumeNow: continuation.resume()
                case .cancelNow: continuation.resume(throwing: CancellationError())
                case .suspended(let waiters): for waiter in waiters { waiter.resume() }
                }
            }
        } onCancel: {
            let sleeper: Sleeper? = state.withLock { state in
                if let sleeper = state.sleepers.removeValue(forKey: id) { return sleeper }
                // The handler can run before the continuation is registered.
                state.cancelledBeforeRegistering.insert(id)
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has passed,
    /// earliest deadline first.
    public func advance(by duration: Duration) {
        precondition(duration >= .zero, "a clock cannot go backwards (advance(by: \(duration)))")
        let due: [Sleeper] = state.withLock { state in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let dueIDs = state.sleepers.filter { $0.value.deadline <= now }.map(\.key)
            return dueIDs.compactMap { state.sleepers.removeValue(forKey: $0) }
                .sorted { $0.deadline < $1.deadline }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Suspends until at least `count` tasks are sleeping on this clock.
    ///
    /// Call it before ``advance(by:)`` so the advance is observed by the code
    /// under test instead of racing with it.
    public func waitForSleepers(count: Int = 1) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready: Bool = state.withLock { state in
                if state.sleepers.count >= count { return true }
                state.sleeperWaiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    private static func takeSatisfiedWaiters(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        let sleeping = state.sleepers.count
        let ready = state.sleeperWaiters.filter { $0.count <= sleeping }.map(\.continuation)
        state.sleeperWaiters.removeAll { $0.count <= sleeping }
        return ready
    }
}
