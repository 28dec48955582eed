import CHeapStatistics

/// Measuring a Swift server on Linux: a release build, percentiles over
/// warmed-up runs, allocations counted in isolation, `perf` for where the
/// time goes, and sanitizers for what the compiler cannot see.
///
/// ```swift
/// let timings = Timings.measure(iterations: 1_000, warmup: 100) { handle(request) }
/// print(timings.median, timings.percentile(0.99))
/// // and, in a process of its own (an exit test, a benchmark):
/// let (_, bytes) = Measuring.retainedBytes { cache.insert(order) }!
/// ```
///
/// ## Why interviewers ask this
/// "Your endpoint got slower after a change: how do you find out why?" The
/// answer is a method, not a tool name: reproduce it in a release build,
/// compare distributions (p50 and p99, not a mean), count allocations (the
/// usual cost in Swift: ARC traffic and copies), profile with `perf`, and
/// use the sanitizers for races and memory errors. Interviewers also check
/// that you know what misleads: debug builds, cold caches, a noisy machine.
///
/// ## Common pitfalls
/// - Timing a debug build. `swift build` and `swift test` default to debug:
///   no optimisation, generics unspecialised, every ARC operation kept (and
///   C targets, SQLite say, at -O0 too). Compute-heavy code can be up to
///   10-100× slower, I/O-bound code a few times, and slow in different
///   places. Benchmark with `-c release` (`package-benchmark` does); a
///   release build keeps its symbols, and `perf record --call-graph dwarf`
///   gives whole stacks when frame pointers do not.
/// - Reporting a mean of a few runs. Latency is skewed: report the median
///   and a tail percentile over many runs, after a warm-up, and compare
///   distributions between builds, on a quiet machine.
/// - Counting allocations while anything else runs. Process-wide counters
///   (`mallinfo2`, malloc interposers) see every thread: measure in a
///   process of its own, as this lesson's tests do in an exit test, or with
///   `package-benchmark`'s `mallocCountTotal`.
/// - Expecting `perf` everywhere. In containers and VMs, hardware counters
///   are often unavailable (`perf stat -e instructions true` tells); then
///   count instructions with `valgrind --tool=callgrind`, which is slow but
///   repeatable.
/// - Trusting ThreadSanitizer blindly: it reports races it cannot prove
///   ordered. On Linux with Swift 6.3 it does not model
///   `Synchronization.Mutex`, so correct `Mutex` code can be reported
///   (this project measured it and keeps a suppressions file); a report on
///   `NSLock`, an actor or `Atomic` code is real until shown otherwise.
///
/// ## Key takeaway
/// Measure a release build, warmed up, many times; compare medians and
/// tails, not means; count allocations in isolation; then profile (`perf
/// record -g`, or callgrind) to see where the time goes. Sanitizers catch
/// races and memory errors the type system let through.
///
/// ## Go → Swift
/// Go ships it in the toolchain: `go test -bench` with `-benchmem` for
/// allocations, `pprof` for CPU and heap, `-race` for races, and `go
/// build` is always optimised. Swift splits it: `package-benchmark` for
/// benchmarks and allocation counts, `perf`/`valgrind` for profiles,
/// `--sanitize=thread|address` for races and memory errors, and the build
/// configuration is a choice you must get right.
public enum Measuring {
    /// Whether this binary was built without optimisation (`swift build`'s
    /// and `swift test`'s default): never time one.
    public static var isDebugBuild: Bool {
        #if DEBUG
            true
        #else
            false
        #endif
    }

    /// Bytes currently allocated through `malloc` in this process (glibc's
    /// `mallinfo2()`: arena chunks, `uordblks`, plus mmapped blocks,
    /// `hblkhd`, where large allocations go; chunk sizes, headers included);
    /// `nil` without glibc 2.33 or later.
    public static func heapBytesInUse() -> Int? {
        handbook_heap_statistics_available() != 0 ? Int(handbook_heap_bytes_in_use()) : nil
    }

    /// Runs `body` and reports how many more bytes are allocated after it
    /// than before, with its result still alive.
    ///
    /// Process-wide: another thread's allocations land in the count, so call
    /// it where nothing else runs (a child process, an exit test).
    public static func retainedBytes<T>(_ body: () -> T) -> (result: T, bytes: Int)? {
        guard let before = heapBytesInUse() else { return nil }
        let result = body()
        guard let after = heapBytesInUse() else { return nil }
        return (result, after - before)
    }
}

/// Durations of repeated runs, sorted, with order statistics.
public struct Timings: Sendable, Equatable {
    /// Every measured run (warm-up excluded), shortest first.
    public let samples: [Duration]

    /// - Precondition: `samples` is not empty.
    public init(samples: [Duration]) {
        precondition(!samples.isEmpty, "Timings needs at least one sample")
        self.samples = samples.sorted()
    }

    /// Runs `body` `warmup` times unmeasured (caches, lazy initialisation,
    /// page faults), then `iterations` times, timing each run on `clock`.
    /// - Precondition: `iterations >= 1` and `warmup >= 0`.
    public static func measure<C: Clock<Duration>>(
        iterations: Int, warmup: Int = 0, clock: C = ContinuousClock(), _ body: () -> Void
    ) -> Timings {
        precondition(iterations >= 1 && warmup >= 0, "need iterations >= 1 and warmup >= 0")
        for _ in 0..<warmup { body() }
        var samples: [Duration] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            samples.append(clock.measure(body))
        }
        return Timings(samples: samples)
    }

    /// The nearest-rank percentile: the smallest sample with at least a
    /// fraction `q` of all samples at or below it.
    /// - Precondition: `0 < q <= 1`.
    /// - Complexity: O(1): the samples are sorted.
    public func percentile(_ q: Double) -> Duration {
        precondition(q > 0 && q <= 1, "a percentile is in (0, 1], got \(q)")
        // q × n in floating point can land just above a whole number
        // (0.07 × 100 = 7.000000000000001): without the nudge, ceil would
        // pick the 8th sample instead of the 7th.
        let rank = Int((q * Double(samples.count) - 1e-9).rounded(.up))
        return samples[min(max(rank, 1), samples.count) - 1]
    }

    /// The 50th percentile.
    public var median: Duration { percentile(0.5) }
}
