// `withLock` takes a synchronous closure: a lock cannot be held across a
// suspension point. Do the async work first, then lock, check and mutate.
import Synchronization

final class Cache: Sendable {
    let entries = Mutex(0)

    func refresh(fetch: @Sendable () async -> Int) async {
        entries.withLock { value in
            value = await fetch()
        }
    }
}
