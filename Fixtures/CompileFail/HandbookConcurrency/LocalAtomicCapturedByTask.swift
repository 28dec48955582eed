// Like `Mutex`, `Atomic` is `~Copyable` and must live at a stable address:
// a local one captured by a child task does not compile. Store it in a
// `final class …: Sendable` (or a global `let`).
import Synchronization

func countConcurrently() async -> Int {
    let hits = Atomic(0)
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<10 {
            group.addTask { hits.wrappingAdd(1, ordering: .relaxed) }
        }
    }
    return hits.load(ordering: .relaxed)
}
