/// A one-shot latch for tests: tasks `wait()` until someone calls `open()`.
///
/// Gates replace sleeps. Instead of "sleep 50 ms and hope the other task got
/// there", a test holds work at a known point and releases it when it chooses,
/// so the interleaving is the same on every run and every machine.
///
/// ```swift
/// let started = Gate(), release = Gate()
/// let task = Task { started.open(); await release.wait(); return 42 }
/// await started.wait()     // the task is now parked at `release`
/// release.open()
/// #expect(await task.value == 42)
/// ```
///
/// Waiting is not cancellable on purpose: a gate models "this point is reached",
/// and a test that never opens it should hang loudly (`.timeLimit`) rather
/// than pass by accident.
public final class Gate: Sendable {
    private enum State {
        case closed([CheckedContinuation<Void, Never>])
        case open
    }

    private let state = Locked(State.closed([]))

    public init() {}

    /// Whether `open()` has been called.
    public var isOpen: Bool {
        state.withLock {
            if case .open = $0 { return true }
            return false
        }
    }

    /// Releases every current and future waiter. Opening twice is harmless.
    public func open() {
        let waiters: [CheckedContinuation<Void, Never>] = state.withLock { state in
            guard case .closed(let waiters) = state else { return [] }
            state = .open
            return waiters
        }
        // Resume outside the lock: a resumed task may immediately call back in.
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until the gate is open; returns at once if it already is.
    public func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let openAlready: Bool = state.withLock { state in
                switch state {
                case .open:
                    return true
                case .closed(var waiters):
                    waiters.append(continuation)
                    state = .closed(waiters)
                    return false
                }
            }
            if openAlready { continuation.resume() }
        }
    }
}
