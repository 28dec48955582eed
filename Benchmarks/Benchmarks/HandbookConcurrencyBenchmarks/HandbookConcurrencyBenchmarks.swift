// The concurrency lessons' performance claims, each next to its reference:
// - LocksAndMutex.swift / Atomics.swift: a shared counter protected four ways
//   (`Mutex`, `Atomic`, `NSLock`, an actor), from one caller (uncontended) or
//   split over two threads or tasks (contended, 2 cores). The same choice is
//   made in HandbookDataStructures/LRUCache.swift and the rate limiter.
// - BoundedChannel.swift vs swift-async-algorithms' `AsyncChannel` and
//   `AsyncStream` (Channels.swift in this folder).
// - WorkerPool.swift vs a raw task group (WorkerPools.swift in this folder).
import Benchmark
import Dispatch
import Foundation
import HandbookBenchmarkSupport
import Synchronization

let increments = 10_000

final class MutexCounter: Sendable {
    let value = Mutex(0)
    func increment() { value.withLock { $0 += 1 } }
}

final class AtomicCounter: Sendable {
    let value = Atomic(0)
    func increment() { value.wrappingAdd(1, ordering: .relaxed) }
}

final class LockCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() { lock.withLock { value += 1 } }
}

actor ActorCounter {
    var value = 0
    func increment() { value += 1 }
}

/// Runs `body` on two threads at once, `increments / 2` times each.
func contended(_ body: @Sendable () -> Void) {
    DispatchQueue.concurrentPerform(iterations: 2) { _ in
        for _ in 0..<(increments / 2) { body() }
    }
}

let benchmarks: @Sendable () -> Void = {
    BenchmarkRun.configureDefaults(maxDuration: .seconds(1))
    channelBenchmarks()
    workerPoolBenchmarks()

    // MARK: Uncontended

    Benchmark("Counter +1 ×10k uncontended · Mutex") { _ in
        let counter = MutexCounter()
        for _ in 0..<increments { counter.increment() }
        blackHole(counter.value.withLock { $0 })
    }
    Benchmark("Counter +1 ×10k uncontended · Atomic (relaxed)") { _ in
        let counter = AtomicCounter()
        for _ in 0..<increments { counter.increment() }
        blackHole(counter.value.load(ordering: .relaxed))
    }
    Benchmark("Counter +1 ×10k uncontended · NSLock") { _ in
        let counter = LockCounter()
        for _ in 0..<increments { counter.increment() }
        blackHole(counter)
    }
    Benchmark("Counter +1 ×10k uncontended · actor") { _ in
        let counter = ActorCounter()
        for _ in 0..<increments { await counter.increment() }
        blackHole(await counter.value)
    }

    // MARK: Contended: two threads (or two tasks) hammer one counter

    Benchmark("Counter +1 ×10k contended · Mutex") { _ in
        let counter = MutexCounter()
        contended { counter.increment() }
        blackHole(counter.value.withLock { $0 })
    }
    Benchmark("Counter +1 ×10k contended · Atomic (relaxed)") { _ in
        let counter = AtomicCounter()
        contended { counter.increment() }
        blackHole(counter.value.load(ordering: .relaxed))
    }
    Benchmark("Counter +1 ×10k contended · NSLock") { _ in
        let counter = LockCounter()
        contended { counter.increment() }
        blackHole(counter)
    }
    Benchmark("Counter +1 ×10k contended · actor") { _ in
        let counter = ActorCounter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    for _ in 0..<(increments / 2) { await counter.increment() }
                }
            }
        }
        blackHole(await counter.value)
    }
}
