// Phase 1 memory claims about Array: `reserveCapacity` saves the regrowths
// (ArraysAndSlices.swift) and a retained copy makes the next write copy the
// whole buffer (ValueAndReferenceSemantics.swift). Watch mallocCountTotal:
// the counts are exact even where the wall clock is noisy.
import Benchmark
import HandbookBasics
import HandbookBenchmarkSupport

let appendCount = 100_000
let cowCount = 10_000
let cowWrites = 100

let benchmarks: @Sendable () -> Void = {
    BenchmarkRun.configureDefaults(metrics: BenchmarkRun.memoryMetrics)

    // MARK: append with vs without reserveCapacity (ArraysAndSlices.swift)

    Benchmark("Array append 100k · with reserveCapacity") { _ in
        var numbers = ArraysAndSlices.emptyWithCapacity(appendCount)
        for value in 0..<appendCount { numbers.append(value) }
        blackHole(numbers)
    }
    Benchmark("Array append 100k · without reserveCapacity (grows by doubling)") { _ in
        var numbers: [Int] = []
        for value in 0..<appendCount { numbers.append(value) }
        blackHole(numbers)
    }

    // MARK: copy-on-write with and without a retained copy (ValueAndReferenceSemantics.swift)

    Benchmark("Array 10k, 100 writes · unique buffer (written in place)") { benchmark in
        var numbers = ArraysAndSlices.filled(count: cowCount)
        benchmark.startMeasurement()
        for index in 0..<cowWrites {
            numbers[index] = index
        }
        blackHole(numbers)
    }
    Benchmark("Array 10k, 100 writes · each after a retained copy (copy-on-write copies)") { benchmark in
        var numbers = ArraysAndSlices.filled(count: cowCount)
        benchmark.startMeasurement()
        for index in 0..<cowWrites {
            let snapshot = numbers  // shares the buffer: no copy yet
            numbers[index] = index  // not unique any more: copies 10k elements, then writes
            blackHole(snapshot)
        }
        blackHole(numbers)
    }
}
