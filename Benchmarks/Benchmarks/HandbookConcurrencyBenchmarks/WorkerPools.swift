// WorkerPool.map (HandbookConcurrency/WorkerPool.swift: a sliding window of
// `limit` child tasks) against the raw task group it is built from, which
// adds every job at once. Same jobs on both sides: `jobCount` small
// CPU-bound computations, results collected in input order.
import Benchmark
import Foundation
import HandbookBenchmarkSupport
import HandbookConcurrency

let jobCount = 10_000

/// Rounds per job, read at run time so the optimizer cannot fold the loop
/// into a constant (a literal count let it unroll and collapse the job).
let jobRounds = Int(ProcessInfo.processInfo.environment["HANDBOOK_JOB_ROUNDS"] ?? "") ?? 256

/// A job worth a few hundred nanoseconds (a chain of dependent multiplies):
/// enough that scheduling is not all there is, small enough that it shows.
@Sendable func job(_ seed: Int) -> Int {
    var hash = seed
    for _ in 0..<jobRounds { hash = hash &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 }
    return hash
}

func rawTaskGroup(_ jobs: [Int]) async -> [Int] {
    await withTaskGroup(of: (Int, Int).self) { group in
        for (index, seed) in jobs.enumerated() {
            group.addTask { (index, job(seed)) }
        }
        var results = [Int](repeating: 0, count: jobs.count)
        for await (index, output) in group { results[index] = output }
        return results
    }
}

func workerPoolBenchmarks() {
    let jobs = Array(0..<jobCount)

    Benchmark("Worker pool 10k jobs · ours WorkerPool.map (limit 8)") { _ in
        blackHole(try await WorkerPool.map(jobs, limit: 8) { job($0) })
    }
    Benchmark("Worker pool 10k jobs · ours WorkerPool.map (limit 2, one per core)") { _ in
        blackHole(try await WorkerPool.map(jobs, limit: 2) { job($0) })
    }
    Benchmark("Worker pool 10k jobs · raw task group (all 10k children at once)") { _ in
        blackHole(await rawTaskGroup(jobs))
    }
}
