// Phase 4 algorithms against the standard library and swift-algorithms.
// Names read "<operation> · <implementation>" so each comparison sorts together.
import Algorithms
import Benchmark
import HandbookAlgorithms
import HandbookBenchmarkSupport

/// The sizes of the time-against-n chart (`./compare --charts`), 1k to 1M.
let sortSizes: [(label: String, input: [Int])] = [
    ("1k", BenchmarkInput.randomInts(1_000)), ("10k", BenchmarkInput.randomInts(10_000)),
    ("100k", BenchmarkInput.randomInts(100_000)), ("1M", BenchmarkInput.randomInts(1_000_000)),
]
let sorted10k = BenchmarkInput.randomInts(10_000, below: 1 << 40).sorted()
let sorted1M = BenchmarkInput.randomInts(1_000_000, below: 1 << 40).sorted()
/// 1 000 lookups per iteration: half present, half (almost surely) absent.
func targets(in sorted: [Int]) -> [Int] {
    var generator = SplitMix64(seed: 11)
    return (0..<1_000).map { index in
        index.isMultiple(of: 2)
            ? sorted.randomElement(using: &generator)! : Int.random(in: 0..<(1 << 40), using: &generator)
    }
}
let targets10k = targets(in: sorted10k)
let targets1M = targets(in: sorted1M)

/// A unique copy of `input`, made before the measured part begins, so the
/// in-place sorts do not time copy-on-write.
func uniqueCopy(_ input: [Int], _ benchmark: Benchmark) -> [Int] {
    var copy = input
    copy.withUnsafeMutableBufferPointer { _ in }  // forces the copy now
    benchmark.startMeasurement()
    return copy
}

func registerSorts(_ label: String, _ input: [Int]) {
    Benchmark("Sort \(label) Int · ours quickSort") { benchmark in
        var elements = uniqueCopy(input, benchmark)
        var generator = SplitMix64(seed: 42)
        Sorting.quickSort(&elements, using: &generator, by: <)
        blackHole(elements)
    }
    Benchmark("Sort \(label) Int · ours mergeSorted") { _ in
        blackHole(Sorting.mergeSorted(input))
    }
    Benchmark("Sort \(label) Int · ours heapSort") { benchmark in
        var elements = uniqueCopy(input, benchmark)
        Sorting.heapSort(&elements, by: <)
        blackHole(elements)
    }
    Benchmark("Sort \(label) Int · ours introSort") { benchmark in
        var elements = uniqueCopy(input, benchmark)
        Sorting.introSort(&elements)
        blackHole(elements)
    }
    Benchmark("Sort \(label) Int · ours mergeSort (one scratch buffer)") { benchmark in
        var elements = uniqueCopy(input, benchmark)
        Sorting.mergeSort(&elements)
        blackHole(elements)
    }
    Benchmark("Sort \(label) Int · stdlib sort()") { benchmark in
        var elements = uniqueCopy(input, benchmark)
        elements.sort()
        blackHole(elements)
    }
}

let benchmarks: @Sendable () -> Void = {
    BenchmarkRun.configureDefaults()

    // MARK: Sorting.swift vs stdlib sort() (a modified timsort since Swift 5)

    for (label, input) in sortSizes { registerSorts(label, input) }

    // MARK: BinarySearch.swift vs swift-algorithms and a linear scan

    Benchmark("Search 10k sorted ×1k lookups · ours BinarySearch.lowerBound") { _ in
        for target in targets10k { blackHole(BinarySearch.lowerBound(of: target, in: sorted10k)) }
    }
    Benchmark("Search 10k sorted ×1k lookups · swift-algorithms partitioningIndex") { _ in
        for target in targets10k { blackHole(sorted10k.partitioningIndex { $0 >= target }) }
    }
    Benchmark("Search 10k sorted ×1k lookups · stdlib firstIndex (linear)") { _ in
        for target in targets10k { blackHole(sorted10k.firstIndex { $0 >= target }) }
    }
    Benchmark("Search 1M sorted ×1k lookups · ours BinarySearch.lowerBound") { _ in
        for target in targets1M { blackHole(BinarySearch.lowerBound(of: target, in: sorted1M)) }
    }
    Benchmark("Search 1M sorted ×1k lookups · swift-algorithms partitioningIndex") { _ in
        for target in targets1M { blackHole(sorted1M.partitioningIndex { $0 >= target }) }
    }
}
