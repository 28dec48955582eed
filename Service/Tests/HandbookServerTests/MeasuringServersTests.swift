import HandbookServer
import Synchronization
import Testing

/// Timing is tested on a clock the test moves (no test measures real time);
/// memory is measured in an exit test's own process, where nothing else
/// allocates.
@Suite("Measuring a server")
struct MeasuringServersTests {
    /// A clock that moves only when told: `body` advances it by its scripted cost.
    final class ScriptedClock: Clock, Sendable {
        struct Instant: InstantProtocol {
            var offset: Duration
            func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
            func duration(to other: Instant) -> Duration { other.offset - offset }
            static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
        }
        private let current = Mutex(Duration.zero)
        var now: Instant { Instant(offset: current.withLock { $0 }) }
        var minimumResolution: Duration { .nanoseconds(1) }
        func advance(by duration: Duration) { current.withLock { $0 += duration } }
        func sleep(until deadline: Instant, tolerance: Duration?) async throws {
            preconditionFailure("nothing sleeps in these tests")
        }
    }

    @Test("the tests run in a debug build: fine for checking behaviour, wrong for timing it")
    func testsAreADebugBuild() {
        #if DEBUG
            #expect(Measuring.isDebugBuild)
        #else
            #expect(!Measuring.isDebugBuild)
        #endif
    }

    @Test("with glibc the heap statistics are there, and an allocation of 1 MiB shows in them")
    func heapStatisticsAreAvailable() async {
        #if canImport(Glibc)
            #expect(Measuring.heapBytesInUse() != nil)
            await #expect(processExitsWith: .success) {
                let measured = Measuring.retainedBytes { [UInt8](repeating: 7, count: 1 << 20) }
                precondition((measured?.bytes ?? 0) >= 1 << 20, "saw \(measured?.bytes ?? -1) bytes")
            }
        #endif
    }

    @Test("median and tail are nearest-rank order statistics of the samples")
    func percentiles() {
        let timings = Timings(samples: (1...100).reversed().map { .milliseconds($0) })
        #expect(timings.samples.first == .milliseconds(1))
        #expect(timings.median == .milliseconds(50))
        #expect(timings.percentile(0.99) == .milliseconds(99))
        #expect(timings.percentile(1) == .milliseconds(100))
        #expect(timings.percentile(0.07) == .milliseconds(7), "0.07 × 100 is 7.000000000000001 in Double")
        #expect(timings.percentile(0.001) == .milliseconds(1))
        #expect(Timings(samples: [.seconds(3)]).percentile(0.5) == .seconds(3))
    }

    @Test("warm-up runs are run but not measured")
    func warmupIsExcluded() {
        let clock = ScriptedClock()
        let calls = Mutex(0)
        // The first two calls are cold (100 ms), the rest warm (1 ms).
        let timings = Timings.measure(iterations: 5, warmup: 2, clock: clock) {
            let call = calls.withLock { calls in
                calls += 1
                return calls
            }
            clock.advance(by: call <= 2 ? .milliseconds(100) : .milliseconds(1))
        }
        #expect(calls.withLock { $0 } == 7)
        #expect(timings.samples == Array(repeating: .milliseconds(1), count: 5))
    }

    @Test("a mean hides the tail that a percentile shows")
    func percentilesShowTheTail() {
        // 98 fast requests and 2 that hit a cold cache.
        let samples: [Duration] = Array(repeating: .milliseconds(2), count: 98) + [.seconds(1), .seconds(1)]
        let timings = Timings(samples: samples)
        let mean = samples.reduce(.zero, +) / samples.count
        #expect(timings.median == .milliseconds(2))
        #expect(timings.percentile(0.99) == .seconds(1))
        #expect(mean > .milliseconds(20), "the mean (\(mean)) describes no request that happened")
    }

    @Test("bad input is a programmer error: no samples, no iterations, a percentile outside (0, 1]")
    func badInputTraps() async {
        await #expect(processExitsWith: .failure) { _ = Timings(samples: []) }
        await #expect(processExitsWith: .failure) { _ = Timings(samples: [.zero]).percentile(0) }
        await #expect(processExitsWith: .failure) { _ = Timings(samples: [.zero]).percentile(1.5) }
        await #expect(processExitsWith: .failure) { _ = Timings.measure(iterations: 0) {} }
    }

    @Test("copy-on-write, measured: a copy allocates nothing until it is written")
    func copyOnWriteShowsInTheHeap() async {
        // In a process of its own: no other test allocates during the measurement.
        await #expect(processExitsWith: .success) {
            let original = [UInt8](repeating: 1, count: 8 << 20)
            guard let shared = Measuring.retainedBytes({ () -> [UInt8] in original }),
                let written = Measuring.retainedBytes({ () -> [UInt8] in
                    var copy = original
                    copy[0] = 2
                    return copy
                })
            else {
                #if canImport(Glibc)
                    preconditionFailure("glibc's heap statistics are missing: the measurement would be vacuous")
                #else
                    return  // no glibc: nothing to measure
                #endif
            }
            precondition(shared.bytes < 64 << 10, "sharing allocated \(shared.bytes) bytes")
            precondition(written.bytes >= 8 << 20, "the first write copied only \(written.bytes) bytes")
            precondition(shared.result.count + written.result.count == 16 << 20)
        }
    }
}
