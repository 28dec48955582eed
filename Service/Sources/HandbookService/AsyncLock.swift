/// A first-come, first-served lock for async code: holders may suspend while
/// holding it (a SQLite transaction awaits each statement), which an actor
/// alone does not allow, because an actor is re-entered at every `await`.
///
/// Waiting is not cancellable: a transaction that has been queued runs.
actor AsyncLock {
    private var isLocked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var head = 0

    func lock() async {
        guard isLocked else {
            isLocked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        guard head < waiters.count else {
            isLocked = false
            waiters.removeAll(keepingCapacity: true)
            head = 0
            return
        }
        // Ownership passes straight to the next waiter: no barging.
        let next = waiters[head]
        head += 1
        // Under sustained contention the queue never empties: drop the
        // served prefix once it is half the array, so memory stays bounded.
        if head * 2 >= waiters.count {
            waiters.removeFirst(head)
            head = 0
        }
        next.resume()
    }

    nonisolated func withLock<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await lock()
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
