// A local `Mutex` cannot be shared with child tasks: it is `~Copyable`, so
// the closure would capture a reference to a local variable, which is not
// safe to send. Swift 6 rejects it. The fix: store the Mutex in a
// `final class …: Sendable` (or a global `let`) and capture the class.
import Synchronization

func countConcurrently() async -> Int {
    let hits = Mutex(0)
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<10 {
            group.addTask { hits.withLock { $0 += 1 } }
        }
    }
    return hits.withLock { $0 }
}
