// `onCancel` is a nonisolated `@Sendable` closure that runs on whichever
// thread calls `cancel()`, so inside an actor method it cannot touch the
// actor synchronously. The fix hops (`fine`): the waiter is then resumed
// asynchronously, not necessarily before `cancel()` returns.
actor Mailbox {
    var waiters: [Int: CheckedContinuation<Void, Never>] = [:]

    func removeWaiter(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }

    func fine() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { waiters[0] = $0 }
        } onCancel: {
            Task { await self.removeWaiter(0) }
        }
    }

    func rejected() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { waiters[1] = $0 }
        } onCancel: {
            removeWaiter(1)
        }
    }
}
