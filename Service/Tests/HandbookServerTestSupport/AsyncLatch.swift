import Synchronization

/// Opens once; every task waiting on it then continues, and later waits
/// return at once. The Phase 5 tests order events with it instead of
/// sleeping: "the request has started", "release the handler".
///
/// Not an `EventLoopPromise`: a promise of a blocked event loop cannot
/// deliver its callbacks, since they run on that very loop.
public final class AsyncLatch: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    public init() {}

    /// Returns once ``open()`` has been called (at once if it has).
    public func wait() async {
        await withCheckedContinuation { continuation in
            let open = state.withLock { state in
                if !state.open { state.waiters.append(continuation) }
                return state.open
            }
            if open { continuation.resume() }
        }
    }

    /// Opens the latch for good; callable from any thread.
    public func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
