import Benchmark
import Foundation

/// Settings shared by every benchmark target.
public enum BenchmarkRun {
    /// `HANDBOOK_BENCHMARK_SMOKE=1` (set by `./compare --smoke` and CI) runs
    /// each benchmark once or twice: enough to prove it builds and does not
    /// crash, far too little to time anything.
    public static let isSmoke = ProcessInfo.processInfo.environment["HANDBOOK_BENCHMARK_SMOKE"] == "1"

    /// Wall clock and malloc count for every benchmark; throughput because the
    /// JMH export (what `./compare` reads) needs it as its primary metric.
    public static let metrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .throughput]

    /// The metrics plus object allocations and retain/release counts, for
    /// the memory lessons (escape analysis, copy-on-write, boxing).
    public static let memoryMetrics: [BenchmarkMetric] = metrics + [.objectAllocCount, .retainCount, .releaseCount]

    /// Sets `Benchmark.defaultConfiguration` for a target. Call it first in
    /// the target's `benchmarks` closure.
    ///
    /// A benchmark stops at `maxDuration` or `maxIterations`, whichever comes
    /// first, so a full run of the package takes a few minutes on 2 cores.
    public static func configureDefaults(
        metrics: [BenchmarkMetric] = metrics,
        maxDuration: Duration = .seconds(2),
        maxIterations: Int = 200
    ) {
        Benchmark.defaultConfiguration = configuration(
            metrics: metrics, maxDuration: maxDuration, maxIterations: maxIterations)
    }

    /// A configuration that honours smoke mode.
    public static func configuration(
        metrics: [BenchmarkMetric] = metrics,
        maxDuration: Duration = .seconds(2),
        maxIterations: Int = 200
    ) -> Benchmark.Configuration {
        isSmoke
            ? .init(metrics: metrics, warmupIterations: 0, maxDuration: .milliseconds(1), maxIterations: 2)
            : .init(metrics: metrics, warmupIterations: 2, maxDuration: maxDuration, maxIterations: maxIterations)
    }
}

/// Reproducible inputs: every run and every side of a pair sees the same data.
public enum BenchmarkInput {
    /// `count` pseudo-random integers in `0..<bound`, from a fixed seed.
    public static func randomInts(_ count: Int, below bound: Int = .max, seed: UInt64 = 0x5EED) -> [Int] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in Int.random(in: 0..<bound, using: &generator) }
    }
}

/// SplitMix64: a tiny, fast, seedable generator (Steele, Lea and Flood 2014).
/// The randomized quicksort gets this instead of `SystemRandomNumberGenerator`,
/// so its pivots, and so its timings, are the same on every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
