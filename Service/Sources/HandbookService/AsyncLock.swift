/// A first-come, first-served lock for async code: holders may suspend while
/// holding it (a SQLite transaction awaits each statement), which an actor
/// alone does not allow, because an actor is re-entered at every `await`.
///
/// Waiting is bounded and cancellable: a waiter gives up after `timeout`
/// (``TimedOut``) or when its task is cancelled, and leaves the queue
/// either way, so an overloaded writer sheds requests instead of queueing
/// them for as long as it takes.
actor AsyncLock {
    /// No turn came within the wait's timeout.
    struct TimedOut: Error, Equatable, CustomStringConvertible {
        let timeout: Duration
        var description: String { "the database writer was busy for \(timeout)" }
    }

    private var isLocked = false
    /// FIFO by id: ids grow, so the first in `order` still in `waiters` is next.
    private var waiters: [Int: CheckedContinuation<Void, any Error>] = [:]
    private var order: [Int] = []
    private var head = 0
    private var nextID = 0
    private let clock: any Clock<Duration>

    init(clock: any Clock<Duration> = ContinuousClock()) {
        self.clock = clock
    }

    /// How many are waiting (for tests).
    var waiting: Int { waiters.count }

    func lock(timeout: Duration?) async throws {
        try Task.checkCancellation()
        guard isLocked else {
            isLocked = true
            return
        }
        let id = nextID
        nextID += 1
        let timer = timeout.map { timeout in
            Task { [clock] in
                guard (try? await clock.sleep(for: timeout)) != nil else { return }  // cancelled: got the lock
                self.abandon(id, with: TimedOut(timeout: timeout))
            }
        }
        defer { timer?.cancel() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // Cancelled before this ran: the handler found no waiter to remove.
                if Task.isCancelled { return continuation.resume(throwing: CancellationError()) }
                waiters[id] = continuation
                order.append(id)
            }
        } onCancel: {
            Task { await self.abandon(id, with: CancellationError()) }
        }
    }

    /// A waiter leaves the queue without the lock (timed out or cancelled);
    /// a no-op if it already got the lock.
    private func abandon(_ id: Int, with error: any Error) {
        waiters.removeValue(forKey: id)?.resume(throwing: error)
    }

    func unlock() {
        while head < order.count {
            let id = order[head]
            head += 1
            if let next = waiters.removeValue(forKey: id) {
                compact()
                // Ownership passes straight to the next waiter: no barging.
                next.resume()
                return
            }
        }
        compact()
        isLocked = false
    }

    /// Drops the served prefix once it is half the array, so memory stays
    /// bounded under sustained contention.
    private func compact() {
        if head * 2 >= order.count {
            order.removeFirst(head)
            head = 0
        }
    }

    nonisolated func withLock<T: Sendable>(timeout: Duration?, _ body: () async throws -> T) async throws -> T {
        try await lock(timeout: timeout)
        do {
            let value = try await body()
            await unlock()
            return value
        } catch {
            await unlock()
            throw error
        }
    }
}
