// The internals lessons' cost claims:
// - ExistentialsAndDispatch.swift: a call through `any Shape` goes through a
//   witness table and cannot be inlined; a value over three words is boxed on
//   the heap when it enters an existential.
// - ExecutorsAndActorHopping.swift: every call into an actor from outside is
//   a hop (an enqueue on its executor); a batch inside the actor is plain calls.
// - CooperativeThreadPool.swift: a task is a heap-allocated frame scheduled on
//   a few threads; a thread is a kernel object with its own stack.
import Benchmark
import Dispatch
import Foundation
import HandbookBenchmarkSupport
import HandbookInternals

typealias Shape = ExistentialsAndDispatch.Shape
typealias ThreeWords = ExistentialsAndDispatch.ThreeWords
typealias FourWords = ExistentialsAndDispatch.FourWords

let shapeCount = 10_000
let threeWords = (0..<shapeCount).map { ThreeWords(a: $0 % 7, b: 2, c: 3) }
let fourWords = (0..<shapeCount).map { FourWords(a: $0 % 7, b: 2, c: 3, d: 1) }
/// `nonisolated(unsafe)`: `any Shape` is not `Sendable`, and this array is only ever read.
nonisolated(unsafe) let anyThreeWords: [any Shape] = threeWords
let hops = 10_000
let units = 1_000

@inline(never)
func totalArea<S: Shape>(_ shapes: [S]) -> Int {
    shapes.reduce(0) { $0 &+ $1.area() }
}

@inline(never)
func totalArea(_ shapes: [any Shape]) -> Int {
    shapes.reduce(0) { $0 &+ $1.area() }
}

/// A default actor, for the same pair without a custom executor.
actor PlainCounter {
    var value = 0
    func increment() { value += 1 }
    func increment(times: Int) { for _ in 0..<times { increment() } }
}

let benchmarks: @Sendable () -> Void = {
    BenchmarkRun.configureDefaults(metrics: BenchmarkRun.memoryMetrics)

    // MARK: dispatch (ExistentialsAndDispatch.swift)

    Benchmark("Sum 10k areas · generic [ThreeWords] (specialized, inlined)") { _ in
        blackHole(totalArea(threeWords))
    }
    Benchmark("Sum 10k areas · existential [any Shape] (witness-table call each)") { _ in
        blackHole(totalArea(anyThreeWords))
    }
    Benchmark("Box 10k values as any Shape · ThreeWords (24 bytes, inline buffer)") { _ in
        var boxes: [any Shape] = []
        boxes.reserveCapacity(shapeCount)
        for value in threeWords { boxes.append(value) }
        blackHole(boxes)
    }
    Benchmark("Box 10k values as any Shape · FourWords (32 bytes, heap box each)") { _ in
        var boxes: [any Shape] = []
        boxes.reserveCapacity(shapeCount)
        for value in fourWords { boxes.append(value) }
        blackHole(boxes)
    }

    // MARK: actor hops (ExecutorsAndActorHopping.swift)

    Benchmark("Actor 10k increments · one call, increment(times:) inside the actor") { _ in
        let counter = PlainCounter()
        await counter.increment(times: hops)
        blackHole(await counter.value)
    }
    Benchmark("Actor 10k increments · 10k awaited calls from outside (a hop each)") { _ in
        let counter = PlainCounter()
        for _ in 0..<hops { await counter.increment() }
        blackHole(await counter.value)
    }
    // Wall clock and malloc only: ordo-one/benchmark's retain/release hooks
    // crash on Swift 6.3 when a job runs on a custom executor (its issue #349).
    let noRuntimeHooks = BenchmarkRun.configuration()
    Benchmark("Queue-backed actor 10k increments · one call, increment(times:)", configuration: noRuntimeHooks) {
        benchmark in
        let executor = ExecutorsAndActorHopping.QueueExecutor(label: "bench.batch")
        let counter = ExecutorsAndActorHopping.QueueBackedCounter(executor: executor)
        benchmark.startMeasurement()  // not the queue's creation
        await counter.increment(times: hops)
        benchmark.stopMeasurement()
        precondition(executor.enqueuedJobs <= 2, "expected one hop, saw \(executor.enqueuedJobs) enqueues")
    }
    Benchmark(
        "Queue-backed actor 10k increments · 10k awaited calls (an executor enqueue each)",
        configuration: noRuntimeHooks
    ) { benchmark in
        let executor = ExecutorsAndActorHopping.QueueExecutor(label: "bench.hops")
        let counter = ExecutorsAndActorHopping.QueueBackedCounter(executor: executor)
        benchmark.startMeasurement()
        for _ in 0..<hops { await counter.increment() }
        benchmark.stopMeasurement()
        // The premise of the pair: every call really was a hop onto the executor.
        precondition(executor.enqueuedJobs >= hops, "only \(executor.enqueuedJobs) enqueues for \(hops) calls")
    }

    // MARK: tasks vs threads (CooperativeThreadPool.swift)

    Benchmark("1k concurrent units of work · 1k child tasks (cooperative pool)") { _ in
        let total = await withTaskGroup(of: Int.self) { group in
            for unit in 0..<units { group.addTask { unit &* 31 } }
            return await group.reduce(0, &+)
        }
        blackHole(total)
    }
    Benchmark("1k concurrent units of work · 1k Threads (one kernel thread each)") { _ in
        let finished = DispatchGroup()
        for unit in 0..<units {
            finished.enter()
            let thread = Thread {
                blackHole(unit &* 31)
                finished.leave()
            }
            thread.start()
        }
        finished.wait()
    }
}
